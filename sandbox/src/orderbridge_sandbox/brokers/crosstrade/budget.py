"""CrossTrade's request budget: a token bucket per user, 3 requests per second sustained with a
burst of 20, shared by the REST API and the WebSocket RPC; over it, HTTP 429
``{"error": "Rate limit exceeded"}`` with ``Retry-After`` (CrossTrade docs, "Rate Limiting",
https://docs.crosstrade.io/api/rate-limiting)."""

from __future__ import annotations

from ...budget import Budget, TokenBucket

BUDGET = Budget(
    rules={"requests": TokenBucket(rate=3.0, burst=20)},
    default="requests",
    source="CrossTrade docs, Rate Limiting (https://docs.crosstrade.io/api/rate-limiting)",
)
