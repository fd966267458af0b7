"""The broker registry: one line per broker, each a package under ``orderbridge/brokers/``.

A broker package holds everything that broker is: its description in ``__init__.py``
(capabilities, per-operation support, production URL, credential names, order-id rule, config
rules; data only, no generated client), its adapter in ``adapter.py`` (one class: place, get,
cancel, resolve and the rest of an order's life; imported on first use, so ``import orderbridge``
stays light) and its extras (Sophic ``webhooks``, CrossTrade ``websocket``). Adding a broker is
one folder and one line below. The core (session drivers, attempt policy, transport, errors,
models) reads brokers only through :func:`describe`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .._errors import ConfigurationError
from .._models import BrokerDescription, Capabilities
from . import crosstrade, sophic, topstepx, tradestation

DESCRIPTIONS: Mapping[str, BrokerDescription] = {
    d.name: d
    for d in (
        topstepx.DESCRIPTION,
        crosstrade.DESCRIPTION,
        tradestation.DESCRIPTION,
        sophic.DESCRIPTION,
    )
}
"""Every broker's :class:`~orderbridge._models.BrokerDescription`, in documentation order."""

BROKERS: tuple[str, ...] = tuple(DESCRIPTIONS)
"""The broker names, in documentation order."""


def describe(broker: str) -> BrokerDescription:
    """The :class:`~orderbridge._models.BrokerDescription` of ``broker``.

    Raises:
        ConfigurationError: for an unknown broker name.
    """
    try:
        return DESCRIPTIONS[broker]
    except (KeyError, TypeError):
        raise ConfigurationError(f"unknown broker {broker!r}; expected one of {', '.join(BROKERS)}") from None


def capabilities(broker: str) -> Capabilities:
    """The :class:`~orderbridge.Capabilities` of ``broker`` (``"topstepx"``, ``"crosstrade"``,
    ``"tradestation"``, ``"sophic"``).

    Raises:
        ConfigurationError: for an unknown broker name.
    """
    return describe(broker).capabilities


def all_capabilities() -> dict[str, Capabilities]:
    """Capabilities of every broker, keyed by name."""
    return {name: d.capabilities for name, d in DESCRIPTIONS.items()}
