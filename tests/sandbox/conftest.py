"""Fixtures for the sandbox tests: a strict sandbox (on a manual clock unless the module is marked
``wall_clock``), and raw clients to it, logged in (``api``) or not (``anon``). Facade sessions over
the sandbox, demo credentials and per-broker orders are in :mod:`tests.sandbox._sandbox_support`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from orderbridge_sandbox import ManualClock, Sandbox

from ._sandbox_support import Api, client, logged_in


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "wall_clock: the sandbox keeps real time, for facade reads that look back over a window of"
        " real time (TopstepX's resolve and fills, snapshots since a fill)",
    )


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sleeps() -> list[float]:
    """Latency the sandbox asked to wait (the tests never really sleep)."""
    return []


@pytest.fixture
def sandbox(request: pytest.FixtureRequest, clock: ManualClock, sleeps: list[float]) -> Sandbox:
    if request.node.get_closest_marker("wall_clock"):
        return Sandbox(strict=True)
    return Sandbox(strict=True, clock=clock, sleep=sleeps.append)


def _clients(open_one: Callable[[str], httpx.Client]) -> Iterator[Api]:
    """A client factory for one test; every client it opened is closed after the test."""
    opened: list[httpx.Client] = []

    def make(broker: str) -> httpx.Client:
        opened.append(open_one(broker))
        return opened[-1]

    yield make
    for c in opened:
        c.close()


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[Api]:
    """``api("topstepx")``: a client already holding a valid token for that broker."""
    yield from _clients(lambda broker: logged_in(sandbox, broker))


@pytest.fixture
def anon(sandbox: Sandbox) -> Iterator[Api]:
    """``anon("sophic")``: a client without credentials."""
    yield from _clients(lambda broker: client(sandbox, broker))
