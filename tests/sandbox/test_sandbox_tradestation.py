"""TradeStation: refresh-token grant, both APIVersion body shapes, OrderConfirmId duplicates,
cancel, account listings, JSONP and the error dialect."""

from __future__ import annotations

from typing import Any

import pytest

from orderbridge_sandbox import ManualClock, Sandbox

from ._sandbox_support import ARNA, SEED_ORDER, V2, Api

GRANT = {
    "grant_type": "refresh_token",
    "client_id": "demo-client",
    "client_secret": "demo-secret",
    "refresh_token": "demo-refresh",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"client_id": "x"}, "Invalid API Key"),
        ({"client_secret": "x"}, "API key failure"),
        ({"refresh_token": "x"}, "Invalid refresh token"),
    ],
)
def test_token_grant_errors(anon: Api, change: dict[str, Any], message: str) -> None:
    response = anon("tradestation").post("/v2/security/authorize", data={**GRANT, **change})
    assert (response.status_code, response.json()) == (401, {"Message": message, "StatusCode": 401})


def test_access_tokens_last_20_minutes(anon: Api, clock: ManualClock) -> None:
    c = anon("tradestation")
    grant = c.post("/v2/security/authorize", data=GRANT).json()
    assert (grant["expires_in"], grant["token_type"], grant["userid"]) == (1200, "AccessToken", "testUser")
    c.headers["Authorization"] = f"Bearer {grant['access_token']}"
    assert c.get("/v2/users/testUser/accounts").status_code == 200
    clock.advance(minutes=20)
    expired = c.get("/v2/users/testUser/accounts")
    assert expired.status_code == 401
    assert {"StatusCode": 401, "Message": "Unauthorized"}.items() <= expired.json().items()
    assert "TraceId" in expired.json()


def test_seed_002_global_order(api: Api) -> None:
    response = api("tradestation").post("/v2/orders", params={"APIVersion": "20150101"}, json=SEED_ORDER)
    assert response.json() == [
        {
            "Message": "Sent order: Buy 5 JP:8698-TS",
            "Id": 207887693,
            "Status": "Success",
            "OrderConfirmId": "96x0c/Bq00qatgyO+QO4pA",
        }
    ]


def test_20160101_answers_one_object(api: Api) -> None:
    response = api("tradestation").post("/v2/orders", params=V2, json=ARNA)
    assert response.json() == {
        "Message": "Sent order: Buy 10 ARNA @ 1.00 Limit",
        "OrderID": "207887693",
        "OrderStatus": "Ok",
    }


def test_legacy_version_answers_an_array(api: Api) -> None:
    response = api("tradestation").post("/v2/orders", json={**ARNA, "OrderType": "Market", "LimitPrice": ""})
    assert response.json() == [
        {"Message": "Sent order: Buy 10 ARNA @ Market", "OrderID": "207887693", "OrderStatus": "Ok"}
    ]


def test_duplicate_order_confirm_id_fails_and_names_the_original(api: Api, sandbox: Sandbox) -> None:
    c = api("tradestation")
    first = c.post("/v2/orders", params=V2, json={**ARNA, "OrderConfirmId": "ob-1"}).json()
    again = c.post("/v2/orders", params=V2, json={**ARNA, "OrderConfirmId": "ob-1"}).json()
    assert again["OrderStatus"] == "Failed" and again["OrderID"] == first["OrderID"]
    assert "Duplicate OrderConfirmId 'ob-1'" in again["Message"]
    assert [(o.order_id, o.client_order_id) for o in sandbox.orders("tradestation")] == [(first["OrderID"], "ob-1")]
    seed = c.post("/v2/orders", params={"APIVersion": "20150101"}, json=SEED_ORDER).json()
    duplicate = c.post("/v2/orders", params={"APIVersion": "20150101"}, json=SEED_ORDER).json()
    assert duplicate[0]["Status"] == "Failed" and duplicate[0]["Id"] == seed[0]["Id"]


@pytest.mark.parametrize(
    ("params", "body", "expected"),
    [
        (V2, {**ARNA, "LimitPrice": ""}, "Missing order limit price."),
        (V2, {k: v for k, v in ARNA.items() if k != "Quantity"}, "Missing order quantity."),
        (V2, {**ARNA, "AccountKey": "999"}, "Invalid account."),
        (
            {"APIVersion": "20150101"},
            ARNA,
            "Invalid Request. Order input is incomplete, missing field: AccountId (APIVersion 20150101 takes the "
            "global order shape)",
        ),
    ],
)
def test_bad_orders_are_400(
    api: Api, sandbox: Sandbox, params: dict[str, Any], body: dict[str, Any], expected: str
) -> None:
    response = api("tradestation").post("/v2/orders", params=params, json=body)
    assert response.status_code == 400
    assert (response.json()["StatusCode"], response.json()["Message"]) == (400, expected)
    assert sandbox.orders("tradestation") == []


