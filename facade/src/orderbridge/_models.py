"""The broker-neutral order model: :class:`Order` in, :class:`PlacedOrder` out.

Numbers are :class:`decimal.Decimal` end to end (DESIGN.md, facade principle 5). ``Order``
accepts ``str``, ``int`` or ``Decimal`` for every number and refuses ``float`` (a float has
already lost the digits the user typed). The text of the decimal the user gave is the text
that goes on the wire (``Decimal("1.50")`` is sent as ``"1.50"``); nothing is rounded or resized.

Also here, as value types the core passes around: what a broker is and can do
(:class:`BrokerDescription`, :class:`Capabilities`, :class:`Support`, queryable with
:func:`capabilities` and enforced before anything is sent), its order-id rules
(:class:`OrderIdRule`, :func:`order_id_from_wire`, :func:`check_order_id`), its request budget
(:class:`Budget`, :class:`Window`, :class:`RateLimit`) and a session's resolved
:class:`Settings` with its :class:`Secret` credentials.
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
from typing import Any, Final, Literal, TypeVar

import attrs

from ._errors import ConfigurationError, InvalidOrder, NotSupported

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


# -- request budgets (kept by the driver's meter) -------------------------------------------------


DEFAULT_STORAGE: Final = "memory://"
"""The storage URL used when none is given: counters in this process's memory."""


def _whole(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"Window.{attribute.name} must be a whole number >= 1, got {value!r}")


@attrs.frozen
class Window:
    """At most ``requests`` requests in any ``seconds`` seconds (whole numbers, both >= 1).

    Raises:
        ConfigurationError: for a number that is not whole and positive.
    """

    requests: int = attrs.field(validator=_whole)
    seconds: int = attrs.field(validator=_whole)

    def __str__(self) -> str:
        return f"{self.requests} per {self.seconds} s"


def _windows(value: Mapping[str, Window]) -> Mapping[str, Window]:
    return dict(value)


def _names(value: Mapping[str, str]) -> Mapping[str, str]:
    return dict(value)


@attrs.frozen(kw_only=True)
class Budget:
    """A broker's request budget, as data.

    Attributes:
        windows: budget category -> :class:`Window` (``{"requests": Window(200, 60)}``).
        operations: spec ``operationId`` -> category, for operations that are not in ``default``.
        default: the category of every other operation, or ``None`` when other operations are
            not counted (TradeStation counts only its listed categories).
        throttle_statuses: HTTP statuses that mean "over budget" at this broker (429).
        quota_marker: ``(status, text)`` when the broker signals "over budget" with another status
            and a body containing ``text`` (TradeStation: 403 and "Quota Exceeded", any case).
        source: the vendor document the figures come from.
    """

    windows: Mapping[str, Window] = attrs.field(converter=_windows)
    operations: Mapping[str, str] = attrs.field(factory=dict, converter=_names)
    default: str | None = None
    throttle_statuses: frozenset[int] = frozenset({429})
    quota_marker: tuple[int, str] | None = None
    source: str = ""

    def __attrs_post_init__(self) -> None:
        for category in (*self.operations.values(), *([self.default] if self.default else [])):
            if category not in self.windows:
                raise ConfigurationError(f"budget category {category!r} has no window")

    def category(self, operation_id: str) -> str | None:
        """The category ``operation_id`` spends from, or ``None`` when it is not counted."""
        return self.operations.get(operation_id, self.default)

    def throttled(self, status: int, content: bytes) -> bool:
        """Whether an answer with ``status`` and body ``content`` says the budget is spent."""
        if status in self.throttle_statuses:
            return True
        if self.quota_marker is None or status != self.quota_marker[0]:
            return False
        return self.quota_marker[1].lower().encode() in content[:4096].lower()


@attrs.frozen(kw_only=True)
class RateLimit:
    """How a session keeps a budget: ``connect(broker, rate_limit=RateLimit(...))``.

    Attributes:
        budget: the budget to keep; ``None`` keeps the broker's documented budget.
        storage: a storage URL of the `limits` library: ``"memory://"`` (the default: this
            process only) or ``"redis://host:6379/0"`` to share one budget between processes
            and machines (install ``orderbridge[redis]``).
    """

    budget: Budget | None = None
    storage: str = DEFAULT_STORAGE


