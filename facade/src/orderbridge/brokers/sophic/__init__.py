"""Sophic Engine API: its description as data in ``broker.toml`` (read by
:func:`orderbridge.brokers.describe`; Sophic deduplicates placement on the ``Idempotency-Key``),
its adapter, order rows, events and webhooks."""

from ..._models import BrokerDescription
from .. import package_attribute


def __getattr__(attribute: str) -> BrokerDescription:  # DESCRIPTION, read on first use
    return package_attribute(__name__, attribute)
