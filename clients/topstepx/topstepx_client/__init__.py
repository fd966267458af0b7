"""Typed Python client for the TopstepX / ProjectX Gateway API (futures): API-key login, accounts,
contracts, orders, positions and trades, generated from an OpenAPI 3.1 spec."""

from .client import AuthenticatedClient, Client

__version__ = "1.1.0"
"""This package's own semantic version (``package_version_override`` in specs/config/)."""

BROKER_API_VERSION = "2025.09"
"""The broker documentation version the spec describes (the spec's ``info.version``)."""

__all__ = (
    "BROKER_API_VERSION",
    "AuthenticatedClient",
    "Client",
    "__version__",
)
