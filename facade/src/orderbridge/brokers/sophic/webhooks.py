"""Sophic-specific helpers that sit outside ``place_order``: signed webhook verification.

Sophic delivers every event to every active webhook, signed (``specs/sophic.yaml``, top-level
``webhooks`` section ``receive_event``; Sophic docs, webhooks):

* headers ``Webhook-Id`` (delivery id), ``Webhook-Timestamp`` (unix seconds) and
  ``Webhook-Signature``: one or more space-separated ``v1,<hex>`` entries (two during a
  48-hour secret rotation; any match is valid);
* ``<hex>`` = hex(HMAC-SHA256(secret, ``"{Webhook-Timestamp}.{Webhook-Id}.{raw body}"``));
* reject timestamps older than 5 minutes; never re-serialize the JSON before verifying.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Mapping

from sophic_client.models import Event

from ..._errors import ConfigurationError, OrderbridgeError

SIGNATURE_VERSION = "v1"
DEFAULT_TOLERANCE = 300
"""Seconds a delivery's timestamp may differ from now (the documented 5 minutes)."""


class WebhookVerificationError(OrderbridgeError):
    """A webhook delivery that must not be trusted: missing headers, bad or stale signature,
    or a body that is not a Sophic ``Event``. ``reason`` is a short machine-readable word
    (``"missing_header"``, ``"stale"``, ``"signature"``, ``"replay"``, ``"body"``)."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message, broker="sophic")
        self.reason = reason


def sign(secret: str, webhook_id: str, timestamp: int | str, raw_body: bytes) -> str:
    """The ``v1,<hex>`` signature Sophic computes for a delivery (useful for tests and fakes)."""
    message = f"{timestamp}.{webhook_id}.".encode() + raw_body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION},{digest}"


class ReplayGuard:
    """Remembers the ``Webhook-Id`` of every delivery verified within the tolerance window, so
    a captured delivery sent again (same id, same valid signature) is refused.

    Thread-safe; memory is bounded by the deliveries of one window (ids older than the window
    are forgotten, since their timestamps can no longer pass verification anyway).
    """

    def __init__(self, tolerance: int = DEFAULT_TOLERANCE, *, max_ids: int = 1_000_000) -> None:
        self.tolerance = tolerance
        self.max_ids = max_ids
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def check_and_remember(self, webhook_id: str, timestamp: float, now: float) -> None:
        """Raise :class:`WebhookVerificationError` (``reason="replay"``) for an id seen
        within the window; otherwise remember it."""
        with self._lock:
            horizon = now - 2 * self.tolerance
            if len(self._seen) >= self.max_ids or next(iter(self._seen.values()), now) < horizon:
                self._seen = {k: t for k, t in self._seen.items() if t >= horizon}
            if webhook_id in self._seen:
                raise WebhookVerificationError("delivery already seen (replay)", reason="replay")
            if len(self._seen) >= self.max_ids:
                raise WebhookVerificationError("too many deliveries within the window", reason="replay")
            self._seen[webhook_id] = float(timestamp)


MAX_TIMESTAMP_DIGITS = 12
"""``Webhook-Timestamp`` is unix seconds: more digits than this is not a timestamp."""


def verify_webhook(
    headers: Mapping[str, str],
    raw_body: bytes,
    secret: str,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: Callable[[], float] = time.time,
    replay_guard: ReplayGuard | None = None,
) -> Event:
    """Verify a Sophic webhook delivery and return its parsed :class:`sophic_client.models.Event`.

    Args:
        headers: the request headers (any mapping; names are matched case-insensitively).
        raw_body: the body bytes exactly as received — not re-serialized JSON.
        secret: the webhook's signing secret (returned once by ``create_webhook``); a non-empty
            ``str`` (an empty secret would accept signatures anyone can compute).
        tolerance: maximum age (and future skew) of ``Webhook-Timestamp``, in seconds.
        now: clock returning unix seconds (injectable for tests).
        replay_guard: a :class:`ReplayGuard` shared across calls to refuse a delivery id seen
            before within the window (``reason="replay"``).

    Raises:
        ConfigurationError: the secret is missing, empty, or not a ``str``.
        WebhookVerificationError: missing headers, no matching ``v1`` signature (compared in
            constant time), a timestamp outside ``tolerance`` (or not a number), a replayed id,
            or a body that is not an Event.
    """
    if not isinstance(secret, str) or not secret:
        raise ConfigurationError(
            "verify_webhook needs the webhook's signing secret as a non-empty str "
            f"(got {'an empty str' if secret == '' else type(secret).__name__})",
            broker="sophic",
        )
    if not isinstance(raw_body, (bytes, bytearray)):
        raise WebhookVerificationError("raw_body must be the body bytes as received", reason="body")
    try:
        lower = {str(k).lower(): v for k, v in headers.items()}
        webhook_id = lower["webhook-id"]
        timestamp_text = lower["webhook-timestamp"]
        signature_header = lower["webhook-signature"]
    except KeyError as missing:
        raise WebhookVerificationError(f"missing header {missing.args[0]}", reason="missing_header") from None
    except (AttributeError, TypeError):
        raise WebhookVerificationError(
            "headers must be a mapping of names to values", reason="missing_header"
        ) from None
    if not all(isinstance(v, str) for v in (webhook_id, timestamp_text, signature_header)):
        raise WebhookVerificationError("webhook headers must be text", reason="missing_header")
    text = timestamp_text.strip()
    if not text.isascii() or not text.isdigit() or len(text) > MAX_TIMESTAMP_DIGITS:
        raise WebhookVerificationError("Webhook-Timestamp is not unix seconds", reason="stale")
    timestamp = int(text)
    current = now()
    if abs(current - timestamp) > tolerance:
        raise WebhookVerificationError(f"timestamp outside the {tolerance} s tolerance", reason="stale")
    try:
        expected = sign(secret, webhook_id, timestamp_text, bytes(raw_body))
    except UnicodeEncodeError:
        raise WebhookVerificationError("Webhook-Id is not text that can be signed", reason="signature") from None
    candidates = [part for part in signature_header.split(" ") if part.startswith(f"{SIGNATURE_VERSION},")]
    # Compare against every candidate so the time taken does not depend on which one matched.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(candidate.encode(), expected.encode())
    if not matched:
        raise WebhookVerificationError("no valid v1 signature", reason="signature")
    try:
        payload = json.loads(raw_body)
        event = Event.from_dict(payload)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise WebhookVerificationError(f"body is not a Sophic Event ({type(exc).__name__})", reason="body") from None
    if replay_guard is not None:
        replay_guard.check_and_remember(webhook_id, timestamp, current)
    return event
