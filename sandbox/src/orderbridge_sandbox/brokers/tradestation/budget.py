"""TradeStation's request budget: per API key and user, 250 requests per 5-minute window in each
of the categories accounts, order details, balances, positions and quotes, the window opening
with the category's first request; order submission is not a category. Over it, HTTP 403 with
the HTML body "Quota Exceeded" (TradeStation WebAPI v2 docs, "Request Throttling")."""

from __future__ import annotations

from ...budget import Budget, FixedWindow

BUDGET = Budget(
    rules={name: FixedWindow(250, 300) for name in ("accounts", "order_details", "balances", "positions", "quotes")},
    operations={
        "list_user_accounts": "accounts",
        "list_account_orders": "order_details",
        "get_account_balances": "balances",
        "get_account_positions": "positions",
    },
    default=None,
    source="TradeStation WebAPI v2 docs, Request Throttling",
)
