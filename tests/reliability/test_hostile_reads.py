"""Reads distrust the broker: lists with repeated rows, mixed timestamp kinds, out-of-range
epochs, negative sizes and unknown enum values, served by the sandbox through a rewriting
test transport.

Each case asserts what a trading SDK owes its user with money at stake: nothing that acts on a
list (flatten, cancel-all) acts twice on one instrument or one order; every failure is an
``orderbridge`` error (never a raw ``TypeError``/``OverflowError``/``ValueError``); a fill's
quantity is positive or the read is refused naming the field.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import orderbridge as ob

from .._specs import load_spec
from ._harness import INSTRUMENT, Rig, capture, market_order, resting_order, run

Rows = Callable[[list[Any]], list[Any]]

LIST_KEYS = {"positions", "orders", "trades", "executions"}


def _rewrite_rows(change: Rows) -> Callable[[int, dict[str, str], bytes], tuple[int, dict[str, str], bytes]]:
    """A response rewrite that applies ``change`` to the body's list of rows (a top-level JSON
    array, or the envelope's ``positions``/``orders``/``trades``/``executions`` list)."""

    def rewrite(status: int, headers: dict[str, str], content: bytes) -> tuple[int, dict[str, str], bytes]:
        body = json.loads(content)
        if isinstance(body, list):
            body = change(body)
        else:
            for key in LIST_KEYS & set(body):
                if isinstance(body[key], list):
                    body[key] = change(body[key])
        return status, headers, json.dumps(body).encode()

    return rewrite


def _twice(rows: list[Any]) -> list[Any]:
    return [row for row in rows for _ in (0, 1)]


async def _open_long(rig: Rig) -> None:
    """Two filled buys (a long position of 2) and one working order; Sophic holds a seeded position."""
    if rig.broker == "sophic":
        return
    for order in (market_order(rig.broker), market_order(rig.broker), resting_order(rig.broker)):
        placed = await rig.call("place", order)
        assert placed.error is None, placed.error


def _position(rig: Rig) -> Decimal:
    positions = capture(lambda: rig.session.positions(account=rig.account)).value
    assert isinstance(positions, list)
    return sum((p.quantity for p in positions if p.instrument == INSTRUMENT[rig.broker]), Decimal(0))


POSITION_LISTS = {
    "topstepx": "search_open_positions",
    "tradestation": "get_account_positions",
    "sophic": "list_positions",
}
ORDER_LISTS = {"topstepx": "search_open_orders", "tradestation": "list_account_orders"}
EXITS = {"topstepx": "close_position", "tradestation": "place_order", "sophic": "place_order"}


# -- flatten and cancel-all never act twice on one row --------------------------------------------


@pytest.mark.parametrize("broker", sorted(POSITION_LISTS))
def test_emulated_flatten_closes_a_repeated_position_once(broker: str) -> None:
    """A position list that repeats its row must not produce two exits: the second would leave
    the account short, a position this SDK then cannot cover."""

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            await _open_long(rig)
            assert _position(rig) > 0
            held = {p.instrument for p in capture(lambda: rig.session.positions(account=rig.account)).value}
            exits_before = rig.transport.count(EXITS[broker])
            rig.inject(POSITION_LISTS[broker], "rewrite", rewrite=_rewrite_rows(_twice))
            report = capture(lambda: rig.session.flatten(account=rig.account, emulate=True)).value
            rig.clear()
            assert isinstance(report, ob.FlattenReport)
            assert sorted(item.target for item in report.closed) == sorted(held), report.closed
            assert all(item.status is ob.ItemStatus.DONE for item in report.closed), report.closed
            assert rig.transport.count(EXITS[broker]) - exits_before == len(held)
            assert _position(rig) >= 0  # never short (a Sophic sell settles later)
        finally:
            await rig.close()

    run(scenario)


