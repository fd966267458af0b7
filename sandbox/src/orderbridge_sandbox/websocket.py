"""A broker's WebSocket stream on the loopback server's own port (the mechanism; what the
messages mean is the broker's: CrossTrade's RPC is :class:`~orderbridge_sandbox.RpcEndpoint`).

A ``GET`` on a broker's stream path (``/crosstrade/ws/stream``) reaches the stdlib HTTP handler
like any request; the handler hands its socket to :func:`serve_websocket`, which runs the opening
handshake and the framing with the ``websockets`` library's Sans-I/O
:class:`~websockets.server.ServerProtocol` (ping/pong and the closing handshake included) and
answers each text message with the broker's
:class:`~orderbridge_sandbox.brokers.base.StreamEndpoint`. The upgrade needs an
``Authorization`` header the endpoint accepts (CrossTrade: ``Bearer demo-token``); otherwise it
is refused with 401 ``{"error": "Unauthorized"}``.

Faults behave as on REST: a latency fault delays the reply (other messages on the connection are
still answered meanwhile); a drop fault closes the TCP connection without a close frame and
without answering. :meth:`WebSocketHub.drop` closes every open connection, as a server dropping
idle clients does.
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import logging
import socket
import threading
from collections.abc import Iterable

from websockets.frames import Frame, Opcode
from websockets.http11 import Request
from websockets.protocol import State
from websockets.server import ServerProtocol

from .brokers.base import StreamAnswer, StreamEndpoint
from .wire import dumps

log = logging.getLogger("orderbridge_sandbox")


class _RedactAuthorization(logging.Filter):
    """websockets logs every upgrade header at DEBUG (``"< %s: %s"``): never the bearer token."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) == 2 and str(args[0]).lower() == "authorization":
            record.args = (args[0], "***")
        return True


wire_log = logging.getLogger("orderbridge_sandbox.websocket")
"""The logger handed to websockets' server protocol (handshake and frames, token redacted)."""
wire_log.addFilter(_RedactAuthorization())

MAX_MESSAGE = 1 << 20
"""Largest accepted client message, in bytes."""
IDLE_POLL = 5.0
"""Seconds a read waits before checking again whether the connection was closed."""


class _Link:
    """One upgraded connection: the socket, its protocol state and the lock serialising both."""

    def __init__(self, sock: socket.socket, protocol: ServerProtocol, authorization: str | None) -> None:
        self.sock = sock
        self.protocol = protocol
        self.authorization = authorization
        self.lock = threading.Lock()
        self.closed = False

    def flush(self) -> None:
        """Write what the protocol has to send; call with :attr:`lock` held."""
        for data in self.protocol.data_to_send():
            with contextlib.suppress(OSError):
                if data:
                    self.sock.sendall(data)
                else:  # the protocol asks to half-close the TCP connection
                    self.sock.shutdown(socket.SHUT_WR)

    def deliver(self, answer: StreamAnswer) -> None:
        with self.lock:
            if self.closed or self.protocol.state is not State.OPEN:
                return
            if answer.drop:
                self._abort()
                return
            for message in answer.messages:
                self.protocol.send_text(message.encode())
            self.flush()

    def close(self, code: int, reason: str) -> None:
        """Start the closing handshake (a clean close the client sees as code ``code``)."""
        with self.lock:
            if not self.closed and self.protocol.state is State.OPEN:
                self.protocol.send_close(code, reason)
                self.flush()

    def abort(self) -> None:
        """Close the TCP connection without a close frame (what a crash or a drop looks like)."""
        with self.lock:
            self._abort()

    def _abort(self) -> None:
        self.closed = True
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)


class WebSocketHub:
    """The WebSocket connections of one loopback server.

    Attributes:
        accepted: upgrades accepted so far.
        refused: upgrades refused (bad token, not a WebSocket request).
        counts: messages handled, by kind (spec ``operationId`` of an RPC, ``ping``, ...).
    """

    def __init__(self) -> None:
        self._links: set[_Link] = set()
        self._lock = threading.Lock()
        self.accepted = 0
        self.refused = 0
        self.counts: collections.Counter[str] = collections.Counter()

    def __len__(self) -> int:
        """Open connections."""
        with self._lock:
            return len(self._links)

    def drop(self, *, clean: bool = True) -> int:
        """Close every open connection: with a close frame (code 1001, going away) when
        ``clean``, else by cutting the TCP connection. Returns how many were open."""
        with self._lock:
            links = list(self._links)
        for link in links:
            if clean:
                link.close(1001, "idle connection closed by the server")
            else:
                link.abort()
        return len(links)

    def _add(self, link: _Link) -> None:
        with self._lock:
            self._links.add(link)
            self.accepted += 1

    def _discard(self, link: _Link) -> None:
        with self._lock:
            self._links.discard(link)

    def _count(self, kind: str) -> None:
        with self._lock:
            self.counts[kind] += 1


