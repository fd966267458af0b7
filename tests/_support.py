"""What every test suite shares: the one environment scrub and the one fake clock."""

from __future__ import annotations

import os

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
