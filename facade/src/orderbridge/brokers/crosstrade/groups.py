"""CrossTrade OCO groups: two ``orders/place`` calls carrying one ``ocoId``.

CrossTrade docs, POST Place Order: ``ocoId`` "creates an OCO group with this id, or joins the
existing one"; NinjaTrader 8 cancels the rest of the group when one order fills. The group id
is new for each call (``oco-`` and the first order's client order id), so a group is never
joined by accident. The first order is placed, then the second: a refused first order means
nothing was placed; a second order refused or never sent leaves the first working alone, and
the result says so (``GroupResult.accepted`` is ``False``, the second leg holds the error); a
second order whose outcome is unknown raises ``OutcomeUnknown`` with both legs' ids. Brackets
are ATM strategy templates at NinjaTrader (``place_order`` with ``extras={"strategy": ...}``), not ``place_bracket``.
"""

from __future__ import annotations

import attrs

from ..._adapter import Placing
from ..._errors import InvalidOrder, OrderbridgeError
from ..._groups import GroupResult, Leg, LegRole
from ..._models import Order, Settings
from ..._wire import Flow


def place_oco(adapter: Placing, pair: tuple[Order, Order], account: str, settings: Settings) -> Flow[GroupResult]:
    """The flow of :meth:`Session.place_oco` at CrossTrade (see the module docstring)."""
    first, second = pair
    if any("ocoId" in order.extras for order in pair):
        raise InvalidOrder("extras ocoId is set by place_oco; remove it", field="extras", broker=adapter.name)
    group = f"oco-{first.client_order_id}"
    placed_first = yield from adapter.place(
        attrs.evolve(first, extras={**first.extras, "ocoId": group}), account, settings
    )
    legs = [Leg(role=LegRole.FIRST, order=first, result=placed_first)]
    try:
        placed_second = yield from adapter.place(
            attrs.evolve(second, extras={**second.extras, "ocoId": group}), account, settings
        )
    except OrderbridgeError as failure:
        if failure.order_may_exist:  # the second order may exist too: OutcomeUnknown with every leg's id
            raise
        legs.append(Leg(role=LegRole.SECOND, order=second, result=failure))
    else:
        legs.append(Leg(role=LegRole.SECOND, order=second, result=placed_second))
    return GroupResult(broker=adapter.name, account=account, legs=tuple(legs), group_id=group)
