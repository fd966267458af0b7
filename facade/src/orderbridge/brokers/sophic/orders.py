"""What a Sophic order says (``Order`` of ``get_order``, ``list_pending_orders``,
``list_orders``), as data (``orders.toml``) for the shared reader (:mod:`orderbridge._orders`).

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

from .. import order_shape

ORDER_SHAPE = order_shape("sophic")
"""Where each field sits in a Sophic ``Order``, and its status words (``orders.toml``)."""
