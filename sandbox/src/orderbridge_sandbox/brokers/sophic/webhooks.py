"""Signed webhook delivery for the Sophic fake (``specs/sophic.yaml`` top-level ``webhooks.event``).

Sophic POSTs every event to every active webhook. Each delivery carries:

* ``Content-Type: application/json`` and the Event as the raw body;
* ``Webhook-Id``: the delivery id (``whd_...``), the same on every retry of one delivery;
* ``Webhook-Timestamp``: unix seconds when the attempt was signed (taken from the sandbox clock);
* ``Webhook-Signature``: ``v1,`` + ``hex(HMAC-SHA256(secret, "{timestamp}.{webhook_id}.{raw_body}"))``;
* ``Webhook-Attempt``: 1-based attempt number;
* ``Event-Id``: the event's ``evt_...`` id.

A 2xx answer ends a delivery; any other status or a transport error is retried after
``backoff * factor ** (attempt - 1)`` seconds (waited with the injectable ``sleep``), up to
``max_attempts`` attempts (default 10, as documented), then the delivery is given up.

Delivery is opt-in and deterministic: pass ``Sandbox(webhooks=WebhookDelivery(...))``. Events a
request emits are delivered synchronously at the end of that request, before its response is
returned, so when a client call returns every delivery it caused has finished (see
:attr:`WebhookDelivery.attempts`). Without a ``WebhookDelivery`` the sandbox only records
events (``GET /events``) and never opens a connection.

Registered URLs must be ``https://`` with a host name (the spec refuses IP addresses), so a
local receiver cannot be registered directly. ``target`` redirects deliveries instead: a string
sends every delivery to that URL (e.g. ``http://127.0.0.1:8123/hook``); a callable maps the
registered URL to the URL actually posted to. ``transport`` posts in-process (an
``httpx.MockTransport`` handler) without any socket.

The signature is computed here with :mod:`hmac`; the sandbox does not import ``orderbridge``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import httpx

from ...clock import Clock
from ...ids import Ids

SIGNATURE_VERSION = "v1"
DEFAULT_MAX_ATTEMPTS = 10


def signature(secret: str, webhook_id: str, timestamp: int | str, raw_body: bytes) -> str:
    """The ``v1,<hex>`` signature of one delivery attempt."""
    message = f"{timestamp}.{webhook_id}.".encode() + raw_body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION},{digest}"


def encode_event(event: Mapping[str, Any]) -> bytes:
    """The raw JSON body sent for ``event`` (compact, key order preserved)."""
    return json.dumps(event, separators=(",", ":")).encode()


@dataclasses.dataclass(frozen=True)
class DeliveryAttempt:
    """One POST of an event to a webhook, kept in :attr:`WebhookDelivery.attempts`.

    Attributes:
        delivery_id: ``whd_...`` (``Webhook-Id``), shared by the retries of one delivery.
        webhook_id: the registered webhook (``wh_...``).
        event_id: the event (``evt_...``, ``Event-Id``).
        event_name: e.g. ``order.placed``.
        url: the URL actually posted to (after ``target``).
        attempt: 1-based attempt number (``Webhook-Attempt``).
        status: HTTP status answered, or None on a transport error.
        error: the transport error text, or None.
    """

    delivery_id: str
    webhook_id: str
    event_id: str
    event_name: str
    url: str
    attempt: int
    status: int | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the receiver acknowledged with a 2xx."""
        return self.status is not None and 200 <= self.status < 300


class WebhookDelivery:
    """Posts Sophic events to webhooks with signed headers and bounded retries.

    Args:
        transport: httpx transport (e.g. ``httpx.MockTransport(handler)``) for in-process
            receivers; default a real HTTP transport.
        target: redirect deliveries (module docstring): a URL for all of them, or a callable
            ``registered_url -> url``; default post to the registered URL.
        max_attempts: attempts per delivery (at least 1; default 10).
        backoff: wait before the second attempt, in seconds; doubled (``factor``) each retry.
        factor: backoff multiplier.
        sleep: how retry waits happen (default ``time.sleep``; tests pass ``list.append``).
        timeout: per-attempt HTTP timeout in seconds.
    """

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        target: str | Callable[[str], str] | None = None,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        backoff: float = 1.0,
        factor: float = 2.0,
        sleep: Callable[[float], Any] = time.sleep,
        timeout: float = 15.0,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.transport = transport
        self.target = target
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.factor = factor
        self.timeout = timeout
        self._sleep = sleep
        self.attempts: list[DeliveryAttempt] = []

    def url_for(self, registered: str) -> str:
        """The URL a delivery to the webhook registered as ``registered`` is posted to."""
        if self.target is None:
            return registered
        if isinstance(self.target, str):
            return self.target
        return self.target(registered)

    def deliver(
        self,
        event: Mapping[str, Any],
        webhooks: Iterable[Mapping[str, Any]],
        *,
        clock: Clock,
        ids: Ids,
    ) -> list[DeliveryAttempt]:
        """POST ``event`` to every active webhook in ``webhooks`` (each with ``id``, ``url``,
        ``secret``, ``is_active``); return the attempts made (also appended to :attr:`attempts`)."""
        made: list[DeliveryAttempt] = []
        active = [w for w in webhooks if w.get("is_active")]
        if not active:
            return made
        raw = encode_event(event)
        with httpx.Client(transport=self.transport, timeout=self.timeout) as client:
            for webhook in active:
                made.extend(self._deliver_one(client, event, raw, webhook, clock, ids))
        return made

    def _deliver_one(
        self,
        client: httpx.Client,
        event: Mapping[str, Any],
        raw: bytes,
        webhook: Mapping[str, Any],
        clock: Clock,
        ids: Ids,
    ) -> list[DeliveryAttempt]:
        """Attempt one delivery until a 2xx or ``max_attempts``; waits between attempts."""
        delivery_id = ids.prefixed("whd", "sophic:webhook-delivery")
        url = self.url_for(str(webhook["url"]))
        made: list[DeliveryAttempt] = []
        for attempt in range(1, self.max_attempts + 1):
            timestamp = int(clock.now().timestamp())
            headers = {
                "Content-Type": "application/json",
                "Webhook-Id": delivery_id,
                "Webhook-Timestamp": str(timestamp),
                "Webhook-Signature": signature(str(webhook["secret"]), delivery_id, timestamp, raw),
                "Webhook-Attempt": str(attempt),
                "Event-Id": str(event["id"]),
            }
            status: int | None = None
            error: str | None = None
            try:
                status = client.post(url, content=raw, headers=headers).status_code
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            record = DeliveryAttempt(
                delivery_id, str(webhook["id"]), str(event["id"]), str(event["name"]), url, attempt, status, error
            )
            made.append(record)
            self.attempts.append(record)
            if record.ok:
                break
            if attempt < self.max_attempts:
                self._sleep(self.backoff * self.factor ** (attempt - 1))
        return made
