"""The one exception hierarchy of orderbridge.

Every error a public call can raise derives from :class:`OrderbridgeError`; nothing from httpx,
attrs or the generated clients escapes. The tree is split by *what the caller should do*::

    OrderbridgeError                 order_may_exist = False unless stated
    ├── InvalidOrder                 fix the order; nothing was sent
    ├── NotSupported                 this broker cannot do that; nothing was sent
    ├── ConfigurationError           missing/invalid credentials or base URL; nothing was sent
    │   └── EndpointNotFound         HTTP 404/405 outside the broker's documented answers: no such
    │                                endpoint at this base URL; nothing was placed
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

Broker-supplied text is *untrusted*: it is kept in ``broker_message`` (and a code the vendor
does not document in ``code`` / ``code_name``) and never appears in ``str(error)`` (it may be
long, localised, or echo request data). Only codes the vendor documents are quoted in a
message, through :func:`clean` (printable, length-capped), as is every message; the session
replaces any of its own secrets found in a message or ``broker_message`` by ``***``.

Errors are made here: the classes, and below them the factories every other module calls
(:func:`rejected`, :func:`unknown`, :func:`for_status`, :func:`for_exception`...). The attempt
policy decides and the adapters read the broker's answer; neither words an error. Input
checks raise :class:`InvalidOrder` / :class:`NotSupported` / :class:`ConfigurationError`
directly where the input is checked (the field they name is theirs to say).
"""

from __future__ import annotations

import math
import ssl
from typing import Any, Literal, TypedDict, Unpack

import httpx

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
  charset (the per-broker rules of :mod:`orderbridge._models`).