def serve_websocket(
    sock: socket.socket,
    path: str,
    headers: Iterable[tuple[str, str]],
    endpoint: StreamEndpoint,
    hub: WebSocketHub,
) -> None:
    """Run one WebSocket connection on ``sock`` whose upgrade request (``path``, ``headers``) the
    HTTP handler already read; returns when the connection is closed."""
    protocol = ServerProtocol(max_size=MAX_MESSAGE, logger=wire_log)
    # The handler already parsed the request; the protocol parses it again from its bytes.
    head = f"GET {path} HTTP/1.1\r\n" + "".join(f"{name}: {value}\r\n" for name, value in headers) + "\r\n"
    protocol.receive_data(head.encode("latin-1"))
    events = protocol.events_received()
    if not events or not isinstance(events[0], Request):
        return
    request = events[0]
    authorization = request.headers.get("Authorization")
    response = protocol.accept(request)
    if response.status_code == 101 and not endpoint.authorized(authorization):
        response = protocol.reject(401, dumps({"error": "Unauthorized"}))
        del response.headers["Content-Type"]
        response.headers["Content-Type"] = "application/json"
    link = _Link(sock, protocol, authorization)
    # Count before answering, so a client that saw the answer also sees the count.
    if response.status_code == 101:
        hub._add(link)
    else:
        with hub._lock:
            hub.refused += 1
    with link.lock:
        protocol.send_response(response)
        link.flush()
    if protocol.state is not State.OPEN:
        hub._discard(link)
        return
    # A push hub (TopstepX's user hub) also sends on its own: hand it the connection.
    attach = getattr(endpoint, "attach", None)
    if attach is not None:
        attach(link.deliver)
    try:
        _read_loop(link, endpoint, hub)
    finally:
        detach = getattr(endpoint, "detach", None)
        if detach is not None:
            detach()
        hub._discard(link)
        link.closed = True


def _read_loop(link: _Link, endpoint: StreamEndpoint, hub: WebSocketHub) -> None:
    sock, protocol = link.sock, link.protocol
    sock.settimeout(IDLE_POLL)
    fragments: list[bytes] = []
    while True:
        try:
            data = sock.recv(65536)
        except TimeoutError:
            if link.closed:
                return
            continue
        except OSError:
            return
        with link.lock:
            if data:
                protocol.receive_data(data)
            else:
                protocol.receive_eof()
            events = protocol.events_received()
            link.flush()
        for event in events:
            if not isinstance(event, Frame):
                continue
            text = _assemble(event, fragments)
            if text is not None:
                _answer(link, endpoint, hub, text)
        if not data or link.closed or protocol.state is State.CLOSED:
            return


def _assemble(frame: Frame, fragments: list[bytes]) -> str | None:
    """The text of a complete message, or None (control frame, or a fragment so far)."""
    if frame.opcode in (Opcode.TEXT, Opcode.BINARY):
        fragments.clear()
    elif frame.opcode is not Opcode.CONT:
        return None
    fragments.append(bytes(frame.data))
    if not frame.fin:
        return None
    text = b"".join(fragments).decode("utf-8", "replace")
    fragments.clear()
    return text


@dataclasses.dataclass(frozen=True)
class _Failure:
    """The answer when the endpoint itself failed (a :class:`StreamAnswer`)."""

    kind: str = "error"
    messages: tuple[str, ...] = (dumps({"type": "error", "error": "internal_error"}),)
    delay: float = 0.0
    drop: bool = False


def _answer(link: _Link, endpoint: StreamEndpoint, hub: WebSocketHub, text: str) -> None:
    try:
        answer = endpoint.answer(text, link.authorization)
    except Exception:
        log.exception("sandbox failed on a WebSocket message")
        answer = _Failure()
    hub._count(answer.kind)
    if answer.delay:
        timer = threading.Timer(answer.delay, link.deliver, (answer,))
        timer.daemon = True
        timer.start()
    else:
        link.deliver(answer)
