"""The one exception hierarchy of orderbridge.

Every error a public call can raise derives from :class:`OrderbridgeError`; nothing from httpx,
attrs or the generated clients escapes. The tree is split by *what the caller should do*::

    OrderbridgeError                 order_may_exist = False unless stated
    ├── InvalidOrder                 fix the order; nothing was sent
    ├── NotSupported                 this broker cannot do that; nothing was sent
    ├── ConfigurationError           missing/invalid credentials or base URL; nothing was sent
    ├── AuthenticationError          the broker refused our credentials or token
    ├── RateLimited                  slow down (``retry_after`` seconds when the broker said)
    ├── BrokerUnavailable            could not reach the broker (nothing was delivered), or a
    │                                read failed after retries
    ├── UnexpectedResponse           a response that violates the broker's spec (reads)
    ├── OrderRejected                definitive refusal of the request (nothing was done)
    │   └── OrderNotFound            the broker has no such order (get, cancel)
    └── OutcomeUnknown               the request may have reached the broker and no definitive
                                     answer came back: order_may_exist = True; reconcile with
                                     ``session.resolve(client_order_id, account=...)``
        └── PlacementUnknown         the same for ``place_order``: ``client_order_id`` is
                                     always set (typed ``str``, no ``None`` check needed)

Broker-supplied text is *untrusted*: it is kept in ``broker_message`` and never appears in
``str(error)`` (it may be long, localised, or echo request data). Broker codes quoted in a
message pass through :func:`clean` (printable, length-capped), as does every message; the
session replaces any of its own secrets found in a message or ``broker_message`` by ``***``.
"""

from __future__ import annotations

from typing import Any, Literal

Origin = Literal[
    "timeout",
    "connection_dropped",
    "transport_failure",
    "deadline",
    "response_too_large",
    "redirect",
    "http_status",
    "rate_limited",
    "decode",
    "unknown_code",
    "inconsistent",
    "retry_rejected",
    "retry_key_conflict",
    "retried_after_ambiguous",
    "unusable_order_id",
]
"""Why an outcome is unknown (:attr:`OutcomeUnknown.origin`):

* ``timeout`` — no answer within the timeout after the request was sent;
* ``connection_dropped`` — the connection failed after the request was sent;
* ``transport_failure`` — the transport raised something else after the request left;
* ``deadline`` — the call's total deadline passed while the answer was arriving;
* ``response_too_large`` — the answer exceeded the session's ``max_response_bytes``;
* ``redirect`` — a 3xx answer (never followed);
* ``http_status`` — an undocumented status (``status_code`` says which);
* ``rate_limited`` — throttled after the broker may have processed the request;
* ``decode`` — a success status whose body does not match the spec;
* ``unknown_code`` — a business code the spec does not list;
* ``inconsistent`` — success and error markers contradict each other;
* ``retry_rejected`` — a retry was rejected at a broker that does not replay duplicates;
* ``retry_key_conflict`` — a retry after an ambiguous attempt met "key already used";
* ``retried_after_ambiguous`` — a later attempt failed after an earlier one may have arrived;
* ``unusable_order_id`` — a success whose order id is blank, out of range, of the wrong type or
  charset (the per-broker rules of :mod:`orderbridge._order_ids`).
"""

MAX_MESSAGE = 500
"""Longest ``str(error)`` message, in characters."""
MAX_BROKER_TEXT = 64
"""Longest broker-supplied fragment (a code, a code name) quoted inside a message."""


def clean(text: object, limit: int = MAX_BROKER_TEXT) -> str:
    """``text`` made safe to print: every non-printable character (CR, LF, NUL, ESC, other
    controls, line separators) becomes ``?`` and anything past ``limit`` characters becomes
    ``…``. Applied to every error message, and to broker-supplied fragments before they are
    quoted in one, so a broker cannot inject log lines or flood a message."""
    value = text if isinstance(text, str) else str(text)
    head = value[: limit + 1]
    safe = "".join(c if c.isprintable() else "?" for c in head)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


