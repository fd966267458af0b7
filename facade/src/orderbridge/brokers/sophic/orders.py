"""What a Sophic order says (``Order`` of ``get_order``, ``list_pending_orders``,
``list_orders``), as data for the shared reader (:mod:`orderbridge._orders`).

Sources: Sophic Engine API documentation, Orders › Order lifecycle ("placed → (pending) →
executing → filled → settled", or cancelled) and the OpenAPI ``OrderStatus`` / ``Order`` schemas.

Sophic cannot tell: ``quantity`` of a buy (buys are sized in cash: ``cash_amount`` stays in
``raw``), ``stop_price``, ``trail_price`` and ``time_in_force`` (market and limit orders only,
no time in force), ``client_order_id`` (the ``Idempotency-Key`` is not echoed), and
``average_fill_price`` (the order carries ``traded_notional``; each trade's price is a
:class:`~orderbridge.Fill`). A partly executed order still ends ``filled`` (the rest is
cancelled by the broker), per the vendor's testing guide.
"""

from __future__ import annotations

from ..._models import OrderType, Side
from ..._orders import OrderShape
from ..._status import OrderStatus, StatusTable

STATUSES = StatusTable(
    broker="sophic",
    source="Sophic Engine API, Orders > Order lifecycle; OpenAPI OrderStatus",
    words={
        "held": OrderStatus.PENDING_NEW,  # held back before it is placed at the market
        "placed": OrderStatus.OPEN,
        "pending": OrderStatus.OPEN,
        "executing": OrderStatus.OPEN,  # partially_filled once traded_quantity > 0
        "cancelling": OrderStatus.PENDING_CANCEL,
        "filled": OrderStatus.FILLED,
        "settled": OrderStatus.FILLED,  # filled, and the trades settled
        "cancelled": OrderStatus.CANCELLED,
    },
)
"""Sophic ``OrderStatus`` -> :class:`~orderbridge.OrderStatus`."""

ORDER_SHAPE = OrderShape(
    statuses=STATUSES,
    status=("status",),
    instrument=("instrument.id", "instrument"),
    side=("side",),
    type=("order_type",),
    quantity=("quantity",),
    limit_price=("limit_price",),
    filled_quantity=("traded_quantity",),
    created_at=("created_at",),
    updated_at=("modified_at",),
    sides={"buy": Side.BUY, "sell": Side.SELL},
    types={"market": OrderType.MARKET, "limit": OrderType.LIMIT},
)
"""Where each field sits in a Sophic ``Order``; timestamps are ISO 8601 with an offset."""