DOCUMENTED: Final = RateLimit()
"""``connect``'s default ``rate_limit``: the broker's documented budget, counted in this process."""


# -- what a broker is and can do -----------------------------------------------------------------
# What each broker can do, as data: queryable with :func:`capabilities` and enforced before
# anything is sent (DESIGN.md, facade principle 4).
#
# Sources: ``specs/<broker>.yaml`` and the vendors' order documents (ProjectX
# ``Order/place``, CrossTrade PlaceOrder, TradeStation ``OrderRequestDefinition``, Sophic ``PlaceOrderRequest``).
#
# Also here: :class:`BrokerDescription` (everything the core knows about one broker, as data;
# each broker's is data in ``orderbridge/brokers/<broker>/broker.toml``) and the order-id rules.
# An acceptance is only an acceptance when it carries an order id the caller can act on, one
# that this SDK's own ``get_order`` and ``cancel_order`` accept; both directions go through one
# rule set (:class:`OrderIdRule`, per-broker limits as data): :func:`order_id_from_wire` reads
# the id a broker answered with (``None`` when unusable: the outcome is then unknown) and
# :func:`check_order_id` checks the id a caller passes (``InvalidOrder`` naming ``order_id``).
# Rules every broker shares: text (or, for integer ids, a JSON integer that is not a bool), not
# blank, no surrounding whitespace, no control characters, not ``.`` / ``..`` (URL
# normalisation folds those path segments away), within the broker's length and charset.


class Support(enum.StrEnum):
    """How a broker supports one lifecycle operation."""

    YES = "yes"
    """The broker documents a call for it; the facade uses that call."""
    EMULATED = "emulated"
    """No such call: the facade composes it from single calls (listing, per-order cancels,
    opposite market orders). Runs only when the caller passes ``emulate=True``."""
    NO = "no"
    """Neither: the session raises :class:`NotSupported` before anything is sent."""


OPERATIONS = (
    "modify_order",
    "open_orders",
    "positions",
    "balances",
    "fills",
    "close_position",
    "cancel_all_orders",
    "flatten",
    "place_bracket",
    "place_oco",
)
"""The lifecycle operations whose support is per broker (beyond place / get / cancel / resolve),
and the native order groups (``place_bracket``, ``place_oco``: never emulated)."""


MODIFY_FIELDS = ("quantity", "limit_price", "stop_price", "trail_price")


def _operations(value: Mapping[str, tuple[Support, str]]) -> Mapping[str, tuple[Support, str]]:
    missing = [name for name in OPERATIONS if name not in value]
    unknown = sorted(set(value) - set(OPERATIONS))
    if missing or unknown:
        problems = [
            f"{label}: {', '.join(names)}" for label, names in (("missing", missing), ("unknown", unknown)) if names
        ]
        raise ValueError(f"operations must list exactly {', '.join(OPERATIONS)} ({'; '.join(problems)})")
    return MappingProxyType(dict(value))


_NONE_DOCUMENTED = {name: (Support.NO, "not documented by this broker") for name in OPERATIONS}


