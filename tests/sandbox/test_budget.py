"""Client-side rate budgets against the in-process sandbox: a call over budget waits for its
turn while its deadline allows, else is refused before anything is sent; every session of one
credential spends from one budget; a throttle answer that still arrives drains it."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest

import orderbridge as ob
from orderbridge.brokers import describe
from orderbridge_sandbox import Sandbox
from tests._specs import load_spec

TOKEN = {"token": "demo-token"}
MES = ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=Decimal("1"))


@pytest.fixture
def sandbox() -> Sandbox:
    return Sandbox(strict=True)


def budget(requests: int, seconds: int) -> ob.Budget:
    return ob.Budget(windows={"requests": ob.Window(requests, seconds)}, default="requests")


def crosstrade(sandbox: Sandbox, **options: Any) -> ob.Session:
    options.setdefault("credentials", TOKEN)
    return ob.connect("crosstrade", base_url="http://127.0.0.1/crosstrade", transport=sandbox.transport(), **options)


def sent(sandbox: Sandbox, operation: str = "place_order") -> int:
    return sum(1 for e in sandbox.log if e.operation == operation)


def test_over_budget_is_refused_before_sending(sandbox: Sandbox) -> None:
    with crosstrade(sandbox, rate_limit=budget(2, 60), deadline=10) as session:
        session.place_order(MES, account="Sim101")
        session.place_order(MES, account="Sim101")
        with pytest.raises(ob.RateLimited) as refused:
            session.place_order(MES, account="Sim101")
    assert refused.value.order_may_exist is False
    assert refused.value.retry_after is not None and 0 < refused.value.retry_after <= 60
    assert "'requests' budget (2 per 60 s)" in str(refused.value)
    assert sent(sandbox) == 2 and len(sandbox.orders("crosstrade")) == 2


def test_a_call_waits_for_its_turn_while_the_deadline_allows(sandbox: Sandbox) -> None:
    with crosstrade(sandbox, rate_limit=budget(2, 1), deadline=5) as session:
        placed = [session.place_order(MES, account="Sim101") for _ in range(3)]
    assert len({p.order_id for p in placed}) == 3 and sent(sandbox) == 3


def test_sessions_of_one_credential_share_one_budget(sandbox: Sandbox) -> None:
    shared = budget(2, 60)
    with (
        crosstrade(sandbox, rate_limit=shared, deadline=10) as first,
        crosstrade(sandbox, rate_limit=shared, deadline=10) as second,
    ):
        first.place_order(MES, account="Sim101")
        second.place_order(MES, account="Sim101")
        with pytest.raises(ob.RateLimited):
            first.place_order(MES, account="Sim101")
        with pytest.raises(ob.RateLimited):
            second.place_order(MES, account="Sim101")
    # Another credential has its own budget: its request goes out (and this sandbox refuses the key).
    other = crosstrade(sandbox, rate_limit=shared, deadline=10, credentials={"token": "other-token"})
    with other, pytest.raises(ob.AuthenticationError):
        other.place_order(MES, account="Sim101")
    assert sent(sandbox) == 3


def test_a_throttle_answer_drains_the_budget(sandbox: Sandbox) -> None:
    """The broker said 429 although our count allowed the call: we were behind, so the rest of
    the window is treated as spent and the next call is refused without being sent."""
    sandbox.add_fault("crosstrade:place_order:rate_limit:1")
    with crosstrade(sandbox, rate_limit=budget(10, 60), deadline=10) as session:
        with pytest.raises(ob.OutcomeUnknown) as throttled:  # a placement may have been processed
            session.place_order(MES, account="Sim101")
        assert throttled.value.origin == "rate_limited"
        with pytest.raises(ob.RateLimited):
            session.place_order(MES, account="Sim101")
    assert sent(sandbox) == 1


def test_rate_limit_none_keeps_no_budget(sandbox: Sandbox) -> None:
    with crosstrade(sandbox, rate_limit=None) as session:
        assert session.budget is None
        for _ in range(25):
            session.place_order(MES, account="Sim101")
    assert sent(sandbox) == 25


def test_the_async_twin_keeps_the_same_budget(sandbox: Sandbox) -> None:
    async def run() -> list[ob.PlacementResult]:
        async with ob.connect_async(
            "crosstrade",
            base_url="http://127.0.0.1/crosstrade",
            credentials=TOKEN,
            transport=sandbox.transport(),
            rate_limit=budget(3, 60),
            deadline=10,
        ) as session:
            return await session.place_orders([("Sim101", MES)] * 5, max_in_flight=5)

    results = asyncio.run(run())
    assert sum(isinstance(r, ob.PlacedOrder) for r in results) == 3
    refused = [r for r in results if not isinstance(r, ob.PlacedOrder)]
    assert len(refused) == 2 and all(isinstance(r, ob.RateLimited) and not r.order_may_exist for r in refused)
    assert sent(sandbox) == 3


@pytest.mark.parametrize("bad", ["memory://", 3, {"requests": 1}])
def test_a_rate_limit_of_another_type_is_a_configuration_error(sandbox: Sandbox, bad: object) -> None:
    with pytest.raises(ob.ConfigurationError, match="rate_limit must be"):
        crosstrade(sandbox, rate_limit=bad)


def test_an_unusable_storage_is_a_configuration_error(sandbox: Sandbox) -> None:
    with pytest.raises(ob.ConfigurationError, match="rate-limit storage 'nosuch'"):
        crosstrade(sandbox, rate_limit=ob.RateLimit(budget=budget(1, 1), storage="nosuch://somewhere"))


@pytest.mark.parametrize(
    ("windows", "default"),
    [({"requests": ob.Window(1, 1)}, "bars"), ({}, "requests")],
)
def test_a_budget_names_only_categories_it_has(windows: dict[str, ob.Window], default: str) -> None:
    with pytest.raises(ob.ConfigurationError, match="has no window"):
        ob.Budget(windows=windows, default=default)


@pytest.mark.parametrize(("requests", "seconds"), [(0, 1), (1, 0), (1.5, 1), (True, 1)])
def test_a_window_is_whole_positive_numbers(requests: object, seconds: object) -> None:
    with pytest.raises(ob.ConfigurationError, match="whole number"):
        ob.Window(requests, seconds)  # type: ignore[arg-type]


# -- the brokers' documented budgets -----------------------------------------------------------------
@pytest.mark.parametrize("broker", ob.BROKERS)
def test_a_session_keeps_its_brokers_documented_budget(implicit_budgets: None, sandbox: Sandbox, broker: str) -> None:
    with ob.connect(broker, base_url=f"http://127.0.0.1/{broker}", transport=sandbox.transport()) as session:
        documented = session.budget
    assert documented is describe(broker).budget
    if broker == "sophic":
        assert documented is None  # the Sophic Engine API documents none
        return
    assert documented is not None and documented.source
    paths = load_spec(broker)["paths"].values()
    operations = {
        op["operationId"] for path in paths for op in path.values() if isinstance(op, dict) and "operationId" in op
    }
    assert set(documented.operations) <= operations, "a budget names an operation the spec does not have"


def test_documented_figures() -> None:
    """The vendors' figures, as the specs quote them."""
    tables = {b: describe(b).budget for b in ("topstepx", "crosstrade", "tradestation")}
    assert {k: str(w) for k, w in tables["topstepx"].windows.items()} == {  # type: ignore[union-attr]
        "requests": "200 per 60 s",
        "bars": "30 per 30 s",
    }
    # CrossTrade: 3/s sustained, burst 20; 20 in any 7 s never exceeds 20 + 3t in t seconds.
    assert {k: str(w) for k, w in tables["crosstrade"].windows.items()} == {"requests": "20 per 7 s"}  # type: ignore[union-attr]
    assert all(20 * -(-t // 7) <= 20 + 3 * t for t in range(1, 1000))
    tradestation = tables["tradestation"]
    assert tradestation is not None
    assert set(tradestation.windows) == {"accounts", "order_details", "balances", "positions", "quotes"}
    assert {str(w) for w in tradestation.windows.values()} == {"250 per 300 s"}
    assert tradestation.category("place_order") is None  # order submission is not a category


def test_tradestation_quota_exceeded_drains_only_its_category(implicit_budgets: None, sandbox: Sandbox) -> None:
    sandbox.add_fault("tradestation:get_account_positions:rate_limit:1")
    with ob.connect(
        "tradestation",
        base_url="http://127.0.0.1/tradestation",
        credentials={"client_id": "demo-client", "client_secret": "demo-secret", "refresh_token": "demo-refresh"},
        transport=sandbox.transport(),
        deadline=10,
    ) as session:
        with pytest.raises(ob.RateLimited):  # the 403 "Quota Exceeded" that still arrived
            session.positions(account="123456")
        with pytest.raises(ob.RateLimited, match="'positions' budget"):  # refused here, not sent
            session.positions(account="123456")
        session.balances(account="123456")  # another category
    assert sent(sandbox, "get_account_positions") == 1 and sent(sandbox, "get_account_balances") == 1


def test_a_fan_out_of_40_stays_within_crosstrades_budget(implicit_budgets: None, sandbox: Sandbox) -> None:
    """The sandbox throttles as CrossTrade does; the documented budget kept here waits instead."""
    sandbox.add_fault("crosstrade:*:budget")

    async def run() -> list[ob.PlacementResult]:
        async with ob.connect_async(
            "crosstrade", base_url="http://127.0.0.1/crosstrade", credentials=TOKEN, transport=sandbox.transport()
        ) as session:
            return await session.place_orders([("Sim101", MES)] * 40, max_in_flight=10)

    results = asyncio.run(run())
    assert all(isinstance(r, ob.PlacedOrder) for r in results)
    assert [e.status for e in sandbox.log if e.status == 429] == []
    assert sent(sandbox) == 40


def test_a_flatten_of_30_positions_stays_within_topstepxs_budget(implicit_budgets: None, sandbox: Sandbox) -> None:
    sandbox.add_fault("topstepx:*:budget")
    accounts, contracts = (
        ["465", "704", "212", "536", "203", "1"],
        [
            "CON.F.US.MES.Z25",
            "CON.F.US.EP.Z25",
            "CON.F.US.ENQ.U25",
            "CON.F.US.GMET.J25",
            "CON.F.US.RTY.Z24",
        ],
    )
    with ob.connect(
        "topstepx",
        base_url="http://127.0.0.1/topstepx",
        credentials={"username": "demo", "api_key": "demo-api-key"},
        transport=sandbox.transport(),
    ) as session:
        opened = session.place_orders(
            [
                (a, ob.Order(instrument=c, side="buy", type="market", quantity=Decimal(1)))
                for a in accounts
                for c in contracts
            ]
        )
        assert all(isinstance(r, ob.PlacedOrder) for r in opened)
        reports = [session.flatten(account=a, emulate=True) for a in accounts]
    assert sum(len(r.closed) for r in reports) == 30 and all(r.complete for r in reports)
    assert [e for e in sandbox.log if e.status == 429] == []
