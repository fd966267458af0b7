"""The wire: how one generated operation becomes an HTTP exchange, and its answer is read once.

Two halves, top to bottom:

* **Calls and their answers** (sans-IO, shared by every broker adapter and both session twins).
  A broker operation is written once as a *flow*: a generator that yields :class:`Call` objects
  (one generated-client operation each) and receives a :class:`Sent` back. Both session twins
  send a call through its :class:`Operation` (:meth:`Operation.send` / :meth:`Operation.asend`),
  so the logic, mapping and outcome classification are identical in both.
* **The session transport** (:class:`SessionTransport`, under the httpx client): the bearer
  token, the attempt's timeout capped by the call's deadline, and a size-capped body read.

Read once, one way (DESIGN.md, facade principle 9): :class:`Operation` builds the request with
the generated module's public ``build_request``, sends it with the attempt's state in
``request.extensions`` (:data:`EXCHANGE`, read by :class:`SessionTransport`), decodes the body
**once** (:func:`decode`: every JSON number with a fraction or exponent is a
:class:`WireNumber`, the float the generated models expect carrying the exact text the broker
sent) and hands that decoded JSON to the generated ``parse_response`` for the typed model. The
flow receives both (:attr:`Sent.data`, :attr:`Sent.parsed`) and never decodes again.

Tolerance: for a 2xx status, a body that decodes as JSON but that the generated model cannot
parse (one malformed field the outcome does not need) is handed to the flow as
:class:`Undecoded` (the decoded JSON plus the parser's complaint) instead of raising; the
adapter decides the outcome from the decoded JSON with the same strict checks. An operation
may carry the adapter's ``usable`` check: a 2xx answer whose outcome fields are unusable is
raised as :class:`UnusableAnswer`, exactly like a body that does not decode, so the attempt
policy handles it. Error statuses are unchanged: a non-2xx body that does not parse raises,
and the session classifies it from its status.

The transport half:
The session's httpx transport: the only code between a session and the wire.

:class:`SessionTransport` / :class:`AsyncSessionTransport` wrap the real transport (the httpx
connection pool, an ``httpx.MockTransport``, or the CrossTrade WebSocket transport) and do,
for every request:

* stamp ``Authorization: Bearer <token>`` from the session's :class:`TokenBox` (unless the
  attempt is a token request), remembering which token revision went out;
* cap every timeout at the time left before the call's total deadline;
* read the body here (the response keeps the bytes read as its new stream), stopping with
  :class:`~orderbridge._errors.DeadlineExceeded` once the deadline passes (a server trickling
  one byte at a time) and with
  :class:`~orderbridge._errors.ResponseTooLarge` once the *decoded* body passes the cap
  (gzip / deflate are inflated here, incrementally, so a compression bomb never expands
  beyond the cap); ``br``/``zstd`` are never asked for (``Accept-Encoding: gzip, deflate``);
* record on the attempt's :class:`Exchange` whether the request was handed on (may have been
  sent) and the response, for the driver to describe the attempt to the attempt policy.

Each request carries its attempt's :class:`Exchange` in ``request.extensions``
(:data:`~orderbridge._wire.EXCHANGE`, httpx's own seam for per-request state; set by
:class:`~orderbridge._wire.Operation`). Redirects are never followed
(``follow_redirects=False``): a 3xx comes back as a response and the attempt policy decides.
"""

from __future__ import annotations

import enum
import json
import math
import time
import zlib
from collections.abc import Callable, Generator, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

import attrs
import httpx

from ._errors import DeadlineExceeded, ResponseTooLarge

T = TypeVar("T")


class Retry(enum.Enum):
    """Retry policy of one call (DESIGN.md, facade principle 2)."""

    NEVER = "never"
    """Money-moving call at a broker that does not deduplicate: exactly one attempt."""
    READ = "read"
    """Safe to repeat: transport failures, 5xx and 429 are retried with bounded backoff."""
    IDEMPOTENT = "idempotent"
    """Money-moving, but the broker deduplicates on the key we sent: retried like a read."""

    @property
    def moves_money(self) -> bool:
        """Whether calls with this policy move money (every policy but ``READ``)."""
        return self is not Retry.READ