class OrderbridgeError(Exception):
    """Root of every orderbridge error.

    Attributes:
        broker: the broker name (``"topstepx"``...) or ``None`` when not broker-specific.
        order_may_exist: ``True`` only when an order may have been created and the caller must
            reconcile before sending it again. ``False`` means nothing was created by this call.
    """

    order_may_exist: bool = False

    def __init__(self, message: str, *, broker: str | None = None) -> None:
        message = clean(message, MAX_MESSAGE)
        super().__init__(message)
        self.message = message
        self.broker = broker

    def __str__(self) -> str:
        return f"[{self.broker}] {self.message}" if self.broker else self.message


class InvalidOrder(OrderbridgeError, ValueError):
    """The order is malformed (bad number, conflicting fields...). Raised before anything is sent.

    ``field`` names the offending ``Order`` attribute (``"quantity"``, ``"limit_price"``...).
    """

    def __init__(self, message: str, *, field: str | None = None, broker: str | None = None) -> None:
        super().__init__(message, broker=broker)
        self.field = field


class NotSupported(OrderbridgeError):
    """The broker cannot do what was asked (order type, time in force, lookup...).

    Raised before anything is sent; ``feature`` names the capability that is missing.
    """

    def __init__(self, message: str, *, feature: str | None = None, broker: str | None = None) -> None:
        super().__init__(message, broker=broker)
        self.feature = feature


class ConfigurationError(OrderbridgeError):
    """Missing or invalid configuration: credentials, base URL, API version. Nothing was sent."""


class AuthenticationError(OrderbridgeError):
    """The broker refused our credentials or token (login failed, 401 on a read).

    ``code`` / ``code_name`` carry the broker's auth error code where it has one (TopstepX
    ``LoginErrorCode``, OAuth ``error``).
    """

    def __init__(
        self,
        message: str,
        *,
        broker: str | None = None,
        code: str | int | None = None,
        code_name: str | None = None,
        broker_message: str | None = None,
    ) -> None:
        super().__init__(message, broker=broker)
        self.code = code
        self.code_name = code_name
        self.broker_message = broker_message


class RateLimited(OrderbridgeError):
    """The broker throttled a request that did not move money (HTTP 429, TradeStation 403 quota).

    ``retry_after`` is the broker's ``Retry-After`` in seconds, or ``None`` when it gave none.
    A throttled *placement* is reported as :class:`OutcomeUnknown` instead, because the
    broker may have processed it before throttling.
    """

    def __init__(self, message: str, *, broker: str | None = None, retry_after: float | None = None) -> None:
        super().__init__(message, broker=broker)
        self.retry_after = retry_after


class BrokerUnavailable(OrderbridgeError):
    """The broker could not be reached (connection refused, connect timeout, DNS), or a read
    kept failing after its retries. For a placement this is raised only when the request
    provably never left this process, so ``order_may_exist`` is ``False``."""


class UnexpectedResponse(OrderbridgeError):
    """A response that violates the broker's spec (missing field, wrong type, not JSON).

    ``status_code`` and the raw ``content`` (bytes) are kept for diagnosis. For money-moving
    calls the same situation raises :class:`OutcomeUnknown` with ``origin="decode"``.
    """

    def __init__(
        self, message: str, *, broker: str | None = None, status_code: int | None = None, content: bytes = b""
    ) -> None:
        super().__init__(message, broker=broker)
        self.status_code = status_code
        self.content = content