@attrs.frozen(kw_only=True)
class Capabilities:
    """One broker's order-placement capabilities.

    Attributes:
        broker: broker name.
        order_types: order types ``place_order`` accepts.
        time_in_force: time-in-force values accepted; empty when the broker has no such field
            (then ``Order.time_in_force`` must be ``None``).
        default_time_in_force: what ``None`` means for this broker (sent explicitly when the
            broker requires the field), or ``None`` when it has no such field.
        quantity_sides: sides that are sized in units/contracts (``Order.quantity``).
        cash_amount_sides: sides that are sized in money (``Order.cash_amount``).
        fractional_quantity: whether quantities may have a fractional part.
        brackets: whether protective brackets can ride on the order (via ``Order.extras``).
        oco: whether an order can join a one-cancels-other group (via ``Order.extras``).
        flatten_first: whether ``Order.flatten_first`` is supported.
        client_order_id_field: the broker field or header carrying our client order id.
        client_order_id_max_length: the broker's limit for that field.
        idempotent_placement: the broker deduplicates placement on our key, so a placement
            can be retried safely (and orderbridge does retry it on transport failures).
        replays_duplicates: a duplicate returns the *original* result (Sophic) rather than a
            rejection, so a retried placement still yields a definitive answer.
        resolve: how ``resolve(client_order_id)`` works, or ``None`` when it cannot.
        cancel: whether ``cancel_order`` exists.
        notes: anything else a caller should know.
        operations: per lifecycle operation (:data:`OPERATIONS`), its :class:`Support` and how
            it is done (the broker call, or what the emulation sends).
        modify_fields: which of ``quantity``, ``limit_price``, ``stop_price``, ``trail_price``
            ``modify_order`` can change (empty when it cannot modify at all).
    """

    broker: str
    order_types: frozenset[OrderType]
    time_in_force: frozenset[TimeInForce] = frozenset()
    default_time_in_force: TimeInForce | None = None
    quantity_sides: frozenset[Side] = frozenset({Side.BUY, Side.SELL})
    cash_amount_sides: frozenset[Side] = frozenset()
    fractional_quantity: bool = False
    brackets: bool = False
    oco: bool = False
    flatten_first: bool = False
    client_order_id_field: str
    client_order_id_max_length: int
    idempotent_placement: bool = False
    replays_duplicates: bool = False
    resolve: str | None = None
    cancel: bool = True
    notes: str = ""
    operations: Mapping[str, tuple[Support, str]] = attrs.field(factory=lambda: _NONE_DOCUMENTED, converter=_operations)
    modify_fields: frozenset[str] = frozenset()

    def support(self, operation: str) -> Support:
        """The :class:`Support` of ``operation`` (one of :data:`OPERATIONS`)."""
        return self.operations[operation][0]

    def check_operation(self, operation: str, *, emulate: bool = False) -> Support:
        """Raise :class:`NotSupported` (nothing sent) unless ``operation`` can run here.

        An emulated operation runs only with ``emulate=True``; the error says what the
        emulation would send.
        """
        support, how = self.operations[operation]
        if support is Support.NO:
            raise NotSupported(f"{operation} is not supported: {how}", feature=operation, broker=self.broker)
        if support is Support.EMULATED and not emulate:
            raise NotSupported(
                f"{operation} has no broker call here; orderbridge can emulate it ({how}): pass emulate=True",
                feature=operation,
                broker=self.broker,
            )
        return support

    def check_modify(self, changes: Mapping[str, Decimal | None]) -> None:
        """Refuse a modification of a field this broker cannot change (nothing sent)."""
        self.check_operation("modify_order")
        given = {name for name, value in changes.items() if value is not None}
        if not given:
            raise InvalidOrder(
                "modify_order needs at least one of quantity, limit_price, stop_price, trail_price",
                field="quantity",
                broker=self.broker,
            )
        for name in MODIFY_FIELDS:
            if name in given and name not in self.modify_fields:
                can = ", ".join(f for f in MODIFY_FIELDS if f in self.modify_fields)
                raise NotSupported(
                    f"modify_order cannot change {name} here (it can change: {can})", feature=name, broker=self.broker
                )

    def check(self, order: Order) -> None:
        """Raise :class:`NotSupported` / :class:`InvalidOrder` if this broker cannot take ``order``.

        Called before anything is sent; nothing is sent when it raises.
        """
        b = self.broker
        if order.type not in self.order_types:
            supported = ", ".join(sorted(t.value for t in self.order_types))
            raise NotSupported(
                f"order type {order.type.value!r} is not supported (supported: {supported})", feature="type", broker=b
            )
        if order.time_in_force is not None and order.time_in_force not in self.time_in_force:
            supported = ", ".join(sorted(t.value for t in self.time_in_force)) or "none: leave it None"
            raise NotSupported(
                f"time in force {order.time_in_force.value!r} is not supported (supported: {supported})",
                feature="time_in_force",
                broker=b,
            )
        if order.quantity is not None and order.side not in self.quantity_sides:
            raise InvalidOrder(
                f"{order.side.value} orders are sized by cash_amount here, not quantity", field="quantity", broker=b
            )
        if order.cash_amount is not None and order.side not in self.cash_amount_sides:
            if self.cash_amount_sides:
                message = f"{order.side.value} orders are sized by quantity here, not cash_amount"
            else:
                message = "this broker sizes orders by quantity only; cash_amount is not supported"
            raise InvalidOrder(message, field="cash_amount", broker=b)
        if order.quantity is not None and not self.fractional_quantity and not is_whole(order.quantity):
            raise InvalidOrder(
                f"quantity must be a whole number of contracts/shares here, got {order.quantity}",
                field="quantity",
                broker=b,
            )
        if order.flatten_first and not self.flatten_first:
            raise NotSupported("flatten_first is not supported", feature="flatten_first", broker=b)

    def as_dict(self) -> dict[str, object]:
        """A plain-data view (sorted lists, strings) for tables and JSON."""
        out: dict[str, object] = {}
        for field in attrs.fields(Capabilities):
            value = getattr(self, field.name)
            if isinstance(value, frozenset):
                value = sorted(getattr(v, "value", v) for v in value)
            elif isinstance(value, (TimeInForce, OrderType, Side)):
                value = value.value
            elif field.name == "operations":
                value = {name: {"support": support.value, "how": how} for name, (support, how) in value.items()}
            out[field.name] = value
        return out


