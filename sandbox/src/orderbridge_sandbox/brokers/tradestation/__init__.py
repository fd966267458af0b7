"""The TradeStation fake: handlers (``broker.py``), error dialect (``dialect.py``), seed data
(``seeds.py``), what the real broker accepts beyond its spec (``leniency.py``)."""

from .broker import TradeStation

__all__ = ["TradeStation"]