"""

MAX_MESSAGE = 500
"""Longest ``str(error)`` message, in characters."""
MAX_BROKER_TEXT = 64
"""Longest broker-supplied fragment (a code, a code name) quoted inside a message."""


MAX_SHOWN_TEXT = 300
"""Longest broker text :func:`escaped` shows, in characters (before escaping)."""


def escaped(text: object, limit: int = MAX_SHOWN_TEXT) -> str:
    """Untrusted ``text`` (a broker's message) made safe to show a person, *without* losing
    what it says: every non-printable character (CR, LF, ESC, NUL, bidi overrides, line
    separators...) becomes a visible escape (``\\n``, ``\\x1b``, ``\\u202e``), backslash and
    double quote are escaped, and anything past ``limit`` characters is cut, saying how much
    was left out. The result is meant to be printed inside double quotes on a line labelled
    as the broker's words (the ``orderbridge`` command line does this); it never contains a
    line break or a terminal control sequence."""
    value = text if isinstance(text, str) else str(text)
    head, rest = value[:limit], len(value) - limit
    out = []
    for char in head:
        if char in '\\"':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        else:
            out.append(repr(char)[1:-1])  # a non-printable character's repr is its escape
    shown = "".join(out)
    return shown + f"… ({rest} more characters)" if rest > 0 else shown


def clean(text: object, limit: int = MAX_BROKER_TEXT) -> str:
    """``text`` made safe to print: every non-printable character (CR, LF, NUL, ESC, other
    controls, line separators) becomes ``?`` and anything past ``limit`` characters becomes
    ``…``. Applied to every error message, and to broker-supplied fragments before they are
    quoted in one, so a broker cannot inject log lines or flood a message."""
    value = text if isinstance(text, str) else str(text)
    head = value[: limit + 1]
    safe = "".join(c if c.isprintable() else "?" for c in head)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


class BrokerAnswer(TypedDict, total=False):
    """What the broker itself said about a request, as the keyword arguments of the errors that
    keep it (:class:`AuthenticationError`, :class:`OrderRejected`, :class:`OutcomeUnknown`) and
    of their factories. Each key is kept as the attribute of the same name and never appears in
    ``str(error)``, except a code the vendor documents, quoted by the factory's message."""

    code: str | int | None
    """The broker's code (TopstepX integer ``errorCode``, Sophic ``code``, HTTP status...)."""
    code_name: str | None
    """That code's name for this endpoint."""
    broker_message: str | None
    """The broker's free text, untrusted."""


class Ambiguity(BrokerAnswer, total=False):
    """The keyword arguments of an :class:`OutcomeUnknown` beyond its ``origin`` and client order
    id: the broker's words and the undocumented HTTP status, when there was one."""

    status_code: int | None


class AboutOrder(BrokerAnswer, total=False):
    """The keyword arguments every error about one order takes (:class:`OrderRejected`,
    :class:`OutcomeUnknown`) besides its own: the broker, the order's ids, the broker's words."""

    broker: str | None
    order_id: str | None
    client_order_id: str | None


class Refusal(TypedDict, total=False):
    """What a :class:`OrderRejected` keeps besides its code and code name (the keyword
    arguments of :func:`rejected`)."""

    broker_message: str | None
    order_id: str | None
    client_order_id: str | None
    raw: Any


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
    """Missing or invalid configuration: credentials, base URL, API version. Nothing was sent
    (or, for :class:`EndpointNotFound`, nothing was placed: the server had no such endpoint)."""


class EndpointNotFound(ConfigurationError):
    """The server has no such endpoint: an HTTP 404 (Not Found) or 405 (Method Not Allowed)
    that is not one of the broker's documented answers for the operation. The usual cause is a
    base URL without the broker's path prefix (the sandbox's ``/topstepx``), or a wrong host.

    Why this means *nothing was placed* (``order_may_exist`` is ``False``), although the request
    did reach a server: RFC 9110 defines 404 as "the origin server did not find a current
    representation for the target resource" (section 15.5.5) and 405 as "the method received
    in the request-line is known by the origin server but not supported by the target
    resource" (section 15.5.6). Both are about the *target resource*, which is decided before
    any handler runs: a server that routed the request to the order handler found the
    resource, and one that did not route it had nothing that could place an order. Where a
    broker documents a 404 for an operation (Sophic, CrossTrade, TradeStation answer "no such
    account / order / instrument" in their error body), that answer is classified by the
    broker's own table first (:class:`OrderRejected` / :class:`OrderNotFound`); this class
    covers only a 404/405 *without* the broker's documented error body. Any other status the
    operation does not document (400, 5xx...) keeps the conservative rule: a money-moving
    call is :class:`OutcomeUnknown`.

    Attributes:
        status_code: 404 or 405.
        url: the request's method and URL, without userinfo or query (``"POST
            http://127.0.0.1:8765/api/Order/place"``), or ``None`` when unknown.
    """

    def __init__(
        self, message: str, *, broker: str | None = None, status_code: int | None = None, url: str | None = None
    ) -> None:
        super().__init__(message, broker=broker)
        self.status_code = status_code
        self.url = url


class _Answered(OrderbridgeError):
    """An error that keeps the broker's own words (:class:`BrokerAnswer`): the one place they
    are stored, for every error that carries them."""

    def __init__(self, message: str, *, broker: str | None = None, **answer: Unpack[BrokerAnswer]) -> None:
        if unexpected := answer.keys() - BrokerAnswer.__optional_keys__:
            # the keywords are typed, but a caller without a type checker still hears of a typo
            raise TypeError(f"{type(self).__name__}() got unexpected keyword argument(s) {sorted(unexpected)}")
        super().__init__(message, broker=broker)
        self.code = answer.get("code")
        self.code_name = answer.get("code_name")
        self.broker_message = answer.get("broker_message")


class AuthenticationError(_Answered):
    """The broker refused our credentials or token (login failed, 401 on a read).

    ``code`` / ``code_name`` carry the broker's auth error code where it has one (TopstepX
    ``LoginErrorCode``, OAuth ``error``); ``broker_message`` its free text, never in ``str()``.
    """


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


class _OrderError(_Answered):
    """An error about one order: the one place its ids are stored."""

    def __init__(
        self,
        message: str,
        *,
        broker: str | None = None,
        order_id: str | None = None,
        client_order_id: str | None = None,
        **answer: Unpack[BrokerAnswer],
    ) -> None:
        super().__init__(message, broker=broker, **answer)
        self.order_id = order_id
        self.client_order_id = client_order_id


class OrderRejected(_OrderError):
    """The broker definitively refused the request: placement, cancel, or a read it answered
    with a business error (TopstepX ``success: false`` with a documented code).

    Attributes:
        code: the broker's code (TopstepX integer ``errorCode``, Sophic ``code`` string,
            TradeStation ``StatusCode``/``OrderStatus``, CrossTrade ``error`` or HTTP status).
        code_name: that code's name *for this endpoint* (TopstepX place code 2 is
            ``OrderRejected`` but cancel code 2 is ``OrderNotFound``).
        broker_message: the broker's free text, untrusted, never part of ``str()``.
        order_id: an id the broker returned despite rejecting (TopstepX does this), or ``None``.
        client_order_id: the id sent in the broker's client-id field, when there was one.
        raw: the generated client's parsed response, when there is one.
    """

    def __init__(self, message: str, *, raw: Any = None, **order: Unpack[AboutOrder]) -> None:
        super().__init__(message, **order)
        self.raw = raw


class OutcomeUnknown(_OrderError):
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
    order_id: str | None
    """For ``modify_order``: the id of the order being changed (read it with ``get_order``)."""
    legs: dict[str, str | None] = {}  # noqa: RUF012 - replaced, never mutated
    """For ``place_bracket`` / ``place_oco``: each leg's role -> its client order id, to
    reconcile every leg (``resolve``) before anything is sent again."""

    def __init__(
        self, message: str, *, origin: Origin, status_code: int | None = None, **order: Unpack[AboutOrder]
    ) -> None:
        super().__init__(message, **order)
        self.origin = origin
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
        client_order_id: str,
        origin: Origin,
        broker: str | None = None,
        **more: Unpack[Ambiguity],
    ) -> None:
        super().__init__(message, origin=origin, client_order_id=client_order_id, broker=broker, **more)


