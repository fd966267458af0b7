"""Injectable time: every timestamp and token expiry in the sandbox comes from a :class:`Clock`.

:class:`SystemClock` (the default) follows the wall clock in UTC, so timestamps look real when a
facade or a person talks to the sandbox. Tests pass a :class:`ManualClock` and move it by hand,
which makes every answer reproducible.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

UTC = dt.UTC


class Clock(Protocol):
    """Anything with ``now() -> datetime`` (timezone-aware, UTC)."""

    def now(self) -> dt.datetime:
        """The current time, timezone-aware UTC."""
        ...


class SystemClock:
    """The wall clock, in UTC."""

    def now(self) -> dt.datetime:
        """The current time, timezone-aware UTC."""
        return dt.datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to.

    Args:
        start: the initial time (naive values are taken as UTC). Default 2025-09-22 14:30 UTC.
    """

    def __init__(self, start: dt.datetime | None = None) -> None:
        start = start or dt.datetime(2025, 9, 22, 14, 30, tzinfo=UTC)
        self._now = start if start.tzinfo else start.replace(tzinfo=UTC)

    def now(self) -> dt.datetime:
        """The clock's current time (UTC)."""
        return self._now

    def advance(self, seconds: float = 0.0, **delta: float) -> dt.datetime:
        """Move forward by ``seconds`` (and/or ``timedelta`` keywords such as ``hours=24``)."""
        self._now += dt.timedelta(seconds=seconds, **delta)
        return self._now

    def set(self, when: dt.datetime) -> None:
        """Jump to ``when`` (naive values are taken as UTC); it may go backwards."""
        self._now = when if when.tzinfo else when.replace(tzinfo=UTC)
