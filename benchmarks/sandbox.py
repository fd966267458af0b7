"""Section 7 — the sandbox as everyone's test double (issue 13).

(a) in-process cost: ``Session.place_order`` over ``Sandbox().transport()`` (request validated
    against the spec, broker logic, order recorded) next to the same call over a
    fixed-response ``httpx.MockTransport`` (section 1's); the ratio is sandbox / fixed, and the
    sandbox's own share is the difference;
(b) flatness: the same call with 100 versus 20,000 orders already in the book (one sandbox
    per size; the small one is rebuilt every round so it stays near 100). Each round times
    both sizes in wall time and in this thread's CPU time; the ratio is taken on CPU time,
    which other processes on a shared machine do not inflate (the wall ratio is kept too);
(c) loopback load: ``orderbridge-sandbox`` served on 127.0.0.1 and 50 threads, each with its own
    ``orderbridge`` session, placing 100 orders each at once; errors, lost orders (the book
    count must equal the acceptances) and per-order latency p50/p99.

The load server runs in this process (it needs the book to count orders), so client and
server threads share one interpreter: its latencies are an upper bound.
"""

from __future__ import annotations

import statistics
import threading
import time
from typing import Any

import httpx

from ._common import (
    BROKERS,
    CASES,
    Wire,
    interleaved,
    new_order,
    new_session,
    paired_ratio,
    summary,
    time_per_call,
)
from .inprocess import fixed_transport

PREFIX = "http://127.0.0.1"


def new_sandbox() -> Any:
    """A fresh sandbox whose Sophic account has the cash for 20,000+ cash-based buys (the seed
    holds enough for a few hundred; an ``insufficient_funds`` refusal would end the run)."""
    from decimal import Decimal

    from orderbridge_sandbox import Sandbox

    sandbox = Sandbox()
    cash = sandbox.broker("sophic").cash  # type: ignore[attr-defined]
    for currency in cash[CASES["sophic"].account]:
        cash[CASES["sophic"].account][currency] = Decimal("1e12")
    return sandbox


def _sandbox_session(sandbox: Any, broker: str) -> Any:
    return new_session(broker, f"{PREFIX}/{broker}", transport=sandbox.transport())


def _cpu_per_call(fn: Any, count: int) -> float:
    """CPU µs of this thread per call: unlike wall time, not inflated when other processes on
    a shared machine take the CPU, so a 1.2x bound can be read from one run."""
    start = time.thread_time_ns()
    for i in range(count):
        fn(i)
    return (time.thread_time_ns() - start) / count / 1000.0


def _fill(session: Any, broker: str, orders: int) -> None:
    """Place ``orders`` market orders through ``session`` (accepted, or the run is invalid)."""
    order, account = new_order(broker), CASES[broker].account
    for _ in range(orders):
        session.place_order(order, account=account)


def measure_inprocess(wires: dict[str, Wire], *, count: int, rounds: int, warmup: int) -> dict[str, Any]:
    """(a): µs per ``Session.place_order`` over the sandbox and over fixed responses."""
    fixed = fixed_transport(wires)
    return {b: _inprocess_one(b, fixed, count=count, rounds=rounds, warmup=warmup) for b in BROKERS}


def _inprocess_one(broker: str, fixed: httpx.MockTransport, *, count: int, rounds: int, warmup: int) -> dict[str, Any]:
    order, account = new_order(broker), CASES[broker].account
    sandbox = new_sandbox()
    over_sandbox = _sandbox_session(sandbox, broker)
    over_fixed = new_session(broker, f"{PREFIX}/{broker}", transport=fixed)
    try:
        samples = interleaved(
            {
                "fixed": lambda _: over_fixed.place_order(order, account=account),
                "sandbox": lambda _: over_sandbox.place_order(order, account=account),
            },
            count,
            rounds,
            warmup,
        )
        recorded = len(sandbox.orders(broker))
    finally:
        over_sandbox.close()
        over_fixed.close()
    share = [s - f for s, f in zip(samples["sandbox"], samples["fixed"], strict=True)]
    return {
        "us_per_call": {k: summary(v) for k, v in samples.items()},
        "sandbox_share_us": summary(share),
        "sandbox/fixed": paired_ratio(samples["sandbox"], samples["fixed"]),
        "orders_recorded": recorded,
    }


def measure_flatness(*, small: int, big: int, count: int, rounds: int, warmup: int) -> dict[str, Any]:
    """(b): µs per ``Session.place_order`` with ``small`` versus ``big`` orders in the book."""
    return {b: _flatness_one(b, small=small, big=big, count=count, rounds=rounds, warmup=warmup) for b in BROKERS}


