"""CrossTrade's WebSocket RPC as an httpx transport: ``connect("crosstrade", transport="websocket")``.

:class:`WebSocketTransport` / :class:`AsyncWebSocketTransport` sit under the ordinary
:class:`~orderbridge.Session` exactly where the HTTP connection pool would: the generated
client builds the same REST request, the transport maps its method and path to the RPC
(:data:`RPC_ROUTES`), sends it as one message and answers with the ``httpx.Response`` REST
would have given. The adapter's flows, the attempt policy and the outcome rules therefore run
unchanged (CrossTrade WebSocket API guide; ``specs/crosstrade.asyncapi.yaml``)::

    -> {"action": "rpc", "id": "<uuid>", "api": "PlaceOrder", "args": {"account": "Sim101", ...body}}
    <- {"id": "<uuid>", "data": {"orderId": "...", "success": true}}

Wire rules:

* one connection per session at ``<base_url with ws(s)://>/ws/stream``, opened on first use with
  the request's ``Authorization: Bearer <token>`` on the upgrade; replies are matched to
  requests by ``id``, so concurrent calls share the connection (a reader thread / task hands
  each reply to its waiter);
* redirects on the upgrade are never followed: a 3xx is a refused connection;
* keep-alive: ``{"action": "ping"}`` every :data:`PING_INTERVAL` seconds, plus WebSocket-level
  pings (a peer that stops answering closes the connection);
* a closed connection is reopened on the next call; whether a failed call is attempted again
  is the attempt policy's decision, as on REST;
* the reply carries no HTTP status, so the one REST would have sent is inferred from ``data``
  (:func:`reply_status`): 200 success; 400 ``{"error": ...}`` / ``success: false``; 404 "not
  found" on a lookup or code ``not_found``; 408 (bridge offline), 429 (rate limit), 500
  (``internal_error``) when the error is the body REST sends with those statuses;
* failures are the httpx exceptions a REST transport raises: could not connect ->
  ``httpx.ConnectError`` (nothing was sent); no reply within the read timeout ->
  ``httpx.ReadTimeout``; the connection closed after the request was written ->
  ``httpx.RemoteProtocolError``. A 401/403 on the upgrade is answered as that status.

``websockets`` is an optional dependency: ``pip install 'orderbridge[websocket]'``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import threading
import uuid
from collections.abc import Mapping
from typing import Any, Generic, NamedTuple, Protocol, TypeVar
from urllib.parse import unquote, urlsplit

import httpx
from websockets.asyncio.client import ClientConnection as AsyncConnection
from websockets.asyncio.client import connect as _async_connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, InvalidURI, WebSocketException
from websockets.protocol import State
from websockets.sync.client import ClientConnection as SyncConnection
from websockets.sync.client import reconnect as _sync_connecter

from ..._config import is_loopback
from ..._errors import NotSupported
from .adapter import _MACHINE_CODE, NOT_FOUND_CODES

log = logging.getLogger("orderbridge")


class _RedactAuthorization(logging.Filter):
    """websockets logs the upgrade request's headers at DEBUG: never the bearer token."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 2 and str(args[0]).lower() == "authorization":
            record.args = (args[0], "***")
        return True


wire_log = logging.getLogger("orderbridge.websocket")
"""The logger handed to websockets (its DEBUG output: handshake and frames, token redacted)."""
wire_log.addFilter(_RedactAuthorization())

STREAM_PATH = "/ws/stream"
"""Path of the WebSocket API under the REST base URL (``wss://app.crosstrade.io/ws/stream``)."""

