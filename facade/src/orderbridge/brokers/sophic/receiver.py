"""Sophic's signed webhooks as live events: :class:`WebhookReceiver`.

Sophic POSTs every event to every active webhook, signed, and retries a delivery until it is
acknowledged (``specs/sophic.yaml``, top-level ``webhooks`` section; Sophic Engine docs,
"Webhooks"). An event carries no state: it names the resource that changed (``data`` is
empty; Sophic docs, ``/docs/webhooks/events``), so the receiver reads the accounts it covers
and folds what changed into the same :class:`~orderbridge._feed.Feed` the polling feed uses
(its guarantees hold: a fill once per ``fill_id``, orders never backwards, gaps explicit).

* A delivery is verified with :func:`~orderbridge.sophic.verify_webhook`; one that cannot be
  verified is a :class:`~orderbridge.Gap` (it may have been a real event), answered 400.
* A delivery already heard (same ``Webhook-Id``: the vendor's retry) or an event already read
  (same event id, e.g. caught up from ``GET /events``) yields nothing and is acknowledged.
* On :meth:`WebhookReceiver.start` and after every :class:`~orderbridge.Gap`, the receiver
  catches up: ``GET /events`` (operation ``list_events``, ``created[gte]`` the newest event it
  heard; events of that same instant come again and are dropped by id) names the orders that
  changed meanwhile, their final state is read, the accounts are read again, the differences
  are emitted (source ``resync``), then :class:`~orderbridge.Resynced`.

Each verified delivery costs one account read (open orders, positions, balances, fills) per
account covered, plus one order read per order that ended unseen.
"""

from __future__ import annotations

import asyncio
import collections
import datetime as dt
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from typing import Any

import attrs
from sophic_client.api.events import list_events

from ..._errors import ConfigurationError, OrderbridgeError
from ..._events import KINDS, Event, Source
from ..._feed import Feed
from ..._wire import Call, Flow, Retry, plain
from .adapter import API_VERSION
from .webhooks import DEFAULT_TOLERANCE, WebhookVerificationError, verify_webhook

MAX_REMEMBERED = 100_000
"""Delivery and event ids remembered for deduplication (the oldest are forgotten first)."""
MAX_BODY = 1_000_000
"""Largest delivery body the ASGI app reads, in bytes (a Sophic event is a few hundred)."""

