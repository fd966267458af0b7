"""Where the in-process facade time goes (what is ours), without profiler distortion.

``components`` times each step of ``Session.place_order`` on its own, in-process over the same
fixed transport as section 1 (µs per call, median of rounds):

* ``prepare``: argument checks, capabilities check, client order id, ``attrs.evolve``, broker
  validation (``Session._prepare``);
* ``request_model``: the adapter's flow up to its first ``Call`` — mapping the ``Order`` to the
  generated request model (``from_dict``) and the ``conform`` type check;
* ``conform``: the type check alone (run by ``request_model`` only when the order has extras);
* ``evaluate``: the attempt policy's decision on the response (``AttemptPolicy.decide``,
  building the policy included);
* ``http_call``: one attempt: the generated ``sync_detailed`` through the session's httpx client
  and its session transport (bearer stamp, deadline, capped body read) — compare with
  section 1 (b);
* ``classify``: the flow's outcome classification after the response (``PlacedOrder``); the
  flows are advanced to their request before timing, so only the classification is timed.

These reach into private names of ``orderbridge`` (``Session._prepare``, ``Session._request``,
``_policy``, ``_flow``, ``_adapter``); when those change, the affected step reports ``n/a`` with the reason
instead of failing the run. ``profile`` (``run.py --profile``) adds a cProfile run grouped by
package.
"""

from __future__ import annotations

import cProfile
import importlib
import pstats
from collections.abc import Callable
from typing import Any

import httpx

from ._common import BROKERS, CASES, Wire, interleaved, new_order, new_session, summary
from .inprocess import fixed_transport, generated_call


def _steps(session: Any, order: Any, account: str, wire: Wire, transport: httpx.BaseTransport) -> dict[str, Any]:
    """Zero-argument callables for each step (or a string saying why a step is unavailable)."""
    steps: dict[str, Any] = {}
    try:
        prepared = session._prepare(order, account)
        steps["prepare"] = lambda: session._prepare(order, account)
    except Exception as exc:
        return {"prepare": f"n/a: {type(exc).__name__}: {exc}"}
    adapter, settings = session.adapter, session.settings

    def first_call() -> Any:
        return next(adapter.place(prepared, account, settings))

    try:
        call = first_call()
        steps["request_model"] = first_call
    except Exception as exc:
        steps["request_model"] = f"n/a: {type(exc).__name__}: {exc}"
        return steps
    try:
        conform = importlib.import_module("orderbridge._adapter").conform
        body = call.kwargs["body"]
        conform(body, session.broker)
        steps["conform"] = lambda: conform(body, session.broker)
    except Exception as exc:
        steps["conform"] = f"n/a: {type(exc).__name__}: {exc}"
    try:
        import math

        exchange_cls = importlib.import_module("orderbridge._wire").Exchange

        def attempt() -> Any:
            # One attempt as the driver makes it: the request, then its description to the policy.
            exchange = exchange_cls(deadline=math.inf)
            return session._happened(call, exchange, session._request((call, exchange)), None)

        happened = attempt()
        response = happened.response
        steps["http_call"] = attempt
    except Exception as exc:
        steps["http_call"] = f"n/a: {type(exc).__name__}: {exc}"
        return steps
    try:
        policy_module = importlib.import_module("orderbridge._policy")

        def evaluate() -> None:
            session._policy(call, None).decide(policy_module.Attempt(), happened)

        evaluate()
        steps["evaluate"] = evaluate
    except Exception as exc:
        steps["evaluate"] = f"n/a: {type(exc).__name__}: {exc}"
    try:
        sent_cls = importlib.import_module("orderbridge._wire").Sent
        sent = sent_cls(response)
        pending: list[Any] = []

        def ready_flow() -> Any:
            flow = adapter.place(prepared, account, settings)
            next(flow)
            return flow

        def classify() -> Any:
            # Flows are advanced to their request beforehand (see components()); only the
            # outcome classification of the response is timed here.
            flow = pending.pop() if pending else ready_flow()
            try:
                flow.send(sent)
            except StopIteration as stop:
                return stop.value
            raise RuntimeError("flow did not finish")

        classify()
        steps["classify"] = classify
        steps["_pending_flows"] = (pending, ready_flow)
    except Exception as exc:
        steps["classify"] = f"n/a: {type(exc).__name__}: {exc}"
    return steps