RPC_ROUTES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("POST", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/orders/place$"), "PlaceOrder"),
    ("POST", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/orders/flatplace$"), "FlatPlace"),
    ("GET", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/orders/(?P<orderId>[^/]+)$"), "GetOrder"),
    ("POST", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/orders/(?P<orderId>[^/]+)/cancel$"), "Cancel"),
    ("PUT", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/orders/(?P<orderId>[^/]+)/change$"), "Change"),
    ("POST", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/orders/cancel$"), "CancelOrders"),
    ("POST", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/positions/close$"), "ClosePosition"),
    ("POST", re.compile(r"/v1/api/accounts/(?P<account>[^/]+)/positions/flatten$"), "Flatten"),
)
"""REST method + path (spec operations ``place_order``, ``flat_place_order``, ``get_order``,
``cancel_order``, ``change_order``, ``cancel_orders``, ``close_position``,
``flatten_positions``) -> the RPC ``api`` of the same call; path parameters become ``args``
(CrossTrade WebSocket API guide; ``specs/crosstrade.asyncapi.yaml``, whose RPC names the
endpoint pages confirm). The account reads ``modify_order``'s siblings use (``list_orders``,
per-account ``list_positions``, ``list_executions``, ``get_account``) have no documented RPC,
so over this transport ``open_orders``, ``positions``, ``fills`` and ``balances`` raise
:class:`NotSupported` before anything is sent (``flatten`` is native here: CancelOrders, then
Flatten)."""

PING_INTERVAL = 20.0
"""Seconds between ``{"action": "ping"}`` keep-alive messages."""
_PING = json.dumps({"action": "ping"})

ERROR_CODE_STATUS: Mapping[str, int] = {
    **dict.fromkeys(NOT_FOUND_CODES, 404),
    "unauthorized": 401,
    "rate_limited": 429,
    "internal_error": 500,
}
"""Machine error codes (newer error shape) -> the HTTP status REST answers them with."""
ERROR_TEXT_STATUS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"^unauthori[sz]ed\b", re.IGNORECASE), 401),
    (re.compile(r"rate limit", re.IGNORECASE), 429),
    (re.compile(r"not connected|timed out", re.IGNORECASE), 408),
)
"""Error texts (older shape, no machine code) -> status, first match wins."""
LOOKUP_APIS = frozenset({"GetOrder"})
"""RPCs that read one resource: an error saying "not found" is REST's 404 there (elsewhere,
e.g. ``Cancel``'s "Order linked to '<id>' not found or already terminal.", REST says 400)."""
_NOT_FOUND = re.compile(r"not found", re.IGNORECASE)


class _SyncConnecter(_sync_connecter):
    """websockets' sync connecter without redirects: a 3xx on the upgrade is a refusal
    (``InvalidStatus``), never a new host that would receive the RPC."""

    def process_redirect(self, exc: Exception) -> Exception | str:
        return exc


def sync_connect(url: str, **options: Any) -> SyncConnection:
    """``websockets.sync.client.connect(url, legacy=True, ...)``, following no redirect."""
    connection: SyncConnection = _SyncConnecter(url, **options).connect()
    connection.pending_legacy_warning = False
    return connection


class async_connect(_async_connect):
    """websockets' async ``connect`` without redirects (see :class:`_SyncConnecter`)."""

    def process_redirect(self, exc: Exception) -> Exception | str:
        return exc


# -- pure mapping: REST request <-> RPC ---------------------------------------------------------------
def websocket_url(base_url: str) -> str:
    """``https://app.crosstrade.io`` -> ``wss://app.crosstrade.io/ws/stream`` (``http`` -> ``ws``)."""
    scheme, rest = base_url.split("://", 1)
    return f"{'wss' if scheme == 'https' else 'ws'}://{rest.rstrip('/')}{STREAM_PATH}"


def rpc_request(request: httpx.Request, base_path: str = "") -> tuple[str, dict[str, Any]]:
    """The RPC ``api`` name and ``args`` for a REST ``request``: path parameters plus the JSON
    body's fields. ``base_path`` is the base URL's path prefix (``/crosstrade`` on the sandbox).

    Raises:
        NotSupported: the operation has no RPC (nothing is sent).
    """
    path = request.url.raw_path.decode("ascii").split("?", 1)[0]  # still percent-encoded
    if base_path and path.startswith(base_path):
        path = path[len(base_path) :]
    for method, pattern, api in RPC_ROUTES:
        match = pattern.match(path) if request.method == method else None
        if match is None:
            continue
        args: dict[str, Any] = {name: unquote(value) for name, value in match.groupdict().items()}
        content = request.content
        if content:
            body = json.loads(content)
            if isinstance(body, dict):
                args = {**body, **args}
        return api, args
    raise NotSupported(
        f"{request.method} {path} is not available over the WebSocket transport: CrossTrade documents no "
        "WebSocket RPC for it; use the default HTTP transport",
        feature="websocket",
        broker="crosstrade",
    )


def reply_status(data: Any, api: str = "") -> int:
    """The HTTP status REST would have answered ``data`` of RPC ``api`` with (replies carry
    none): 200 unless ``data`` is an error; then the machine code's or the text's status
    (:data:`ERROR_CODE_STATUS`, :data:`ERROR_TEXT_STATUS`), 404 for "not found" on a lookup,
    else 400."""
    if not isinstance(data, dict):
        return 200
    error, detail = data.get("error"), data.get("detail")
    if error is None and data.get("success") is not False:
        return 200
    code = error if isinstance(error, str) and _MACHINE_CODE.match(error) else None
    if code is not None and code in ERROR_CODE_STATUS:
        return ERROR_CODE_STATUS[code]
    words = " ".join(text for text in (error, detail) if isinstance(text, str))
    if code is None:
        for pattern, status in ERROR_TEXT_STATUS:
            if pattern.search(words):
                return status
    if api in LOOKUP_APIS and _NOT_FOUND.search(words):
        return 404
    return 400


def _reply_data(message: Mapping[str, Any]) -> Any:
    # The documented reply is {"id", "data"}; tolerate an error form without "data".
    if "data" in message:
        return message["data"]
    return {k: v for k, v in message.items() if k != "id"}


class _Refused(Exception):
    """The upgrade was refused with 401/403: answered as that status (nothing was sent)."""

    def __init__(self, status: int, body: bytes) -> None:
        super().__init__(status)
        self.status = status
        self.body = body


class _Dropped:
    """Marker handed to waiters when the connection closed before their reply."""


_DROPPED = _Dropped()


def _dropped_error(url: str) -> httpx.RemoteProtocolError:
    return httpx.RemoteProtocolError(
        "the WebSocket connection closed before the reply arrived", request=httpx.Request("GET", url)
    )


def _timeout_error(url: str) -> httpx.ReadTimeout:
    return httpx.ReadTimeout("no reply on the WebSocket within the timeout", request=httpx.Request("GET", url))


def _connect_failure(exc: BaseException, url: str) -> Exception:
    """A failure to open the connection, as the httpx exception the REST path would raise."""
    request = httpx.Request("GET", url)
    if isinstance(exc, InvalidStatus):
        status = exc.response.status_code
        if status in (401, 403):
            return _Refused(status, bytes(exc.response.body or b""))
        return httpx.ConnectError(f"WebSocket upgrade refused with HTTP {status}", request=request)
    if isinstance(exc, TimeoutError):
        return httpx.ConnectTimeout("timed out opening the WebSocket connection", request=request)
    if isinstance(exc, InvalidURI):
        return httpx.InvalidURL(str(exc))
    return httpx.ConnectError(f"could not open the WebSocket connection ({type(exc).__name__})", request=request)


def _connect_options(url: str, authorization: str, timeout: float) -> dict[str, Any]:
    host = urlsplit(url).hostname or ""
    options: dict[str, Any] = {
        "additional_headers": {"Authorization": authorization} if authorization else {},
        "user_agent_header": "orderbridge",
        "open_timeout": timeout,
        "close_timeout": min(timeout, 5.0),
        "ping_interval": PING_INTERVAL,
        "ping_timeout": PING_INTERVAL,
        "logger": wire_log,
    }
    if is_loopback(host):
        options["proxy"] = None  # a loopback sandbox is never reached through a proxy
    return options


def _encode(rid: str, api: str, args: Mapping[str, Any]) -> str:
    return json.dumps({"action": "rpc", "id": rid, "api": api, "args": args})


def _decode(message: str | bytes) -> tuple[str, Any] | None:
    """``(id, data)`` of a reply; None for anything else (pong, market data, garbage)."""
    try:
        parsed = json.loads(message)
    except ValueError:
        log.debug("orderbridge: ignored a non-JSON WebSocket message")
        return None
    if not isinstance(parsed, dict) or not isinstance(parsed.get("id"), str):
        return None
    return parsed["id"], _reply_data(parsed)


# -- what both twins share ------------------------------------------------------------------------
class _Rpc(NamedTuple):
    """One REST request as the RPC call it becomes, with the request's own limits."""

    api: str
    args: dict[str, Any]
    authorization: str
    connect_timeout: float
    read_timeout: float


class _Link(Protocol):
    @property
    def open(self) -> bool: ...


_L = TypeVar("_L", bound=_Link)


class _Endpoint(Generic[_L]):
    """What :class:`WebSocketTransport` and :class:`AsyncWebSocketTransport` share: the stream's
    address and limits, the link in use and the token it was opened with, and the REST <-> RPC
    mapping. Each twin adds only its way of waiting (a reader thread and locks, or a task)."""

    def __init__(self, base_url: str, ping_interval: float, open_timeout: float) -> None:
        self.url = websocket_url(base_url)
        self.connects = 0
        """How many times this transport opened its WebSocket connection."""
        self._base_path = urlsplit(base_url).path.rstrip("/")
        self._ping_interval = ping_interval
        self._open_timeout = open_timeout
        self._link: _L | None = None
        self._authorization: str | None = None

    @property
    def connected(self) -> bool:
        """Whether the connection is open now (it is opened on first use and after a drop)."""
        link = self._link
        return link is not None and link.open

    def _rpc(self, request: httpx.Request) -> _Rpc:
        """The RPC call for ``request`` (:func:`rpc_request`) and its connect / read timeouts.

        Raises:
            NotSupported: the operation has no RPC (nothing is sent).
        """
        api, args = rpc_request(request, self._base_path)
        timeouts = request.extensions.get("timeout") or {}
        return _Rpc(
            api,
            args,
            request.headers.get("Authorization", ""),
            timeouts.get("connect") or self._open_timeout,
            timeouts.get("read") or self._open_timeout,
        )

    def _reusable(self, authorization: str) -> _L | None:
        """The link in use, if it is open and was opened with this ``Authorization``."""
        link = self._link
        return link if link is not None and link.open and authorization == self._authorization else None

    def _opened(self, link: _L, authorization: str) -> _L:
        self._link = link
        self._authorization = authorization
        self.connects += 1
        return link


def _response(status: int, content: bytes, request: httpx.Request) -> httpx.Response:
    return httpx.Response(status, content=content, headers={"Content-Type": "application/json"}, request=request)


def _reply(data: Any, rpc: _Rpc, request: httpx.Request) -> httpx.Response:
    """The ``httpx.Response`` REST would have given for the RPC reply ``data``."""
    return _response(reply_status(data, rpc.api), json.dumps(data).encode(), request)


# -- sync -------------------------------------------------------------------------------------------
class _Waiter:
    def __init__(self) -> None:
        self.event = threading.Event()
        self.data: Any = _DROPPED


class _SyncLink:
    """One open connection and the thread that reads its replies."""

    def __init__(self, conn: SyncConnection) -> None:
        self.conn = conn
        self._waiters: dict[str, _Waiter] = {}
        self._lock = threading.Lock()
        self._done = False
        self._reader = threading.Thread(target=self._read, name="orderbridge-ws-reader", daemon=True)
        self._reader.start()

    @property
    def open(self) -> bool:
        return not self._done and self.conn.protocol.state is State.OPEN

    def _read(self) -> None:
        try:
            for message in self.conn:
                decoded = _decode(message)
                if decoded is None:
                    continue
                with self._lock:
                    waiter = self._waiters.pop(decoded[0], None)
                if waiter is None:
                    log.debug("orderbridge: WebSocket reply for no pending request (late or unknown id)")
                    continue
                waiter.data = decoded[1]
                waiter.event.set()
        except ConnectionClosed:
            pass
        except Exception:  # the reader must not die silently with waiters pending
            log.exception("orderbridge: WebSocket reader failed")
        finally:
            with self._lock:
                self._done = True
                pending = list(self._waiters.values())
                self._waiters.clear()
            for waiter in pending:
                waiter.event.set()  # data stays _DROPPED

    def request(self, api: str, args: Mapping[str, Any], timeout: float, url: str) -> Any:
        rid = uuid.uuid4().hex
        waiter = _Waiter()
        with self._lock:
            if self._done:
                raise _dropped_error(url)
            self._waiters[rid] = waiter
        try:
            self.conn.send(_encode(rid, api, args))
        except ConnectionClosed as exc:
            self._forget(rid)
            raise _dropped_error(url) from exc
        if not waiter.event.wait(timeout):
            self._forget(rid)
            raise _timeout_error(url)
        if waiter.data is _DROPPED:
            raise _dropped_error(url)
        return waiter.data

    def ping(self) -> None:
        with contextlib.suppress(ConnectionClosed):
            self.conn.send(_PING)

    def _forget(self, rid: str) -> None:
        with self._lock:
            self._waiters.pop(rid, None)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()
        self._reader.join(timeout=5)


class WebSocketTransport(_Endpoint[_SyncLink], httpx.BaseTransport):
    """The CrossTrade WebSocket RPC as a sync httpx transport (module docstring).

    Args:
        base_url: the REST base URL (``https://app.crosstrade.io``); the stream is at
            ``/ws/stream`` under it.
        ping_interval: seconds between ``{"action": "ping"}`` keep-alive messages.
        open_timeout: seconds to open the connection (the request's connect timeout wins).
    """

    def __init__(self, base_url: str, *, ping_interval: float = PING_INTERVAL, open_timeout: float = 10.0) -> None:
        super().__init__(base_url, ping_interval, open_timeout)
        self._lock = threading.Lock()
        self._closed = threading.Event()
        self._pinger: threading.Thread | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        rpc = self._rpc(request)
        try:
            link = self._connected(rpc.authorization, rpc.connect_timeout)
        except _Refused as refused:
            return _response(refused.status, refused.body, request)
        return _reply(link.request(rpc.api, rpc.args, rpc.read_timeout, self.url), rpc, request)

    def _connected(self, authorization: str, timeout: float) -> _SyncLink:
        with self._lock:
            if self._closed.is_set():
                raise RuntimeError("the WebSocket transport is closed")
            link = self._reusable(authorization)
            if link is not None:
                return link
            if self._link is not None:
                self._link.close()
            self._link = None
            options = _connect_options(self.url, authorization, timeout)
            try:
                connection = sync_connect(self.url, **options)
            except (OSError, WebSocketException) as exc:
                raise _connect_failure(exc, self.url) from exc
            link = self._opened(_SyncLink(connection), authorization)
            if self._pinger is None:
                self._pinger = threading.Thread(target=self._keepalive, name="orderbridge-ws-ping", daemon=True)
                self._pinger.start()
            return link

    def _keepalive(self) -> None:
        while not self._closed.wait(self._ping_interval):
            link = self._link
            if link is not None and link.open:
                link.ping()

    def close(self) -> None:
        """Close the WebSocket connection and stop the keep-alive."""
        self._closed.set()
        with self._lock:
            link, self._link = self._link, None
        if link is not None:
            link.close()
        if self._pinger is not None:
            self._pinger.join(timeout=5)


# -- async ------------------------------------------------------------------------------------------
class _AsyncLink:
    """The async twin of :class:`_SyncLink` (a reader task instead of a thread)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self._waiters: dict[str, asyncio.Future[Any]] = {}
        self._done = False
        self._reader = asyncio.get_running_loop().create_task(self._read())

    @property
    def open(self) -> bool:
        return not self._done and self.conn.protocol.state is State.OPEN

    async def _read(self) -> None:
        try:
            async for message in self.conn:
                decoded = _decode(message)
                if decoded is None:
                    continue
                future = self._waiters.pop(decoded[0], None)
                if future is None or future.done():
                    log.debug("orderbridge: WebSocket reply for no pending request (late or unknown id)")
                    continue
                future.set_result(decoded[1])
        except ConnectionClosed:
            pass
        except Exception:
            log.exception("orderbridge: WebSocket reader failed")
        finally:
            self._done = True
            pending = list(self._waiters.values())
            self._waiters.clear()
            for future in pending:
                if not future.done():
                    future.set_result(_DROPPED)

    async def request(self, api: str, args: Mapping[str, Any], timeout: float, url: str) -> Any:
        if self._done:
            raise _dropped_error(url)
        rid = uuid.uuid4().hex
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._waiters[rid] = future
        try:
            try:
                await self.conn.send(_encode(rid, api, args))
            except ConnectionClosed as exc:
                raise _dropped_error(url) from exc
            try:
                async with asyncio.timeout(timeout):
                    data = await future
            except TimeoutError:
                raise _timeout_error(url) from None
        finally:
            self._waiters.pop(rid, None)
        if data is _DROPPED:
            raise _dropped_error(url)
        return data

    async def ping(self) -> None:
        with contextlib.suppress(ConnectionClosed):
            await self.conn.send(_PING)

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.conn.close()
        with contextlib.suppress(Exception):
            await self._reader


class AsyncWebSocketTransport(_Endpoint[_AsyncLink], httpx.AsyncBaseTransport):
    """The async twin of :class:`WebSocketTransport`."""

    def __init__(self, base_url: str, *, ping_interval: float = PING_INTERVAL, open_timeout: float = 10.0) -> None:
        super().__init__(base_url, ping_interval, open_timeout)
        self._lock: asyncio.Lock | None = None
        self._closed = False
        self._pinger: asyncio.Task[None] | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        rpc = self._rpc(request)
        try:
            link = await self._connected(rpc.authorization, rpc.connect_timeout)
        except _Refused as refused:
            return _response(refused.status, refused.body, request)
        return _reply(await link.request(rpc.api, rpc.args, rpc.read_timeout, self.url), rpc, request)

    async def _connected(self, authorization: str, timeout: float) -> _AsyncLink:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            if self._closed:
                raise RuntimeError("the WebSocket transport is closed")
            link = self._reusable(authorization)
            if link is not None:
                return link
            if self._link is not None:
                await self._link.close()
            self._link = None
            options = _connect_options(self.url, authorization, timeout)
            try:
                connection: AsyncConnection = await async_connect(self.url, **options)
            except (OSError, WebSocketException, TimeoutError) as exc:
                raise _connect_failure(exc, self.url) from exc
            link = self._opened(_AsyncLink(connection), authorization)
            if self._pinger is None:
                self._pinger = asyncio.get_running_loop().create_task(self._keepalive())
            return link

    async def _keepalive(self) -> None:
        while True:
            await asyncio.sleep(self._ping_interval)
            link = self._link
            if link is not None and link.open:
                await link.ping()

    async def aclose(self) -> None:
        """Close the WebSocket connection and stop the keep-alive."""
        self._closed = True
        if self._pinger is not None:
            self._pinger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pinger
        link, self._link = self._link, None
        if link is not None:
            await link.close()


__all__ = ["AsyncWebSocketTransport", "WebSocketTransport", "reply_status", "rpc_request", "websocket_url"]
