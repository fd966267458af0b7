"""The broker-neutral order model: :class:`Order` in, :class:`PlacedOrder` out.

Numbers are :class:`decimal.Decimal` end to end (DESIGN.md, facade principle 5). ``Order``
accepts ``str``, ``int`` or ``Decimal`` for every number and refuses ``float`` (a float has
already lost the digits the user typed). The text of the decimal the user gave is the text
that goes on the wire (``Decimal("1.50")`` is sent as ``"1.50"``); nothing is rounded or resized.
"""

from __future__ import annotations

import base64
import datetime as _dt
import enum
import os
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from ._errors import InvalidOrder

CLIENT_ORDER_ID_MAX = 22
"""Longest client order id that fits every broker's field (TradeStation ``OrderConfirmId`` ≤ 22)."""

_CLIENT_ORDER_ID = re.compile(r"[A-Za-z0-9_-]{1,22}")

_E = TypeVar("_E", bound=enum.StrEnum)


class Side(enum.StrEnum):
    """Order side. TopstepX sends 0 (Bid) / 1 (Ask); the others send text."""

    BUY = "buy"
    SELL = "sell"


class OrderType(enum.StrEnum):
    """Order type in the field's standard terms; each broker maps it to its own code."""

    MARKET = "market"
    LIMIT = "limit"
    STOP = "stop"
    STOP_LIMIT = "stop_limit"
    TRAILING_STOP = "trailing_stop"


class TimeInForce(enum.StrEnum):
    """Time in force. ``None`` on an :class:`Order` means "the broker's default"."""

    DAY = "day"
    GTC = "gtc"
    IOC = "ioc"
    FOK = "fok"
    GTD = "gtd"


def new_client_order_id() -> str:
    """A fresh client order id: 22 characters of ``[A-Za-z0-9_-]`` (128 random bits), never
    starting with ``-``.

    About 1 in 64 urlsafe-base64 strings starts with ``-``, which command lines (argparse, and
    most shells' tools) take for an option; such draws are thrown away and drawn again, so every
    id that is returned stays uniformly random over the allowed ones.
    """
    while True:
        cid = base64.urlsafe_b64encode(os.urandom(16)).decode("ascii").rstrip("=")  # os.urandom: the CSPRNG
        if not cid.startswith("-"):
            return cid


