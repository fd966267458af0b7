"""Fixtures for the sandbox tests: a strict sandbox on a manual clock, and logged-in clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from orderbridge_sandbox import ManualClock, Sandbox

from ._sandbox_support import client, logged_in


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sleeps() -> list[float]:
    """Latency the sandbox asked to wait (the tests never really sleep)."""
    return []


@pytest.fixture
def sandbox(clock: ManualClock, sleeps: list[float]) -> Sandbox:
    return Sandbox(strict=True, clock=clock, sleep=sleeps.append)


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[Callable[[str], httpx.Client]]:
    """``api("topstepx")``: a client already holding a valid token for that broker."""
    opened: list[httpx.Client] = []

    def make(broker: str) -> httpx.Client:
        c = logged_in(sandbox, broker)
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.close()


@pytest.fixture
def anon(sandbox: Sandbox) -> Iterator[Callable[[str], httpx.Client]]:
    """``anon("sophic")``: a client without credentials."""
    opened: list[httpx.Client] = []

    def make(broker: str) -> httpx.Client:
        c = client(sandbox, broker)
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.close()