class Token(enum.Enum):
    """Which bearer token a call carries."""

    REQUIRED = "required"
    """Obtain or renew the session's token first, then send it (every ordinary call)."""
    CURRENT = "current"
    """Send the token the session holds, as it is, without logging in first (TopstepX
    ``Auth/validate``: the token is its input)."""
    NONE = "none"
    """Send no token (token requests)."""


def _check_money_moving(call: Call, attribute: object, value: bool) -> None:
    if value is not call.retry.moves_money:
        raise ValueError(f"{call.name}: money_moving={value} contradicts retry={call.retry.name}")


EXCHANGE = "orderbridge.exchange"
"""The ``request.extensions`` key under which a request carries its attempt's
:class:`~orderbridge._wire.Exchange` to the session transport."""


class WireNumber(float):
    """A JSON number with a fraction or exponent: the ``float`` the generated models expect,
    carrying the exact text the broker sent (:attr:`text`), so ``Decimal(n.text)`` is the
    broker's number digit for digit (``6065.250000000`` stays ``Decimal("6065.250000000")``)."""

    text: str

    def __new__(cls, text: str) -> WireNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number


_DECODER = json.JSONDecoder(parse_float=WireNumber)
"""Built once: ``json.loads(..., parse_float=...)`` would build a decoder per call."""


def decode(content: bytes) -> Any:
    """``content`` decoded as JSON, once, numbers with a fraction or exponent as
    :class:`WireNumber` (bytes in any encoding ``json.loads`` accepts).

    Raises:
        ValueError: not JSON (``json.JSONDecodeError`` or ``UnicodeDecodeError``).
    """
    return _DECODER.decode(content.decode(json.detect_encoding(content), "surrogatepass"))


NOT_JSON: Any = object()
""":attr:`Read.data` of a body that is not JSON (an empty body, text, HTML)."""


@attrs.frozen
class Undecoded:
    """A 2xx body the generated model could not parse.

    Attributes:
        data: the body decoded as JSON (``dict``, ``list``, ``str``...), unchanged.
        problem: why the generated model refused it (exception type and message, no body text).
    """

    data: Any
    problem: str


class UnusableAnswer(ValueError):
    """A 2xx answer whose outcome fields are missing or unusable (no body text in the message)."""


Usable = Callable[[Any, Any], bool]
"""``usable(parsed, data)``: whether a 2xx answer (typed model or :class:`Undecoded`, and the
decoded JSON) carries the outcome fields it needs."""


class Read(NamedTuple):
    """An answer read once: ``parsed`` (the generated model, or :class:`Undecoded`) and
    ``data`` (the decoded JSON, or :data:`NOT_JSON`), beside the status, headers and bytes."""

    status_code: int
    content: bytes
    headers: Mapping[str, str]
    parsed: Any
    data: Any = NOT_JSON


def _problem(exc: BaseException) -> str:
    # KeyError's str() is the missing key in quotes; anything longer is cut so that no body
    # fragment a parser echoed can grow a log line without bound.
    return f"{type(exc).__name__}: {str(exc)[:200]}"


