"""Results of the account and lifecycle reads and actions: :class:`Position`, :class:`Balance`,
:class:`Fill`, the per-item :class:`ItemOutcome` of a cancel-all or flatten, and
:class:`FlattenReport`; the :class:`Modification` a ``modify_order`` sends; plus the reader
that takes numbers from the wire's exact text.

Numbers are :class:`~decimal.Decimal` built from the characters the broker sent: the body is
decoded once with every fractional JSON number kept as a
:class:`~orderbridge._wire.WireNumber` (a float carrying its text), so ``6065.250000000``
stays ``Decimal("6065.250000000")``.
A missing or ``null`` value is ``None``, never 0.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import attrs

from ._errors import (
    InvalidOrder,
    NotSupported,
    OrderbridgeError,
    OrderRejected,
    OutcomeUnknown,
    UnexpectedResponse,
    bad_row,
    not_json,
)
from ._models import Side
from ._wire import NOT_JSON, Sent, WireNumber

log = logging.getLogger("orderbridge")
T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Modification:
    """The fields ``modify_order`` changes (``None``: leave as is). Decimals, validated."""

    quantity: Decimal | None = None
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    trail_price: Decimal | None = None

    def as_dict(self) -> dict[str, Decimal | None]:
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Position:
    """An open position as the broker reports it (``positions``).

    Attributes:
        broker, account: where it is held.
        instrument: the broker's instrument id (TopstepX ``contractId``, NinjaTrader
            instrument name, TradeStation ``Symbol``, Sophic instrument id).
        quantity: signed size in contracts/units: positive long, negative short (TopstepX
            ``type`` 1/2 with a positive ``size``, NinjaTrader ``marketPosition``, TradeStation
            ``LongShort``; Sophic holdings are always long, from ``total``).
        average_price: the broker's average entry price, or ``None`` when it sends none.
        raw: the generated client's typed model of the row.
    """

    broker: str
    account: str
    instrument: str
    quantity: Decimal
    average_price: Decimal | None = None
    raw: Any = attrs.field(default=None, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Balance:
    """An account's money as the broker reports it (``balances``).

    Each broker adapter documents which broker field fills which attribute; a value the broker
    does not send is ``None`` (never 0).

    Attributes:
        currency: ISO code when the broker states one.
        cash: cash balance (settled and unsettled cash, before margin).
        buying_power: what can be spent on new orders now.
        equity: account value including open positions, when the broker reports it.
        raw: the generated model (or list of models) the values came from.
    """

    broker: str
    account: str
    currency: str | None = None
    cash: Decimal | None = None
    buying_power: Decimal | None = None
    equity: Decimal | None = None
    raw: Any = attrs.field(default=None, repr=False, eq=False)


@attrs.frozen(kw_only=True)
class Fill:
    """One execution (``fills``).

    Attributes:
        order_id: the broker's id of the order that filled.
        fill_id: the broker's own id of this execution, the same on every read, so a caller can
            tell new fills from seen ones (``snapshot(fills_since=<last fill_id>)``): TopstepX
            ``Trade/search`` ``id``, NinjaTrader execution ``id`` (CrossTrade), Sophic trade
            ``id``. Every broker that reports fills gives each one an id, so none is derived;
            TradeStation v2 reports no fills at all.
        side: buy or sell.
        quantity: units filled in this execution (positive).
        price: execution price, exact wire text.
        time: when it executed, always timezone-aware (a broker's naive timestamp is read in
            the zone its vendor documents, see each adapter's ``fills``), or ``None`` when the
            broker sent none or one that cannot be read (then ``warnings`` says so).
        warnings: deviations in the row that did not stop the fill from being read (an
            unreadable or out-of-range timestamp); also logged at WARNING.
    """

    broker: str
    account: str
    order_id: str
    fill_id: str
    instrument: str
    side: Side
    quantity: Decimal
    price: Decimal
    time: dt.datetime | None = None
    raw: Any = attrs.field(default=None, repr=False, eq=False)
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False)


class ItemStatus(enum.StrEnum):
    """Outcome of one item of a cancel-all or flatten."""

    DONE = "done"
    """The broker accepted the request for this item."""
    REFUSED = "refused"
    """A definitive refusal (the broker's :class:`~orderbridge.OrderRejected`, or the facade's
    :class:`~orderbridge.NotSupported` / :class:`~orderbridge.InvalidOrder`): the item is as it
    was, and asking again will not change that."""
    NOT_ATTEMPTED = "not_attempted"
    """The request for this item never reached the broker: it could not be reached, refused our
    credentials, throttled us, or the listing the item depends on failed
    (:class:`~orderbridge.BrokerUnavailable`, :class:`~orderbridge.AuthenticationError`...).
    The item is as it was; nothing was refused. Try again once the broker answers."""
    UNKNOWN = "unknown"
    """The request may have been applied: read the orders / positions again before acting."""


@attrs.frozen(kw_only=True)
class ItemOutcome:
    """What happened to one order (cancel) or one position (close).

    Attributes:
        action: ``"cancel"`` or ``"close"``.
        target: the order id (cancel) or instrument (close); ``"*"`` for a broker-native
            call that covers the whole account.
        status: :class:`ItemStatus`.
        error: the :class:`~orderbridge.OrderbridgeError` behind a refused / unknown item.
        client_order_id: for a close emulated by an opposite market order, the client order
            id it was placed with (reconcile with ``resolve``).
        quantity: for a close that covers part of a position, the units this item covers
            (Sophic: the units an emulated flatten sold, and separately the units pending sell
            orders hold back); ``None`` when the item covers the whole position or an order.
    """

    action: str
    target: str
    status: ItemStatus
    error: OrderbridgeError | None = attrs.field(default=None, eq=False)
    client_order_id: str | None = None
    quantity: Decimal | None = None

    @classmethod
    def done(
        cls, action: str, target: str, client_order_id: str | None = None, *, quantity: Decimal | None = None
    ) -> ItemOutcome:
        """The broker accepted ``action`` (``"cancel"``, ``"close"``) on ``target`` (an order id,
        an instrument, or ``"*"`` for an account-wide native call)."""
        return cls(
            action=action, target=target, status=ItemStatus.DONE, client_order_id=client_order_id, quantity=quantity
        )

    @classmethod
    def failed(
        cls,
        action: str,
        target: str,
        error: OrderbridgeError,
        client_order_id: str | None = None,
        *,
        quantity: Decimal | None = None,
    ) -> ItemOutcome:
        """``unknown`` when the error says the request may have been applied; ``refused`` for a
        definitive refusal (:class:`OrderRejected`, :class:`NotSupported`, :class:`InvalidOrder`);
        else ``not_attempted`` (the broker was never asked: unreachable, credentials refused...)."""
        if isinstance(error, OutcomeUnknown) or error.order_may_exist:
            status = ItemStatus.UNKNOWN
        elif isinstance(error, (OrderRejected, NotSupported, InvalidOrder)):
            status = ItemStatus.REFUSED
        else:
            status = ItemStatus.NOT_ATTEMPTED
        cid = client_order_id if client_order_id is not None else getattr(error, "client_order_id", None)
        return cls(action=action, target=target, status=status, error=error, client_order_id=cid, quantity=quantity)


@attrs.frozen(kw_only=True)
class FlattenReport:
    """Result of ``flatten``: every working order cancelled, then every position closed.

    Attributes:
        cancelled: one :class:`ItemOutcome` per working order (or one ``"*"`` item for a
            broker-native account-wide cancel).
        closed: one :class:`ItemOutcome` per position (or one ``"*"`` item for a native flatten).
        emulated: ``True`` when the facade composed the flatten from single calls.
    """

    broker: str
    account: str
    cancelled: tuple[ItemOutcome, ...] = ()
    closed: tuple[ItemOutcome, ...] = ()
    emulated: bool = False

    @property
    def items(self) -> tuple[ItemOutcome, ...]:
        """Every item, cancels first then closes, in the order they were sent."""
        return self.cancelled + self.closed

    @property
    def complete(self) -> bool:
        """Every item is done (an empty account is complete)."""
        return all(item.status is ItemStatus.DONE for item in self.items)

    @property
    def unknown(self) -> tuple[ItemOutcome, ...]:
        """Items that may or may not have been applied (an :class:`~orderbridge.OutcomeUnknown`
        or another error with ``order_may_exist``): read the orders and positions again before
        acting on them; never blindly resend."""
        return tuple(i for i in self.items if i.status is ItemStatus.UNKNOWN)

    @property
    def refused(self) -> tuple[ItemOutcome, ...]:
        """Items definitively refused, by the broker or before sending (``error`` says why)."""
        return tuple(i for i in self.items if i.status is ItemStatus.REFUSED)

    @property
    def not_attempted(self) -> tuple[ItemOutcome, ...]:
        """Items whose request never reached the broker (unreachable, credentials refused, a
        failed listing): as they were; try again once the broker answers."""
        return tuple(i for i in self.items if i.status is ItemStatus.NOT_ATTEMPTED)


# -- reading exact numbers from the wire ------------------------------------------------------


def exact_json(sent: Sent, broker: str, what: str) -> Any:
    """The body as :class:`~orderbridge._wire.Operation` decoded it, once: numbers with a
    fraction keep the exact text the broker sent (:class:`~orderbridge._wire.WireNumber`).

    Raises:
        UnexpectedResponse: the body is not JSON.
    """
    data = sent.data
    if data is NOT_JSON:
        raise not_json(broker, what, sent.status, sent.content)
    return data


class Reader:
    """Strict-where-needed access to one decoded JSON object (a row of a read).

    ``need`` raises :class:`UnexpectedResponse` naming the field when a value the result needs
    is missing, malformed or out of range; ``maybe`` returns ``None`` for a missing, ``null`` or
    malformed optional value (liberal in what it reads), and records why in :attr:`warnings`
    when a value was present but unreadable.
    """

    def __init__(self, row: Any, broker: str, what: str, content: bytes = b"") -> None:
        if not isinstance(row, Mapping):
            raise bad_row(broker, what, "a row is not an object", content)
        self.row = row
        self.broker = broker
        self.what = what
        self.content = content
        self.warnings: list[str] = []
        """Optional values that were present but unreadable (no value text, no secrets)."""

    def _fail(self, key: str, why: str) -> UnexpectedResponse:
        return bad_row(self.broker, self.what, f"field {key!r} {why}", self.content)

    def need_decimal(self, key: str) -> Decimal:
        value = self.maybe_decimal(key, strict=True)
        if value is None:
            raise self._fail(key, "is missing")
        return value

    def maybe_decimal(self, key: str, *, strict: bool = False) -> Decimal | None:
        value = self.row.get(key)
        if value is None:
            return None
        number = to_wire_decimal(value)
        if number is None and strict:
            raise self._fail(key, "is not a number")
        return number

    def need_positive_decimal(self, key: str) -> Decimal:
        """A needed number that must be greater than zero (a fill's size)."""
        value = self.need_decimal(key)
        if value <= 0:
            raise self._fail(key, "is not positive")
        return value

    def need_member(self, key: str, table: Mapping[Any, T]) -> T:
        """A needed enum value looked up in ``table`` (wire value -> ours); a value the vendor
        does not document is :class:`UnexpectedResponse` naming the field (the value itself
        stays out of the message: it is the broker's text)."""
        value = self.row.get(key)
        # Same wire type as the documented values: a JSON true or 1.0 is not the integer 1.
        if any(type(value) is type(known) for known in table):
            try:
                return table[value]
            except (KeyError, TypeError):
                pass
        raise self._fail(key, "is not a documented value")

    def need_text(self, key: str) -> str:
        value = self.row.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
            raise self._fail(key, "is missing or not an id")
        return str(value)

    def maybe_text(self, key: str) -> str | None:
        value = self.row.get(key)
        if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
            return None
        return str(value)

    def _warn(self, key: str, why: str) -> None:
        text = f"{self.what}: field {key!r} {why}; read as missing"
        log.warning("[%s] %s", self.broker, text)
        self.warnings.append(text)

    def maybe_time(self, key: str, *, naive_zone: dt.tzinfo = dt.UTC) -> dt.datetime | None:
        """An ISO 8601 timestamp as an aware datetime; a naive one is read in ``naive_zone`` (the
        zone the vendor documents), so naive and aware rows always compare. ``None`` (with a
        warning when a value was sent) when missing or unreadable."""
        value = self.row.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self._warn(key, "is not a timestamp string")
            return None
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self._warn(key, "is not an ISO 8601 timestamp")
            return None
        if parsed.tzinfo is None or parsed.utcoffset() is None:
            parsed = parsed.replace(tzinfo=naive_zone)
        return self._in_range(key, parsed)

    def maybe_epoch_ms(self, key: str) -> dt.datetime | None:
        """Unix milliseconds (UTC by definition) as an aware datetime; ``None`` (with a warning
        when a value was sent) when missing, not an integer, or outside datetime's range."""
        value = self.row.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._warn(key, "is not an integer epoch")
            return None
        try:
            moment = EPOCH + dt.timedelta(milliseconds=value)
        except OverflowError:
            moment = None
        return self._in_range(key, moment)

    def _in_range(self, key: str, moment: dt.datetime | None) -> dt.datetime | None:
        """``moment`` when it exists in UTC (so it compares without overflow), else ``None``
        with a warning."""
        try:
            if moment is not None:
                moment.astimezone(dt.UTC)
                return moment
        except OverflowError:
            pass
        self._warn(key, "is outside the representable time range")
        return None


@attrs.frozen
class PositionFields:
    """Where one broker's position row keeps each value: a per-broker table for
    :func:`position_from` (field names are the vendor's)."""

    side: str
    """The direction field, looked up in ``signs`` (an undocumented value is refused)."""
    signs: Mapping[Any, int]
    """Wire direction -> ``1`` long or ``-1`` short."""
    instrument: str
    quantity: str
    """The size; its sign on the wire is ignored, the direction comes from ``side``."""
    average_price: str


def position_from(row: Reader, fields: PositionFields, broker: str, account: str) -> Position:
    """A :class:`Position` from a row whose direction and size are separate fields: direction,
    instrument and size are needed (:class:`UnexpectedResponse` naming the field), the average
    price is optional."""
    sign = row.need_member(fields.side, fields.signs)
    return Position(
        broker=broker,
        account=account,
        instrument=row.need_text(fields.instrument),
        quantity=sign * abs(row.need_decimal(fields.quantity)),
        average_price=row.maybe_decimal(fields.average_price),
        raw=row.row,
    )


def fill_from(
    row: Reader,
    broker: str,
    account: str,
    *,
    order_id: str,
    side: Side,
    time: dt.datetime | None,
    instrument: str | Callable[[Reader], str],
) -> Fill:
    """A :class:`Fill` from a row that keeps its fill id in ``id``, a positive size in
    ``quantity`` and the price in ``price`` (CrossTrade executions, Sophic trades), each needed
    (:class:`UnexpectedResponse` naming the field). ``instrument``: the field naming it, or how
    to read it from the row."""
    return Fill(
        broker=broker,
        account=account,
        order_id=order_id,
        fill_id=row.need_text("id"),
        instrument=row.need_text(instrument) if isinstance(instrument, str) else instrument(row),
        side=side,
        quantity=row.need_positive_decimal("quantity"),
        price=row.need_decimal("price"),
        time=time,
        raw=row.row,
        warnings=tuple(row.warnings),
    )


EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def by_time(fills: list[Fill]) -> list[Fill]:
    """``fills`` oldest first, those without a time last; fills of the same time keep the order
    the broker listed them in (its own sequence: a fill id is often random text, so ordering ties
    by it would reorder two executions of one millisecond). Every time is aware, see
    :meth:`Reader.maybe_time`, so the comparison cannot mix naive and aware values."""
    return sorted(fills, key=lambda f: (f.time is None, f.time or EPOCH))


def to_wire_decimal(value: Any) -> Decimal | None:
    """A JSON number (``int``, :class:`~orderbridge._wire.WireNumber`, ``Decimal``) or a decimal
    string as :class:`Decimal`;
    ``None`` for anything else (bools, NaN, infinities, non-numeric text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, WireNumber):  # the broker's own digits
        value = Decimal(value.text)
    elif isinstance(value, float):  # a float from elsewhere: its shortest repr
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


__all__ = ["Balance", "Fill", "FlattenReport", "ItemOutcome", "ItemStatus", "Position"]
