"""What every broker module provides: handlers keyed by spec ``operationId``, an auth check,
and a view of its recorded orders for tests."""

from __future__ import annotations

import abc
import dataclasses
import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, TypeVar

import httpx

from ..book import BookOrder, OrderBook
from ..clock import Clock
from ..dialects import DIALECTS, Dialect
from ..ids import Ids
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
        self.dialect: Dialect = DIALECTS[self.name](ids)

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
