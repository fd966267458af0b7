"""Sophic signed-webhook verification (specs/sophic.yaml `webhooks.event`; Sophic Engine docs, "Webhooks")."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable

import pytest
from sophic_client.models import Event

from orderbridge.sophic import WebhookVerificationError, sign, verify_webhook

SECRET = "whsec_test_secret"
OLD_SECRET = "whsec_previous_secret"
NOW = 1_767_225_600  # 2026-01-01T00:00:00Z
BODY = json.dumps(
    {
        "id": "evt_123",
        "name": "order.filled",
        "resource": {"id": "ord_m4k7r9s2", "resource_type": "order"},
        "data": {},
        "created_at": "2026-01-01T00:00:00Z",
    },
    separators=(",", ":"),
).encode()


def headers(signature: str, *, timestamp: int = NOW, webhook_id: str = "whd_abc") -> dict[str, str]:
    return {"Webhook-Id": webhook_id, "Webhook-Timestamp": str(timestamp), "Webhook-Signature": signature}


def clock() -> float:
    return float(NOW)


def test_sign_matches_the_documented_construction() -> None:
    # hex(HMAC-SHA256(secret, "{timestamp}.{webhook id}.{raw body}")) prefixed with "v1,"
    expected = hmac.new(SECRET.encode(), f"{NOW}.whd_abc.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, "whd_abc", NOW, BODY) == f"v1,{expected}"


def test_valid_delivery_returns_a_typed_event() -> None:
    event = verify_webhook(headers(sign(SECRET, "whd_abc", NOW, BODY)), BODY, SECRET, now=clock)
    assert isinstance(event, Event)
    assert event.id == "evt_123" and str(event.name) == "order.filled"
    assert event.resource.id == "ord_m4k7r9s2"


def test_header_names_are_case_insensitive() -> None:
    lowered = {k.lower(): v for k, v in headers(sign(SECRET, "whd_abc", NOW, BODY)).items()}
    assert verify_webhook(lowered, BODY, SECRET, now=clock).id == "evt_123"


def test_rotation_accepts_either_of_two_signatures() -> None:
    both = f"{sign(OLD_SECRET, 'whd_abc', NOW, BODY)} {sign(SECRET, 'whd_abc', NOW, BODY)}"
    assert verify_webhook(headers(both), BODY, SECRET, now=clock).id == "evt_123"
    assert verify_webhook(headers(both), BODY, OLD_SECRET, now=clock).id == "evt_123"


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda h, b: (h, b.replace(b"order.filled", b"order.placed")), "signature"),  # tampered body
        (lambda h, b: ({**h, "Webhook-Id": "whd_other"}, b), "signature"),  # id not the signed one
        (lambda h, b: ({**h, "Webhook-Signature": h["Webhook-Signature"].replace("v1,", "v2,")}, b), "signature"),
        (lambda h, b: ({k: v for k, v in h.items() if k != "Webhook-Signature"}, b), "missing_header"),
        (lambda h, b: ({**h, "Webhook-Timestamp": "yesterday"}, b), "stale"),
    ],
    ids=["tampered-body", "wrong-webhook-id", "unknown-version", "missing-signature", "bad-timestamp"],
)
def test_untrustworthy_deliveries_are_rejected(
    mutate: Callable[[dict[str, str], bytes], tuple[dict[str, str], bytes]], reason: str
) -> None:
    h, b = mutate(headers(sign(SECRET, "whd_abc", NOW, BODY)), BODY)
    with pytest.raises(WebhookVerificationError) as info:
        verify_webhook(h, b, SECRET, now=clock)
    assert info.value.reason == reason


def test_wrong_secret_is_rejected() -> None:
    with pytest.raises(WebhookVerificationError, match="no valid v1 signature"):
        verify_webhook(headers(sign("whsec_attacker", "whd_abc", NOW, BODY)), BODY, SECRET, now=clock)


@pytest.mark.parametrize("skew", [-301, 301, 10_000])
def test_stale_or_future_timestamps_are_rejected(skew: int) -> None:
    ts = NOW + skew
    with pytest.raises(WebhookVerificationError) as info:
        verify_webhook(headers(sign(SECRET, "whd_abc", ts, BODY), timestamp=ts), BODY, SECRET, now=clock)
    assert info.value.reason == "stale"


def test_timestamp_within_tolerance_is_accepted() -> None:
    ts = NOW - 299
    assert verify_webhook(headers(sign(SECRET, "whd_abc", ts, BODY), timestamp=ts), BODY, SECRET, now=clock)


def test_reserialized_json_does_not_verify() -> None:
    pretty = json.dumps(json.loads(BODY), indent=2).encode()
    with pytest.raises(WebhookVerificationError):
        verify_webhook(headers(sign(SECRET, "whd_abc", NOW, BODY)), pretty, SECRET, now=clock)


def test_signed_body_that_is_not_an_event_is_rejected() -> None:
    body = b'{"hello": "world"}'
    with pytest.raises(WebhookVerificationError) as info:
        verify_webhook(headers(sign(SECRET, "whd_abc", NOW, body)), body, SECRET, now=clock)
    assert info.value.reason == "body"
