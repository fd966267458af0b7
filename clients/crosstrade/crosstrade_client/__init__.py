"""Typed Python client for the CrossTrade REST API, the bridge to NinjaTrader 8: accounts, orders
(place, change, cancel, flatten), positions and executions, generated from an OpenAPI 3.1 spec."""

from .client import AuthenticatedClient, Client

__version__ = "1.2.0"
"""This package's own semantic version (``package_version_override`` in specs/config/)."""

BROKER_API_VERSION = "1.0.0"
"""The broker documentation version the spec describes (the spec's ``info.version``)."""

__all__ = (
    "BROKER_API_VERSION",
    "AuthenticatedClient",
    "Client",
    "__version__",
)
