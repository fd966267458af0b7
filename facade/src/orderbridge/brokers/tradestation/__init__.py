"""TradeStation WebAPI v2: its description as data in ``broker.toml`` (read by
:func:`orderbridge.brokers.describe`, with the ``APIVersion`` values a session may choose), its
adapter, order rows, events and order groups."""

from ..._models import BrokerDescription
from .. import package_attribute


def __getattr__(attribute: str) -> BrokerDescription:  # DESCRIPTION, read on first use
    return package_attribute(__name__, attribute)
