"""Seed data of the topstepx fake: the identifiers the vendor's documented examples use."""

from __future__ import annotations

from typing import Any

USERS = {"demo": "demo-api-key"}
"""userName -> apiKey accepted by ``Auth/loginKey``."""

ACCOUNTS: list[dict[str, Any]] = [
    # The ProjectX docs' examples.
    {"id": 1, "name": "TEST_ACCOUNT_1", "balance": 50000, "canTrade": True, "isVisible": True, "simulated": True},
    {
        "id": 465,
        "name": "PRAC-V2-12345-67890",
        "balance": 50000,
        "canTrade": True,
        "isVisible": True,
        "simulated": True,
    },
    {"id": 704, "name": "PRAC-V2-704-00001", "balance": 50000, "canTrade": True, "isVisible": True, "simulated": True},
    {"id": 212, "name": "PRAC-V2-212-00001", "balance": 50000, "canTrade": True, "isVisible": True, "simulated": True},
    {"id": 536, "name": "PRAC-V2-536-00001", "balance": 50000, "canTrade": True, "isVisible": True, "simulated": True},
    {"id": 203, "name": "PRAC-V2-203-00001", "balance": 50000, "canTrade": True, "isVisible": True, "simulated": True},
    # Not from the docs: the one account in "Auto OCO Brackets" mode (see AUTO_OCO_BRACKETS).
    {
        "id": 9001,
        "name": "PRAC-V2-9001-AUTOOCO",
        "balance": 50000,
        "canTrade": True,
        "isVisible": True,
        "simulated": True,
    },
]

AUTO_OCO_BRACKETS = frozenset({9001})
"""Accounts whose platform setting is "Auto OCO Brackets": ``Order/place`` accepts
``stopLossBracket``/``takeProfitBracket`` there. Every other account is in the default "Position
Brackets" mode, where a bracket is refused (ProjectX docs, Order/place; help.projectx.com,
"Auto OCO Brackets")."""

CONTRACTS: list[tuple[str, str, str, str, str, str, str, str]] = [
    # id, name, description, tickSize, tickValue, symbolId, reference price, fee per contract
    (
        "CON.F.US.BP6.U25",
        "6BU5",
        "British Pound (Globex): September 2025",
        "0.0001",
        "6.25",
        "F.US.BP6",
        "1.3450",
        "1.40",
    ),
    ("CON.F.US.EP.Z25", "ESZ5", "E-mini S&P 500: December 2025", "0.25", "12.50", "F.US.EP", "6335.25", "1.40"),
    ("CON.F.US.MES.Z25", "MESZ5", "Micro E-mini S&P 500: December 2025", "0.25", "1.25", "F.US.MES", "6335.25", "0.37"),
    ("CON.F.US.EP.U25", "ESU5", "E-mini S&P 500: September 2025", "0.25", "12.50", "F.US.EP", "6335.25", "1.40"),
    ("CON.F.US.EP.H25", "ESH5", "E-mini S&P 500: March 2025", "0.25", "12.50", "F.US.EP", "6065.25", "1.40"),
    ("CON.F.US.EP.M25", "ESM5", "E-mini S&P 500: June 2025", "0.25", "12.50", "F.US.EP", "5138.00", "1.40"),
    ("CON.F.US.ENQ.H25", "NQH5", "E-mini NASDAQ-100: March 2025", "0.25", "5", "F.US.ENQ", "21500.00", "1.40"),
    ("CON.F.US.ENQ.U25", "NQU5", "E-mini NASDAQ-100: September 2025", "0.25", "5", "F.US.ENQ", "23450.50", "1.40"),
    ("CON.F.US.DA6.M25", "DA6M5", "Class III Milk: June 2025", "0.01", "20", "F.US.DA6", "17.50", "1.40"),
    ("CON.F.US.GMET.J25", "MGCJ5", "Micro Gold: April 2025", "0.1", "1", "F.US.GMET", "1575.8", "0.50"),
    ("CON.F.US.RTY.Z24", "RTYZ4", "E-mini Russell 2000: December 2024", "0.1", "5", "F.US.RTY", "2208.1", "1.40"),
]