# -- raised by the session transport, classified by :func:`for_exception` ----------------------


class DeadlineExceeded(httpx.TimeoutException):
    """Raised by the session transport when a call's total deadline passes while the response
    is still arriving (a stalled or trickling server). Never escapes: it becomes an
    :class:`OutcomeUnknown` (``origin="deadline"``) or a :class:`BrokerUnavailable`."""


class ResponseTooLarge(httpx.TransportError):
    """Raised by the session transport when a response body (after decoding) exceeds the
    session's ``max_response_bytes``; reading stops there, so memory stays bounded. Never
    escapes: it becomes an :class:`OutcomeUnknown` or an :class:`UnexpectedResponse`."""


# -- factories: every error built from what a broker answered (or did not) ------------------------


def _label(code: object, code_name: str | None, documented: bool) -> str:
    """How a refusal's code shows in ``str()``: a documented code with its name; anything else
    stays on the error's attributes only (it is the broker's text)."""
    if not documented:
        return "a code the vendor does not document (see .code)"
    if not code_name:
        return f"code {clean(code)}"
    if str(code_name) == str(code):  # Sophic's codes are their own names: say it once
        return clean(code_name)
    return f"{clean(code_name)} ({clean(code)})"


def rejected(
    broker: str,
    what: str,
    *,
    code: str | int | None,
    code_name: str | None,
    documented: bool = True,
    not_found: bool = False,
    verb: str = "rejected",
    **more: Unpack[Refusal],
) -> OrderRejected:
    """A definitive refusal: :class:`OrderRejected`, or :class:`OrderNotFound` with
    ``not_found``. ``documented`` says whether ``code_name`` is a code the vendor documents for
    this endpoint (only then is it quoted in ``str()``); the broker's text goes to
    ``broker_message`` only."""
    cls = OrderNotFound if not_found else OrderRejected
    message = f"{what} {verb}: {_label(code, code_name, documented)}"
    return cls(message, broker=broker, code=code, code_name=code_name, **more)


