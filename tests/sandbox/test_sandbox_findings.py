"""Regression tests for what Schemathesis found against ``orderbridge-sandbox serve`` (issue 13).

Every test runs on the strict sandbox (``conftest.sandbox``): an answer outside the spec raises
``SpecViolation`` instead of passing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from orderbridge_sandbox import Sandbox, start
from tests._specs import load_spec
from tests._support import cases

from ._sandbox_support import ARNA, V2, Api

# -- bodies that are not UTF-8 -------------------------------------------------------------------
NOT_UTF8 = [  # broker, path, content type, status of the broker's own refusal
    ("topstepx", "/api/Auth/loginKey", "application/json", 400),
    ("crosstrade", "/v1/api/accounts/Sim101/orders/place", "application/json", 400),
    ("tradestation", "/v2/security/authorize", "application/x-www-form-urlencoded", 401),
    ("tradestation", "/v2/orders", "application/json", 400),
    ("sophic", "/auth/token", "application/x-www-form-urlencoded", 400),
    ("sophic", "/accounts/acc_1/orders", "application/json", 400),
]


@pytest.mark.parametrize(("broker", "path", "content_type", "status"), NOT_UTF8)
def test_a_body_that_is_not_utf8_is_refused_in_the_brokers_dialect(
    api: Api, broker: str, path: str, content_type: str, status: int
) -> None:
    response = api(broker).post(path, content=b"\xff\xfe{", headers={"Content-Type": content_type})
    assert response.status_code == status, response.text


def test_a_body_that_is_not_utf8_gets_no_500_over_loopback(sandbox: Sandbox) -> None:
    with start(sandbox) as server, httpx.Client(base_url=server.broker_url("topstepx")) as c:
        response = c.post("/api/Auth/loginKey", content=b"\xff", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


# -- TradeStation decimal strings -------------------------------------------------------------
def _place(c: httpx.Client, **change: Any) -> httpx.Response:
    return c.post("/v2/orders", params=V2, json={**ARNA, **change})


DECIMAL_CALLS: list[tuple[str, Callable[[httpx.Client, dict[str, Any]], httpx.Response]]] = [
    ("place", lambda c, bad: _place(c, **bad)),
    ("confirm", lambda c, bad: c.post("/v2/orders/confirm", params=V2, json={**ARNA, **bad})),
    (
        "groups",
        lambda c, bad: c.post("/v2/orders/groups", params=V2, json={"Type": "NORMAL", "Orders": [{**ARNA, **bad}]}),
    ),
    (
        "replace",
        lambda c, bad: c.put(
            f"/v2/orders/{_place(c).json()['OrderID']}",
            params=V2,
            json={"OrderType": "Limit", "Quantity": "5", "Symbol": "ARNA", "LimitPrice": "1.00", **bad},
        ),
    ),
]


@pytest.mark.parametrize("bad", [{"Quantity": ""}, {"Quantity": "abc"}, {"LimitPrice": "abc"}, {"StopPrice": "1,5"}])
@pytest.mark.parametrize(("name", "call"), DECIMAL_CALLS, ids=[name for name, _ in DECIMAL_CALLS])
def test_tradestation_decimal_strings_that_are_not_numbers_are_a_400(
    api: Api, sandbox: Sandbox, name: str, call: Callable[..., httpx.Response], bad: dict[str, str]
) -> None:
    c = api("tradestation")
    before = len(sandbox.orders("tradestation"))
    response = call(c, bad)
    assert response.status_code == 400, response.text
    assert set(response.json()) == {"TraceId", "StatusCode", "Message"}
    assert len(sandbox.orders("tradestation")) == before + (name == "replace")


def test_tradestation_empty_limit_price_still_means_no_price(api: Api) -> None:
    """Legacy bodies send ``"LimitPrice": ""`` on market orders; the pattern keeps that valid."""
    response = _place(api("tradestation"), OrderType="Market", LimitPrice="")
    assert response.status_code == 200 and response.json()["OrderStatus"] == "Ok"


# -- TradeStation `since` ---------------------------------------------------------------------
@pytest.mark.parametrize("since", ["02-30-2026", "13-45-2025", "00-00-0000", "04-31-2026"])
def test_tradestation_impossible_since_dates_are_a_400(api: Api, since: str) -> None:
    response = api("tradestation").get("/v2/accounts/123456/orders", params={"since": since})
    assert response.status_code == 400, response.text
    assert response.json()["StatusCode"] == 400


def test_tradestation_a_real_since_date_lists_orders(api: Api) -> None:
    c = api("tradestation")
    _place(c)
    listed = c.get("/v2/accounts/123456/orders", params={"since": "02-28-2024"})
    assert listed.status_code == 200 and len(listed.json()) == 1


# -- TopstepX: 400 ProblemDetails for a malformed body, as its spec declares ------------------------
def _topstepx_body_operations() -> Iterator[tuple[str, str]]:
    """(operationId, path) of every TopstepX operation with a body, read from the spec."""
    for path, item in load_spec("topstepx")["paths"].items():
        for op in item.values():
            if isinstance(op, dict) and "requestBody" in op:
                yield op["operationId"], path


def _topstepx_body_cases() -> list[object]:
    return [pytest.param(op, path, id=op) for op, path in sorted(_topstepx_body_operations())]


def test_topstepx_has_sixteen_or_more_body_taking_operations_besides_login() -> None:
    body_ops = [op for op, _ in _topstepx_body_operations()]
    assert len([op for op in body_ops if op not in ("login_key", "query_orders_v2")]) >= 16


@cases("operation, path", _topstepx_body_cases)
def test_topstepx_malformed_bodies_get_400_problem_details(api: Api, operation: str, path: str) -> None:
    response = api("topstepx").post(path, json={"unexpectedField": [1]})
    assert response.status_code == 400, (operation, response.text)
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 400 and response.json()["errors"]


# -- HEAD, OPTIONS and TRACE ------------------------------------------------------------------------
METHOD_PATHS = [
    ("topstepx", "/api/Order/place", "POST"),
    ("crosstrade", "/v1/api/accounts", "GET"),
    ("tradestation", "/v2/orders", "POST"),
    ("sophic", "/me", "GET"),
]


@pytest.mark.parametrize("method", ["HEAD", "OPTIONS", "TRACE"])
@pytest.mark.parametrize(("broker", "path", "allowed"), METHOD_PATHS)
def test_unsupported_methods_get_405_with_allow_over_loopback(
    sandbox: Sandbox, broker: str, path: str, allowed: str, method: str
) -> None:
    with start(sandbox) as server, httpx.Client(base_url=server.broker_url(broker)) as c:
        response = c.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allowed
    assert "html" not in response.headers.get("content-type", "")
    if method == "HEAD":
        assert response.content == b""
    elif broker != "topstepx":  # TopstepX's error answers are bodiless text; the others JSON
        assert response.headers["content-type"] == "application/json" and response.json()


# -- TradeStation groups ------------------------------------------------------------------------
def test_tradestation_a_normal_group_may_hold_one_order(api: Api, sandbox: Sandbox) -> None:
    response = api("tradestation").post("/v2/orders/groups", params=V2, json={"Type": "NORMAL", "Orders": [ARNA]})
    assert response.status_code == 200, response.text
    assert len(sandbox.orders("tradestation")) == 1


@pytest.mark.parametrize("group_type", ["OCO", "BRK"])
@pytest.mark.parametrize("path", ["/v2/orders/groups", "/v2/orders/groups/confirm"])
def test_tradestation_oco_and_bracket_groups_need_a_pair(api: Api, group_type: str, path: str) -> None:
    response = api("tradestation").post(path, params=V2, json={"Type": group_type, "Orders": [ARNA]})
    assert response.status_code == 400
    assert response.json()["Message"] == "Group order must include at least one pair of orders."


# -- CrossTrade price rules ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("order_type", "missing"),
    [("LIMIT", "limitPrice"), ("STOPMARKET", "stopPrice"), ("STOPLIMIT", "limitPrice"), ("STOPLIMIT", "stopPrice")],
)
def test_crosstrade_price_rules_are_in_the_spec_and_enforced(api: Api, order_type: str, missing: str) -> None:
    body = {
        "instrument": "ES 12-25",
        "action": "BUY",
        "quantity": 1,
        "orderType": order_type,
        "timeInForce": "DAY",
        "limitPrice": 6300.25,
        "stopPrice": 6300.0,
    }
    del body[missing]
    response = api("crosstrade").post("/v1/api/accounts/Sim101/orders/place", json=body)
    assert response.status_code == 400
    assert missing in response.json()["detail"]


# -- TopstepX Contract/search ---------------------------------------------------------------------
def test_topstepx_contract_search_matches_names_only(api: Api) -> None:
    """``EP`` is in "S**ep**tember" (the British Pound's description) but in no contract name."""
    c = api("topstepx")
    found = c.post("/api/Contract/search", json={"searchText": "EP", "live": False}).json()["contracts"]
    assert found == []
    es = c.post("/api/Contract/search", json={"searchText": "es", "live": False}).json()["contracts"]
    assert es and all("es" in contract["name"].lower() for contract in es)
    assert [contract["tickSize"] for contract in es if contract["name"] == "ESZ5"] == [0.25]


# -- found by the Schemathesis session itself ------------------------------------------------------
def test_topstepx_bars_longer_than_the_calendar_are_an_empty_answer_not_a_500(api: Api) -> None:
    body = {
        "contractId": "CON.F.US.EP.Z25",
        "live": False,
        "startTime": "2024-12-01T00:00:00Z",
        "endTime": "2024-12-31T21:00:00Z",
        "unit": 3,
        "unitNumber": 2147483646,
        "limit": 7,
        "includePartialBar": False,
    }
    answer = api("topstepx").post("/api/History/retrieveBars", json=body)
    assert answer.status_code == 200 and answer.json()["bars"] == []


def test_topstepx_v2_query_any_page_offset_is_a_page_and_a_negative_one_a_400(api: Api) -> None:
    query = {"filter": {"accountId": 465}, "pageSize": 50}
    far = api("topstepx").post("/api/Order/v2/query", json={**query, "pageOffset": 2147483646})
    assert far.status_code == 200 and far.json()["orders"] == []
    negative = api("topstepx").post("/api/Order/v2/query", json={**query, "pageOffset": -1})
    assert negative.status_code == 400 and "PageOffset" in negative.json()["errors"]


@pytest.mark.parametrize(
    "change", [{"daysBack": 585114106682297134159804074932830208}, {"daysBack": 2622.0}, {"from": "L", "to": "F"}]
)
def test_crosstrade_bars_with_extreme_or_unreadable_ranges_get_no_500(api: Api, change: dict[str, Any]) -> None:
    answer = api("crosstrade").post("/v1/api/market/bars", json={"instrument": "ES 12-25", **change})
    assert answer.status_code in (200, 400), answer.text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"period": 10**18}, "period"),  # OverflowError building the bar length: was a text/plain 500
        ({"period": 10**18, "periodType": "second"}, "period"),
        ({"period": 4_000_000, "daysBack": 1_000_000}, "daysBack"),  # the first bar before year 1
    ],
)
def test_crosstrade_bars_longer_than_the_calendar_are_a_400_naming_the_field(
    api: Api, change: dict[str, Any], field: str
) -> None:
    answer = api("crosstrade").post("/v1/api/market/bars", json={"instrument": "ES 12-25", **change})
    assert answer.status_code == 400, answer.text
    assert answer.headers["content-type"] == "application/json"
    body = answer.json()
    assert body["error"] == "invalid_request" and field in body["detail"]


