"""The TopstepX fake: handlers (``broker.py``), error dialect (``dialect.py``), seed data
(``seeds.py``)."""

from .broker import TopstepX

__all__ = ["TopstepX"]