def auth_refused(
    broker: str, what: str, *, documented: bool = True, **answer: Unpack[BrokerAnswer]
) -> AuthenticationError:
    """The broker refused our credentials or token (a login answered with an error code, or
    HTTP ``code``)."""
    code = answer.get("code")
    label = _label(code, answer.get("code_name"), documented) if code is not None else "no code"
    return AuthenticationError(f"{what} refused: {label}", broker=broker, **answer)


def unknown(
    broker: str, client_order_id: str | None, origin: Origin, what: str, **more: Unpack[Ambiguity]
) -> OutcomeUnknown:
    """An :class:`OutcomeUnknown` with a message that tells the caller to reconcile."""
    message = (
        f"{what}: outcome unknown ({origin}); the order may exist — reconcile with "
        f"resolve({client_order_id!r}) before sending it again"
    )
    return OutcomeUnknown(message, origin=origin, client_order_id=client_order_id, broker=broker, **more)


def unexpected(broker: str, what: str, status: int = 200, content: bytes = b"") -> UnexpectedResponse:
    """An :class:`UnexpectedResponse` for an answer that violates the spec (``what`` says how;
    it never quotes the broker's values)."""
    return UnexpectedResponse(
        f"{what}: HTTP {status} response does not match the spec", broker=broker, status_code=status, content=content
    )


def bad_row(broker: str, what: str, why: str, content: bytes = b"") -> UnexpectedResponse:
    """A row of a read the result cannot be built from (``why`` names the field)."""
    return UnexpectedResponse(f"{what}: {why}", broker=broker, status_code=200, content=content)


def not_json(broker: str, what: str, status: int, content: bytes) -> UnexpectedResponse:
    return UnexpectedResponse(
        f"{what}: HTTP {status} body is not JSON", broker=broker, status_code=status, content=content
    )


def rate_limited(broker: str, what: str, status: int, after: float | None) -> RateLimited:
    """A throttled read; ``after``: the broker's ``Retry-After`` in seconds, if any."""
    hint = f"; retry after {after:g} s" if after is not None else ""
    return RateLimited(f"{what}: rate limited (HTTP {status}){hint}", broker=broker, retry_after=after)


NO_SUCH_ENDPOINT = {404: "Not Found", 405: "Method Not Allowed"}
"""Statuses that say the target resource (or its method) does not exist at the URL, when
they are not the broker's documented answer: :class:`EndpointNotFound`."""


def no_such_endpoint(broker: str, what: str, status: int, target: str | None) -> EndpointNotFound:
    """The :class:`EndpointNotFound` for a 404/405 answer (:func:`for_status` says when); the
    message names the status, the request's method and URL and the base-URL variable to check."""
    where = f" from {target}" if target else ""
    variable = f"ORDERBRIDGE_{broker.upper()}_BASE_URL"
    return EndpointNotFound(
        f"{what}: HTTP {status} {NO_SUCH_ENDPOINT.get(status, '')}{where}: the server has no such endpoint, "
        f"so nothing was placed or changed; check the base URL ({variable} or --base-url): "
        "does it include the broker's path prefix?",
        broker=broker,
        status_code=status,
        url=target,
    )


