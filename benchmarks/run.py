"""Run the orderbridge benchmarks, print the tables and write the figures as JSON (issue 6).

    python benchmarks/run.py [--quick] [--json PATH] [--only SECTION ...] [--profile]

Sections: inprocess (1), attribution (1b), loopback (2: fixed-response server over HTTP and
HTTPS, and ``orderbridge-sandbox serve``), async (3), imports (4), regeneration (5), auth (6),
sandbox (7: the sandbox as a test double — in-process cost, flatness as the book grows,
loopback load).
Figures are medians over repeated rounds; ratios are medians of per-round ratios of variants
measured side by side in this process. Targets are reported, never asserted: the exit status
is non-zero only when a section could not run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import (
    _servers,
    _tls,
    async_throughput,
    attribution,
    auth,
    imports,
    inprocess,
    loopback,
    regeneration,
)
from benchmarks import events as live_events  # section "events" (issue 20)
from benchmarks import sandbox as sandbox_double
from benchmarks._common import BROKERS, capture_wires, cpu_model, verdict

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "results" / "latest.json"
SECTIONS = ("inprocess", "attribution", "loopback", "async", "auth", "imports", "regeneration", "sandbox", "events")


@dataclass(frozen=True)
class Plan:
    inprocess: tuple[int, int, int]  # calls per round, rounds, warm-up
    attribution: tuple[int, int]
    http: tuple[int, int, int, int]  # calls per round, rounds, warm-up, vendor-style calls per round
    https: tuple[int, int, int, int]
    sandbox: tuple[int, int, int, int]
    async_orders: int
    async_concurrency: int
    async_rounds: int
    import_runs: int
    regeneration_runs: int
    auth_orders: int
    profile_calls: int
    # section 7: calls per round, rounds, warm-up, small book, big book, load clients, orders each
    sandbox_double: tuple[int, int, int, int, int, int, int] = (200, 7, 50, 100, 20_000, 50, 100)


FULL = Plan(
    inprocess=(500, 7, 100),
    attribution=(500, 5),
    http=(200, 5, 20, 50),
    https=(150, 5, 10, 10),
    sandbox=(30, 5, 5, 10),
    async_orders=1000,
    async_concurrency=10,
    async_rounds=3,
    import_runs=20,
    regeneration_runs=3,
    auth_orders=1000,
    profile_calls=3000,
)
QUICK = Plan(
    inprocess=(100, 3, 20),
    attribution=(100, 2),
    http=(30, 2, 5, 10),
    https=(20, 2, 2, 3),
    sandbox=(8, 2, 2, 4),
    async_orders=200,
    async_concurrency=10,
    async_rounds=1,
    import_runs=3,
    regeneration_runs=1,
    auth_orders=50,
    profile_calls=300,
    sandbox_double=(50, 3, 10, 100, 2_000, 10, 20),
)


# -- output ---------------------------------------------------------------------------------------
def table(title: str, header: list[str], rows: list[list[str]], note: str = "") -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    lines = [title, fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*r) for r in rows]
    if note:
        lines.append(note)
    return "\n".join(lines)


def us(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if value is None:
        return "-"
    m = value["median"]
    return f"{m:,.0f}" if m >= 1000 else f"{m:.1f}"


def ratio(entry: dict[str, Any], key: str, digits: int = 2) -> str:
    value = entry.get(key)
    return "-" if value is None else f"{value['median']:.{digits}f}"


def render_inprocess(res: dict[str, Any], plan: Plan) -> str:
    rows = []
    for b in BROKERS:
        e = res[b]
        rows.append(
            [
                b,
                us(e["us_per_call"], "a"),
                us(e["us_per_call"], "b"),
                us(e["us_per_call"], "c"),
                ratio(e, "b/a"),
                ratio(e, "c/a"),
                verdict(e["c/a"]["median"], 1.10, at_most=True),
            ]
        )
    n, r, _ = plan.inprocess
    return table(
        f"1. In-process, httpx.MockTransport with a fixed valid response — µs/call, median of {r} rounds x {n} calls",
        ["broker", "a raw httpx", "b generated", "c orderbridge", "b/a", "c/a", "c/a<=1.10"],
        rows,
    )


def render_attribution(res: dict[str, Any]) -> str:
    steps = ["prepare", "request_model", "conform", "evaluate", "http_call", "classify"]
    rows = []
    for b in BROKERS:
        e = res[b]
        cells = [b]
        for s in [*steps, "generated_call (1b)", "place_order (total)"]:
            v = e.get(s)
            cells.append(f"{v:.1f}" if isinstance(v, float) else "n/a")
        rows.append(cells)
    notes = sorted({f"{s}: {v}" for e in res.values() for s, v in e.items() if isinstance(v, str)})
    return table(
        "1b. Where the in-process orderbridge time goes — µs/call per step (conform runs only for orders with extras)",
        ["broker", *steps, "1(b) generated", "total"],
        rows,
        "\n".join(notes),
    )


def render_profile(res: dict[str, Any]) -> str:
    lines = ["1c. cProfile of place_order in-process (profiler overhead inflates call-heavy code; compare shares)"]
    for b in BROKERS:
        e = res[b]
        shares = ", ".join(f"{k} {v:.0%}" for k, v in e["own_time_share"].items())
        lines.append(f"   {b}: own time by package: {shares}")
        for f in e["facade_functions_by_cumulative_us_per_call"][:10]:
            lines.append(f"      {f['function']:<48} cum {f['cum_us']:>7.1f} µs  own {f['own_us']:>6.1f} µs")
    return "\n".join(lines)


def render_loopback(title: str, res: dict[str, Any], n: int, r: int) -> str:
    rows = []
    for b in BROKERS:
        e = res[b]
        u = e["us_per_order"]
        rows.append(
            [
                b,
                us(u, "a"),
                us(u, "b"),
                us(u, "c"),
                us(u, "g"),
                us(u, "d"),
                us(u, "e"),
                us(u, "e+login"),
                ratio(e, "d/c"),
                ratio(e, "d/g"),
                ratio(e, "d/a"),
                ratio(e, "e/d", 1),
                ratio(e, "e+login/d", 1),
            ]
        )
    return table(
        f"{title} — µs/order, median of {r} rounds x {n} orders",
        [
            "broker",
            "a socket",
            "b http.client",
            "c httpx",
            "g generated",
            "d orderbridge",
            "e requests",
            "e+login",
            "d/c",
            "d/g",
            "d/a",
            "e/d",
            "e+login/d",
        ],
        rows,
    )


def render_async(res: dict[str, Any]) -> str:
    rows = []
    for b in BROKERS:
        e = res[b]
        o = e["orders_per_s"]
        rows.append(
            [
                b,
                f"{o['orderbridge']['median']:,.0f}",
                f"{o['httpx']['median']:,.0f}",
                ratio(e, "ratio"),
                verdict(e["ratio"]["median"], 0.90, at_most=False),
                str(e["facade_logins"]),
            ]
        )
    first = next(iter(res.values()))
    return table(
        f"3. Async throughput, {first['orders']} orders, concurrency {first['concurrency']}, loopback fixed-response "
        f"server — orders/s, median of {len(first['ratio']['samples'])} rounds",
        ["broker", "orderbridge", "raw httpx.AsyncClient", "ratio", ">=0.90", "logins"],
        rows,
    )


def render_imports(res: dict[str, Any]) -> str:
    ms = res["ms"]
    rows = [[name, f"{v['min']:.1f}", f"{v['median']:.1f}", f"{v['max']:.1f}"] for name, v in ms.items()]
    census = res["census"]
    lines = [
        table(
            f"4. Cold import — ms wall per fresh process, median of {res['runs']} (interleaved)",
            ["python -c ...", "min ms", "median ms", "max ms"],
            rows,
        ),
        f"   import orderbridge / import httpx = {res['ratio_wall']['median']:.2f}x wall "
        f"({verdict(res['ratio_wall']['median'], 1.3, at_most=True)} <= 1.3x); "
        f"net of interpreter start-up {res['ratio_net_of_interpreter']['median']:.2f}x",
        f"   first use (ob.Order, ob.connect: httpx, attrs and the facade load) / import httpx = "
        f"{res['ratio_first_use']['median']:.2f}x wall (not the target; compare the httpx + attrs row)",
        f"   import orderbridge loads {census['import_orderbridge']['module_count']} modules; generated clients "
        f"loaded: {census['import_orderbridge']['generated_clients_loaded'] or 'none'}; third-party packages: "
        f"{', '.join(census['import_orderbridge']['top_level_packages'])}",
        "   connect(broker) loads: "
        + "; ".join(f"{b} -> {', '.join(v)}" for b, v in census["connect_loads_clients"].items())
        + f"  (one client per broker: {'yes' if census['one_client_per_broker'] else 'NO'})",
        "   -X importtime self ms by package: "
        + ", ".join(f"{k} {v:.1f}" for k, v in list(res["importtime_self_ms_by_package"].items())[:8]),
        "   orderbridge modules self ms: "
        + ", ".join(f"{k} {v:.1f}" for k, v in list(res["orderbridge_modules_self_ms"].items())[:8]),
    ]
    return "\n".join(lines)


def render_regeneration(res: dict[str, Any]) -> str:
    total = res["seconds_total"]["median"]
    per = ", ".join(f"{k} {v:.2f}" for k, v in res["seconds_per_spec"].items())
    return (
        f"5. Regeneration (tools/generate.py generate_one x 4 specs, median of {res['runs']}): "
        f"{total:.2f} s total ({verdict(total, 10.0, at_most=True)} <= 10 s); per spec s: {per}"
    )


def render_auth(res: dict[str, Any]) -> str:
    rows = []
    for b in BROKERS:
        e = res[b]
        must = b in ("topstepx", "sophic")
        ok = e["auth_requests_sent"] == 1 and e["accepted"] == e["orders"]
        rows.append(
            [
                b,
                str(e["orders"]),
                str(e["accepted"]),
                str(e["session_logins"]),
                str(e["auth_requests_sent"]),
                ("met" if ok else "MISSED") if must else "-",
            ]
        )
    return table(
        "6. Auth amortisation — one session, in-process sandbox (real token lifetimes, tokens checked)",
        ["broker", "orders", "accepted", "session.logins", "token requests sent", "=1 (topstepx, sophic)"],
        rows,
    )


def render_sandbox_double(res: dict[str, Any], plan: Plan) -> str:
    n, r, _, small, big, clients, orders = plan.sandbox_double
    inproc, flat, load = res["inprocess"], res["flatness"], res["load"]
    rows = []
    for b in BROKERS:
        e, f = inproc[b], flat[b]
        rows.append(
            [
                b,
                us(e["us_per_call"], "fixed"),
                us(e["us_per_call"], "sandbox"),
                f"{e['sandbox_share_us']['median']:.1f}",
                ratio(e, "sandbox/fixed"),
                verdict(e["us_per_call"]["sandbox"]["median"], 1000, at_most=True),
                verdict(e["sandbox/fixed"]["median"], 4, at_most=True),
                us(f["cpu_us_per_call"], "small"),
                us(f["cpu_us_per_call"], "big"),
                ratio(f, "big/small", 3),
                verdict(f["big/small"]["median"], 1.2, at_most=True),
            ]
        )
    first = table(
        f"7a/7b. Sandbox in process — Session.place_order µs/call, median of {r} rounds x {n} calls "
        f"(fixed = section 1's fixed-response MockTransport; share = sandbox - fixed; "
        f"book: {small:,} vs {big:,} orders, CPU µs of the harness thread)",
        [
            "broker",
            "fixed",
            "sandbox",
            "share",
            "sandbox/fixed",
            "<=1000µs",
            "<=4x",
            f"book {small:,}",
            f"book {big:,}",
            "big/small",
            "<=1.2",
        ],
        rows,
    )
    load_rows = [
        [
            b,
            f"{load[b]['accepted']:,}",
            f"{load[b]['recorded']:,}",
            str(load[b]["lost"]),
            str(load[b]["errors"]),
            f"{load[b]['p50_ms']}",
            f"{load[b]['p99_ms']}",
            f"{load[b]['orders_per_s']:,.0f}",
        ]
        for b in BROKERS
    ]
    second = table(
        f"7c. Sandbox on loopback under load — {clients} clients x {orders} orders at once "
        "(server in this process; latency per place_order, ms)",
        ["broker", "accepted", "in book", "lost", "errors", "p50", "p99", "orders/s"],
        load_rows,
    )
    return first + "\n\n" + second


# -- targets --------------------------------------------------------------------------------------
def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(name: str, scope: str, value: float | None, limit: float, at_most: bool) -> None:
        out.append(
            {
                "target": name,
                "scope": scope,
                "value": None if value is None else round(value, 3),
                "limit": f"{'<=' if at_most else '>='} {limit}",
                "status": verdict(value, limit, at_most=at_most),
            }
        )

    r = results
    if "inprocess" in r:
        for b in BROKERS:
            add("in-process c/a", b, r["inprocess"][b]["c/a"]["median"], 1.10, True)
    for server in ("loopback_http", "loopback_https", "loopback_sandbox"):
        if server in r:
            for b in BROKERS:
                add("loopback d/c", f"{server}:{b}", r[server][b]["d/c"]["median"], 1.05, True)
    for server in ("loopback_http", "loopback_https", "loopback_sandbox"):
        if server in r:
            for b in BROKERS:
                e = r[server][b].get("e/d")
                add("loopback e/d", f"{server}:{b}", e["median"] if e else None, 10, False)
    if "async" in r:
        for b in BROKERS:
            add("async orderbridge/httpx", b, r["async"][b]["ratio"]["median"], 0.90, False)
    if "imports" in r:
        add("import orderbridge / import httpx (wall)", "all", r["imports"]["ratio_wall"]["median"], 1.3, True)
    if "regeneration" in r:
        add("regeneration of 4 specs, s", "all", r["regeneration"]["seconds_total"]["median"], 10.0, True)
    if "sandbox" in r:
        for b in BROKERS:
            e, f, ld = r["sandbox"]["inprocess"][b], r["sandbox"]["flatness"][b], r["sandbox"]["load"][b]
            add("sandbox in-process place_order, µs", b, e["us_per_call"]["sandbox"]["median"], 1000, True)
            add("sandbox / fixed-response MockTransport", b, e["sandbox/fixed"]["median"], 4, True)
            add("sandbox book big / small (20,000 / 100 full)", b, f["big/small"]["median"], 1.2, True)
            add("sandbox load: errors + lost orders", b, float(ld["errors"] + ld["lost"] + ld["extra"]), 0, True)
    if "auth" in r:
        for b in ("topstepx", "sophic"):
            orders = r["auth"][b]["orders"]
            add(f"token requests per {orders:,} orders", b, float(r["auth"][b]["auth_requests_sent"]), 1, True)
    return out


def render_targets(rows: list[dict[str, Any]]) -> str:
    """One line per target (and server), one column per broker: value and met / MISSED."""
    lines: dict[tuple[str, str, str], dict[str, str]] = {}
    for t in rows:
        server, _, scope = t["scope"].rpartition(":")
        name = f"{t['target']} ({server.removeprefix('loopback_')})" if server else t["target"]
        cell = "n/a" if t["value"] is None else f"{t['value']:.2f} {t['status']}"
        lines.setdefault((name, t["limit"], ""), {})[scope] = cell
    columns = [*BROKERS, "all"]
    used = [c for c in columns if any(c in cells for cells in lines.values())]
    body = [[name, limit, *(cells.get(c, "") for c in used)] for (name, limit, _), cells in lines.items()]
    return table("Targets (reported, not asserted)", ["target", "limit", *used], body)


# -- main -----------------------------------------------------------------------------------------
def meta(plan: Plan, quick: bool) -> dict[str, Any]:
    versions: dict[str, str | None] = {}
    for dist in (
        "httpx",
        "httpcore",
        "attrs",
        "tenacity",
        "requests",
        "urllib3",
        "orderbridge",
        "orderbridge-sandbox",
        "openapi-python-client",
        "ruff",
    ):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = None
    return {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "mode": "quick" if quick else "full",
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "versions": versions,
        "plan": plan.__dict__,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fast smoke mode (few rounds): checks the harness runs")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"where to write the figures ({DEFAULT_JSON})")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, metavar="SECTION", help=f"run only: {SECTIONS}")
    parser.add_argument("--profile", action="store_true", help="also cProfile place_order in-process (by package)")
    parser.add_argument("--no-pin", action="store_true", help="do not pin harness and servers to separate CPUs")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    # Loopback only: never route 127.0.0.1 through a proxy from the environment.
    no_proxy = ",".join(filter(None, [os.environ.get("NO_PROXY", ""), "127.0.0.1", "localhost"]))
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = no_proxy
    chosen = set(args.only or SECTIONS)
    started = time.perf_counter()
    header = meta(plan, args.quick)

    results: dict[str, Any] = {}
    errors: dict[str, str] = {}
    original_cpus = set(_servers.cpus())
    cpu_list = sorted(original_cpus)
    pinned = not args.no_pin and len(cpu_list) >= 2
    server_cpu = cpu_list[-1] if pinned else None
    if pinned:
        _servers.pin(0, {cpu_list[0]})

    def section(name: str, fn: Callable[[], Any], render: Callable[[Any], str] | None) -> None:
        t0 = time.perf_counter()
        try:
            results[name] = fn()
        except Exception as exc:
            errors[name] = f"{type(exc).__name__}: {exc}"
            print(f"[{name}] FAILED: {errors[name]}", file=sys.stderr)
            traceback.print_exc()
            return
        if render is not None:
            print(render(results[name]))
        print(f"   ({name}: {time.perf_counter() - t0:.1f} s)\n", flush=True)

    print(
        f"orderbridge benchmarks ({'quick' if args.quick else 'full'}) — Python {sys.version.split()[0]}, "
        f"{cpu_model()}, {os.cpu_count()} CPUs{', harness and servers pinned to separate CPUs' if pinned else ''}\n"
    )
    if args.quick:
        print("quick mode: few rounds; the figures show the harness works, they are not results\n")
    wires = capture_wires()

    if "inprocess" in chosen:
        n, r, w = plan.inprocess
        section(
            "inprocess",
            lambda: inprocess.measure(wires, count=n, rounds=r, warmup=w),
            lambda res: render_inprocess(res, plan),
        )
    if "attribution" in chosen:
        n, r = plan.attribution
        section("attribution", lambda: attribution.components(wires, count=n, rounds=r), render_attribution)
        if args.profile:
            section("profile", lambda: attribution.profile(wires, calls=plan.profile_calls), render_profile)
    if "loopback" in chosen:
        n, r, w, v = plan.http

        def http() -> Any:
            with _servers.start_fixed_server(wires, server_cpu) as server:
                return loopback.measure_server(
                    server, wires, fresh_tokens=False, count=n, rounds=r, warmup=w, vendor_count=v
                )

        section(
            "loopback_http",
            http,
            lambda res: render_loopback("2a. Loopback HTTP, fixed-response server (asyncio, own process)", res, n, r),
        )
        missing = _tls.available()
        if missing:
            errors["loopback_https"] = f"skipped: {missing}"
            print(f"2b. Loopback HTTPS skipped: {missing}\n")
        else:
            hn, hr, hw, hv = plan.https

            def https() -> Any:
                with _tls.trusted_test_ca() as ca, _servers.start_fixed_server(wires, server_cpu, ca.chain) as server:
                    return loopback.measure_server(
                        server,
                        wires,
                        fresh_tokens=False,
                        count=hn,
                        rounds=hr,
                        warmup=hw,
                        vendor_count=hv,
                        tls=ca.client_context(),
                    )

            section(
                "loopback_https",
                https,
                lambda res: render_loopback(
                    "2b. Loopback HTTPS (TLS, test CA + certifi bundle), fixed-response server", res, hn, hr
                ),
            )
        sn, sr, sw, sv = plan.sandbox

        def sandbox() -> Any:
            with _servers.start_sandbox_server(server_cpu) as server:
                return loopback.measure_server(
                    server, wires, fresh_tokens=True, count=sn, rounds=sr, warmup=sw, vendor_count=sv
                )

        section(
            "loopback_sandbox",
            sandbox,
            lambda res: render_loopback(
                "2c. Loopback HTTP, `orderbridge-sandbox serve` (validates every request)", res, sn, sr
            ),
        )
    if "async" in chosen:

        def run_async() -> Any:
            with _servers.start_fixed_server(wires, server_cpu) as server:
                return async_throughput.measure(
                    server,
                    wires,
                    orders=plan.async_orders,
                    concurrency=plan.async_concurrency,
                    rounds=plan.async_rounds,
                )

        section("async", run_async, render_async)
    if "auth" in chosen:
        section("auth", lambda: auth.measure(orders=plan.auth_orders), render_auth)
    if "sandbox" in chosen:
        sn7, sr7, sw7, small, big, clients, orders = plan.sandbox_double
        section(
            "sandbox",
            lambda: sandbox_double.measure(
                wires, count=sn7, rounds=sr7, warmup=sw7, small=small, big=big, clients=clients, orders=orders
            ),
            lambda res: render_sandbox_double(res, plan),
        )
    # --- section "events" (issue 20): push latency and feed throughput --------------------------
    if "events" in chosen:
        section("events", lambda: live_events.measure(quick=args.quick), live_events.render)
    if pinned:
        _servers.pin(0, original_cpus)
    if "imports" in chosen:
        section("imports", lambda: imports.measure(runs=plan.import_runs), render_imports)
    if "regeneration" in chosen:
        why = regeneration.unavailable()
        if why:
            errors["regeneration"] = f"skipped: {why}"
            print(f"5. Regeneration skipped: {why}\n")
        else:
            section("regeneration", lambda: regeneration.measure(runs=plan.regeneration_runs), render_regeneration)

    summary = targets(results)
    if summary:
        print(render_targets(summary))
    elapsed = time.perf_counter() - started
    document = {
        "meta": header,
        "elapsed_s": round(elapsed, 1),
        "results": results,
        "targets": summary,
        "errors": errors,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(document, indent=1, default=str) + "\n", encoding="utf-8")
    print(f"\nfigures written to {args.json.resolve()}  ({elapsed:.0f} s)")
    failed = [name for name, why in errors.items() if not why.startswith("skipped")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
