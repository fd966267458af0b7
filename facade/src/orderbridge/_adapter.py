"""The adapter contract every broker implements, and the mechanism they share.

An adapter is pure mapping: ``Order`` -> generated request model, generated response ->
``PlacedOrder`` or a typed error. It never performs I/O; it yields
:class:`~orderbridge._wire.Call` objects that a session sends. Each broker's adapter lives in
``orderbridge/brokers/<broker>/adapter.py`` and is imported on first use, so
``import orderbridge`` does not load all four generated clients.

Besides the contract, the mechanism every adapter uses before it sends: :func:`build_request`
/ :func:`conform` check that a generated request model holds values of its declared types (the
generated ``from_dict`` does not type-check scalars, so an ``extras`` value of the wrong shape
would be sent as is), and :func:`merge_extras` merges ``Order.extras`` (broker-native fields)
into a body, refusing a key outside the adapter's list or one that would overwrite a field the
facade maps itself. Both raise :class:`~orderbridge.InvalidOrder` before anything is sent.
"""

from __future__ import annotations

import abc
import datetime as dt
import functools
import importlib
import logging
import types
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TypeVar

import attrs

from ._errors import InvalidOrder, NotSupported, OrderbridgeError, for_status, not_supported
from ._models import (
    BrokerDescription,
    Capabilities,
    Order,
    OrderType,
    PlacedOrder,
    Settings,
    Side,
    TimeInForce,
    check_bounds,
    check_order_id,
    decimal_text,
    order_id_from_wire,
)
from ._orders import OrderShape, client_order_id_of, describe_order
from ._status import OrderStatus
from ._wire import Flow, Grant, Sent, Undecoded, retry_after

if TYPE_CHECKING:
    from ._account import Balance, Fill, ItemOutcome, Modification, Position
    from ._groups import BracketPlan, BracketResult, GroupResult

from collections.abc import Callable

from ._models import OrderIdRule

log = logging.getLogger("orderbridge")


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


def placement_found(found: BrokerOrder, client_order_id: str, warnings: tuple[str, ...] = ()) -> PlacedOrder:
    """What ``resolve`` returns for a placement it found at the broker as ``found``: the
    order's id, the broker's status word and its raw row, under the client order id asked
    about."""
    return PlacedOrder(
        broker=found.broker,
        account=found.account,
        order_id=found.order_id,
        client_order_id=client_order_id,
        status=found.broker_status or None,
        raw=found.raw,
        warnings=warnings,
    )


