"""CrossTrade: secret-key auth, custom order ids, place / flatplace / cancel, guards, dialect."""

from __future__ import annotations

import httpx
import pytest

from orderbridge_sandbox import Sandbox

from ._sandbox_support import Api

ORDERS = "/v1/api/accounts/Sim101/orders"


def place(c: httpx.Client, path: str = f"{ORDERS}/place", **fields: object) -> httpx.Response:
    body = {
        "instrument": "MES 12-25",
        "action": "BUY",
        "orderType": "MARKET",
        "quantity": 1,
        "timeInForce": "DAY",
        **fields,
    }
    return c.post(path, json=body)


def test_secret_key_auth(anon: Api) -> None:
    c = anon("crosstrade")
    assert c.get("/v1/api/accounts").status_code == 401
    wrong = c.get("/v1/api/accounts", headers={"Authorization": "Bearer wrong"})
    assert (wrong.status_code, wrong.json()) == (401, {"error": "Unauthorized"})


def test_custom_order_id_is_the_order_id(api: Api, sandbox: Sandbox) -> None:
    c = api("crosstrade")
    placed = place(c, orderId="ob-7f3c2a9e4b1d4e08")
    assert placed.json() == {"orderId": "ob-7f3c2a9e4b1d4e08", "success": True}
    order = c.get(f"{ORDERS}/ob-7f3c2a9e4b1d4e08").json()
    assert (order["orderId"], order["orderState"], order["filled"], order["averageFillPrice"]) == (
        "ob-7f3c2a9e4b1d4e08",
        "Filled",
        1,
        6615.25,
    )
    assert c.get("/v1/api/accounts/sim101/orders/ob-7f3c2a9e4b1d4e08").status_code == 200  # case-insensitive account
    duplicate = place(c, orderId="ob-7f3c2a9e4b1d4e08")
    assert duplicate.status_code == 400 and duplicate.json()["error"] == "duplicate_order_id"
    assert [o.client_order_id for o in sandbox.orders("crosstrade")] == ["ob-7f3c2a9e4b1d4e08"]


def test_generated_ids_are_32_hex(api: Api) -> None:
    order_id = place(api("crosstrade")).json()["orderId"]
    assert len(order_id) == 32 and int(order_id, 16) >= 0


def test_unknown_order_is_404_on_get_and_400_on_cancel(api: Api) -> None:
    c = api("crosstrade")
    missing = c.get(f"{ORDERS}/nope")
    assert missing.status_code == 404 and missing.json()["error"] == "not_found"
    cancel = c.post(f"{ORDERS}/nope/cancel", json={})
    assert (cancel.status_code, cancel.json()) == (
        400,
        {"error": "Order linked to 'nope' not found or already terminal."},
    )


def test_limit_rests_until_cancelled(api: Api) -> None:
    c = api("crosstrade")
    order_id = place(c, orderType="LIMIT", limitPrice=5500, orderId="lim-1").json()["orderId"]
    assert c.get(f"{ORDERS}/{order_id}").json()["orderState"] == "Working"
    assert c.post(f"{ORDERS}/{order_id}/cancel", json={}).json() == {"orderId": "lim-1", "success": True}
    assert c.get(f"{ORDERS}/{order_id}").json()["orderState"] == "Cancelled"
    assert c.post(f"{ORDERS}/{order_id}/cancel", json={}).status_code == 400  # already terminal


def test_flatplace_closes_the_position_and_cancels_working_orders_first(api: Api) -> None:
    c = api("crosstrade")
    place(c, quantity=2)
    working = place(c, orderType="LIMIT", limitPrice=5000).json()["orderId"]
    answer = place(c, f"{ORDERS}/flatplace", action="SELL", quantity=1)
    assert answer.status_code == 200
    assert c.get(f"{ORDERS}/{working}").json()["orderState"] == "Cancelled"
    positions = c.get("/v1/api/accounts/Sim101/positions").json()["positions"]
    assert [(p["instrument"], p["marketPosition"], p["quantity"]) for p in positions] == [("MES 12-25", "Short", 1)]


