"""The session's httpx transport: the only code between a session and the wire.

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
(:data:`~orderbridge._flow.EXCHANGE`, httpx's own seam for per-request state; set by
:class:`~orderbridge._flow.Operation`). Redirects are never followed
(``follow_redirects=False``): a 3xx comes back as a response and the attempt policy decides.
"""

from __future__ import annotations

import math
import time
import zlib
from typing import Any

import attrs
import httpx

from ._errors import DeadlineExceeded, ResponseTooLarge
from ._flow import EXCHANGE

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


class SessionTransport(httpx.BaseTransport):
    """Wraps ``inner`` (the module docstring says what it adds)."""

    def __init__(self, inner: httpx.BaseTransport, box: TokenBox, max_bytes: int) -> None:
        self.inner = inner
        self._box = box
        self._max_bytes = max_bytes

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        exchange = request.extensions.get(EXCHANGE) or Exchange()
        _prepare(request, self._box, exchange)
        response = self.inner.handle_request(request)
        if _read_whole(response, self._max_bytes, exchange):
            return response
        stream = response.stream
        assert isinstance(stream, httpx.SyncByteStream)
        try:
            reader = _Reader(response.headers.get("content-encoding"), self._max_bytes, exchange.deadline)
            feed = reader.feed
            for chunk in stream:
                feed(chunk)
        finally:
            stream.close()
        exchange.response = _finish(response, reader)
        return response

    def close(self) -> None:
        self.inner.close()


class AsyncSessionTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`SessionTransport`."""

    def __init__(self, inner: httpx.AsyncBaseTransport, box: TokenBox, max_bytes: int) -> None:
        self.inner = inner
        self._box = box
        self._max_bytes = max_bytes

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        exchange = request.extensions.get(EXCHANGE) or Exchange()
        _prepare(request, self._box, exchange)
        response = await self.inner.handle_async_request(request)
        if _read_whole(response, self._max_bytes, exchange):
            return response
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        try:
            reader = _Reader(response.headers.get("content-encoding"), self._max_bytes, exchange.deadline)
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
