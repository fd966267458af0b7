"""The sandbox enforces each broker's documented request budget, in the broker's own words,
while a ``budget`` fault is armed (on a manual clock: no sleeping)."""

from __future__ import annotations

import pytest

from orderbridge_sandbox import Fault, FaultKind, ManualClock, Sandbox

from ._sandbox_support import Api


def test_crosstrade_bucket_allows_a_burst_of_20_then_3_per_second(
    sandbox: Sandbox, api: Api, clock: ManualClock
) -> None:
    sandbox.add_fault("crosstrade:*:budget")
    ct = api("crosstrade")
    assert [ct.get("/v1/api/accounts").status_code for _ in range(20)] == [200] * 20
    over = ct.get("/v1/api/accounts")
    assert over.status_code == 429 and over.json() == {"error": "Rate limit exceeded"}
    assert over.headers["Retry-After"] == "1"
    clock.advance(1 / 3 + 0.001)  # one token back
    assert ct.get("/v1/api/accounts").status_code == 200
    assert ct.get("/v1/api/accounts").status_code == 429


def test_tradestation_counts_each_category_in_its_own_5_minute_window(
    sandbox: Sandbox, api: Api, clock: ManualClock
) -> None:
    sandbox.add_fault(Fault.budget("tradestation"))
    ts = api("tradestation")
    positions = "/v2/accounts/123456/positions"
    assert all(ts.get(positions).status_code == 200 for _ in range(250))
    over = ts.get(positions)
    assert over.status_code == 403 and "Quota Exceeded" in over.text
    assert over.headers["content-type"].startswith("text/html")
    assert ts.get("/v2/accounts/123456/balances").status_code == 200  # another category
    clock.advance(300)
    assert ts.get(positions).status_code == 200


def test_topstepx_allows_200_per_minute(sandbox: Sandbox, api: Api, clock: ManualClock) -> None:
    sandbox.add_fault("topstepx:*:budget")
    tx = api("topstepx")
    search = {"onlyActiveAccounts": True}
    assert all(tx.post("/api/Account/search", json=search).status_code == 200 for _ in range(200))
    assert tx.post("/api/Account/search", json=search).status_code == 429
    clock.advance(60)
    assert tx.post("/api/Account/search", json=search).status_code == 200


def test_no_budget_without_the_fault(sandbox: Sandbox, api: Api) -> None:
    ct = api("crosstrade")
    assert all(ct.get("/v1/api/accounts").status_code == 200 for _ in range(40))


def test_the_budget_fault_parses_and_prints() -> None:
    fault = Fault.parse("crosstrade:*:budget:3")
    assert (fault.kind, fault.times, str(fault)) == (FaultKind.BUDGET, 3, "crosstrade:*:budget:3")


@pytest.mark.parametrize("text", ["crosstrade:*:budget=5", "crosstrade:*:budget:0"])
def test_a_bad_budget_fault_is_refused(text: str) -> None:
    from orderbridge_sandbox import FaultError

    with pytest.raises(FaultError):
        Fault.parse(text)