def test_emulated_flatten_does_not_attempt_conflicting_rows_for_one_instrument() -> None:
    """Two rows for one instrument with different sizes: the true size is unknown, so no exit is
    sent for it and the item is reported (never guessed)."""

    def conflicting(rows: list[Any]) -> list[Any]:
        out = []
        for row in rows:
            other = dict(row)
            other["Quantity"] = str(int(row["Quantity"]) + 5)
            out += [row, other]
        return out

    async def scenario() -> None:
        rig = Rig("tradestation")
        try:
            await _open_long(rig)
            exits_before = rig.transport.count("place_order")
            rig.inject("get_account_positions", "rewrite", rewrite=_rewrite_rows(conflicting))
            report = capture(lambda: rig.session.flatten(account=rig.account, emulate=True)).value
            rig.clear()
            assert isinstance(report, ob.FlattenReport)
            (item,) = report.closed
            # Nothing was sent for it, and the broker refused nothing: the listing it depends on
            # was unusable, so it is not attempted (the command line's broker-failure exit).
            assert item.status is ob.ItemStatus.NOT_ATTEMPTED and report.not_attempted == (item,)
            assert isinstance(item.error, ob.UnexpectedResponse)
            assert rig.transport.count("place_order") == exits_before
        finally:
            await rig.close()

    run(scenario)


@pytest.mark.parametrize("broker", sorted(ORDER_LISTS))
def test_emulated_cancel_all_cancels_a_repeated_order_once(broker: str) -> None:
    """A repeated order row: one cancel, reported done (not a clean cancel plus a refusal)."""

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            await _open_long(rig)
            cancels_before = rig.transport.count("cancel_order")
            rig.inject(ORDER_LISTS[broker], "rewrite", rewrite=_rewrite_rows(_twice))
            outcomes = capture(lambda: rig.session.cancel_all_orders(account=rig.account, emulate=True)).value
            rig.clear()
            assert isinstance(outcomes, list)
            assert len(outcomes) == 1, outcomes
            assert outcomes[0].status is ob.ItemStatus.DONE
            assert rig.transport.count("cancel_order") - cancels_before == 1
        finally:
            await rig.close()

    run(scenario)


def test_emulated_flatten_reports_a_repeated_uncancellable_order_once() -> None:
    """Sophic cannot cancel: each pending order is reported refused, once, however often listed."""

    async def scenario() -> None:
        rig = Rig("sophic")
        try:
            listed = capture(lambda: rig.session.open_orders(account=rig.account)).value
            assert isinstance(listed, list)
            rig.inject("list_pending_orders", "rewrite", rewrite=_rewrite_rows(_twice))
            report = capture(lambda: rig.session.flatten(account=rig.account, emulate=True)).value
            rig.clear()
            assert isinstance(report, ob.FlattenReport)
            targets = [item.target for item in report.cancelled]
            assert len(targets) == len(set(targets)) == len({o.order_id for o in listed})
        finally:
            await rig.close()

    run(scenario)


# -- fills: timestamps, epochs, sizes -------------------------------------------------------------

FILL_LISTS = {"topstepx": "search_trades", "crosstrade": "list_executions", "sophic": "list_orders"}
TIME_FIELD = {"topstepx": "creationTimestamp", "sophic": "executed_at"}
SIZE_FIELD = {"topstepx": "size", "crosstrade": "quantity", "sophic": "quantity"}


def _example(node: Any, name: str) -> Any:
    """The first spec example called ``name`` anywhere under ``node``."""
    if isinstance(node, dict):
        examples = node.get("examples")
        if isinstance(examples, dict) and isinstance(examples.get(name), dict) and "value" in examples[name]:
            return examples[name]["value"]
        children: Any = node.values()
    elif isinstance(node, list):
        children = node
    else:
        return None
    for child in children:
        found = _example(child, name)
        if found is not None:
            return found
    return None


def _sophic_filled_order() -> dict[str, Any]:
    """The spec's filled Sophic order, with its one trade repeated under a second id (the
    sandbox's market buys stay pending until settlement, so they carry no trades yet)."""
    order: dict[str, Any] = copy.deepcopy(_example(load_spec("sophic"), "filled_partial"))
    second = dict(order["trades"][0], id="trd_second")
    order["trades"].append(second)
    return order


