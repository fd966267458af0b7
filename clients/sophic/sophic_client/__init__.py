"""A client library for accessing Sophic Engine API"""

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
