"""What every broker package provides: handlers keyed by spec ``operationId``, its error
dialect, an auth check, a view of its recorded orders for tests, and the hooks the generic
pipeline calls for a broker's extras (a WebSocket stream, pushed events).

The pipeline (:mod:`orderbridge_sandbox.app`) and the loopback server name no broker: they call
these hooks, and a broker without such an extra keeps the defaults.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, Protocol, TypeVar

import httpx

from ..book import BookOrder, OrderBook
from ..budget import Budget
from ..clock import Clock
from ..dialect import Dialect
from ..faults import Fault, Faults
from ..ids import Ids
from ..leniency import STRICT, Leniency
from ..routes import security_required
from ..wire import Call, Reply

Handler = Callable[[Any, Call], Reply]
H = TypeVar("H", bound=Handler)


def operation(operation_id: str) -> Callable[[H], H]:
    """Mark a method as the handler of spec operation ``operation_id``."""

    def mark(fn: H) -> H:
        fn.__operation__ = operation_id  # type: ignore[attr-defined]
        return fn

    return mark


class Processed(Protocol):
    """What the pipeline made of one request (:class:`orderbridge_sandbox.Outcome`)."""

    @property
    def response(self) -> httpx.Response | None:
        """The answer, or None when a drop fault closes the connection instead."""

    @property
    def delay(self) -> float:
        """Seconds to wait before answering (latency faults)."""


class Host(Protocol):
    """The sandbox as a broker extra sees it (:class:`orderbridge_sandbox.Sandbox`): the CrossTrade
    WebSocket RPC runs each message through the same pipeline as a REST request, and hands its
    host back to tests as ``endpoint.sandbox``."""

    def process(self, request: httpx.Request) -> Processed:
        """Run ``request`` through the pipeline (routing, faults, auth, validation, handler)."""

    def broker(self, name: str) -> Broker:
        """The state object of broker ``name``."""

    def orders(self, broker: str, *, account: str | None = None) -> list[RecordedOrder]:
        """Orders recorded by ``broker``, oldest first."""

    def add_fault(self, fault: Fault | str) -> Fault:
        """Arm a fault (``"crosstrade:place_order:drop_after_record:1"``)."""

    @property
    def faults(self) -> Faults:
        """The armed faults (push hubs take the stream faults from here)."""


class StreamAnswer(Protocol):
    """What to do with one message received on a broker's WebSocket stream."""

    @property
    def kind(self) -> str:
        """What the message was (counted per kind by the server's WebSocket hub)."""

    @property
    def messages(self) -> tuple[str, ...]:
        """Text frames to send back, in order."""

    @property
    def delay(self) -> float:
        """Seconds to wait before sending them."""

    @property
    def drop(self) -> bool:
        """Close the connection without answering."""


class StreamEndpoint(Protocol):
    """A broker's WebSocket API without sockets (served by :mod:`orderbridge_sandbox.websocket`)."""

    def authorized(self, authorization: str | None) -> bool:
        """Whether the upgrade's ``Authorization`` header may open the stream."""

    def answer(self, text: str | bytes, authorization: str | None) -> StreamAnswer:
        """The answer to one client message."""


@dataclasses.dataclass(frozen=True)
class RecordedOrder:
    """An order the sandbox recorded, in broker-neutral terms (for tests and demos).

    Attributes:
        broker: broker name.
        account: account id/name/key as the broker spells it.
        order_id: the broker's order id.
        client_order_id: the client id sent with it (TopstepX ``customTag``, CrossTrade custom
            ``orderId``, TradeStation ``OrderConfirmId``, Sophic ``Idempotency-Key``), or None.
        instrument: contract id / instrument / symbol.
        side: ``buy`` or ``sell``.
        quantity: units (None for a cash-based Sophic buy).
        status: the broker's own status name.
        created_at: when it was recorded.
        cash_amount: Sophic buys only.
    """

    broker: str
    account: str
    order_id: str
    client_order_id: str | None
    instrument: str
    side: str
    quantity: Decimal | None
    status: str
    created_at: dt.datetime
    cash_amount: Decimal | None = None


