"""The sandbox accepts what the real brokers accept: the vendors' own example requests and their
case variants, sent as independent clients send them (issue 22).

Each lenient sandbox here is ``Sandbox(strict=True, lenient=True)``: its answers are still checked
against the spec, so a request rewritten into the spec's spelling must also get a spec answer.
``Sandbox(strict=True)`` alone keeps the spec's letter, which the facade's tests rely on.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest

from orderbridge_sandbox import ManualClock, Sandbox

from ._sandbox_support import V2, client, login

TOKEN_FORM = {  # the demo credentials, in the refresh-token grant the sandbox issues tokens for
    "grant_type": "refresh_token",
    "client_id": "demo-client",
    "client_secret": "demo-secret",
    "refresh_token": "demo-refresh",
}
CONFIRM_EXAMPLE: dict[str, Any] = {  # TradeStation v2 legacy docs, "Confirm Order" page, verbatim
    "AccountKey": 11234,
    "AssetType": "EQ",
    "Duration": "DAY",
    "GTDDate": "",
    "LimitPrice": 0.0,
    "OrderID": "",
    "OrderType": "Market",
    "Quantity": 100,
    "Route": "Intelligent",
    "StopPrice": 0.0,
    "Symbol": "IBM",
    "TradeAction": "buy",
}
PLACE_EXAMPLE: dict[str, Any] = {  # TradeStation v2 legacy docs, "Place Order" page, with numbers
    "AccountKey": "123456",
    "AssetType": "EQ",
    "Duration": "DYP",
    "LimitPrice": "1.00",
    "OrderType": "Limit",
    "Quantity": 10,
    "Symbol": "ARNA",
    "TradeAction": "Buy",
}
TOPSTEPX_ORDER: dict[str, Any] = {  # ProjectX docs, Order/place example
    "accountId": 465,
    "contractId": "CON.F.US.DA6.M25",
    "type": 2,
    "side": 1,
    "size": 1,
}


@pytest.fixture
def lenient() -> Sandbox:
    return Sandbox(strict=True, lenient=True, clock=ManualClock())


@pytest.fixture
def strict() -> Sandbox:
    return Sandbox(strict=True, clock=ManualClock())


def _client(sandbox: Sandbox, broker: str) -> Iterator[httpx.Client]:
    with client(sandbox, broker, login(sandbox, broker)) as c:
        yield c


# -- TradeStation ----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/v2/Security/Authorize", "/v2/security/authorize", "/V2/SECURITY/AUTHORIZE"])
def test_tradestation_token_endpoint_in_the_vendors_spelling_and_any_case(lenient: Sandbox, path: str) -> None:
    with client(lenient, "tradestation") as c:
        answer = c.post(path, data=TOKEN_FORM)
    assert answer.status_code == 200, answer.text
    assert answer.json()["userid"] == "testUser" and answer.json()["access_token"]


@pytest.mark.parametrize("path", ["/v2/Orders/Confirm", "/v2/orders/confirm", "/V2/ORDERS/CONFIRM"])
def test_tradestation_confirm_example_with_numbers_and_lower_case_action(lenient: Sandbox, path: str) -> None:
    for c in _client(lenient, "tradestation"):
        answer = c.post(path, params=V2, json=CONFIRM_EXAMPLE)
        assert answer.status_code == 200, answer.text
        [confirmation] = answer.json() if isinstance(answer.json(), list) else [answer.json()]
        assert "100" in confirmation["SummaryMessage"] and "IBM" in confirmation["SummaryMessage"]


@pytest.mark.parametrize("action", ["Buy", "buy", "BUY", "bUy"])
def test_tradestation_place_example_with_numeric_quantity_and_mixed_case_action(lenient: Sandbox, action: str) -> None:
    for c in _client(lenient, "tradestation"):
        answer = c.post("/v2/Orders", params=V2, json={**PLACE_EXAMPLE, "TradeAction": action})
        assert answer.status_code == 200, answer.text
    [order] = lenient.orders("tradestation")
    assert (order.side, order.quantity, order.instrument) == ("buy", Decimal("10"), "ARNA")


def test_tradestation_strict_keeps_the_spec_letter_and_names_the_field(strict: Sandbox) -> None:
    for c in _client(strict, "tradestation"):
        assert c.post("/v2/Security/Authorize", data=TOKEN_FORM).status_code == 404
        answer = c.post("/v2/orders/confirm", params=V2, json={**CONFIRM_EXAMPLE, "AccountKey": "11234"})
        assert answer.status_code == 400
        message = answer.json()["Message"]
        assert message.startswith("Invalid Request. Order input is incomplete, missing field: ")
        assert "Quantity" in message or "LimitPrice" in message or "TradeAction" in message
    assert strict.orders("tradestation") == []


def test_tradestation_what_no_allowance_covers_is_still_refused_naming_the_field(lenient: Sandbox) -> None:
    for c in _client(lenient, "tradestation"):
        answer = c.post("/v2/orders", params=V2, json={**PLACE_EXAMPLE, "TradeAction": "Purchase"})
        assert answer.status_code == 400
        assert "TradeAction" in answer.json()["Message"]
        fraction = c.post("/v2/orders", params=V2, json={**PLACE_EXAMPLE, "Quantity": True})
        assert fraction.status_code == 400 and "Quantity" in fraction.json()["Message"]
    assert lenient.orders("tradestation") == []


# -- TopstepX --------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/Order/place", "/api/order/place", "/API/ORDER/PLACE"])
def test_topstepx_path_case_is_ignored(lenient: Sandbox, path: str) -> None:
    for c in _client(lenient, "topstepx"):
        answer = c.post(path, json=TOPSTEPX_ORDER)
        assert answer.status_code == 200 and answer.json()["success"] is True, answer.text


def test_topstepx_property_case_and_unknown_fields_are_ignored(lenient: Sandbox) -> None:
    pascal = {key[:1].upper() + key[1:] for key in TOPSTEPX_ORDER}
    body = {key[:1].upper() + key[1:]: value for key, value in TOPSTEPX_ORDER.items()}
    assert set(body) == pascal
    for c in _client(lenient, "topstepx"):
        answer = c.post(
            "/api/Order/place", json={**body, "CUSTOMTAG": "lenient-1", "clientNote": "ignored", "extra": {"a": 1}}
        )
        assert answer.status_code == 200 and answer.json()["success"] is True, answer.text
        nested = c.post("/api/order/v2/QUERY", json={"Filter": {"AccountID": 465}, "PageSize": 10, "Sort": None})
        assert nested.status_code == 200, nested.text
    [order] = lenient.orders("topstepx")
    assert (order.account, order.client_order_id, order.side) == ("465", "lenient-1", "sell")


def test_topstepx_strict_refuses_case_variants_and_unknown_fields(strict: Sandbox) -> None:
    for c in _client(strict, "topstepx"):
        assert c.post("/api/order/place", json=TOPSTEPX_ORDER).status_code == 404
        unknown = c.post("/api/Order/place", json={**TOPSTEPX_ORDER, "clientNote": "x"})
        assert unknown.status_code == 400 and "ClientNote" in unknown.json()["errors"]
    assert strict.orders("topstepx") == []


def test_the_default_sandbox_is_lenient_and_strict_is_not() -> None:
    assert Sandbox().lenient and not Sandbox(strict=True).lenient
    assert Sandbox(strict=True, lenient=True).lenient and not Sandbox(lenient=False).lenient
