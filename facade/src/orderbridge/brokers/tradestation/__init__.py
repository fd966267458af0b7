"""TradeStation WebAPI v2, as data: the description the core reads (:mod:`orderbridge.brokers`
says what a broker package holds), with the ``APIVersion`` values a session may choose."""

from __future__ import annotations

from ..._models import (
    BY_MARKET,
    BY_ORDER,
    BrokerDescription,
    Capabilities,
    OrderIdRule,
    OrderType,
    Support,
    TimeInForce,
)
from .budget import BUDGET

E, N, Y = Support.EMULATED, Support.NO, Support.YES

DESCRIPTION = BrokerDescription(
    name="tradestation",
    production_url="https://api.tradestation.com",
    credentials=("access_token", "client_id", "client_secret", "refresh_token"),
    order_ids=OrderIdRule(
        kind="integer",
        max_length=19,
        wire_text=True,
        source="TradeStation WebAPI v2 swagger, OrderResult.OrderID (string of digits, e.g. '286234131'); "
        "20150101 results carry Id as a JSON integer",
    ),
    api_versions=("20160101", "20150101"),
    module=f"{__name__}.adapter",
    budget=BUDGET,
    capabilities=Capabilities(
        broker="tradestation",
        order_types=frozenset({OrderType.MARKET, OrderType.LIMIT, OrderType.STOP, OrderType.STOP_LIMIT}),
        time_in_force=frozenset({TimeInForce.DAY, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTD}),
        default_time_in_force=TimeInForce.DAY,
        client_order_id_field="OrderConfirmId",
        client_order_id_max_length=22,
        idempotent_placement=True,
        notes=(
            "No lookup by OrderConfirmId exists in WebAPI v2; placement is deduplicated on it, so re-sending the "
            "same order with the same client_order_id cannot create a second order. Brackets (place_bracket: the "
            "exits ride in the entry's OSOs) and OCO (place_oco: the group-order endpoint) are native groups."
        ),
        operations={
            "modify_order": (Y, "PUT /v2/orders/{id} cancel/replace: the result carries the new OrderID"),
            "open_orders": (Y, "GET accounts/{key}/orders, working statuses only"),
            "positions": (Y, "GET accounts/{key}/positions"),
            "balances": (Y, "GET accounts/{key}/balances"),
            "fills": (N, "WebAPI v2 has no executions endpoint (orders carry only an aggregate FilledPrice)"),
            "close_position": (E, f"{BY_MARKET}; not for a short equity, which needs BUYTOCOVER"),
            "cancel_all_orders": (E, BY_ORDER),
            "flatten": (
                E,
                f"{BY_ORDER}; then {BY_MARKET} for each position (short equities reported refused)",
            ),
            "place_bracket": (Y, "POST /v2/orders: the entry, its exits a BRK group in its OSOs (sent when it fills)"),
            "place_oco": (Y, "POST /v2/orders/groups with Type OCO"),
        },
        modify_fields=frozenset({"quantity", "limit_price", "stop_price"}),
    ),
)
