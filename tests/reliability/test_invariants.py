"""Invariants of issue 7, each tested:

* no duplicates: >= 1,000 seeded, reproducible randomized fault runs (plus a loopback batch):
  the sandbox never holds two orders for one logical ``place_order`` call; placements are
  retried only at brokers that deduplicate on our key, and there the sandbox proves it held;
* nothing lost: every order the sandbox accepted during an ambiguous outcome is found by
  ``resolve(client_order_id)`` (TopstepX, CrossTrade; Sophic replays it); where there is no
  lookup (TradeStation) the error says so;
* token races: 50 concurrent async placements on a fresh, an expiring, or a broker-expired
  session trigger exactly one login or refresh (counted at the sandbox's token endpoints).

Nothing-unclassified is checked by every call here (``_harness.capture``) and by the
response fuzzer in ``test_unclassified.py``.
"""

from __future__ import annotations

import asyncio
import random
import threading
from typing import Any

import pytest

import orderbridge as ob

from .._support import FakeClock
from ._expectations import EXTRA_FIELDS, QUOTA_HTML, _json_rewrite, _respond, empty, malformed, wrong_content_type
from ._harness import (
    ACCOUNT,
    BROKERS,
    CREDENTIALS,
    OPERATION,
    TOKEN_LIFETIME,
    TOKEN_OPERATIONS,
    Rig,
    market_order,
    new_sandbox,
    run,
)
from ._stats import STATS

SEED = 20251122
RUNS = 1000
LOOPBACK_RUNS = 120

# -- the randomized fault runs -------------------------------------------------------------------------

SANDBOX_KINDS = [
    "error=500",
    "error=502",
    "error=503",
    "error=504",
    "error=429",
    "error=401",
    "error=408",
    "error_after_record=500",
    "error_after_record=503",
    "rate_limit",
    "rate_limit=1",
    "drop",
    "drop_after_record",
    "latency=0",
]
TRANSPORT_ACTIONS: list[tuple[str, dict[str, Any]]] = [
    ("refuse", {}),
    ("connect_timeout", {}),
    ("read_timeout", {}),
    ("rewrite", {"rewrite": malformed}),
    ("rewrite", {"rewrite": empty}),
    ("rewrite", {"rewrite": wrong_content_type}),
    ("rewrite", {"rewrite": _json_rewrite(lambda d: d.update(EXTRA_FIELDS) if isinstance(d, dict) else None)}),
    ("rewrite", {"rewrite": _json_rewrite(lambda d: d.clear() if isinstance(d, dict) else None)}),
    ("respond", {"response": _respond(429, json_body={"error": "slow down"}, headers={"Retry-After": "1"})}),
    ("respond", {"response": _respond(403, text=QUOTA_HTML)}),
    ("respond", {"response": _respond(502, text="<html>Bad Gateway</html>")}),
]


def _arm_random(rng: random.Random, rig: Rig, operation: str) -> str:
    times = rng.choice([1, 1, 1, 2, None])
    if rng.random() < 0.55:
        kind = rng.choice(SANDBOX_KINDS)
        rig.sandbox_fault(f"{rig.broker}:{operation}:{kind}" + (f":{times}" if times else ""))
        return kind
    action, kw = rng.choice(TRANSPORT_ACTIONS)
    rig.inject(operation, action, times, **kw)
    return action


def _targets(broker: str) -> list[str]:
    return [op for op in (OPERATION["resolve"][broker], *TOKEN_OPERATIONS[broker]) if op]


