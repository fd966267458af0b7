"""The adapter contract every broker implements, and the mechanism they share.

An adapter is pure mapping: ``Order`` -> generated request model, generated response ->
``PlacedOrder`` or a typed error. It never performs I/O; it yields
:class:`~orderbridge._flow.Call` objects that a session sends. Each broker's adapter lives in
``orderbridge/brokers/<broker>/adapter.py`` and is imported on first use, so
``import orderbridge`` does not load all four generated clients.
"""

from __future__ import annotations

import abc
import datetime as dt
import importlib
import logging
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from ._capabilities import BrokerDescription, Capabilities
from ._config import Settings
from ._errors import AuthenticationError, BrokerUnavailable, NotSupported, OrderbridgeError, Origin
from ._flow import Flow, Grant, Sent, rate_limited, unexpected, unknown
from ._models import Order, OrderType, PlacedOrder, Side, TimeInForce
from ._order_ids import check_order_id, order_id_from_wire
from ._orders import OrderShape, client_order_id_of, describe_order
from ._status import OrderStatus
from ._tolerant import Undecoded

log = logging.getLogger("orderbridge")

if TYPE_CHECKING:
    from ._account import Balance, Fill, ItemOutcome, Modification, Position


@attrs.frozen(kw_only=True)
class BrokerOrder:
    """An order as the broker reports it (``get_order``, ``open_orders``, ``modify_order``,
    and the snapshot): what it is and where it stands.

    Every descriptive field is read best-effort from the broker's answer: ``None`` where the
    broker does not say (or said something malformed or out of range), never a guess, and
    never a reason to fail the call. Numbers are :class:`~decimal.Decimal` built from the
    wire's exact text; times are timezone-aware (a naive timestamp is placed in the zone the
    vendor documents: UTC at TopstepX, TradeStation and Sophic; CrossTrade does not say which
    zone NinjaTrader writes, so its naive times stay ``None``). Which fields each broker leaves
    ``None`` is documented in its ``brokers/<broker>/orders.py``.

    Attributes:
        broker, account: as for :class:`PlacedOrder`.
        order_id: the broker's order id, as text.
        client_order_id: the client id the broker reports back, when it has that field.
        status: the normalized :class:`OrderStatus` (``unknown``, with a warning, for a word the
            vendor does not document). ``open`` with a positive ``filled_quantity`` is
            reported as ``partially_filled``.
        broker_status: the broker's own word, unchanged (TopstepX ``OrderStatus`` integer as
            text, NinjaTrader ``orderState``, TradeStation ``Status``, Sophic ``status``);
            ``""`` when the answer carried none (for example a modify acknowledgement).
        instrument: the broker's instrument id (as on :class:`Order`).
        side: :class:`Side`. type: :class:`OrderType`. time_in_force: :class:`TimeInForce`.
        quantity: the order's size in contracts/units (``None`` for a cash-sized buy).
        limit_price, stop_price, trail_price: the order's prices; ``None`` when the order has
            none or the broker reports it in another sense (a distance instead of a level).
        filled_quantity: units filled so far. average_fill_price: their average price.
        created_at, updated_at: when the broker created / last changed the order.
        raw: the generated client's typed model, or the decoded JSON when only fields the
            result does not need failed to parse (see ``warnings``).
        warnings: deviations from the spec in the broker's answer (also logged at WARNING),
            including an undocumented status word.
    """

    broker: str
    account: str
    order_id: str
    client_order_id: str | None = None
    status: OrderStatus = OrderStatus.UNKNOWN
    broker_status: str = ""
    instrument: str | None = None
    side: Side | None = None
    type: OrderType | None = None
    quantity: Decimal | None = None
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    trail_price: Decimal | None = None
    time_in_force: TimeInForce | None = None
    filled_quantity: Decimal | None = None
    average_fill_price: Decimal | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    raw: Any = attrs.field(default=None, repr=False, eq=False)
    warnings: tuple[str, ...] = attrs.field(default=(), eq=False)


