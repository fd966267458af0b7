"""TopstepX (ProjectX Gateway API), as data: the description the core reads
(:mod:`orderbridge.brokers` says what a broker package holds)."""

from __future__ import annotations

from ..._models import BY_ORDER, BrokerDescription, Capabilities, OrderIdRule, OrderType, Support
from .budget import BUDGET

E, N, Y = Support.EMULATED, Support.NO, Support.YES

DESCRIPTION = BrokerDescription(
    name="topstepx",
    production_url="https://api.topstepx.com",
    credentials=("username", "api_key"),
    order_ids=OrderIdRule(
        kind="integer",
        max_length=19,
        source="ProjectX Gateway API, Order/place: orderId is an int64 (integer, format int64)",
    ),
    module=f"{__name__}.adapter",
    budget=BUDGET,
    capabilities=Capabilities(
        broker="topstepx",
        order_types=frozenset({OrderType.MARKET, OrderType.LIMIT, OrderType.STOP, OrderType.TRAILING_STOP}),
        brackets=True,
        client_order_id_field="customTag",
        client_order_id_max_length=22,
        resolve="Order/search over the lookback window, matched on customTag",
        notes=(
            "Type 3 StopLimit is not documented as placeable. Brackets (extras stopLossBracket/"
            "takeProfitBracket) need the account's Auto OCO Brackets setting. A duplicate customTag is "
            "rejected with code 2, so a client order id is never reused. Trailing stops: trail_price is sent "
            "as trailPrice, an absolute price level the gateway turns into a tick distance from the last "
            "trade (at most 1000 ticks, tick-aligned); the gateway docs say so, one community SDK treats it "
            "as a distance instead, and no primary source settles it beyond doubt. An order read back "
            "reports trailPrice as a distance."
        ),
        operations={
            "modify_order": (Y, "Order/modify (same order id)"),
            "open_orders": (Y, "Order/searchOpen (status Open; suspended bracket children are not listed)"),
            "positions": (Y, "Position/searchOpen"),
            "balances": (Y, "Account/search (balance)"),
            "fills": (Y, "Trade/search"),
            "close_position": (Y, "Position/closeContract, or Position/partialCloseContract with quantity"),
            "cancel_all_orders": (E, BY_ORDER),
            "flatten": (E, f"{BY_ORDER}; then Position/closeContract for each position"),
            "place_bracket": (
                Y,
                "Order/place with takeProfitBracket / stopLossBracket, ticks from the entry's limit or stop "
                "price (Contract/searchById tickSize); needs the account's Auto OCO Brackets mode",
            ),
            "place_oco": (N, "the Gateway API links no two orders as OCO; only an entry's brackets"),
        },
        modify_fields=frozenset({"quantity", "limit_price", "stop_price", "trail_price"}),
    ),
)
