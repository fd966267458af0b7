"""Shared pieces: the four broker cases, the captured "fixed valid" exchanges, timing and stats.

Fixed responses are not hand-written: :func:`capture_wires` places one order per broker
through ``orderbridge`` against the in-process sandbox and records the login and place-order
exchanges. Those exact bytes (valid against the specs, accepted by the facade) are what the
in-process ``httpx.MockTransport`` and the loopback fixed-response server answer, and the
recorded request is the template every raw variant sends, so all variants put the same
request on the wire.
"""

from __future__ import annotations

import gc
import os
import re
import statistics
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import httpx

BROKERS = ("topstepx", "crosstrade", "tradestation", "sophic")


@dataclass(frozen=True)
class BrokerCase:
    """Demo credentials, account and a market order the sandbox accepts, for one broker."""

    name: str
    credentials: Mapping[str, str]
    account: str
    order: Mapping[str, Any]
    token_field: str | None
    """JSON field of the login response that holds the bearer token (None: static token)."""


CASES: dict[str, BrokerCase] = {
    "topstepx": BrokerCase(
        "topstepx",
        {"username": "demo", "api_key": "demo-api-key"},
        "465",
        {"instrument": "CON.F.US.MES.Z25", "side": "buy", "quantity": Decimal("1")},
        "token",
    ),
    "crosstrade": BrokerCase(
        "crosstrade",
        {"token": "demo-token"},
        "Sim101",
        {"instrument": "MES 12-25", "side": "buy", "quantity": Decimal("1")},
        None,
    ),
    "tradestation": BrokerCase(
        "tradestation",
        {"client_id": "demo-client", "client_secret": "demo-secret", "refresh_token": "demo-refresh"},
        "281994",
        {"instrument": "MSFT", "side": "buy", "quantity": Decimal("1")},
        "access_token",
    ),
    "sophic": BrokerCase(
        "sophic",
        {"client_id": "demo-client", "client_secret": "demo-secret"},
        "acc_abc123",
        {"instrument": "ins_xyz789", "side": "buy", "cash_amount": Decimal("100.00")},
        "access_token",
    ),
}

# Request headers a raw client must send itself (httpx / http.client add Host, Content-Length...).
_KEEP_HEADERS = ("content-type", "api-version", "idempotency-key")


@dataclass(frozen=True)
class Exchange:
    """One recorded request and the response the sandbox gave to it."""

    method: str
    path: str
    """Full path including the broker prefix (``/topstepx/api/Order/place``)."""
    query: str
    headers: Mapping[str, str]
    body: bytes
    status: int
    content_type: str
    response: bytes

    @property
    def target(self) -> str:
        """Request target (path plus query) as sent on the wire."""
        return f"{self.path}?{self.query}" if self.query else self.path


