"""Fixtures for the WebSocket transport tests: a strict sandbox served on loopback (REST and the
WebSocket API on one port) and sessions over either transport."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox, SandboxServer, start

from ._ws_support import TOKEN


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with start(Sandbox(strict=True), port=0) as running:
        yield running


@pytest.fixture
def ws(server: SandboxServer) -> Iterator[ob.Session]:
    """A sync session over the WebSocket RPC."""
    with ob.connect(
        "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
    ) as session:
        yield session


@pytest.fixture
def rest(server: SandboxServer) -> Iterator[ob.Session]:
    """A sync session over REST, against the same sandbox state."""
    with ob.connect("crosstrade", base_url=server.broker_url("crosstrade"), credentials=TOKEN) as session:
        yield session
