"""orderbridge: one ``place_order`` over the generated TopstepX, CrossTrade, TradeStation and
Sophic clients, with honest outcomes (accepted / rejected / unknown).

Quick use::

    from decimal import Decimal
    import orderbridge as ob

    order = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal("1"))
    placed = ob.place_order("topstepx", order, account="465")   # credentials from ORDERBRIDGE_* env

    with ob.connect("crosstrade") as broker:
        broker.place_order(order, account="Sim101")

Outcomes: a :class:`PlacedOrder` is returned when the broker accepted; :class:`OrderRejected`
is a definitive refusal; :class:`OutcomeUnknown` means the order may exist — reconcile with
``session.resolve(error.client_order_id, account=...)`` before sending it again (around a
placement it is a :class:`PlacementUnknown`, whose ``client_order_id`` is always set).

What an order is and where it stands: :class:`BrokerOrder` with a normalized
:class:`OrderStatus` (one state machine for every broker; :func:`apply_report` folds a late
report in without moving backwards or losing a fill). A whole account at once, for start-up
and recovery: ``session.snapshot(account=...)`` -> :class:`AccountSnapshot` (check
``complete``; :class:`MissingPart` says what could not be read).

The rest of an order's life uses the same session and the same outcome rules:
``modify_order``, ``open_orders``, ``positions`` (:class:`Position`), ``balances``
(:class:`Balance`), ``fills`` (:class:`Fill`), ``close_position``, ``cancel_all_orders`` and
``flatten`` (:class:`FlattenReport`, the kill switch).

Hearing what happened: ``session.events(accounts=[...])`` yields :class:`OrderEvent`,
:class:`FillEvent`, :class:`PositionEvent` and :class:`BalanceEvent`, and says when something
may have been missed (:class:`Gap`) and when the picture is whole again (:class:`Resynced`);
:class:`Feed` is the state behind it, without I/O, for drivers of your own. Which broker has which call, and which
the facade emulates (only with ``emulate=True``), is ``capabilities(broker).operations``.
"""

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # the names below are imported on first use (see __getattr__)
    from ._account import Balance, Fill, FlattenReport, ItemOutcome, ItemStatus, Position
    from ._adapter import BrokerOrder
    from ._errors import (
        AuthenticationError,
        BrokerUnavailable,
        ConfigurationError,
        EndpointNotFound,
        InvalidOrder,
        NotSupported,
        OrderbridgeError,
        OrderNotFound,
        OrderRejected,
        OutcomeUnknown,
        PlacementUnknown,
        RateLimited,
        UnexpectedResponse,
    )
    from ._events import KINDS, BalanceEvent, Event, FillEvent, Gap, OrderEvent, PositionEvent, Resynced, Source
    from ._fanout import PlacementResult
    from ._feed import Feed
    from ._groups import BracketResult, GroupResult, Leg, LegRole
    from ._models import (
        OPERATIONS,
        Budget,
        Capabilities,
        Order,
        OrderType,
        PlacedOrder,
        RateLimit,
        Side,
        Support,
        TimeInForce,
        Window,
        new_client_order_id,
    )
    from ._reports import apply_report
    from ._session import AsyncSession, Session, connect, connect_async, place_order
    from ._snapshot import AccountSnapshot, MissingPart
    from ._status import OrderStatus
    from .brokers import BROKERS, all_capabilities, capabilities

_HOME = {
    "Balance": "_account",
    "Fill": "_account",
    "FlattenReport": "_account",
    "ItemOutcome": "_account",
    "ItemStatus": "_account",
    "Position": "_account",
    "BrokerOrder": "_adapter",
    "Budget": "_models",
    "RateLimit": "_models",
    "Window": "_models",
    "PlacementResult": "_fanout",
    "BracketResult": "_groups",
    "GroupResult": "_groups",
    "Leg": "_groups",
    "LegRole": "_groups",
    "BROKERS": "brokers",
    "all_capabilities": "brokers",
    "capabilities": "brokers",
    "OPERATIONS": "_models",
    "Capabilities": "_models",
    "Support": "_models",
    "AuthenticationError": "_errors",
    "BrokerUnavailable": "_errors",
    "ConfigurationError": "_errors",
    "EndpointNotFound": "_errors",
    "InvalidOrder": "_errors",
    "NotSupported": "_errors",
    "OrderbridgeError": "_errors",
    "OrderNotFound": "_errors",
    "OrderRejected": "_errors",
    "OutcomeUnknown": "_errors",
    "PlacementUnknown": "_errors",
    "RateLimited": "_errors",
    "UnexpectedResponse": "_errors",
    "Order": "_models",
    "OrderType": "_models",
    "PlacedOrder": "_models",
    "Side": "_models",
    "TimeInForce": "_models",
    "new_client_order_id": "_models",
    "AsyncSession": "_session",
    "Session": "_session",
    "connect": "_session",
    "connect_async": "_session",
    "place_order": "_session",
    "apply_report": "_reports",
    "AccountSnapshot": "_snapshot",
    "MissingPart": "_snapshot",
    "OrderStatus": "_status",
    # live events (issue 20)
    "KINDS": "_events",
    "BalanceEvent": "_events",
    "Event": "_events",
    "FillEvent": "_events",
    "Gap": "_events",
    "OrderEvent": "_events",
    "PositionEvent": "_events",
    "Resynced": "_events",
    "Source": "_events",
    "Feed": "_feed",
}
"""Which private module defines each public name. ``import orderbridge`` loads none of them
(nor httpx or attrs); the first use of a name imports its module, once, like an ordinary
import would have (PEP 562 module ``__getattr__``)."""


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'orderbridge' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later lookups are ordinary module attributes
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Source",
    "Resynced",
    "PositionEvent",
    "OrderEvent",
    "Gap",
    "FillEvent",
    "Feed",
    "Event",
    "BalanceEvent",
    "KINDS",
    "BROKERS",
    "OPERATIONS",
    "AccountSnapshot",
    "AsyncSession",
    "Balance",
    "AuthenticationError",
    "BracketResult",
    "Budget",
    "BrokerOrder",
    "BrokerUnavailable",
    "Capabilities",
    "ConfigurationError",
    "EndpointNotFound",
    "Fill",
    "FlattenReport",
    "GroupResult",
    "ItemOutcome",
    "ItemStatus",
    "InvalidOrder",
    "Leg",
    "LegRole",
    "MissingPart",
    "NotSupported",
    "Order",
    "OrderNotFound",
    "OrderRejected",
    "OrderStatus",
    "OrderType",
    "OrderbridgeError",
    "OutcomeUnknown",
    "PlacedOrder",
    "PlacementResult",
    "PlacementUnknown",
    "Position",
    "RateLimit",
    "RateLimited",
    "Session",
    "Side",
    "Support",
    "TimeInForce",
    "UnexpectedResponse",
    "Window",
    "all_capabilities",
    "apply_report",
    "capabilities",
    "connect",
    "connect_async",
    "new_client_order_id",
    "place_order",
]
