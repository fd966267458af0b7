"""Typed Python client for the Sophic Engine API: client-credentials login, instruments, cash-amount
buys and unit sells, holdings, trades and webhooks, generated from an OpenAPI 3.1 spec."""

from .client import AuthenticatedClient, Client

__version__ = "2.1.0"
"""This package's own semantic version (``package_version_override`` in specs/config/)."""

BROKER_API_VERSION = "0.1.0"
"""The broker documentation version the spec describes (the spec's ``info.version``)."""

__all__ = (
    "BROKER_API_VERSION",
    "AuthenticatedClient",
    "Client",
    "__version__",
)