def test_bad_api_version_is_the_wrapped_error(api: Api) -> None:
    response = api("tradestation").post("/v2/orders", params={"APIVersion": "2016-01-01"}, json=ARNA)
    assert response.status_code == 400
    assert response.json()["Error"]["Message"].startswith("The APIVersion 2016-01-01 has an invalid format")


def test_unknown_symbol_fails_in_the_engine_and_lists_as_rejected(api: Api) -> None:
    c = api("tradestation")
    result = c.post("/v2/orders", params=V2, json={**ARNA, "Symbol": "NOPE"}).json()
    assert result["OrderStatus"] == "Failed"
    listed = c.get("/v2/accounts/123456/orders").json()
    assert (listed[0]["Status"], listed[0]["RejectReason"]) == ("REJ", "Invalid symbol NOPE")


def test_cancel_and_listing(api: Api, clock: ManualClock) -> None:
    c = api("tradestation")
    limit = c.post("/v2/orders", params=V2, json={**ARNA, "OrderConfirmId": "a"}).json()["OrderID"]
    clock.advance(seconds=1)
    market = c.post("/v2/orders", params=V2, json={**ARNA, "OrderType": "Market", "OrderConfirmId": "b"}).json()
    assert c.delete(f"/v2/orders/{limit}").json() == {"Message": None, "OrderID": limit, "OrderStatus": "Ok"}
    again = c.delete(f"/v2/orders/{limit}")
    assert (again.status_code, again.json()["Message"]) == (400, "Not an open order.")
    assert c.delete("/v2/orders/1").json()["Message"] == "Invalid order ID."
    listed = c.get("/v2/accounts/123456,281994/orders").json()
    assert [(o["OrderID"], o["Status"], o["OrderConfirmId"]) for o in listed] == [
        (int(market["OrderID"]), "FLL", "b"),
        (int(limit), "OUT", "a"),
    ]
    positions = c.get("/v2/accounts/123456/positions", params={"$filter": "Symbol eq 'ARNA'"}).json()
    assert [(p["Symbol"], p["Quantity"], p["LongShort"]) for p in positions] == [("ARNA", 10, "Long")]
    assert c.get("/v2/accounts/999/orders").json()["Message"] == "Invalid account."


def test_jsonp_route(api: Api, anon: Api) -> None:
    token = api("tradestation").headers["Authorization"].split()[1]
    data = (
        '{"AccountKey":"12345","AssetType":"FX","LimitPrice":"1","OrderType":"Limit","Quantity":"20000",'
        '"Symbol":"USDJPY","TradeAction":"Buy","Duration":"GTC"}'
    )
    sent = anon("tradestation").get(
        "/v2/jsonp/orders/send", params={"data": data, "callback": "cb", "oauth_token": token}
    )
    assert sent.status_code == 200 and sent.headers["jsonp-callback"] == "cb"
    assert (
        sent.text == 'cb([{"Message":"Sent order: Buy 20,000 USDJPY @ 1.00 Limit","OrderID":"207887693",'
        '"OrderStatus":"Ok"}])'
    )
    refused = anon("tradestation").get(
        "/v2/jsonp/orders/send", params={"data": data, "callback": "cb", "oauth_token": "bad"}
    )
    assert (refused.status_code, refused.text) == (200, 'cb({"Message":"Unauthorized","StatusCode":401})')


def test_groups_and_replace(api: Api) -> None:
    c = api("tradestation")
    one = c.post("/v2/orders/groups", json={"Type": "OCO", "Orders": [ARNA]})
    assert one.status_code == 400 and one.json()["Message"] == "Group order must include at least one pair of orders."
    results = c.post("/v2/orders/groups", json={"Type": "OCO", "Orders": [ARNA, {**ARNA, "LimitPrice": "1.10"}]}).json()
    assert [r["OrderStatus"] for r in results] == ["Ok", "Ok"]
    order_id = results[0]["OrderID"]
    replaced = c.put(f"/v2/orders/{order_id}", json={"OrderType": "Market", "Quantity": "5", "Symbol": "ARNA"})
    assert replaced.json()["Message"] == "Cancel/Replace order sent."
    listed = {o["OrderID"]: o for o in c.get("/v2/accounts/123456/orders").json()}
    new_id = replaced.json()["OrderID"]
    assert new_id != order_id  # cancel/replace: the replacement works under a new OrderID
    assert listed[int(order_id)]["Status"] == "UCH"  # the original ends replaced
    assert (listed[int(new_id)]["Status"], listed[int(new_id)]["Quantity"]) == ("FLL", 5)