def for_status(
    broker: str,
    what: str,
    status: int,
    *,
    content: bytes,
    retry_after: float | None,
    money_moving: bool,
    client_order_id: str | None = None,
    secret_body: bool = False,
    target: str | None = None,
) -> OrderbridgeError:
    """The error for a status the operation's own table did not settle.

    401 is :class:`AuthenticationError` (the auth layer refused before processing).
    404 and 405 are :class:`EndpointNotFound` for every call, money-moving or not: reaching
    this function, they are not the broker's documented answer for the operation (its table
    classified those first), so the server found no resource or method at that URL and no
    order handler processed the request (RFC 9110, sections 15.5.5 and 15.5.6; the
    exception's docstring gives the full rule). ``target``: the request's method and URL, for
    the message.
    Money-moving calls: anything else that is not a documented definitive refusal may have
    been processed, so it is :class:`OutcomeUnknown` (``origin`` ``"http_status"`` with
    ``status_code``, or ``rate_limited``). Reads: 429 -> :class:`RateLimited`, 5xx ->
    :class:`BrokerUnavailable`, else :class:`UnexpectedResponse`. ``secret_body`` (token
    endpoints) keeps the body off the error.
    """
    if status == 401:
        # The broker's auth layer refused the request before looking at it: definitive,
        # nothing was placed. The session marks its token stale, so the next call logs in.
        return AuthenticationError(f"{what}: the broker refused the token (HTTP 401)", broker=broker)
    if status in NO_SUCH_ENDPOINT:
        return no_such_endpoint(broker, what, status, target)
    if money_moving:
        origin: Origin = "rate_limited" if status == 429 else "http_status"
        return unknown(broker, client_order_id, origin, what, status_code=status)
    if status == 429:
        return rate_limited(broker, what, status, retry_after)
    if status >= 500:
        return BrokerUnavailable(f"{what}: broker error HTTP {status} after retries", broker=broker)
    return unexpected(broker, what, status, b"" if secret_body else content)


PLAIN_HTTP_REASONS = frozenset({"WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE", "PACKET_LENGTH_TOO_LONG"})
"""OpenSSL's reasons for a TLS handshake answered by a server speaking plain HTTP (an
``https://`` base URL pointing at an ``http`` server such as the sandbox)."""


def _where(exc: BaseException) -> str:
    """`` to scheme://host:port`` of the request behind an httpx error; never userinfo, path
    or query (the path may name an account, the query may carry a token)."""
    try:
        url = exc.request.url  # type: ignore[attr-defined]
    except (AttributeError, RuntimeError):  # httpx raises RuntimeError when no request is set
        return ""
    port = url.port or {"http": 80, "https": 443}.get(url.scheme)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f" to {url.scheme}://{host}" + (f":{port}" if port else "")


def _tls_hint(exc: BaseException) -> str:
    """A hint when TLS met a plain-HTTP server, found in the exception chain."""
    seen: set[int] = set()
    link: BaseException | None = exc
    while link is not None and id(link) not in seen:
        seen.add(id(link))
        reason = getattr(link, "reason", None)
        text = str(link)
        if (isinstance(link, ssl.SSLError) and reason in PLAIN_HTTP_REASONS) or any(
            r in text for r in PLAIN_HTTP_REASONS
        ):
            return "; TLS met a plain-HTTP server: is the base URL https:// for an http:// server such as the sandbox?"
        link = link.__cause__ or link.__context__
    return ""


def for_exception(
    broker: str, what: str, exc: BaseException, *, sent: bool, money_moving: bool, client_order_id: str | None
) -> OrderbridgeError:
    """The error for an attempt that raised instead of answering (no retry considered):
    ``sent`` says whether the request reached the network transport. Transport errors name
    the scheme, host and port they were for (never userinfo, path or query), and a TLS
    handshake answered in plain HTTP says so."""
    kind = type(exc).__name__
    if isinstance(exc, OrderbridgeError):
        return exc
    where = _where(exc)
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)):
        return BrokerUnavailable(
            f"{what}: could not connect{where} ({kind}{_tls_hint(exc)}); nothing was sent", broker=broker
        )
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return ConfigurationError(f"{what}: invalid base URL{where} ({kind})", broker=broker)
    if not sent:
        # Nothing reached the network transport: the request was never built or sent
        # (closed session, a body that cannot be encoded).
        if isinstance(exc, RuntimeError):
            return ConfigurationError(f"{what}: the session is closed? ({kind}); nothing was sent", broker=broker)
        if isinstance(exc, (TypeError, ValueError)):
            return InvalidOrder(f"{what}: the request could not be encoded ({kind}); nothing was sent", broker=broker)
        return OrderbridgeError(f"{what}: failed before sending ({kind}); nothing was sent", broker=broker)
    if isinstance(exc, ResponseTooLarge):
        if money_moving:
            return unknown(broker, client_order_id, "response_too_large", what)
        return UnexpectedResponse(f"{what}: response larger than the session's cap", broker=broker)
    lost = (broker, what, money_moving, client_order_id)
    if isinstance(exc, DeadlineExceeded):
        return _lost(*lost, "deadline", "the call's deadline passed before the answer arrived")
    if isinstance(exc, httpx.TimeoutException):
        return _lost(*lost, "timeout", f"timed out waiting for the broker{where}")
    if isinstance(exc, httpx.TransportError):
        return _lost(*lost, "connection_dropped", f"connection{where} failed ({kind})")
    return _lost(*lost, "transport_failure", f"request failed in transport ({kind})")