def to_decimal(value: object, field: str) -> Decimal | None:
    """Coerce a user number to ``Decimal`` without ever passing through ``float``.

    Accepts ``Decimal``, ``int`` and numeric ``str``; ``None`` stays ``None``.
    Raises :class:`InvalidOrder` naming ``field`` for floats, bools, NaN, infinities and
    text that is not a number.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidOrder(f"{field} must be a number, not a bool", field=field)
    if isinstance(value, float):
        raise InvalidOrder(
            f"{field} must be a Decimal, int or str, not float ({value!r}): a float has already lost "
            f"the exact digits; write Decimal({str(value)!r}) or {str(value)!r}",
            field=field,
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise InvalidOrder(f"{field} is not a number: {value!r}", field=field) from None
    else:
        raise InvalidOrder(f"{field} must be a Decimal, int or str, not {type(value).__name__}", field=field)
    if not result.is_finite():
        raise InvalidOrder(f"{field} must be finite, got {result}", field=field)
    return check_bounds(result, field)


MAX_DIGITS = 28
"""Most significant digits a number may carry (Python's default decimal context precision)."""
MAX_MAGNITUDE = 18
"""Largest power of ten (``adjusted()``) a number may reach either way: 1e18 > any order size or
price; 1e-18 < any tick. Checked before any arithmetic, so ``"1e999999999999"`` costs nothing."""


def check_bounds(value: Decimal, field: str) -> Decimal:
    """Refuse a finite decimal with more than :data:`MAX_DIGITS` significant digits or a
    magnitude beyond ``10**±MAX_MAGNITUDE``: only its tuple is inspected (no arithmetic, no
    formatting), so a huge exponent cannot exhaust memory or CPU.

    Raises:
        InvalidOrder: naming ``field``; the message never repeats the number.
    """
    if len(str(value)) <= MAX_DIGITS and -MAX_MAGNITUDE <= value.adjusted() <= MAX_MAGNITUDE:
        return value  # fast path: a short text cannot hold too many digits (zero aside, below)
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise InvalidOrder(f"{field} must be finite", field=field)
    if len(digits) > MAX_DIGITS:
        raise InvalidOrder(f"{field} has more than {MAX_DIGITS} significant digits", field=field)
    if any(digits) and not -MAX_MAGNITUDE <= len(digits) + exponent - 1 <= MAX_MAGNITUDE:
        raise InvalidOrder(f"{field} is out of range (beyond 1e±{MAX_MAGNITUDE})", field=field)
    if not any(digits) and not -MAX_MAGNITUDE - MAX_DIGITS <= exponent <= MAX_MAGNITUDE:
        raise InvalidOrder(f"{field} is out of range (exponent {exponent})", field=field)
    return value


def decimal_text(value: Decimal) -> str:
    """The wire text of a decimal: fixed-point, exactly the digits given (``1E+2`` -> ``"100"``)."""
    return format(value, "f")


def _member(cls: type[_E], value: object, field: str) -> _E | None:
    """``value`` as a member of ``cls`` (its value in any case, spaces around ignored); ``None``
    stays ``None`` (the order's checks decide whether the field may be absent).

    Raises:
        InvalidOrder: naming ``field`` and the allowed values.
    """
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, str):
        try:
            return cls(value.strip().lower())
        except ValueError:
            pass
    allowed = ", ".join(repr(m.value) for m in cls)
    raise InvalidOrder(f"{field} must be one of {allowed}, got {value!r}", field=field)


def _positive(value: object, field: str) -> Decimal | None:
    """``value`` as a ``Decimal`` greater than zero, or ``None``.

    Raises:
        InvalidOrder: naming ``field`` (see :func:`to_decimal`), or the number is not above zero.
    """
    number = to_decimal(value, field)
    if number is not None and number <= 0:
        raise InvalidOrder(f"{field} must be greater than zero, got {decimal_text(number)}", field=field)
    return number