@dataclass
class Wire:
    """The captured exchanges of one broker and helpers to replay them."""

    broker: str
    place: Exchange
    login: Exchange | None
    client_order_id: str
    token: str
    """The bearer token the facade used when the exchange was captured."""
    extra: list[Exchange] = field(default_factory=list)

    # -- fixed responses -----------------------------------------------------------------------
    def responses(self) -> dict[str, tuple[int, str, bytes]]:
        """``path -> (status, content type, body)`` for every captured exchange."""
        out = {ex.path: (ex.status, ex.content_type, ex.response) for ex in self.extra}
        if self.login is not None:
            out[self.login.path] = (self.login.status, self.login.content_type, self.login.response)
        out[self.place.path] = (self.place.status, self.place.content_type, self.place.response)
        return out

    # -- requests a raw client sends ------------------------------------------------------------
    def place_headers(self, token: str, client_order_id: str) -> dict[str, str]:
        """Headers of one place-order request (``Authorization`` included)."""
        headers = {k: v for k, v in self.place.headers.items() if k in _KEEP_HEADERS}
        if "idempotency-key" in headers:
            headers["idempotency-key"] = client_order_id
        headers["authorization"] = f"Bearer {token}"
        return headers

    def place_body(self, client_order_id: str) -> bytes:
        """The captured place-order body with ``client_order_id`` in place of the captured one."""
        return self.place.body.replace(self.client_order_id.encode(), client_order_id.encode())

    def place_requests(self, token: str, count: int) -> list[tuple[bytes, dict[str, str]]]:
        """``count`` distinct place-order requests (body, headers), each with a fresh client id,
        so a stateful server (the sandbox) sees new orders rather than duplicates."""
        ids = [unique_client_order_id() for _ in range(count)]
        return [(self.place_body(cid), self.place_headers(token, cid)) for cid in ids]

    def raw_request_bytes(self, host: str, port: int, token: str, count: int) -> list[bytes]:
        """Prebuilt HTTP/1.1 keep-alive request bytes (the raw-socket floor)."""
        out = []
        for body, headers in self.place_requests(token, count):
            lines = [f"{self.place.method} {self.place.target} HTTP/1.1", f"Host: {host}:{port}"]
            lines += [f"{k}: {v}" for k, v in headers.items()]
            lines.append(f"Content-Length: {len(body)}")
            out.append(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
        return out

    def login_token(self, base_url: str) -> str:
        """Log in against ``base_url`` (server root) with the captured login request; the token."""
        if self.login is None:
            return self.token
        headers = {k: v for k, v in self.login.headers.items() if k in _KEEP_HEADERS}
        response = httpx.post(base_url + self.login.target, content=self.login.body, headers=headers)
        response.raise_for_status()
        field_name = CASES[self.broker].token_field
        assert field_name is not None
        return str(response.json()[field_name])


_ID_PREFIX = f"bn{os.getpid() % 100000:05d}{int(time.time()) % 100000:05d}"


def unique_client_order_id() -> str:
    """A 22-character client order id (the facade's length), unique in this run."""
    global _ID_COUNTER
    _ID_COUNTER += 1
    return f"{_ID_PREFIX}{_ID_COUNTER:010d}"[:22]


_ID_COUNTER = 0


def new_session(broker: str, base_url: str, **kwargs: Any) -> Any:
    """``orderbridge.connect`` with the demo credentials of ``broker``."""
    import orderbridge

    kwargs.setdefault("rate_limit", None)  # per-call cost, not the broker's budget (issue 21 measures that)
    return orderbridge.connect(broker, base_url=base_url, credentials=dict(CASES[broker].credentials), **kwargs)


def new_order(broker: str) -> Any:
    """The benchmark's market order for ``broker`` (no client order id: the facade makes one)."""
    import orderbridge

    return orderbridge.Order(**CASES[broker].order)


def capture_wires() -> dict[str, Wire]:
    """Place one order per broker through ``orderbridge`` over the in-process sandbox and
    record the exchanges (see the module docstring)."""
    from orderbridge_sandbox import Sandbox

    sandbox = Sandbox()
    recorded: list[Exchange] = []

    def handler(request: httpx.Request) -> httpx.Response:
        response = sandbox.handle(request)
        response.read()
        recorded.append(
            Exchange(
                method=request.method,
                path=request.url.path,
                query=request.url.query.decode(),
                headers=dict(request.headers),
                body=request.content,
                status=response.status_code,
                content_type=response.headers.get("content-type", "application/json"),
                response=response.content,
            )
        )
        return response

    transport = httpx.MockTransport(handler)
    wires: dict[str, Wire] = {}
    for broker in BROKERS:
        recorded.clear()
        with new_session(broker, f"http://127.0.0.1/{broker}", transport=transport) as session:
            placed = session.place_order(new_order(broker), account=CASES[broker].account)
        place = recorded[-1]
        login = recorded[0] if len(recorded) > 1 else None
        auth = place.headers.get("authorization", "")
        wires[broker] = Wire(
            broker=broker,
            place=place,
            login=login,
            client_order_id=placed.client_order_id,
            token=auth.removeprefix("Bearer "),
        )
        if placed.client_order_id.encode() not in place.body and "idempotency-key" not in place.headers:
            raise RuntimeError(f"{broker}: cannot find the client order id in the captured request")
    return wires


# -- timing ---------------------------------------------------------------------------------------
def time_per_call(fn: Callable[[int], object], count: int) -> float:
    """Microseconds per call of ``fn(i)`` for ``i`` in ``range(count)``."""
    gc.collect()
    start = time.perf_counter_ns()
    for i in range(count):
        fn(i)
    return (time.perf_counter_ns() - start) / count / 1000.0


def interleaved(
    variants: Mapping[str, Callable[[int], object]],
    count: int,
    rounds: int,
    warmup: int,
    counts: Mapping[str, int] | None = None,
) -> dict[str, list[float]]:
    """Run every variant ``rounds`` times (µs/call over ``count`` calls each, or
    ``counts[name]`` for slow variants), interleaved and rotating the order each round, so
    drift and noise hit all variants alike."""
    names = list(variants)
    per = {name: (counts or {}).get(name, count) for name in names}
    for name in names:
        for i in range(min(warmup, per[name])):
            variants[name](i)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            samples[name].append(time_per_call(variants[name], per[name]))
    return samples


def summary(samples: Iterable[float]) -> dict[str, Any]:
    values = list(samples)
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "samples": [round(v, 3) for v in values],
    }


def paired_ratio(numerator: list[float], denominator: list[float]) -> dict[str, Any]:
    """Median of the per-round ratios (each round measured the two side by side)."""
    ratios = [n / d for n, d in zip(numerator, denominator, strict=True)]
    return {"median": statistics.median(ratios), "samples": [round(r, 4) for r in ratios]}


def verdict(value: float | None, limit: float, *, at_most: bool) -> str:
    if value is None:
        return "n/a"
    ok = value <= limit if at_most else value >= limit
    return "met" if ok else "MISSED"


_CPU_MODEL = re.compile(r"^model name\s*:\s*(.*)$", re.MULTILINE)


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            match = _CPU_MODEL.search(fh.read())
    except OSError:
        return "unknown"
    return match.group(1).strip() if match else "unknown"
