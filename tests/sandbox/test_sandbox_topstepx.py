"""TopstepX: the seed flow, session tokens, customTag uniqueness, order rules and error dialect."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from orderbridge_sandbox import ManualClock, Sandbox

from ._sandbox_support import Api

SINCE = "2025-01-01T00:00:00Z"


def place(c: httpx.Client, **fields: object) -> dict[str, Any]:
    body = {"accountId": 465, "contractId": "CON.F.US.MES.Z25", "type": 2, "side": 0, "size": 1, **fields}
    response = c.post("/api/Order/place", json=body)
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


def test_seed_flow_accounts_contracts_place(api: Api) -> None:
    c = api("topstepx")
    accounts = c.post("/api/Account/search", json={"onlyActiveAccounts": True}).json()["accounts"]
    assert {"id": 1, "name": "TEST_ACCOUNT_1"}.items() <= accounts[0].items()
    contracts = {x["id"]: x for x in c.post("/api/Contract/available", json={"live": True}).json()["contracts"]}
    assert {"CON.F.US.BP6.U25", "CON.F.US.EP.Z25", "CON.F.US.MES.Z25"} <= set(contracts)
    assert contracts["CON.F.US.BP6.U25"]["tickSize"] == 0.0001
    answer = place(c, accountId=1, contractId="CON.F.US.BP6.U25", type=2, side=1, size=1)
    assert answer == {"orderId": 9056, "success": True, "errorCode": 0, "errorMessage": None}
    order = c.post("/api/Order/searchById", json={"accountId": 1, "orderId": 9056}).json()["order"]
    assert order["status"] == 2 and order["fillVolume"] == 1 and order["filledPrice"] == 1.345  # Filled at reference


def test_login_errors_and_tokens(anon: Api, clock: ManualClock) -> None:
    c = anon("topstepx")
    wrong = c.post("/api/Auth/loginKey", json={"userName": "demo", "apiKey": "nope"})
    assert wrong.json() == {"token": None, "success": False, "errorCode": 3, "errorMessage": None}
    missing = c.post("/api/Auth/loginKey", json={"userName": "demo"})
    assert missing.status_code == 400
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["errors"] == {"ApiKey": ["The ApiKey field is required."]}
    assert c.post("/api/Account/search", json={"onlyActiveAccounts": True}).status_code == 401
    token = c.post("/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"}).json()["token"]
    c.headers["Authorization"] = f"Bearer {token}"
    new = c.post("/api/Auth/validate").json()["newToken"]
    assert new and new != token
    assert c.post("/api/Account/search", json={"onlyActiveAccounts": True}).status_code == 200  # old still valid
    clock.advance(hours=24)
    expired = c.post("/api/Account/search", json={"onlyActiveAccounts": True})
    assert (expired.status_code, expired.text) == (401, "")
    assert c.post("/api/Auth/validate").json() == {
        "success": False,
        "errorCode": 3,
        "errorMessage": None,
        "newToken": None,
    }


def test_custom_tag_is_unique_per_account(api: Api, sandbox: Sandbox) -> None:
    c = api("topstepx")
    assert place(c, customTag="ob-1")["success"] is True
    duplicate = place(c, customTag="ob-1")
    assert (duplicate["success"], duplicate["errorCode"], duplicate["orderId"]) == (False, 2, None)
    assert place(c, accountId=1, customTag="ob-1")["success"] is True  # another account may reuse it
    tags = [(o.account, o.client_order_id) for o in sandbox.orders("topstepx")]
    assert tags == [("465", "ob-1"), ("1", "ob-1")]


def test_order_search_window_finds_the_custom_tag(api: Api, clock: ManualClock) -> None:
    c = api("topstepx")
    place(c, customTag="early")
    clock.advance(hours=2)
    place(c, customTag="late")
    window = {"accountId": 465, "startTimestamp": "2025-09-22T15:00:00Z", "endTimestamp": None}
    found = c.post("/api/Order/search", json=window).json()["orders"]
    assert [o["customTag"] for o in found] == ["late"]
    both = c.post("/api/Order/search", json={"accountId": 465, "startTimestamp": SINCE}).json()["orders"]
    assert [o["customTag"] for o in both] == ["early", "late"]
    unknown = c.post("/api/Order/search", json={"accountId": 999, "startTimestamp": SINCE}).json()
    assert (unknown["success"], unknown["errorCode"], unknown["orders"]) == (False, 1, None)


def test_limit_rests_until_cancelled(api: Api) -> None:
    c = api("topstepx")
    order_id = place(c, type=1, limitPrice=6300.25)["orderId"]
    assert [o["id"] for o in c.post("/api/Order/searchOpen", json={"accountId": 465}).json()["orders"]] == [order_id]
    assert c.post("/api/Order/cancel", json={"accountId": 465, "orderId": order_id}).json()["success"] is True
    again = c.post("/api/Order/cancel", json={"accountId": 465, "orderId": order_id}).json()
    assert (again["success"], again["errorCode"]) == (False, 2)  # OrderNotFound on cancel
    order = c.post("/api/Order/searchById", json={"accountId": 465, "orderId": order_id}).json()["order"]
    assert order["status"] == 3
    assert c.post("/api/Order/searchOpen", json={"accountId": 465}).json()["orders"] == []


@pytest.mark.parametrize(
    ("fields", "code", "message"),
    [
        ({"type": 1, "limitPrice": 6300.1}, 2, "Invalid limit price. Price is not aligned to tick size."),
        ({"type": 4}, 2, "Invalid stop price."),
        ({"type": 5, "trailPrice": 1000.0}, 2, "Trail Distance exceeds maximum (1000)"),
        ({"size": 0}, 2, "Invalid order size."),
        ({"contractId": "CON.F.US.XXX.Z25"}, 8, None),
        ({"accountId": 999}, 1, None),
    ],
)
def test_place_refusals(api: Api, sandbox: Sandbox, fields: dict[str, Any], code: int, message: str | None) -> None:
    answer = place(api("topstepx"), **fields)
    assert (answer["success"], answer["errorCode"], answer["errorMessage"]) == (False, code, message)
    assert sandbox.orders("topstepx") == []


def test_brackets_are_rejected_with_an_order_id(api: Api, sandbox: Sandbox) -> None:
    answer = place(api("topstepx"), stopLossBracket={"ticks": -10, "type": 4})
    assert (answer["success"], answer["errorCode"], answer["orderId"]) == (False, 2, 9056)
    assert answer["errorMessage"].startswith("Brackets cannot be used with Position Brackets")
    assert [o.status for o in sandbox.orders("topstepx")] == ["Rejected"]


def test_malformed_place_is_a_400_problem_details_as_the_spec_declares(api: Api, sandbox: Sandbox) -> None:
    response = api("topstepx").post(
        "/api/Order/place", json={"accountId": 465, "contractId": "X", "type": 9, "side": 0}
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert set(response.json()["errors"]) == {"Type", "Size"}
    assert sandbox.orders("topstepx") == []


def test_v2_query_paging_and_bad_paging(api: Api) -> None:
    c = api("topstepx")
    for tag in ("a", "b", "c"):
        place(c, customTag=tag, type=1, limitPrice=6000)
    query = {
        "filter": {"accountId": 465, "statuses": [1]},
        "pageSize": 2,
        "pageOffset": 0,
        "sortBy": 1,
        "sortDirection": 1,
        "includeTotalCount": True,
    }
    answer = c.post("/api/Order/v2/query", json=query).json()
    assert [o["customTag"] for o in answer["orders"]] == ["c", "b"] and answer["totalCount"] == 3
    bad = c.post("/api/Order/v2/query", json={**query, "pageSize": 0})
    assert bad.status_code == 400 and "PageSize" in bad.json()["errors"]


def test_positions_trades_and_closing(api: Api) -> None:
    c = api("topstepx")
    place(c, size=3)
    positions = c.post("/api/Position/searchOpen", json={"accountId": 465}).json()["positions"]
    assert [(p["contractId"], p["type"], p["size"]) for p in positions] == [("CON.F.US.MES.Z25", 1, 3)]
    close = {"accountId": 465, "contractId": "CON.F.US.MES.Z25"}
    too_many = c.post("/api/Position/partialCloseContract", json={**close, "size": 4}).json()
    assert too_many["errorCode"] == 5
    assert c.post("/api/Position/partialCloseContract", json={**close, "size": 1}).json()["success"] is True
    assert c.post("/api/Position/closeContract", json=close).json()["success"] is True
    assert c.post("/api/Position/searchOpen", json={"accountId": 465}).json()["positions"] == []
    assert c.post("/api/Position/closeContract", json=close).json()["errorCode"] == 2  # PositionNotFound
    trades = c.post("/api/Trade/search", json={"accountId": 465, "startTimestamp": SINCE}).json()["trades"]
    assert [(t["side"], t["size"], t["profitAndLoss"]) for t in trades] == [(0, 3, None), (1, 1, 0), (1, 2, 0)]


def test_unknown_route_and_wrong_method(anon: Api) -> None:
    c = anon("topstepx")
    assert c.post("/api/Order/nothing", json={}).status_code == 404
    wrong = c.get("/api/Order/search")
    assert wrong.status_code == 405 and wrong.headers["allow"] == "POST"
    assert c.get("/api/Status/ping").text == "pong"


@pytest.mark.parametrize(
    ("accept", "content_type", "body"),
    [
        (None, "text/plain", b"pong"),
        ("text/plain", "text/plain", b"pong"),
        ("application/json", "application/json", b'"pong"'),
    ],
)
def test_ping_negotiates_the_media_type(anon: Api, accept: str | None, content_type: str, body: bytes) -> None:
    headers = {"Accept": accept} if accept else {}
    answer = anon("topstepx").get("/api/Status/ping", headers=headers)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(content_type)
    assert answer.content == body


# -- the Auto OCO Brackets account ----------------------------------------------------------------
AUTO_OCO = 9001
BRACKETS = {"stopLossBracket": {"ticks": 10, "type": 4}, "takeProfitBracket": {"ticks": 20, "type": 1}}


def _query(c: httpx.Client, **filters: object) -> list[dict[str, Any]]:
    answer = c.post("/api/Order/v2/query", json={"filter": {"accountId": AUTO_OCO, **filters}, "pageSize": 50})
    assert answer.status_code == 200, answer.text
    orders: list[dict[str, Any]] = answer.json()["orders"]
    return orders


def test_the_auto_oco_account_is_seeded_and_takes_brackets(api: Api, sandbox: Sandbox) -> None:
    c = api("topstepx")
    accounts = c.post("/api/Account/search", json={"onlyActiveAccounts": True}).json()["accounts"]
    assert AUTO_OCO in [a["id"] for a in accounts]
    answer = place(c, accountId=AUTO_OCO, **BRACKETS)  # market buy of 1 MES, fills at 6335.25
    assert answer["success"] is True and answer["errorCode"] == 0
    entry, stop, target = sorted(_query(c), key=lambda o: o["id"])
    assert entry["id"] == answer["orderId"] and entry["status"] == 2 and entry["parentOrderId"] is None
    assert (stop["parentOrderId"], stop["side"], stop["type"], stop["status"]) == (entry["id"], 1, 4, 1)
    assert (target["parentOrderId"], target["side"], target["type"], target["status"]) == (entry["id"], 1, 1, 1)
    assert (stop["stopPrice"], target["limitPrice"]) == (6335.25 - 10 * 0.25, 6335.25 + 20 * 0.25)
    assert [o.side for o in sandbox.orders("topstepx", account=str(AUTO_OCO))] == ["buy", "sell", "sell"]


def test_auto_oco_legs_wait_suspended_for_their_entry_and_go_with_it(api: Api) -> None:
    c = api("topstepx")
    entry_id = place(c, accountId=AUTO_OCO, type=1, side=1, limitPrice=6400, **BRACKETS)["orderId"]
    legs = [o for o in _query(c) if o["parentOrderId"] == entry_id]
    assert [o["status"] for o in legs] == [8, 8]  # Suspended until the sell limit fills
    assert [o["stopPrice"] for o in legs if o["type"] == 4] == [6400 + 10 * 0.25]  # a short's stop is above
    assert [o["limitPrice"] for o in legs if o["type"] == 1] == [6400 - 20 * 0.25]
    open_ids = [o["id"] for o in c.post("/api/Order/searchOpen", json={"accountId": AUTO_OCO}).json()["orders"]]
    assert open_ids == [entry_id]  # searchOpen leaves Suspended legs out, as documented
    assert {o["id"] for o in _query(c, statuses=[8])} == {o["id"] for o in legs}
    assert c.post("/api/Order/cancel", json={"accountId": AUTO_OCO, "orderId": entry_id}).json()["success"] is True
    assert {o["status"] for o in _query(c)} == {3}


def test_brackets_on_a_position_brackets_account_stay_refused_with_an_order_id(api: Api) -> None:
    answer = place(api("topstepx"), accountId=465, **BRACKETS)
    assert (answer["success"], answer["errorCode"]) == (False, 2) and answer["orderId"] is not None
