"""What a TopstepX order row says (``OrderModel`` of ``Order/searchOpen``, ``Order/searchById``,
``Order/search``), as data for the shared reader (:mod:`orderbridge._orders`).

Source: ProjectX Gateway API documentation (gateway.docs.projectx.com), the ``OrderModel``,
``OrderStatus``, ``OrderType`` and ``OrderSide`` schemas of the Gateway's Swagger document.

TopstepX cannot tell (always ``None``): ``time_in_force`` (the Gateway has none) and
``trail_price`` (read back as a *distance* in ``trailPrice``/``trailDistance``, not the level an
order is placed with; both stay in ``raw``). Types 6 JoinBid / 7 JoinAsk have no standard name:
``type`` is ``None`` for them. ``fillVolume`` > 0 on an Open order reads as ``partially_filled``.
"""

from __future__ import annotations

from topstepx_client.models import OrderStatus as WireStatus

from ..._models import OrderType, Side
from ..._orders import OrderShape
from ..._status import OrderStatus, StatusTable

STATUSES = StatusTable(
    broker="topstepx",
    source="ProjectX Gateway API, OrderStatus enum (gateway.docs.projectx.com; Swagger OrderStatus 0-8)",
    words={
        0: OrderStatus.UNKNOWN,  # None: the Gateway's placeholder, it says nothing
        1: OrderStatus.OPEN,
        2: OrderStatus.FILLED,
        3: OrderStatus.CANCELLED,
        4: OrderStatus.EXPIRED,
        5: OrderStatus.REJECTED,
        6: OrderStatus.PENDING_NEW,  # Pending
        7: OrderStatus.PENDING_CANCEL,  # PendingCancellation
        8: OrderStatus.PENDING_NEW,  # Suspended: a bracket child waiting for its parent
    },
    names={member.value: member.name for member in WireStatus},
)
"""TopstepX ``OrderStatus`` integer -> :class:`~orderbridge.OrderStatus`."""

ORDER_SHAPE = OrderShape(
    statuses=STATUSES,
    status=("status",),
    instrument=("contractId",),
    side=("side",),
    type=("type",),
    quantity=("size",),
    limit_price=("limitPrice",),
    stop_price=("stopPrice",),
    filled_quantity=("fillVolume",),
    average_fill_price=("filledPrice",),
    created_at=("creationTimestamp",),
    updated_at=("updateTimestamp",),
    client_order_id=("customTag",),
    sides={0: Side.BUY, 1: Side.SELL},
    types={
        1: OrderType.LIMIT,
        2: OrderType.MARKET,
        3: OrderType.STOP_LIMIT,
        4: OrderType.STOP,
        5: OrderType.TRAILING_STOP,
    },
)
"""Where each field sits in a TopstepX ``OrderModel``; timestamps carry an offset (naive: UTC)."""
