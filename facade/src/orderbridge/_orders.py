"""Reading what an order *is* from a broker's order row, one way for every broker.

A broker describes its order rows with an :class:`OrderShape` (data: which key holds which
field, what its enum words mean, which zone its naive timestamps are in, its
:class:`~orderbridge._status.StatusTable`); :func:`describe_order` reads a row of the answer as
decoded once (:attr:`~orderbridge._wire.Sent.data`, whose numbers carry the broker's exact text)
through it. Every field here is read best-effort: a
missing, ``null``, malformed or out-of-range value is ``None`` and never changes the outcome
of the call (the fields the outcome needs, such as the order id, are read strictly by the
broker's flow before this runs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal

import attrs

from ._account import to_wire_decimal
from ._models import MAX_DIGITS, MAX_MAGNITUDE, OrderType, Side, TimeInForce
from ._status import StatusTable, refine

Path = tuple[str, ...]
"""Alternative keys for one field, tried in order; ``"a.b"`` walks into a nested object and
``"a.0.b"`` into the first element of a list."""

_Words = Literal["instrument", "side", "type", "time_in_force", "client_order_id"]  # text, or a word table
_Numbers = Literal["quantity", "filled_quantity", "limit_price", "stop_price", "trail_price", "average_fill_price"]
_Times = Literal["created_at", "updated_at"]  # in the broker's zone when written without an offset
OrderField = Literal[_Words, _Numbers, _Times]
"""The fields of an order row a broker's :attr:`OrderShape.paths` may locate (besides its
status): the descriptive fields of :class:`~orderbridge.BrokerOrder` and the client order id."""


def _frozen(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return MappingProxyType(dict(value))


def iso_time(text: str, zone: dt.tzinfo) -> dt.datetime | None:
    """An ISO 8601 timestamp (``Z`` accepted); a naive one is taken to be in ``zone``."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def us_time(text: str, zone: dt.tzinfo) -> dt.datetime | None:
    """``"8/3/2011 2:02:10 PM"`` (TradeStation listings), else ISO 8601; naive means ``zone``."""
    try:
        value = dt.datetime.strptime(text.strip(), "%m/%d/%Y %I:%M:%S %p")
    except ValueError:
        return iso_time(text, zone)
    return value.replace(tzinfo=zone)


def offset_time(text: str, zone: dt.tzinfo) -> dt.datetime | None:
    """An ISO 8601 timestamp that states its offset; ``None`` for one that does not (for a
    broker that does not document the zone of its naive times, no zone is guessed)."""
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


@attrs.frozen(kw_only=True)
class OrderShape:
    """How one broker writes an order row (per-broker data; the reading is shared).

    Attributes:
        statuses: the broker's status words.
        status: the keys (:data:`Path`) that hold the status word; the one field every row has.
        paths: each other field (:data:`OrderField`) -> the keys that hold it; a field not
            listed has no place in the broker's row (its value is then always ``None``).
        sides, types, time_in_force_words: broker word (or integer code) -> the standard value;
            a word not listed reads as ``None``.
        zone: the zone of a timestamp written without an offset (the vendor documents which).
        parse_time: how the broker writes a timestamp (default ISO 8601).
    """

    statuses: StatusTable
    status: Path
    paths: Mapping[OrderField, Path] = attrs.field(factory=dict, converter=_frozen)
    sides: Mapping[object, Side] = attrs.field(factory=dict, converter=_frozen)
    types: Mapping[object, OrderType] = attrs.field(factory=dict, converter=_frozen)
    time_in_force_words: Mapping[object, TimeInForce] = attrs.field(factory=dict, converter=_frozen)
    zone: dt.tzinfo = dt.UTC
    parse_time: Callable[[str, dt.tzinfo], dt.datetime | None] = iso_time


_MISSING = object()


def _get(row: Mapping[str, Any], path: Path) -> Any:
    for key in path:
        value: Any = row
        for part in key.split("."):
            if isinstance(value, Mapping):
                value = value.get(part, _MISSING)
            elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
                value = value[int(part)]
            else:
                value = _MISSING
            if value is _MISSING or value is None:
                break
        if value is not _MISSING and value is not None and value != "":
            return value
    return None


def _number(value: Any) -> Decimal | None:
    """A non-negative number inside the SDK's bounds, else ``None`` (hostile input safe)."""
    number = to_wire_decimal(value)
    if number is None or number < 0:
        return None
    if number and not -MAX_MAGNITUDE <= number.adjusted() <= MAX_MAGNITUDE:
        return None
    if len(number.as_tuple().digits) > MAX_DIGITS:
        return None
    return number


def _price(value: Any) -> Decimal | None:
    """A price: a positive number (brokers write ``0`` for "no such price")."""
    number = _number(value)
    return number if number else None


def _word(table: Mapping[object, Any], value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int)) and value in table:
        return table[value]
    if isinstance(value, str):
        folded = value.strip().casefold()
        for key, found in table.items():
            if isinstance(key, str) and key.casefold() == folded:
                return found
    return None


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    text = str(value)
    return text if text and len(text) <= 255 and text.isprintable() else None


def _time(shape: OrderShape, value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return shape.parse_time(value, shape.zone)
    except (ValueError, OverflowError):
        return None


def describe_order(shape: OrderShape, row: Mapping[str, Any]) -> dict[str, Any]:
    """The descriptive fields of a :class:`~orderbridge.BrokerOrder` read from ``row``
    (a decoded JSON object), as keyword arguments; ``warnings`` holds the warning for an
    undocumented status word, if any. Never raises on any input."""
    word = _get(row, shape.status)
    status, warning = shape.statuses.normalize(word)

    def at(field: OrderField) -> Any:
        return _get(row, shape.paths.get(field, ()))

    filled = _number(at("filled_quantity"))
    return {
        "status": refine(status, filled),
        "broker_status": shape.statuses.word(word),
        "instrument": _text(at("instrument")),
        "side": _word(shape.sides, at("side")),
        "type": _word(shape.types, at("type")),
        "quantity": _price(at("quantity")),
        "limit_price": _price(at("limit_price")),
        "stop_price": _price(at("stop_price")),
        "trail_price": _price(at("trail_price")),
        "time_in_force": _word(shape.time_in_force_words, at("time_in_force")),
        "filled_quantity": filled,
        "average_fill_price": _price(at("average_fill_price")),
        "created_at": _time(shape, at("created_at")),
        "updated_at": _time(shape, at("updated_at")),
        "warnings": () if warning is None else (warning,),
    }


def object_at(data: Any, *keys: str | int) -> dict[str, Any]:
    """The object at ``keys`` (object keys and list indexes) of an answer as decoded once
    (:attr:`~orderbridge._wire.Sent.data`: numbers with a fraction keep the broker's exact
    text); ``{}`` when nothing object-shaped is there. Never raises (the fields it feeds are
    best-effort)."""
    value = data
    for key in keys:
        if isinstance(key, str) and isinstance(value, dict):
            value = value.get(key)
        elif isinstance(key, int) and isinstance(value, list) and 0 <= key < len(value):
            value = value[key]
        else:
            return {}
    return value if isinstance(value, dict) else {}


def client_order_id_of(shape: OrderShape, row: Mapping[str, Any]) -> str | None:
    """The client order id the row reports back, or ``None``."""
    return _text(_get(row, shape.paths.get("client_order_id", ())))


__all__ = [
    "OrderField",
    "OrderShape",
    "client_order_id_of",
    "describe_order",
    "object_at",
    "iso_time",
    "offset_time",
    "us_time",
]
