"""The rest of an order's life over CrossTrade's WebSocket RPC (loopback sandbox): the calls
whose RPC the CrossTrade endpoint pages name (``Change``, ``CancelOrders``, ``ClosePosition``,
``Flatten``; ``specs/crosstrade.asyncapi.yaml``) travel as one RPC each and leave the same
state REST would; the account reads with no documented RPC are ``NotSupported`` before anything
is sent."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import attrs
import pytest

import orderbridge as ob
from orderbridge_sandbox import SandboxServer

from ._ws_support import ACCOUNT, LIMIT, MARKET, TOKEN


def test_modify_travels_as_change_and_the_order_rests_at_its_new_price(
    server: SandboxServer, ws: ob.Session, rest: ob.Session
) -> None:
    placed = ws.place_order(LIMIT, account=ACCOUNT)
    modified = ws.modify_order(placed.order_id, account=ACCOUNT, limit_price=Decimal("5499.75"))
    assert modified.order_id == placed.order_id  # CrossTrade amends in place
    assert server.websockets.counts["change_order"] == 1
    resting = server.sandbox.broker("crosstrade").book.get(placed.order_id)  # type: ignore[attr-defined]
    assert resting.working and resting.limit_price == Decimal("5499.75")
    assert [o.order_id for o in rest.open_orders(account=ACCOUNT)] == [placed.order_id]


def test_partial_close_travels_as_close_position(server: SandboxServer, ws: ob.Session, rest: ob.Session) -> None:
    ws.place_order(attrs.evolve(MARKET, quantity=Decimal("2")), account=ACCOUNT)
    ws.close_position(MARKET.instrument, account=ACCOUNT, quantity=1)
    assert server.websockets.counts["close_position"] == 1
    assert [(p.instrument, p.quantity) for p in rest.positions(account=ACCOUNT)] == [(MARKET.instrument, Decimal(1))]


def test_flatten_travels_as_cancel_orders_then_flatten(server: SandboxServer, ws: ob.Session, rest: ob.Session) -> None:
    ws.place_order(attrs.evolve(MARKET, side="sell", quantity=Decimal("3")), account=ACCOUNT)
    ws.place_order(LIMIT, account=ACCOUNT)
    report = ws.flatten(account=ACCOUNT)
    assert report.complete and not report.emulated, report
    assert server.websockets.counts["cancel_orders"] == 1 and server.websockets.counts["flatten_positions"] == 1
    assert rest.open_orders(account=ACCOUNT) == [] and rest.positions(account=ACCOUNT) == []


def test_async_cancel_all_travels_as_cancel_orders(server: SandboxServer, rest: ob.Session) -> None:
    async def go() -> list[ob.ItemOutcome]:
        async with ob.connect_async(
            "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
        ) as broker:
            await broker.place_order(LIMIT, account=ACCOUNT)
            await broker.place_order(LIMIT, account=ACCOUNT)
            return await broker.cancel_all_orders(account=ACCOUNT)

    items = asyncio.run(go())
    assert len(items) == 2 and all(i.status is ob.ItemStatus.DONE for i in items), items
    assert server.websockets.counts["cancel_orders"] == 1
    assert rest.open_orders(account=ACCOUNT) == []


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [("open_orders", {}), ("positions", {}), ("balances", {}), ("fills", {})],
)
def test_reads_without_a_documented_rpc_are_not_supported(
    server: SandboxServer, ws: ob.Session, method: str, kwargs: dict[str, object]
) -> None:
    with pytest.raises(ob.NotSupported, match="documents no WebSocket RPC"):
        getattr(ws, method)(account=ACCOUNT, **kwargs)
    assert server.websockets.accepted == 0  # refused before a connection was even opened
