"""Sophic's request budget: the Sophic Engine API documents none, so no budget is kept on our
side (a ``connect(..., rate_limit=Budget(...))`` can still set one)."""

from __future__ import annotations

from ..._models import Budget

BUDGET: Budget | None = None
