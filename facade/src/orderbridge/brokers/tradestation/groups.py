"""TradeStation order groups: OCO through ``POST /v2/orders/groups``, brackets through OSOs.

TradeStation WebAPI v2 docs, "Send Group Order" (``POST /v2/orders/groups``,
``GroupOrderRequestDefinition``): ``Type: OCO`` places orders of which the first to fill (even
partly) cancels the others; the answer is an array with one ``OrderResult`` per order, in the
order sent, each ``Ok`` or ``Failed`` with a reason. A ``BRK`` group only exits a position that
already exists, so a bracket *with its entry* is the entry order whose ``OSOs`` (order sends
order) hold the exits: a ``BRK`` group of the take-profit and the stop-loss, or a ``NORMAL``
group of the one exit given; they are sent when the entry fills ("Place Order", ``OSOs``).

Both are sent in the 20160101 body shape (the group endpoint's ``OrderRequest``; the 20150101
shape has no ``OSOs``), once: every order carries its own ``OrderConfirmId``, but a retried
group whose first attempt arrived would answer "duplicate" per order, which proves nothing
about the group, so a group is never retried and an ambiguous answer is ``OutcomeUnknown``.
"""

from __future__ import annotations

from typing import Any, Protocol

import attrs
from tradestation_client.api.orders import place_group_order
from tradestation_client.models import ApiVersion, GroupOrderRequest

from ..._adapter import Placing, as_sent, build_request
from ..._errors import InvalidOrder, OrderbridgeError, not_supported, rejected, unknown
from ..._groups import BracketPlan, BracketResult, GroupResult, Leg, LegRole
from ..._models import Order, PlacedOrder, Settings
from ..._wire import Call, Flow, Sent, operation


class _Placing(Placing, Protocol):
    """What this broker's group flows need beyond :class:`~orderbridge._adapter.Placing`."""

    def place_request(self, order: Order, account: str, api_version: str) -> Any: ...

    def failure(self, sent: Sent, what: str, cid: str | None, *, money_moving: bool) -> Exception: ...

    def usable_order_id(self, value: object) -> str | None: ...


GROUP_VERSION = "20160101"
"""The body shape groups are sent in."""


def place_oco(adapter: _Placing, pair: tuple[Order, Order], account: str, settings: Settings) -> Flow[GroupResult]:
    """The flow of :meth:`Session.place_oco` at TradeStation (see the module docstring)."""
    what = "orders/groups (OCO)"
    orders = [adapter.place_request(order, account, GROUP_VERSION).to_dict() for order in pair]
    body = build_request(GroupOrderRequest, {"Type": "OCO", "Orders": orders}, adapter.name, extras=True)
    cid = pair[0].client_order_id
    sent = yield Call.moving(PLACE_GROUP_ORDER, {"body": body, "api_version": ApiVersion(GROUP_VERSION)}, what)
    if sent.status != 200:
        raise adapter.failure(sent, what, cid, money_moving=True)
    results = _results(sent.parsed)
    if results is None or len(results) != len(pair):
        raise unknown(adapter.name, cid, "decode", what, status_code=200)
    legs: list[Leg] = []
    for role, order, (status, raw_id, message) in zip((LegRole.FIRST, LegRole.SECOND), pair, results, strict=True):
        legs.append(Leg(role=role, order=order, result=_leg(adapter, account, order, status, raw_id, message, what)))
    if not any(isinstance(leg.result, PlacedOrder) for leg in legs):
        first = legs[0].result
        assert isinstance(first, OrderbridgeError)
        raise first  # every order refused: nothing was placed
    return GroupResult(broker=adapter.name, account=account, legs=tuple(legs), raw=as_sent(sent.parsed))


def place_bracket(adapter: _Placing, plan: BracketPlan, account: str, settings: Settings) -> Flow[BracketResult]:
    """The flow of :meth:`Session.place_bracket` at TradeStation (see the module docstring)."""
    if (settings.api_version or GROUP_VERSION) != GROUP_VERSION:
        raise not_supported(
            adapter.name, "place_bracket", f"it needs APIVersion {GROUP_VERSION} (the 20150101 body has no OSOs)"
        )
    if "OSOs" in plan.entry.extras:
        raise InvalidOrder("extras OSOs is set by place_bracket; remove it", field="extras", broker=adapter.name)
    exits = [adapter.place_request(order, account, GROUP_VERSION).to_dict() for _, order in plan.legs[1:]]
    oso: dict[str, Any] = {"Type": "BRK" if len(exits) == 2 else "NORMAL", "Orders": exits}
    entry = attrs.evolve(plan.entry, extras={**plan.entry.extras, "OSOs": [oso]})
    placed = yield from adapter.place(entry, account, settings)
    legs = [Leg(role=LegRole.ENTRY, order=plan.entry, result=placed)]
    legs += [Leg(role=role, order=order) for role, order in plan.legs if role is not LegRole.ENTRY]
    return BracketResult(broker=adapter.name, account=account, legs=tuple(legs), raw=placed.raw)


def _leg(
    adapter: _Placing,
    account: str,
    order: Order,
    status: object,
    raw_id: object,
    message: str | None,
    what: str,
) -> PlacedOrder | OrderbridgeError:
    cid = order.client_order_id or ""
    if status == "Ok":
        order_id = adapter.usable_order_id(raw_id)
        if order_id is not None:
            return PlacedOrder(
                broker=adapter.name, account=account, order_id=order_id, client_order_id=cid, status="Ok"
            )
        return unknown(adapter.name, cid, "unusable_order_id", what, code="Ok", broker_message=message)
    if status == "Failed":
        return rejected(
            adapter.name,
            what,
            code="Failed",
            code_name="OrderFailed",
            broker_message=message,
            order_id=adapter.usable_order_id(raw_id),
            client_order_id=cid,
        )
    return unknown(adapter.name, cid, "unknown_code", what, code=str(status), broker_message=message)


def _results(parsed: object) -> list[tuple[object, object, str | None]] | None:
    """(OrderStatus, OrderID, Message) of each result of a group answer, typed or decoded."""
    data = as_sent(parsed)
    if not isinstance(data, list):
        return None
    out: list[tuple[object, object, str | None]] = []
    for item in data:
        fields = item.to_dict() if hasattr(item, "to_dict") else item
        if not isinstance(fields, dict):
            return None
        message = fields.get("Message")
        out.append((fields.get("OrderStatus"), fields.get("OrderID"), message if isinstance(message, str) else None))
    return out


def _usable(parsed: object, data: Any) -> bool:
    return _results(parsed) is not None


PLACE_GROUP_ORDER = operation(place_group_order, _usable)