async def _one_run(rng: random.Random, rig: Rig, index: int, log: list[str]) -> None:
    broker = rig.broker
    cid = f"r{SEED % 1000}-{index}-{rig.mode[:1]}"
    armed = [_arm_random(rng, rig, "place_order") for _ in range(rng.randint(1, 3))]
    if TOKEN_OPERATIONS[broker] and rng.random() < 0.15:
        rig.session._box.expires_at = 0.0  # force a renewal inside this placement
        armed.append(_arm_random(rng, rig, rng.choice(TOKEN_OPERATIONS[broker])))
    result = await rig.call("place", market_order(broker, cid))
    rig.clear()
    where = f"run {index} {broker}/{rig.mode} faults={armed} -> {result.kind.__name__} {result.error or ''}"
    log.append(where)
    STATS.fault_runs += 1
    _check_record(rig, cid, result, where)

    if isinstance(result.error, ob.OutcomeUnknown):
        if rng.random() < 0.3 and _targets(broker):  # resolve may meet faults too
            _arm_random(rng, rig, rng.choice(_targets(broker)))
        await _settle(rig, cid, where)
        rig.clear()
    assert len(rig.recorded(cid)) <= 1, f"{where}: duplicate after reconciliation"


def _check_record(rig: Rig, cid: str, result: Any, where: str) -> None:
    mine = rig.recorded(cid)
    sent = rig.transport.count("place_order", cid)
    STATS.placements_checked += 1
    if len(mine) > 1:
        STATS.duplicates += 1
    assert len(mine) <= 1, f"{where}: the sandbox holds {len(mine)} orders for one place_order call"
    if not ob.capabilities(rig.broker).idempotent_placement:
        assert sent <= 1, f"{where}: {sent} placement requests at a broker that does not deduplicate"
    elif sent > 1:
        STATS.dedup_proofs += 1
    if result.error is None:
        assert len(mine) == 1 and mine[0].order_id == result.value.order_id, where
        assert result.value.client_order_id == cid, where
    elif isinstance(result.error, ob.OutcomeUnknown):
        assert result.error.client_order_id == cid, where
    else:
        # The error says nothing was placed: the sandbox must agree.
        assert result.error.order_may_exist is False, where
        assert mine == [], f"{where}: the error says order_may_exist=False but the sandbox holds {mine}"


async def _settle(rig: Rig, cid: str, where: str) -> None:
    """Reconcile an ambiguous placement; retries resolve until it gives a definitive answer."""
    broker = rig.broker
    for attempt in range(3):
        found = await rig.call("resolve", cid)
        rig.clear()
        mine = rig.recorded(cid)
        if broker == "tradestation":
            assert isinstance(found.error, ob.NotSupported) and "OrderConfirmId" in str(found.error), where
            again = await rig.call("place", market_order(broker, cid))
            assert len(rig.recorded(cid)) == 1, f"{where}: re-sent with the same OrderConfirmId"
            assert again.error is None or isinstance(again.error, ob.OrderRejected), f"{where}: {again.error!r}"
            break
        if found.error is not None:
            assert attempt < 2, f"{where}: resolve keeps failing: {found.error!r}"
            continue
        if broker == "sophic":
            assert found.value is not None and len(mine) == 1 and found.value.order_id == mine[0].order_id, where
        elif mine:
            assert found.value is not None, f"{where}: the sandbox accepted {mine[0].order_id}; resolve lost it"
            assert found.value.order_id == mine[0].order_id, where
        else:
            assert found.value is None, f"{where}: resolve found an order the sandbox never accepted"
        break
    STATS.ambiguous_resolved += 1


def test_no_duplicates_across_1000_seeded_fault_runs() -> None:
    """Seeded (SEED): a failure reproduces with the same run index and fault list."""
    rng = random.Random(SEED)
    log: list[str] = []

    async def scenario() -> None:
        rigs: dict[tuple[str, str], Rig] = {}
        for broker in BROKERS:
            sandbox, clock = new_sandbox(strict=False)
            for mode in ("sync", "async"):
                rigs[(broker, mode)] = Rig(broker, mode, sandbox=sandbox, clock=clock)
        try:
            for index in range(RUNS):
                broker = rng.choice(BROKERS)
                mode = "async" if rng.random() < 0.25 else "sync"
                await _one_run(rng, rigs[(broker, mode)], index, log)
        finally:
            for rig in rigs.values():
                await rig.close()

    run(scenario)
    outcomes = {line.split(" -> ")[1].split(" ")[0] for line in log}
    assert {"PlacedOrder", "PlacementUnknown", "BrokerUnavailable"} <= outcomes, outcomes
    assert len(log) == RUNS


