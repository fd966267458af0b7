"""Seed data of the tradestation fake: the identifiers the vendor's documented examples use."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

CLIENTS: dict[str, dict[str, Any]] = {
    "demo-client": {"secret": "demo-secret", "refresh_tokens": {"demo-refresh": "testUser"}}
}
"""API key -> secret and the refresh tokens it issued (refresh token -> user id)."""

ACCOUNTS: dict[str, dict[str, Any]] = {
    # key -> account fields; 281994 is the global (Japan) docs' account.
    "123456": {"Type": "M", "TypeDescription": "Margin", "Alias": ""},
    "123465": {"Type": "M", "TypeDescription": "Margin", "Alias": ""},
    "281994": {"Type": "C", "TypeDescription": "Cash", "Alias": "Japan"},
    "11234": {"Type": "C", "TypeDescription": "Cash", "Alias": ""},
    "12345": {"Type": "F", "TypeDescription": "Forex", "Alias": ""},
}

USER_ACCOUNTS = {"testUser": list(ACCOUNTS)}

STARTING_CASH = Decimal("100000")

SYMBOLS: dict[str, tuple[str, str]] = {
    # symbol -> (asset type code, reference price)
    "JP:8698-TS": ("EQ", "430.00"),
    "MSFT": ("EQ", "410.25"),
    "ARNA": ("EQ", "1.63"),
    "GOOG": ("EQ", "170.10"),
    "IBM": ("EQ", "198.99"),
    "WMT": ("EQ", "95.00"),
    "USDJPY": ("FX", "150.00"),
}
