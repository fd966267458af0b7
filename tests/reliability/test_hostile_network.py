"""A hostile network on loopback (issue 12): a WebSocket upgrade redirected to another host, a
server that trickles its answer one byte at a time, and every logger at DEBUG.

The servers are plain sockets in a thread, so they can misbehave in ways a real HTTP server
library would not. Each test failed on the code before the attempt policy.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from decimal import Decimal

import pytest

import orderbridge as ob
from orderbridge.testing import use_sleep
from orderbridge_sandbox import Sandbox, SandboxServer, start

ORDER = ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=Decimal("1"))
TOKEN = {"token": "ct-secret-key-hostile"}
SANDBOX_TOKEN = {"token": "demo-token"}  # the key the sandbox's CrossTrade accepts
PLACED = json.dumps({"orderId": "cb1fc8d4e1a84d29ae38fea964aaac8c", "success": True}).encode()
GIVE_UP = 30.0
"""A hostile server stops misbehaving after this many seconds, so old code fails instead of hanging."""


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head + b"\r\n\r\n" + rest


@contextlib.contextmanager
def raw_server(answer: Callable[[socket.socket, bytes], None]) -> Iterator[tuple[int, list[bytes]]]:
    """A loopback TCP server calling ``answer(conn, request)`` per connection; yields (port, requests)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    requests: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(GIVE_UP)
                try:
                    request = _read_request(conn)
                    requests.append(request)
                    answer(conn, request)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], requests
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


# -- 1. the WebSocket upgrade follows no redirect --------------------------------------------------
@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with start(Sandbox(strict=True), port=0) as running:
        yield running


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_redirected_websocket_upgrade_delivers_nothing(sandbox: SandboxServer, asynchronous: bool) -> None:
    target = sandbox.websocket_url  # a working WebSocket RPC endpoint, which must never be reached

    def redirect(conn: socket.socket, request: bytes) -> None:
        conn.sendall(f"HTTP/1.1 302 Found\r\nLocation: {target}\r\nContent-Length: 0\r\n\r\n".encode())

    with raw_server(redirect) as (port, requests):
        base = f"http://127.0.0.1:{port}/crosstrade"
        if asynchronous:

            async def go() -> BaseException | ob.PlacedOrder:
                async with ob.connect_async("crosstrade", transport="websocket", base_url=base, credentials=TOKEN) as s:
                    try:
                        return await s.place_order(ORDER, account="Sim101")
                    except ob.OrderbridgeError as error:
                        return error

            outcome = asyncio.run(go())
        else:
            with ob.connect("crosstrade", transport="websocket", base_url=base, credentials=TOKEN) as session:
                try:
                    outcome = session.place_order(ORDER, account="Sim101")
                except ob.OrderbridgeError as error:
                    outcome = error
    assert isinstance(outcome, ob.BrokerUnavailable) and not outcome.order_may_exist, outcome
    assert requests and all(b"upgrade: websocket" in r.lower() for r in requests)
    assert sandbox.sandbox.orders("crosstrade") == []  # the redirect target never got the RPC
    assert sandbox.websockets.accepted == 0


# -- 3. a total deadline that a trickling server cannot stretch -------------------------------------
def trickle(body: bytes, interval: float = 0.25) -> Callable[[socket.socket, bytes], None]:
    def answer(conn: socket.socket, request: bytes) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        conn.sendall(head.encode())
        began = time.monotonic()
        for i in range(len(body)):
            if time.monotonic() - began > GIVE_UP:
                conn.sendall(body[i:])
                return
            conn.sendall(body[i : i + 1])
            time.sleep(interval)

    return answer


PADDED = PLACED[:-1] + b" " * 400 + b"}"  # ~100 s at one byte per 0.25 s


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_trickling_answer_cannot_hold_a_placement_past_its_deadline(asynchronous: bool) -> None:
    with raw_server(trickle(PADDED)) as (port, requests):
        options = {"base_url": f"http://127.0.0.1:{port}", "credentials": TOKEN, "timeout": 1, "deadline": 2}
        if asynchronous:

            async def go() -> object:
                async with ob.connect_async("crosstrade", **options) as s:  # type: ignore[arg-type]
                    try:
                        return await s.place_order(ORDER, account="Sim101")
                    except ob.OrderbridgeError as error:
                        return error

            outcome = asyncio.run(go())
        else:
            with ob.connect("crosstrade", **options) as session:  # type: ignore[arg-type]
                try:
                    outcome = session.place_order(ORDER, account="Sim101")
                except ob.OrderbridgeError as error:
                    outcome = error
    assert isinstance(outcome, ob.OutcomeUnknown) and outcome.origin == "deadline", outcome
    assert len(requests) == 1  # a placement is never sent twice


def test_a_trickling_answer_cannot_hold_a_read_past_its_deadline() -> None:
    with (
        raw_server(trickle(PADDED)) as (port, requests),
        ob.connect(
            "crosstrade", base_url=f"http://127.0.0.1:{port}", credentials=TOKEN, timeout=1, deadline=2
        ) as session,
    ):
        use_sleep(session, lambda s: None)
        with pytest.raises(ob.BrokerUnavailable):
            session.get_order("abc", account="Sim101")
    assert len(requests) == 1  # the deadline is spent: no retry either


# -- 4. no library logs a secret, at any level, over a real socket ------------------------------------
def test_no_logger_prints_a_secret_at_debug_over_loopback(sandbox: SandboxServer) -> None:
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Keep(level=logging.DEBUG)
    loggers = [logging.getLogger(), *(logging.getLogger(n) for n in ("httpx", "httpcore", "websockets", "orderbridge"))]
    saved = [(lg, lg.level) for lg in loggers]
    logging.getLogger().addHandler(handler)
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
    secret = "demo-secret"  # the sandbox's Sophic client secret
    try:
        with ob.connect(
            "sophic",
            base_url=sandbox.broker_url("sophic"),
            credentials={"client_id": "demo-client", "client_secret": secret},
        ) as session:
            with contextlib.suppress(ob.OrderbridgeError):
                session.place_order(
                    ob.Order(instrument="ins_x", side="buy", cash_amount=Decimal("10.00")), account="acc"
                )
            token = session._box.token
        with ob.connect(
            "crosstrade", transport="websocket", base_url=sandbox.broker_url("crosstrade"), credentials=SANDBOX_TOKEN
        ) as ws:
            ws.place_order(ORDER, account="Sim101")
        with contextlib.suppress(ob.ConfigurationError):
            ob.connect("crosstrade", credentials={"token": "leaky\n"})
    finally:
        logging.getLogger().removeHandler(handler)
        for lg, level in saved:
            lg.setLevel(level)
    text = "\n".join(
        f"{r.name} {r.getMessage()} {logging.Formatter().formatException(r.exc_info) if r.exc_info else ''}"
        for r in records
    )
    assert any(r.name.startswith("httpcore") for r in records)  # DEBUG really was on
    for value in (secret, token, SANDBOX_TOKEN["token"], "leaky"):
        assert value and value not in text
