"""CrossTrade's documented request budget, kept on our side (:mod:`orderbridge._driver`).

CrossTrade docs, "Rate Limiting" (https://docs.crosstrade.io/api/rate-limiting): a token bucket
per user, 3 requests per second sustained with a burst of 20, shared by the REST API and the
WebSocket RPC (both go through the same generated operations here, so both spend from this
budget); over it, HTTP 429 ``{"error": "Rate limit exceeded"}`` with ``Retry-After``.

As a moving window: 20 requests in any 7 s. That bucket lets through at most ``20 + 3t``
requests in ``t`` seconds, and 20 per 7 s never exceeds it (``20 * ceil(t / 7) <= 20 + 3t``),
so the full burst stays available and the long-run pace is 2.86 requests per second.
"""

from __future__ import annotations

from ..._models import Budget, Window

BUDGET = Budget(
    windows={"requests": Window(20, 7)},
    default="requests",
    source="CrossTrade docs, Rate Limiting (https://docs.crosstrade.io/api/rate-limiting)",
)
