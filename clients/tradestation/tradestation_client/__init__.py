"""Typed Python client for TradeStation WebAPI v2: OAuth2 tokens, accounts, balances, positions, and
order placement, confirmation and cancellation, generated from an OpenAPI 3.1 spec."""

from .client import AuthenticatedClient, Client

__version__ = "2.1.0"
"""This package's own semantic version (``package_version_override`` in specs/config/)."""

BROKER_API_VERSION = "v2-20160101"
"""The broker documentation version the spec describes (the spec's ``info.version``)."""

__all__ = (
    "BROKER_API_VERSION",
    "AuthenticatedClient",
    "Client",
    "__version__",
)
