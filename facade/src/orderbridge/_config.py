"""Configuration from arguments or the environment: base URLs, credentials, timeouts.

Environment variables (arguments win over them):

=============================================  =================================================
``ORDERBRIDGE_<BROKER>_BASE_URL``              base URL; default the broker's production host
``ORDERBRIDGE_TOPSTEPX_USERNAME`` / ``_API_KEY``  TopstepX ``Auth/loginKey`` credentials
``ORDERBRIDGE_CROSSTRADE_TOKEN``               CrossTrade secret key (Bearer)
``ORDERBRIDGE_TRADESTATION_ACCESS_TOKEN``      a ready TradeStation access token, or
``ORDERBRIDGE_TRADESTATION_CLIENT_ID`` /
``_CLIENT_SECRET`` / ``_REFRESH_TOKEN``        the refresh-token grant (20-minute access tokens)
``ORDERBRIDGE_TRADESTATION_API_VERSION``       ``20160101`` (default) or ``20150101`` (seed shape)
``ORDERBRIDGE_SOPHIC_CLIENT_ID`` / ``_CLIENT_SECRET``  Sophic client-credentials grant
=============================================  =================================================

Secrets are held in :class:`Secret`, whose ``repr``/``str`` never show the value.
A plain ``http://`` base URL is accepted only for loopback hosts (the sandbox, tests).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

import attrs

from ._capabilities import BROKERS
from ._errors import ConfigurationError

PRODUCTION_URLS: Mapping[str, str] = {
    "topstepx": "https://api.topstepx.com",
    "crosstrade": "https://app.crosstrade.io",
    "tradestation": "https://api.tradestation.com",
    "sophic": "https://api.engine.usesophic.com",
}
"""Each spec's ``servers[0]`` URL."""

CREDENTIAL_KEYS: Mapping[str, tuple[str, ...]] = {
    "topstepx": ("username", "api_key"),
    "crosstrade": ("token",),
    "tradestation": ("access_token", "client_id", "client_secret", "refresh_token"),
    "sophic": ("client_id", "client_secret"),
}
"""Credential names per broker; ``ORDERBRIDGE_<BROKER>_<NAME upper-cased>`` in the environment."""

TRADESTATION_API_VERSIONS = ("20160101", "20150101")


class Secret:
    """A credential value that never prints itself (``repr`` -> ``Secret('***')``)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret text, for building the one request header or form that needs it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("Secret values are not picklable")


@attrs.frozen(kw_only=True)
class Settings:
    """Resolved settings of one broker session.

    Attributes:
        broker: broker name.
        base_url: scheme + host (+ path prefix, e.g. the sandbox's ``/topstepx``), no trailing slash.
        credentials: credential name -> :class:`Secret` (only the ones given).
        timeout: seconds for connect, read, write and pool waits.
        api_version: TradeStation ``APIVersion`` (``None`` for other brokers).
    """

    broker: str
    base_url: str
    credentials: Mapping[str, Secret] = attrs.field(repr=lambda c: f"<{', '.join(sorted(c))}>")
    timeout: float
    api_version: str | None = None

    def secret(self, name: str) -> str:
        """The revealed credential ``name``.

        Raises:
            ConfigurationError: when it was neither passed nor set in the environment.
        """
        try:
            return self.credentials[name].reveal()
        except KeyError:
            env = f"ORDERBRIDGE_{self.broker.upper()}_{name.upper()}"
            raise ConfigurationError(
                f"missing credential {name!r}: pass credentials={{{name!r}: ...}} or set {env}", broker=self.broker
            ) from None

    def has(self, name: str) -> bool:
        """Whether credential ``name`` was given (argument or environment)."""
        return name in self.credentials

    def secret_values(self) -> list[str]:
        """Every revealed secret (used to scrub them from anything we print)."""
        return [s.reveal() for s in self.credentials.values() if s.reveal()]


def check_base_url(url: str, broker: str) -> str:
    """Validate a base URL: ``https``, or ``http`` only to a loopback host.

    Raises:
        ConfigurationError: for any other scheme, a missing host, or plain http elsewhere.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise ConfigurationError(f"base URL must be http(s)://host[/prefix], got {url!r}", broker=broker)
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


def resolve_settings(
    broker: str,
    *,
    credentials: Mapping[str, str] | None = None,
    base_url: str | None = None,
    timeout: float = 10.0,
    api_version: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Merge arguments and ``ORDERBRIDGE_*`` environment variables into :class:`Settings`.

    Raises:
        ConfigurationError: unknown broker, unknown credential name, bad base URL, bad
            timeout or TradeStation API version.
    """
    if broker not in BROKERS:
        raise ConfigurationError(f"unknown broker {broker!r}; expected one of {', '.join(BROKERS)}")
    env = os.environ if environ is None else environ
    prefix = f"ORDERBRIDGE_{broker.upper()}_"
    known = CREDENTIAL_KEYS[broker]
    given = dict(credentials or {})
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise ConfigurationError(
            f"unknown credential(s) {', '.join(unknown)}; {broker} takes {', '.join(known)}", broker=broker
        )
    secrets: dict[str, Secret] = {}
    for name in known:
        value = given.get(name)
        if value is None:
            value = env.get(prefix + name.upper())
        if value:
            if not isinstance(value, str):
                raise ConfigurationError(f"credential {name!r} must be a string", broker=broker)
            secrets[name] = Secret(value)
    url = check_base_url(base_url or env.get(prefix + "BASE_URL") or PRODUCTION_URLS[broker], broker)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not 0 < timeout <= 600:
        raise ConfigurationError(f"timeout must be a number of seconds in (0, 600], got {timeout!r}", broker=broker)
    version = None
    if broker == "tradestation":
        version = api_version or env.get(prefix + "API_VERSION") or TRADESTATION_API_VERSIONS[0]
        if version not in TRADESTATION_API_VERSIONS:
            raise ConfigurationError(
                f"TradeStation API version must be one of {', '.join(TRADESTATION_API_VERSIONS)}, got {version!r}",
                broker=broker,
            )
    elif api_version is not None:
        raise ConfigurationError("api_version applies to tradestation only", broker=broker)
    return Settings(broker=broker, base_url=url, credentials=secrets, timeout=float(timeout), api_version=version)
