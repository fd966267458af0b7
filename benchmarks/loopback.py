"""Section 2 — loopback HTTP per-order cost, against the fixed-response server and the sandbox.

(a) raw socket, prebuilt request bytes, TCP_NODELAY, one keep-alive connection (the floor);
(b) ``http.client.HTTPConnection`` keep-alive;
(c) raw ``httpx.Client`` keep-alive, prebuilt body, ``.json()``;
(g) the generated client's ``place_order.sync_detailed`` (its own pooled httpx client, prebuilt
    request models): not in the issue's list, measured so that d/g isolates the facade's own
    cost from the generated layer's;
(d) ``orderbridge`` ``Session.place_order`` (pooled client, token cached);
(e) the vendors' documented style (CrossTrade / TopstepX docs): ``requests.post(url,
    headers=..., json=data)`` with no session — a new TCP connection per order; the token is
    fetched once beforehand, as the doc scripts do;
(e+login) the same, logging in before every order (token brokers only): what a per-order
    script run costs.

Every raw variant sends the request the facade sends (captured), with a fresh client order id
per order so the stateful sandbox records new orders rather than answering duplicates.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from collections.abc import Callable
from typing import Any

import httpx

from ._common import BROKERS, CASES, Wire, interleaved, new_order, new_session, paired_ratio, summary
from ._servers import ServerProcess
from .inprocess import generated_client, generated_operation


class RawSocket:
    """One keep-alive connection; ``roundtrip`` sends prebuilt bytes and reads one response."""

    def __init__(self, host: str, port: int, tls: ssl.SSLContext | None = None) -> None:
        sock = socket.create_connection((host, port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock = tls.wrap_socket(sock, server_hostname=host) if tls is not None else sock
        self.buffer = b""

    def roundtrip(self, data: bytes) -> bytes:
        sock = self.sock
        sock.sendall(data)
        buffer = self.buffer
        while (end := buffer.find(b"\r\n\r\n")) < 0:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            buffer += chunk
        head = buffer[:end].lower()
        at = head.find(b"\r\ncontent-length:")
        stop = head.find(b"\r\n", at + 2)
        total = end + 4 + int(head[at + 17 : stop if stop >= 0 else None])
        while len(buffer) < total:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError("server closed the connection")
            buffer += chunk
        self.buffer = buffer[total:]
        if not head.startswith((b"http/1.1 200", b"http/1.1 201")):
            raise RuntimeError(f"raw socket: unexpected status line {head[:40]!r}")
        return buffer[end + 4 : total]

    def close(self) -> None:
        self.sock.close()


def _requests() -> Any:
    try:
        import requests
    except ImportError:
        return None
    return requests


def _login_form(wire: Wire) -> dict[str, Any]:
    """``requests`` keyword arguments for the captured login request, in the docs' style."""
    assert wire.login is not None
    content_type = wire.login.headers.get("content-type", "")
    headers = {k: v for k, v in wire.login.headers.items() if k == "api-version"}
    if content_type.startswith("application/json"):
        return {"json": json.loads(wire.login.body), "headers": headers}
    from urllib.parse import parse_qsl

    return {"data": dict(parse_qsl(wire.login.body.decode())), "headers": headers}


def measure_server(
    server: ServerProcess,
    wires: dict[str, Wire],
    *,
    fresh_tokens: bool,
    count: int,
    rounds: int,
    warmup: int,
    vendor_count: int | None = None,
    tls: ssl.SSLContext | None = None,
) -> dict[str, Any]:
    """All variants for every broker against one server (``tls``: the client context for the
    raw socket and http.client over HTTPS; httpx, orderbridge and requests trust the test CA
    through the environment, see ``_tls``)."""
    return {
        broker: _measure_broker(
            server,
            wires[broker],
            fresh_tokens=fresh_tokens,
            count=count,
            rounds=rounds,
            warmup=warmup,
            vendor_count=vendor_count,
            tls=tls,
        )
        for broker in BROKERS
    }


