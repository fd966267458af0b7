"""TradeStation's documented request budget, kept on our side (:mod:`orderbridge._driver`).

TradeStation WebAPI v2 docs, "Request Throttling": per API key and user, 250 requests per
5 minutes in each category: accounts, order details, balances, positions and quotes (order
submission, cancel and replace are not categories and are not counted). Over it the API
answers HTTP 403 with the HTML body "Quota Exceeded", which drains the category here. The
operations are the spec's ``operationId`` values (``specs/tradestation.yaml``); quotes have no
operation in that spec, so that category is listed for completeness only.
"""

from __future__ import annotations

from ..._models import Budget, Window

_FIVE_MINUTES = Window(250, 300)

BUDGET = Budget(
    windows={
        "accounts": _FIVE_MINUTES,
        "order_details": _FIVE_MINUTES,
        "balances": _FIVE_MINUTES,
        "positions": _FIVE_MINUTES,
        "quotes": _FIVE_MINUTES,
    },
    operations={
        "list_user_accounts": "accounts",
        "list_account_orders": "order_details",
        "get_account_balances": "balances",
        "get_account_positions": "positions",
    },
    default=None,
    quota_marker=(403, "Quota Exceeded"),
    source="TradeStation WebAPI v2 docs, Request Throttling",
)