def _lost(
    broker: str, what: str, money_moving: bool, client_order_id: str | None, origin: Origin, why: str
) -> OrderbridgeError:
    """The request may have reached the broker and no answer came back."""
    if money_moving:
        return unknown(broker, client_order_id, origin, what)
    return BrokerUnavailable(f"{what}: {why}", broker=broker)


def redirected(
    broker: str, what: str, status: int, *, money_moving: bool, client_order_id: str | None
) -> OrderbridgeError:
    """A 3xx answer (never followed)."""
    if money_moving:
        return unknown(broker, client_order_id, "redirect", what, status_code=status)
    return UnexpectedResponse(f"{what}: HTTP {status} redirect (never followed)", broker=broker, status_code=status)


def undecodable(
    broker: str, what: str, status: int, content: bytes, *, money_moving: bool, client_order_id: str | None
) -> OrderbridgeError:
    """A success status whose body the generated client could not parse."""
    if money_moving:
        return unknown(broker, client_order_id, "decode", what, status_code=status)
    return unexpected(broker, what, status, content)


def after_ambiguity(error: OrderbridgeError, broker: str, what: str, client_order_id: str | None) -> OrderbridgeError:
    """Once an attempt of a money-moving call may have reached the broker, a later attempt that
    "sent nothing" (or was refused) does not make the order not exist."""
    if error.order_may_exist:
        return error
    return unknown(error.broker or broker, client_order_id, "retried_after_ambiguous", what)


def _refusal(error: _Answered) -> BrokerAnswer:
    """The broker's own words on ``error`` (code, code name, free text), to carry onto the
    error that replaces it."""
    return {"code": error.code, "code_name": error.code_name, "broker_message": error.broker_message}


class _Restated(Ambiguity):
    broker: str | None
    origin: Origin


def _ambiguity(error: OutcomeUnknown) -> _Restated:
    """Everything an ambiguous ``error`` says but its message and client order id (broker,
    origin, the broker's code and text, HTTP status), to carry onto a reworded one."""
    return {"broker": error.broker, "origin": error.origin, "status_code": error.status_code, **_refusal(error)}


def retry_rejected(error: OrderRejected, what: str, client_order_id: str | None) -> OutcomeUnknown:
    """A retried attempt was rejected at a broker that does not replay duplicates: the first
    attempt may have been accepted."""
    return OutcomeUnknown(
        f"{what}: retried attempt was rejected; the first attempt may have been accepted",
        broker=error.broker,
        client_order_id=error.client_order_id or client_order_id,
        origin="retry_rejected",
        **_refusal(error),
    )


def key_conflict(error: OrderRejected, broker: str, what: str, client_order_id: str | None) -> OutcomeUnknown:
    """A retry after an ambiguous attempt met "this idempotency key was already used"."""
    return unknown(error.broker or broker, client_order_id, "retry_key_conflict", what, **_refusal(error))


def modify_unknown(error: OutcomeUnknown, order_id: str) -> OutcomeUnknown:
    """Point an ambiguous modify at the reconciliation that works: read the order again."""
    return OutcomeUnknown(
        f"modify_order({order_id!r}): outcome unknown ({error.origin}); the change may have been applied — "
        f"read get_order({order_id!r}) and open_orders() before sending it again (a broker that replaces "
        "the order gives it a new id)",
        client_order_id=error.client_order_id,
        order_id=order_id,
        **_ambiguity(error),
    )


