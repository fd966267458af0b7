"""Section 3 — async throughput: N orders through ``connect_async`` with bounded concurrency vs
raw ``httpx.AsyncClient`` sending the same requests, against the loopback fixed-response server.

Concurrency is bounded by a fixed number of worker coroutines pulling from one counter (the
same for both). The raw client gets the facade's pool limits (100 connections, 20 keep-alive).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from ._common import BROKERS, CASES, Wire, new_order, paired_ratio, summary
from ._servers import ServerProcess


async def _drive(op: Callable[[int], Awaitable[object]], orders: int, concurrency: int) -> float:
    """Orders per second for ``orders`` calls of ``op`` with ``concurrency`` workers."""
    counter = iter(range(orders))

    async def worker() -> None:
        for i in counter:
            await op(i)

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return orders / (time.perf_counter() - start)


async def _measure_broker(
    server: ServerProcess, wire: Wire, *, orders: int, concurrency: int, rounds: int
) -> dict[str, Any]:
    import orderbridge

    broker = wire.broker
    account = CASES[broker].account
    order = new_order(broker)
    target = wire.place.target
    requests = wire.place_requests(wire.token, orders * rounds + concurrency * 2)
    used = 0

    async with (
        orderbridge.connect_async(
            broker, base_url=server.broker_url(broker), credentials=dict(CASES[broker].credentials), rate_limit=None
        ) as session,
        httpx.AsyncClient(
            base_url=server.url, limits=httpx.Limits(max_connections=100, max_keepalive_connections=20)
        ) as client,
    ):

        async def facade(_: int) -> object:
            return await session.place_order(order, account=account)

        async def raw(_: int) -> object:
            nonlocal used
            body, headers = requests[used]
            used += 1
            response = await client.post(target, content=body, headers=headers)
            if response.status_code not in (200, 201):
                raise RuntimeError(f"httpx async: HTTP {response.status_code}")
            return response.json()

        # Warm-up: open the pools to the working concurrency and log in once.
        await _drive(facade, concurrency * 2, concurrency)
        await _drive(raw, concurrency * 2, concurrency)
        samples: dict[str, list[float]] = {"orderbridge": [], "httpx": []}
        variants = [("orderbridge", facade), ("httpx", raw)]
        for r in range(rounds):
            for name, op in variants[r % 2 :] + variants[: r % 2]:
                samples[name].append(await _drive(op, orders, concurrency))
        logins = session.logins
    return {
        "orders_per_s": {k: summary(v) for k, v in samples.items()},
        "ratio": paired_ratio(samples["orderbridge"], samples["httpx"]),
        "orders": orders,
        "concurrency": concurrency,
        "facade_logins": logins,
        "facade_orders": orders * rounds + concurrency * 2,
    }


def measure(
    server: ServerProcess, wires: dict[str, Wire], *, orders: int, concurrency: int, rounds: int
) -> dict[str, Any]:
    results = {}
    for broker in BROKERS:
        results[broker] = asyncio.run(
            _measure_broker(server, wires[broker], orders=orders, concurrency=concurrency, rounds=rounds)
        )
    return results
