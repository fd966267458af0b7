"""Fan-out (issue 21): one order to N accounts with ``AsyncSession.place_orders`` vs one order.

Against the in-process sandbox (TopstepX, N extra practice accounts) with 50 ms of latency
injected on every placement (``topstepx:place_order:latency=0.05``: the sandbox answers after
``asyncio.sleep``, so waits overlap as they would over a network). Each round times, on one
logged-in session, one ``place_order`` and then ``place_orders`` to 20 and to 100 accounts,
rotating the order of the three; a figure is the median over rounds, a ratio the median of the
per-round ratios. 20 accounts use the default ``max_in_flight`` (20), 100 accounts
``max_in_flight=100``. The documented budget (200 requests per 60 s) stays on: 100 placements fit in
it, and the counters are emptied between rounds so that round k does not wait for round k-1
(a benchmark-only step: within a real minute the budget would make round 2 wait).

Run: ``python benchmarks/fanout.py [--rounds N] [--json PATH]``. Nothing asserts a time; the
target (20 accounts <= 1.3x one order) is printed as met / MISSED.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import orderbridge as ob
from orderbridge._driver import reset_counters
from orderbridge_sandbox import Sandbox

LATENCY = 0.05
TARGET = 1.3
ORDER = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal(1))
CREDENTIALS = {"username": "demo", "api_key": "demo-api-key"}


def _sandbox(accounts: int) -> Sandbox:
    sandbox = Sandbox()
    topstepx: Any = sandbox.broker("topstepx")
    for n in range(accounts):
        topstepx.accounts[10_000 + n] = {
            "id": 10_000 + n,
            "name": f"PRAC-V2-BENCH-{n}",
            "balance": 50000,
            "canTrade": True,
            "isVisible": True,
            "simulated": True,
        }
    sandbox.add_fault(f"topstepx:place_order:latency={LATENCY}")
    return sandbox


async def _round(session: ob.AsyncSession, order: list[str]) -> dict[str, float]:
    times: dict[str, float] = {}
    for name in order:
        reset_counters()
        start = time.perf_counter()
        if name == "one":
            await session.place_order(ORDER, account="465")
        else:
            n = int(name)
            results = await session.place_orders([(str(10_000 + i), ORDER) for i in range(n)], max_in_flight=n)
            if not all(isinstance(r, ob.PlacedOrder) for r in results):
                raise RuntimeError(f"fan-out to {n}: not every order was placed: {results[:3]}")
        times[name] = time.perf_counter() - start
    return times


async def measure(rounds: int) -> dict[str, Any]:
    sandbox = _sandbox(100)
    names = ["one", "20", "100"]
    samples: list[dict[str, float]] = []
    async with ob.connect_async(
        "topstepx", base_url="http://127.0.0.1/topstepx", credentials=CREDENTIALS, transport=sandbox.transport()
    ) as session:
        await session.place_order(ORDER, account="465")  # log in, warm up
        for r in range(rounds):
            samples.append(await _round(session, names[r % 3 :] + names[: r % 3]))
    med = {name: statistics.median(s[name] for s in samples) for name in names}
    ratio = {n: statistics.median(s[n] / s["one"] for s in samples) for n in ("20", "100")}
    return {
        "latency_s": LATENCY,
        "rounds": rounds,
        "median_s": med,
        "ratio_to_one": ratio,
        "range_ratio_20": [min(s["20"] / s["one"] for s in samples), max(s["20"] / s["one"] for s in samples)],
        "target_20": TARGET,
        "met": ratio["20"] <= TARGET,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    res = asyncio.run(measure(args.rounds))
    med, ratio = res["median_s"], res["ratio_to_one"]
    print(f"Fan-out against the in-process sandbox, {LATENCY * 1000:.0f} ms per placement, {args.rounds} rounds")
    print(f"  one order            {med['one'] * 1000:7.1f} ms")
    print(f"  20 accounts          {med['20'] * 1000:7.1f} ms   {ratio['20']:.2f}x one order")
    print(f"  100 accounts         {med['100'] * 1000:7.1f} ms   {ratio['100']:.2f}x one order")
    verdict = "met" if res["met"] else "MISSED"
    print(f"  target: 20 accounts <= {TARGET}x one order: {verdict}")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
