"""Client-side rate budgets: the brokers' documented request limits, kept on our side.

Each broker documents how many requests a credential may send (TopstepX 200 per 60 s,
CrossTrade 3 per second with a burst of 20, TradeStation 250 per 5 minutes per category). A
:class:`Budget` says so as data (each broker's own table lives with the broker); a session
spends one request from it *before* every attempt, so a fan-out or a kill switch waits for its
turn instead of meeting a 429 half way through.

The counting is not ours: it is the moving-window strategy of the `limits` library
(:class:`limits.strategies.MovingWindowRateLimiter`), over its in-memory storage by default or
over any storage URL it supports (``redis://host:port/0``) so that several processes or
machines using one credential share one budget. A moving window of ``N`` requests per ``S``
seconds never lets more than ``N`` requests through in *any* ``S`` seconds, so it is never
looser than the broker's own counting (a fixed window, or a token bucket).

Every session of the same credential (same broker, base URL and credential values) in the same
process spends from the same counters: the storage is shared per URL, the key per credential.
Keys hold a digest of the credentials, never the credentials themselves.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Mapping
from typing import Any, Final

import attrs

from ._errors import ConfigurationError, RateLimited, budget_storage_failed, over_budget

log = logging.getLogger("orderbridge")

DEFAULT_STORAGE: Final = "memory://"
"""The storage URL used when none is given: counters in this process's memory."""
MIN_WAIT: Final = 0.005
"""Shortest wait, in seconds, before asking the counter again (its clock has 1 ms steps)."""


def _whole(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"Window.{attribute.name} must be a whole number >= 1, got {value!r}")


@attrs.frozen
class Window:
    """At most ``requests`` requests in any ``seconds`` seconds (whole numbers, both >= 1).

    Raises:
        ConfigurationError: for a number that is not whole and positive.
    """

    requests: int = attrs.field(validator=_whole)
    seconds: int = attrs.field(validator=_whole)

    def __str__(self) -> str:
        return f"{self.requests} per {self.seconds} s"


def _windows(value: Mapping[str, Window]) -> Mapping[str, Window]:
    return dict(value)


def _names(value: Mapping[str, str]) -> Mapping[str, str]:
    return dict(value)


@attrs.frozen(kw_only=True)
class Budget:
    """A broker's request budget, as data.

    Attributes:
        windows: budget category -> :class:`Window` (``{"requests": Window(200, 60)}``).
        operations: spec ``operationId`` -> category, for operations that are not in ``default``.
        default: the category of every other operation, or ``None`` when other operations are
            not counted (TradeStation counts only its listed categories).
        throttle_statuses: HTTP statuses that mean "over budget" at this broker (429).
        quota_marker: ``(status, text)`` when the broker signals "over budget" with another status
            and a body containing ``text`` (TradeStation: 403 and "Quota Exceeded", any case).
        source: the vendor document the figures come from.
    """

    windows: Mapping[str, Window] = attrs.field(converter=_windows)
    operations: Mapping[str, str] = attrs.field(factory=dict, converter=_names)
    default: str | None = None
    throttle_statuses: frozenset[int] = frozenset({429})
    quota_marker: tuple[int, str] | None = None
    source: str = ""

    def __attrs_post_init__(self) -> None:
        for category in (*self.operations.values(), *([self.default] if self.default else [])):
            if category not in self.windows:
                raise ConfigurationError(f"budget category {category!r} has no window")

    def category(self, operation_id: str) -> str | None:
        """The category ``operation_id`` spends from, or ``None`` when it is not counted."""
        return self.operations.get(operation_id, self.default)

    def throttled(self, status: int, content: bytes) -> bool:
        """Whether an answer with ``status`` and body ``content`` says the budget is spent."""
        if status in self.throttle_statuses:
            return True
        if self.quota_marker is None or status != self.quota_marker[0]:
            return False
        return self.quota_marker[1].lower().encode() in content[:4096].lower()


@attrs.frozen(kw_only=True)
class RateLimit:
    """How a session keeps a budget: ``connect(broker, rate_limit=RateLimit(...))``.

    Attributes:
        budget: the budget to keep; ``None`` keeps the broker's documented budget.
        storage: a storage URL of the `limits` library: ``"memory://"`` (the default: this
            process only) or ``"redis://host:6379/0"`` to share one budget between processes
            and machines (install ``orderbridge[redis]``).
    """

    budget: Budget | None = None
    storage: str = DEFAULT_STORAGE


DOCUMENTED: Final = RateLimit()
"""``connect``'s default ``rate_limit``: the broker's documented budget, counted in this process."""
_IMPLICIT: RateLimit | None = DOCUMENTED
"""What a session that was given no ``rate_limit`` keeps (the test suite's seam: its conftest
sets ``None`` so only the tests about budgets count requests)."""

_LOCK = threading.Lock()
_LIMITERS: dict[str, Any] = {}