class Operation:
    """A generated ``<client>.api.<tag>.<operation>`` module, sent and read the one way (see the
    module docstring), with the adapter's optional ``usable`` check."""

    __slots__ = ("__name__", "module", "usable")

    def __init__(self, module: Any, usable: Usable | None = None) -> None:
        self.module = module
        self.usable = usable
        self.__name__: str = module.__name__

    def __repr__(self) -> str:
        return f"Operation({self.__name__})"

    def send(self, client: Any, kwargs: Mapping[str, Any], exchange: object) -> Read:
        """Send through ``client``'s pooled httpx client; ``exchange`` rides in the request."""
        request = self.module.build_request(**kwargs)
        response = client.get_httpx_client().request(**request, extensions={EXCHANGE: exchange})
        return self.read(client, response)

    async def asend(self, client: Any, kwargs: Mapping[str, Any], exchange: object) -> Read:
        """The async twin of :meth:`send`."""
        request = self.module.build_request(**kwargs)
        response = await client.get_async_httpx_client().request(**request, extensions={EXCHANGE: exchange})
        return self.read(client, response)

    def read(self, client: Any, response: httpx.Response) -> Read:
        """Decode the body once and parse the typed model from that decode."""
        content = response.content
        status = response.status_code
        try:
            data = decode(content) if content else NOT_JSON
        except ValueError:
            data = NOT_JSON
        ok = 200 <= status < 300
        try:
            if data is NOT_JSON:  # the generated parser reads text / raises on its own
                parsed = self.module.parse_response(client=client, response=response).parsed
            else:
                parsed = self.module.parse_response(client=client, response=response, data=data).parsed
        except Exception as exc:  # any parser failure on a 2xx JSON body is tolerated
            if not ok or data is NOT_JSON:
                raise
            parsed = Undecoded(data, _problem(exc))
        if ok and self.usable is not None and not self.usable(parsed, data):
            raise UnusableAnswer(f"{self.__name__}: HTTP {status} answer without usable outcome fields")
        return Read(status, content, response.headers, parsed, data)


def operation(module: Any, usable: Usable | None = None) -> Operation:
    """Wrap a generated operation module (an :class:`Operation` is returned unchanged)."""
    return module if isinstance(module, Operation) else Operation(module, usable)


@attrs.frozen
class Call:
    """One request through a generated operation.

    Attributes:
        operation: the generated module (``topstepx_client.api.order.place_order``), wrapped
            as an :class:`Operation` (one may be given, carrying its ``usable`` check).
        kwargs: its keyword arguments except ``client`` (``body=...``, path parameters).
        money_moving: places, cancels or changes an order; ambiguity then means
            :class:`OutcomeUnknown`, never a silent retry. Must agree with ``retry``
            (``READ`` is the only policy for calls that move no money).
        retry: the retry policy (decided by :mod:`orderbridge._policy`).
        name: short label for logs and errors (``"Order/place"``).
        token: which bearer token the request carries (:class:`Token`).
    """

    operation: Operation = attrs.field(converter=operation)
    kwargs: Mapping[str, Any] = attrs.field(repr=False)
    money_moving: bool = attrs.field(validator=_check_money_moving)
    retry: Retry
    name: str
    token: Token = Token.REQUIRED

    @classmethod
    def read(cls, operation: Any, kwargs: Mapping[str, Any], name: str, token: Token = Token.REQUIRED) -> Call:
        """A call that moves no money: :attr:`Retry.READ`, the only policy for one (logins,
        lookups, listings)."""
        return cls(operation, kwargs, money_moving=False, retry=Retry.READ, name=name, token=token)

    @classmethod
    def moving(cls, operation: Any, kwargs: Mapping[str, Any], name: str, retry: Retry = Retry.NEVER) -> Call:
        """A call that places, cancels or changes an order: never retried blindly
        (:attr:`Retry.NEVER`) unless the broker deduplicates it (:attr:`Retry.IDEMPOTENT`)."""
        return cls(operation, kwargs, money_moving=True, retry=retry, name=name)


@attrs.frozen
class Sent:
    """What a flow receives back for a :class:`Call`: the answer read once (a :class:`Read`,
    or a ``RawResponse`` with ``parsed=None`` for an error body the client could not parse),
    how many attempts it took, and whether an earlier attempt of a money-moving call may have
    reached the broker (``ambiguous_before``)."""

    response: Any
    attempts: int = 1
    ambiguous_before: bool = False
    target: str | None = None
    """The request's method and URL without userinfo or query (``"POST https://host/api/x"``),
    for messages; ``None`` when the transport did not say (:func:`request_target`)."""

    @property
    def data(self) -> Any:
        """The body as decoded once (:func:`decode`), or :data:`NOT_JSON`."""
        return getattr(self.response, "data", NOT_JSON)

    @property
    def status(self) -> int:
        return int(self.response.status_code)

    @property
    def parsed(self) -> Any:
        return self.response.parsed

    @property
    def headers(self) -> Mapping[str, str]:
        return self.response.headers  # type: ignore[no-any-return]

    @property
    def content(self) -> bytes:
        return self.response.content  # type: ignore[no-any-return]