def _flatness_one(broker: str, *, small: int, big: int, count: int, rounds: int, warmup: int) -> dict[str, Any]:
    order, account = new_order(broker), CASES[broker].account
    big_sandbox = new_sandbox()
    big_session = _sandbox_session(big_sandbox, broker)
    began = time.perf_counter()
    _fill(big_session, broker, big)
    fill_s = time.perf_counter() - began
    state: dict[str, Any] = {}

    def rebuild() -> None:
        if "session" in state:
            state["session"].close()
        state["sandbox"] = new_sandbox()
        state["session"] = _sandbox_session(state["sandbox"], broker)
        _fill(state["session"], broker, small)

    sizes = {"big_before": len(big_sandbox.orders(broker))}
    small_sizes: list[int] = []
    samples: dict[str, list[float]] = {"small": [], "big": []}
    cpu: dict[str, list[float]] = {"small": [], "big": []}

    def on_small(_: int) -> object:
        return state["session"].place_order(order, account=account)

    def on_big(_: int) -> object:
        return big_session.place_order(order, account=account)

    try:
        for _ in range(warmup):
            on_big(0)
        for r in range(rounds):
            rebuild()  # every round starts from a fresh book of `small` orders (untimed)
            small_sizes.append(len(state["sandbox"].orders(broker)))
            pair = [("small", on_small), ("big", on_big)]
            for name, fn in pair if r % 2 == 0 else reversed(pair):
                samples[name].append(time_per_call(fn, count))
                cpu[name].append(_cpu_per_call(fn, count))
        sizes["big_after"] = len(big_sandbox.orders(broker))
    finally:
        big_session.close()
        state["session"].close()
    return {
        "us_per_call": {k: summary(v) for k, v in samples.items()},
        "big/small": paired_ratio(cpu["big"], cpu["small"]),
        "cpu_us_per_call": {k: summary(v) for k, v in cpu.items()},
        "big/small_wall": paired_ratio(samples["big"], samples["small"]),
        "book_sizes": {**sizes, "small_at_round_start": sorted(set(small_sizes))},
        "fill_s": round(fill_s, 2),
    }


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure_load(*, clients: int, orders: int, brokers: tuple[str, ...] = BROKERS) -> dict[str, Any]:
    """(c): ``clients`` threads x ``orders`` orders each against the loopback server."""
    return {b: _load_one(b, clients=clients, orders=orders) for b in brokers}


def _load_one(broker: str, *, clients: int, orders: int) -> dict[str, Any]:
    from orderbridge_sandbox.server import start

    sandbox = new_sandbox()
    latencies: list[float] = []
    errors: list[str] = []
    accepted = 0
    lock = threading.Lock()
    with start(sandbox) as server:
        gate = threading.Barrier(clients)

        def client() -> None:
            nonlocal accepted
            mine: list[float] = []
            ok = 0
            problems: list[str] = []
            order, account = new_order(broker), CASES[broker].account
            try:
                session = new_session(broker, server.broker_url(broker))
            except Exception as exc:  # reported; the load run goes on
                problems.append(f"connect: {type(exc).__name__}: {exc}")
                session = None
            gate.wait()
            if session is not None:
                try:
                    for _ in range(orders):
                        t0 = time.perf_counter()
                        try:
                            session.place_order(order, account=account)
                            ok += 1
                        except Exception as exc:  # counted as an error
                            problems.append(f"{type(exc).__name__}: {exc}"[:200])
                        mine.append(time.perf_counter() - t0)
                finally:
                    session.close()
            with lock:
                latencies.extend(mine)
                errors.extend(problems)
                accepted += ok

        threads = [threading.Thread(target=client, name=f"load-{i}") for i in range(clients)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began
        recorded = len(sandbox.orders(broker))
    return {
        "clients": clients,
        "orders_per_client": orders,
        "accepted": accepted,
        "recorded": recorded,
        "lost": accepted - recorded if recorded <= accepted else 0,
        "extra": recorded - accepted if recorded > accepted else 0,
        "errors": len(errors),
        "error_samples": errors[:5],
        "p50_ms": round(_percentile(latencies, 0.50) * 1000, 2) if latencies else None,
        "p99_ms": round(_percentile(latencies, 0.99) * 1000, 2) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies) * 1000, 2) if latencies else None,
        "orders_per_s": round(accepted / wall, 1) if wall else None,
        "wall_s": round(wall, 2),
    }


def measure(
    wires: dict[str, Wire],
    *,
    count: int,
    rounds: int,
    warmup: int,
    small: int,
    big: int,
    clients: int,
    orders: int,
) -> dict[str, Any]:
    """All three parts of section 7."""
    httpx_version = httpx.__version__
    return {
        "inprocess": measure_inprocess(wires, count=count, rounds=rounds, warmup=warmup),
        "flatness": measure_flatness(small=small, big=big, count=count, rounds=rounds, warmup=warmup),
        "load": measure_load(clients=clients, orders=orders),
        "httpx": httpx_version,
    }
