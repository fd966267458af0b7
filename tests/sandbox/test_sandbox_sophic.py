"""Sophic: client-credentials tokens, cash buys / unit sells, the read-driven lifecycle, the
sandbox triggers, Idempotency-Key replay and the error envelope."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from orderbridge_sandbox import ManualClock, Sandbox

from ._sandbox_support import Api

ORDERS = "/accounts/acc_abc123/orders"
BUY = {"instrument": "ins_xyz789", "order_type": "market", "side": "buy", "cash_amount": "100.00"}
SELL = {"instrument": "ins_xyz789", "order_type": "market", "side": "sell", "quantity": "10"}
CREDENTIALS = {"client_id": "demo-client", "client_secret": "demo-secret", "grant_type": "client_credentials"}


def statuses(c: httpx.Client, order_id: str, reads: int) -> list[str]:
    return [c.get(f"{ORDERS}/{order_id}").json()["status"] for _ in range(reads)]


def test_token_and_auth_errors(anon: Api, clock: ManualClock) -> None:
    c = anon("sophic")
    token = c.post("/auth/token", data=CREDENTIALS).json()
    assert (token["token_type"], token["expires_in"], token["refresh_token"]) == ("bearer", 900, None)
    wrong = c.post("/auth/token", data={**CREDENTIALS, "client_secret": "x"})
    assert (wrong.status_code, wrong.json()["error"]) == (401, "invalid_client")
    grant = c.post("/auth/token", data={**CREDENTIALS, "grant_type": "password"})
    assert (grant.status_code, grant.json()["error"]) == (400, "unsupported_grant_type")
    malformed = c.post("/auth/token", data={"client_id": "demo-client", "grant_type": "client_credentials"})
    assert malformed.json()["code"] == "missing_param"
    assert c.get("/me").json()["code"] == "missing_token"
    c.headers["Authorization"] = f"Bearer {token['access_token']}"
    assert c.get("/me").status_code == 200
    clock.advance(minutes=15)
    expired = c.get("/me")
    assert (expired.status_code, expired.json()["code"]) == (401, "invalid_token")


def test_buy_lifecycle_advances_on_reads(api: Api) -> None:
    c = api("sophic")
    placed = c.post(ORDERS, json=BUY)
    assert placed.status_code == 201
    order = placed.json()
    assert (order["status"], order["position"], order["traded_quantity"], order["fees"], order["net_cash_amount"]) == (
        "placed",
        None,
        "0",
        "0.50",
        "99.50",
    )
    assert statuses(c, order["id"], 4) == ["executing", "filled", "settled", "settled"]
    done = c.get(f"{ORDERS}/{order['id']}").json()
    assert (done["traded_quantity"], done["traded_notional"], done["trades"][0]["status"]) == ("100", "99.5", "settled")
    usd = c.get("/accounts/acc_abc123/cash-balances").json()[0]
    assert (usd["currency"], usd["total"], usd["reserved"]) == ("USD", "99900.00", "0.00")


def test_trigger_5001_cancels_unfilled(api: Api) -> None:
    c = api("sophic")
    order_id = c.post(ORDERS, json={**BUY, "cash_amount": "5001"}).json()["id"]
    assert c.get("/accounts/acc_abc123/cash-balances").json()[0]["reserved"] == "5001.00"
    assert statuses(c, order_id, 3) == ["executing", "cancelled", "cancelled"]
    order = c.get(f"{ORDERS}/{order_id}").json()
    assert (order["traded_quantity"], order["trades"], order["cancelled_reason"]) == (
        "0",
        [],
        "The order could not be executed.",
    )
    assert c.get("/accounts/acc_abc123/cash-balances").json()[0]["reserved"] == "0.00"


def test_trigger_5002_fills_40_percent(api: Api) -> None:
    c = api("sophic")
    order_id = c.post(ORDERS, json={**BUY, "cash_amount": "5002", "instrument": "ins_e5t8f1w3"}).json()["id"]
    assert statuses(c, order_id, 3) == ["executing", "filled", "settled"]
    order = c.get(f"{ORDERS}/{order_id}").json()
    full = (5002 - 25.01) / 100  # net cash / price 100 for the ETF
    assert float(order["traded_quantity"]) == pytest.approx(full * 0.4, abs=0.0001)


def test_trigger_sell_20_fills_25_percent(api: Api) -> None:
    c = api("sophic")
    order = c.post(ORDERS, json={**SELL, "quantity": "20"}).json()
    assert order["position"] == "pos_h8j3k5l7"
    position = c.get("/accounts/acc_abc123/positions/pos_h8j3k5l7").json()
    assert (position["total"], position["reserved"], position["available_for_trading"]) == ("100", "20", "80")
    assert statuses(c, order["id"], 2) == ["executing", "filled"]
    assert c.get(f"{ORDERS}/{order['id']}").json()["traded_quantity"] == "5"
    position = c.get("/accounts/acc_abc123/positions/pos_h8j3k5l7").json()
    assert (position["total"], position["reserved"]) == ("95", "0")


@pytest.mark.parametrize(
    ("body", "field"), [({**BUY, "quantity": "10"}, "quantity"), ({**SELL, "cash_amount": "10.00"}, "cash_amount")]
)
def test_wrong_field_for_the_side_is_invalid_param(
    api: Api, sandbox: Sandbox, body: dict[str, Any], field: str
) -> None:
    response = api("sophic").post(ORDERS, json=body)
    assert response.status_code == 400 and response.json()["code"] == "invalid_param"
    assert {"path": ["body", field], "code": "invalid_param"}.items() <= response.json()["params"][-1].items()
    assert sandbox.orders("sophic") == []


def test_idempotency_replay_conflict_and_expiry(api: Api, sandbox: Sandbox, clock: ManualClock) -> None:
    c = api("sophic")
    key = {"Idempotency-Key": "6f1c2f0e-8a7b-4d2c-9a51-3c7e1b2d4f60"}
    first = c.post(ORDERS, json=BUY, headers=key)
    c.get(f"{ORDERS}/{first.json()['id']}")  # the order moves on; the replay still shows the stored 201
    replay = c.post(ORDERS, json={"cash_amount": "100.00", **BUY}, headers=key)
    assert (replay.status_code, replay.json()) == (201, first.json())
    conflict = c.post(ORDERS, json={**BUY, "cash_amount": "200.00"}, headers=key)
    assert (conflict.status_code, conflict.json()["code"]) == (409, "idempotency_key_conflict")
    assert [o.client_order_id for o in sandbox.orders("sophic")] == [key["Idempotency-Key"]]
    clock.advance(hours=24)
    c = api("sophic")  # a fresh token: the first one lived 15 minutes
    expired = c.post(ORDERS, json=BUY, headers=key)
    assert (expired.status_code, expired.json()["code"]) == (409, "idempotency_key_expired")


def test_a_refused_request_does_not_store_its_key(api: Api) -> None:
    c = api("sophic")
    key = {"Idempotency-Key": "k-1"}
    refused = c.post(ORDERS, json={**BUY, "cash_amount": "1000000.00"}, headers=key)
    assert (refused.status_code, refused.json()["code"], refused.json()["context"]) == (
        400,
        "insufficient_funds",
        {"available": "100000.00"},
    )
    assert c.post(ORDERS, json=BUY, headers=key).status_code == 201


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({"Api-Version": "2025-01-01"}, "api_version_unsupported"),
        ({"Api-Version": "latest"}, "api_version_invalid"),
        ({"Idempotency-Key": "x" * 256}, "idempotency_key_too_long"),
    ],
)
def test_header_errors(api: Api, headers: dict[str, Any], code: str) -> None:
    response = api("sophic").post(ORDERS, json=BUY, headers=headers)
    assert (response.status_code, response.json()["code"]) == (400, code)


def test_business_refusals(api: Api) -> None:
    c = api("sophic")
    assert c.post(ORDERS, json={**SELL, "quantity": "101"}).json()["code"] == "insufficient_units"
    assert c.post(ORDERS, json={**BUY, "instrument": "ins_nope"}).json()["code"] == "not_found"
    assert c.post(ORDERS, json={**BUY, "automatic_rollover": True}).json()["code"] == "invalid_param"
    pro = c.post(ORDERS, json={**BUY, "instrument": "ins_a4c7k2v8", "cash_amount": "1000.00"})
    assert (pro.status_code, pro.json()["code"]) == (403, "professional_trader_required")
    assert c.post("/accounts/acc_nope/orders", json=BUY).status_code == 404
    assert c.get(f"{ORDERS}/ord_nope").status_code == 404


def test_bill_buy_with_rollover_and_lists(api: Api) -> None:
    c = api("sophic")
    order = c.post(
        ORDERS, json={**BUY, "instrument": "ins_b7q2m4x9", "cash_amount": "1000.00", "automatic_rollover": True}
    ).json()
    assert order["automatic_rollover"] is True
    assert [o["id"] for o in c.get("/accounts/acc_abc123/pending-orders").json()] == [order["id"]]
    statuses(c, order["id"], 3)
    assert c.get("/accounts/acc_abc123/pending-orders").json() == []
    assert [o["status"] for o in c.get(ORDERS).json()] == ["settled"]
    names = [e["name"] for e in c.get("/events", params={"resource[id]": order["id"]}).json()]
    assert names == ["order.placed", "order.executing", "order.filled", "order.settled"]
    assert c.get("/accounts/acc_abc123/cash-balances").headers["request-id"].startswith("req_")