Flow = Generator[Call, Sent, T]
"""A broker operation: yields calls, receives :class:`Sent`, returns the result."""


@attrs.frozen
class Grant:
    """A bearer token and its lifetime in seconds (``None``: no known expiry)."""

    token: str = attrs.field(repr=False)
    lifetime: float | None


def retry_after(headers: Mapping[str, str]) -> float | None:
    """``Retry-After`` in seconds when it is a non-negative number, else ``None``."""
    value = headers.get("retry-after") or headers.get("Retry-After")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def request_target(request: Any) -> str | None:
    """``"METHOD scheme://host[:port]/path"`` of an ``httpx.Request`` (no userinfo, no query:
    a query may carry a token), or ``None`` when there is none."""
    try:
        url = request.url
        method = request.method
    except (AttributeError, RuntimeError):  # httpx raises RuntimeError for an unset request
        return None
    port = f":{url.port}" if url.port is not None else ""
    return f"{method} {url.scheme}://{url.host}{port}{url.path}"


def wire_number(value: Decimal, field: str, broker: str) -> float:
    """Carry a decimal into a generated model field typed ``float`` (a JSON number on the wire).

    The generated clients type JSON numbers as ``float``; the wire text is the shortest repr
    of that float, which denotes exactly the same number as ``value`` whenever ``value`` has at
    most 15 significant digits. Anything the float cannot carry exactly is refused instead of
    being rounded.

    Raises:
        InvalidOrder: when the round trip is not exact.
    """
    from ._errors import InvalidOrder

    number = float(value)
    if Decimal(repr(number)) != value:
        raise InvalidOrder(
            f"{field} {value} has more digits than a JSON number can carry exactly to this broker",
            field=field,
            broker=broker,
        )
    return number


def enum_name(enum_cls: type[enum.Enum], code: object) -> str | None:
    """The spec's name for ``code`` in a generated enum (``PlaceOrderErrorCode``), or ``None``."""
    try:
        return enum_cls(code).name  # type: ignore[call-arg]
    except (ValueError, TypeError):
        return None


def answer_field(parsed: object, model: type, attribute: str, key: str) -> Any:
    """One field of an answer as sent, unchecked: ``attribute`` of a ``model`` instance (plain,
    :func:`plain`), or ``key`` of the decoded JSON when the body did not parse into ``model``
    (:class:`Undecoded`); ``None`` otherwise."""
    if isinstance(parsed, model):
        return plain(getattr(parsed, attribute))
    if isinstance(parsed, Undecoded) and isinstance(parsed.data, dict):
        return parsed.data.get(key)
    return None


def plain(value: Any) -> Any:
    """Unwrap a generated enum or ``Unset`` into a plain value (``Unset`` -> ``None``)."""
    if isinstance(value, enum.Enum):
        return value.value
    if type(value).__name__ == "Unset":
        return None
    return value


MAX_ENCODING_LAYERS = 2
"""Content-Encoding layers inflated at most (``gzip`` or ``deflate``, optionally twice)."""


ACCEPT_ENCODING = "gzip, deflate"


@attrs.define
class TokenBox:
    """The session's current bearer token; ``revision`` counts replacements."""

    token: str | None = attrs.field(default=None, repr=False)
    expires_at: float | None = None
    revision: int = 0