class Adapter(abc.ABC):
    """Base class of the four broker adapters. Subclasses set ``name`` and the generated
    ``client_class`` and implement the flows; each flow yields the generated-client calls it
    needs and returns the result (see :mod:`orderbridge._flow`)."""

    description: BrokerDescription
    """The broker's description (``orderbridge/brokers/<broker>/__init__.py``)."""
    client_class: Any = None

    @property
    def name(self) -> str:
        """The broker's name (``"topstepx"``...)."""
        return self.description.name

    @property
    def capabilities(self) -> Capabilities:
        return self.description.capabilities

    def make_client(self, base_url: str) -> Any:
        """The generated ``AuthenticatedClient``; its own token stays empty because the
        session's pooled httpx client stamps the bearer header (so it never shows in a repr)."""
        return self.client_class(base_url=base_url, token="")

    # -- flows a broker implements ------------------------------------------------------------
    def validate(self, order: Order, account: str) -> None:  # noqa: B027 - an optional hook
        """Broker-specific checks before sending (raise InvalidOrder / NotSupported); by
        default none beyond :meth:`Capabilities.check`."""

    @abc.abstractmethod
    def login(self, settings: Settings, current: str | None) -> Flow[Grant]:
        """Obtain a bearer token (``current`` is the token being renewed, if any)."""

    @abc.abstractmethod
    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]:
        """Place ``order``; return the acceptance or raise the classified outcome."""

    @abc.abstractmethod
    def get_order(self, order_id: str, account: str, settings: Settings) -> Flow[BrokerOrder]:
        """Read one order by the broker's id."""

    @abc.abstractmethod
    def cancel(self, order_id: str, account: str, settings: Settings) -> Flow[None]:
        """Request cancellation of one order."""

    @abc.abstractmethod
    def resolve(
        self, client_order_id: str, account: str, settings: Settings, recorded: Order | None
    ) -> Flow[PlacedOrder | None]:
        """Find the order placed with ``client_order_id`` (``recorded``: this session's journal entry)."""

    # -- the rest of an order's life: a broker overrides what it documents ----------------------
    # The session checks Capabilities.operations before calling these; the defaults are the
    # last guard (NotSupported, nothing sent).
    def modify(self, order_id: str, account: str, change: Modification, settings: Settings) -> Flow[BrokerOrder]:
        """Change a working order; return it as the broker now knows it (possibly a new id)."""
        return (yield from self._undocumented("modify_order"))

    def open_orders(self, account: str, settings: Settings) -> Flow[list[BrokerOrder]]:
        """The account's working orders."""
        return (yield from self._undocumented("open_orders"))

    def positions(self, account: str, settings: Settings) -> Flow[list[Position]]:
        """The account's open positions."""
        return (yield from self._undocumented("positions"))

    def balances(self, account: str, settings: Settings) -> Flow[Balance]:
        """The account's money."""
        return (yield from self._undocumented("balances"))

    def fills(self, account: str, since: dt.datetime | None, settings: Settings) -> Flow[list[Fill]]:
        """The account's executions (since ``since`` when given)."""
        return (yield from self._undocumented("fills"))

    def close_position(self, instrument: str, account: str, quantity: Decimal | None, settings: Settings) -> Flow[None]:
        """The broker's own close call (whole position, or ``quantity`` of it)."""
        yield from self._undocumented("close_position")

    def cancel_all(self, account: str, settings: Settings) -> Flow[list[ItemOutcome]]:
        """The broker's own account-wide cancel call."""
        return (yield from self._undocumented("cancel_all_orders"))

    def close_all(self, account: str, settings: Settings) -> Flow[list[ItemOutcome]]:
        """The broker's own close-every-position call (the second half of a native flatten)."""
        return (yield from self._undocumented("flatten"))

    def exit_refusal(self, position: Position) -> str | None:
        """Why an opposite market order cannot close ``position`` here (emulated close), or
        ``None`` when it can. By default it always can."""
        return None

    def _undocumented(self, operation: str) -> Flow[NoReturn]:
        yield from ()
        raise self.not_supported(operation, self.capabilities.operations[operation][1])

    # -- shared helpers -------------------------------------------------------------------------
    def check_order_id(self, order_id: object) -> str:
        """The caller's ``order_id`` for ``get_order`` / ``cancel_order``, checked by the same
        rule that decides whether an answer's id is usable (:mod:`orderbridge._order_ids`).

        Raises:
            InvalidOrder: naming ``order_id``; nothing is sent.
        """
        return check_order_id(self.description.order_ids, order_id, self.name)

    def usable_order_id(self, value: object) -> str | None:
        """The text of the order id the broker answered with, or ``None`` when it is unusable
        (blank, out of range, wrong type or charset...): such an answer is never an acceptance."""
        return order_id_from_wire(self.description.order_ids, value)

    def broker_order(
        self,
        shape: OrderShape,
        row: object,
        *,
        account: str,
        order_id: str,
        raw: Any = None,
        warnings: tuple[str, ...] = (),
        client_order_id: str | None = None,
    ) -> BrokerOrder:
        """A :class:`BrokerOrder` whose id was already read strictly, with every other field
        read best-effort from ``row`` (the decoded JSON object of the order) through this
        broker's :class:`~orderbridge._orders.OrderShape`. A ``row`` that is not an object
        gives an order with only its id (status ``unknown``)."""
        fields = describe_order(shape, row) if isinstance(row, dict) else {}
        extra = fields.pop("warnings", ())
        cid = client_order_id
        if cid is None and isinstance(row, dict):
            cid = client_order_id_of(shape, row)
        return BrokerOrder(
            broker=self.name,
            account=account,
            order_id=order_id,
            client_order_id=cid,
            raw=row if raw is None else raw,
            warnings=warnings + tuple(extra),
            **fields,
        )

    def deviations(self, what: str, parsed: object, model: type) -> tuple[str, ...]:
        """The warnings for an answer whose body did not parse into ``model`` although its
        outcome fields did; each is logged at WARNING (no body text, no secrets)."""
        if not isinstance(parsed, Undecoded):
            return ()
        text = (
            f"{what}: response did not match {model.__name__} ({parsed.problem}); "
            "the result was read from the fields it needs"
        )
        log.warning("[%s] %s", self.name, text)
        return (text,)

    def static_token(self, settings: Settings, name: str) -> Flow[Grant]:
        """Login flow for a broker whose bearer token is a fixed secret: no request at all."""
        yield from ()
        return Grant(settings.secret(name), None)

    def not_supported(self, feature: str, why: str) -> NotSupported:
        return NotSupported(f"{feature} is not supported: {why}", feature=feature, broker=self.name)

    def fail(
        self,
        sent: Sent,
        what: str,
        *,
        money_moving: bool,
        client_order_id: str | None = None,
        secret_body: bool = False,
    ) -> OrderbridgeError:
        """The error for a status the operation's own table did not settle.

        401 is :class:`AuthenticationError` (the auth layer refused before processing).
        Money-moving calls: anything else that is not a documented definitive refusal may have
        been processed, so it is :class:`OutcomeUnknown` (``origin`` ``"http_status"`` with
        ``status_code``, or
        ``rate_limited``). ``secret_body`` (token endpoints) keeps the body off the error.
        Reads: 429 ->
        :class:`RateLimited`, 5xx -> :class:`BrokerUnavailable`, else
        :class:`UnexpectedResponse`.
        """
        status = sent.status
        if status == 401:
            # The broker's auth layer refused the request before looking at it: definitive,
            # nothing was placed. The session marks its token stale, so the next call logs in.
            return AuthenticationError(f"{what}: the broker refused the token (HTTP 401)", broker=self.name)
        if money_moving:
            origin: Origin = "rate_limited" if status == 429 else "http_status"
            return unknown(self.name, client_order_id, origin, what, status_code=status)
        if status == 429:
            return rate_limited(self.name, sent, what)
        if status >= 500:
            return BrokerUnavailable(f"{what}: broker error HTTP {status} after retries", broker=self.name)
        error = unexpected(self.name, sent, what)
        if secret_body:  # a token endpoint's answer may carry a live token
            error.content = b""
        return error


def get_adapter(description: BrokerDescription) -> Adapter:
    """The adapter of the broker ``description`` describes, importing only its generated client."""
    module = importlib.import_module(description.module)
    adapter: Adapter = module.ADAPTER
    return adapter