def test_flatplace_when_flat_just_places(api: Api) -> None:
    c = api("crosstrade")
    assert place(c, f"{ORDERS}/flatplace").status_code == 200
    assert c.get("/v1/api/accounts/Sim101/position", params={"instrument": "MES 12-25"}).json()["quantity"] == 1


def test_position_guards(api: Api, sandbox: Sandbox) -> None:
    c = api("crosstrade")
    place(c)  # long 1 MES
    refused = place(c, requireMarketPosition="flat")
    assert refused.status_code == 400 and refused.json()["error"] == "market_position_requirement_not_met"
    assert place(c, requireMarketPosition="flat,long").status_code == 200
    assert place(c, instrument="ES 12-25", maxPositions=1).status_code == 400
    assert len(sandbox.orders("crosstrade")) == 2


@pytest.mark.parametrize("alias", ["MES", "MES1!", "MESZ25", "MESZ5", "mes 12-25"])
def test_instrument_aliases_resolve_to_the_dated_contract(api: Api, alias: str) -> None:
    c = api("crosstrade")
    order_id = place(c, instrument=alias).json()["orderId"]
    assert c.get(f"{ORDERS}/{order_id}").json()["instrument"] == "MES 12-25"


def test_validation_and_business_errors(api: Api) -> None:
    c = api("crosstrade")
    invalid = place(c, quantity=0)
    assert (
        invalid.status_code == 400
        and invalid.json()["error"] == "Invalid request"
        and "quantity" in invalid.json()["detail"]
    )
    no_limit = place(c, orderType="LIMIT")  # the spec's if/then: LIMIT requires limitPrice
    assert no_limit.status_code == 400 and no_limit.json()["detail"] == "limitPrice: limitPrice is required"
    account = place(c, "/v1/api/accounts/Sim999/orders/place")
    assert account.json() == {"success": False, "error": "invalid_account", "detail": "Account Sim999 not found"}
    assert place(c, instrument="ZZ 01-30").json()["error"] == "invalid_instrument"


def test_unknown_route_suggests_routes(api: Api) -> None:
    missing = api("crosstrade").get("/v1/api/account/Sim101")
    assert missing.status_code == 404
    assert "/v1/api/accounts/{account}" in missing.json()["did_you_mean"]


def test_close_reverse_and_executions(api: Api) -> None:
    c = api("crosstrade")
    assert c.post("/v1/api/accounts/Sim101/positions/reverse", json={"instrument": "ES 12-25"}).status_code == 400
    place(c, instrument="ES 12-25", quantity=4)
    closed = c.post("/v1/api/accounts/Sim101/positions/close", json={"instrument": "ES 12-25", "percent": 0.5}).json()
    assert closed["closedPositions"][0]["quantity"] == 4
    assert c.post("/v1/api/accounts/Sim101/positions/reverse", json={"instrument": "ES 12-25"}).status_code == 200
    position = c.get("/v1/api/accounts/Sim101/position", params={"instrument": "ES 12-25"}).json()
    assert (position["marketPosition"], position["quantity"]) == ("Short", 2)
    executions = c.get("/v1/api/accounts/Sim101/executions").json()["executions"]
    assert [(e["name"], e["quantity"]) for e in executions] == [("Entry", 4), ("Exit", 2), ("Exit", 4)]
    everything = c.post("/v1/api/positions/flatten", json={}).json()
    assert len(everything["orderIds"]) == 1 and c.get("/v1/api/positions").json()["count"] == 0


def test_active_only_lists_working_orders(api: Api) -> None:
    c = api("crosstrade")
    place(c, orderId="ob-filled-market-01")
    place(c, orderId="ob-working-limit-01", orderType="LIMIT", limitPrice=5000)
    every = [o["orderId"] for o in c.get(ORDERS).json()["orders"]]
    working = [o["orderId"] for o in c.get(ORDERS, params={"activeOnly": "true"}).json()["orders"]]
    assert every == ["ob-filled-market-01", "ob-working-limit-01"]
    assert working == ["ob-working-limit-01"]
