"""Native order groups end to end: the facade's brackets and OCO groups against the sandbox,
which keeps each broker's group rules (a leg that fills cancels the others; bracket exits are
sent when the entry fills)."""

from __future__ import annotations

from decimal import Decimal

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox
from orderbridge_sandbox.brokers.topstepx import TopstepX

from ._sandbox_support import connect

pytestmark = pytest.mark.wall_clock  # the facade reads back over windows of real time


def statuses(sandbox: Sandbox, broker: str) -> dict[str, str]:
    return {o.order_id: o.status for o in sandbox.orders(broker)}


def test_topstepx_bracket_needs_auto_oco_mode_then_exits_follow_the_fill(sandbox: Sandbox) -> None:
    entry = ob.Order(
        instrument="CON.F.US.MES.Z25", side="buy", type="limit", quantity=Decimal(1), limit_price=Decimal("6300.00")
    )
    with connect(sandbox, "topstepx") as session:
        with pytest.raises(ob.OrderRejected) as position_mode:
            session.place_bracket(entry, account="465", take_profit=Decimal("6310"), stop_loss=Decimal("6295"))
        topstepx = sandbox.broker("topstepx")
        assert isinstance(topstepx, TopstepX)
        topstepx.set_bracket_mode(465, "auto_oco")
        result = session.place_bracket(entry, account="465", take_profit=Decimal("6310"), stop_loss=Decimal("6295"))
        entry_id = result.entry.order_id
        assert [o.order_id for o in session.open_orders(account="465")] == [entry_id]
        assert entry_id is not None
        sandbox.fill("topstepx", entry_id, price=Decimal("6300.00"))
        exits = {o.order_id: o for o in session.open_orders(account="465")}
    assert position_mode.value.code == 2
    assert len(exits) == 2
    by_price = {(o.raw.limit_price or o.raw.stop_price): oid for oid, o in exits.items()}
    assert set(by_price) == {6310.0, 6295.0}  # ticks from the fill, as the facade computed them
    sandbox.fill("topstepx", by_price[6310.0])
    after = statuses(sandbox, "topstepx")
    assert after[by_price[6310.0]] == "Filled" and after[by_price[6295.0]] == "Cancelled"


def test_crosstrade_oco_first_fill_cancels_the_other(sandbox: Sandbox) -> None:
    target = ob.Order(
        instrument="MES 12-25", side="sell", type="limit", quantity=Decimal(1), limit_price=Decimal("6700")
    )
    stop = ob.Order(instrument="MES 12-25", side="sell", type="stop", quantity=Decimal(1), stop_price=Decimal("6500"))
    with connect(sandbox, "crosstrade") as session:
        result = session.place_oco(target, stop, account="Sim101")
    first, second = (leg.order_id for leg in result.legs)
    assert result.accepted and first and second
    sandbox.fill("crosstrade", first)
    after = statuses(sandbox, "crosstrade")
    assert (after[first], after[second]) == ("Filled", "Cancelled")


def test_tradestation_oco_and_bracket(sandbox: Sandbox) -> None:
    buy = ob.Order(instrument="MSFT", side="buy", type="limit", quantity=Decimal(10), limit_price=Decimal("400.00"))
    sell = ob.Order(instrument="MSFT", side="sell", type="limit", quantity=Decimal(10), limit_price=Decimal("450.00"))
    with connect(sandbox, "tradestation") as session:
        oco = session.place_oco(buy, sell, account="123456")
        bracket = session.place_bracket(buy, account="123456", take_profit=Decimal("420"), stop_loss=Decimal("390"))
    first, second = (leg.order_id for leg in oco.legs)
    assert first and second
    sandbox.fill("tradestation", second)
    after = statuses(sandbox, "tradestation")
    assert after[first] != after[second] and after[second] == "FLL"
    entry_id = bracket.entry.order_id
    assert entry_id is not None
    sandbox.fill("tradestation", entry_id)
    exits = [o for o in sandbox.orders("tradestation") if o.order_id not in (first, second, entry_id)]
    assert [o.client_order_id for o in exits] == [
        bracket.take_profit.client_order_id,  # type: ignore[union-attr]
        bracket.stop_loss.client_order_id,  # type: ignore[union-attr]
    ]
    sandbox.fill("tradestation", exits[0].order_id)
    after = statuses(sandbox, "tradestation")
    assert after[exits[0].order_id] == "FLL" and after[exits[1].order_id] == after[first]  # cancelled


def test_topstepx_bracket_mode_is_one_setting_seeded_for_9001(sandbox: Sandbox) -> None:
    """The seeded Auto OCO Brackets account and set_bracket_mode are the same setting: 9001 takes
    brackets until it is switched to Position Brackets, then it refuses them with code 2."""
    entry = ob.Order(
        instrument="CON.F.US.MES.Z25", side="buy", type="limit", quantity=Decimal(1), limit_price=Decimal("6300.00")
    )
    topstepx = sandbox.broker("topstepx")
    assert isinstance(topstepx, TopstepX)
    with pytest.raises(ValueError, match="bracket mode"):
        topstepx.set_bracket_mode(9001, "oco")
    with connect(sandbox, "topstepx") as session:
        accepted = session.place_bracket(entry, account="9001", take_profit=Decimal("6310"), stop_loss=Decimal("6295"))
        topstepx.set_bracket_mode(9001, "position")
        with pytest.raises(ob.OrderRejected) as refused:
            session.place_bracket(entry, account="9001", take_profit=Decimal("6310"), stop_loss=Decimal("6295"))
    assert accepted.accepted and refused.value.code == 2