@attrs.define
class Exchange:
    """One attempt, as the transport saw it.

    Attributes:
        bearer: stamp the session's token on the request.
        deadline: ``time.monotonic()`` value after which the call has failed.
        timeout: seconds for each connect / read / write / pool wait of this attempt (the
            session's ``timeout``; ``inf``: the httpx client's own).
        sent: the request was handed to the network transport (bytes may have left).
        response: the response, body read and decoded, once it arrived.
        revision: the :attr:`TokenBox.revision` of the token that was stamped, if any.
    """

    bearer: bool = True
    deadline: float = math.inf
    timeout: float = math.inf
    sent: bool = False
    response: httpx.Response | None = None
    revision: int | None = None


class _Reader:
    """Counts, inflates and caps a response body, and watches the deadline between chunks."""

    __slots__ = ("_layers", "_parts", "_size", "deadline", "inflated", "max_bytes")

    def __init__(self, encoding: str | None, max_bytes: int, deadline: float) -> None:
        self.max_bytes = max_bytes
        self.deadline = deadline
        self._parts: list[bytes] = []
        self._size = 0
        if not encoding:  # the common case: nothing to inflate, chunks are counted as they come
            self._layers: list[_Inflater] = []
            self.inflated = False
            return
        codings = [c.strip().lower() for c in encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > MAX_ENCODING_LAYERS:
            raise httpx.DecodingError(f"too many Content-Encoding layers ({len(codings)})")
        self._layers = [_Inflater(c) for c in reversed(codings)]
        self.inflated = bool(self._layers)

    def feed(self, chunk: bytes) -> None:
        if time.monotonic() > self.deadline:
            raise DeadlineExceeded("the call's deadline passed while the response was arriving")
        data = chunk
        if self._layers:
            for layer in self._layers:
                data = layer(data, self.max_bytes - self._size)
        self._size += len(data)
        if self._size > self.max_bytes:
            raise ResponseTooLarge(f"response body larger than {self.max_bytes} bytes")
        if data:
            self._parts.append(data)

    def content(self) -> bytes:
        parts = self._parts
        return parts[0] if len(parts) == 1 else b"".join(parts)


class _Inflater:
    """One Content-Encoding layer, inflated incrementally with a bounded output."""

    def __init__(self, coding: str) -> None:
        if coding in ("gzip", "x-gzip"):
            wbits = 16 + zlib.MAX_WBITS
        elif coding == "deflate":
            wbits = 32 + zlib.MAX_WBITS  # zlib or gzip framing; raw deflate falls back below
        else:
            raise httpx.DecodingError(f"Content-Encoding {coding!r} was not asked for")
        self._coding = coding
        self._inflate = zlib.decompressobj(wbits)
        self._started = False

    def __call__(self, data: bytes, budget: int) -> bytes:
        limit = max(budget, 0) + 1
        try:
            out = self._inflate.decompress(data, limit)
        except zlib.error:
            if self._coding != "deflate" or self._started:
                raise httpx.DecodingError("malformed compressed body") from None
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)
            out = self._inflate.decompress(data, limit)
        self._started = True
        if len(out) > budget:
            raise ResponseTooLarge("decoded response body larger than the cap")
        return out


_WAITS = ("connect", "read", "write", "pool")


def _prepare(request: httpx.Request, box: TokenBox, exchange: Exchange) -> None:
    token = box.token
    if exchange.bearer and token:
        request.headers["Authorization"] = f"Bearer {token}"
        exchange.revision = box.revision
    remaining = exchange.deadline - time.monotonic()
    if remaining <= 0:
        raise DeadlineExceeded("the call's deadline passed before the request was sent")
    if exchange.timeout < math.inf:  # the session's timeout (with_options may differ from the pool's)
        request.extensions["timeout"] = dict.fromkeys(_WAITS, min(exchange.timeout, remaining))
    else:
        timeouts = request.extensions.get("timeout")
        if not timeouts or None in timeouts.values() or remaining < max(timeouts.values()):
            request.extensions["timeout"] = {
                k: remaining if v is None else min(float(v), remaining)
                for k, v in {**dict.fromkeys(_WAITS), **(timeouts or {})}.items()
            }
    exchange.sent = True


