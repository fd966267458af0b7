"""Section "events" — the live feed (issue 20).

(a) push latency: the sandbox served on loopback, ``AsyncSession.events`` on its TopstepX user
    hub (pysignalr), and one market order at a time placed over REST from another thread. For
    each fill, the time from the sandbox's book change (an observer on its order book, the
    moment the hub is told) to the consumer holding the :class:`~orderbridge.FillEvent`;
    p50 / p99 in milliseconds (aim: p99 under 20 ms). Client and server share this process, so
    the figures are an upper bound;
(b) throughput of one feed: :class:`~orderbridge.Feed` folding order reports and fills (half new,
    a quarter repeated, a quarter stale), events delivered per second of CPU (aim: 5,000 or more).

Run alone: ``python -m benchmarks.events [--quick]``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import statistics
import threading
import time
from decimal import Decimal
from typing import Any

import httpx

import orderbridge as ob

ACCOUNT = "465"
CONTRACT = "CON.F.US.MES.Z25"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def push_latency(orders: int) -> dict[str, Any]:
    """Book change -> FillEvent at the consumer, over loopback, ``orders`` times."""
    from orderbridge_sandbox import Sandbox, start

    sandbox = Sandbox()
    changed: dict[str, float] = {}

    def observe(kind: str, subject: Any) -> None:
        if kind == "fill":
            changed[str(subject.id)] = time.perf_counter()

    with start(sandbox, port=0) as server:
        base = server.broker_url("topstepx")
        sandbox.broker("topstepx").book.observers.append(observe)  # type: ignore[attr-defined]
        token = httpx.post(f"{base}/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"}).json()[
            "token"
        ]
        rest = httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"})
        body = {"accountId": int(ACCOUNT), "contractId": CONTRACT, "type": 2, "side": 0, "size": 1}

        async def run() -> list[float]:
            latencies: list[float] = []
            credentials = {"username": "demo", "api_key": "demo-api-key"}
            async with (
                ob.connect_async("topstepx", base_url=base, credentials=credentials) as session,
                session.events(accounts=[ACCOUNT], kinds=("fill",), audit=None) as stream,
            ):
                iterator = aiter(stream)
                while not isinstance(await anext(iterator), ob.Resynced):
                    pass
                for _ in range(orders):
                    placing = threading.Thread(target=rest.post, args=("/api/Order/place",), kwargs={"json": body})
                    placing.start()
                    event = await anext(iterator)
                    heard = time.perf_counter()
                    placing.join()
                    if isinstance(event, ob.FillEvent):
                        latencies.append((heard - changed[event.fill.fill_id]) * 1000)
            return latencies

        try:
            latencies = asyncio.run(run())
        finally:
            rest.close()
    return {
        "fills": len(latencies),
        "p50_ms": statistics.median(latencies),
        "p99_ms": _percentile(latencies, 0.99),
        "max_ms": max(latencies),
    }


def feed_throughput(events: int, rounds: int) -> dict[str, Any]:
    """Reports folded by one :class:`~orderbridge.Feed` per second of CPU (best and median round)."""
    t0 = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)
    statuses = (ob.OrderStatus.OPEN, ob.OrderStatus.PARTIALLY_FILLED, ob.OrderStatus.FILLED)
    inputs: list[Any] = []
    for i in range(events // 2):
        order_id = str(i // 3)
        inputs.append(
            ob.BrokerOrder(
                broker="topstepx",
                account=ACCOUNT,
                order_id=order_id,
                status=statuses[i % 3],
                filled_quantity=Decimal(i % 3),
            )
        )
        fill_id = str(i if i % 4 else i - 1)  # a quarter are repeats
        inputs.append(
            ob.Fill(
                broker="topstepx",
                account=ACCOUNT,
                order_id=order_id,
                fill_id=fill_id,
                instrument=CONTRACT,
                side=ob.Side.BUY,
                quantity=Decimal(1),
                price=Decimal("5000.25"),
                time=t0,
            )
        )
    rates = []
    delivered = 0
    for _ in range(rounds):
        feed = ob.Feed("topstepx", [ACCOUNT], wall=lambda: t0)
        start = time.process_time()
        delivered = 0
        for item in inputs:
            delivered += len(feed.order(item) if isinstance(item, ob.BrokerOrder) else feed.fill(item))
        rates.append(len(inputs) / (time.process_time() - start))
    return {
        "inputs": len(inputs),
        "delivered": delivered,
        "per_second_median": statistics.median(rates),
        "per_second_best": max(rates),
    }


def measure(quick: bool = False) -> dict[str, Any]:
    """Both parts; ``quick`` runs a few of each (a smoke test, not a result)."""
    return {
        "push": push_latency(10 if quick else 200),
        "feed": feed_throughput(2_000 if quick else 50_000, 2 if quick else 5),
    }


def render(res: dict[str, Any]) -> str:
    push, feed = res["push"], res["feed"]
    return (
        "8. Live events (issue 20)\n"
        f"   push latency, book change -> FillEvent over loopback ({push['fills']} fills): "
        f"p50 {push['p50_ms']:.2f} ms, p99 {push['p99_ms']:.2f} ms, max {push['max_ms']:.2f} ms "
        f"({'meets' if push['p99_ms'] < 20 else 'misses'} the 20 ms aim)\n"
        f"   one Feed, {feed['inputs']} reports: {feed['per_second_median']:,.0f}/s median, "
        f"{feed['per_second_best']:,.0f}/s best ({'meets' if feed['per_second_median'] >= 5000 else 'misses'} "
        "the 5,000/s aim)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    print(render(measure(parser.parse_args().quick)))