def is_whole(value: Decimal) -> bool:
    """True when ``value`` has no fractional part (``Decimal("2.0")`` is whole)."""
    return value == value.to_integral()


BY_ORDER = "open_orders, then cancel_order for each working order"
"""How the facade emulates an account-wide cancel (the words capabilities show)."""


BY_MARKET = "an opposite market order for the position's size (positions first)"
"""How the facade emulates a close."""


@attrs.frozen(kw_only=True)
class BrokerDescription:
    """Everything the core knows about one broker, as data (each lives in
    ``orderbridge/brokers/<broker>/broker.toml``; :mod:`orderbridge.brokers` reads them).

    Attributes:
        name: the broker name used everywhere (``"topstepx"``...).
        production_url: the spec's ``servers[0]`` URL, the default base URL.
        credentials: credential names; ``ORDERBRIDGE_<BROKER>_<NAME upper-cased>`` in the environment.
        order_ids: what makes an order id usable at this broker (:class:`OrderIdRule`).
        module: the adapter module, imported on first use (so ``import orderbridge`` loads no
            generated client); it defines ``ADAPTER``.
        capabilities: what ``place_order`` accepts and, per lifecycle operation, whether the
            broker documents it, the facade emulates it, or neither (:class:`Capabilities`).
        key_conflict_codes: error codes meaning "this idempotency key was already used";
            after an ambiguous attempt they mean the order may exist.
        api_versions: the versions ``connect(api_version=...)`` accepts, the default first;
            empty when the broker has no such choice.
        websocket: the module of an RPC transport for ``connect(transport="websocket")``
            (defining ``WebSocketTransport`` and ``AsyncWebSocketTransport``), or ``None``.
        budget: the broker's documented request budget (:class:`~orderbridge.Budget`, its
            ``[budget]`` table of its ``broker.toml``), or ``None`` when it documents none.
    """

    name: str
    production_url: str
    credentials: tuple[str, ...]
    order_ids: OrderIdRule
    module: str
    capabilities: Capabilities
    key_conflict_codes: frozenset[str] = frozenset()
    api_versions: tuple[str, ...] = ()
    websocket: str | None = None
    budget: Budget | None = None


INT64_MAX = 2**63 - 1