def _whole(response: httpx.Response, stream: httpx.ByteStream, max_bytes: int, deadline: float) -> httpx.Response:
    """A plain body already in memory (an ``httpx.ByteStream`` without Content-Encoding: a
    MockTransport's or the WebSocket transport's response) is one chunk: it gets the checks
    :meth:`_Reader.feed` makes for a chunk (deadline, then size) and the response is kept as is."""
    if time.monotonic() > deadline:
        raise DeadlineExceeded("the call's deadline passed while the response was arriving")
    if len(b"".join(stream)) > max_bytes:  # an in-memory ByteStream can be read again as is
        raise ResponseTooLarge(f"response body larger than {max_bytes} bytes")
    return response


def _read_whole(response: httpx.Response, max_bytes: int, exchange: Exchange) -> bool:
    """Whether ``response`` is a plain body already in memory, now checked by :func:`_whole`
    and kept on ``exchange``; otherwise its stream is still to be read through a :class:`_Reader`."""
    stream = response.stream
    if response.headers.get("content-encoding") or type(stream) is not httpx.ByteStream:
        return False
    exchange.response = _whole(response, stream, max_bytes, exchange.deadline)
    return True


def _finish(response: httpx.Response, reader: _Reader) -> httpx.Response:
    """The response with its body replaced by what the reader kept (already inflated)."""
    content = reader.content()
    if reader.inflated:
        del response.headers["Content-Encoding"]
        if "Content-Length" in response.headers:
            response.headers["Content-Length"] = str(len(content))
    if reader.inflated or not isinstance(response.stream, httpx.ByteStream):
        response.stream = httpx.ByteStream(content)  # an in-memory ByteStream can be read again as is
    return response


class _Wrapping:
    """What both session transports share: the state they hold and the steps around the I/O."""

    def __init__(self, inner: Any, box: TokenBox, max_bytes: int) -> None:
        self.inner = inner
        self._box = box
        self._max_bytes = max_bytes

    def _start(self, request: httpx.Request) -> Exchange:
        """The attempt's :class:`Exchange` (a bare one for a request sent without), with the
        request stamped and its timeouts capped (:func:`_prepare`)."""
        exchange = request.extensions.get(EXCHANGE) or Exchange()
        _prepare(request, self._box, exchange)
        return exchange

    def _reader(self, response: httpx.Response, exchange: Exchange) -> _Reader | None:
        """``None`` when the body is already in memory (checked and kept on ``exchange``),
        else the :class:`_Reader` its stream is to be fed through."""
        if _read_whole(response, self._max_bytes, exchange):
            return None
        return _Reader(response.headers.get("content-encoding"), self._max_bytes, exchange.deadline)


class SessionTransport(_Wrapping, httpx.BaseTransport):
    """Wraps ``inner`` (the module docstring says what it adds)."""

    inner: httpx.BaseTransport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        exchange = self._start(request)
        response = self.inner.handle_request(request)
        reader = self._reader(response, exchange)
        if reader is not None:
            stream = response.stream
            assert isinstance(stream, httpx.SyncByteStream)
            try:
                for chunk in stream:
                    reader.feed(chunk)
            finally:
                stream.close()
            exchange.response = _finish(response, reader)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncSessionTransport(_Wrapping, httpx.AsyncBaseTransport):
    """The async twin of :class:`SessionTransport`."""

    inner: httpx.AsyncBaseTransport

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        exchange = self._start(request)
        response = await self.inner.handle_async_request(request)
        reader = self._reader(response, exchange)
        if reader is not None:
            stream = response.stream
            assert isinstance(stream, httpx.AsyncByteStream)
            try:
                async for chunk in stream:
                    reader.feed(chunk)
            finally:
                await stream.aclose()
            exchange.response = _finish(response, reader)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def client_options(timeout: float) -> dict[str, Any]:
    """Keyword arguments for ``httpx.Client`` / ``httpx.AsyncClient``: explicit timeouts, TLS
    verification on, redirects off (one admitted attempt is one outbound request)."""
    return {
        "timeout": httpx.Timeout(timeout),
        # The session transport stamps the bearer token; an explicit no-op auth also keeps
        # httpx from looking for user:password in every request URL.
        "auth": httpx.Auth(),
        "follow_redirects": False,
        "headers": {"User-Agent": "orderbridge", "Accept": "application/json", "Accept-Encoding": ACCEPT_ENCODING},
    }


