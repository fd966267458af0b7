"""Transport policy, written once: pooled httpx clients, timeouts, bearer stamping, retries and
the classification of transport failures (DESIGN.md, facade principles 2 and 6).

Nothing here knows a broker. Adapters describe *what* to send (:class:`~orderbridge._flow.Call`);
this module decides *how*: one attempt for money-moving calls at brokers that do not
deduplicate, bounded exponential backoff (tenacity, in ``_retry``) for reads and idempotent
placements, and a
typed error for every failure — nothing from httpx escapes.
"""

from __future__ import annotations

import contextvars
import logging
from collections.abc import Callable, Generator
from typing import Any

import attrs
import httpx

from ._errors import BrokerUnavailable, ConfigurationError, InvalidOrder, OrderbridgeError, UnexpectedResponse
from ._flow import Call, Sent, unknown

log = logging.getLogger("orderbridge")

MAX_ATTEMPTS = 3
"""Attempts for a retryable call (first try included)."""
MAX_BACKOFF = 4.0
"""Longest wait between attempts, in seconds (also caps a broker's ``Retry-After``)."""

_last_response: contextvars.ContextVar[httpx.Response | None] = contextvars.ContextVar(
    "orderbridge_last_response", default=None
)


@attrs.define
class TokenBox:
    """The session's current bearer token; read by :class:`BearerAuth` on every request."""

    token: str | None = attrs.field(default=None, repr=False)
    expires_at: float | None = None
    revision: int = 0


anonymous: contextvars.ContextVar[bool] = contextvars.ContextVar("orderbridge_anonymous", default=False)
"""Set while sending a call that must not carry the bearer token (token requests)."""


class BearerAuth(httpx.Auth):
    """Stamps ``Authorization: Bearer <token>`` from a :class:`TokenBox`, unless there is no
    token yet or the current call is a token request (:data:`anonymous`)."""

    def __init__(self, box: TokenBox) -> None:
        self._box = box

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._box.token
        if token and not anonymous.get():
            request.headers["Authorization"] = f"Bearer {token}"
        yield request


_request_started: contextvars.ContextVar[bool] = contextvars.ContextVar("orderbridge_request_started", default=False)
"""Set by a request hook right before httpx hands the request to its transport."""


def _remember(response: httpx.Response) -> None:
    _last_response.set(response)


async def _aremember(response: httpx.Response) -> None:
    _last_response.set(response)


def _started(request: httpx.Request) -> None:
    _request_started.set(True)


async def _astarted(request: httpx.Request) -> None:
    _request_started.set(True)


def client_options(timeout: float, box: TokenBox, transport: Any = None) -> dict[str, Any]:
    """Keyword arguments for ``httpx.Client`` / ``httpx.AsyncClient``: explicit timeouts,
    TLS verification on, redirects off (one admitted attempt is one outbound request)."""
    options: dict[str, Any] = {
        "timeout": httpx.Timeout(timeout),
        "follow_redirects": False,
        "verify": True,
        "auth": BearerAuth(box),
        "limits": httpx.Limits(max_connections=100, max_keepalive_connections=20),
        "headers": {"User-Agent": "orderbridge", "Accept": "application/json"},
    }
    if transport is not None:
        options["transport"] = transport
    return options


def sync_hooks() -> dict[str, list[Callable[..., Any]]]:
    return {"request": [_started], "response": [_remember]}


def async_hooks() -> dict[str, list[Callable[..., Any]]]:
    return {"request": [_astarted], "response": [_aremember]}


class _Retryable(Exception):
    """Internal: an attempt that may be repeated (transport failure, 5xx, 429)."""

    def __init__(self, sent: Sent | None = None, error: OrderbridgeError | None = None, wait: float | None = None):
        super().__init__()
        self.sent = sent
        self.error = error
        self.wait = wait


def classify_exception(exc: BaseException, call: Call, broker: str, client_order_id: str | None) -> OrderbridgeError:
    """Map a failure raised while sending ``call`` to the orderbridge hierarchy.

    Before-send failures (connect refused or timed out, pool exhausted) mean nothing was
    delivered: :class:`BrokerUnavailable`. Anything later on a money-moving call is
    :class:`OutcomeUnknown`; on a read it is :class:`BrokerUnavailable` or, for a body the
    generated client cannot parse, :class:`UnexpectedResponse`.
    """
    what = call.name
    if isinstance(exc, OrderbridgeError):
        return exc
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
        return BrokerUnavailable(f"{what}: could not connect ({type(exc).__name__}); nothing was sent", broker=broker)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return ConfigurationError(f"{what}: invalid base URL ({type(exc).__name__})", broker=broker)
    if isinstance(exc, httpx.TimeoutException):
        if call.money_moving:
            return unknown(broker, client_order_id, "timeout", what)
        return BrokerUnavailable(f"{what}: timed out waiting for the broker", broker=broker)
    if isinstance(exc, httpx.TransportError):
        if call.money_moving:
            return unknown(broker, client_order_id, "connection_dropped", what)
        return BrokerUnavailable(f"{what}: connection failed ({type(exc).__name__})", broker=broker)
    response = _last_response.get()
    if response is None and _request_started.get():
        # The request reached the transport and something other than httpx's own transport
        # errors went wrong: bytes may have left. Ambiguous for anything that moves money.
        if call.money_moving:
            return unknown(broker, client_order_id, "transport_failure", what)
        return BrokerUnavailable(f"{what}: request failed in transport ({type(exc).__name__})", broker=broker)
    if response is None:
        # No response arrived, and httpx did not fail on the wire: the request was never
        # built or sent (closed session, a body that cannot be encoded).
        if isinstance(exc, RuntimeError):
            return ConfigurationError(f"{what}: {exc} (the session is closed?); nothing was sent", broker=broker)
        if isinstance(exc, (TypeError, ValueError)):
            return InvalidOrder(f"{what}: the request could not be encoded ({exc}); nothing was sent", broker=broker)
        return OrderbridgeError(
            f"{what}: failed before sending ({type(exc).__name__}); nothing was sent", broker=broker
        )
    # A response arrived and the generated client could not parse it.
    status = response.status_code
    if call.money_moving:
        return unknown(broker, client_order_id, "decode", what, status_code=status)
    return UnexpectedResponse(
        f"{what}: HTTP {status} response does not match the spec ({type(exc).__name__})",
        broker=broker,
        status_code=status,
        # A token endpoint's body may hold a live token: never keep it on the error.
        content=_content(response) if call.bearer else b"",
    )


@attrs.frozen
class RawResponse:
    """A response the generated client could not parse, handed to the flow with
    ``parsed=None`` so that its *status* still decides the outcome (a gateway's HTML 502)."""

    status_code: int
    content: bytes
    headers: httpx.Headers
    parsed: None = None


def unparsed_error_response() -> RawResponse | None:
    """The last response as a :class:`RawResponse` when it is an error status (not 2xx)."""
    response = _last_response.get()
    if response is None or 200 <= response.status_code < 300:
        return None
    return RawResponse(response.status_code, _content(response), response.headers)


def _content(response: httpx.Response) -> bytes:
    try:
        return response.content
    except httpx.ResponseNotRead:
        return b""


def is_retryable_status(status: int) -> bool:
    return status == 429 or status >= 500


def reset_last_response() -> None:
    """Forget the previous attempt's request/response markers (called before each attempt)."""
    _last_response.set(None)
    _request_started.set(False)
