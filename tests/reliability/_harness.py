"""Machinery of the reliability suite: broker fixtures as data, a fault-injecting test transport
that wraps the sandbox (in-process or over loopback HTTP), a "rig" that drives the sync or async
facade against it, and the bookkeeping every test shares (outcome capture, secret registry,
fault counting).

Nothing here talks to anything but the in-process sandbox or a loopback socket.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import functools
import json
import socket
import ssl
import time
from collections.abc import Awaitable, Callable, Coroutine
from decimal import Decimal
from typing import Any

import httpx

import orderbridge as ob
from orderbridge.testing import use_sleep
from orderbridge_sandbox import ManualClock, Sandbox
from orderbridge_sandbox.routes import NoRoute, split_prefix, table

from ._stats import STATS

BROKERS: tuple[str, ...] = tuple(ob.BROKERS)

CREDENTIALS: dict[str, dict[str, str]] = {
    "topstepx": {"username": "demo", "api_key": "demo-api-key"},
    "crosstrade": {"token": "demo-token"},
    "tradestation": {"client_id": "demo-client", "client_secret": "demo-secret", "refresh_token": "demo-refresh"},
    "sophic": {"client_id": "demo-client", "client_secret": "demo-secret"},
}
DEMO_SECRETS = ("demo-api-key", "demo-token", "demo-secret", "demo-refresh")
"""Secret credential values of the demo users (usernames and client ids are not secrets)."""

ACCOUNT = {"topstepx": "465", "crosstrade": "Sim101", "tradestation": "123456", "sophic": "acc_abc123"}
INSTRUMENT = {"topstepx": "CON.F.US.MES.Z25", "crosstrade": "MES 12-25", "tradestation": "MSFT", "sophic": "ins_xyz789"}

OPERATION: dict[str, dict[str, str | None]] = {
    # facade call -> the sandbox operationId it sends (None: nothing is sent)
    "place": {
        "topstepx": "place_order",
        "crosstrade": "place_order",
        "tradestation": "place_order",
        "sophic": "place_order",
    },
    "get": {
        "topstepx": "search_order_by_id",
        "crosstrade": "get_order",
        "tradestation": "list_account_orders",
        "sophic": "get_order",
    },
    "cancel": {
        "topstepx": "cancel_order",
        "crosstrade": "cancel_order",
        "tradestation": "cancel_order",
        "sophic": None,
    },
    "resolve": {"topstepx": "search_orders", "crosstrade": "get_order", "tradestation": None, "sophic": "place_order"},
}
TOKEN_OPERATIONS = {
    "topstepx": ("login_key", "validate_session"),
    "crosstrade": (),
    "tradestation": ("authorize",),
    "sophic": ("create_token",),
}
TOKEN_LIFETIME: dict[str, int | None] = {
    "topstepx": 24 * 3600,
    "crosstrade": None,
    "tradestation": 20 * 60,
    "sophic": 15 * 60,
}


def market_order(broker: str, cid: str | None = None) -> ob.Order:
    if broker == "sophic":
        return ob.Order(instrument=INSTRUMENT[broker], side="buy", cash_amount=Decimal("10.00"), client_order_id=cid)
    return ob.Order(instrument=INSTRUMENT[broker], side="buy", quantity=Decimal("1"), client_order_id=cid)


def resting_order(broker: str, cid: str | None = None) -> ob.Order:
    """An order that stays working in the sandbox (so it can be cancelled)."""
    price = {"topstepx": "6000.25", "crosstrade": "6000.25", "tradestation": "100.00"}.get(broker)
    if price is None:
        return market_order(broker, cid)
    return ob.Order(
        instrument=INSTRUMENT[broker],
        side="buy",
        type="limit",
        quantity=Decimal("1"),
        limit_price=Decimal(price),
        client_order_id=cid,
    )


_cid_counter = iter(range(10**9))


def new_cid(tag: str = "t") -> str:
    """A unique client order id (``[A-Za-z0-9_-]{1,22}``) that is easy to trace in failures."""
    return f"{tag[:6]}-{time.time_ns() % 10**9:09d}-{next(_cid_counter)}"[:22]


# -- reading requests -------------------------------------------------------------------------------


def operation_of(broker: str, request: httpx.Request) -> str:
    """The spec ``operationId`` a request addresses (through the sandbox's own route table)."""
    name, path = split_prefix(request)
    if name != broker:
        return ""
    match = table(broker).match(request.method, path)
    return "" if isinstance(match, NoRoute) else match.operation


def wire_cid(broker: str, request: httpx.Request) -> str | None:
    """The client order id as sent in the broker's own field or header."""
    if broker == "sophic":
        key: str | None = request.headers.get("idempotency-key")
        return key
    try:
        body = json.loads(request.content or b"null")
    except ValueError:
        return None
    field = {"topstepx": "customTag", "crosstrade": "orderId", "tradestation": "OrderConfirmId"}[broker]
    value = body.get(field) if isinstance(body, dict) else None
    return None if value is None else str(value)


def validation_key(broker: str, request: httpx.Request, prefix: str) -> tuple[Any, ...]:
    """A key under which two requests validate alike: the client order id and the bearer token
    are replaced by placeholders of the same length (their validity depends only on that)."""
    swap: list[str] = []
    cid = wire_cid(broker, request)
    if cid:
        swap.append(cid)
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer ") and len(auth) > 7:
        swap.append(auth[7:])
    text = "\n".join([request.method, str(request.url), *(f"{k}:{v}" for k, v in request.headers.multi_items())])
    body = request.content
    for value in swap:
        text = text.replace(value, "x" * len(value))
        body = body.replace(value.encode(), b"x" * len(value.encode()))
    return broker, prefix, text, body


# -- secrets and per-test bookkeeping ---------------------------------------------------------------


class Ledger:
    """Per-test state the autouse fixture resets and audits: sandboxes to harvest (issued tokens,
    fired faults), texts to scan for secrets (reprs and messages of every outcome)."""

    def __init__(self) -> None:
        self.sandboxes: list[Sandbox] = []
        self.texts: list[str] = []
        self.secrets: set[str] = set(DEMO_SECRETS)
        self._cursors: dict[int, int] = {}

    def reset(self) -> None:
        self.sandboxes = []
        self.texts = []
        self.secrets = set(DEMO_SECRETS)

    def register(self, sandbox: Sandbox) -> Sandbox:
        if all(s is not sandbox for s in self.sandboxes):
            self.sandboxes.append(sandbox)
        return sandbox

    def harvest(self, sandbox: Sandbox) -> None:
        """Remember every token the sandbox issued and count the faults it fired since the last
        harvest (call before ``sandbox.reset()``, which forgets both)."""
        for broker in sandbox.brokers.values():
            issuer = getattr(broker, "tokens", None)
            if issuer is not None:
                self.secrets.update(issuer._tokens)  # the sandbox keeps issued tokens privately
        start = self._cursors.get(id(sandbox), 0)
        if start > len(sandbox.log):
            start = 0
        STATS.faults_injected += sum(len(e.faults) for e in sandbox.log[start:])
        self._cursors[id(sandbox)] = len(sandbox.log)

    def forget(self, sandbox: Sandbox) -> None:
        self._cursors.pop(id(sandbox), None)


LEDGER = Ledger()


def new_sandbox(*, strict: bool = True) -> tuple[Sandbox, ManualClock]:
    """A strict sandbox on a manual clock that starts at the real time (TopstepX ``resolve``
    searches the last 7 days of wall-clock time). Latency never really sleeps."""
    clock = ManualClock(dt.datetime.now(dt.UTC))
    sandbox = Sandbox(strict=strict, clock=clock, sleep=lambda _s: None)
    LEDGER.register(sandbox)
    return sandbox, clock


def error_texts(error: BaseException) -> list[str]:
    """Everything an exception shows: str/repr of it and its chain, and broker_message."""
    out: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        out += [str(current), repr(current)]
        message = getattr(current, "broker_message", None)
        if isinstance(message, str):
            out.append(message)
        current = current.__cause__ or current.__context__
    return out


@dataclasses.dataclass
class Result:
    """The outcome of one public facade call: a value or an orderbridge error."""

    value: Any = None
    error: ob.OrderbridgeError | None = None

    @property
    def kind(self) -> type:
        return type(self.error) if self.error is not None else type(self.value)


def capture(fn: Callable[[], Any]) -> Result:
    """Call ``fn``; an orderbridge error is returned, anything else is counted as unclassified
    and re-raised (the test fails with the real traceback)."""
    try:
        value = fn()
    except ob.OrderbridgeError as error:
        LEDGER.texts.extend(error_texts(error))
        return Result(error=error)
    except BaseException as exc:
        _unclassified(exc)
        raise
    LEDGER.texts.append(repr(value))
    return Result(value=value)


async def acapture(awaitable: Awaitable[Any]) -> Result:
    try:
        value = await awaitable
    except ob.OrderbridgeError as error:
        LEDGER.texts.extend(error_texts(error))
        return Result(error=error)
    except BaseException as exc:
        _unclassified(exc)
        raise
    LEDGER.texts.append(repr(value))
    return Result(value=value)


def _unclassified(exc: BaseException) -> None:
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, AssertionError)):
        return
    STATS.unclassified_in("session call", exc)