def _indexed(fn: Callable[[], object]) -> Callable[[int], object]:
    def run(_: int) -> object:
        return fn()

    return run


def _components_broker(
    broker: str, wire: Wire, transport: httpx.BaseTransport, *, count: int, rounds: int
) -> dict[str, Any]:
    account = CASES[broker].account
    order = new_order(broker)
    session = new_session(broker, f"http://127.0.0.1/{broker}", transport=transport)
    gen, gen_client = generated_call(broker, wire, transport)
    try:
        session.place_order(order, account=account)
        steps = _steps(session, order, account, wire, transport)
        if "_pending_flows" in steps:
            pending, ready_flow = steps.pop("_pending_flows")
            pending.extend(ready_flow() for _ in range(50 + count * rounds))
        runnable: dict[str, Callable[[int], object]] = {
            name: _indexed(fn) for name, fn in steps.items() if callable(fn)
        }
        runnable["generated_call (1b)"] = lambda _: gen()
        runnable["place_order (total)"] = lambda _: session.place_order(order, account=account)
        samples = interleaved(runnable, count, rounds, warmup=50)
    finally:
        session.close()
        gen_client.get_httpx_client().close()
    entry: dict[str, Any] = {name: round(summary(v)["median"], 2) for name, v in samples.items()}
    entry.update({name: fn for name, fn in steps.items() if isinstance(fn, str)})
    parts = ("prepare", "request_model", "evaluate", "http_call", "classify")
    if all(isinstance(entry.get(p), float) for p in parts):
        entry["sum_of_steps"] = round(sum(entry[p] for p in parts), 2)
    return entry


def components(wires: dict[str, Wire], *, count: int, rounds: int) -> dict[str, Any]:
    transport = fixed_transport(wires)
    return {
        broker: _components_broker(broker, wires[broker], transport, count=count, rounds=rounds) for broker in BROKERS
    }


def _owner(filename: str) -> str:
    path = filename.replace("\\", "/")
    for marker, label in (
        ("/orderbridge/", "orderbridge (facade)"),
        ("_client/", "generated client"),
        ("/httpx/", "httpx"),
        ("/httpcore/", "httpcore"),
        ("/attr/", "attrs"),
        ("/attrs/", "attrs"),
        ("/benchmarks/", "benchmark harness (mock handler)"),
    ):
        if marker in path:
            return label
    if path.startswith("~") or path.startswith("<"):
        return "builtins / C"
    return "stdlib"


def profile(wires: dict[str, Wire], *, calls: int) -> dict[str, Any]:
    """cProfile ``place_order`` in-process; own time grouped by package, top facade functions."""
    transport = fixed_transport(wires)
    results: dict[str, Any] = {}
    for broker in BROKERS:
        account = CASES[broker].account
        order = new_order(broker)
        with new_session(broker, f"http://127.0.0.1/{broker}", transport=transport) as session:
            for _ in range(100):
                session.place_order(order, account=account)
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(calls):
                session.place_order(order, account=account)
            profiler.disable()
        stats = pstats.Stats(profiler)
        by_owner: dict[str, float] = {}
        ours: list[tuple[float, float, str]] = []
        for (filename, line, func), (_cc, _nc, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
            owner = _owner(filename)
            by_owner[owner] = by_owner.get(owner, 0.0) + tottime
            if owner == "orderbridge (facade)":
                short = filename.replace("\\", "/").split("/orderbridge/")[-1]
                ours.append((cumtime, tottime, f"{short}:{line}({func})"))
        total = sum(by_owner.values())
        results[broker] = {
            "calls": calls,
            "own_time_share": {k: round(v / total, 3) for k, v in sorted(by_owner.items(), key=lambda kv: -kv[1])},
            "facade_functions_by_cumulative_us_per_call": [
                {"function": name, "cum_us": round(cum / calls * 1e6, 1), "own_us": round(tot / calls * 1e6, 1)}
                for cum, tot, name in sorted(ours, reverse=True)[:12]
            ],
        }
    return results
