"""What a CrossTrade order row says (``GET .../orders/{orderId}`` and ``orders`` list), as data (``orders.toml``) for
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

from .. import order_shape

ORDER_SHAPE = order_shape("crosstrade")
"""Where each field sits in a NinjaTrader order as CrossTrade sends it, and its status words (``orders.toml``)."""