# -- fault-injecting transport ----------------------------------------------------------------------


Rewrite = Callable[[int, dict[str, str], bytes], tuple[int, dict[str, str], bytes]]


@dataclasses.dataclass
class Injection:
    """One armed test-transport fault.

    ``action``: ``refuse`` (connection refused; nothing sent), ``connect_timeout`` (nothing sent),
    ``read_timeout`` (forward, so the sandbox processes it, then time out), ``respond`` (answer
    ``response`` without forwarding), ``rewrite`` (forward, then rewrite the response).
    """

    operation: str
    action: str
    times: int | None = None
    response: Callable[[httpx.Request], httpx.Response] | None = None
    rewrite: Rewrite | None = None
    fired: int = 0

    def take(self, operation: str) -> bool:
        if operation != self.operation and self.operation != "*":
            return False
        if self.times is not None and self.fired >= self.times:
            return False
        self.fired += 1
        STATS.faults_injected += 1
        return True


@dataclasses.dataclass(frozen=True)
class Seen:
    operation: str
    cid: str | None
    method: str
    url: str


class FaultTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Wraps the sandbox transport (in-process) or a real ``httpx.HTTPTransport`` (loopback).

    Records every request (operation and client order id) and applies armed
    :class:`Injection` s. ``refuse_port``: on loopback, a refused connection is real — the
    request is re-addressed to a closed local port.
    """

    def __init__(self, broker: str, inner: Any, *, refuse_port: int | None = None) -> None:
        self.inner: Any
        self.broker = broker
        self.inner = inner
        self.refuse_port = refuse_port
        self.injections: list[Injection] = []
        self.seen: list[Seen] = []

    def arm(self, injection: Injection) -> Injection:
        self.injections.append(injection)
        return injection

    def disarm(self) -> None:
        self.injections.clear()

    def count(self, operation: str, cid: str | None = None) -> int:
        return sum(1 for s in self.seen if s.operation == operation and (cid is None or s.cid == cid))

    def _pick(self, request: httpx.Request) -> Injection | None:
        operation = operation_of(self.broker, request)
        self.seen.append(Seen(operation, wire_cid(self.broker, request), request.method, str(request.url)))
        for injection in self.injections:
            if injection.take(operation):
                return injection
        return None

    def _refused(self, request: httpx.Request) -> httpx.Request | None:
        if self.refuse_port is None:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return httpx.Request(
            request.method,
            request.url.copy_with(port=self.refuse_port),
            headers=request.headers,
            content=request.content,
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        injection = self._pick(request)
        if injection is None:
            forwarded: httpx.Response = self.inner.handle_request(request)
            return forwarded
        if injection.action == "refuse":
            refused: httpx.Response = self.inner.handle_request(self._refused(request))
            return refused
        if injection.action == "connect_timeout":
            raise httpx.ConnectTimeout("timed out", request=request)
        if injection.action == "respond":
            assert injection.response is not None
            return injection.response(request)
        response = self.inner.handle_request(request)
        try:
            content = response.read()
        finally:
            response.close()
        return self._after(injection, request, response, content)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        injection = self._pick(request)
        if injection is None:
            aforwarded: httpx.Response = await self.inner.handle_async_request(request)
            return aforwarded
        if injection.action == "refuse":
            arefused: httpx.Response = await self.inner.handle_async_request(self._refused(request))
            return arefused
        if injection.action == "connect_timeout":
            raise httpx.ConnectTimeout("timed out", request=request)
        if injection.action == "respond":
            assert injection.response is not None
            return injection.response(request)
        response = await self.inner.handle_async_request(request)
        try:
            content = await response.aread()
        finally:
            await response.aclose()
        return self._after(injection, request, response, content)

    @staticmethod
    def _after(
        injection: Injection, request: httpx.Request, response: httpx.Response, content: bytes
    ) -> httpx.Response:
        if injection.action == "read_timeout":
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        assert injection.action == "rewrite" and injection.rewrite is not None
        headers = {
            k: v
            for k, v in response.headers.items()
            if k.lower() not in ("content-length", "content-encoding", "transfer-encoding")
        }
        status, headers, content = injection.rewrite(response.status_code, headers, content)
        return httpx.Response(status, headers=headers, content=content, request=request)

    def close(self) -> None:
        if hasattr(self.inner, "close"):
            self.inner.close()

    async def aclose(self) -> None:
        if hasattr(self.inner, "aclose"):
            await self.inner.aclose()


@functools.cache
def tls_context() -> ssl.SSLContext:
    """One verifying TLS context for the test transports (building one per client costs ~20 ms;
    the loopback sandbox is plain http anyway)."""
    return ssl.create_default_context()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- rigs: one facade session against one sandbox ---------------------------------------------------


class Rig:
    """A facade session (sync or async) on a :class:`FaultTransport` over a sandbox.

    ``mode``: ``"sync"`` / ``"async"`` in-process, ``"loopback"`` (sync over real HTTP) or
    ``"loopback-async"``. Every public call goes through :meth:`call`, which classifies the
    outcome (see :func:`capture`). Use inside one event loop (``asyncio.run``) for async modes.
    """

    def __init__(
        self,
        broker: str,
        mode: str = "sync",
        *,
        sandbox: Sandbox | None = None,
        clock: ManualClock | None = None,
        server: Any = None,
        credentials: dict[str, str] | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.broker = broker
        self.mode = mode
        self.account = ACCOUNT[broker]
        if mode.startswith("loopback"):
            assert server is not None
            self.sandbox = server.sandbox
            self.clock = server.sandbox.clock
            base_url = server.broker_url(broker)
            inner: Any = (
                httpx.AsyncHTTPTransport(verify=tls_context())
                if mode.endswith("async")
                else httpx.HTTPTransport(verify=tls_context())
            )
            self.transport = FaultTransport(broker, inner, refuse_port=closed_port())
        else:
            if sandbox is None:
                sandbox, clock = new_sandbox()
            self.sandbox = sandbox
            self.clock = clock if clock is not None else sandbox.clock
            base_url = f"http://127.0.0.1/{broker}"
            self.transport = FaultTransport(broker, sandbox.transport())
        LEDGER.register(self.sandbox)
        options = {
            "base_url": base_url,
            "credentials": credentials or CREDENTIALS[broker],
            "transport": self.transport,
            "timeout": timeout,
        }
        self.is_async = mode.endswith("async")
        self.session: Any = ob.connect_async(broker, **options) if self.is_async else ob.connect(broker, **options)
        self.sleeps: list[float] = []
        """Waits the facade asked for between attempts (never really slept)."""
        use_sleep(self.session, self.sleeps.append)
        LEDGER.texts += [repr(self.session), repr(self.session.settings), repr(self.session._box)]

    # -- faults -------------------------------------------------------------------------------
    def sandbox_fault(self, text: str) -> None:
        self.sandbox.add_fault(text)

    def inject(self, operation: str, action: str, times: int | None = None, **kw: Any) -> Injection:
        return self.transport.arm(Injection(operation, action, times, **kw))

    def clear(self) -> None:
        self.sandbox.clear_faults()
        self.transport.disarm()

    # -- calls --------------------------------------------------------------------------------
    async def call(self, op: str, arg: Any) -> Result:
        s, account = self.session, self.account
        method = {"place": s.place_order, "get": s.get_order, "cancel": s.cancel_order, "resolve": s.resolve}[op]
        if self.is_async:
            return await acapture(method(arg, account=account))
        return capture(lambda: method(arg, account=account))

    async def close(self) -> None:
        if self.is_async:
            await self.session.aclose()
        else:
            self.session.close()

    # -- sandbox views ------------------------------------------------------------------------
    def recorded(self, cid: str | None = None) -> list[Any]:
        return [o for o in self.sandbox.orders(self.broker) if cid is None or o.client_order_id == cid]

    def status_of(self, order_id: str) -> str | None:
        for o in self.sandbox.orders(self.broker):
            if o.order_id == order_id:
                return None if o.status is None else str(o.status)
        return None

    def token_hits(self) -> int:
        ops = TOKEN_OPERATIONS[self.broker]
        return sum(1 for e in self.sandbox.log if e.broker == self.broker and e.operation in ops)

    def expire_tokens_at_the_broker(self) -> None:
        """Move the sandbox clock past the token lifetime (the facade's own clock stays put, so
        it still believes its token is fresh: the broker answers 401 mid-session)."""
        lifetime = TOKEN_LIFETIME[self.broker]
        assert lifetime is not None
        self.clock.advance(seconds=lifetime + 1)


def run(coro_fn: Callable[[], Coroutine[Any, Any, Any]]) -> Any:
    return asyncio.run(coro_fn())
