"""The rest of an order's life, written once for every broker: input checks for
``modify_order`` / ``fills`` / ``close_position``, and the multi-step *plans* behind
``close_position`` (emulated), ``cancel_all_orders`` and ``flatten``.

A plan is a sans-IO generator like a flow, one level up: it yields *steps* (a broker flow, or
:class:`PlaceStep` for an opposite market order placed through the session's normal
``place_order`` path) and receives a :class:`StepResult` back — the value, or the
:class:`~orderbridge.OrderbridgeError` the step raised. Because errors come back as values, a
flatten never stops at the first failure: each item is reported done / refused / unknown.
Both session twins drive plans with the same ten-line loop (:mod:`orderbridge._driver`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Generator
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from ._account import FlattenReport, ItemOutcome, Modification, Position
from ._adapter import Adapter, BrokerOrder
from ._errors import InvalidOrder, NotSupported, OrderbridgeError, conflicting_rows, reserved_units, reworded_unknown
from ._models import Capabilities, Order, OrderType, Settings, Side, Support, is_whole, to_decimal
from ._wire import Flow

T = TypeVar("T")


@attrs.frozen
class PlaceStep:
    """Place ``order`` in ``account`` through the session (validation, journal, client id)."""

    order: Order
    account: str


@attrs.frozen
class StepResult:
    """What a plan receives back for a step: ``value``, or the ``error`` it raised."""

    value: Any = None
    error: OrderbridgeError | None = None

    def unwrap(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


Step = Flow[Any] | PlaceStep
Plan = Generator[Step, StepResult, T]


# -- input checks (nothing sent when they raise) ------------------------------------------------


def modification(caps: Capabilities, **fields: object) -> Modification:
    """Validate ``modify_order``'s fields: Decimal (never float), positive, whole quantities
    where the broker needs them, and only fields this broker can change."""
    values: dict[str, Decimal | None] = {}
    for name, raw in fields.items():
        try:
            value = to_decimal(raw, name)
        except InvalidOrder as error:
            error.broker = caps.broker
            raise
        if value is not None and value <= 0:
            raise InvalidOrder(f"{name} must be positive, got {value}", field=name, broker=caps.broker)
        values[name] = value
    caps.check_modify(values)
    quantity = values.get("quantity")
    if quantity is not None and not caps.fractional_quantity and not is_whole(quantity):
        raise InvalidOrder(
            f"quantity must be a whole number here, got {quantity}", field="quantity", broker=caps.broker
        )
    return Modification(**values)


def close_quantity(caps: Capabilities, quantity: object) -> Decimal | None:
    value = to_decimal(quantity, "quantity")
    if value is None:
        return None
    if value <= 0:
        raise InvalidOrder(f"quantity must be positive, got {value}", field="quantity", broker=caps.broker)
    if not caps.fractional_quantity and not is_whole(value):
        raise InvalidOrder(f"quantity must be a whole number here, got {value}", field="quantity", broker=caps.broker)
    return value


def since_time(value: object, broker: str) -> dt.datetime | None:
    """``fills(since=...)``: a timezone-aware :class:`datetime.datetime`, or ``None``."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise InvalidOrder("since must be a timezone-aware datetime", field="since", broker=broker)
    return value


MAX_INSTRUMENT_LENGTH = 255


def instrument_id(value: object, broker: str) -> str:
    """``close_position``'s instrument: non-empty text without control characters, at most 255."""
    if not isinstance(value, str) or not value.strip() or any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise InvalidOrder("instrument must be a non-empty string", field="instrument", broker=broker)
    if len(value) > MAX_INSTRUMENT_LENGTH:
        raise InvalidOrder(
            f"instrument is longer than {MAX_INSTRUMENT_LENGTH} characters", field="instrument", broker=broker
        )
    return value


# -- plans -------------------------------------------------------------------------------------


def _find(positions: list[Position], instrument: str) -> Position | None:
    for position in positions:
        if position.instrument == instrument and position.quantity != 0:
            return position
    return None


def _exit_order(adapter: Adapter, position: Position, quantity: Decimal | None) -> Order:
    """The opposite market order that closes ``quantity`` of ``position`` (all when ``None``).

    Raises:
        InvalidOrder: ``quantity`` exceeds the position.
        NotSupported: a plain opposite order would not close it at this broker.
    """
    why = adapter.exit_refusal(position)
    if why is not None:
        raise NotSupported(
            f"close_position({position.instrument!r}) cannot be emulated: {why}",
            feature="close_position",
            broker=adapter.name,
        )
    size = abs(position.quantity)
    if quantity is not None and quantity > size:
        raise InvalidOrder(
            f"quantity {quantity} exceeds the open position of {size} in {position.instrument}",
            field="quantity",
            broker=position.broker,
        )
    side = Side.SELL if position.quantity > 0 else Side.BUY
    return Order(instrument=position.instrument, side=side, type=OrderType.MARKET, quantity=quantity or size)


def close_plan(
    adapter: Adapter, instrument: str, account: str, quantity: Decimal | None, settings: Settings
) -> Plan[None]:
    """``close_position``: the broker's call, or an opposite market order (emulated)."""
    if adapter.capabilities.support("close_position") is Support.YES:
        result = yield adapter.close_position(instrument, account, quantity, settings)
        if result.error is not None:
            raise reworded_unknown(result.error, f"close_position({instrument!r})", "read positions()")
        return None
    positions: list[Position] = (yield adapter.positions(account, settings)).unwrap()
    position = _find(positions, instrument)
    if position is None:
        raise InvalidOrder(f"no open position in {instrument!r} to close", field="instrument", broker=adapter.name)
    (yield PlaceStep(_exit_order(adapter, position, quantity), account)).unwrap()
    return None


