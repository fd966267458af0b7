"""Sophic-specific helpers that sit outside ``place_order``: signed webhook verification.

Sophic delivers every event to every active webhook, signed (``specs/sophic.yaml``, top-level
``webhooks`` section ``receive_event``; research §2.11):

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
import time
from collections.abc import Callable, Mapping

from sophic_client.models import Event

from ._errors import OrderbridgeError

SIGNATURE_VERSION = "v1"
DEFAULT_TOLERANCE = 300
"""Seconds a delivery's timestamp may differ from now (the documented 5 minutes)."""


class WebhookVerificationError(OrderbridgeError):
    """A webhook delivery that must not be trusted: missing headers, bad or stale signature,
    or a body that is not a Sophic ``Event``. ``reason`` is a short machine-readable word
    (``"missing_header"``, ``"stale"``, ``"signature"``, ``"body"``)."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message, broker="sophic")
        self.reason = reason


def sign(secret: str, webhook_id: str, timestamp: int | str, raw_body: bytes) -> str:
    """The ``v1,<hex>`` signature Sophic computes for a delivery (useful for tests and fakes)."""
    message = f"{timestamp}.{webhook_id}.".encode() + raw_body
    digest = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION},{digest}"


def verify_webhook(
    headers: Mapping[str, str],
    raw_body: bytes,
    secret: str,
    *,
    tolerance: int = DEFAULT_TOLERANCE,
    now: Callable[[], float] = time.time,
) -> Event:
    """Verify a Sophic webhook delivery and return its parsed :class:`sophic_client.models.Event`.

    Args:
        headers: the request headers (any mapping; names are matched case-insensitively).
        raw_body: the body bytes exactly as received — not re-serialized JSON.
        secret: the webhook's signing secret (returned once by ``create_webhook``).
        tolerance: maximum age (and future skew) of ``Webhook-Timestamp``, in seconds.
        now: clock returning unix seconds (injectable for tests).

    Raises:
        WebhookVerificationError: missing headers, no matching ``v1`` signature (compared in
            constant time), a timestamp outside ``tolerance``, or a body that is not an Event.
    """
    lower = {k.lower(): v for k, v in headers.items()}
    try:
        webhook_id = lower["webhook-id"]
        timestamp_text = lower["webhook-timestamp"]
        signature_header = lower["webhook-signature"]
    except KeyError as missing:
        raise WebhookVerificationError(f"missing header {missing.args[0]}", reason="missing_header") from None
    try:
        timestamp = int(timestamp_text)
    except ValueError:
        raise WebhookVerificationError("Webhook-Timestamp is not unix seconds", reason="stale") from None
    if abs(now() - timestamp) > tolerance:
        raise WebhookVerificationError(f"timestamp outside the {tolerance} s tolerance", reason="stale")
    expected = sign(secret, webhook_id, timestamp_text, raw_body)
    candidates = [part for part in signature_header.split(" ") if part.startswith(f"{SIGNATURE_VERSION},")]
    # Compare against every candidate so the time taken does not depend on which one matched.
    matched = False
    for candidate in candidates:
        matched |= hmac.compare_digest(candidate.encode(), expected.encode())
    if not matched:
        raise WebhookVerificationError("no valid v1 signature", reason="signature")
    try:
        payload = json.loads(raw_body)
        return Event.from_dict(payload)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise WebhookVerificationError(f"body is not a Sophic Event ({type(exc).__name__})", reason="body") from None
