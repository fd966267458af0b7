"""Client-side rate budgets against the in-process sandbox: a call over budget waits for its
turn while its deadline allows, else is refused before anything is sent; every session of one
credential spends from one budget; a throttle answer that still arrives drains it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

import orderbridge as ob
from orderbridge._budget import reset_counters
from orderbridge_sandbox import Sandbox

TOKEN = {"token": "demo-token"}
MES = ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=Decimal("1"))


@pytest.fixture(autouse=True)
def _fresh_counters() -> Iterator[None]:
    """Budgets are shared per credential across the process: start and end each test clean."""
    reset_counters()
    yield
    reset_counters()


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
