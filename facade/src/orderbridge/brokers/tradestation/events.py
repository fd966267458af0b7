"""TradeStation WebAPI v2 live events: its streams carry quotes and bars only, so the feed
polls ``GET /v2/accounts/{keys}/orders``, positions and balances inside the quota.

Budget (TradeStation WebAPI v2 docs, "Rate Limiting" / request throttling): 250 requests per
5-minute window for each of Order Details, Balances and Positions, per API key and user;
over quota is HTTP 403 "Quota Exceeded". A cycle spends one request of each category per
account: every 4 s that is 75 per window (30 %); the floor of 2.4 s is 125 (half).
TradeStation v2 has no fills read: the feed yields no :class:`~orderbridge.FillEvent` here
(watch ``OrderEvent.order.filled_quantity``), and an order that both starts and ends between two
reads shows only as a position change.
"""

from ..._watch import PollBudget

POLLING = PollBudget(
    interval=4.0,
    minimum=2.4,
    source="TradeStation WebAPI v2, Rate Limiting: 250 requests per 5 minutes each for Order Details, "
    "Balances and Positions; 1 of each per account per cycle",
)
