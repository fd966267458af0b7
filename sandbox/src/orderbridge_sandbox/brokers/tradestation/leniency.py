"""What TradeStation's WebAPI v2 accepts beyond its spec's letter: the spellings its own
examples send.

Our spec models the official v2 Swagger (decimal strings, upper-case ``TradeAction``, lower-case
paths). The vendor's published examples, which independent v2 clients copy, spell requests
otherwise; the server answers them, so the sandbox accepts them too and rewrites them into the
Swagger's spelling before validation.
"""

from __future__ import annotations

from ...leniency import Allowance, Leniency

CONFIRM_EXAMPLE = (
    "TradeStation WebAPI v2 legacy docs, 'Confirm Order' page example request (tradestation/webapi-docs-v2, "
    "en/orders/confirm-order.md): AccountKey 11234, Quantity 100, LimitPrice 0.0 and StopPrice 0.0 sent as "
    'JSON numbers, TradeAction "buy"'
)
PLACE_EXAMPLE = (
    "TradeStation WebAPI v2 legacy docs, 'Place Order' page examples (tradestation/webapi-docs): TradeAction \"Buy\""
)


def _number(field: str) -> Allowance:
    return Allowance(f"A JSON number in {field} is read as its decimal text.", CONFIRM_EXAMPLE)


LENIENCY = Leniency(
    path_case=Allowance(
        "Literal path segments match in any case: POST /v2/Security/Authorize, /v2/Orders/Confirm.",
        "TradeStation WebAPI v2 Swagger, securityDefinitions: the token-exchange example posts to "
        "https://api.tradestation.com/v2/Security/Authorize while the paths are lower case; the legacy "
        "docs' pages use the same capitalised spelling.",
    ),
    numbers_as_text={field: _number(field) for field in ("AccountKey", "Quantity", "LimitPrice", "StopPrice")},
    enum_case={
        "TradeAction": Allowance(
            'TradeAction values match the enum in any case: "Buy" and "buy" are BUY.',
            f"{PLACE_EXAMPLE}; {CONFIRM_EXAMPLE}.",
        )
    },
)
