"""What a CrossTrade order row says (``GET .../orders/{orderId}`` and ``orders`` list), as data for
the shared reader (:mod:`orderbridge._orders`).

CrossTrade forwards NinjaTrader 8's ``Order`` object with camel-cased property names. Sources:
CrossTrade REST API documentation (docs.crosstrade.io, accounts / orders), NinjaTrader 8 Help
Guide ``Order`` and ``OrderState`` (ninjatrader.com/support/helpGuides/nt8/order.htm).

CrossTrade cannot tell: ``trail_price`` (NinjaTrader has no trailing order type), ``client_order_id``
beyond ``orderId`` itself (the custom id *is* the order id), ``updated_at``. ``side``
(``orderAction``), ``stop_price`` (``stopPrice``), ``time_in_force`` (``timeInForce``) and
``created_at`` (``time``) are NinjaTrader properties CrossTrade's page does not show in its
truncated example: read when present, else ``None``. NinjaTrader writes ``time`` in the trading
PC's own zone, which CrossTrade does not state: a time without an offset stays ``None`` rather
than be given a guessed zone. ``MIT`` has no standard type.
"""

from __future__ import annotations

from ..._models import OrderType, Side, TimeInForce
from ..._orders import OrderShape, offset_time
from ..._status import OrderStatus, StatusTable

STATUSES = StatusTable(
    broker="crosstrade",
    source="NinjaTrader 8 Help Guide, OrderState (ninjatrader.com/support/helpGuides/nt8/orderstate.htm), "
    "as CrossTrade reports it in orderState",
    words={
        "Initialized": OrderStatus.PENDING_NEW,
        "Submitted": OrderStatus.PENDING_NEW,
        "Accepted": OrderStatus.OPEN,
        "TriggerPending": OrderStatus.OPEN,
        "Working": OrderStatus.OPEN,
        "ChangePending": OrderStatus.OPEN,
        "ChangeSubmitted": OrderStatus.OPEN,
        "CancelPending": OrderStatus.PENDING_CANCEL,
        "CancelSubmitted": OrderStatus.PENDING_CANCEL,
        "Cancelled": OrderStatus.CANCELLED,
        "Rejected": OrderStatus.REJECTED,
        "PartFilled": OrderStatus.PARTIALLY_FILLED,
        "Filled": OrderStatus.FILLED,
        "Unknown": OrderStatus.UNKNOWN,  # NinjaTrader's own "cannot say"
    },
)
"""NinjaTrader ``OrderState`` -> :class:`~orderbridge.OrderStatus`."""

ORDER_SHAPE = OrderShape(
    statuses=STATUSES,
    status=("orderState",),
    instrument=("instrument",),
    side=("orderAction", "action"),
    type=("orderType",),
    quantity=("quantity",),
    limit_price=("limitPrice",),
    stop_price=("stopPrice",),
    time_in_force=("timeInForce",),
    filled_quantity=("filled",),
    average_fill_price=("averageFillPrice",),
    created_at=("time",),
    sides={"Buy": Side.BUY, "BuyToCover": Side.BUY, "Sell": Side.SELL, "SellShort": Side.SELL},
    types={
        "Market": OrderType.MARKET,
        "Limit": OrderType.LIMIT,
        "StopMarket": OrderType.STOP,
        "StopLimit": OrderType.STOP_LIMIT,
    },
    time_in_force_words={"Day": TimeInForce.DAY, "Gtc": TimeInForce.GTC, "Gtd": TimeInForce.GTD},
    parse_time=offset_time,
)
"""Where each field sits in a NinjaTrader order as CrossTrade sends it."""