def test_no_duplicates_over_loopback(server: Any) -> None:
    rng = random.Random(SEED + 1)
    log: list[str] = []

    async def scenario() -> None:
        rigs = {broker: Rig(broker, "loopback", server=server) for broker in BROKERS}
        try:
            for index in range(LOOPBACK_RUNS):
                await _one_run(rng, rigs[rng.choice(BROKERS)], RUNS + index, log)
        finally:
            for rig in rigs.values():
                await rig.close()

    run(scenario)
    assert len(log) == LOOPBACK_RUNS


# -- nothing lost: where there is no lookup, the error says so --------------------------------------


def test_tradestation_resolve_says_there_is_no_lookup_and_how_to_reconcile() -> None:
    async def scenario() -> None:
        rig = Rig("tradestation")
        try:
            found = await rig.call("resolve", "any-client-order-id")
        finally:
            await rig.close()
        error = found.error
        assert isinstance(error, ob.NotSupported) and error.feature == "resolve" and not error.order_may_exist
        assert "no lookup by OrderConfirmId" in str(error) and "same client_order_id" in str(error)
        assert rig.transport.seen == []  # nothing was sent
        assert ob.capabilities("tradestation").resolve is None

    run(scenario)


def test_sophic_resolve_without_a_journal_says_why() -> None:
    """A new session cannot replay a placement it never saw: NotSupported, with the reason."""

    async def scenario() -> None:
        rig = Rig("sophic")
        try:
            found = await rig.call("resolve", "unknown-client-order-id")
        finally:
            await rig.close()
        assert isinstance(found.error, ob.NotSupported)
        assert "no lookup by Idempotency-Key" in str(found.error)
        assert [s.operation for s in rig.transport.seen] == []

    run(scenario)


@pytest.mark.parametrize("broker", ["topstepx", "crosstrade", "sophic"])
def test_resolve_finds_an_order_accepted_by_another_session(broker: str) -> None:
    """The order was accepted, the connection dropped, the process restarted: a new session
    still finds it by client order id (Sophic needs the journal: it replays the request)."""

    async def scenario() -> None:
        sandbox, clock = new_sandbox()
        first = Rig(broker, sandbox=sandbox, clock=clock)
        second = Rig(broker, sandbox=sandbox, clock=clock)
        try:
            first.sandbox_fault(f"{broker}:place_order:drop_after_record")
            lost = await first.call("place", market_order(broker, "restart-1"))
            first.clear()
            assert isinstance(lost.error, ob.OutcomeUnknown)
            if broker == "sophic":
                found = await first.call("resolve", "restart-1")
            else:
                found = await second.call("resolve", "restart-1")
            assert found.error is None and found.value is not None
            assert found.value.order_id == sandbox.orders(broker)[0].order_id
            assert len(sandbox.orders(broker)) == 1
        finally:
            await first.close()
            await second.close()

    run(scenario)


# -- token races ---------------------------------------------------------------------------------------

TOKEN_BROKERS = [b for b in BROKERS if TOKEN_OPERATIONS[b]]
CONCURRENCY = 50


def _hits(rig: Rig) -> dict[str, int]:
    return {op: sum(1 for e in rig.sandbox.log if e.operation == op) for op in TOKEN_OPERATIONS[rig.broker]}


async def _burst(rig: Rig) -> list[Any]:
    return list(await asyncio.gather(*(rig.call("place", market_order(rig.broker)) for _ in range(CONCURRENCY))))


def _token_rig(broker: str) -> tuple[Rig, FakeClock]:
    sandbox, clock = new_sandbox(strict=False)
    rig = Rig(broker, "async", sandbox=sandbox, clock=clock)
    facade_clock = FakeClock()
    rig.session._clock = facade_clock
    # Every token request takes a while, so the 50 placements pile up behind it.
    for op in TOKEN_OPERATIONS[broker]:
        rig.sandbox_fault(f"{broker}:{op}:latency=0.02")
    return rig, facade_clock