def cancel_all_plan(adapter: Adapter, account: str, settings: Settings) -> Plan[list[ItemOutcome]]:
    """``cancel_all_orders``: the broker's account-wide call, or one cancel per working order.

    Raises only when the working orders could not be listed (nothing was sent then)."""
    if adapter.capabilities.support("cancel_all_orders") is Support.YES:
        native = yield adapter.cancel_all(account, settings)
        if native.error is not None:  # one call for the whole account: one item
            error = reworded_unknown(native.error, "cancel_all_orders", "read open_orders()")
            return [ItemOutcome.failed("cancel", "*", error)]
        outcomes: list[ItemOutcome] = native.value
        return outcomes
    orders: list[BrokerOrder] = (yield adapter.open_orders(account, settings)).unwrap()
    results = []
    for order in _distinct_orders(orders):
        result = yield adapter.cancel(order.order_id, account, settings)
        if result.error is None:
            results.append(ItemOutcome.done("cancel", order.order_id))
        else:
            hint = f"read get_order({order.order_id!r})"
            error = reworded_unknown(result.error, f"cancel_order({order.order_id!r})", hint)
            results.append(ItemOutcome.failed("cancel", order.order_id, error))
    return results


def flatten_plan(adapter: Adapter, account: str, settings: Settings) -> Plan[FlattenReport]:
    """``flatten``: cancel every working order, then close every position; every item is
    attempted and reported, whatever happened to the others (the kill switch)."""
    caps = adapter.capabilities
    native = caps.support("flatten") is Support.YES

    cancelled: list[ItemOutcome]
    if caps.support("cancel_all_orders") is Support.NO:
        # Nothing can cancel here (Sophic): report each working order as refused.
        listed = yield adapter.open_orders(account, settings)
        if listed.error is not None:
            cancelled = [ItemOutcome.failed("cancel", "*", listed.error)]
        else:
            why = f"cancel is not supported: {caps.operations['cancel_all_orders'][1]}"
            cancelled = [
                ItemOutcome.failed("cancel", o.order_id, NotSupported(why, feature="cancel_order", broker=caps.broker))
                for o in _distinct_orders(listed.value)
            ]
    else:
        try:
            cancelled = yield from cancel_all_plan(adapter, account, settings)
        except OrderbridgeError as error:
            cancelled = [ItemOutcome.failed("cancel", "*", error)]

    closed: list[ItemOutcome] = []
    if native:
        result = yield adapter.close_all(account, settings)
        if result.error is None:
            closed = result.value
        else:
            failure = reworded_unknown(result.error, "flatten (close every position)", "read positions()")
            closed = [ItemOutcome.failed("close", "*", failure)]
    else:
        listed = yield adapter.positions(account, settings)
        if listed.error is not None:
            closed = [ItemOutcome.failed("close", "*", listed.error)]
        else:
            for instrument, rows in _by_instrument(listed.value).items():
                if len(rows) > 1:  # the same instrument listed with different sizes: never guess
                    closed.append(ItemOutcome.failed("close", instrument, conflicting_rows(adapter.name, instrument)))
                elif rows[0].quantity != 0:
                    closed.extend((yield from _close_one(adapter, rows[0], account, settings)))
    return FlattenReport(
        broker=adapter.name, account=account, cancelled=tuple(cancelled), closed=tuple(closed), emulated=not native
    )


def _distinct_orders(orders: list[BrokerOrder]) -> list[BrokerOrder]:
    """Each order id once, in listed order: a broker list that repeats a row must not make a
    cancel-all send two cancels for one order (and report the clean one as partly refused)."""
    seen: dict[str, BrokerOrder] = {}
    for order in orders:
        seen.setdefault(order.order_id, order)
    return list(seen.values())


def _by_instrument(positions: list[Position]) -> dict[str, list[Position]]:
    """The listed positions per instrument, identical repeated rows folded into one; more than
    one row left means the broker listed the instrument with different sizes."""
    out: dict[str, list[Position]] = {}
    for position in positions:
        rows = out.setdefault(position.instrument, [])
        if all(row.quantity != position.quantity for row in rows):
            rows.append(position)
    return out


def _close_one(adapter: Adapter, position: Position, account: str, settings: Settings) -> Plan[list[ItemOutcome]]:
    """Close one position for a flatten: the broker's call, or an opposite market order for the
    units not reserved by pending exit orders (those are reported as a separate item)."""
    if adapter.capabilities.support("close_position") is Support.YES:
        result = yield adapter.close_position(position.instrument, account, None, settings)
        if result.error is None:
            return [ItemOutcome.done("close", position.instrument)]
        what = f"close_position({position.instrument!r})"
        return [
            ItemOutcome.failed("close", position.instrument, reworded_unknown(result.error, what, "read positions()"))
        ]
    size = abs(position.quantity)
    reserved = min(max(adapter.reserved(position), Decimal(0)), size)
    items: list[ItemOutcome] = []
    part = None if reserved == 0 else size - reserved  # None: the whole position
    if part is None or part > 0:
        try:
            order = _exit_order(adapter, position, part)
        except OrderbridgeError as error:
            items.append(ItemOutcome.failed("close", position.instrument, error, quantity=part))
        else:
            result = yield PlaceStep(order, account)
            if result.error is None:
                cid = result.value.client_order_id
                items.append(ItemOutcome.done("close", position.instrument, cid, quantity=part))
            else:
                items.append(ItemOutcome.failed("close", position.instrument, result.error, quantity=part))
    if reserved > 0:
        held = reserved_units(adapter.name, position.instrument, reserved, size)
        items.append(ItemOutcome.failed("close", position.instrument, held, quantity=reserved))
    return items