@attrs.frozen
class OrderIdRule:
    """One broker's order id format.

    Attributes:
        kind: ``"integer"`` — a positive int64, decimal text in the SDK; ``"text"`` — a string
            of ``charset`` characters.
        max_length: longest accepted text.
        charset: regular expression one character must match (``"text"`` ids).
        wire_text: an ``"integer"`` id may also arrive as a JSON string of digits
            (TradeStation ``OrderID`` is a string, its 20150101 ``Id`` a JSON number).
        source: the vendor document the rule comes from.
    """

    kind: Literal["integer", "text"]
    max_length: int
    charset: str = r"[0-9]"
    wire_text: bool = False
    source: str = ""
    pattern: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    """``charset`` repeated 1 to ``max_length`` times, compiled once per rule."""

    @pattern.default
    def _compile(self) -> re.Pattern[str]:
        return re.compile(f"(?:{self.charset}){{1,{self.max_length}}}")


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""C0 controls, DEL and C1 controls (code points below 32 and 127 to 159)."""


def _text_problem(rule: OrderIdRule, text: str) -> str | None:
    if not text.strip():
        return "is blank"
    if text != text.strip():
        return "has surrounding whitespace"
    if _CONTROL.search(text):
        return "contains control characters"
    if text in (".", ".."):
        return "is a dot path segment"
    if len(text) > rule.max_length:
        return f"is longer than {rule.max_length} characters"
    if not rule.pattern.fullmatch(text):
        return "has characters outside the broker's id charset"
    if rule.kind == "integer" and (text.startswith("0") or not 0 < int(text) <= INT64_MAX):
        return "is not a positive int64 in canonical decimal form"
    return None


def order_id_problem(rule: OrderIdRule, value: object) -> str | None:
    """Why ``value`` (as the broker sent it) is not a usable order id, or ``None`` if it is."""
    if isinstance(value, bool):
        return "is a boolean"
    if isinstance(value, int):
        if rule.kind != "integer":
            return "is a number where the broker documents a string"
        if not 0 < value <= INT64_MAX:
            return "is not a positive int64"
        return None
    if not isinstance(value, str):
        return f"is a {type(value).__name__}"
    if rule.kind == "integer" and not rule.wire_text:
        return "is a string where the broker documents an integer"
    return _text_problem(rule, value)


def order_id_from_wire(rule: OrderIdRule, value: object) -> str | None:
    """The text of a usable order id the broker answered with, or ``None`` if unusable."""
    if order_id_problem(rule, value) is not None:
        return None
    return str(value)


def check_order_id(rule: OrderIdRule, order_id: object, broker: str) -> str:
    """``order_id`` as a caller passed it to ``get_order`` / ``cancel_order``, checked.

    Accepts exactly the text :func:`order_id_from_wire` produces for this broker.

    Raises:
        InvalidOrder: naming ``order_id``; nothing is sent.
    """
    if not isinstance(order_id, str):
        raise InvalidOrder(f"order_id must be a string, got {type(order_id).__name__}", field="order_id", broker=broker)
    problem = _text_problem(rule, order_id)
    if problem is not None:
        shown = order_id if len(order_id) <= 40 else order_id[:40] + "..."
        raise InvalidOrder(
            f"order_id {shown!r} {problem} (expected {rule.kind}, at most {rule.max_length} characters)",
            field="order_id",
            broker=broker,
        )
    return order_id


# -- a session's resolved settings -----------------------------------------------------------------


DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024
"""Default cap on a decoded response body (8 MiB: far above any documented answer)."""


class Secret:
    """A credential value that never prints itself (``repr`` -> ``Secret('***')``)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret text, for building the one request header or form that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("Secret values are not picklable")


@attrs.frozen(kw_only=True)
class Settings:
    """Resolved settings of one broker session.

    Attributes:
        broker: broker name.
        base_url: scheme + host (+ path prefix, e.g. the sandbox's ``/topstepx``), no trailing slash.
        credentials: credential name -> :class:`Secret` (only the ones given).
        timeout: seconds for connect, read, write and pool waits (each).
        deadline: seconds one call may take in total, retries and backoff included; a stalled
            or trickling server fails the call (``OutcomeUnknown`` origin ``"deadline"`` for a
            money-moving call) at most one ``timeout`` after it.
        max_response_bytes: largest response body accepted, after decoding (gzip/deflate).
        api_version: TradeStation ``APIVersion`` (``None`` for other brokers).
    """

    broker: str
    base_url: str
    credentials: Mapping[str, Secret] = attrs.field(repr=lambda c: f"<{', '.join(sorted(c))}>")
    timeout: float
    deadline: float = 30.0
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    api_version: str | None = None

    def secret(self, name: str) -> str:
        """The revealed credential ``name``.

        Raises:
            ConfigurationError: when it was neither passed nor set in the environment.
        """
        try:
            return self.credentials[name].reveal()
        except KeyError:
            env = f"ORDERBRIDGE_{self.broker.upper()}_{name.upper()}"
            raise ConfigurationError(
                f"missing credential {name!r}: pass credentials={{{name!r}: ...}} or set {env}", broker=self.broker
            ) from None

    def has(self, name: str) -> bool:
        """Whether credential ``name`` was given (argument or environment)."""
        return name in self.credentials

    def secret_values(self) -> list[str]:
        """Every revealed secret (used to scrub them from anything we print)."""
        return [s.reveal() for s in self.credentials.values() if s.reveal()]