def _limiter(storage: str) -> Any:
    """One moving-window limiter per storage URL in this process (so sessions share counters)."""
    with _LOCK:
        limiter = _LIMITERS.get(storage)
        if limiter is None:
            from limits.storage import storage_from_string  # imported on first use: import stays light
            from limits.strategies import MovingWindowRateLimiter

            try:
                limiter = MovingWindowRateLimiter(storage_from_string(storage))
            except Exception as exc:  # noqa: BLE001 - the library's errors name no secret
                raise ConfigurationError(
                    f"rate-limit storage {storage.split('://')[0]!r} is not usable ({type(exc).__name__}); "
                    "redis:// needs: pip install 'orderbridge[redis]'"
                ) from None
            _LIMITERS[storage] = limiter
        return limiter


def credential_key(broker: str, base_url: str, credentials: Mapping[str, str]) -> str:
    """A stable digest that names one credential at one broker host (never the secret itself)."""
    text = "\x00".join([broker, base_url, *(f"{k}={v}" for k, v in sorted(credentials.items()))])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class Meter:
    """One session's view of a budget: spends before each attempt, drains on a throttle answer.

    Sans-sleep: :meth:`take` either spends (returns ``0.0``) or says how long to wait; the
    session drivers do the waiting (``time.sleep`` or ``asyncio.sleep``) and the deadline check
    (:meth:`refuse`).
    """

    def __init__(self, broker: str, budget: Budget, storage: str, credential: str) -> None:
        from limits import RateLimitItemPerSecond

        self.broker = broker
        self.budget = budget
        self.storage = storage
        self.local = storage.startswith("memory:")
        """Whether the counters live in this process (no I/O: safe to call from an event loop)."""
        self._limiter = _limiter(storage)
        self._credential = credential
        self._items = {
            name: RateLimitItemPerSecond(w.requests, w.seconds, namespace="orderbridge")
            for name, w in budget.windows.items()
        }

    def category(self, operation: object) -> str | None:
        """The category a generated operation module spends from (its spec ``operationId`` is
        the module's last name), or ``None`` when it is not counted."""
        name = getattr(operation, "__name__", "")
        return self.budget.category(str(name).rsplit(".", 1)[-1])

    def take(self, category: str) -> float:
        """Spend one request of ``category``: ``0.0`` when spent, else seconds until one frees up.

        Raises:
            ConfigurationError: the storage cannot be reached (a Redis server that is down);
                nothing was sent.
        """
        item = self._items[category]
        ids = (self.broker, self._credential, category)
        try:
            if self._limiter.hit(item, *ids):
                return 0.0
            reset, _ = self._limiter.get_window_stats(item, *ids)
        except Exception as exc:  # noqa: BLE001 - a storage failure must not escape as a raw error
            raise budget_storage_failed(self.broker, self.storage, exc) from None
        return max(MIN_WAIT, float(reset) - time.time())

    def drain(self, category: str) -> None:
        """Mark ``category`` spent for a whole window: the broker said we are over budget, so
        our count was behind (another client of the same credential, or a stricter broker).
        A storage failure here is logged, never raised: the broker's answer is what counts."""
        item = self._items[category]
        ids = (self.broker, self._credential, category)
        try:
            _, remaining = self._limiter.get_window_stats(item, *ids)
            if remaining > 0:
                self._limiter.hit(item, *ids, cost=int(remaining))
        except Exception as exc:  # noqa: BLE001
            log.warning("[%s] could not drain the %r budget (%s)", self.broker, category, type(exc).__name__)

    def refuse(self, category: str, wait: float, what: str) -> RateLimited:
        """The error for a call whose wait would pass its deadline; nothing was sent."""
        window = self.budget.windows[category]
        return over_budget(self.broker, what, category, window, wait)


def meter_for(
    broker: str,
    base_url: str,
    credentials: Mapping[str, str],
    documented: Budget | None,
    rate_limit: RateLimit | Budget | None,
) -> Meter | None:
    """The :class:`Meter` a session uses, or ``None`` when no budget is kept.

    ``rate_limit`` is :class:`RateLimit`, a bare :class:`Budget` (kept in memory), or ``None``
    (off); ``documented`` is the broker's own budget (``None`` when it documents none).

    Raises:
        ConfigurationError: a ``rate_limit`` of another type, or a storage that cannot be used.
    """
    if rate_limit is DOCUMENTED:
        rate_limit = _IMPLICIT
    if rate_limit is None:
        return None
    if isinstance(rate_limit, Budget):
        rate_limit = RateLimit(budget=rate_limit)
    if not isinstance(rate_limit, RateLimit):
        raise ConfigurationError(
            f"rate_limit must be a RateLimit, a Budget or None, got {type(rate_limit).__name__}", broker=broker
        )
    budget = rate_limit.budget or documented
    if budget is None:
        return None
    return Meter(broker, budget, rate_limit.storage, credential_key(broker, base_url, credentials))


def reset_counters(storage: str = DEFAULT_STORAGE) -> None:
    """Forget every count kept in ``storage`` by this process's limiter (tests, benchmarks)."""
    with _LOCK:
        limiter = _LIMITERS.get(storage)
    if limiter is not None:
        limiter.storage.reset()


__all__ = [
    "DEFAULT_STORAGE",
    "DOCUMENTED",
    "Budget",
    "Meter",
    "RateLimit",
    "Window",
    "credential_key",
    "meter_for",
    "reset_counters",
]
