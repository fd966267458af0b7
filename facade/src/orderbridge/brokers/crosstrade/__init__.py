"""CrossTrade (REST v1 bridge to NinjaTrader 8), as data: the description the core reads
(:mod:`orderbridge.brokers` says what a broker package holds), with its WebSocket RPC transport."""

from __future__ import annotations

from ..._models import BrokerDescription, Capabilities, OrderIdRule, OrderType, Support, TimeInForce
from .budget import BUDGET

N, Y = Support.NO, Support.YES

DESCRIPTION = BrokerDescription(
    name="crosstrade",
    production_url="https://app.crosstrade.io",
    credentials=("token",),
    order_ids=OrderIdRule(
        kind="text",
        max_length=64,
        charset=r"[A-Za-z0-9_-]",
        source="CrossTrade API v1 orders: NinjaTrader order ids are 32 hexadecimal characters; the custom "
        "orderId we send (1-22 of [A-Za-z0-9_-]) also reads the order back",
    ),
    websocket=f"{__name__}.websocket",
    module=f"{__name__}.adapter",
    budget=BUDGET,
    capabilities=Capabilities(
        broker="crosstrade",
        order_types=frozenset({OrderType.MARKET, OrderType.LIMIT, OrderType.STOP, OrderType.STOP_LIMIT}),
        time_in_force=frozenset({TimeInForce.DAY, TimeInForce.GTC}),
        default_time_in_force=TimeInForce.DAY,
        brackets=True,
        oco=True,
        flatten_first=True,
        client_order_id_field="orderId",
        client_order_id_max_length=22,
        resolve="GET accounts/{account}/orders/{orderId} with the custom orderId",
        notes=("Brackets via an ATM template (extras strategy); OCO via extras ocoId. NinjaTrader 8 must be running."),
        operations={
            "modify_order": (Y, "PUT orders/{orderId}/change (same order id)"),
            "open_orders": (Y, "GET orders, working states only"),
            "positions": (Y, "GET positions"),
            "balances": (Y, "GET accounts/{account} (item: cashValue, buyingPower, netLiquidation)"),
            "fills": (Y, "GET executions (at most the last 900 s)"),
            "close_position": (Y, "POST positions/close"),
            "cancel_all_orders": (Y, "POST orders/cancel (this account)"),
            "flatten": (Y, "POST orders/cancel, then POST positions/flatten"),
            "place_bracket": (
                N,
                "NinjaTrader brackets are ATM strategy templates: place_order with extras {'strategy': name}",
            ),
            "place_oco": (Y, "orders/place twice with one new ocoId: the first creates the group, the second joins it"),
        },
        modify_fields=frozenset({"quantity", "limit_price", "stop_price"}),
    ),
)
