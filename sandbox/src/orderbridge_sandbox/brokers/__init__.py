"""The broker fakes, by name: one package per broker (``brokers/<broker>/``) holding its
handlers (``broker.py``), its error dialect (``dialect.py``), its seed data (``seeds.py``), what
it accepts beyond the letter of its spec (``leniency.py``) and its extras (Sophic idempotency and
webhooks, CrossTrade's WebSocket RPC).

Adding a broker means adding one package and one line here.
"""

from __future__ import annotations

from collections.abc import Mapping

from .base import Broker, Host, RecordedOrder, StreamAnswer, StreamEndpoint, operation
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

__all__ = [
    "BROKER_CLASSES",
    "Broker",
    "CrossTrade",
    "Host",
    "RecordedOrder",
    "Sophic",
    "StreamAnswer",
    "StreamEndpoint",
    "TopstepX",
    "TradeStation",
    "operation",
]