def _fill_rows(broker: str, change: Callable[[int, dict[str, Any]], None]) -> Rows:
    """Apply ``change(index, fill_row)`` to every fill row (Sophic: the trades inside the spec's
    filled order, which replaces the listed ones)."""

    def rows(items: list[Any]) -> list[Any]:
        if broker == "sophic":
            items = [_sophic_filled_order()]
        index = 0
        for item in items:
            for row in item.get("trades") or [] if broker == "sophic" else [item]:
                change(index, row)
                index += 1
        return items

    return rows


def _fills(rig: Rig) -> Any:
    return capture(lambda: rig.session.fills(account=rig.account))


async def _with_fills(rig: Rig) -> None:
    await _open_long(rig)


@pytest.mark.parametrize("broker", sorted(TIME_FIELD))
def test_fills_with_mixed_naive_and_aware_timestamps(broker: str) -> None:
    """One row with an offset and one without: the naive one is read in the vendor's documented
    zone (UTC for both), never compared raw with the aware one."""

    def mixed(index: int, row: dict[str, Any]) -> None:
        row[TIME_FIELD[broker]] = "2025-01-21T16:13:52" if index % 2 else "2025-01-21T16:13:53+00:00"

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            await _with_fills(rig)
            rig.inject(FILL_LISTS[broker], "rewrite", rewrite=_rewrite_rows(_fill_rows(broker, mixed)))
            result = _fills(rig)
            rig.clear()
            assert result.error is None, result.error
            assert len(result.value) >= 2
            assert all(f.time is not None and f.time.utcoffset() is not None for f in result.value)
            naive = [f for f in result.value if f.time.second == 52]
            assert naive and all(f.time.utcoffset().total_seconds() == 0 for f in naive)
        finally:
            await rig.close()

    run(scenario)


@pytest.mark.parametrize("epoch", [10**20, -(10**20), 2**70])
def test_fills_with_an_out_of_range_epoch(epoch: int) -> None:
    """CrossTrade's ``epoch`` (Unix milliseconds) out of datetime's range: the time is not
    needed, so the fill is kept with ``time=None`` and a warning, never a raw OverflowError."""

    def far(index: int, row: dict[str, Any]) -> None:
        if index == 0:
            row["epoch"] = epoch

    async def scenario() -> None:
        rig = Rig("crosstrade")
        try:
            await _with_fills(rig)
            rig.inject("list_executions", "rewrite", rewrite=_rewrite_rows(_fill_rows("crosstrade", far)))
            result = _fills(rig)
            rig.clear()
            assert result.error is None, result.error
            odd = [f for f in result.value if f.time is None]
            assert len(odd) == 1
            assert any("epoch" in w for w in odd[0].warnings)
        finally:
            await rig.close()

    run(scenario)


@pytest.mark.parametrize("broker", sorted(TIME_FIELD))
def test_fills_with_an_out_of_range_timestamp(broker: str) -> None:
    """A timestamp at the edge of datetime's range with an offset that pushes it outside UTC's:
    read as no time with a warning, never a raw OverflowError while sorting or comparing."""

    def edge(index: int, row: dict[str, Any]) -> None:
        row[TIME_FIELD[broker]] = "0001-01-01T00:00:00+05:00" if index == 0 else "9999-12-31T23:59:59-05:00"

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            await _with_fills(rig)
            rig.inject(FILL_LISTS[broker], "rewrite", rewrite=_rewrite_rows(_fill_rows(broker, edge)))
            since = dt.datetime(2020, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=-3)))
            result = capture(lambda: rig.session.fills(account=rig.account, since=since))
            rig.clear()
            assert result.error is None, result.error
        finally:
            await rig.close()

    run(scenario)


@pytest.mark.parametrize("broker", sorted(SIZE_FIELD))
def test_a_negative_fill_size_is_refused_naming_the_field(broker: str) -> None:
    """``Fill.quantity`` is positive: a row with a negative size is an UnexpectedResponse naming
    the field, never a fill with a negative quantity."""

    def negative(index: int, row: dict[str, Any]) -> None:
        if index == 0:
            row[SIZE_FIELD[broker]] = -1

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            await _with_fills(rig)
            rig.inject(FILL_LISTS[broker], "rewrite", rewrite=_rewrite_rows(_fill_rows(broker, negative)))
            result = _fills(rig)
            rig.clear()
            assert isinstance(result.error, ob.UnexpectedResponse), result
            assert SIZE_FIELD[broker] in str(result.error)
        finally:
            await rig.close()

    run(scenario)


