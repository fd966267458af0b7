"""The brokers' request budgets, enforced the way each broker counts (a switchable fault).

Armed with ``sandbox.add_fault("crosstrade:*:budget")`` (or ``--fault`` on the command line),
every request of that broker spends from its caller's budget; one over budget gets the broker's
own throttle answer (``dialect.rate_limited``: CrossTrade 429 with ``Retry-After``,
TradeStation 403 HTML "Quota Exceeded", TopstepX 429) and nothing runs. Each broker's figures
are data in its package (``brokers/<broker>/budget.py``); the counting rules are here:

* :class:`TokenBucket` — ``rate`` per second refilled up to ``burst`` (CrossTrade);
* :class:`SlidingWindow` — at most ``requests`` in any ``seconds`` (TopstepX);
* :class:`FixedWindow` — ``requests`` per window that starts at the first request of the
  category and lasts ``seconds`` (TradeStation).

Time is the sandbox's clock, so a test on a :class:`~orderbridge_sandbox.ManualClock` can move
through windows without sleeping.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import math
from collections.abc import Mapping


@dataclasses.dataclass(frozen=True)
class TokenBucket:
    """``rate`` tokens per second, at most ``burst`` saved up; each request takes one."""

    rate: float
    burst: int


@dataclasses.dataclass(frozen=True)
class SlidingWindow:
    """At most ``requests`` requests in any ``seconds`` seconds."""

    requests: int
    seconds: float


@dataclasses.dataclass(frozen=True)
class FixedWindow:
    """``requests`` per window of ``seconds`` that opens with the category's first request."""

    requests: int
    seconds: float


Rule = TokenBucket | SlidingWindow | FixedWindow


@dataclasses.dataclass(frozen=True)
class Budget:
    """One broker's budget: category -> rule, operation -> category (``default`` for the rest;
    ``None`` leaves other operations uncounted), and the vendor page it comes from."""

    rules: Mapping[str, Rule]
    operations: Mapping[str, str] = dataclasses.field(default_factory=dict)
    default: str | None = None
    source: str = ""

    def category(self, operation: str) -> str | None:
        return self.operations.get(operation, self.default)


class Spender:
    """The counters of one broker's budget, per caller and category."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self._tokens: dict[tuple[str, str], tuple[float, float]] = {}  # level, at (epoch seconds)
        self._log: dict[tuple[str, str], collections.deque[float]] = {}
        self._windows: dict[tuple[str, str], tuple[float, int]] = {}  # opened at, used

    def spend(self, caller: str, operation: str, now: dt.datetime) -> float | None:
        """Spend one request; ``None`` when within budget, else seconds until one is free."""
        category = self.budget.category(operation)
        if category is None:
            return None
        rule, key, t = self.budget.rules[category], (caller, category), now.timestamp()
        if isinstance(rule, TokenBucket):
            level, at = self._tokens.get(key, (float(rule.burst), t))
            level = min(float(rule.burst), level + (t - at) * rule.rate)
            if level < 1:
                self._tokens[key] = (level, t)
                return (1 - level) / rule.rate
            self._tokens[key] = (level - 1, t)
            return None
        if isinstance(rule, SlidingWindow):
            log = self._log.setdefault(key, collections.deque())
            while log and log[0] <= t - rule.seconds:
                log.popleft()
            if len(log) >= rule.requests:
                return log[0] + rule.seconds - t
            log.append(t)
            return None
        opened, used = self._windows.get(key, (t, 0))
        if t >= opened + rule.seconds:
            opened, used = t, 0
        if used >= rule.requests:
            return opened + rule.seconds - t
        self._windows[key] = (opened, used + 1)
        return None


def retry_after(wait: float) -> int:
    """A ``Retry-After`` value in whole seconds (at least 1)."""
    return max(1, math.ceil(wait))


__all__ = ["Budget", "FixedWindow", "Rule", "SlidingWindow", "Spender", "TokenBucket", "retry_after"]
