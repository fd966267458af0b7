"""The one order model end to end against the sandbox: every ``OrderStatus`` is reachable
through each broker's own words (partial fills and cancel races included), reads carry the
descriptive fields, TradeStation's cancel/replace moves the order to a new ``OrderID``, and a
snapshot says what it could not read."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox
from orderbridge_sandbox.book import State

from ._sandbox_support import connect, connect_async

pytestmark = pytest.mark.wall_clock  # the facade reads back over windows of real time

S = ob.OrderStatus
LIMITS = {  # (instrument, account, limit price) of a resting buy limit order
    "topstepx": ("CON.F.US.MES.Z25", "465", Decimal("5000.25")),
    "crosstrade": ("MES 12-25", "Sim101", Decimal("5000.25")),
    "tradestation": ("MSFT", "123456", Decimal("300.50")),
}
BOOK_BROKERS = sorted(LIMITS)


def _book(sandbox: Sandbox, broker: str) -> Any:
    return sandbox.broker(broker).book  # type: ignore[attr-defined]


def _resting(session: ob.Session, broker: str, quantity: str = "3") -> tuple[str, str]:
    instrument, account, price = LIMITS[broker]
    order = ob.Order(instrument=instrument, side="buy", type="limit", quantity=Decimal(quantity), limit_price=price)
    return session.place_order(order, account=account).order_id, account


@pytest.mark.parametrize("broker", BOOK_BROKERS)
def test_a_resting_order_reads_back_what_it_is(sandbox: Sandbox, broker: str) -> None:
    instrument, account, price = LIMITS[broker]
    with connect(sandbox, broker) as session:
        order_id, _ = _resting(session, broker)
        found = session.get_order(order_id, account=account)
        listed = session.open_orders(account=account)
    assert (found.status, found.instrument, found.side, found.type) == (
        S.OPEN,
        instrument,
        ob.Side.BUY,
        ob.OrderType.LIMIT,
    )
    assert (found.quantity, found.limit_price, found.filled_quantity) == (Decimal(3), price, Decimal(0))
    assert found.broker_status  # the broker's own word is kept
    assert found.created_at is None or found.created_at.tzinfo is not None
    assert [o.order_id for o in listed] == [order_id] and listed[0].limit_price == price


# One lifecycle per broker, through fills on demand (Sandbox.fill) and the book's moves; each step
# names the status it must read as.
@pytest.mark.parametrize("broker", BOOK_BROKERS)
def test_partial_fill_then_a_cancel_race_that_ends_filled(sandbox: Sandbox, broker: str) -> None:
    book = _book(sandbox, broker)
    with connect(sandbox, broker) as session:
        order_id, account = _resting(session, broker)
        order = book.get(order_id)
        seen = [session.get_order(order_id, account=account).status]
        sandbox.fill(broker, order_id, quantity=Decimal(1))
        partly = session.get_order(order_id, account=account)
        seen.append(partly.status)
        book.move(order, State.PENDING_CANCEL)
        seen.append(session.get_order(order_id, account=account).status)
        sandbox.fill(broker, order_id)  # the fill wins the race against the cancel
        final = session.get_order(order_id, account=account)
        seen.append(final.status)
    assert seen == [S.OPEN, S.PARTIALLY_FILLED, S.PENDING_CANCEL, S.FILLED]
    assert partly.filled_quantity == Decimal(1) and partly.average_fill_price is not None
    assert final.filled_quantity == Decimal(3)


@pytest.mark.parametrize("broker", BOOK_BROKERS)
@pytest.mark.parametrize(
    ("state", "expected"),
    [(State.PENDING, S.PENDING_NEW), (State.CANCELLED, S.CANCELLED), (State.REJECTED, S.REJECTED)],
)
def test_book_states_read_as_one_status(sandbox: Sandbox, broker: str, state: State, expected: ob.OrderStatus) -> None:
    with connect(sandbox, broker) as session:
        order_id, account = _resting(session, broker)
        _book(sandbox, broker).move(_book(sandbox, broker).get(order_id), state)
        assert session.get_order(order_id, account=account).status is expected


@pytest.mark.parametrize(("broker", "expected"), [("topstepx", S.EXPIRED), ("tradestation", S.EXPIRED)])
def test_an_expired_order(sandbox: Sandbox, broker: str, expected: ob.OrderStatus) -> None:
    with connect(sandbox, broker) as session:
        order_id, account = _resting(session, broker)
        _book(sandbox, broker).move(_book(sandbox, broker).get(order_id), State.EXPIRED)
        assert session.get_order(order_id, account=account).status is expected


def test_crosstrade_has_no_expired_state_so_a_lapsed_order_reads_cancelled(sandbox: Sandbox) -> None:
    with connect(sandbox, "crosstrade") as session:
        order_id, account = _resting(session, "crosstrade")
        _book(sandbox, "crosstrade").move(_book(sandbox, "crosstrade").get(order_id), State.EXPIRED)
        found = session.get_order(order_id, account=account)
    assert (found.status, found.broker_status) == (S.CANCELLED, "Cancelled")


@pytest.mark.parametrize("broker", BOOK_BROKERS)
def test_partial_fill_then_cancel_keeps_the_fill(sandbox: Sandbox, broker: str) -> None:
    with connect(sandbox, broker) as session:
        order_id, account = _resting(session, broker)
        sandbox.fill(broker, order_id, quantity=Decimal(1))
        session.cancel_order(order_id, account=account)
        found = session.get_order(order_id, account=account)
    # TradeStation reports FLP ("partial fill, order complete"), which it groups as filled.
    expected = S.FILLED if broker == "tradestation" else S.CANCELLED
    assert (found.status, found.filled_quantity) == (expected, Decimal(1))


def test_tradestation_cancel_replace_moves_the_order_to_a_new_id(sandbox: Sandbox) -> None:
    with connect(sandbox, "tradestation") as session:
        order_id, account = _resting(session, "tradestation")
        changed = session.modify_order(order_id, account=account, limit_price=Decimal("301.25"))
        old = session.get_order(order_id, account=account)
        new = session.get_order(changed.order_id, account=account)
        working = session.open_orders(account=account)
    assert changed.order_id != order_id
    assert (old.status, old.broker_status) == (S.REPLACED, "UCH")
    assert (new.status, new.limit_price, new.quantity) == (S.OPEN, Decimal("301.25"), Decimal(3))
    assert [o.order_id for o in working] == [changed.order_id]


def test_sophic_moves_through_its_documented_lifecycle(sandbox: Sandbox) -> None:
    """The default script: placed, executing, filled, settled (one step per read)."""
    order = ob.Order(instrument="ins_xyz789", side="buy", cash_amount=Decimal("100.00"))
    with connect(sandbox, "sophic") as session:
        placed = session.place_order(order, account="acc_abc123")
        words = [session.get_order(placed.order_id, account="acc_abc123") for _ in range(4)]
    assert [(o.broker_status, o.status) for o in words] == [
        ("executing", S.OPEN),
        ("filled", S.FILLED),
        ("settled", S.FILLED),
        ("settled", S.FILLED),
    ]
    assert words[-1].filled_quantity and words[-1].filled_quantity > 0
    assert (words[-1].instrument, words[-1].side, words[-1].quantity) == ("ins_xyz789", ob.Side.BUY, None)


def test_sophic_documented_cancel_scenario(sandbox: Sandbox) -> None:
    order = ob.Order(instrument="ins_xyz789", side="buy", cash_amount=Decimal("5001"))
    with connect(sandbox, "sophic") as session:
        placed = session.place_order(order, account="acc_abc123")
        statuses = [session.get_order(placed.order_id, account="acc_abc123").status for _ in range(2)]
    assert statuses == [S.OPEN, S.CANCELLED]


# -- the snapshot ------------------------------------------------------------------------------------
ACCOUNTS = {"topstepx": "465", "crosstrade": "Sim101", "tradestation": "123456", "sophic": "acc_abc123"}


@pytest.mark.parametrize("broker", ob.BROKERS)
def test_snapshot_reads_every_part_and_says_what_it_could_not(sandbox: Sandbox, broker: str) -> None:
    account = ACCOUNTS[broker]
    before = dt.datetime.now(dt.UTC)
    with connect(sandbox, broker) as session:
        if broker in LIMITS:
            order_id, _ = _resting(session, broker)
        snap = session.snapshot(account=account)
    assert snap.taken_at >= before and snap.broker == broker and snap.account == account
    assert snap.balances is not None
    if broker in LIMITS:
        assert [o.order_id for o in snap.open_orders] == [order_id]
        assert snap.open_orders[0].status is S.OPEN
    if broker == "tradestation":  # TradeStation v2 has no executions call
        assert not snap.complete
        missing = snap.missing_part("fills")
        assert missing is not None and isinstance(missing.error, ob.NotSupported)
        assert [m.part for m in snap.missing] == ["fills"]
    else:
        assert snap.complete, snap.missing


def test_snapshot_fills_since_a_fill_id_keeps_only_newer_fills(sandbox: Sandbox) -> None:
    market = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", quantity=Decimal(1))
    with connect(sandbox, "topstepx") as session:
        session.place_order(market, account="465")
        first = session.snapshot(account="465")
        session.place_order(market, account="465")
        second = session.snapshot(account="465", fills_since=first.fills[-1].fill_id)
        unknown_id = session.snapshot(account="465", fills_since="no-such-fill")
    assert len(first.fills) == 1 and first.complete
    assert len(second.fills) == 1 and second.fills[0].fill_id != first.fills[0].fill_id and second.complete
    assert not unknown_id.complete and len(unknown_id.fills) == 2
    part = unknown_id.missing_part("fills")
    assert part is not None and part.error is None


def test_snapshot_records_a_failed_read_instead_of_raising(sandbox: Sandbox) -> None:
    sandbox.add_fault("topstepx:search_open_positions:error=500")
    with connect(sandbox, "topstepx") as session:
        snap = session.snapshot(account="465")
    assert not snap.complete
    assert [m.part for m in snap.missing] == ["positions"]
    assert isinstance(snap.missing[0].error, ob.BrokerUnavailable)
    assert snap.balances is not None  # the other parts were still read


def test_snapshot_refuses_a_naive_fills_since_before_sending(sandbox: Sandbox) -> None:
    with connect(sandbox, "topstepx") as session, pytest.raises(ob.InvalidOrder) as error:
        session.snapshot(account="465", fills_since=dt.datetime(2026, 1, 1))
    assert error.value.field == "fills_since"
    assert sandbox.log == [] or all(e.operation in ("login_key",) for e in sandbox.log)


async def _async_snapshot(sandbox: Sandbox) -> ob.AccountSnapshot:
    async with connect_async(sandbox, "crosstrade") as session:
        return await session.snapshot(account="Sim101")


def test_async_snapshot_is_the_twin(sandbox: Sandbox) -> None:
    import asyncio

    snap = asyncio.run(_async_snapshot(sandbox))
    assert snap.complete and snap.balances is not None
