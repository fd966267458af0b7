"""Pushed feeds: :class:`AsyncPushStream`, an :class:`~orderbridge._watch.AsyncEventStream`
that listens to a broker's SignalR hub (TopstepX's user hub) instead of polling.

The SignalR client is a library (pysignalr, the ``orderbridge[websocket]`` extra): it speaks the
protocol, sends keep-alives, and reconnects with exponential backoff and jitter (the
``websockets`` reconnect loop underneath). This module keeps the feed's promises around it:

* on every (re)connection it subscribes again (a hub forgets subscriptions with the connection);
* a closed connection, a reconnection, an unreadable push or silence past the watchdog is a
  :class:`~orderbridge.Gap`; the repair reads the accounts by REST (``snapshot``, and
  ``get_order`` for orders that ended unseen) and ends with :class:`~orderbridge.Resynced`;
  a repair that fails is retried with exponential backoff and jitter (1 s doubling to 30 s);
* a repair read while pushes arrive is read again (up to 3 times) so an older read does not
  undo a newer push;
* the token is the session's: each connection takes the current one (``?access_token=`` and a
  bearer header), and the repair's REST reads refresh it as every read does.

What a broker's hub is (URL, subscriptions, payloads) is data in
``orderbridge/brokers/<broker>/hub.py``. Nothing here names a broker.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import random
import time
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import Any
from urllib.parse import quote

import httpx

from ._account import Balance, Fill, Position
from ._adapter import BrokerOrder
from ._errors import ConfigurationError, OrderbridgeError
from ._events import Event, Source
from ._watch import AsyncEventStream

log = logging.getLogger("orderbridge")

REPAIR_BACKOFF = (1.0, 30.0)
"""First and longest wait, in seconds, between two failed repairs (doubling, with jitter)."""
DEFAULT_AUDIT = 60.0
"""Seconds between two audit reads of a pushed feed that is in sync (4 reads per account: at
TopstepX's 200 requests per minute, 2 % of the budget per account)."""
REPAIR_READS = 3
"""How many times a repair reads again when pushes arrived during its read."""


def hub_of(broker: str) -> ModuleType | None:
    """``orderbridge.brokers.<broker>.hub`` when the broker pushes, else ``None``."""
    try:
        return importlib.import_module(f"orderbridge.brokers.{broker}.hub")
    except ModuleNotFoundError:
        return None


def push_available() -> bool:
    """Whether the SignalR client library (``orderbridge[websocket]``) is installed."""
    try:
        importlib.import_module("pysignalr.client")
    except ImportError:
        return False
    return True


class AsyncPushStream(AsyncEventStream):
    """An async iterator of feed events heard on a broker's hub; used like
    :class:`~orderbridge._watch.AsyncEventStream` (``async with ... as stream: async for``).

    Attributes:
        url: the hub's URL (without the token).
        connections: how many times the hub connection opened (1 + reconnections).
        repairs: how many REST repairs ran.
    """

    def __init__(
        self,
        session: Any,
        hub: ModuleType,
        *,
        hub_url: str | None = None,
        audit: float | None = DEFAULT_AUDIT,
        **options: Any,
    ) -> None:
        super().__init__(session, **options)
        if audit is not None and (isinstance(audit, bool) or not audit > 0):
            raise ConfigurationError(
                f"audit must be a positive number of seconds, got {audit!r}", broker=session.broker
            )
        self.audit = audit
        self.audits = 0
        """Audit reads made while in sync (each may find what the stream lost)."""
        self._audit_after = time.monotonic() + (audit or 0)
        self._full: Any = session
        """The whole session (its settings, adapter and token), beyond what polling reads."""
        self._hub = hub
        self.url: str = hub.hub_url(session.settings, hub_url)
        self.connections = 0
        self.repairs = 0
        self._open = False
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._repair: asyncio.Task[None] | None = None
        self._repair_after = 0.0
        self._backoff = REPAIR_BACKOFF[0]
        self._pushes = 0
        self._client: Any = None

    # -- lifecycle ---------------------------------------------------------------------------
    async def __aenter__(self) -> AsyncPushStream:
        await self._start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def _start(self) -> None:
        if self._task is not None:
            return
        from pysignalr.client import SignalRClient
        from pysignalr.protocol.json import JSONProtocol

        class ExactJSON(JSONProtocol):  # type: ignore[misc]
            """pysignalr's JSON protocol reading numbers as :class:`~decimal.Decimal` from their
            exact text (its own decoder makes floats, which lose a price's digits)."""

            def decode(self, raw_message: str | bytes) -> list[Any]:
                text = raw_message.decode() if isinstance(raw_message, bytes) else raw_message
                records = (json.loads(item, parse_float=Decimal) for item in text.split(self.record_separator) if item)
                return [self.parse_message(record) for record in records if record]

        session = self._full
        await session._ensure_token()
        token = session._box.token or ""
        heard = self.feed.heard

        class Client(SignalRClient):  # type: ignore[misc]
            """pysignalr's client, also resetting the watchdog on every message (its own
            dispatcher drops keep-alive pings silently)."""

            async def _on_message(self, message: Any) -> None:
                heard()
                await super()._on_message(message)

        client = Client(
            f"{self.url}?access_token={quote(token, safe='')}",
            protocol=ExactJSON(),
            access_token_factory=lambda: session._box.token or "",
        )
        client.on_open(self._on_opened)
        client.on_close(self._on_closed)
        for target in self._hub.TARGETS:
            client.on(target, self._listener(target))
        self._client = client
        self._task = asyncio.create_task(self._run(client))

    async def _run(self, client: Any) -> None:
        try:
            await client.run()
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - the library gave up (a refused upgrade...): repairs go on
            log.warning("[%s] the hub connection ended: %s", self.feed.broker, type(error).__name__)
            self._emit(self.feed.gap(f"the hub connection ended ({type(error).__name__})"))

    async def aclose(self) -> None:
        """Close the hub connection and stop; queued events are still yielded."""
        self.close()
        for task in (self._task, self._repair):
            if task is not None:
                task.cancel()
        await asyncio.gather(*(t for t in (self._task, self._repair) if t is not None), return_exceptions=True)
        self._task = self._repair = None
        self._wake.set()

    # -- iteration ---------------------------------------------------------------------------
    async def __anext__(self) -> Event:
        if self._task is None and not self._closed:
            await self._start()
        while not self._pending:
            if self._closed:
                raise StopAsyncIteration
            self._maybe_repair()
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), self._tick())
            except TimeoutError:
                self._emit(self.feed.check_silence())
        return self._pending.popleft()

    def _tick(self) -> float:
        """Seconds to wait for the next push: a quarter of the watchdog, or until a repair or
        an audit is due."""
        step = (self.feed.watchdog or 60.0) / 4
        if self._wants_repair():
            step = min(step, max(0.05, self._repair_after - time.monotonic()))
        elif self.audit is not None and self._open:
            step = min(step, max(0.05, self._audit_after - time.monotonic()))
        return step

    def _emit(self, events: list[Event]) -> None:
        if events:
            self._pending.extend(events)
            self._wake.set()

    # -- hub callbacks -----------------------------------------------------------------------
    async def _on_opened(self) -> None:
        self.connections += 1
        self._open = True
        self.feed.heard()
        if self.connections > 1:
            self._emit(self.feed.gap("the hub reconnected; what was pushed meanwhile is lost"))
        for method, arguments in self._hub.subscriptions(self.feed.accounts):
            await self._client.send(method, arguments)
        self._repair_after = 0.0
        self._wake.set()

    async def _on_closed(self) -> None:
        self._open = False
        if not self._closed:
            self._emit(self.feed.gap("the hub connection closed"))

    def _listener(self, target: str) -> Callable[[list[Any]], Any]:
        async def listen(arguments: list[Any]) -> None:
            self._pushes += 1
            try:
                argument = arguments[0] if isinstance(arguments, list) and len(arguments) == 1 else arguments
                facts = self._hub.read(target, argument, self._full.adapter, self.feed.accounts)
            except OrderbridgeError as error:
                self._emit(self.feed.gap(f"a push could not be read: {error}"))
                return
            for fact in facts:
                self._emit(self._fold(fact, Source.PUSH))
                self.feed.mark_whole(fact.account)

        return listen

    def _fold(self, fact: Any, source: Source) -> list[Event]:
        if isinstance(fact, BrokerOrder):
            return self.feed.order(fact, source=source)
        if isinstance(fact, Fill):
            return self.feed.fill(fact, source=source)
        if isinstance(fact, Position):
            return self.feed.position(fact, source=source)
        if isinstance(fact, Balance):
            return self.feed.balance(fact, source=source)
        return []

    # -- repairs -----------------------------------------------------------------------------
    def _wants_repair(self) -> bool:
        """A repair is due while subscriptions are in place (a repair while disconnected would
        say ``Resynced`` with pushes still being lost), or once the library gave up."""
        ready = self._open or (self._task is not None and self._task.done())
        return ready and any(self.feed.needs_resync(a) for a in self.feed.accounts)

    def _maybe_repair(self) -> None:
        if self._repair is not None and not self._repair.done():
            return
        now = time.monotonic()
        if self._wants_repair() and now >= self._repair_after:
            self._repair = asyncio.create_task(self._run_repair())
        elif self.audit is not None and self._open and now >= self._audit_after:
            self._repair = asyncio.create_task(self._run_repair(audit=True))

    async def _run_repair(self, *, audit: bool = False) -> None:
        if audit:
            self.audits += 1
        else:
            self.repairs += 1
        for account in self.feed.accounts:
            if audit or self.feed.needs_resync(account):
                await self._repair_account(account, audit=audit)
        self._audit_after = time.monotonic() + (self.audit or 0)
        if any(self.feed.needs_resync(a) for a in self.feed.accounts):
            wait = self._backoff * (0.5 + random.random())  # noqa: S311 - jitter: 50-150 % of the step
            self._repair_after = time.monotonic() + wait
            self._backoff = min(self._backoff * 2, REPAIR_BACKOFF[1])
        else:
            self._backoff = REPAIR_BACKOFF[0]
        self._wake.set()

    async def _repair_account(self, account: str, *, audit: bool = False) -> None:
        session = self._session
        for attempt in range(REPAIR_READS):
            pushes = self._pushes
            since = self.feed.fills_since(account) or self.started
            snapshot = await session.snapshot(account=account, fills_since=since)
            finished = []
            for order_id in self.feed.lookups(snapshot):
                try:
                    finished.append(await session.get_order(order_id, account=account))
                except OrderbridgeError:
                    continue
            if self._pushes != pushes and attempt + 1 < REPAIR_READS:
                continue  # a push overtook the read: read again rather than undo it
            self._emit((self.feed.audit if audit else self.feed.reconcile)(snapshot, finished))
            return