@pytest.mark.parametrize("broker", ["topstepx", "crosstrade", "sophic"])
def test_an_unknown_fill_side_is_an_orderbridge_error(broker: str) -> None:
    """A side the vendor does not document: the fill cannot be read, so the read is refused as
    UnexpectedResponse naming the field (an orderbridge error, not a raw ValueError)."""
    field = {"topstepx": "side", "crosstrade": "marketPosition", "sophic": "side"}[broker]
    value: Any = {"topstepx": 7, "crosstrade": "Flat", "sophic": "short"}[broker]

    def odd(index: int, row: dict[str, Any]) -> None:
        row[field] = value

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            await _with_fills(rig)
            rig.inject(FILL_LISTS[broker], "rewrite", rewrite=_rewrite_rows(_fill_rows(broker, odd)))
            result = _fills(rig)
            rig.clear()
            assert isinstance(result.error, ob.UnexpectedResponse), result
            assert field in str(result.error)
        finally:
            await rig.close()

    run(scenario)


@pytest.mark.parametrize("broker", ["topstepx", "tradestation", "sophic", "crosstrade"])
def test_an_unknown_order_status_never_raises(broker: str) -> None:
    """A status word the vendor added later: open orders still read, the word kept as sent."""
    field, value = {
        "topstepx": ("status", 42),
        "tradestation": ("Status", "ZZZ"),
        "sophic": ("status", "parked"),
        "crosstrade": ("state", "Parked"),
    }[broker]
    operation = {
        "topstepx": "search_open_orders",
        "tradestation": "list_account_orders",
        "sophic": "list_pending_orders",
        "crosstrade": "list_orders",
    }[broker]

    def odd(rows: list[Any]) -> list[Any]:
        for row in rows:
            if field in row:
                row[field] = value
        return rows

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            await _open_long(rig)
            rig.inject(operation, "rewrite", rewrite=_rewrite_rows(odd))
            result = capture(lambda: rig.session.open_orders(account=rig.account))
            rig.clear()
            assert result.error is None or isinstance(result.error, ob.OrderbridgeError)
        finally:
            await rig.close()

    run(scenario)


# -- a refusal code the vendor does not document stays out of str() --------------------------------

PLANTED = "zz_planted_code_77"

UNDOCUMENTED_REFUSALS: dict[str, tuple[str, int, dict[str, Any]]] = {
    # broker -> (operation answered, status, body carrying a code the vendor does not document)
    "sophic": ("get_order", 404, {"code": PLANTED, "detail": "text from the broker"}),
    "crosstrade": ("get_order", 400, {"success": False, "error": PLANTED, "detail": "text from the broker"}),
    "topstepx": ("search_order_by_id", 200, {"success": False, "errorCode": 7777, "errorMessage": PLANTED}),
}


@pytest.mark.parametrize("broker", sorted(UNDOCUMENTED_REFUSALS))
def test_an_undocumented_refusal_code_stays_out_of_the_message(broker: str) -> None:
    """The code is kept on the error (``code``) for the caller to branch on, but ``str()``
    never quotes what the broker made up (it may be anything)."""
    operation, status, body = UNDOCUMENTED_REFUSALS[broker]
    order_id = {"sophic": "ord_m4k7r9s2", "crosstrade": "abc123", "topstepx": "9056"}[broker]

    def respond(request: Any) -> Any:
        import httpx

        return httpx.Response(status, json=body, request=request)

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            rig.inject(operation, "respond", response=respond)
            result = await rig.call("get", order_id)
            rig.clear()
            assert isinstance(result.error, ob.OrderRejected), result
            assert result.error.code in (PLANTED, 7777, status)
            assert PLANTED not in str(result.error) and "7777" not in str(result.error), str(result.error)
        finally:
            await rig.close()

    run(scenario)