class OrderRejected(OrderbridgeError):
    """The broker definitively refused the request: placement, cancel, or a read it answered
    with a business error (TopstepX ``success: false`` with a documented code).

    Attributes:
        code: the broker's code (TopstepX integer ``errorCode``, Sophic ``code`` string,
            TradeStation ``StatusCode``/``OrderStatus``, CrossTrade ``error`` or HTTP status).
        code_name: that code's name *for this endpoint* (TopstepX place code 2 is
            ``OrderRejected`` but cancel code 2 is ``OrderNotFound``).
        broker_message: the broker's free text, untrusted, never part of ``str()``.
        order_id: an id the broker returned despite rejecting (TopstepX does this), or ``None``.
        raw: the generated client's parsed response, when there is one.
    """

    def __init__(
        self,
        message: str,
        *,
        broker: str | None = None,
        code: str | int | None = None,
        code_name: str | None = None,
        broker_message: str | None = None,
        order_id: str | None = None,
        client_order_id: str | None = None,
        raw: Any = None,
    ) -> None:
        super().__init__(message, broker=broker)
        self.code = code
        self.code_name = code_name
        self.broker_message = broker_message
        self.order_id = order_id
        self.client_order_id = client_order_id
        self.raw = raw


class OutcomeUnknown(OrderbridgeError):
    """The request may have reached the broker and no definitive answer came back.

    Do **not** send the order again with a new client order id. Reconcile first with
    ``session.resolve(error.client_order_id, account=...)``.

    Attributes:
        client_order_id: the id sent in the broker's client-id field.
        origin: why the outcome is unknown, one of :data:`Origin`.
        code, code_name, broker_message: the broker's code when one came back (e.g. TopstepX
            place code 6 ``OrderPending``).
    """

    order_may_exist = True
    order_id: str | None = None
    """For ``modify_order``: the id of the order being changed (read it with ``get_order``)."""

    def __init__(
        self,
        message: str,
        *,
        broker: str | None = None,
        client_order_id: str | None = None,
        origin: Origin,
        code: str | int | None = None,
        code_name: str | None = None,
        broker_message: str | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(message, broker=broker)
        self.client_order_id = client_order_id
        self.origin = origin
        self.code = code
        self.code_name = code_name
        self.broker_message = broker_message
        self.status_code = status_code


class OrderNotFound(OrderRejected):
    """The broker says it has no such order (TopstepX ``OrderNotFound``, HTTP 404...)."""


class PlacementUnknown(OutcomeUnknown):
    """:class:`OutcomeUnknown` raised by ``place_order``: the order may exist.

    The client order id is fixed before the first attempt, so here it is always known and
    typed ``str``: ``session.resolve(error.client_order_id, account=...)`` type-checks as
    written. Catch :class:`OutcomeUnknown` to handle every ambiguous call at once, or this
    class around a placement.
    """

    client_order_id: str

    def __init__(
        self,
        message: str,
        *,
        broker: str | None = None,
        client_order_id: str,
        origin: Origin,
        code: str | int | None = None,
        code_name: str | None = None,
        broker_message: str | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(
            message,
            broker=broker,
            client_order_id=client_order_id,
            origin=origin,
            code=code,
            code_name=code_name,
            broker_message=broker_message,
            status_code=status_code,
        )
        self.client_order_id = client_order_id

    @classmethod
    def of(cls, error: OutcomeUnknown, client_order_id: str) -> PlacementUnknown:
        """``error`` as a :class:`PlacementUnknown` for the placement sent with
        ``client_order_id`` (``error`` itself when it already is one)."""
        if isinstance(error, PlacementUnknown):
            return error
        out = cls(
            error.message,
            broker=error.broker,
            client_order_id=error.client_order_id or client_order_id,
            origin=error.origin,
            code=error.code,
            code_name=error.code_name,
            broker_message=error.broker_message,
            status_code=error.status_code,
        )
        out.order_id = error.order_id
        return out


# -- factories: the errors the facade builds from what it read ----------------------------------


def conflicting_rows(broker: str, instrument: str) -> UnexpectedResponse:
    """A position list that names ``instrument`` more than once with different sizes: the true
    size is unknown, so nothing is sent for it (a flatten reports the item refused)."""
    return UnexpectedResponse(
        f"positions list {clean(instrument)} more than once with different sizes; nothing was sent "
        "for it: read positions() again and close it yourself",
        broker=broker,
        status_code=200,
    )