class Adapter(abc.ABC):
    """Base class of the four broker adapters. Subclasses set ``name`` and the generated
    ``client_class`` and implement the flows; each flow yields the generated-client calls it
    needs and returns the result (see :mod:`orderbridge._wire`)."""

    description: BrokerDescription
    """The broker's description (``orderbridge/brokers/<broker>/broker.toml``, read by ``describe``)."""
    name: str = ""
    """The broker's name (``"topstepx"``...), taken from :attr:`description`."""
    client_class: Any = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "description" in cls.__dict__:
            cls.name = cls.description.name

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

    # -- native order groups (issue 21): a broker overrides what it documents ----------------------
    def place_bracket(self, plan: BracketPlan, account: str, settings: Settings) -> Flow[BracketResult]:
        """Place an entry with its exits as the broker's native bracket."""
        return (yield from self._undocumented("place_bracket"))

    def place_oco(self, pair: tuple[Order, Order], account: str, settings: Settings) -> Flow[GroupResult]:
        """Place two orders as the broker's native one-cancels-other group."""
        return (yield from self._undocumented("place_oco"))

    def exit_refusal(self, position: Position) -> str | None:
        """Why an opposite market order cannot close ``position`` here (emulated close), or
        ``None`` when it can. By default it always can."""
        return None

    def reserved(self, position: Position) -> Decimal:
        """Units of ``position`` the broker holds back for pending exit orders, which an opposite
        market order cannot sell (an emulated flatten sells the rest and reports these). By
        default none."""
        return Decimal(0)

    def _undocumented(self, operation: str) -> Flow[NoReturn]:
        yield from ()
        raise self.not_supported(operation, self.capabilities.operations[operation][1])

    # -- shared helpers -------------------------------------------------------------------------
    def check_order_id(self, order_id: object) -> str:
        """The caller's ``order_id`` for ``get_order`` / ``cancel_order``, checked by the same
        rule that decides whether an answer's id is usable (:mod:`orderbridge._models`).

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

    def placed(
        self,
        sent: Sent,
        what: str,
        model: type,
        *,
        account: str,
        order_id: str,
        cid: str | None,
        status: str | None = None,
    ) -> PlacedOrder:
        """The :class:`PlacedOrder` for an accepted placement answer: ``raw`` is the body as
        parsed (its decoded JSON when it did not parse into ``model``) and ``warnings`` are its
        :meth:`deviations`."""
        parsed = sent.parsed
        return PlacedOrder(
            broker=self.name,
            account=account,
            order_id=order_id,
            client_order_id=cid or "",
            status=status,
            raw=parsed.data if isinstance(parsed, Undecoded) else parsed,
            warnings=self.deviations(what, parsed, model),
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
        return not_supported(self.name, feature, why)

    def fail(
        self,
        sent: Sent,
        what: str,
        *,
        money_moving: bool,
        client_order_id: str | None = None,
        secret_body: bool = False,
    ) -> OrderbridgeError:
        """The error for a status the operation's own table did not settle
        (:func:`orderbridge._errors.for_status` says which: a 404/405 here is
        :class:`~orderbridge.EndpointNotFound`, named with the request's URL). ``secret_body`` (token endpoints)
        keeps the body off the error."""
        return for_status(
            self.name,
            what,
            sent.status,
            content=sent.content,
            retry_after=retry_after(sent.headers),
            money_moving=money_moving,
            client_order_id=client_order_id,
            secret_body=secret_body,
            target=sent.target,
        )


def get_adapter(description: BrokerDescription) -> Adapter:
    """The adapter of the broker ``description`` describes, importing only its generated client."""
    module = importlib.import_module(description.module)
    adapter: Adapter = module.ADAPTER
    return adapter


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    package = importlib.import_module(cls.__module__.rsplit(".", 1)[0])
    return typing.get_type_hints(cls, localns=dict(vars(package)))


def _is_unset(value: object) -> bool:
    return type(value).__name__ == "Unset"


def _matches(value: object, hint: Any, path: str, broker: str) -> bool:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_matches(value, arg, path, broker) for arg in typing.get_args(hint))
    if hint is Any:
        return True
    if hint is type(None):
        return value is None
    if isinstance(hint, type) and hint.__name__ == "Unset":
        return _is_unset(value)
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is list:
        (item,) = typing.get_args(hint) or (Any,)
        return isinstance(value, list) and all(_matches(v, item, f"{path}[]", broker) for v in value)
    if origin is dict:
        return isinstance(value, dict)
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(hint, type) and attrs.has(hint):
        if isinstance(value, hint):
            conform(value, broker, path=f"{path}.")
            return True
        return False
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True


def conform(model: Any, broker: str, *, path: str = "") -> None:
    """Raise :class:`InvalidOrder` (``field="extras"``) unless every field of the generated
    ``model`` instance, nested models included, holds a value of its declared type."""
    cls = type(model)
    hints = _hints(cls)  # type: ignore[arg-type]
    for field in attrs.fields(cls):
        if field.name == "additional_properties":
            continue
        value = getattr(model, field.name)
        if not _matches(value, hints[field.name], f"{path}{field.name}", broker):
            raise InvalidOrder(
                f"{path}{field.name}={value!r} does not match the request schema ({cls.__name__})",
                field="extras",
                broker=broker,
            )


class _FromDict(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Any) -> Any: ...

    def to_dict(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=_FromDict)


def build_request(model: type[M], wire: dict[str, Any], broker: str, *, extras: bool) -> M:
    """Parse ``wire`` (broker field names) into the generated request ``model``; every adapter
    builds its request bodies through here. When the order carried ``extras`` the result is
    also :func:`conform`-checked (fields mapped from ``Order`` are correct by construction,
    so the walk — tens of µs — is skipped otherwise).

    Raises:
        InvalidOrder: ``field="extras"`` when the body does not fit the model.
    """
    try:
        request: M = model.from_dict(wire)
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidOrder(f"extras do not fit {model.__name__}: {exc}", field="extras", broker=broker) from None
    if extras:
        conform(request, broker)
        emitted = request.to_dict()
        for key, value in wire.items():
            if emitted.get(key) != value:
                raise InvalidOrder(
                    f"{key}={value!r} does not survive {model.__name__} (sent as {emitted.get(key)!r})",
                    field="extras",
                    broker=broker,
                )
    return request


def merge_extras(
    wire: dict[str, Any],
    extras: Mapping[str, Any],
    allowed: Iterable[str],
    *,
    broker: str,
    decimals_as_text: bool = False,
) -> dict[str, Any]:
    """Return ``wire`` updated with ``extras``.

    Args:
        wire: the body the adapter built (broker field names).
        extras: ``Order.extras``.
        allowed: the broker-native field names that may be passed through.
        decimals_as_text: send ``Decimal`` extras as decimal strings (Sophic, TradeStation);
            otherwise a ``Decimal`` extra is refused (it would need a JSON number).

    Raises:
        InvalidOrder: ``field="extras"``, naming the key.
    """
    allowed_set = set(allowed)
    out = dict(wire)
    for key, value in extras.items():
        if key in wire:
            raise InvalidOrder(
                f"extras[{key!r}] would overwrite a field orderbridge maps from the Order; set it on the Order",
                field="extras",
                broker=broker,
            )
        if key not in allowed_set:
            known = ", ".join(sorted(allowed_set)) or "none"
            raise InvalidOrder(
                f"extras[{key!r}] is not a field {broker} accepts here (accepted: {known})",
                field="extras",
                broker=broker,
            )
        out[key] = _plain_json(value, key, broker, decimals_as_text)
    return out


def _plain_json(value: Any, key: str, broker: str, decimals_as_text: bool) -> Any:
    """Walk nested dicts/lists: Decimals become decimal text (text brokers) or are refused
    (JSON-number brokers); floats are refused everywhere; so are empty strings, lists and
    objects — the specs require at least one item or character where those appear
    (TradeStation ``OSOs`` minItems 1, ``Route`` minLength 1), and "nothing" is expressed by
    omitting the key."""
    if isinstance(value, (str, Mapping, list, tuple)) and len(value) == 0:
        raise InvalidOrder(f"extras[{key!r}] contains an empty value; omit it instead", field="extras", broker=broker)
    if isinstance(value, Mapping):
        return {k: _plain_json(v, key, broker, decimals_as_text) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_json(v, key, broker, decimals_as_text) for v in value]
    if isinstance(value, float):
        raise InvalidOrder(
            f"extras[{key!r}] contains a float; pass a Decimal, int or str", field="extras", broker=broker
        )
    if isinstance(value, Decimal):
        if not decimals_as_text:
            raise InvalidOrder(
                f"extras[{key!r}]: pass an int or str here, not a Decimal", field="extras", broker=broker
            )
        if not value.is_finite():
            raise InvalidOrder(f"extras[{key!r}] contains a non-finite number", field="extras", broker=broker)
        return decimal_text(check_bounds(value, "extras"))
    return value


# -- rules the broker adapters share: usable answers, prices on the wire, the group protocol --
#
# Mechanism the broker packages share; it names no broker (each broker's facts stay in its package).
#
# What an answer needs before the flow reads it (``usable(parsed, data)``, the check an
# :class:`~orderbridge._wire.Operation` runs on a 2xx answer): its outcome fields, read by the
# broker's own reader, and, for an acceptance that names an order, an order id this SDK can act on
# (the broker's :class:`~orderbridge._models.OrderIdRule`). One rule for every broker: a
# body missing what the outcome needs is never an acceptance; every other field stays best-effort.


def wire_fields(source: object, names: Mapping[str, str], convert: Callable[[Any, str], object]) -> dict[str, object]:
    """The broker's wire fields for the optional fields ``names`` lists (ours -> the broker's) that
    are set on ``source`` (an :class:`~orderbridge.Order` or a modification), each converted by
    ``convert(value, our field name)``, the broker's number rule (which names the field in the
    error it raises); unset fields are left out, in ``names``' order."""
    values = {field: getattr(source, field) for field in names}
    return {key: convert(values[field], field) for field, key in names.items() if values[field] is not None}