ASGIApp = Callable[
    [MutableMapping[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]
]
"""A raw ASGI 3 application: ``await app(scope, receive, send)``."""


@attrs.frozen
class Notice:
    """One row of ``GET /events``: which resource changed, and when (``created_at``, UTC)."""

    event_id: str
    name: str
    resource_id: str
    resource_type: str
    created_at: dt.datetime


def read_events(adapter: Any, since: dt.datetime | None) -> Flow[list[Notice]]:
    """``GET /events?created[gte]=since`` (operation ``list_events``), oldest first. At or
    after, not strictly after: timestamps are coarse, and an event of the same instant as the
    last one heard must not be skipped (the receiver drops repeats by event id)."""
    what = "events"
    kwargs: dict[str, Any] = {"api_version": API_VERSION}
    if since is not None:
        kwargs["createdgte"] = since
    sent = yield Call(list_events, kwargs, money_moving=False, retry=Retry.READ, name=what)
    if sent.status != 200 or not isinstance(sent.parsed, list):
        raise adapter._failure(sent, what, None, money_moving=False)
    return [
        Notice(
            event_id=row.id,
            name=str(plain(row.name)),
            resource_id=row.resource.id,
            resource_type=str(plain(row.resource.resource_type)),
            created_at=row.created_at,
        )
        for row in sent.parsed
    ]


class WebhookReceiver:
    """Sophic webhook deliveries in, feed events out.

    Call it as a plain function, ``receiver(headers, body) -> list[Event]``, from any web
    framework, or mount :meth:`asgi` (a raw ASGI app, no framework needed). Thread-safe: one
    delivery is handled at a time.

    Args:
        session: a :class:`~orderbridge.Session` connected to Sophic (the reads go through
            it, inside its rate limit).
        secret: the webhook's signing secret (returned once by ``create_webhook``).
        accounts: the Sophic account ids to cover (``acc_...``).
        kinds: the ordinary events wanted, as :meth:`~orderbridge.Session.events`.
        since: catch up from events (and fills) after this moment; default: now. Earlier
            history is not replayed; the first read gives the accounts' current picture.
        tolerance: seconds a delivery's ``Webhook-Timestamp`` may be off (documented: 5 min).
        now: unix-seconds clock for the signature check; wall: the clock of ``received_at``.

    Attributes:
        feed: the :class:`~orderbridge._feed.Feed` (its counts of duplicates and stale reports).
        duplicates: deliveries or events heard again and not delivered.
        refused: deliveries that could not be verified.

    Raises:
        ConfigurationError: ``session`` is not a Sophic session, an empty ``secret``, bad
            ``accounts`` or ``kinds``.
    """

    def __init__(
        self,
        session: Any,
        *,
        secret: str,
        accounts: Iterable[str] | str,
        kinds: Iterable[str] = KINDS,
        since: dt.datetime | None = None,
        tolerance: int = DEFAULT_TOLERANCE,
        now: Callable[[], float] = time.time,
        wall: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
    ) -> None:
        if getattr(session, "broker", None) != "sophic":
            raise ConfigurationError("WebhookReceiver needs a Session connected to sophic", broker="sophic")
        if not isinstance(secret, str) or not secret:
            raise ConfigurationError("WebhookReceiver needs the webhook's signing secret", broker="sophic")
        self.feed = Feed("sophic", accounts, kinds=kinds, watchdog=None, wall=wall)
        self.duplicates = 0
        self.refused = 0
        self._session = session
        self._secret = secret
        self._tolerance = tolerance
        self._now = now
        self._wall = wall
        self.started = wall()
        self._since = self.started if since is None else since
        self._seen: collections.OrderedDict[str, None] = collections.OrderedDict()
        self._lock = threading.Lock()

    # -- the plain function --------------------------------------------------------------------
    def start(self) -> list[Event]:
        """Catch up (``GET /events``, then a read of every account): the accounts' current
        picture (source ``resync``), then a :class:`~orderbridge.Resynced` per account."""
        with self._lock:
            return self._catch_up()

    def __call__(self, headers: Mapping[str, str], body: bytes) -> list[Event]:
        """Handle one delivery (headers as received, body bytes exactly as received): the
        events it produced, possibly none (a retry, an event already read). Never raises for
        a bad delivery: it is a :class:`~orderbridge.Gap`, followed by a catch-up."""
        return self.receive(headers, body)[1]

    def receive(self, headers: Mapping[str, str], body: bytes) -> tuple[bool, list[Event]]:
        """As calling the receiver, with whether the delivery was verified (answer 2xx when
        ``True``; a web framework answers 400 otherwise)."""
        with self._lock:
            try:
                event = verify_webhook(headers, body, self._secret, tolerance=self._tolerance, now=self._now)
            except WebhookVerificationError as error:
                self.refused += 1
                gap = self.feed.gap(f"a webhook delivery could not be verified ({error.reason})")
                return False, gap + self._catch_up()
            delivery = next(str(v) for k, v in headers.items() if str(k).lower() == "webhook-id")
            if delivery in self._seen or event.id in self._seen:
                self.duplicates += 1
                return True, []
            self._remember(delivery, event.id)
            self._since = max(self._since, event.created_at)
            if any(self.feed.needs_resync(a) for a in self.feed.accounts):
                return True, self._catch_up()
            events: list[Event] = []
            for account in self.feed.accounts:
                events += self._read(account, (), Source.PUSH)
            return True, events

    # -- the ASGI app --------------------------------------------------------------------------
    def asgi(self, on_events: Callable[[list[Event]], object]) -> ASGIApp:
        """A raw ASGI 3 app receiving deliveries by ``POST`` (any path): 204 once handled,
        400 when the delivery could not be verified, 405 for another method, 413 for a body
        over :data:`MAX_BODY` bytes. ``on_events`` gets each delivery's events (called on the
        event loop; the reads themselves run in a worker thread)."""

        async def app(
            scope: MutableMapping[str, Any],
            receive: Callable[[], Awaitable[Any]],
            send: Callable[[Any], Awaitable[None]],
        ) -> None:
            if scope["type"] == "lifespan":
                while True:
                    message = await receive()
                    if message["type"] == "lifespan.startup":
                        await send({"type": "lifespan.startup.complete"})
                    elif message["type"] == "lifespan.shutdown":
                        await send({"type": "lifespan.shutdown.complete"})
                        return
            if scope["type"] != "http":
                return
            status = 204
            if scope["method"] != "POST":
                status = 405
            else:
                body = b""
                more = True
                while more:
                    message = await receive()
                    body += message.get("body", b"")
                    more = message.get("more_body", False)
                    if len(body) > MAX_BODY:
                        status, more = 413, False
                if status == 204:
                    headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
                    verified, events = await asyncio.to_thread(self.receive, headers, body)
                    status = 204 if verified else 400
                    on_events(events)
            await send({"type": "http.response.start", "status": status, "headers": []})
            await send({"type": "http.response.body", "body": b""})

        return app

    # -- reads ---------------------------------------------------------------------------------
    def _remember(self, *ids: str) -> None:
        for one in ids:
            self._seen[one] = None
        while len(self._seen) > MAX_REMEMBERED:
            self._seen.popitem(last=False)

    def _catch_up(self) -> list[Event]:
        """``GET /events`` since the newest event heard, then a repair of every account that
        needs one (the final state of the orders the events name included)."""
        try:
            notices = self._session._drive(read_events(self._session.adapter, self._since))
        except OrderbridgeError as error:
            return self.feed.gap(f"GET /events failed ({type(error).__name__}); the next delivery tries again")
        orders = [n.resource_id for n in notices if n.resource_type == "order"]
        for notice in notices:
            self._remember(notice.event_id)
            self._since = max(self._since, notice.created_at)
        events: list[Event] = []
        for account in self.feed.accounts:
            if self.feed.needs_resync(account):
                events += self._read(account, orders, Source.RESYNC)
        return events

    def _read(self, account: str, named: Iterable[str], source: Source) -> list[Event]:
        session = self._session
        try:
            since = self.feed.fills_since(account) or self.started
            snapshot = session.snapshot(account=account, fills_since=since)
        except OrderbridgeError as error:
            return self.feed.gap(f"an account read failed ({type(error).__name__})", accounts=(account,))
        open_ids = {o.order_id for o in snapshot.open_orders}
        known = self.feed.known_orders(account)
        wanted = self.feed.lookups(snapshot)
        for order_id in named:  # orders the events name that ended while no one listened
            held = known.get(order_id)
            if order_id not in open_ids and order_id not in wanted and (held is None or not held.status.is_terminal):
                wanted.append(order_id)
        finished = []
        for order_id in dict.fromkeys(wanted):
            try:
                finished.append(session.get_order(order_id, account=account))
            except OrderbridgeError:
                continue  # not this account's, or unreadable: the feed's doubts keep the gap open
        return self.feed.reconcile(snapshot, finished, source=source)


__all__ = ["ASGIApp", "MAX_BODY", "MAX_REMEMBERED", "Notice", "WebhookReceiver", "read_events"]
