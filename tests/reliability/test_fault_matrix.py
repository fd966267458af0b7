"""The fault matrix (issue 7): every broker x fault x operation from the table in
``_expectations.py``, in-process (sync and async twins) and over real loopback HTTP.

Each case asserts the typed outcome, ``order_may_exist``, the number of requests the facade
sent, and what the sandbox recorded. Ambiguous placements are then reconciled with
``resolve`` (nothing lost, nothing phantom); a 401 is followed by a call that must log in again
and succeed.
"""

from __future__ import annotations

from typing import Any

import pytest

import orderbridge as ob

from ._expectations import FAULTS, NOT_APPLICABLE, Case, Expect, NoneType, cases
from ._harness import OPERATION, Rig, market_order, new_cid, resting_order, run
from ._stats import STATS

CASES = cases()
WIRE_FAULTS = ("refused", "connect_timeout", "read_timeout", "dropped_after_record", "dropped_before", "http_503")
"""Faults whose behaviour depends on the wire: repeated over loopback for reads and cancels too."""


def _modes(case: Case) -> tuple[str, ...]:
    """Every case in-process (sync); placements also through the async twin and over loopback
    HTTP; reads and cancels over loopback for the wire-level faults."""
    if case.op == "place":
        return ("sync", "async", "loopback")
    return ("sync", "loopback") if case.fault in WIRE_FAULTS else ("sync",)


PARAMS = [pytest.param(case, mode, id=f"{case}-{mode}") for case in CASES for mode in _modes(case)]


def test_the_table_covers_every_broker_and_fault() -> None:
    """Every fault has an expectation for every broker and operation, except the listed
    not-applicable cells (an operation the broker lacks, or a response without enums)."""
    covered = {(c.op, c.fault, c.broker) for c in CASES}
    for op in ("place", "get", "cancel"):
        for fault in FAULTS:
            for broker in ob.BROKERS:
                assert (op, fault, broker) in covered or any((op, fault, broker) == na[:3] for na in NOT_APPLICABLE), (
                    op,
                    fault,
                    broker,
                )
    assert len(NOT_APPLICABLE) == len(FAULTS) + 3 + 1 + 1  # sophic cancel; enum/expiry gaps


@pytest.mark.parametrize(("case", "mode"), PARAMS)
def test_fault(case: Case, mode: str, request: pytest.FixtureRequest) -> None:
    server = request.getfixturevalue("server") if mode == "loopback" else None
    run(lambda: _scenario(case, mode, server))


def test_sophic_cancel_is_not_supported_and_sends_nothing() -> None:
    async def scenario() -> None:
        rig = Rig("sophic")
        try:
            result = await rig.call("cancel", "ord_anything")
        finally:
            await rig.close()
        assert isinstance(result.error, ob.NotSupported) and result.error.order_may_exist is False
        assert rig.transport.seen == []

    run(scenario)


async def _scenario(case: Case, mode: str, server: Any) -> None:
    rig = Rig(case.broker, mode, server=server)
    try:
        await _check(rig, case)
    finally:
        await rig.close()


async def _check(rig: Rig, case: Case) -> None:
    op, broker, expect = case.op, case.broker, case.expect
    operation = OPERATION[op][broker]
    assert operation is not None
    # Mid-session: before the fault the session logged in and placed an order (the target of
    # get/cancel; for placements only where the fault is about the session's token).
    target = ""
    if op != "place" or "401" in case.fault:
        pre = await rig.call("place", resting_order(broker) if op == "cancel" else market_order(broker))
        assert pre.error is None, pre.error
        target = pre.value.order_id
    status_before = rig.status_of(target)
    cid = new_cid(case.fault)
    arg = market_order(broker, cid) if op == "place" else target
    orders_before = len(rig.recorded())
    sent_before = rig.transport.count(operation)

    FAULTS[case.fault].arm(rig, operation, 1 if case.persistence == "once" else None)
    rig.sleeps.clear()
    result = await rig.call(op, arg)
    rig.clear()
    if case.fault == "http_429_retry_after":  # every retry waited the broker's Retry-After
        assert rig.sleeps == [2.0] * (rig.transport.count(operation) - sent_before - 1), rig.sleeps

    attempts = rig.transport.count(operation) - sent_before
    label = f"{case} [{expect}] -> {result.kind.__name__}" + (
        f" {getattr(result.error, 'origin', '')} {result.error}" if result.error else ""
    )
    assert result.kind is expect.kind, label
    if expect.may_exist is not None:
        assert result.error is not None and result.error.order_may_exist is expect.may_exist, label
    if expect.origin is not None:
        if expect.origin.startswith("http_"):  # http_<status>: origin "http_status" + status_code
            seen = (getattr(result.error, "origin", None), getattr(result.error, "status_code", None))
            assert seen == ("http_status", int(expect.origin[5:])), label
        else:
            assert getattr(result.error, "origin", None) == expect.origin, label
    if expect.attempts is not None:
        assert attempts == expect.attempts, f"{label}: {attempts} requests sent"
    if expect.retry_after is not None or expect.kind is ob.RateLimited:
        assert getattr(result.error, "retry_after", None) == expect.retry_after, label

    if op == "place":
        await _check_placement(rig, case, expect, result, cid, orders_before, label)
    elif op == "get":
        assert len(rig.recorded()) == orders_before, label
        if expect.kind is ob.BrokerOrder:
            assert result.value.order_id == target, label
            if expect.status is not None or case.fault == "missing_field":
                assert (result.value.broker_status or None) == expect.status, label
    else:
        applied = rig.status_of(target) != status_before
        assert applied is bool(expect.recorded), f"{label}: cancel applied={applied}"
        assert len(rig.recorded()) == orders_before, label
        if isinstance(result.error, ob.OutcomeUnknown):
            assert result.error.client_order_id is None, label

    if isinstance(result.error, ob.AuthenticationError):
        await _logs_in_again(rig, case, target, label)