def placement_unknown(error: OutcomeUnknown, client_order_id: str) -> PlacementUnknown:
    """``error``, raised by ``place_order``, as a :class:`PlacementUnknown` for the placement sent
    with ``client_order_id`` (``error`` itself when it already is one)."""
    if isinstance(error, PlacementUnknown):
        return error
    out = PlacementUnknown(
        error.message,
        client_order_id=error.client_order_id or client_order_id,
        **_ambiguity(error),
    )
    out.order_id = error.order_id
    return out


def reworded_unknown(error: OrderbridgeError, action: str, hint: str) -> OrderbridgeError:
    """An ambiguous close / cancel without a client order id: say how to reconcile it (read
    the positions or orders again), since ``resolve`` does not apply."""
    if not isinstance(error, OutcomeUnknown) or error.client_order_id is not None:
        return error
    return OutcomeUnknown(
        f"{action}: outcome unknown ({error.origin}); it may have been applied — {hint} before sending it again",
        **_ambiguity(error),
    )


def unusable_token(broker: str) -> AuthenticationError:
    """A login answered with a token that cannot travel as a header value (empty, control or
    non-ASCII characters): nothing is sent with it."""
    return AuthenticationError("the broker issued a token that cannot be sent as a header value", broker=broker)


def not_supported(broker: str, feature: str, why: str) -> NotSupported:
    """``feature`` does not exist at ``broker`` (``why``: the capability's own words)."""
    return NotSupported(f"{feature} is not supported: {why}", feature=feature, broker=broker)


def conflicting_rows(broker: str, instrument: str) -> UnexpectedResponse:
    """A position list that names ``instrument`` more than once with different sizes: the true
    size is unknown, so nothing is sent for it (a flatten reports the item ``not_attempted``)."""
    return UnexpectedResponse(
        f"positions list {clean(instrument)} more than once with different sizes; nothing was sent "
        "for it: read positions() again and close it yourself",
        broker=broker,
        status_code=200,
    )


def reserved_units(broker: str, instrument: str, reserved: object, size: object) -> NotSupported:
    """Units of a position an emulated flatten left alone because pending sell orders hold them
    back and ``broker`` cannot cancel those (Sophic); they leave when the orders execute."""
    return NotSupported(
        f"{reserved} of {size} units of {clean(instrument)} are reserved by pending sell orders, which "
        f"{broker} cannot cancel; they were not sold by this flatten (they leave the account when "
        "those orders execute)",
        feature="flatten",
        broker=broker,
    )


def group_unknown(error: OutcomeUnknown, legs: dict[str, str | None]) -> OutcomeUnknown:
    """An ambiguous bracket or OCO: ``error`` carrying the client order id of every leg
    (``legs``: role -> id, kept as :attr:`OutcomeUnknown.legs`), so each one can be reconciled
    with ``resolve``; the group is never sent again by this SDK."""
    error.legs = dict(legs)
    return error


def over_budget(broker: str, what: str, category: str, window: object, wait: float) -> RateLimited:
    """A call refused by the client-side request budget (:mod:`orderbridge._driver`): the next
    request of ``category`` frees up in ``wait`` seconds, after the call's deadline. Nothing was
    sent (``order_may_exist`` is ``False``); ``retry_after`` is that wait."""
    return RateLimited(
        f"{what}: the {category!r} budget ({window}) is spent and the next request frees up in "
        f"{math.ceil(wait * 10) / 10:g} s, after the call's deadline; nothing was sent",
        broker=broker,
        retry_after=wait,
    )


def budget_storage_failed(broker: str, storage: str, exc: BaseException) -> ConfigurationError:
    """The rate-limit storage (a Redis server, ...) could not be used before sending: nothing
    was sent. Only the storage's scheme and the failure's type are named (a URL may hold a
    password)."""
    return ConfigurationError(
        f"rate-limit storage {storage.split('://')[0]!r} failed ({type(exc).__name__}); nothing was sent",
        broker=broker,
    )
