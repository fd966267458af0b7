"""Sophic webhooks, at their public address ``orderbridge.sophic``: verification and the
receiver that turns deliveries into live events (:class:`WebhookReceiver`).

The code lives with the rest of Sophic in :mod:`orderbridge.brokers.sophic.webhooks`; this
module re-exports its public names so ``from orderbridge.sophic import verify_webhook`` keeps
working.
"""

from __future__ import annotations

from .brokers.sophic.receiver import WebhookReceiver
from .brokers.sophic.webhooks import (
    DEFAULT_TOLERANCE,
    SIGNATURE_VERSION,
    ReplayGuard,
    WebhookVerificationError,
    sign,
    verify_webhook,
)

__all__ = [
    "DEFAULT_TOLERANCE",
    "SIGNATURE_VERSION",
    "ReplayGuard",
    "WebhookReceiver",
    "WebhookVerificationError",
    "sign",
    "verify_webhook",
]
