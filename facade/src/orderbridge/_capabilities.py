"""What each broker can do, as data: queryable with :func:`capabilities` and enforced before
anything is sent (DESIGN.md, facade principle 4).

Sources: ``specs/<broker>.yaml`` and the vendors' order documents (ProjectX
``Order/place``, CrossTrade PlaceOrder, TradeStation ``OrderRequestDefinition``, Sophic ``PlaceOrderRequest``).

Also here: :class:`BrokerDescription` (everything the core knows about one broker, as data;
each broker's lives in ``orderbridge/brokers/<broker>/__init__.py``) and the order-id rules.
An acceptance is only an acceptance when it carries an order id the caller can act on, one
that this SDK's own ``get_order`` and ``cancel_order`` accept; both directions go through one
rule set (:class:`OrderIdRule`, per-broker limits as data): :func:`order_id_from_wire` reads
the id a broker answered with (``None`` when unusable: the outcome is then unknown) and
:func:`check_order_id` checks the id a caller passes (``InvalidOrder`` naming ``order_id``).
Rules every broker shares: text (or, for integer ids, a JSON integer that is not a bool), not
blank, no surrounding whitespace, no control characters, not ``.`` / ``..`` (URL
normalisation folds those path segments away), within the broker's length and charset.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

import attrs

from ._errors import InvalidOrder, NotSupported
from ._models import Order, OrderType, Side, TimeInForce


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
)
"""The lifecycle operations whose support is per broker (beyond place / get / cancel / resolve)."""

MODIFY_FIELDS = ("quantity", "limit_price", "stop_price", "trail_price")


def _operations(value: Mapping[str, tuple[Support, str]]) -> Mapping[str, tuple[Support, str]]:
    missing = set(OPERATIONS) - set(value)
    if missing or set(value) - set(OPERATIONS):
        raise ValueError(f"operations must list exactly {OPERATIONS}")
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


# -- a broker as data ----------------------------------------------------------------------------

BY_ORDER = "open_orders, then cancel_order for each working order"
"""How the facade emulates an account-wide cancel (the words capabilities show)."""
BY_MARKET = "an opposite market order for the position's size (positions first)"
"""How the facade emulates a close."""


@attrs.frozen(kw_only=True)
class BrokerDescription:
    """Everything the core knows about one broker, as data (each lives in
    ``orderbridge/brokers/<broker>/__init__.py``; :mod:`orderbridge.brokers` lists them).

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


# -- order ids: what makes a broker's order id usable (the rule is part of each description) ---------

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