def _freeze_extras(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise InvalidOrder("extras must be a mapping of broker field name to value", field="extras")
    for key, item in value.items():
        if not isinstance(key, str):
            raise InvalidOrder(f"extras keys must be strings, got {key!r}", field="extras")
        if isinstance(item, float):
            raise InvalidOrder(f"extras[{key!r}] is a float; pass a Decimal, int or str", field="extras")
    return MappingProxyType(dict(value))


def _instrument(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidOrder("instrument must be a non-empty string (the broker's own id)", field="instrument")
    if value != value.strip():
        raise InvalidOrder(f"instrument has leading or trailing whitespace: {value!r}", field="instrument")
    return value


def _client_order_id(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _CLIENT_ORDER_ID.fullmatch(value):
        raise InvalidOrder(
            f"client_order_id must be 1-{CLIENT_ORDER_ID_MAX} characters of [A-Za-z0-9_-] so it fits every "
            f"broker's field, got {value!r}",
            field="client_order_id",
        )
    return value


def _date(value: object) -> _dt.date | None:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        raise InvalidOrder("expire_date must be a date, not a datetime", field="expire_date")
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidOrder(f"expire_date must be a date or 'YYYY-MM-DD', got {value!r}", field="expire_date")


_PRICES_BY_TYPE: dict[OrderType, frozenset[str]] = {
    OrderType.MARKET: frozenset(),
    OrderType.LIMIT: frozenset({"limit_price"}),
    OrderType.STOP: frozenset({"stop_price"}),
    OrderType.STOP_LIMIT: frozenset({"limit_price", "stop_price"}),
    OrderType.TRAILING_STOP: frozenset({"trail_price"}),
}


# The attrs mypy plugin types ``Order.__init__`` from its converters only when each is a named
# function, so every field has one; the rules themselves are _member and _positive above.
def _side(value: object) -> Side | None:
    return _member(Side, value, "side")


def _type(value: object) -> OrderType | None:
    return _member(OrderType, value, "type")


def _time_in_force(value: object) -> TimeInForce | None:
    return _member(TimeInForce, value, "time_in_force")


def _quantity(value: object) -> Decimal | None:
    return _positive(value, "quantity")


def _cash_amount(value: object) -> Decimal | None:
    return _positive(value, "cash_amount")


def _limit_price(value: object) -> Decimal | None:
    return _positive(value, "limit_price")


def _stop_price(value: object) -> Decimal | None:
    return _positive(value, "stop_price")


def _trail_price(value: object) -> Decimal | None:
    return _positive(value, "trail_price")


@attrs.frozen(kw_only=True)
class Order:
    """A broker-neutral order. Frozen: derive variants with ``attrs.evolve(order, ...)``.

    Attributes:
        instrument: the broker's own instrument id — TopstepX contract id
            (``"CON.F.US.MES.Z25"``), NinjaTrader name (``"MES 12-25"``), TradeStation symbol
            (``"MSFT"``), Sophic instrument id (``"ins_xyz789"``).
        side: ``"buy"`` / ``"sell"`` or :class:`Side`.
        type: ``"market"`` (default), ``"limit"``, ``"stop"``, ``"stop_limit"``,
            ``"trailing_stop"`` or :class:`OrderType`.
        quantity: units or contracts, ``Decimal`` (> 0). Exactly one of ``quantity`` and
            ``cash_amount`` is required.
        cash_amount: money to invest before fees, ``Decimal`` (> 0), in the instrument's trading
            currency (Sophic buys are cash-based).
        limit_price: required for limit and stop-limit orders, refused otherwise.
        stop_price: required for stop and stop-limit orders, refused otherwise.
        trail_price: required for trailing-stop orders, refused otherwise. TopstepX sends it as
            ``trailPrice``: an absolute price level (not a distance) from which the gateway derives
            the trailing distance in whole ticks from the last trade; it must be tick-aligned and
            at most 1000 ticks away. Source: the ProjectX gateway docs and error texts; one
            community SDK (project-x-py) documents the field as a distance, so the sources do not
            settle it beyond doubt (specs/topstepx.yaml, Source note 17). Orders read back report
            ``trailPrice`` as a distance, never as this level.
        time_in_force: ``"day"``, ``"gtc"``, ``"ioc"``, ``"fok"``, ``"gtd"`` or ``None`` for the
            broker's default.
        expire_date: the last day for ``"gtd"`` (a ``date`` or ``"YYYY-MM-DD"``); refused otherwise.
        client_order_id: your id for this order, 1-22 characters of ``[A-Za-z0-9_-]``. When
            ``None`` one is generated before the first attempt and returned on the result.
        flatten_first: close the instrument's position and working orders, then place
            (CrossTrade ``orders/flatplace``).
        extras: broker-native fields passed through unchanged (TradeStation ``AssetType``,
            ``Route``; Sophic ``automatic_rollover``; TopstepX ``stopLossBracket`` /
            ``takeProfitBracket``; CrossTrade ``ocoId`` / ``strategy``).

    Raises:
        InvalidOrder: on construction, naming the field — floats, non-positive or non-finite
            numbers, both or neither of quantity and cash amount, prices that do not belong to
            the order type, ``gtd`` without a date.
    """

    instrument: str = attrs.field(converter=_instrument)
    side: Side = attrs.field(converter=_side)
    type: OrderType = attrs.field(default=OrderType.MARKET, converter=_type)
    quantity: Decimal | None = attrs.field(default=None, converter=_quantity)
    cash_amount: Decimal | None = attrs.field(default=None, converter=_cash_amount)
    limit_price: Decimal | None = attrs.field(default=None, converter=_limit_price)
    stop_price: Decimal | None = attrs.field(default=None, converter=_stop_price)
    trail_price: Decimal | None = attrs.field(default=None, converter=_trail_price)
    time_in_force: TimeInForce | None = attrs.field(default=None, converter=_time_in_force)
    expire_date: _dt.date | None = attrs.field(default=None, converter=_date)
    client_order_id: str | None = attrs.field(default=None, converter=_client_order_id)
    flatten_first: bool = attrs.field(default=False)
    extras: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze_extras)

    def __attrs_post_init__(self) -> None:
        if self.side is None:
            raise InvalidOrder("side is required", field="side")
        if self.type is None:
            raise InvalidOrder("type is required (omit it for a market order)", field="type")
        if (self.quantity is None) == (self.cash_amount is None):
            raise InvalidOrder("give exactly one of quantity and cash_amount", field="quantity")
        needed = _PRICES_BY_TYPE[self.type]
        for name in ("limit_price", "stop_price", "trail_price"):
            present = getattr(self, name) is not None
            if name in needed and not present:
                raise InvalidOrder(f"a {self.type.value} order needs {name}", field=name)
            if present and name not in needed:
                raise InvalidOrder(f"{name} does not apply to a {self.type.value} order", field=name)
        if self.time_in_force is TimeInForce.GTD and self.expire_date is None:
            raise InvalidOrder("time_in_force 'gtd' needs expire_date", field="expire_date")
        if self.expire_date is not None and self.time_in_force is not TimeInForce.GTD:
            raise InvalidOrder("expire_date applies only to time_in_force 'gtd'", field="expire_date")
        if not isinstance(self.flatten_first, bool):
            raise InvalidOrder("flatten_first must be a bool", field="flatten_first")


_ORDER_FIELDS = tuple(a.name for a in attrs.fields(Order) if a.name != "client_order_id")


def with_client_order_id(order: Order, client_order_id: str) -> Order:
    """``order`` with ``client_order_id`` set, as ``attrs.evolve`` would build it.

    Every other field of an ``Order`` was converted and checked when it was built and no
    check involves the client order id, so only the new id goes through its converter; the
    other fields are carried over as they are (``attrs.evolve`` re-runs every converter and
    the cross-field checks, about 5 µs on each placement). Subclasses go through
    ``attrs.evolve``: they may check more.

    Raises:
        InvalidOrder: ``client_order_id`` is not 1-22 characters of ``[A-Za-z0-9_-]``.
    """
    if type(order) is not Order:
        return attrs.evolve(order, client_order_id=client_order_id)
    checked = _client_order_id(client_order_id)
    derived = object.__new__(Order)
    set_field = object.__setattr__  # the class is frozen; this is how its own __init__ sets fields
    for name in _ORDER_FIELDS:
        set_field(derived, name, getattr(order, name))
    set_field(derived, "client_order_id", checked)
    return derived


@attrs.frozen(kw_only=True)
class PlacedOrder:
    """An order the broker accepted (or, from ``resolve``, one the broker holds).

    Attributes:
        broker: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"`` or ``"sophic"``.
        account: the account the order was placed in, as given by the caller.
        order_id: the broker's order id, as text (TopstepX integers are converted).
        client_order_id: the id sent in the broker's client-id field.
        status: the broker's status word when the response carries one (Sophic ``"placed"``,
            TradeStation ``"Ok"``), else ``None``.
        raw: the generated client's typed response model, unchanged — or, when the broker's
            answer carried the outcome fields (success markers and a usable order id) but some
            other field did not match the spec, the body decoded as JSON (``dict``/``list``).
        warnings: deviations from the spec found in an answer that was still an acceptance
            (for example ``"response did not match Order: KeyError: 'is_cancellable'"``); empty
            when the answer matched. Each is also logged at WARNING on the ``orderbridge`` logger.
    """

    broker: str
    account: str
    order_id: str
    client_order_id: str
    status: str | None = None
    raw: Any = attrs.field(default=None, repr=False, eq=False)
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False)