@pytest.mark.parametrize("broker", TOKEN_BROKERS)
def test_50_concurrent_placements_on_a_fresh_session_log_in_once(broker: str) -> None:
    async def scenario() -> None:
        rig, _ = _token_rig(broker)
        try:
            results = await _burst(rig)
        finally:
            await rig.close()
        assert all(r.error is None for r in results), [r.error for r in results if r.error][:3]
        login = TOKEN_OPERATIONS[broker][0]
        assert _hits(rig)[login] == 1, _hits(rig)
        assert sum(_hits(rig).values()) == 1, _hits(rig)
        assert rig.session.logins == 1
        assert len({o.client_order_id for o in rig.recorded()}) == CONCURRENCY == len(rig.recorded())

    run(scenario)


@pytest.mark.parametrize("broker", TOKEN_BROKERS)
def test_50_concurrent_placements_on_an_expiring_session_refresh_once(broker: str) -> None:
    async def scenario() -> None:
        rig, facade_clock = _token_rig(broker)
        try:
            first = await rig.call("place", market_order(broker))
            assert first.error is None
            before = _hits(rig)
            # 95 % of the lifetime has passed on the facade's clock: past its refresh margin,
            # still valid at the broker.
            lifetime = TOKEN_LIFETIME[broker]
            assert lifetime is not None
            facade_clock.now += lifetime * 0.95
            results = await _burst(rig)
        finally:
            await rig.close()
        assert all(r.error is None for r in results), [r.error for r in results if r.error][:3]
        after = _hits(rig)
        refresh = "validate_session" if broker == "topstepx" else TOKEN_OPERATIONS[broker][0]
        assert after[refresh] - before[refresh] == 1, (before, after)
        assert sum(after.values()) - sum(before.values()) == 1, (before, after)
        assert rig.session.logins == 2

    run(scenario)


@pytest.mark.parametrize("broker", TOKEN_BROKERS)
def test_50_concurrent_placements_after_the_broker_expired_the_token(broker: str) -> None:
    """The broker's clock passed the expiry, the facade's did not: a placement that meets the
    401 is an AuthenticationError (nothing placed) and marks the token stale; every other
    placement of the burst waits for exactly one new login and goes through."""

    async def scenario() -> None:
        rig, _ = _token_rig(broker)
        try:
            assert (await rig.call("place", market_order(broker))).error is None
            placed_before = len(rig.recorded())
            before = _hits(rig)
            rig.expire_tokens_at_the_broker()
            results = await _burst(rig)
            middle = _hits(rig)
            second = await _burst(rig)
        finally:
            await rig.close()
        refused = [r for r in results if r.error is not None]
        assert refused, "no placement met the expired token"
        assert all(isinstance(r.error, ob.AuthenticationError) and not r.error.order_may_exist for r in refused)
        placed = [r for r in results if r.error is None]
        assert len(rig.recorded()) == placed_before + len(placed) + CONCURRENCY
        assert all(r.error is None for r in second), [r.error for r in second if r.error][:3]
        if broker == "topstepx":  # renew with the expired token (refused), then log in: one login
            assert (
                middle["validate_session"] - before["validate_session"],
                middle["login_key"] - before["login_key"],
            ) == (1, 1), (before, middle)
        else:
            assert sum(middle.values()) - sum(before.values()) == 1, (before, middle)
        assert _hits(rig) == middle  # the second burst needed no token at all
        assert rig.session.logins == 2

    run(scenario)


def test_crosstrade_never_requests_a_token_under_concurrency() -> None:
    async def scenario() -> None:
        sandbox, clock = new_sandbox(strict=False)
        rig = Rig("crosstrade", "async", sandbox=sandbox, clock=clock)
        try:
            results = await _burst(rig)
        finally:
            await rig.close()
        assert all(r.error is None for r in results)
        assert {e.operation for e in sandbox.log} == {"place_order"}

    run(scenario)


