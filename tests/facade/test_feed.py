"""The live feed's state, with plain values: fills once, orders never backwards, a gap then a
repair whose events bring the consumer's view to the broker's, and the silence watchdog."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import orderbridge as ob

S = ob.OrderStatus
T0 = dt.datetime(2026, 1, 5, 14, 30, tzinfo=dt.UTC)


class Clocks:
    def __init__(self) -> None:
        self.now = 0.0

    def wall(self) -> dt.datetime:
        return T0 + dt.timedelta(seconds=self.now)

    def monotonic(self) -> float:
        return self.now


def feed(kinds: Any = ob.KINDS, watchdog: float | None = 30.0, clocks: Clocks | None = None) -> ob.Feed:
    clocks = clocks or Clocks()
    return ob.Feed("topstepx", ["465"], kinds=kinds, watchdog=watchdog, wall=clocks.wall, monotonic=clocks.monotonic)


def order(order_id: str = "1", status: S = S.OPEN, filled: int | None = 0, **kw: Any) -> ob.BrokerOrder:
    return ob.BrokerOrder(
        broker="topstepx",
        account="465",
        order_id=order_id,
        status=status,
        broker_status=status.value,
        instrument="CON.F.US.MES.Z25",
        quantity=Decimal(2),
        filled_quantity=None if filled is None else Decimal(filled),
        **kw,
    )


def fill(fill_id: str, order_id: str = "1", quantity: int = 1, second: int = 0) -> ob.Fill:
    return ob.Fill(
        broker="topstepx",
        account="465",
        order_id=order_id,
        fill_id=fill_id,
        instrument="CON.F.US.MES.Z25",
        side=ob.Side.BUY,
        quantity=Decimal(quantity),
        price=Decimal("5000.25"),
        time=T0 + dt.timedelta(seconds=second),
    )


def position(quantity: int, instrument: str = "CON.F.US.MES.Z25") -> ob.Position:
    return ob.Position(
        broker="topstepx", account="465", instrument=instrument, quantity=Decimal(quantity), average_price=Decimal(5000)
    )


def balance(cash: str) -> ob.Balance:
    return ob.Balance(broker="topstepx", account="465", currency="USD", cash=Decimal(cash))


def snapshot(
    orders: tuple[ob.BrokerOrder, ...] = (),
    positions: tuple[ob.Position, ...] = (),
    fills: tuple[ob.Fill, ...] = (),
    cash: str = "50000",
    missing: tuple[ob.MissingPart, ...] = (),
) -> ob.AccountSnapshot:
    return ob.AccountSnapshot(
        broker="topstepx",
        account="465",
        taken_at=T0,
        open_orders=orders,
        positions=positions,
        balances=balance(cash),
        fills=fills,
        missing=missing,
    )


def kinds(events: list[ob.Event]) -> list[str]:
    return [e.kind for e in events]


def test_the_first_snapshot_delivers_the_picture_then_resynced() -> None:
    f = feed()
    snap = snapshot(orders=(order("1"),), positions=(position(2),), fills=(fill("f1"),))
    events = f.reconcile(snap)
    assert kinds(events) == ["order", "position", "balance", "fill", "resynced"]
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert {e.source for e in events} == {ob.Source.RESYNC}
    assert events[-1].snapshot is snap  # type: ignore[attr-defined]
    assert not f.needs_resync("465")


def test_a_fill_is_delivered_once_whatever_the_path() -> None:
    f = feed()
    f.reconcile(snapshot())
    first = f.fill(fill("f1"))
    assert kinds(first) == ["fill"] and first[0].source is ob.Source.PUSH
    assert f.fill(fill("f1")) == []  # the same push again
    # A poll that reads it back delivers only the fill it had not heard of.
    polled = f.reconcile(snapshot(fills=(fill("f1"), fill("f2", second=1))))
    assert [e.fill.fill_id for e in polled if isinstance(e, ob.FillEvent)] == ["f2"]
    assert f.duplicates_dropped == 2


def test_fills_from_a_poll_are_new_ones_only() -> None:
    f = feed()
    f.reconcile(snapshot(fills=(fill("f1"),)))
    events = f.reconcile(snapshot(fills=(fill("f1"), fill("f2", second=1))))
    assert [(e.kind, e.source, e.fill.fill_id) for e in events] == [("fill", ob.Source.POLL, "f2")]  # type: ignore[attr-defined]


def test_an_order_never_moves_backwards() -> None:
    f = feed()
    f.reconcile(snapshot())
    assert [e.order.status for e in f.order(order("1", S.OPEN))] == [S.OPEN]  # type: ignore[attr-defined]
    done = f.order(order("1", S.FILLED, filled=2))
    assert [e.order.status for e in done] == [S.FILLED]  # type: ignore[attr-defined]
    # A late "open" and a late cancel acknowledgement change nothing: nothing is delivered.
    assert f.order(order("1", S.OPEN, filled=0)) == []
    assert f.order(order("1", S.CANCELLED, filled=1)) == []
    assert f.known_orders("465")["1"].status is S.FILLED
    assert f.known_orders("465")["1"].filled_quantity == 2
    assert f.stale_reports == 2


def test_a_repeated_report_is_not_delivered_twice() -> None:
    f = feed()
    assert len(f.order(order("1", S.OPEN))) == 1
    assert f.order(order("1", S.OPEN)) == []


def test_gap_then_differences_then_resynced() -> None:
    clocks = Clocks()
    f = feed(clocks=clocks)
    f.reconcile(snapshot(orders=(order("1"), order("2")), positions=(position(1),)))
    clocks.now = 5
    gap = f.gap("stream dropped")
    assert kinds(gap) == ["gap"]
    assert gap[0].since == T0  # type: ignore[attr-defined]
    assert f.gap("and again") == []  # one open gap per account
    # While away: order 1 filled (it left the open orders), order 2 still works, a new
    # order 3 arrived, the position grew, a fill happened, cash moved.
    later = snapshot(
        orders=(order("2"), order("3")), positions=(position(3),), fills=(fill("f9", second=3),), cash="49990"
    )
    assert f.lookups(later) == ["1"]
    events = f.reconcile(later, finished=[order("1", S.FILLED, filled=2)])
    assert kinds(events) == ["order", "order", "position", "balance", "fill", "resynced"]
    assert {e.source for e in events} == {ob.Source.RESYNC}
    assert [e.seq for e in gap + events] == list(range(gap[0].seq, gap[0].seq + 7))


def test_a_vanished_order_without_its_final_state_keeps_the_gap_open() -> None:
    f = feed()
    f.reconcile(snapshot(orders=(order("1"),)))
    events = f.reconcile(snapshot())  # order 1 vanished and nobody looked it up
    assert kinds(events) == ["gap"]
    assert "final state" in events[0].reason  # type: ignore[attr-defined]
    assert f.needs_resync("465")
    assert kinds(f.reconcile(snapshot(), finished=[order("1", S.CANCELLED)])) == ["order", "resynced"]


def test_a_failed_part_is_a_gap_but_an_unsupported_part_is_not() -> None:
    failed = ob.MissingPart(part="positions", reason="503", error=ob.BrokerUnavailable("down"))
    unsupported = ob.MissingPart(part="fills", reason="no fills read", error=ob.NotSupported("no"))
    f = feed()
    assert kinds(f.reconcile(snapshot(missing=(unsupported,)))) == ["balance", "resynced"]
    events = f.reconcile(snapshot(missing=(failed,)))
    assert kinds(events) == ["gap"] and "positions" in events[0].reason  # type: ignore[attr-defined]
    # Kinds not asked for do not hold the repair back.
    g = feed(kinds=("order",))
    assert kinds(g.reconcile(snapshot(missing=(failed,)))) == ["resynced"]


def test_a_closed_position_is_reported_once_with_zero() -> None:
    f = feed()
    f.reconcile(snapshot(positions=(position(2),)))
    events = f.reconcile(snapshot())
    assert [(e.kind, e.position.quantity) for e in events] == [("position", 0)]  # type: ignore[attr-defined]
    assert f.reconcile(snapshot()) == []


def test_kinds_filter_ordinary_events_but_never_markers() -> None:
    f = feed(kinds=("fill",))
    events = f.reconcile(snapshot(orders=(order("1"),), positions=(position(1),), fills=(fill("f1"),)))
    assert kinds(events) == ["fill", "resynced"]
    assert kinds(f.gap("x")) == ["gap"]


def test_the_watchdog_reports_silence_once() -> None:
    clocks = Clocks()
    f = feed(watchdog=30.0, clocks=clocks)
    f.reconcile(snapshot())
    clocks.now = 29
    assert f.check_silence() == []
    f.heard()
    clocks.now = 58
    assert f.check_silence() == []
    clocks.now = 60
    gap = f.check_silence()
    assert kinds(gap) == ["gap"] and "silent" in gap[0].reason  # type: ignore[attr-defined]
    assert f.check_silence() == []
    assert feed(watchdog=None, clocks=clocks).check_silence() == []


@pytest.mark.parametrize("bad", [0, -1, True])
def test_bad_watchdog_is_refused(bad: Any) -> None:
    with pytest.raises(ob.ConfigurationError, match="watchdog"):
        feed(watchdog=bad)


@pytest.mark.parametrize(
    ("argument", "value"), [("kinds", ()), ("kinds", ("orders",)), ("accounts", []), ("accounts", [""])]
)
def test_bad_kinds_or_accounts_are_refused(argument: str, value: Any) -> None:
    options: dict[str, Any] = {"kinds": ob.KINDS, "accounts": ["465"]}
    options[argument] = value
    with pytest.raises(ob.ConfigurationError, match=argument):
        ob.Feed("topstepx", options["accounts"], kinds=options["kinds"])


def test_an_event_for_an_account_outside_the_feed_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not covered"):
        feed().fill(attrs.evolve(fill("f1"), account="999"))


# -- properties --------------------------------------------------------------------------------

STATUSES = st.sampled_from(list(S))
REPORTS = st.lists(
    st.tuples(st.sampled_from(["1", "2"]), STATUSES, st.integers(0, 2), st.booleans()),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(REPORTS, st.lists(st.sampled_from(["f1", "f2", "f3"]), max_size=12))
def test_any_stream_of_reports_keeps_the_guarantees(reports: list[Any], fill_ids: list[str]) -> None:
    f = feed()
    events: list[ob.Event] = []
    for step in range(max(len(reports), len(fill_ids))):
        if step < len(reports):
            order_id, status, filled, gap = reports[step]
            if gap:
                events += f.gap("test")
            events += f.order(order(order_id, status, filled=filled))
        if step < len(fill_ids):
            events += f.fill(fill(fill_ids[step]))
    delivered = [e.fill.fill_id for e in events if isinstance(e, ob.FillEvent)]
    assert len(delivered) == len(set(delivered)) == len(set(fill_ids))
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    last: dict[str, ob.BrokerOrder] = {}
    for e in events:
        if isinstance(e, ob.OrderEvent):
            before = last.get(e.order.order_id)
            if before is not None:
                assert e.order.status.can_follow(before.status)
                assert (e.order.filled_quantity or 0) >= (before.filled_quantity or 0)
            last[e.order.order_id] = e.order


def test_an_audit_that_agrees_says_nothing_and_one_that_differs_is_a_gap_first() -> None:
    f = feed()
    f.reconcile(snapshot(orders=(order("1"),), fills=(fill("f1"),)))
    assert f.audit(snapshot(orders=(order("1"),), fills=(fill("f1"),))) == []
    # The stream lost a fill and the order's fill report: the audit says so before repairing.
    events = f.audit(snapshot(fills=(fill("f1"), fill("f2", second=1))), finished=[order("1", S.FILLED, filled=2)])
    assert kinds(events) == ["gap", "order", "fill", "resynced"]
    assert "2 change(s)" in events[0].reason  # type: ignore[attr-defined]
    assert [e.seq for e in events] == list(range(events[0].seq, events[0].seq + 4))
    assert f.differences_found == 2