def test_crosstrade_bars_take_an_integer_written_with_a_fraction_part(api: Api) -> None:
    """Schemathesis, seed 7: ``"period": 55.0`` (an integer to JSON Schema) reached
    ``timedelta`` as ``Decimal`` and raised TypeError, a text/plain 500."""
    answer = api("crosstrade").post(
        "/v1/api/market/bars",
        content=b'{"instrument": "ES 12-25", "periodType": "second", "period": 55.0, "limit": 3.0}',
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 200, answer.text
    assert (answer.json()["period"], answer.json()["count"]) == (55, 3)


def test_crosstrade_an_empty_instrument_query_is_a_400(api: Api) -> None:
    assert api("crosstrade").get("/v1/api/market/quote", params={"instrument": ""}).status_code == 400


def test_tradestation_jsonp_keeps_answering_200_for_a_bad_api_version_and_a_non_ascii_callback(api: Api) -> None:
    c = api("tradestation")
    token = c.headers["authorization"].removeprefix("Bearer ")
    response = c.get(
        "/v2/jsonp/orders/send",
        params={"data": "{}", "APIVersion": "x;y", "oauth_token": token, "callback": "\u00e9cb"},
    )
    assert response.status_code == 200
    assert response.text.startswith("\u00e9cb(") and '"StatusCode":400' in response.text
    assert response.headers["jsonp-callback"] == "%C3%A9cb"


def test_allow_lists_only_the_methods_of_the_most_literal_path(api: Api) -> None:
    """``.../orders/place`` is POST only, even though ``.../orders/{orderId}`` has a GET."""
    response = api("crosstrade").get("/v1/api/accounts/Sim101/orders/place")
    assert response.status_code == 405 and response.headers["allow"] == "POST"
