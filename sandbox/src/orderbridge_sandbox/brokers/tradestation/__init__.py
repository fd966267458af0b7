"""The TradeStation fake: handlers (``broker.py``), error dialect (``dialect.py``), seed data
(``seeds.py``)."""

from .broker import TradeStation

__all__ = ["TradeStation"]
