"""TopstepX's request budget: 200 requests per 60 s on every endpoint but
``History/retrieveBars``, which allows 50 per 30 s (the newer figure; older pages say 30); over
it, HTTP 429 (ProjectX Gateway API docs, "Rate Limits", getting-started/rate-limits)."""

from __future__ import annotations

from ...budget import Budget, SlidingWindow

BUDGET = Budget(
    rules={"requests": SlidingWindow(200, 60), "bars": SlidingWindow(50, 30)},
    operations={"retrieve_bars": "bars"},
    default="requests",
    source="ProjectX Gateway API docs, Rate Limits (getting-started/rate-limits)",
)
