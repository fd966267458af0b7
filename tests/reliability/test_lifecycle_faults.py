"""The fault matrix for the money-moving lifecycle calls (modify, close, cancel-all, flatten):
every broker that has the call x every wire fault x the request it sends, fault once or always,
sync and async.

Each case asserts: the outcome is a value or an ``orderbridge`` error (nothing else escapes);
a call that is never retried reached the wire at most once (so it cannot have been applied
twice); the sandbox holds at most one exit order per closed position and the position never
flips sign (no duplicate close); a modify that ends ambiguous names the order to read back; a
flatten always returns its report, whatever failed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import orderbridge as ob

from ._expectations import FAULTS
from ._harness import INSTRUMENT, Result, Rig, acapture, capture, market_order, resting_order, run
from ._stats import STATS

TARGETS: dict[tuple[str, str], tuple[str, ...]] = {
    # (operation, broker) -> the sandbox operationIds the call sends that move money
    ("modify", "topstepx"): ("modify_order",),
    ("modify", "crosstrade"): ("change_order",),
    ("modify", "tradestation"): ("replace_order",),
    ("close", "topstepx"): ("partial_close_position",),
    ("close", "crosstrade"): ("close_position",),
    ("close", "tradestation"): ("place_order",),
    ("close", "sophic"): ("place_order",),
    ("cancel_all", "topstepx"): ("cancel_order",),
    ("cancel_all", "crosstrade"): ("cancel_orders",),
    ("cancel_all", "tradestation"): ("cancel_order",),
    ("flatten", "topstepx"): ("cancel_order", "close_position"),
    ("flatten", "crosstrade"): ("cancel_orders", "flatten_positions"),
    ("flatten", "tradestation"): ("cancel_order", "place_order"),
    ("flatten", "sophic"): ("place_order",),
}
LIFECYCLE_FAULTS = (
    "refused",
    "connect_timeout",
    "read_timeout",
    "dropped_after_record",
    "dropped_before",
    "http_500",
    "http_500_after_record",
    "http_503",
    "http_429",
    "malformed_json",
    "empty_body",
    "wrong_content_type",
    "extra_fields",
    "http_401",
)
NEVER_RETRIED = {"modify_order", "change_order", "replace_order", "partial_close_position", "close_position"}
NEVER_RETRIED |= {"cancel_order", "cancel_orders", "flatten_positions"}
"""Requests orderbridge sends exactly once (the broker does not deduplicate them)."""

SINGLE_CALL_OUTCOME = {
    # fault -> what a single never-retried money-moving request (modify, native close) must give
    "refused": ob.BrokerUnavailable,
    "connect_timeout": ob.BrokerUnavailable,
    "read_timeout": ob.OutcomeUnknown,
    "dropped_after_record": ob.OutcomeUnknown,
    "dropped_before": ob.OutcomeUnknown,
    "http_500": ob.OutcomeUnknown,
    "http_500_after_record": ob.OutcomeUnknown,
    "http_503": ob.OutcomeUnknown,
    "http_429": ob.OutcomeUnknown,
    "malformed_json": ob.OutcomeUnknown,
    "empty_body": ob.OutcomeUnknown,
    "wrong_content_type": ob.OutcomeUnknown,
    "extra_fields": None,
    "http_401": ob.AuthenticationError,
}
"""``None``: the call succeeds. Nothing sent is BrokerUnavailable; anything after the request
may have left is OutcomeUnknown, never a retry."""

PARAMS = [
    pytest.param(
        op, broker, target, fault, persistence, mode, id=f"{op}-{broker}-{target}-{fault}-{persistence}-{mode}"
    )
    for (op, broker), targets in TARGETS.items()
    for target in targets
    for fault in LIFECYCLE_FAULTS
    for persistence in FAULTS[fault].persistence
    for mode in (("sync", "async") if persistence == "once" else ("sync",))
]


def _position(rig: Rig) -> Decimal:
    ledger = getattr(rig.sandbox.broker(rig.broker), "ledger", None) or rig.sandbox.broker(rig.broker).book.ledger  # type: ignore[attr-defined]
    position = ledger.position(rig.account, INSTRUMENT[rig.broker])
    return Decimal(0) if position is None else position.quantity


async def _invoke(rig: Rig, op: str, target_order: str) -> Result:
    s, account = rig.session, rig.account
    instrument = INSTRUMENT[rig.broker]
    emulate = True
    calls: dict[str, Any] = {
        "modify": lambda: s.modify_order(target_order, account=account, limit_price=Decimal("5999.75")),
        "close": lambda: s.close_position(instrument, account=account, quantity=_close_size(rig), emulate=emulate),
        "cancel_all": lambda: s.cancel_all_orders(account=account, emulate=emulate),
        "flatten": lambda: s.flatten(account=account, emulate=emulate),
    }
    if rig.broker == "tradestation" and op == "modify":
        calls["modify"] = lambda: s.modify_order(target_order, account=account, limit_price=Decimal("99.50"))
    if rig.is_async:
        return await acapture(calls[op]())
    return capture(calls[op])


def _close_size(rig: Rig) -> Decimal:
    return _position(rig) if rig.broker == "sophic" else Decimal(1)


@pytest.mark.parametrize(("op", "broker", "target", "fault", "persistence", "mode"), PARAMS)
def test_lifecycle_fault(op: str, broker: str, target: str, fault: str, persistence: str, mode: str) -> None:
    run(lambda: _scenario(op, broker, target, fault, persistence, mode))


async def _scenario(op: str, broker: str, target: str, fault: str, persistence: str, mode: str) -> None:
    rig = Rig(broker, mode)
    try:
        await _check(rig, op, target, fault, persistence)
    finally:
        await rig.close()


async def _check(rig: Rig, op: str, target: str, fault: str, persistence: str) -> None:
    broker = rig.broker
    # Before the fault: a long position of 2 (Sophic: its seeded holding) and one working order.
    if broker != "sophic":
        for order in (market_order(broker), market_order(broker), resting_order(broker)):
            pre = await rig.call("place", order)
            assert pre.error is None, pre.error
        working = pre.value.order_id
    else:
        working = ""
    start = _position(rig)
    assert start > 0
    orders_before = {o.order_id for o in rig.recorded()}
    sent_before = rig.transport.count(target)

    FAULTS[fault].arm(rig, target, 1 if persistence == "once" else None)
    result = await _invoke(rig, op, working)
    rig.clear()
    label = f"{op}-{broker}-{target}-{fault}-{persistence} -> {result.kind.__name__} {result.error or ''}"
    STATS.lifecycle_checked += 1

    assert result.error is None or isinstance(result.error, ob.OrderbridgeError), label
    attempts = rig.transport.count(target) - sent_before
    if target in NEVER_RETRIED:
        # One working order and one position: each never-retried request goes out at most once.
        assert attempts <= 1, f"{label}: {attempts} requests"
    if op == "flatten":
        assert isinstance(result.value, ob.FlattenReport) and result.error is None, label
        for item in result.value.items:
            if item.status is not ob.ItemStatus.DONE:
                assert item.error is not None, label
    if op == "modify" or (op == "close" and target in NEVER_RETRIED):
        expected = SINGLE_CALL_OUTCOME[fault]
        if expected is None:
            assert result.error is None, label
        else:
            assert type(result.error) is expected, label
    if op == "modify" and isinstance(result.error, ob.OutcomeUnknown):
        assert result.error.order_id == working, label

    # No duplicate close: at most one new exit order, and the position never flips past flat.
    exits = [
        o
        for o in rig.recorded()
        if o.order_id not in orders_before and o.side == "sell" and o.instrument == INSTRUMENT[broker]
    ]
    end = _position(rig)
    if len(exits) > 1 or end < 0:
        STATS.lifecycle_duplicates += 1
    assert len(exits) <= 1, f"{label}: {len(exits)} exit orders"
    assert end >= 0, f"{label}: position {start} -> {end}"
    if op == "close" and broker != "sophic":
        assert end >= start - 1, f"{label}: closed more than asked ({start} -> {end})"


def test_every_money_moving_lifecycle_call_is_in_the_matrix() -> None:
    for broker in ob.BROKERS:
        caps = ob.capabilities(broker)
        for op, name in (
            ("modify", "modify_order"),
            ("close", "close_position"),
            ("cancel_all", "cancel_all_orders"),
            ("flatten", "flatten"),
        ):
            assert ((op, broker) in TARGETS) is (caps.support(name) is not ob.Support.NO), (op, broker)