def order_body(
    model: type[M],
    wire: dict[str, Any],
    order: Order,
    *,
    prices: Mapping[str, str],
    number: Callable[[Any, str], object],
    extras: tuple[str, ...],
    broker: str,
) -> M:
    """A placement body: the broker's fields for ``order`` (``wire``), its set prices
    (:func:`wire_fields`), then the ``extras`` the broker allows (``merge_extras``), parsed into
    the generated ``model`` (``build_request``).

    Raises:
        InvalidOrder: a price the broker's number rule cannot carry, or a bad extra.
    """
    wire = merge_extras({**wire, **wire_fields(order, prices, number)}, order.extras, extras, broker=broker)
    return build_request(model, wire, broker, extras=bool(order.extras))


Outcome = Callable[[Any, Any], object]
"""``outcome(parsed, data)``: the outcome fields of an answer (typed model or ``Undecoded``, and
the decoded JSON), or ``None`` when they are missing or of the wrong JSON type."""


Acceptance = Callable[[Any, Any], "tuple[bool, object] | None"]
"""``acceptance(parsed, data)``: ``(accepted, order id as sent)`` of an answer, or ``None`` when
its outcome fields are missing or of the wrong JSON type."""


def answered(outcome: Outcome) -> Callable[[Any, Any], bool]:
    """A ``usable`` check: the answer is usable when ``outcome`` finds its outcome fields."""

    def usable(parsed: Any, data: Any) -> bool:
        return outcome(parsed, data) is not None

    return usable


def answered_with_id(acceptance: Acceptance, rule: OrderIdRule) -> Callable[[Any, Any], bool]:
    """A ``usable`` check for an answer that names the order it accepted: its outcome fields are
    there, and an acceptance carries an order id usable under ``rule`` (a refusal need not)."""

    def usable(parsed: Any, data: Any) -> bool:
        fields = acceptance(parsed, data)
        if fields is None:
            return False
        accepted, raw_id = fields
        return not accepted or order_id_from_wire(rule, raw_id) is not None

    return usable


def as_sent(parsed: object) -> object:
    """The answer as the broker sent it, for ``raw``: the typed model, or the decoded JSON when
    the body did not parse into the model (``Undecoded``)."""
    return parsed.data if isinstance(parsed, Undecoded) else parsed


class Placing(Protocol):
    """What a broker's order-group flow (its ``groups`` module) needs from the broker's adapter: a
    protocol, so that module does not import the adapter that imports it. A broker whose groups
    need more extends it."""

    @property
    def name(self) -> str: ...

    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]: ...