MAX_CACHED_URLS = 512
"""Absolute URLs a session's httpx client keeps per relative path (cleared when full: paths
that carry order ids are many, the place / list paths few)."""


class _SessionClient:
    """What the session's httpx client adds to ``httpx.Client`` / ``httpx.AsyncClient``: the
    same requests, built with less work per call (both are public httpx seams, overridden with
    the same meaning).

    * :meth:`build_request` keeps the absolute URL of each relative path it saw (merged with
      ``base_url`` exactly as httpx merges it: the base path, then the path without its leading
      ``/``), so parsing and re-serialising the URL (about 15 µs) happens once per path, not
      once per request;
    * :attr:`cookies` is an ``httpx.Cookies`` that skips the standard library's cookie-jar walk
      for a response that sets no cookie (``http.cookiejar`` reads only ``Set-Cookie`` and
      ``Set-Cookie2``; the walk builds a ``urllib`` request per response, about 15 µs). A
      response that sets a cookie is stored as before.
    """

    base_url: httpx.URL

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._jar = _Cookies(kwargs.pop("cookies", None))
        self._urls: dict[str, httpx.URL] = {}
        super().__init__(*args, **kwargs)

    @property
    def cookies(self) -> httpx.Cookies:
        return self._jar

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        self._jar = _Cookies(cookies)

    def build_request(self, method: str, url: httpx.URL | str, *args: Any, **kwargs: Any) -> httpx.Request:
        if isinstance(url, str):
            url = self._absolute(url)
        return super().build_request(method, url, *args, **kwargs)  # type: ignore[misc, no-any-return]

    def _absolute(self, url: str) -> httpx.URL:
        known = self._urls.get(url)
        if known is None:
            known = httpx.URL(url)
            if known.is_relative_url:
                base = self.base_url
                known = base.copy_with(raw_path=base.raw_path + known.raw_path.lstrip(b"/"))
            if len(self._urls) >= MAX_CACHED_URLS:
                self._urls.clear()
            self._urls[url] = known
        return known


class _Cookies(httpx.Cookies):
    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)


class SessionClient(_SessionClient, httpx.Client):
    """The sync session's ``httpx.Client`` (see :class:`_SessionClient`)."""


class AsyncSessionClient(_SessionClient, httpx.AsyncClient):
    """The async session's ``httpx.AsyncClient`` (see :class:`_SessionClient`)."""


def http_transport(base_url: str) -> httpx.HTTPTransport:
    """The pooled HTTP transport of a session (TLS verified, the environment's proxy)."""
    return httpx.HTTPTransport(verify=True, limits=_LIMITS, proxy=_env_proxy(base_url))


def async_http_transport(base_url: str) -> httpx.AsyncHTTPTransport:
    """The async twin of :func:`http_transport`."""
    return httpx.AsyncHTTPTransport(verify=True, limits=_LIMITS, proxy=_env_proxy(base_url))


_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


def _env_proxy(base_url: str) -> str | None:
    """The proxy the environment names for ``base_url`` (``HTTPS_PROXY`` / ``HTTP_PROXY``,
    honouring ``NO_PROXY``); never one for a loopback host."""
    import urllib.request
    from urllib.parse import urlsplit

    from ._config import is_loopback

    parts = urlsplit(base_url)
    host = parts.hostname or ""
    if is_loopback(host) or urllib.request.proxy_bypass(host):
        return None
    return urllib.request.getproxies().get(parts.scheme)


@attrs.frozen
class RawResponse:
    """A response the generated client could not parse, handed to the flow with
    ``parsed=None`` so that its *status* still decides the outcome (a gateway's HTML 502)."""

    status_code: int
    content: bytes
    headers: httpx.Headers
    parsed: None = None
