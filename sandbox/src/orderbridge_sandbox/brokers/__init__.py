"""The four broker fakes, by name."""

from __future__ import annotations

from collections.abc import Mapping

from .base import Broker, RecordedOrder, operation
from .crosstrade import CrossTrade
from .sophic import Sophic
from .topstepx import TopstepX
from .tradestation import TradeStation

BROKER_CLASSES: Mapping[str, type[Broker]] = {
    "topstepx": TopstepX,
    "crosstrade": CrossTrade,
    "tradestation": TradeStation,
    "sophic": Sophic,
}

__all__ = ["BROKER_CLASSES", "Broker", "CrossTrade", "RecordedOrder", "Sophic", "TopstepX", "TradeStation", "operation"]