class Broker(abc.ABC):
    """Base class of the four broker fakes.

    Subclasses set ``name``, implement :meth:`auth_failure` and decorate handlers with
    :func:`operation`. State is plain Python objects, seeded in ``__init__``.
    """

    name: ClassVar[str] = ""
    handlers: ClassVar[dict[str, str]] = {}
    dialect_class: ClassVar[type[Dialect]] = Dialect
    """How this broker words its errors (its package's ``dialect.py``)."""
    budget: ClassVar[Budget | None] = None
    """The broker's documented request budget (its package's ``budget.py``), enforced while a
    ``budget`` fault is armed; ``None`` for a broker that documents none."""
    leniency: ClassVar[Leniency] = STRICT
    """What the real broker accepts beyond its spec's letter (its package's ``leniency.py``)."""
    stream_path: ClassVar[str] = ""
    """A path under the broker's prefix that upgrades to a WebSocket (CrossTrade ``/ws/stream``);
    empty when the broker has none. Served by :meth:`stream_endpoint`."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        found = dict(getattr(cls, "handlers", {}))
        for attr, value in vars(cls).items():
            op = getattr(value, "__operation__", None)
            if op:
                found[op] = attr
        cls.handlers = found

    def __init__(self, clock: Clock, ids: Ids) -> None:
        self.clock = clock
        self.ids = ids
        self.dialect: Dialect = self.dialect_class(ids)

    def now(self) -> dt.datetime:
        return self.clock.now()

    # -- hooks used by the router ---------------------------------------------------------------
    def token_of(self, call: Call) -> str | None:
        """Where this broker reads the caller's token (default: the bearer header)."""
        return call.bearer()

    @abc.abstractmethod
    def auth_failure(self, call: Call, token: str | None) -> str | None:
        """None when ``token`` may call ``call.operation``; else ``missing``/``invalid``/``expired``."""

    def admit(self, call: Call) -> Reply | None:
        """Checks before validation: authentication (401 in the broker's shape)."""
        if not security_required(self.name, call.operation):
            return None
        failure = self.auth_failure(call, self.token_of(call))
        return None if failure is None else self.dialect.unauthorized(call, failure)

    def for_validation(self, call: Call) -> httpx.Request:
        """The request to validate against the spec (a hook for the JSONP route)."""
        return call.request

    def dispatch(self, call: Call) -> Reply:
        method = getattr(self, self.handlers[call.operation])
        reply: Reply = method(call)
        return reply

    def finish(self, call: Call, reply: Reply) -> Reply:
        """Last touch on every answer (e.g. Sophic's ``Request-Id`` header)."""
        return reply

    # -- hooks for a broker's extras --------------------------------------------------------------
    def push(self, delivery: Any) -> list[Any]:
        """Deliver what this broker pushes since the last call, through the sandbox's
        ``webhooks`` delivery (None: nobody listens, so forget it); return the attempts made.
        The pipeline calls it after every request. Default: the broker pushes nothing."""
        return []

    def stream_endpoint(self, host: Host, origin: str) -> StreamEndpoint:
        """The WebSocket API behind :attr:`stream_path`, answering through ``host``; ``origin``
        is the server's ``http://HOST:PORT``. Only called when :attr:`stream_path` is set."""
        raise NotImplementedError(f"{self.name} has no WebSocket stream")

    def hub(self, host: Host, path: str, origin: str) -> StreamEndpoint | None:
        """A push hub served at ``path`` (below the broker's prefix, query included) over
        WebSocket, or None (the default: the broker pushes nothing there)."""
        return None

    def negotiate(self, path: str) -> dict[str, Any] | None:
        """The JSON answer to ``POST <path>`` negotiating a push hub, or None (no hub there)."""
        return None

    def fill_now(self, order_id: str, quantity: Decimal | None, price: Decimal | None) -> None:
        """Execute a working order now, as if the market had reached it (``Sandbox.fill``).

        Default, for a broker whose orders live in an :class:`OrderBook` attribute ``book``:
        ``quantity`` units (None: all that remain) at ``price`` (None: the instrument's reference
        price); positions and fills follow. A broker with its own order lifecycle overrides it.

        Raises:
            KeyError: no such order, or this broker keeps no order book.
            ValueError: the order is no longer working, or ``quantity`` is not in (0, remaining].
        """
        book = getattr(self, "book", None)
        if not isinstance(book, OrderBook):
            raise KeyError(f"{self.name} keeps no order book")
        found = book.get(order_id)
        if found is None:
            raise KeyError(f"{self.name} has no order {order_id!r}")
        if not found.working:
            raise ValueError(f"{self.name} order {order_id!r} is {found.state.value}, not working")
        if quantity is not None and not 0 < quantity <= found.remaining:
            raise ValueError(f"quantity must be > 0 and <= {found.remaining} (what remains), got {quantity}")
        book.fill(found, quantity, price)

    @abc.abstractmethod
    def recorded_orders(self) -> list[RecordedOrder]:
        """Every order this broker recorded (each subclass knows where its orders live)."""

    def book_orders(self, book: OrderBook, status_name: Callable[[BookOrder], str]) -> list[RecordedOrder]:
        """:meth:`recorded_orders` for a broker whose orders live in a shared :class:`OrderBook`;
        ``status_name`` spells an order's state in the broker's own words."""
        return [
            RecordedOrder(
                self.name,
                o.account,
                o.id,
                o.client_id,
                o.symbol,
                o.side.value,
                o.quantity,
                status_name(o),
                o.created_at,
            )
            for o in book.orders.values()
        ]
