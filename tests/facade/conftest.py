"""Fixtures of the facade tests (helpers live in :mod:`tests.facade.helpers`).

Every test runs with the ``ORDERBRIDGE_*`` and proxy variables removed from the environment, so
nothing from the developer's shell leaks in and httpx can never route a request to a real proxy.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from .._support import FakeClock, clean_env


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_env(monkeypatch)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Safety net: a session built without a MockTransport must fail the test, not go online."""
    attempts: list[str] = []

    def refuse(self: object, request: httpx.Request) -> httpx.Response:
        attempts.append(str(request.url))
        raise RuntimeError(f"network access attempted in a test: {request.url}")

    async def refuse_async(self: object, request: httpx.Request) -> httpx.Response:
        return refuse(self, request)

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
    monkeypatch.setattr(httpx.AsyncHTTPTransport, "handle_async_request", refuse_async)
    yield
    assert attempts == [], f"tests must not touch the network: {attempts}"
