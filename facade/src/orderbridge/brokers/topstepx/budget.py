"""TopstepX's documented request budget, kept on our side (:mod:`orderbridge._driver`).

ProjectX Gateway API docs, "Rate Limits" (getting-started/rate-limits): 200 requests per 60 s
on every endpoint but ``History/retrieveBars``, which allows 50 per 30 s in the newer pages and
30 per 30 s in the older ones; over it the gateway answers HTTP 429. We keep the lower bars
figure, so no documented version of the limit is ever tripped.
"""

from __future__ import annotations

from ..._models import Budget, Window

BUDGET = Budget(
    windows={"requests": Window(200, 60), "bars": Window(30, 30)},
    operations={"retrieve_bars": "bars"},
    default="requests",
    source="ProjectX Gateway API docs, Rate Limits (getting-started/rate-limits)",
)
