"""Configuration from arguments or the environment: base URLs, credentials, timeouts.

Environment variables (arguments win over them):

=============================================  =================================================
``ORDERBRIDGE_<BROKER>_BASE_URL``              base URL; default the broker's production host
``ORDERBRIDGE_TOPSTEPX_USERNAME`` / ``_API_KEY``  TopstepX ``Auth/loginKey`` credentials
``ORDERBRIDGE_CROSSTRADE_TOKEN``               CrossTrade secret key (Bearer)
``ORDERBRIDGE_TRADESTATION_ACCESS_TOKEN``      a ready TradeStation access token, or
``ORDERBRIDGE_TRADESTATION_CLIENT_ID`` /
``_CLIENT_SECRET`` / ``_REFRESH_TOKEN``        the refresh-token grant (20-minute access tokens)
``ORDERBRIDGE_TRADESTATION_API_VERSION``       ``20160101`` (default) or ``20150101`` (the "Place Order" page shape)
``ORDERBRIDGE_SOPHIC_CLIENT_ID`` / ``_CLIENT_SECRET``  Sophic client-credentials grant
=============================================  =================================================

Secrets are held in :class:`Secret`, whose ``repr``/``str`` never show the value.
A plain ``http://`` base URL is accepted only for loopback hosts (the sandbox, tests).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from typing import TypedDict, Unpack
from urllib.parse import urlsplit

import attrs
import httpx

from ._errors import ConfigurationError
from ._models import BrokerDescription, Secret, Settings

DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024
"""Default cap on a decoded response body (8 MiB: far above any documented answer)."""


def check_base_url(url: object, broker: str) -> str:
    """Validate a base URL: ``https``, or ``http`` only to a loopback host; no userinfo,
    query, fragment or control characters; a port, when given, is a number.

    Raises:
        ConfigurationError: for anything else (the message never repeats userinfo).
    """
    if not isinstance(url, str):
        raise ConfigurationError(f"base URL must be a string, got {type(url).__name__}", broker=broker)
    if any(ord(c) < 33 or ord(c) == 127 for c in url) or not url.isascii():
        raise ConfigurationError("base URL contains a space, control or non-ASCII character", broker=broker)
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise ConfigurationError("base URL is malformed (host or port)", broker=broker) from None
    if "@" in parts.netloc:
        raise ConfigurationError(
            "base URL must not carry user:password@; pass credentials through credentials= or the environment",
            broker=broker,
        )
    if parts.scheme not in ("http", "https") or not host:
        raise ConfigurationError(f"base URL must be http(s)://host[/prefix], got {url!r}", broker=broker)
    try:
        httpx.URL(url)
    except httpx.InvalidURL:
        raise ConfigurationError("base URL is malformed", broker=broker) from None
    if parts.query or parts.fragment:
        raise ConfigurationError("base URL must not carry a query or fragment", broker=broker)
    if parts.scheme == "http" and not is_loopback(host):
        raise ConfigurationError(
            f"plain http is accepted only for loopback hosts (127.0.0.1, ::1, localhost), not {host!r}; use https",
            broker=broker,
        )
    return url.rstrip("/")


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback IP address (127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Given(TypedDict, total=False):
    """The settings a caller gives :func:`resolve_settings` (``connect``'s arguments of the same
    names); one left out, or ``None``, comes from the environment, else the default."""

    credentials: Mapping[str, str] | None
    base_url: str | None
    timeout: float
    """Default 10 s."""
    deadline: float | None
    max_response_bytes: int | None
    api_version: str | None


def resolve_settings(
    description: BrokerDescription, *, environ: Mapping[str, str] | None = None, **given: Unpack[Given]
) -> Settings:
    """Merge the ``given`` arguments and ``ORDERBRIDGE_*`` environment variables (``environ``,
    default ``os.environ``) into :class:`Settings` for the broker ``description`` describes
    (``orderbridge.brokers.describe(name)``).

    Raises:
        ConfigurationError: unknown credential name, bad base URL, bad timeout or API version.
    """
    broker = description.name
    env = os.environ if environ is None else environ
    prefix = f"ORDERBRIDGE_{broker.upper()}_"
    known = description.credentials
    credentials = dict(given.get("credentials") or {})
    timeout = given.get("timeout", 10.0)
    api_version = given.get("api_version")
    unknown = sorted(set(credentials) - set(known))
    if unknown:
        raise ConfigurationError(
            f"unknown credential(s) {', '.join(unknown)}; {broker} takes {', '.join(known)}", broker=broker
        )
    secrets: dict[str, Secret] = {}
    for name in known:
        value = credentials.get(name)
        if value is None:
            value = env.get(prefix + name.upper())
        if value:
            secrets[name] = Secret(check_credential(value, name, prefix + name.upper(), broker))
    url = check_base_url(given.get("base_url") or env.get(prefix + "BASE_URL") or description.production_url, broker)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 600:
        raise ConfigurationError(f"timeout must be a number of seconds in (0, 600], got {timeout!r}", broker=broker)
    deadline = given.get("deadline")
    deadline = _number("deadline", max(30.0, 3 * float(timeout)) if deadline is None else deadline, 3600, broker)
    max_response_bytes = given.get("max_response_bytes")
    if max_response_bytes is None:
        max_response_bytes = DEFAULT_MAX_RESPONSE_BYTES
    if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int) or max_response_bytes < 1024:
        raise ConfigurationError(
            f"max_response_bytes must be an integer >= 1024, got {max_response_bytes!r}", broker=broker
        )
    version = None
    versions = description.api_versions  # the broker's config rule, from its description
    if versions:
        version = api_version or env.get(prefix + "API_VERSION") or versions[0]
        if version not in versions:
            raise ConfigurationError(
                f"{broker} API version must be one of {', '.join(versions)}, got {version!r}", broker=broker
            )
    elif api_version is not None:
        raise ConfigurationError(f"api_version does not apply to {broker}", broker=broker)
    return Settings(
        broker=broker,
        base_url=url,
        credentials=secrets,
        timeout=float(timeout),
        deadline=deadline,
        max_response_bytes=max_response_bytes,
        api_version=version,
    )


def with_times(settings: Settings, *, timeout: float | None = None, deadline: float | None = None) -> Settings:
    """``settings`` with another per-request ``timeout`` and / or total ``deadline`` (``None``:
    unchanged), checked like :func:`resolve_settings` checks them.

    Raises:
        ConfigurationError: a value that is not a number of seconds in range; nothing changes.
    """
    broker = settings.broker
    return attrs.evolve(
        settings,
        timeout=settings.timeout if timeout is None else _number("timeout", timeout, 600, broker),
        deadline=settings.deadline if deadline is None else _number("deadline", deadline, 3600, broker),
    )


def _number(name: str, value: object, limit: float, broker: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= limit:
        raise ConfigurationError(f"{name} must be a number of seconds in (0, {limit:g}], got {value!r}", broker=broker)
    return float(value)


def check_credential(value: object, name: str, variable: str, broker: str) -> str:
    """Refuse a credential that cannot travel as an HTTP header value (RFC 9110 field-value:
    visible ASCII, inner spaces allowed), before anything is sent.

    The usual culprit is a token read from a file with its trailing newline. The message names
    the credential and its environment variable, never the value.

    Raises:
        ConfigurationError: not a string, leading/trailing whitespace, a control or non-ASCII character.
    """
    if not isinstance(value, str):
        raise ConfigurationError(f"credential {name!r} ({variable}) must be a string", broker=broker)
    if value != value.strip(" \t\r\n\v\f"):
        raise ConfigurationError(
            f"credential {name!r} ({variable}) has leading or trailing whitespace (a newline from a file?)",
            broker=broker,
        )
    if not all(32 <= ord(c) < 127 for c in value):
        raise ConfigurationError(
            f"credential {name!r} ({variable}) contains a control or non-ASCII character; "
            "it cannot be sent as a header value",
            broker=broker,
        )
    return value