def push_stream(
    session: Any, push: bool | None, hub_url: str | None, audit: float | None, options: dict[str, Any]
) -> AsyncEventStream:
    """The stream ``AsyncSession.events`` returns: pushed where the broker has a hub (and the
    extra is installed) unless ``push`` is ``False``, else polled. A session over a custom
    transport (``httpx.MockTransport``, the in-process sandbox) polls unless ``push=True`` or
    a hub URL was given: the hub would not go through that transport.

    Raises:
        ConfigurationError: ``push=True`` where the broker has no hub or the extra is missing;
            ``hub_url`` where the broker has no hub.
    """
    broker = session.broker
    hub = None if push is False else hub_of(broker)
    if hub is None and (push or hub_url is not None):
        raise ConfigurationError(f"{broker} pushes no order events: its feed polls (push=False)", broker=broker)
    # A session over a test's transport (an in-process sandbox) reaches no real hub.
    custom = not isinstance(session.transport, httpx.AsyncHTTPTransport)
    if hub is not None and push is None and hub_url is None and session.hub_url is None and custom:
        hub = None
    if hub is not None and not push_available():
        if push:
            raise ConfigurationError(
                "push needs the optional dependency: pip install 'orderbridge[websocket]'", broker=broker
            )
        log.info("[%s] pysignalr is not installed: the feed polls", broker)
        hub = None
    if hub is None:
        return AsyncEventStream(session, **options)
    return AsyncPushStream(session, hub, hub_url=hub_url or session.hub_url, audit=audit, **options)


__all__ = ["AsyncPushStream", "hub_of", "push_available", "push_stream"]
