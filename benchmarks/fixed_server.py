"""A minimal keep-alive HTTP/1.1 server that answers every request with a fixed, prebuilt response.

The responses are the exchanges captured from the sandbox (see ``_common.capture_wires``),
looked up by request path, so the facade parses a real success (login and place order) while
the server does next to no work: the loopback baseline the issue asks for. Stdlib only
(asyncio protocol, no HTTP library), one process, one thread; the harness starts it as a
separate process so it does not compete with the client for the GIL.

    python benchmarks/fixed_server.py --responses FILE.json [--host 127.0.0.1] [--port 0] [--tls-chain PEM]

``FILE.json`` maps a path to ``{"status": 200, "content_type": "...", "body": "<text>"}``.
The first line printed is ``listening on http(s)://HOST:PORT``. Unknown paths get 404. With
``--tls-chain`` it serves HTTPS (the loopback TLS measurement; the harness makes a test CA).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import socket
import ssl
import sys
from http import HTTPStatus


def build_response(status: int, content_type: str, body: bytes) -> bytes:
    reason = HTTPStatus(status).phrase
    head = f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("latin-1") + body


NOT_FOUND = build_response(404, "application/json", b'{"error": "not found"}')


class FixedResponses(asyncio.Protocol):
    """Parses pipelined/keep-alive requests just enough (request line, Content-Length) to
    frame them, and writes the prebuilt response for the path."""

    def __init__(self, responses: dict[bytes, bytes]) -> None:
        self.responses = responses
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer + data if self.buffer else data
        transport = self.transport
        assert transport is not None
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buffer[:end]
            lower = head.lower()
            length = 0
            at = lower.find(b"\r\ncontent-length:")
            if at >= 0:
                stop = lower.find(b"\r\n", at + 2)
                length = int(lower[at + 17 : stop if stop >= 0 else None])
            total = end + 4 + length
            if len(buffer) < total:
                break
            target = head[: head.find(b"\r\n")].split(b" ", 2)[1]
            path = target.split(b"?", 1)[0]
            transport.write(self.responses.get(path, NOT_FOUND))
            buffer = buffer[total:]
            if b"\r\nconnection: close" in lower:
                transport.close()
                buffer = b""
                break
        self.buffer = buffer


async def serve(host: str, port: int, responses: dict[bytes, bytes], tls: ssl.SSLContext | None = None) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: FixedResponses(responses), host, port, backlog=1024, ssl=tls)
    bound = server.sockets[0].getsockname()
    scheme = "https" if tls is not None else "http"
    print(f"listening on {scheme}://{bound[0]}:{bound[1]}", flush=True)
    async with server:
        await server.serve_forever()


def load(path: str) -> dict[bytes, bytes]:
    with open(path, encoding="utf-8") as fh:
        spec = json.load(fh)
    return {
        key.encode(): build_response(int(v["status"]), v["content_type"], v["body"].encode("utf-8"))
        for key, v in spec.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", required=True, help="JSON file: path -> {status, content_type, body}")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls-chain", help="PEM file with the private key and certificate chain: serve HTTPS")
    args = parser.parse_args(argv)
    tls = None
    if args.tls_chain:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.tls_chain)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port, load(args.responses), tls))
    return 0


if __name__ == "__main__":
    sys.exit(main())