@pytest.mark.parametrize("broker", TOKEN_BROKERS)
def test_50_concurrent_async_placements_over_loopback_log_in_once(broker: str, server: Any) -> None:
    """Real sockets, real concurrency (the facade's own AsyncHTTPTransport, no test transport)."""

    async def scenario() -> None:
        session = ob.connect_async(broker, base_url=server.broker_url(broker), credentials=CREDENTIALS[broker])
        for op in TOKEN_OPERATIONS[broker]:
            server.sandbox.add_fault(f"{broker}:{op}:latency=0.05")
        try:
            results = await asyncio.gather(
                *(session.place_order(market_order(broker), account=ACCOUNT[broker]) for _ in range(CONCURRENCY)),
                return_exceptions=True,
            )
        finally:
            await session.aclose()
        hits = sum(1 for e in server.sandbox.log if e.operation in TOKEN_OPERATIONS[broker])
        assert hits == 1 and session.logins == 1
        _consistent(broker, server.sandbox, results)

    run(scenario)


@pytest.mark.parametrize("broker", TOKEN_BROKERS)
def test_50_threads_on_one_sync_session_over_loopback_log_in_once(broker: str, server: Any) -> None:
    for op in TOKEN_OPERATIONS[broker]:
        server.sandbox.add_fault(f"{broker}:{op}:latency=0.05")
    errors: list[BaseException] = []
    with ob.connect(broker, base_url=server.broker_url(broker), credentials=CREDENTIALS[broker]) as session:
        barrier = threading.Barrier(CONCURRENCY)

        def place() -> None:
            barrier.wait()
            try:
                session.place_order(market_order(broker), account=ACCOUNT[broker])
            except BaseException as exc:  # collected and checked below
                errors.append(exc)

        threads = [threading.Thread(target=place) for _ in range(CONCURRENCY)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert sum(1 for e in server.sandbox.log if e.operation in TOKEN_OPERATIONS[broker]) == 1
    assert session.logins == 1
    _consistent(broker, server.sandbox, errors)


def _consistent(broker: str, sandbox: Any, outcomes: list[Any]) -> None:
    """Every placement of a loopback burst is placed, or ambiguous and then not duplicated.
    (That a burst of 50 connections is served at all is test_loopback_server_serves_a_burst_of_
    50_connections; here only the token count and the outcome classes matter.)"""
    problems = [o for o in outcomes if isinstance(o, BaseException) and not isinstance(o, ob.OutcomeUnknown)]
    assert problems == [], problems[:3]
    per_cid: dict[str | None, int] = {}
    for order in sandbox.orders(broker):
        per_cid[order.client_order_id] = per_cid.get(order.client_order_id, 0) + 1
    assert max(per_cid.values(), default=0) <= 1


def test_loopback_server_serves_a_burst_of_50_connections(server: Any) -> None:
    """Sandbox bug: ``orderbridge_sandbox.server._Server`` keeps socketserver's listen backlog of
    5 (``request_queue_size``), so a burst of concurrent connections overflows the accept queue
    and connections are reset (ECONNRESET): most requests are never processed. Three bursts of
    50 threads, each burst on fresh connections, 50 placements each."""
    import httpx

    url = server.broker_url("crosstrade") + "/v1/api/accounts/Sim101/orders/place"
    body = {"instrument": "MES 12-25", "action": "BUY", "quantity": 1, "orderType": "MARKET", "timeInForce": "DAY"}
    failures: list[str] = []
    for _ in range(3):
        with httpx.Client(headers={"Authorization": "Bearer demo-token"}) as client:
            barrier = threading.Barrier(CONCURRENCY)

            def post(client: httpx.Client = client, barrier: threading.Barrier = barrier) -> None:
                barrier.wait()
                try:
                    client.post(url, json=body).raise_for_status()
                except httpx.HTTPError as exc:
                    failures.append(repr(exc))

            threads = [threading.Thread(target=post) for _ in range(CONCURRENCY)]
            for t in threads:
                t.start()
            for t in threads:
                t.join(30)
    assert failures == [], f"{len(failures)} of {3 * CONCURRENCY} requests failed, e.g. {failures[:2]}"
    assert len(server.sandbox.orders("crosstrade")) == 3 * CONCURRENCY
