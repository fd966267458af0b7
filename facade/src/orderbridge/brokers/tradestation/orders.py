"""What a TradeStation order row says (``AccountOrdersDefinition`` of ``GET
/v2/accounts/{account_keys}/orders``), as data for the shared reader (:mod:`orderbridge._orders`).

Sources: TradeStation WebAPI v2 documentation, "Order Detail" object and its "Order Status
Categories" table (tradestation.github.io/webapi-docs/en/objects/order-detail/); TradeStation
API v3 documentation, order status groups (Open / Filled / Canceled / Rejected), where the v2
page's one-line meanings leave the state open.

Where the vendor's words are ambiguous the working status is chosen: an order taken for
dead while it still works is the costly mistake (a kill switch would skip it), one taken for
working costs at most a refused cancel. ``FLP`` ("partial fill, order complete") is
``filled`` with ``filled_quantity`` below ``quantity``, as the vendor groups it.

TradeStation cannot tell: ``client_order_id`` (the documented listing has no ``OrderConfirmId``;
it is read when a row carries one),
``trail_price`` (``TrailingStop`` is an amount or percent, kept in ``raw``), ``created_at`` /
``updated_at`` beyond ``TimeStamp`` / ``FilledCanceled`` ("M/D/YYYY h:mm:ss AM", UTC per the
Order Detail page). ``type`` comes from the first leg's ``OrderTypeDescription``. TradeStation
v2 has no fills call at all (``fills`` is ``NotSupported``).
"""

from __future__ import annotations

from ..._models import OrderType, Side, TimeInForce
from ..._orders import OrderShape, us_time
from ..._status import OrderStatus, StatusTable

_S = OrderStatus
STATUSES = StatusTable(
    broker="tradestation",
    source="TradeStation WebAPI v2, Order Detail, Order Status Categories "
    "(tradestation.github.io/webapi-docs/en/objects/order-detail/)",
    words={
        "OPN": _S.OPEN,  # order entry (sent)
        "ACK": _S.OPEN,  # acknowledged by the exchange
        "DIS": _S.PENDING_NEW,  # dispatched, not yet acknowledged
        "DON": _S.PENDING_NEW,  # queued for a later session (v2 page: "done for day"; v3: queued, open)
        "OSO": _S.PENDING_NEW,  # a child waiting for its parent (order-sends-order)
        "CND": _S.OPEN,  # condition hit
        "STP": _S.OPEN,  # stop price hit
        "CHG": _S.OPEN,  # changed on the customer's request
        "UCH": _S.REPLACED,  # change requested: replaced under a new OrderID (v3: "Replaced")
        "STT": _S.OPEN,  # a status message about a live order
        "COR": _S.OPEN,  # fill corrected (v3: open)
        "BRO": _S.OPEN,  # execution broken (v3: open)
        "BRC": _S.OPEN,  # bracket cancelled (v3: open)
        "FPR": _S.PARTIALLY_FILLED,  # partial fill, still alive
        "FLL": _S.FILLED,  # executed in full
        "FLP": _S.FILLED,  # partial fill, order complete
        "UCN": _S.PENDING_CANCEL,  # cancel requested by the customer
        "ECN": _S.PENDING_CANCEL,  # expiration cancel request
        "REC": _S.PENDING_CANCEL,  # recall requested by the risk system
        "LAT": _S.OPEN,  # too late to cancel: it keeps working (v3: open)
        "RJC": _S.OPEN,  # cancel request rejected: it keeps working
        "RJR": _S.OPEN,  # cancel/change request rejected: it keeps working
        "OUT": _S.CANCELLED,  # UROut: no longer active
        "CAN": _S.CANCELLED,  # cancelled (see message)
        "TSC": _S.CANCELLED,  # trade server cancelled the order
        "SCN": _S.CANCELLED,  # recalled by the risk system (v3: canceled)
        "EXP": _S.EXPIRED,  # time constraint ran out ("Exp" in the OpenAPI enum)
        "REJ": _S.REJECTED,  # never accepted by the exchange
        "DOA": _S.REJECTED,  # dead on arrival
    },
)
"""TradeStation ``Status`` code -> :class:`~orderbridge.OrderStatus` (matched ignoring case, so
the OpenAPI enum's ``Exp`` reads as ``EXP``)."""


ORDER_SHAPE = OrderShape(
    statuses=STATUSES,
    status=("Status",),
    instrument=("Symbol",),
    side=("Type",),
    type=("Legs.0.OrderTypeDescription", "Legs.0.OrderType", "OrderType"),
    quantity=("Quantity",),
    limit_price=("LimitPriceText", "LimitPrice"),
    stop_price=("StopPriceText", "StopPrice"),
    time_in_force=("Duration",),
    filled_quantity=("ExecuteQuantity",),
    average_fill_price=("FilledPriceText", "FilledPrice"),
    created_at=("TimeStamp",),
    updated_at=("FilledCanceled",),
    client_order_id=("OrderConfirmId",),
    sides={"Buy": Side.BUY, "Buy to Cover": Side.BUY, "Sell": Side.SELL, "Sell Short": Side.SELL},
    types={
        "Market": OrderType.MARKET,
        "Limit": OrderType.LIMIT,
        "Stop Market": OrderType.STOP,
        "StopMarket": OrderType.STOP,
        "Stop Limit": OrderType.STOP_LIMIT,
        "StopLimit": OrderType.STOP_LIMIT,
    },
    time_in_force_words={
        "DAY": TimeInForce.DAY,
        "DAY+": TimeInForce.DAY,
        "GTC": TimeInForce.GTC,
        "GTC+": TimeInForce.GTC,
        "GTD": TimeInForce.GTD,
        "GTD+": TimeInForce.GTD,
        "IOC": TimeInForce.IOC,
        "FOK": TimeInForce.FOK,
    },
    parse_time=us_time,
)
"""Where each field sits in a TradeStation ``AccountOrdersDefinition``."""
