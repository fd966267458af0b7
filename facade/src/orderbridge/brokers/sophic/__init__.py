"""Sophic Engine API, as data: the description the core reads (:mod:`orderbridge.brokers` says
what a broker package holds); Sophic deduplicates placement on the ``Idempotency-Key``."""

from __future__ import annotations

from ..._models import BrokerDescription, Capabilities, OrderIdRule, OrderType, Side, Support
from .budget import BUDGET

E, N, Y = Support.EMULATED, Support.NO, Support.YES

DESCRIPTION = BrokerDescription(
    name="sophic",
    production_url="https://api.engine.usesophic.com",
    credentials=("client_id", "client_secret"),
    order_ids=OrderIdRule(
        kind="text",
        max_length=255,
        charset=r"[!-~]",
        source="Sophic Engine API: ids are opaque strings of at most 255 characters (e.g. 'ord_m4k7r9s2')",
    ),
    module=f"{__name__}.adapter",
    budget=BUDGET,
    key_conflict_codes=frozenset({"idempotency_key_conflict", "idempotency_key_expired"}),
    capabilities=Capabilities(
        broker="sophic",
        order_types=frozenset({OrderType.MARKET}),
        quantity_sides=frozenset({Side.SELL}),
        cash_amount_sides=frozenset({Side.BUY}),
        fractional_quantity=True,
        client_order_id_field="Idempotency-Key",
        client_order_id_max_length=255,
        idempotent_placement=True,
        replays_duplicates=True,
        resolve="replay of the recorded placement with the same Idempotency-Key (24 h window)",
        cancel=False,
        notes=(
            "Buys are cash-based (cash_amount, at most 2 decimal places), sells unit-based (quantity, at most 4). "
            "Market orders only (the placement guide). There is no cancel endpoint. extras automatic_rollover "
            "applies to eligible bill buys."
        ),
        operations={
            "modify_order": (N, "the Sophic Engine API has no order amendment"),
            "open_orders": (Y, "GET accounts/{id}/pending-orders"),
            "positions": (Y, "GET accounts/{id}/positions?open_only=true"),
            "balances": (Y, "GET accounts/{id}/cash-balances (the account's base currency)"),
            "fills": (Y, "GET accounts/{id}/orders, the trades embedded in each order"),
            "close_position": (E, "a market sell of the position's units (holdings are long only)"),
            "cancel_all_orders": (N, "the Sophic Engine API has no cancel endpoint"),
            "flatten": (
                E,
                "market sells of every position; pending orders cannot be cancelled and are reported refused",
            ),
            "place_bracket": (N, "the Sophic Engine API has no order groups"),
            "place_oco": (N, "the Sophic Engine API has no order groups"),
        },
    ),
)
