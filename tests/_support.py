"""What every test suite shares: the one environment scrub, the one fake clock, and the one way
to parametrize from files without reading them on import."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence

import pytest

SCRUBBED = ("NETRC", "SSL_CERT_FILE")
"""Variables besides ``ORDERBRIDGE_*`` and ``*_PROXY`` that a test run must not inherit."""


def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Remove the ``ORDERBRIDGE_*``, proxy, netrc and CA-bundle variables for one test, so nothing
    from the developer's shell leaks in and httpx can never route a request to a real proxy."""
    for name in list(os.environ):
        upper = name.upper()
        if upper.startswith("ORDERBRIDGE_") or upper.endswith("_PROXY") or upper in SCRUBBED:
            monkeypatch.delenv(name, raising=False)


class FakeClock:
    """A monotonic clock the test moves by hand (pass it as a session's ``clock``)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def cases(
    argnames: str | Sequence[str], source: Callable[[], Iterable[object]], **kwargs: object
) -> pytest.MarkDecorator:
    """``@cases("case", source)``: parametrize ``case`` with ``source()``, called while pytest
    collects (by ``tests/conftest.py``) instead of when the module is imported; ``kwargs`` go to
    ``metafunc.parametrize`` (``ids``, ``indirect``...). For cases read from specs or payload
    files: no test module does I/O at import time."""
    return pytest.mark.cases(argnames, source, **kwargs)
