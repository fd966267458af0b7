"""An order's whole life against the in-process sandbox, through the facade: partial close,
fills with exact prices, a modified limit order resting at its new price, and a flatten that
leaves nothing working and nothing open — for every broker that documents the operations."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox

from ._sandbox_support import connect, connect_async

pytestmark = pytest.mark.wall_clock  # the facade reads back over windows of real time

FUTURES = {
    # broker: (account, instrument, a limit price far below the market, a new limit price)
    "topstepx": ("465", "CON.F.US.MES.Z25", Decimal("5000.25"), Decimal("5001.50")),
    "crosstrade": ("Sim101", "MES 12-25", Decimal("5000.25"), Decimal("5001.50")),
    "tradestation": ("123456", "MSFT", Decimal("200.25"), Decimal("201.50")),
}


def market(instrument: str, side: str, quantity: int) -> ob.Order:
    return ob.Order(instrument=instrument, side=side, type="market", quantity=Decimal(quantity))


@pytest.mark.parametrize("broker", list(FUTURES))
def test_partial_close_leaves_one_and_fills_are_exact(sandbox: Sandbox, broker: str) -> None:
    account, instrument, _, _ = FUTURES[broker]
    emulate = ob.capabilities(broker).support("close_position") is ob.Support.EMULATED
    with connect(sandbox, broker) as session:
        bought = session.place_order(market(instrument, "buy", 2), account=account)
        session.close_position(instrument, account=account, quantity=1, emulate=emulate)
        positions = session.positions(account=account)
        assert [(p.instrument, p.quantity) for p in positions] == [(instrument, Decimal(1))]
        ledger = sandbox.broker(broker).book.ledger.fills  # type: ignore[attr-defined]
        assert [(f.side.value, f.quantity) for f in ledger] == [("buy", Decimal(2)), ("sell", Decimal(1))]
        if ob.capabilities(broker).support("fills") is ob.Support.NO:
            with pytest.raises(ob.NotSupported):
                session.fills(account=account)
            return
        fills = session.fills(account=account)
    assert [(f.side, f.quantity) for f in fills] == [(ob.Side.BUY, Decimal(2)), (ob.Side.SELL, Decimal(1))]
    assert fills[0].order_id == bought.order_id
    # Exact prices: the same digits the sandbox recorded, not a float's approximation.
    assert [str(f.price) for f in fills] == [str(f.price) for f in ledger]
    assert [f.fill_id for f in fills] == [f.id for f in ledger]


@pytest.mark.parametrize("broker", list(FUTURES))
def test_modified_limit_order_rests_at_its_new_price(sandbox: Sandbox, broker: str) -> None:
    account, instrument, price, new_price = FUTURES[broker]
    order = ob.Order(instrument=instrument, side="buy", type="limit", quantity=Decimal(1), limit_price=price)
    with connect(sandbox, broker) as session:
        placed = session.place_order(order, account=account)
        modified = session.modify_order(placed.order_id, account=account, limit_price=new_price)
        working = session.open_orders(account=account)
    assert [o.order_id for o in working] == [modified.order_id]
    resting = sandbox.broker(broker).book.get(modified.order_id)  # type: ignore[attr-defined]
    assert resting.working and resting.limit_price == new_price


@pytest.mark.parametrize("broker", list(FUTURES))
def test_flatten_leaves_no_working_orders_and_no_positions(sandbox: Sandbox, broker: str) -> None:
    account, instrument, price, _ = FUTURES[broker]
    emulate = ob.capabilities(broker).support("flatten") is ob.Support.EMULATED
    limit = ob.Order(instrument=instrument, side="buy", type="limit", quantity=Decimal(1), limit_price=price)
    with connect(sandbox, broker) as session:
        # A short position where a plain opposite order covers it; TradeStation equities need
        # BUYTOCOVER (see the next test), so a long one there.
        side = "buy" if broker == "tradestation" else "sell"
        session.place_order(market(instrument, side, 3), account=account)
        session.place_order(limit, account=account)
        session.place_order(limit, account=account)
        assert len(session.open_orders(account=account)) == 2
        report = session.flatten(account=account, emulate=emulate)
        assert report.complete, report
        assert session.open_orders(account=account) == []
        assert session.positions(account=account) == []
    assert report.emulated is emulate
    assert len(report.cancelled) == 2


def test_tradestation_short_equity_is_not_closed_with_a_plain_buy(sandbox: Sandbox) -> None:
    account, instrument, _, _ = FUTURES["tradestation"]
    with connect(sandbox, "tradestation") as session:
        session.place_order(market(instrument, "sell", 2), account=account)
        before = len(sandbox.orders("tradestation"))
        with pytest.raises(ob.NotSupported, match="BUYTOCOVER"):
            session.close_position(instrument, account=account, emulate=True)
        report = session.flatten(account=account, emulate=True)
        assert len(sandbox.orders("tradestation")) == before  # nothing was placed
        assert [(i.action, i.status) for i in report.items] == [("close", ob.ItemStatus.REFUSED)]
        assert [p.quantity for p in session.positions(account=account)] == [Decimal(-2)]


@pytest.mark.parametrize("broker", list(FUTURES))
def test_async_twin_runs_the_same_life(sandbox: Sandbox, broker: str) -> None:
    account, instrument, price, new_price = FUTURES[broker]
    caps = ob.capabilities(broker)

    async def life() -> tuple[list[ob.Position], ob.FlattenReport, list[ob.Position]]:
        async with connect_async(sandbox, broker) as session:
            await session.place_order(market(instrument, "buy", 2), account=account)
            order = ob.Order(instrument=instrument, side="buy", type="limit", quantity=Decimal(1), limit_price=price)
            placed = await session.place_order(order, account=account)
            await session.modify_order(placed.order_id, account=account, limit_price=new_price)
            before = await session.positions(account=account)
            report = await session.flatten(account=account, emulate=caps.support("flatten") is ob.Support.EMULATED)
            after = await session.positions(account=account)
            return before, report, after

    before, report, after = asyncio.run(life())
    assert [p.quantity for p in before] == [Decimal(2)]
    assert report.complete and after == []


def test_sophic_holdings_balances_and_emulated_sell(sandbox: Sandbox) -> None:
    account = "acc_abc123"
    with connect(sandbox, "sophic") as session:
        positions = session.positions(account=account)
        assert positions and all(p.quantity > 0 for p in positions)
        balance = session.balances(account=account)
        assert balance.cash is not None and balance.buying_power is not None and balance.equity is None
        target = positions[0]
        with pytest.raises(ob.NotSupported):
            session.close_position(target.instrument, account=account, quantity=1)
        session.close_position(target.instrument, account=account, quantity=target.quantity, emulate=True)
        [sell] = [o for o in sandbox.orders("sophic", account=account) if o.side == "sell"]
        assert (sell.instrument, sell.quantity) == (target.instrument, target.quantity)
        with pytest.raises(ob.NotSupported):
            session.modify_order(sell.order_id, account=account, quantity=1)