async def _check_placement(
    rig: Rig, case: Case, expect: Expect, result: Any, cid: str, orders_before: int, label: str
) -> None:
    mine = rig.recorded(cid)
    assert len(mine) == expect.recorded, f"{label}: sandbox holds {len(mine)} orders with {cid}"
    assert len(rig.recorded()) == orders_before + len(mine), f"{label}: stray orders"
    STATS.placements_checked += 1
    if len(mine) > 1:
        STATS.duplicates += 1
    if rig.transport.count("place_order", cid) > 1 and len(mine) <= 1:
        STATS.dedup_proofs += 1
    if expect.kind is ob.PlacedOrder:
        placed: ob.PlacedOrder = result.value
        assert (placed.client_order_id, placed.order_id) == (cid, mine[0].order_id), label
        if expect.status is not None:
            assert placed.status == expect.status, label
        return
    error = result.error
    if isinstance(error, ob.OutcomeUnknown):
        assert error.client_order_id == cid, label
        await _reconcile(rig, cid, len(mine), label)


async def _reconcile(rig: Rig, cid: str, recorded: int, label: str) -> None:
    """Nothing lost, nothing phantom: resolve finds exactly what the sandbox accepted."""
    found = await rig.call("resolve", cid)
    STATS.ambiguous_resolved += 1
    if rig.broker == "tradestation":
        assert isinstance(found.error, ob.NotSupported), label
        assert "OrderConfirmId" in str(found.error) and "same client_order_id" in str(found.error), label
        again = await rig.call("place", market_order(rig.broker, cid))  # the documented way to reconcile
        assert len(rig.recorded(cid)) == 1, f"{label}: re-sending the same OrderConfirmId"
        if recorded:
            assert isinstance(again.error, ob.OrderRejected), label
            assert again.error.order_id == rig.recorded(cid)[0].order_id, label
        else:
            assert again.error is None and again.value.order_id == rig.recorded(cid)[0].order_id, label
        return
    assert found.error is None, f"{label}: resolve raised {found.error!r}"
    if rig.broker == "sophic":  # resolve replays the journaled placement under the same key
        assert found.value is not None and len(rig.recorded(cid)) == 1, label
        assert found.value.order_id == rig.recorded(cid)[0].order_id, label
        return
    if recorded:
        assert found.value is not None, f"{label}: the sandbox holds the order but resolve did not find it"
        assert found.value.order_id == rig.recorded(cid)[0].order_id, label
    else:
        assert found.value is None, f"{label}: resolve found an order the sandbox never accepted"


async def _logs_in_again(rig: Rig, case: Case, target: str, label: str) -> None:
    """After a 401 the token is stale: the next call obtains a new one (one login or refresh)
    and succeeds."""
    hits = rig.token_hits()
    if case.op == "place":
        again = await rig.call("place", market_order(rig.broker))
    elif case.op == "get":
        again = await rig.call("get", target)
    else:
        again = await rig.call("cancel", target)
    assert again.error is None, f"{label}: the call after the 401 failed: {again.error!r}"
    new_hits = rig.token_hits() - hits
    if rig.broker == "crosstrade":
        assert new_hits == 0, label
    elif rig.broker == "topstepx" and case.fault == "token_expired_401":
        assert new_hits == 2, f"{label}: expected Auth/validate (refused: expired) then Auth/loginKey, got {new_hits}"
    else:
        assert new_hits == 1, f"{label}: {new_hits} token requests"
    assert again.kind in (ob.PlacedOrder, ob.BrokerOrder, NoneType), label
