"""Seed data of the crosstrade fake: the identifiers the vendor's documented examples use."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

TOKENS = frozenset({"demo-token"})
"""Secret keys accepted as ``Authorization: Bearer <key>``."""

ACCOUNTS: dict[str, dict[str, Any]] = {
    "Sim101": {
        "id": 1,
        "name": "Sim101",
        "displayName": "Sim101",
        "primaryUser": "demo@example.com",
        "provider": "Simulator",
        "denomination": "UsDollar",
        "status": "Enabled",
        "cash": Decimal("100000"),
    },
}

INSTRUMENTS: list[tuple[str, str, str, str, str, str]] = [
    # name, description, tickSize, pointValue, reference price, expiration (ISO date); front months first
    ("MES 12-25", "Micro E-mini S&P 500 Futures", "0.25", "5", "6615.25", "2025-12-19"),
    ("ES 12-25", "E-mini S&P 500 Futures", "0.25", "50", "5797.00", "2025-12-19"),
    ("NQ 06-26", "E-mini Nasdaq-100 Futures", "0.25", "20", "24606.25", "2026-06-18"),
    ("ES 03-26", "E-mini S&P 500 Futures", "0.25", "50", "6617.75", "2026-03-20"),
    ("MES 03-26", "Micro E-mini S&P 500 Futures", "0.25", "5", "6614.25", "2026-03-20"),
    ("ES 09-26", "E-mini S&P 500 Futures", "0.25", "50", "6731.75", "2026-09-18"),
    ("ES 12-24", "E-mini S&P 500 Futures", "0.25", "50", "5900.00", "2024-12-20"),
]
