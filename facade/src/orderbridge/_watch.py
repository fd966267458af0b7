"""Polling feeds: :class:`EventStream` (blocking) and :class:`AsyncEventStream` (async), behind
``Session.events`` and ``AsyncSession.events``.

Each cycle reads every account with ``snapshot`` (plus ``get_order`` for orders that left the
open orders, or whose fills appeared, between two reads), hands the reads to a
:class:`~orderbridge.Feed`, and yields what it returns. The pace is a per-broker
:class:`PollBudget`, data in ``orderbridge/brokers/<broker>/events.py`` citing the vendor's
documented limit. One cycle is the same plan for both twins (:func:`poll_plan`); only the I/O
differs. Nothing here names a broker.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import importlib
from collections.abc import AsyncIterator, Callable, Generator, Iterable, Iterator
from typing import Any, Protocol

import attrs

from ._adapter import BrokerOrder
from ._errors import ConfigurationError, OrderbridgeError
from ._events import KINDS, Event
from ._feed import DEFAULT_WATCHDOG, Feed
from ._snapshot import AccountSnapshot


class _Reader(Protocol):
    """What a polling stream needs of a :class:`~orderbridge.Session` (structural, so this
    module does not import the session's)."""

    @property
    def broker(self) -> str: ...

    _sleep: Callable[[float], Any]

    def snapshot(self, *, account: str, fills_since: dt.datetime | str | None = None) -> AccountSnapshot: ...

    def get_order(self, order_id: str, *, account: str) -> BrokerOrder: ...


class _AsyncReader(Protocol):
    """What an async polling stream needs of an :class:`~orderbridge.AsyncSession`."""

    @property
    def broker(self) -> str: ...

    _sleep: Callable[[float], Any]

    async def snapshot(self, *, account: str, fills_since: dt.datetime | str | None = None) -> AccountSnapshot: ...

    async def get_order(self, order_id: str, *, account: str) -> BrokerOrder: ...


FILL_MARGIN = dt.timedelta(minutes=1)
"""How far back each read of fills reaches before the newest fill delivered (or the feed's
start), so a broker clock a little behind ours loses nothing; repeats are dropped by id."""


@attrs.frozen(kw_only=True)
class PollBudget:
    """How fast a feed may poll one broker (data per broker, in its package).

    One cycle reads each account with ``snapshot`` (open orders, positions, balances, fills:
    at most 4 requests) plus one ``get_order`` per order that ended between two reads.

    Attributes:
        interval: the default seconds between two cycles, per account covered (two accounts
            wait twice as long), chosen to spend about a third of the documented budget so
            trading calls keep the rest.
        minimum: the shortest interval per account accepted: the feed alone would spend about
            half the documented budget at this pace.
        source: the vendor's document for the budget, and the arithmetic.
    """

    interval: float
    minimum: float
    source: str


def budget_of(broker: str) -> PollBudget:
    """The :class:`PollBudget` in ``orderbridge.brokers.<broker>.events``."""
    module = importlib.import_module(f"orderbridge.brokers.{broker}.events")
    budget: PollBudget = module.POLLING
    return budget


def poll_interval(broker: str, interval: float | None, accounts: int) -> float:
    """The seconds between cycles: ``interval`` as given (checked), else the broker's default
    per account times ``accounts``.

    Raises:
        ConfigurationError: ``interval`` is not a number, or below the broker's minimum per
            account (the message names the budget).
    """
    budget = budget_of(broker)
    if interval is None:
        return budget.interval * accounts
    if isinstance(interval, bool) or not isinstance(interval, int | float) or not interval == interval:
        raise ConfigurationError(f"interval must be a number of seconds, got {interval!r}", broker=broker)
    floor = budget.minimum * accounts
    if interval < floor:
        raise ConfigurationError(
            f"interval {interval:g} s is below {floor:g} s ({budget.minimum:g} s per account), the fastest pace "
            f"that stays inside {broker}'s documented budget: {budget.source}",
            broker=broker,
        )
    return float(interval)


@attrs.frozen
class ReadSnapshot:
    account: str
    fills_since: dt.datetime

    def ask(self, session: _Reader | _AsyncReader) -> Any:
        """The session's ``snapshot`` for this read (a coroutine from an async session)."""
        return session.snapshot(account=self.account, fills_since=self.fills_since)


@attrs.frozen
class ReadOrder:
    account: str
    order_id: str

    def ask(self, session: _Reader | _AsyncReader) -> Any:
        """The session's ``get_order`` for this read (a coroutine from an async session)."""
        return session.get_order(self.order_id, account=self.account)


Read = ReadSnapshot | ReadOrder
Plan = Generator[Read, Any, list[Event]]


def poll_plan(feed: Feed, account: str, started: dt.datetime) -> Plan:
    """One account's poll: the reads to make (answers or the :class:`OrderbridgeError` each
    raised are sent back in) and, returned, the events to yield."""
    since = feed.fills_since(account, FILL_MARGIN) or started - FILL_MARGIN
    answer = yield ReadSnapshot(account, since)
    if isinstance(answer, OrderbridgeError):
        return feed.gap(f"a poll failed: {answer}", accounts=(account,))
    snapshot: AccountSnapshot = answer
    finished: list[BrokerOrder] = []
    for order_id in feed.lookups(snapshot):
        got = yield ReadOrder(account, order_id)
        if isinstance(got, BrokerOrder):
            finished.append(got)
    return feed.reconcile(snapshot, finished)


class _Stream:
    """What both twins share: the feed, the pace, and the queue of events not yet yielded."""

    def __init__(
        self,
        broker: str,
        accounts: Iterable[str] | str,
        kinds: Iterable[str],
        interval: float | None,
        watchdog: float | None,
        wall: Callable[[], dt.datetime],
    ) -> None:
        self.feed = Feed(broker, accounts, kinds=kinds, watchdog=watchdog, wall=wall)
        self.interval = poll_interval(broker, interval, len(self.feed.accounts))
        self.started = wall()
        self.cycles = 0
        """Poll cycles completed (each reads every account once)."""
        self._pending: collections.deque[Event] = collections.deque()
        self._closed = False

    def close(self) -> None:
        """Stop: iteration ends after the events already queued."""
        self._closed = True

    def _cycle_plan(self) -> Generator[Read, Any, None]:
        """One cycle, for either twin: each account's :func:`poll_plan` in turn, its events
        queued; the twin makes the reads and sends back each answer (or the error it raised)."""
        for account in self.feed.accounts:
            self._pending.extend((yield from poll_plan(self.feed, account, self.started)))
        self.cycles += 1


class EventStream(_Stream):
    """A blocking iterator of feed events from polling a :class:`~orderbridge.Session`.

    Use as ``with session.events(accounts=[...]) as stream: for event in stream: ...``.
    Iteration blocks until the next event; it ends only after :meth:`close` (or leaving the
    ``with`` block). The first events are the account's current picture (source
    ``resync``), then :class:`~orderbridge.Resynced`.

    Attributes:
        feed: the :class:`~orderbridge.Feed` (counts of duplicates dropped and stale reports).
        interval: seconds between two poll cycles.
    """

    def __init__(self, session: _Reader, **options: Any) -> None:
        super().__init__(session.broker, **options)
        self._session = session

    def __enter__(self) -> EventStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[Event]:
        return self

    def __next__(self) -> Event:
        while not self._pending:
            if self._closed:
                raise StopIteration
            if self.cycles:
                self._session._sleep(self.interval)
            self._cycle()
        return self._pending.popleft()

    def _cycle(self) -> None:
        plan = self._cycle_plan()
        with contextlib.suppress(StopIteration):
            read = next(plan)
            while True:
                read = plan.send(self._read(read))

    def _read(self, read: Read) -> Any:
        try:
            return read.ask(self._session)
        except OrderbridgeError as error:
            return error


class AsyncEventStream(_Stream):
    """The async twin of :class:`EventStream`: ``async with session.events(...) as stream:
    async for event in stream: ...`` (``async for`` directly works too)."""

    def __init__(self, session: _AsyncReader, **options: Any) -> None:
        super().__init__(session.broker, **options)
        self._session = session

    async def __aenter__(self) -> AsyncEventStream:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    def __aiter__(self) -> AsyncIterator[Event]:
        return self

    async def __anext__(self) -> Event:
        while not self._pending:
            if self._closed:
                raise StopAsyncIteration
            if self.cycles:
                await self._session._sleep(self.interval)
            await self._cycle()
        return self._pending.popleft()

    async def _cycle(self) -> None:
        plan = self._cycle_plan()
        with contextlib.suppress(StopIteration):
            read = next(plan)
            while True:
                read = plan.send(await self._read(read))

    async def _read(self, read: Read) -> Any:
        try:
            return await read.ask(self._session)
        except OrderbridgeError as error:
            return error


def stream_options(
    accounts: Iterable[str] | str,
    kinds: Iterable[str] = KINDS,
    interval: float | None = None,
    watchdog: float | None = DEFAULT_WATCHDOG,
    wall: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> dict[str, Any]:
    """The keyword arguments both streams take, gathered in one place."""
    return {"accounts": accounts, "kinds": kinds, "interval": interval, "watchdog": watchdog, "wall": wall}


__all__ = ["AsyncEventStream", "EventStream", "PollBudget", "budget_of", "poll_interval", "poll_plan"]
