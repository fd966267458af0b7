"""What a TradeStation order row says (``AccountOrdersDefinition`` of ``GET
/v2/accounts/{account_keys}/orders``), as data (``orders.toml``) for the shared reader (:mod:`orderbridge._orders`).

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

from .. import order_shape

ORDER_SHAPE = order_shape("tradestation")
"""Where each field sits in a TradeStation ``AccountOrdersDefinition``, and its status words (``orders.toml``)."""
