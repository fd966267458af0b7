"""TopstepX (ProjectX Gateway API): its description as data in ``broker.toml`` (read by
:func:`orderbridge.brokers.describe`), its adapter, order rows, events and SignalR hub."""

from ..._models import BrokerDescription
from .. import package_attribute


def __getattr__(attribute: str) -> BrokerDescription:  # DESCRIPTION, read on first use
    return package_attribute(__name__, attribute)