def _measure_broker(
    server: ServerProcess,
    wire: Wire,
    *,
    fresh_tokens: bool,
    count: int,
    rounds: int,
    warmup: int,
    vendor_count: int | None,
    tls: ssl.SSLContext | None,
) -> dict[str, Any]:
    requests = _requests()
    host, port = server.host_port
    broker = wire.broker
    token = wire.login_token(server.url) if fresh_tokens else wire.token
    total = warmup + count * rounds
    target = wire.place.target
    url = server.url + target
    account = CASES[broker].account

    raw_bytes = wire.raw_request_bytes(host, port, token, total)
    raw_http = wire.place_requests(token, total)
    raw_httpx = wire.place_requests(token, total)
    raw_requests = [(json.loads(body), headers) for body, headers in wire.place_requests(token, total)]
    vendor_login = [(json.loads(body), headers) for body, headers in wire.place_requests(token, total)]
    operation, kwargs_for = generated_operation(broker)
    generated = [kwargs_for(body, headers) for body, headers in wire.place_requests(token, total)]

    sock = RawSocket(host, port, tls)
    conn = (
        http.client.HTTPSConnection(host, port, context=tls)
        if tls is not None
        else http.client.HTTPConnection(host, port)
    )
    client = httpx.Client(base_url=server.url)
    api = generated_client(broker, server.broker_url(broker), token)
    session = new_session(broker, server.broker_url(broker))
    order = new_order(broker)

    def a(i: int) -> object:
        return sock.roundtrip(raw_bytes[i])

    def b(i: int) -> object:
        body, headers = raw_http[i]
        conn.request("POST", target, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status not in (200, 201):
            raise RuntimeError(f"http.client: HTTP {response.status}")
        return data

    def c(i: int) -> object:
        body, headers = raw_httpx[i]
        response = client.post(target, content=body, headers=headers)
        if response.status_code not in (200, 201):
            raise RuntimeError(f"httpx: HTTP {response.status_code}")
        return response.json()

    def g(i: int) -> object:
        response = operation.sync_detailed(client=api, **generated[i])
        if response.status_code not in (200, 201):
            raise RuntimeError(f"generated client: HTTP {response.status_code}")
        return response.parsed

    def d(_: int) -> object:
        return session.place_order(order, account=account)

    variants: dict[str, Callable[[int], object]] = {"a": a, "b": b, "c": c, "g": g, "d": d}
    if requests is not None:

        def e(i: int) -> object:
            data, headers = raw_requests[i]
            response = requests.post(url, headers=headers, json=data)
            if response.status_code not in (200, 201):
                raise RuntimeError(f"requests: HTTP {response.status_code}")
            return response.json()

        variants["e"] = e
        token_field = CASES[broker].token_field
        if wire.login is not None and token_field is not None:
            login_url = server.url + wire.login.target
            login_kwargs = _login_form(wire)

            def e_login(i: int) -> object:
                login = requests.post(login_url, **login_kwargs)
                fresh = login.json()[token_field]
                data, headers = vendor_login[i]
                headers = {**headers, "authorization": f"Bearer {fresh}"}
                response = requests.post(url, headers=headers, json=data)
                if response.status_code not in (200, 201):
                    raise RuntimeError(f"requests: HTTP {response.status_code}")
                return response.json()

            variants["e+login"] = e_login

    # Per-order inputs are used once: each call takes the next index of its own variant.
    offsets = dict.fromkeys(variants, 0)

    def consuming(name: str, fn: Callable[[int], object]) -> Callable[[int], object]:
        def run(_: int) -> object:
            i = offsets[name]
            offsets[name] = i + 1
            return fn(i)

        return run

    wrapped = {name: consuming(name, fn) for name, fn in variants.items()}
    vendor = {"e": vendor_count, "e+login": vendor_count} if vendor_count else None
    try:
        samples = interleaved(wrapped, count, rounds, warmup, vendor)
        logins = session.logins
    finally:
        session.close()
        client.close()
        api.get_httpx_client().close()
        conn.close()
        sock.close()
    entry: dict[str, Any] = {
        "us_per_order": {k: summary(v) for k, v in samples.items()},
        "d/c": paired_ratio(samples["d"], samples["c"]),
        "d/g": paired_ratio(samples["d"], samples["g"]),
        "g/c": paired_ratio(samples["g"], samples["c"]),
        "d/a": paired_ratio(samples["d"], samples["a"]),
        "c/a": paired_ratio(samples["c"], samples["a"]),
        "b/a": paired_ratio(samples["b"], samples["a"]),
        "facade_logins": logins,
    }
    if "e" in samples:
        entry["e/d"] = paired_ratio(samples["e"], samples["d"])
    if "e+login" in samples:
        entry["e+login/d"] = paired_ratio(samples["e+login"], samples["d"])
    return entry
