"""CrossTrade's live events: none for orders or fills (its WebSocket pushes market data and
P&L only), so the feed polls REST inside the shared request budget.

Budget (CrossTrade API docs, "Rate Limiting", https://docs.crosstrade.io/api/rate-limiting):
3 requests/s per user, burst 20, one token bucket shared by REST and the WebSocket RPC. A poll
cycle is at most 4 reads per account (orders, positions, account, executions): every 4 s that
is 1 request/s, a third of the budget; the floor of 2.7 s is about half of it. Fill latency is
bounded by the interval, and ``GET executions`` keeps only the last 900 s, so an interval (or a
gap) longer than that may lose fills a later ``Resynced`` cannot bring back.
"""

from ..._watch import PollBudget

POLLING = PollBudget(
    interval=4.0,
    minimum=2.7,
    source="CrossTrade API docs, Rate Limiting: 3 requests/s per user, burst 20, shared by REST and WebSocket; "
    "4 reads per account per cycle",
)
