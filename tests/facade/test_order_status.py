"""The one order state machine: ``OrderStatus``, its transition table, and ``apply_report``
(a late or out-of-order report never moves an order backwards and never loses a fill)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orderbridge as ob

S = ob.OrderStatus
TERMINAL = {S.FILLED, S.CANCELLED, S.REJECTED, S.EXPIRED, S.REPLACED}
WORKING = {S.PENDING_NEW, S.OPEN, S.PARTIALLY_FILLED, S.PENDING_CANCEL}


def _order(status: ob.OrderStatus, filled: str | None = None, **fields: object) -> ob.BrokerOrder:
    return ob.BrokerOrder(
        broker="topstepx",
        account="465",
        order_id="1",
        status=status,
        broker_status=status.value,
        filled_quantity=None if filled is None else Decimal(filled),
        **fields,  # type: ignore[arg-type]
    )


def test_the_values_are_the_contract() -> None:
    assert [s.value for s in S] == [
        "pending_new",
        "open",
        "partially_filled",
        "filled",
        "pending_cancel",
        "cancelled",
        "rejected",
        "expired",
        "replaced",
        "unknown",
    ]


def test_terminal_and_working_split_every_known_status() -> None:
    assert {s for s in S if s.is_terminal} == TERMINAL
    assert {s for s in S if s.is_working} == WORKING
    assert not S.UNKNOWN.is_terminal and not S.UNKNOWN.is_working


@pytest.mark.parametrize(("previous", "nxt"), list(itertools.product(sorted(TERMINAL), list(S))))
def test_nothing_but_a_repeat_follows_a_terminal_status(previous: ob.OrderStatus, nxt: ob.OrderStatus) -> None:
    assert nxt.can_follow(previous) is (nxt is previous or nxt is S.UNKNOWN)


@pytest.mark.parametrize(
    ("previous", "nxt", "allowed"),
    [
        (S.PENDING_CANCEL, S.FILLED, True),  # a pending cancel that ends filled
        (S.PENDING_CANCEL, S.OPEN, True),  # the cancel was refused
        (S.PARTIALLY_FILLED, S.CANCELLED, True),  # partial fill then cancel
        (S.PARTIALLY_FILLED, S.OPEN, False),  # never back to unfilled
        (S.PARTIALLY_FILLED, S.REJECTED, False),  # rejected is not cancelled: it never worked
        (S.PENDING_CANCEL, S.REJECTED, False),
        (S.OPEN, S.PENDING_NEW, False),
        (S.PENDING_NEW, S.REJECTED, True),
        (S.OPEN, S.REPLACED, True),
        (S.FILLED, S.CANCELLED, False),
        (S.CANCELLED, S.PARTIALLY_FILLED, False),
    ],
)
def test_transition_table(previous: ob.OrderStatus, nxt: ob.OrderStatus, allowed: bool) -> None:
    assert nxt.can_follow(previous) is allowed


def test_a_fill_reported_after_the_cancel_keeps_the_cancel_and_the_fill() -> None:
    merged = ob.apply_report(_order(S.CANCELLED, "0"), _order(S.PARTIALLY_FILLED, "1"))
    assert merged.status is S.CANCELLED
    assert merged.filled_quantity == Decimal("1")


def test_a_cancel_acknowledged_after_the_fill_leaves_it_filled() -> None:
    merged = ob.apply_report(_order(S.FILLED, "2", average_fill_price=Decimal("5001.25")), _order(S.CANCELLED, "0"))
    assert (merged.status, merged.filled_quantity, merged.average_fill_price) == (
        S.FILLED,
        Decimal("2"),
        Decimal("5001.25"),
    )


def test_a_newer_report_replaces_what_it_states_and_keeps_the_rest() -> None:
    current = _order(S.OPEN, "0", instrument="CON.F.US.MES.Z25", limit_price=Decimal("5000.25"))
    newer = _order(S.PARTIALLY_FILLED, "1", limit_price=Decimal("5001.50"))
    merged = ob.apply_report(current, newer)
    assert merged.status is S.PARTIALLY_FILLED
    assert merged.limit_price == Decimal("5001.50")
    assert merged.instrument == "CON.F.US.MES.Z25"


def test_open_with_a_fill_is_partially_filled() -> None:
    assert ob.apply_report(_order(S.OPEN, "0"), _order(S.OPEN, "3")).status is S.PARTIALLY_FILLED


def test_an_unknown_report_never_replaces_a_known_status() -> None:
    merged = ob.apply_report(_order(S.OPEN), _order(S.UNKNOWN))
    assert merged.status is S.OPEN and merged.broker_status == "open"


def test_a_report_about_another_order_is_refused() -> None:
    other = ob.BrokerOrder(broker="topstepx", account="465", order_id="2", status=S.OPEN)
    with pytest.raises(ValueError, match="another order"):
        ob.apply_report(_order(S.OPEN), other)


_reports = st.lists(st.tuples(st.sampled_from(list(S)), st.integers(min_value=0, max_value=10)), min_size=1, max_size=8)


@given(_reports)
def test_folding_any_reports_never_loses_a_fill_nor_leaves_a_terminal_status(reports: list[tuple[S, int]]) -> None:
    state = _order(S.PENDING_NEW, "0")
    first_terminal: ob.OrderStatus | None = None
    for status, filled in reports:
        before = state
        state = ob.apply_report(state, _order(status, str(filled)))
        assert state.filled_quantity is not None and before.filled_quantity is not None
        assert state.filled_quantity >= before.filled_quantity  # never loses a fill
        if first_terminal is None and state.status.is_terminal:
            first_terminal = state.status
        if first_terminal is not None:
            assert state.status is first_terminal  # a finished order stays finished
        assert state.status is before.status or state.status.can_follow(before.status)
    assert state.filled_quantity == max(Decimal(f) for _, f in reports)
