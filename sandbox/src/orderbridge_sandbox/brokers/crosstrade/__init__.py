"""The CrossTrade fake: handlers (``broker.py``), error dialect (``dialect.py``), seed data
(``seeds.py``) and its WebSocket RPC (``rpc.py``)."""

from .broker import CrossTrade

__all__ = ["CrossTrade"]
