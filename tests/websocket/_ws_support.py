"""Shared values and helpers of the WebSocket transport tests."""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal

import orderbridge as ob
from orderbridge.brokers.crosstrade import websocket

RPC = websocket
"""CrossTrade's WebSocket RPC module (``WebSocketTransport``, ``rpc_request``, ``reply_status``...),
the one ``connect(transport="websocket")`` finds through the broker's description: every transport
test asserts its session's transport is this module's class."""

TOKEN = {"token": "demo-token"}
ACCOUNT = "Sim101"
MARKET = ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=Decimal("1"))
LIMIT = ob.Order(
    instrument="MES 12-25", side="buy", type="limit", quantity=Decimal("2"), limit_price=Decimal("5500.25")
)


def eventually(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait until ``predicate()`` holds (polling); fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.01)
