"""The sandbox on loopback: a stdlib ``ThreadingHTTPServer`` in front of :meth:`Sandbox.process`.

A drop fault closes the socket without writing a byte (the client sees "server disconnected
without sending a response"); latency sleeps in the handler thread before answering.

A broker's WebSocket stream is served on the same port: a ``GET`` on the path the broker
declares (CrossTrade: ``/crosstrade/ws/stream``) upgrades (see :mod:`orderbridge_sandbox.websocket`;
the ``websockets`` library is imported only then).

Python API::

    with start(Sandbox(), port=0) as server:       # a background thread, a free port
        print(server.url)                          # http://127.0.0.1:54321
        print(server.broker_url("topstepx"))       # http://127.0.0.1:54321/topstepx
        print(server.websocket_url)                # ws://127.0.0.1:54321/crosstrade/ws/stream
"""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from .app import Sandbox
from .brokers import StreamEndpoint
from .spec import BROKERS

if TYPE_CHECKING:
    from .websocket import WebSocketHub

log = logging.getLogger("orderbridge_sandbox")

REQUEST_TIMEOUT = 60.0
"""Seconds an idle keep-alive connection is kept before the server closes it."""


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    timeout = REQUEST_TIMEOUT
    # Headers and body go out in separate writes; without TCP_NODELAY the second write waits
    # for the client's delayed ACK (~40 ms per response on Linux loopback).
    disable_nagle_algorithm = True

    def _serve(self) -> None:
        if self.command == "GET":
            host, port = str(self.server.server_address[0]), self.server.server_address[1]
            endpoint = self.server.sandbox.stream_endpoint(self.path, f"http://{host}:{port}")
            if endpoint is not None:
                self._upgrade(endpoint)
                return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.command == "POST" and self._negotiate():
            return
        host, port = str(self.server.server_address[0]), self.server.server_address[1]
        request = httpx.Request(
            self.command, f"http://{host}:{port}{self.path}", headers=list(self.headers.items()), content=body
        )
        try:
            outcome = self.server.sandbox.process(request)
        except Exception:
            log.exception("sandbox failed on %s %s", self.command, self.path)
            outcome = None
        if outcome is not None and outcome.delay:
            time.sleep(outcome.delay)
        if outcome is not None and outcome.dropped:
            self.close_connection = True
            log.info("%s %s -> connection dropped", self.command, self.path)
            return
        response = outcome.response if outcome is not None else httpx.Response(500, text="sandbox error")
        assert response is not None
        self.send_response(response.status_code)
        for key, value in response.headers.items():
            if key.lower() not in ("content-length", "connection", "transfer-encoding", "content-encoding"):
                self.send_header(key, value)
        content = response.content
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if self.command != "HEAD":  # a HEAD answer carries the headers only (RFC 9110, 9.3.2)
            self.wfile.write(content)

    def _negotiate(self) -> bool:
        """Answer a push hub's ``POST .../negotiate`` (SignalR clients that negotiate first)."""
        answer = self.server.sandbox.negotiate(self.path)
        if answer is None:
            return False
        content = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)
        return True

    def _upgrade(self, endpoint: StreamEndpoint) -> None:
        """Hand the connection to the WebSocket side; it is closed when that returns."""
        from .websocket import serve_websocket

        self.close_connection = True
        serve_websocket(self.connection, self.path, self.headers.items(), endpoint, self.server.websocket_hub())

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

    def __getattr__(self, name: str) -> Any:
        """Every other method (``HEAD``, ``OPTIONS``, ``TRACE``, ``QUERY``, ...) reaches the sandbox
        too, which answers a method a path lacks with 405 + ``Allow`` in the broker's own error
        shape; without this http.server answers an HTML 501."""
        if name.startswith("do_"):
            return self._serve
        raise AttributeError(name)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s - %s", self.address_string(), format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # socketserver's default listen backlog is 5: a burst of concurrent clients got resets.
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._hub: WebSocketHub | None = None
        super().__init__(address, _Handler)

    def websocket_hub(self) -> WebSocketHub:
        with self._connections_lock:
            if self._hub is None:
                from .websocket import WebSocketHub

                self._hub = WebSocketHub()
            return self._hub

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Shut every open keep-alive connection so handler threads end."""
        with self._connections_lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class SandboxServer:
    """A running loopback server (see :func:`start`); a context manager that stops it."""

    def __init__(self, sandbox: Sandbox, host: str = "127.0.0.1", port: int = 0) -> None:
        self.sandbox = sandbox
        self._httpd = _Server((host, port), sandbox)
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        """The bound address, e.g. ``127.0.0.1``."""
        return str(self._httpd.server_address[0])

    @property
    def port(self) -> int:
        """The bound port (the free one picked when started with ``port=0``)."""
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """``http://HOST:PORT`` (no trailing slash)."""
        return f"http://{self.host}:{self.port}"

    def broker_url(self, broker: str) -> str:
        """The base URL of one broker, e.g. ``http://127.0.0.1:8765/topstepx``."""
        if broker not in BROKERS:
            raise ValueError(f"unknown broker {broker!r}")
        return f"{self.url}/{broker}"

    @property
    def websocket_url(self) -> str:
        """CrossTrade's WebSocket API on this port: ``ws://HOST:PORT/crosstrade/ws/stream``
        (the facade derives it from ``broker_url("crosstrade")``)."""
        return f"ws://{self.host}:{self.port}{self.sandbox.stream_paths()['crosstrade']}"

    @property
    def websockets(self) -> WebSocketHub:
        """The open WebSocket connections: ``len()``, ``drop()``, message ``counts``."""
        return self._httpd.websocket_hub()

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` (or KeyboardInterrupt)."""
        self._httpd.serve_forever(poll_interval=0.1)

    def start(self) -> SandboxServer:
        """Serve in a background daemon thread; returns self."""
        self._thread = threading.Thread(target=self.serve_forever, name="orderbridge-sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving, close open connections and the listening socket."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.close_connections()
        self._httpd.server_close()

    def __enter__(self) -> SandboxServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def start(sandbox: Sandbox | None = None, *, host: str = "127.0.0.1", port: int = 0) -> SandboxServer:
    """Start a server for ``sandbox`` (a new one by default) in a background thread.

    ``port=0`` picks a free port; read it back from ``server.port`` / ``server.url``.
    """
    return SandboxServer(sandbox or Sandbox(), host, port).start()
