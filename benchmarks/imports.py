"""Section 4 — cold import: fresh interpreters, wall time per process, interleaved.

``python -c "import orderbridge"`` vs ``python -c "import httpx"`` (and ``python -c pass`` as
the interpreter floor), median over N processes each. Then what ``import orderbridge`` loads:
no generated client at all, and after ``connect(broker)`` only that broker's client. Finally
``-X importtime`` self time grouped by top-level package, to show where the time goes.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from typing import Any

from ._common import BROKERS, paired_ratio, summary

COMMANDS = {
    "pass": "pass",
    "httpx": "import httpx",
    "orderbridge": "import orderbridge",
    "orderbridge, first use": "import orderbridge as ob; ob.Order; ob.connect",
}
"""``import orderbridge`` loads only its ``__init__`` (public names are imported on first use,
PEP 562); "first use" is what a program pays once it touches ``Order`` and ``connect`` (httpx,
attrs and the facade's modules), measured beside it so the lazy import hides nothing."""

LADDER = {
    "httpx + attrs (orderbridge's third-party dependencies)": "import httpx, attrs",
    "... + asyncio": "import httpx, attrs, asyncio",
}
"""Diagnostic steps between ``import httpx`` and ``import orderbridge``: what the dependencies
cost on their own, so the rest is attributable to orderbridge's own modules."""

CLIENTS = tuple(f"{b}_client" for b in BROKERS)

_CENSUS = """
import json, sys
before = set(sys.modules)
import orderbridge
after_import = sorted(set(sys.modules) - before)
result = {"import": after_import, "connect": {}}
for broker in %r:
    loaded = set(sys.modules)
    orderbridge.connect(broker, base_url="http://127.0.0.1:9/" + broker).close()
    result["connect"][broker] = sorted(set(sys.modules) - loaded)
print(json.dumps(result))
"""

_ONE_BROKER = """
import json, sys, orderbridge
orderbridge.connect(%r, base_url="http://127.0.0.1:9/x").close()
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0].endswith("_client"))))
"""


def _run(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000.0


def _top(modules: list[str]) -> list[str]:
    """Top-level packages outside the standard library."""
    return sorted({m.split(".")[0] for m in modules} - set(sys.stdlib_module_names))


def census() -> dict[str, Any]:
    """Modules loaded by ``import orderbridge`` and by ``connect`` for each broker (each broker
    in a fresh process, so earlier brokers do not mask later imports)."""
    out = subprocess.run([sys.executable, "-c", _CENSUS % (BROKERS,)], check=True, capture_output=True, text=True)
    data = json.loads(out.stdout.strip().splitlines()[-1])
    alone = {}
    for broker in BROKERS:
        proc = subprocess.run([sys.executable, "-c", _ONE_BROKER % broker], check=True, capture_output=True, text=True)
        clients = sorted({m.split(".")[0] for m in json.loads(proc.stdout.strip().splitlines()[-1])})
        alone[broker] = clients
    imported = data["import"]
    return {
        "import_orderbridge": {
            "module_count": len(imported),
            "top_level_packages": _top(imported),
            "generated_clients_loaded": sorted(set(_top(imported)) & set(CLIENTS)),
        },
        "connect_loads_clients": alone,
        "one_client_per_broker": all(alone[b] == [f"{b}_client"] for b in BROKERS),
    }


def importtime_by_package(statement: str = "import orderbridge", runs: int = 5) -> dict[str, float]:
    """Median ``-X importtime`` self time (ms) per top-level package."""
    per_run: list[dict[str, float]] = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement], check=True, capture_output=True, text=True
        )
        totals: dict[str, float] = {}
        for line in proc.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            self_us, name = _parse(line)
            top = name.split(".")[0]
            totals[top] = totals.get(top, 0.0) + self_us / 1000.0
        per_run.append(totals)
    names = {n for run in per_run for n in run}
    medians = {n: statistics.median(run.get(n, 0.0) for run in per_run) for n in names}
    return dict(sorted(medians.items(), key=lambda kv: -kv[1]))


def orderbridge_modules(runs: int = 5) -> dict[str, float]:
    """Median ``-X importtime`` self time (ms) of each ``orderbridge`` module."""
    per_run: list[dict[str, float]] = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import orderbridge"], check=True, capture_output=True, text=True
        )
        found = {}
        for line in proc.stderr.splitlines():
            if line.startswith("import time:") and "self [us]" not in line:
                self_us, name = _parse(line)
                if name.split(".")[0] == "orderbridge":
                    found[name] = self_us / 1000.0
        per_run.append(found)
    names = {n for run in per_run for n in run}
    medians = {n: round(statistics.median(run.get(n, 0.0) for run in per_run), 2) for n in names}
    return dict(sorted(medians.items(), key=lambda kv: -kv[1]))


def _parse(line: str) -> tuple[float, str]:
    """``import time:   123 |   456 |   pkg.mod`` -> (self µs, module name)."""
    self_us, _cumulative, name = line.removeprefix("import time:").split("|", 2)
    return float(self_us), name.strip()


def measure(*, runs: int) -> dict[str, Any]:
    commands = {**COMMANDS, **LADDER}
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for code in commands.values():  # warm the OS page cache once
        _run(code)
    for r in range(runs):
        names = list(commands)
        for name in names[r % len(names) :] + names[: r % len(names)]:
            samples[name].append(_run(commands[name]))
    base = samples["pass"]
    net_ob = [o - p for o, p in zip(samples["orderbridge"], base, strict=True)]
    net_httpx = [h - p for h, p in zip(samples["httpx"], base, strict=True)]
    return {
        "runs": runs,
        "ms": {k: summary(v) for k, v in samples.items()},
        "ratio_wall": paired_ratio(samples["orderbridge"], samples["httpx"]),
        "ratio_first_use": paired_ratio(samples["orderbridge, first use"], samples["httpx"]),
        "ratio_net_of_interpreter": paired_ratio(net_ob, net_httpx),
        "census": census(),
        "importtime_self_ms_by_package": {k: round(v, 2) for k, v in list(importtime_by_package().items())[:12]},
        "orderbridge_modules_self_ms": orderbridge_modules(),
    }
