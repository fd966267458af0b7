"""Native order groups at the brokers' production URLs (respx): the exact request each broker
gets for a bracket or an OCO, checked against the spec and its vendor examples, and the mapping
of each documented answer to per-leg outcomes."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx

import orderbridge as ob
from tests._specs import load_spec, validate_request

TOPSTEPX = {"username": "tsx-user", "api_key": "tsx-api-key"}
TRADESTATION = {"client_id": "ts-client-id", "client_secret": "ts-client-secret", "refresh_token": "ts-refresh"}
CROSSTRADE = {"token": "ct-secret-key"}


def example(broker: str, path: str, name: str, *, request: bool = True, status: str = "200") -> Any:
    op = load_spec(broker)["paths"][path]["post"]
    node = op["requestBody"] if request else op["responses"][status]
    return copy.deepcopy(node["content"]["application/json"]["examples"][name]["value"])


def session(broker: str, router: respx.Router, credentials: dict[str, str]) -> ob.Session:
    return ob.connect(broker, credentials=credentials, transport=httpx.MockTransport(router.handler))


def body(request: httpx.Request) -> Any:
    return json.loads(request.content, parse_float=Decimal)


# -- TopstepX: brackets in ticks on Order/place ---------------------------------------------------------
def topstepx_router(place_answer: dict[str, Any], tick_size: str = "0.25") -> respx.Router:
    router = respx.Router(base_url="https://api.topstepx.com", assert_all_called=False)
    router.post("/api/Auth/loginKey").respond(json={"token": "t", "success": True, "errorCode": 0})
    contract = {
        "id": "CON.F.US.EP.U25",
        "name": "ESU5",
        "description": "E-mini S&P 500",
        "tickSize": 0,
        "tickValue": 12.5,
    }
    router.post("/api/Contract/searchById").respond(
        content=json.dumps({"contract": contract, "success": True, "errorCode": 0, "errorMessage": None}).replace(
            '"tickSize": 0', f'"tickSize": {tick_size}'
        ),
        headers={"content-type": "application/json"},
    )
    router.post("/api/Order/place").respond(json=place_answer)
    return router


ES_LIMIT_BUY = ob.Order(
    instrument="CON.F.US.EP.U25", side="buy", type="limit", quantity=Decimal(2), limit_price=Decimal("6300.25")
)


def test_topstepx_bracket_is_one_order_with_signed_ticks_from_the_entry_price() -> None:
    router = topstepx_router(example("topstepx", "/api/Order/place", "success", request=False))
    with session("topstepx", router, TOPSTEPX) as s:
        result = s.place_bracket(
            ES_LIMIT_BUY, account="465", take_profit=Decimal("6305.25"), stop_loss=Decimal("6297.75")
        )
    place = router.routes[2].calls.last.request
    sent = body(place)
    validate_request("topstepx", place)
    vendor = example("topstepx", "/api/Order/place", "market_with_brackets")
    assert set(sent["stopLossBracket"]) == set(vendor["stopLossBracket"]) == {"ticks", "type"}
    assert sent == {
        "accountId": 465,
        "contractId": "CON.F.US.EP.U25",
        "type": 1,
        "side": 0,
        "size": 2,
        "limitPrice": Decimal("6300.25"),
        "customTag": result.entry.client_order_id,
        "takeProfitBracket": {"ticks": 20, "type": 1},  # (6305.25 - 6300.25) / 0.25, a Limit
        "stopLossBracket": {"ticks": -10, "type": 4},  # (6297.75 - 6300.25) / 0.25, a Stop
    }
    assert body(router.routes[1].calls.last.request) == {"contractId": "CON.F.US.EP.U25"}
    assert result.accepted and result.entry.order_id == "9056"
    assert result.take_profit is not None and result.take_profit.result is None  # made by the broker on fill
    assert result.stop_loss is not None and result.stop_loss.order.side is ob.Side.SELL


def test_topstepx_refuses_a_price_off_the_tick_grid_naming_it() -> None:
    router = topstepx_router(example("topstepx", "/api/Order/place", "success", request=False))
    with session("topstepx", router, TOPSTEPX) as s, pytest.raises(ob.InvalidOrder) as refused:
        s.place_bracket(ES_LIMIT_BUY, account="465", take_profit=Decimal("6305.30"))
    assert refused.value.field == "take_profit" and "0.25 tick grid" in str(refused.value)
    assert not router.routes[2].called  # nothing placed


def test_topstepx_position_bracket_mode_is_a_refusal() -> None:
    router = topstepx_router(example("topstepx", "/api/Order/place", "rejected_bracket_mode", request=False))
    with session("topstepx", router, TOPSTEPX) as s, pytest.raises(ob.OrderRejected) as refused:
        s.place_bracket(ES_LIMIT_BUY, account="465", stop_loss=Decimal("6290"))
    assert refused.value.code == 2 and refused.value.order_id == "9057"


def test_topstepx_market_entry_and_oco_are_refused_before_sending() -> None:
    router = topstepx_router({})
    market = ob.Order(instrument="CON.F.US.EP.U25", side="buy", quantity=Decimal(1))
    with session("topstepx", router, TOPSTEPX) as s:
        with pytest.raises(ob.InvalidOrder, match="market entry"):
            s.place_bracket(market, account="465", stop_loss=Decimal("6290"))
        with pytest.raises(ob.NotSupported) as oco:
            s.place_oco(ES_LIMIT_BUY, ES_LIMIT_BUY, account="465")
    assert oco.value.feature == "place_oco"
    assert not router.routes[2].called


def test_a_lost_bracket_answer_is_unknown_with_every_legs_id() -> None:
    router = topstepx_router({})
    place = router.post("/api/Order/place")
    place.side_effect = httpx.ReadTimeout("lost")
    with session("topstepx", router, TOPSTEPX) as s, pytest.raises(ob.OutcomeUnknown) as lost:
        s.place_bracket(ES_LIMIT_BUY, account="465", take_profit=Decimal("6310"), stop_loss=Decimal("6290"))
    assert set(lost.value.legs) == {"entry", "take_profit", "stop_loss"}
    assert lost.value.legs["entry"] == lost.value.client_order_id
    assert len(set(lost.value.legs.values())) == 3
    assert place.call_count == 1  # never re-sent


@pytest.mark.parametrize(
    ("take_profit", "stop_loss", "field"),
    [
        (None, None, "take_profit"),
        ("6290", None, "take_profit"),
        (None, "6301", "stop_loss"),
        (6305.5, None, "take_profit"),
    ],
)
def test_bracket_prices_on_the_wrong_side_are_refused(take_profit: Any, stop_loss: Any, field: str) -> None:
    router = topstepx_router({})
    with session("topstepx", router, TOPSTEPX) as s, pytest.raises(ob.InvalidOrder) as refused:
        s.place_bracket(ES_LIMIT_BUY, account="465", take_profit=take_profit, stop_loss=stop_loss)
    assert refused.value.field == field
    assert not router.calls


# -- TradeStation: OCO group and OSO brackets ------------------------------------------------------------
def tradestation_router() -> respx.Router:
    router = respx.Router(base_url="https://api.tradestation.com", assert_all_called=False)
    router.post("/v2/security/authorize").respond(
        json={"access_token": "ts-token", "expires_in": 1200, "token_type": "AccessToken", "userid": "u"}
    )
    return router


def test_tradestation_bracket_sends_the_exits_as_a_brk_group_in_the_entrys_osos() -> None:
    router = tradestation_router()
    router.post("/v2/orders").respond(json=[{"Message": "Sent order", "OrderID": "207887693", "OrderStatus": "Ok"}])
    entry = ob.Order(instrument="ARNA", side="buy", type="limit", quantity=Decimal(10), limit_price=Decimal("3.00"))
    with session("tradestation", router, TRADESTATION) as s:
        result = s.place_bracket(entry, account="123456", take_profit=Decimal("5.00"), stop_loss=Decimal("1.25"))
    request = router.routes[1].calls.last.request
    validate_request("tradestation", request)
    sent = body(request)
    (group,) = sent.pop("OSOs")
    assert sent["OrderConfirmId"] == result.entry.client_order_id and sent["TradeAction"] == "BUY"
    # The vendor's own BRK example (send-group-order page), for one account, plus our client ids.
    vendor = example("tradestation", "/v2/orders/groups", "bracket")
    for order in vendor["Orders"]:
        order["AccountKey"] = "123456"
    ids = [o.pop("OrderConfirmId") for o in group["Orders"]]
    assert group == vendor
    assert ids == [result.take_profit.client_order_id, result.stop_loss.client_order_id]  # type: ignore[union-attr]


def test_tradestation_oco_is_one_group_request() -> None:
    router = tradestation_router()
    answer = example("tradestation", "/v2/orders/groups", "both_sent", request=False)
    router.post("/v2/orders/groups", params={"APIVersion": "20160101"}).respond(json=answer)
    buy = ob.Order(instrument="WMT", side="buy", type="limit", quantity=Decimal(10), limit_price=Decimal("0.25"))
    sell = ob.Order(instrument="WMT", side="sell", type="limit", quantity=Decimal(10), limit_price=Decimal("2.00"))
    with session("tradestation", router, TRADESTATION) as s:
        result = s.place_oco(buy, sell, account="123456")
    request = router.routes[1].calls.last.request
    validate_request("tradestation", request)
    sent = body(request)
    assert sent["Type"] == "OCO" and [o["TradeAction"] for o in sent["Orders"]] == ["BUY", "SELL"]
    assert [o["LimitPrice"] for o in sent["Orders"]] == ["0.25", "2.00"]
    assert [leg.order_id for leg in result.legs] == ["207887717", "207887718"] and result.accepted


def test_tradestation_oco_maps_each_documented_answer() -> None:
    buy = ob.Order(instrument="WMT", side="buy", type="limit", quantity=Decimal(10), limit_price=Decimal("0.25"))
    sell = ob.Order(instrument="WMT", side="sell", type="limit", quantity=Decimal(10), limit_price=Decimal("2.00"))
    failed = example("tradestation", "/v2/orders/groups", "both_failed", request=False)
    sent = example("tradestation", "/v2/orders/groups", "both_sent", request=False)
    router = tradestation_router()
    route = router.post("/v2/orders/groups")
    with session("tradestation", router, TRADESTATION) as s:
        route.respond(json=failed)
        with pytest.raises(ob.OrderRejected) as refused:
            s.place_oco(buy, sell, account="123456")
        route.respond(json=[sent[0], failed[1]])
        half = s.place_oco(buy, sell, account="123456")
        route.respond(
            400, json=example("tradestation", "/v2/orders/groups", "need_a_pair", request=False, status="400")
        )
        with pytest.raises(ob.OrderRejected):
            s.place_oco(buy, sell, account="123456")
        route.respond(json=[sent[0]])  # one result for two orders: not an answer we can trust
        with pytest.raises(ob.OutcomeUnknown) as unknown:
            s.place_oco(buy, sell, account="123456")
    assert refused.value.code_name == "OrderFailed" and refused.value.order_may_exist is False
    assert not half.accepted and isinstance(half.legs[1].result, ob.OrderRejected) and half.legs[0].order_id
    assert set(unknown.value.legs) == {"first", "second"}


# -- CrossTrade: two placements sharing an ocoId -----------------------------------------------------------
def test_crosstrade_oco_is_two_placements_sharing_one_oco_id() -> None:
    router = respx.Router(base_url="https://app.crosstrade.io", assert_all_called=False)
    place = router.post("/v1/api/accounts/Sim101/orders/place")
    place.side_effect = [
        httpx.Response(200, json={"orderId": "a" * 32, "success": True}),
        httpx.Response(200, json={"orderId": "b" * 32, "success": True}),
    ]
    stop = ob.Order(
        instrument="MES 12-25",
        side="sell",
        type="stop_limit",
        quantity=Decimal(1),
        limit_price=Decimal("5490.25"),
        stop_price=Decimal("5490.5"),
    )
    target = ob.Order(
        instrument="MES 12-25", side="sell", type="limit", quantity=Decimal(1), limit_price=Decimal("5510")
    )
    with session("crosstrade", router, CROSSTRADE) as s:
        result = s.place_oco(stop, target, account="Sim101")
    first, second = (body(call.request) for call in place.calls)
    for call in place.calls:
        validate_request("crosstrade", call.request)
    vendor = example("crosstrade", "/v1/api/accounts/{account}/orders/place", "stop_limit_oco_atm")
    vendor.pop("strategy")
    first_without_id = {k: v for k, v in first.items() if k not in ("orderId", "ocoId")}
    assert first_without_id == {k: v for k, v in vendor.items() if k != "ocoId"}
    assert first["ocoId"] == second["ocoId"] == result.group_id
    assert [first["orderId"], second["orderId"]] == [leg.client_order_id for leg in result.legs]
    assert result.accepted and [leg.order_id for leg in result.legs] == ["a" * 32, "b" * 32]


def test_crosstrade_second_refusal_leaves_the_first_reported_working() -> None:
    router = respx.Router(base_url="https://app.crosstrade.io", assert_all_called=False)
    router.post("/v1/api/accounts/Sim101/orders/place").side_effect = [
        httpx.Response(200, json={"orderId": "a" * 32, "success": True}),
        httpx.Response(400, json={"error": "Invalid order"}),
    ]
    a = ob.Order(instrument="MES 12-25", side="sell", type="limit", quantity=Decimal(1), limit_price=Decimal("5510"))
    b = ob.Order(instrument="MES 12-25", side="sell", type="stop", quantity=Decimal(1), stop_price=Decimal("5480"))
    with session("crosstrade", router, CROSSTRADE) as s:
        result = s.place_oco(a, b, account="Sim101")
    assert not result.accepted
    assert result.legs[0].order_id == "a" * 32 and isinstance(result.legs[1].result, ob.OrderRejected)


def test_crosstrade_bracket_and_sophic_groups_are_not_supported() -> None:
    order = ob.Order(instrument="MES 12-25", side="buy", type="limit", quantity=Decimal(1), limit_price=Decimal("5500"))
    router = respx.Router(assert_all_called=False)
    with session("crosstrade", router, CROSSTRADE) as s, pytest.raises(ob.NotSupported, match="ATM strategy"):
        s.place_bracket(order, account="Sim101", stop_loss=Decimal("5490"))
    sophic = ob.Order(instrument="ins_xyz789", side="buy", cash_amount=Decimal("100.00"))
    with session("sophic", router, {"client_id": "c", "client_secret": "s"}) as s:
        with pytest.raises(ob.NotSupported):
            s.place_oco(sophic, sophic, account="acc_1")
        with pytest.raises(ob.NotSupported):
            s.place_bracket(sophic, account="acc_1", stop_loss=Decimal("1"))
    assert not router.calls


def test_capabilities_list_the_native_groups() -> None:
    table = {
        b: (ob.capabilities(b).operations["place_bracket"][0], ob.capabilities(b).operations["place_oco"][0])
        for b in ob.BROKERS
    }
    Y, N = ob.Support.YES, ob.Support.NO
    assert table == {"topstepx": (Y, N), "crosstrade": (N, Y), "tradestation": (Y, Y), "sophic": (N, N)}


# -- the async twins ----------------------------------------------------------------------------------------
def test_the_async_twins_send_the_same_groups() -> None:
    import asyncio

    router = tradestation_router()
    router.post("/v2/orders").respond(json=[{"Message": "Sent order", "OrderID": "207887693", "OrderStatus": "Ok"}])
    router.post("/v2/orders/groups").respond(
        json=example("tradestation", "/v2/orders/groups", "both_sent", request=False)
    )
    buy = ob.Order(instrument="WMT", side="buy", type="limit", quantity=Decimal(10), limit_price=Decimal("0.25"))
    sell = ob.Order(instrument="WMT", side="sell", type="limit", quantity=Decimal(10), limit_price=Decimal("2.00"))

    async def run() -> tuple[ob.BracketResult, ob.GroupResult]:
        async with ob.connect_async(
            "tradestation", credentials=TRADESTATION, transport=httpx.MockTransport(router.async_handler)
        ) as s:
            bracket = await s.place_bracket(buy, account="123456", take_profit=Decimal("0.50"))
            return bracket, await s.place_oco(buy, sell, account="123456")

    bracket, oco = asyncio.run(run())
    (group,) = body(router.routes[1].calls.last.request)["OSOs"]
    assert group["Type"] == "NORMAL" and [o["LimitPrice"] for o in group["Orders"]] == ["0.50"]  # one exit only
    assert bracket.stop_loss is None and bracket.entry.order_id == "207887693"
    assert body(router.routes[2].calls.last.request)["Type"] == "OCO" and oco.accepted
