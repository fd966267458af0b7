"""What a TopstepX order row says (``OrderModel`` of ``Order/searchOpen``, ``Order/searchById``,
``Order/search``), as data (``orders.toml``) for the shared reader (:mod:`orderbridge._orders`).

Source: ProjectX Gateway API documentation (gateway.docs.projectx.com), the ``OrderModel``,
``OrderStatus``, ``OrderType`` and ``OrderSide`` schemas of the Gateway's Swagger document.

TopstepX cannot tell (always ``None``): ``time_in_force`` (the Gateway has none) and
``trail_price`` (read back as a *distance* in ``trailPrice``/``trailDistance``, not the level an
order is placed with; both stay in ``raw``). Types 6 JoinBid / 7 JoinAsk have no standard name:
``type`` is ``None`` for them. ``fillVolume`` > 0 on an Open order reads as ``partially_filled``.
"""

from __future__ import annotations

from topstepx_client.models import OrderStatus as WireStatus

from .. import order_shape

ORDER_SHAPE = order_shape("topstepx", names={member.value: member.name for member in WireStatus})
"""Where each field sits in a TopstepX ``OrderModel`` (``orders.toml``); status codes are named as
the generated client's ``OrderStatus`` names them."""
