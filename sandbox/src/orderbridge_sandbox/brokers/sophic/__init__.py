"""The Sophic fake: handlers (``broker.py``), error dialect (``dialect.py``), seed data
(``seeds.py``), idempotency keys (``idempotency.py``) and signed webhooks (``webhooks.py``)."""

from .broker import Sophic

__all__ = ["Sophic"]
