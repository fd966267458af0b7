"""The orderbridge facade end to end against the in-process sandbox: placement, and the
ambiguous outcome produced on purpose with a record-then-drop fault (no duplicate orders)."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox
from orderbridge_sandbox.brokers.crosstrade import CrossTrade

from ._sandbox_support import ORDERS, connect, connect_async

pytestmark = pytest.mark.wall_clock  # the facade reads back over windows of real time


@pytest.mark.parametrize("broker", ob.BROKERS)
def test_place_order(sandbox: Sandbox, broker: str) -> None:
    order, account = ORDERS[broker]
    with connect(sandbox, broker) as session:
        placed = session.place_order(order, account=account)
    recorded = sandbox.orders(broker)
    assert [(o.order_id, o.client_order_id) for o in recorded] == [(placed.order_id, placed.client_order_id)]


@pytest.mark.parametrize("broker", ["topstepx", "crosstrade"])
def test_dropped_placement_is_unknown_then_resolved(sandbox: Sandbox, broker: str) -> None:
    """No retry at brokers that do not deduplicate: OutcomeUnknown, and resolve finds the order."""
    order, account = ORDERS[broker]
    sandbox.add_fault(f"{broker}:place_order:drop_after_record:1")
    with connect(sandbox, broker) as session:
        with pytest.raises(ob.OutcomeUnknown) as unknown:
            session.place_order(order, account=account)
        assert unknown.value.client_order_id is not None
        found = session.resolve(unknown.value.client_order_id, account=account)
    assert found is not None and found.client_order_id == unknown.value.client_order_id
    assert len(sandbox.orders(broker)) == 1


def test_sophic_retries_with_the_same_idempotency_key(sandbox: Sandbox) -> None:
    order, account = ORDERS["sophic"]
    sandbox.add_fault("sophic:place_order:drop_after_record:1")
    with connect(sandbox, "sophic") as session:
        placed = session.place_order(order, account=account)
    assert [o.client_order_id for o in sandbox.orders("sophic")] == [placed.client_order_id]
    assert [e.status for e in sandbox.log if e.operation == "place_order"] == [None, 201]


def test_tradestation_retry_hits_the_duplicate_check(sandbox: Sandbox) -> None:
    order, account = ORDERS["tradestation"]
    sandbox.add_fault("tradestation:place_order:drop_after_record:1")
    with connect(sandbox, "tradestation") as session, pytest.raises(ob.OutcomeUnknown):
        session.place_order(order, account=account)
    assert len(sandbox.orders("tradestation")) == 1


def test_crosstrade_flatten_first_uses_flatplace(sandbox: Sandbox) -> None:
    order, account = ORDERS["crosstrade"]
    with connect(sandbox, "crosstrade") as session:
        session.place_order(order, account=account)
        session.place_order(
            ob.Order(instrument="MES 12-25", side="sell", type="market", quantity=Decimal("1"), flatten_first=True),
            account=account,
        )
    assert [e.operation for e in sandbox.log] == ["place_order", "flat_place_order"]
    crosstrade = sandbox.broker("crosstrade")
    assert isinstance(crosstrade, CrossTrade)
    assert crosstrade.book.ledger.positions() != []  # closed the long, then sold one


def test_async_session(sandbox: Sandbox) -> None:
    order, account = ORDERS["topstepx"]

    async def run() -> ob.PlacedOrder:
        async with connect_async(sandbox, "topstepx") as session:
            return await session.place_order(order, account=account)

    assert asyncio.run(run()).order_id == "9056"
