"""The rest of an order's life: modify, open orders, positions, balances, fills, close,
cancel-all and flatten — the exact request each broker gets, and the mapping of each documented
answer (the vendors' own examples from the specs), error codes included.

Every captured request is also validated against the spec (an outside truth for the shape),
and numbers are compared with the digits of the vendor's example text.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox.spec import validate_request

from . import helpers as h

CASE = h.BY_BROKER
AUTH_PATHS = {"/api/Auth/loginKey", "/v2/security/authorize", "/auth/token"}


def _call(
    case: h.Case, routes: dict[tuple[str, str], Any], method: str, *args: Any, async_: bool = False, **kw: Any
) -> tuple[Any, list[httpx.Request]]:
    rec = case.recorder()
    for (verb, path), answer in routes.items():
        rec.set(verb, path, answer)
    outcome = h.run(h.open_session(case, rec, async_=async_), method, *args, **kw)
    sent = [r for r in rec.requests if r.url.path not in AUTH_PATHS]
    for request in sent:
        validate_request(case.broker, request)
    assert rec.unrouted == [], [f"{r.method} {r.url}" for r in rec.unrouted]
    return outcome, sent


def ex(broker: str, path: str, method: str, status: str, name: str) -> h.Reply:
    return h.reply(int(status), json=h.spec_example(broker, path, method, status, name))


# -- TopstepX -------------------------------------------------------------------------------------

TSX_MODIFY = "/api/Order/modify"


def test_topstepx_modify_request_and_same_id() -> None:
    answer = ex("topstepx", TSX_MODIFY, "post", "200", "success")
    order, sent = _call(
        h.TOPSTEPX, {("POST", TSX_MODIFY): answer}, "modify_order", "26974", account="465", stop_price=Decimal("1604")
    )
    assert isinstance(order, ob.BrokerOrder), order
    assert (order.order_id, order.account) == ("26974", "465")
    assert [r.url.path for r in sent] == [TSX_MODIFY]
    assert h.body(sent[0]) == {"accountId": 465, "orderId": 26974, "stopPrice": 1604}


def test_topstepx_modify_sends_exact_digits_and_only_changed_fields() -> None:
    answer = ex("topstepx", TSX_MODIFY, "post", "200", "success")
    _, sent = _call(
        h.TOPSTEPX,
        {("POST", TSX_MODIFY): answer},
        "modify_order",
        "26974",
        account="465",
        quantity=2,
        limit_price="6300.25",
    )
    assert h.body(sent[0]) == {"accountId": 465, "orderId": 26974, "size": 2, "limitPrice": Decimal("6300.25")}


@pytest.mark.parametrize(
    ("code", "error_type", "code_name"),
    [
        (2, ob.OrderNotFound, "ORDER_NOT_FOUND"),
        (3, ob.OrderRejected, "REJECTED"),
        (4, ob.OutcomeUnknown, "PENDING"),
        (5, ob.OutcomeUnknown, "UNKNOWN_ERROR"),
        (99, ob.OutcomeUnknown, None),
    ],
)
def test_topstepx_modify_codes(code: int, error_type: type[Any], code_name: str | None) -> None:
    answer = h.reply(json={"success": False, "errorCode": code, "errorMessage": None})
    error, sent = _call(h.TOPSTEPX, {("POST", TSX_MODIFY): answer}, "modify_order", "26974", account="465", quantity=1)
    assert type(error) is error_type, error
    assert error.code_name == code_name
    assert len(sent) == 1
    if error_type is ob.OutcomeUnknown:
        assert error.order_id == "26974"  # reconcile by reading this order again
        assert "get_order('26974')" in str(error)


@pytest.mark.parametrize(
    ("path", "kwargs"),
    [
        (TSX_MODIFY, {"method": "modify_order", "args": ("26974",), "quantity": 1}),
        ("/api/Position/closeContract", {"method": "close_position", "args": ("CON.F.US.MES.Z25",)}),
        (
            "/api/Position/partialCloseContract",
            {"method": "close_position", "args": ("CON.F.US.MES.Z25",), "quantity": 1},
        ),
    ],
)
@pytest.mark.parametrize(
    "envelope",
    [
        {"success": True, "errorCode": False, "errorMessage": None},  # a boolean where the int code belongs
        {"success": "true", "errorCode": 0, "errorMessage": None},  # a string where the boolean belongs
        {"success": True, "errorMessage": None},  # no errorCode at all
    ],
)
def test_topstepx_money_moving_envelope_is_read_strictly(
    path: str, kwargs: dict[str, Any], envelope: dict[str, Any]
) -> None:
    # The gateway documents success as a JSON boolean and errorCode as a JSON integer; an answer
    # that breaks either is never taken as done (the generated enum parser reads false as 0).
    kw = dict(kwargs)
    method, args = kw.pop("method"), kw.pop("args")
    error, sent = _call(h.TOPSTEPX, {("POST", path): h.reply(json=envelope)}, method, *args, account="465", **kw)
    assert type(error) is ob.OutcomeUnknown, error
    assert len(sent) == 1  # sent once, not retried


def test_topstepx_modify_is_never_retried() -> None:
    error, sent = _call(
        h.TOPSTEPX, {("POST", TSX_MODIFY): [h.reply(500), h.reply(500)]}, "modify_order", "7", account="465", quantity=1
    )
    assert type(error) is ob.OutcomeUnknown
    assert len(sent) == 1
    error, sent = _call(
        h.TOPSTEPX, {("POST", TSX_MODIFY): h.Raise(httpx.ReadTimeout)}, "modify_order", "7", account="465", quantity=1
    )
    assert type(error) is ob.OutcomeUnknown and error.order_id == "7"
    assert len(sent) == 1


def test_topstepx_open_orders_vendor_example() -> None:
    answer = ex("topstepx", "/api/Order/searchOpen", "post", "200", "success")
    orders, sent = _call(h.TOPSTEPX, {("POST", "/api/Order/searchOpen"): answer}, "open_orders", account="212")
    assert h.body(sent[0]) == {"accountId": 212}
    assert [(o.order_id, o.status, o.broker_status) for o in orders] == [("26970", ob.OrderStatus.OPEN, "OPEN")]


# The vendor's literal text (docs, search-open-positions): the YAML example loses the
# trailing zeros, so the bytes are given as the Gateway sends them.
TSX_POSITIONS_TEXT = (
    b'{"positions":[{"id":6124,"accountId":536,"contractId":"CON.F.US.GMET.J25",'
    b'"creationTimestamp":"2025-04-21T19:52:32.175721+00:00","type":1,"size":2,'
    b'"averagePrice":1575.750000000}],"success":true,"errorCode":0,"errorMessage":null}'
)


def test_topstepx_positions_vendor_example() -> None:
    answer = h.Reply(content=TSX_POSITIONS_TEXT, headers={"content-type": "application/json"})
    positions, sent = _call(h.TOPSTEPX, {("POST", "/api/Position/searchOpen"): answer}, "positions", account="536")
    assert h.body(sent[0]) == {"accountId": 536}
    assert positions == [
        ob.Position(
            broker="topstepx",
            account="536",
            instrument="CON.F.US.GMET.J25",
            quantity=Decimal(2),
            average_price=Decimal("1575.750000000"),  # the wire's digits, not a float's
        )
    ]
    assert str(positions[0].average_price) == "1575.750000000"


def test_topstepx_short_position_is_negative() -> None:
    answer = ex("topstepx", "/api/Position/searchOpen", "post", "200", "success")
    answer.json["positions"][0]["type"] = 2
    positions, _ = _call(h.TOPSTEPX, {("POST", "/api/Position/searchOpen"): answer}, "positions", account="536")
    assert positions[0].quantity == Decimal(-2)


@pytest.mark.parametrize(
    "envelope",
    [
        {"positions": None, "success": True, "errorCode": 0, "errorMessage": None},
        {"success": True, "errorCode": 0, "errorMessage": None},
    ],
)
def test_topstepx_missing_positions_list_is_unexpected_not_flat(envelope: dict[str, Any]) -> None:
    error, _ = _call(
        h.TOPSTEPX, {("POST", "/api/Position/searchOpen"): h.reply(json=envelope)}, "positions", account="536"
    )
    assert type(error) is ob.UnexpectedResponse


def test_topstepx_positions_account_not_found() -> None:
    answer = ex("topstepx", "/api/Position/searchOpen", "post", "200", "account_not_found")
    error, _ = _call(h.TOPSTEPX, {("POST", "/api/Position/searchOpen"): answer}, "positions", account="536")
    assert type(error) is ob.OrderRejected and error.code_name == "ACCOUNT_NOT_FOUND"


def test_topstepx_fills_vendor_example() -> None:
    answer = ex("topstepx", "/api/Trade/search", "post", "200", "success")
    since = dt.datetime(2025, 1, 20, 15, 47, 39, 882000, tzinfo=dt.UTC)
    fills, sent = _call(h.TOPSTEPX, {("POST", "/api/Trade/search"): answer}, "fills", account="203", since=since)
    assert h.body(sent[0]) == {"accountId": 203, "startTimestamp": "2025-01-20T15:47:39.882000+00:00"}
    assert [(f.fill_id, f.order_id, f.side, f.quantity, str(f.price)) for f in fills] == [
        ("8603", "14326", ob.Side.BUY, Decimal(1), "6064.25"),
        ("8604", "14328", ob.Side.SELL, Decimal(1), "6065.25"),
    ]
    assert fills[0].time == dt.datetime(2025, 1, 21, 16, 13, 4, 142302, tzinfo=dt.UTC)


def test_topstepx_voided_fill_is_skipped() -> None:
    answer = ex("topstepx", "/api/Trade/search", "post", "200", "success")
    answer.json["trades"][0]["voided"] = True
    fills, _ = _call(h.TOPSTEPX, {("POST", "/api/Trade/search"): answer}, "fills", account="203")
    assert [f.fill_id for f in fills] == ["8603"]


def test_topstepx_fill_without_price_is_unexpected() -> None:
    answer = ex("topstepx", "/api/Trade/search", "post", "200", "success")
    del answer.json["trades"][0]["price"]
    error, _ = _call(h.TOPSTEPX, {("POST", "/api/Trade/search"): answer}, "fills", account="203")
    assert type(error) is ob.UnexpectedResponse


def test_topstepx_balances_vendor_example() -> None:
    answer = ex("topstepx", "/api/Account/search", "post", "200", "with_balance")
    balance, sent = _call(h.TOPSTEPX, {("POST", "/api/Account/search"): answer}, "balances", account="1")
    assert h.body(sent[0]) == {"onlyActiveAccounts": False}
    assert (balance.cash, balance.buying_power, balance.equity, balance.currency) == (
        Decimal(50000),
        None,
        None,
        "USD",
    )


def test_topstepx_close_whole_and_partial() -> None:
    whole = ex("topstepx", "/api/Position/closeContract", "post", "200", "success")
    result, sent = _call(
        h.TOPSTEPX,
        {("POST", "/api/Position/closeContract"): whole},
        "close_position",
        "CON.F.US.GMET.J25",
        account="536",
    )
    assert result is None
    assert h.body(sent[0]) == {"accountId": 536, "contractId": "CON.F.US.GMET.J25"}
    part = ex("topstepx", "/api/Position/partialCloseContract", "post", "200", "success")
    result, sent = _call(
        h.TOPSTEPX,
        {("POST", "/api/Position/partialCloseContract"): part},
        "close_position",
        "CON.F.US.GMET.J25",
        account="536",
        quantity=1,
    )
    assert result is None
    assert h.body(sent[0]) == {"accountId": 536, "contractId": "CON.F.US.GMET.J25", "size": 1}


@pytest.mark.parametrize(
    ("path", "example", "error_type", "code_name"),
    [
        ("/api/Position/closeContract", "position_not_found", ob.OrderRejected, "POSITION_NOT_FOUND"),
        ("/api/Position/partialCloseContract", "invalid_close_size", ob.OrderRejected, "INVALID_CLOSE_SIZE"),
        ("/api/Position/partialCloseContract", "order_rejected_market_closed", ob.OrderRejected, "ORDER_REJECTED"),
    ],
)
def test_topstepx_close_refusals(path: str, example: str, error_type: type[Any], code_name: str) -> None:
    answer = ex("topstepx", path, "post", "200", example)
    quantity = 1 if "partial" in path else None
    error, sent = _call(h.TOPSTEPX, {("POST", path): answer}, "close_position", "X", account="536", quantity=quantity)
    assert isinstance(error, error_type) and error.code_name == code_name, error
    assert len(sent) == 1


def test_topstepx_close_pending_is_unknown() -> None:
    answer = h.reply(json={"success": False, "errorCode": 6, "errorMessage": None})
    error, sent = _call(
        h.TOPSTEPX, {("POST", "/api/Position/closeContract"): answer}, "close_position", "X", account="5"
    )
    assert type(error) is ob.OutcomeUnknown and error.code_name == "ORDER_PENDING"
    assert len(sent) == 1


# -- CrossTrade -----------------------------------------------------------------------------------

CT = "/v1/api/accounts/Sim101"


def _ct_modify(order_id: str, status: str, example: str, **change: Any) -> tuple[Any, list[httpx.Request]]:
    """``modify_order`` at CrossTrade, answered with the spec's ``example`` for ``status``."""
    answer = ex("crosstrade", "/v1/api/accounts/{account}/orders/{orderId}/change", "put", status, example)
    routes = {("PUT", f"{CT}/orders/{order_id}/change"): answer}
    return _call(h.CROSSTRADE, routes, "modify_order", order_id, account="Sim101", **change)


def test_crosstrade_modify_request() -> None:
    order, sent = _ct_modify("492281fc515e431692da57d957cfebb6", "200", "changed", limit_price=Decimal("5800.25"))
    assert order.order_id == "492281fc515e431692da57d957cfebb6"
    assert sent[0].method == "PUT" and h.body(sent[0]) == {"limitPrice": Decimal("5800.25")}


def test_crosstrade_modify_terminal_order_is_not_found() -> None:
    error, _ = _ct_modify("ce0a8e5002ea463e856eb6384f5cee7e", "400", "not_found", quantity=2)
    assert type(error) is ob.OrderNotFound


def test_crosstrade_modify_bridge_timeout_is_unknown() -> None:
    error, sent = _ct_modify("abc", "408", "addon_offline", quantity=2)
    assert type(error) is ob.OutcomeUnknown and error.order_id == "abc"
    assert len(sent) == 1


def test_crosstrade_modify_cannot_change_trail_price() -> None:
    rec = h.CROSSTRADE.recorder()
    error = h.run(h.open_session(h.CROSSTRADE, rec), "modify_order", "abc", account="Sim101", trail_price=Decimal(2))
    assert type(error) is ob.NotSupported and error.feature == "trail_price"
    h.assert_nothing_sent(rec)


@pytest.mark.parametrize("shape", ["wrapped", "bare_array"])
def test_crosstrade_open_orders_keep_working_states(shape: str) -> None:
    answer = ex("crosstrade", "/v1/api/accounts/{account}/orders", "get", "200", shape)
    orders, _sent = _call(h.CROSSTRADE, {("GET", f"{CT}/orders"): answer}, "open_orders", account="Sim101")
    assert [(o.order_id, o.broker_status) for o in orders] == [("50cca7b8051146c684087db511107983", "CancelPending")]
    rows = answer.json["orders"] if isinstance(answer.json, dict) else answer.json
    rows[0]["orderState"] = "Filled"
    orders, _ = _call(h.CROSSTRADE, {("GET", f"{CT}/orders"): answer}, "open_orders", account="Sim101")
    assert orders == []


def test_crosstrade_positions_vendor_example() -> None:
    answer = ex("crosstrade", "/v1/api/accounts/{account}/positions", "get", "200", "wrapped")
    positions, _ = _call(h.CROSSTRADE, {("GET", f"{CT}/positions"): answer}, "positions", account="Sim101")
    assert [(p.instrument, p.quantity, str(p.average_price)) for p in positions] == [
        ("MES 03-26", Decimal(7), "6615.178571428572")
    ]


def test_crosstrade_balances_vendor_example() -> None:
    answer = ex("crosstrade", "/v1/api/accounts/{account}", "get", "200", "sim101")
    balance, _ = _call(h.CROSSTRADE, {("GET", CT): answer}, "balances", account="Sim101")
    assert (balance.currency, balance.cash, balance.buying_power, balance.equity) == (
        "USD",
        Decimal("100000.0"),
        Decimal("97500.0"),
        Decimal("103437.5"),
    )


def test_crosstrade_fills_vendor_example() -> None:
    answer = ex("crosstrade", "/v1/api/accounts/{account}/executions", "get", "200", "one_fill")
    fills, sent = _call(h.CROSSTRADE, {("GET", f"{CT}/executions"): answer}, "fills", account="Sim101")
    assert sent[0].url.params["lookbackTime"] == "900"
    [fill] = fills
    assert (fill.fill_id, fill.order_id, fill.side, fill.quantity, str(fill.price)) == (
        "9c4a0f6e2b7d4c1a8e5f3b2d1a0c9e8f",
        "50cca7b8051146c684087db511107983",
        ob.Side.SELL,
        Decimal(4),
        "5797.0",
    )
    assert fill.time == dt.datetime.fromtimestamp(1758808263.123, dt.UTC)


def test_fills_of_one_millisecond_keep_the_brokers_order() -> None:
    """Two executions stamped with the same millisecond come back in the order the broker listed
    them (its own sequence), not reordered by their random hex ids."""
    (row,) = h.spec_example("crosstrade", "/v1/api/accounts/{account}/executions", "get", "200", "one_fill")[
        "executions"
    ]
    rows = [{**row, "id": "f0" * 16, "quantity": 1}, {**row, "id": "0f" * 16, "quantity": 3}]
    fills, _ = _call(
        h.CROSSTRADE, {("GET", f"{CT}/executions"): h.reply(json={"executions": rows})}, "fills", account="Sim101"
    )
    assert [(f.fill_id, f.quantity) for f in fills] == [("f0" * 16, Decimal(1)), ("0f" * 16, Decimal(3))]
    reversed_answer = h.reply(json={"executions": rows[::-1]})
    fills, _ = _call(h.CROSSTRADE, {("GET", f"{CT}/executions"): reversed_answer}, "fills", account="Sim101")
    assert [f.fill_id for f in fills] == ["0f" * 16, "f0" * 16]


def test_crosstrade_fills_since_sets_the_lookback() -> None:
    answer = h.reply(json={"executions": []})
    since = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=60)
    _, sent = _call(h.CROSSTRADE, {("GET", f"{CT}/executions"): answer}, "fills", account="Sim101", since=since)
    assert 60 <= int(sent[0].url.params["lookbackTime"]) <= 70


def test_crosstrade_close_position() -> None:
    answer = ex("crosstrade", "/v1/api/accounts/{account}/positions/close", "post", "200", "closed")
    result, sent = _call(
        h.CROSSTRADE,
        {("POST", f"{CT}/positions/close"): answer},
        "close_position",
        "ES 12-25",
        account="Sim101",
        quantity=2,
    )
    assert result is None
    assert h.body(sent[0]) == {"instrument": "ES 12-25", "quantity": 2}
    refusal = ex("crosstrade", "/v1/api/accounts/{account}/positions/close", "post", "400", "no_positions")
    error, _ = _call(
        h.CROSSTRADE, {("POST", f"{CT}/positions/close"): refusal}, "close_position", "ES 12-25", account="Sim101"
    )
    assert isinstance(error, ob.OrderRejected)


def test_crosstrade_cancel_all_is_native_and_per_order() -> None:
    answer = ex("crosstrade", "/v1/api/accounts/{account}/orders/cancel", "post", "200", "cancelled")
    outcomes, sent = _call(
        h.CROSSTRADE, {("POST", f"{CT}/orders/cancel"): answer}, "cancel_all_orders", account="Sim101"
    )
    assert h.body(sent[0]) == {}
    assert [(o.target, o.status) for o in outcomes] == [
        ("adb3868865de4b59b0e147b8300e4a29", ob.ItemStatus.DONE),
        ("2141df9fc0254ba9b34c8a5e38722249", ob.ItemStatus.DONE),
        ("16f6774e302748ce962f2d60b58b2eb1", ob.ItemStatus.DONE),
    ]


def test_crosstrade_flatten_is_native_and_reports_the_bridge_offline() -> None:
    cancelled = ex("crosstrade", "/v1/api/accounts/{account}/orders/cancel", "post", "200", "cancelled")
    offline = ex("crosstrade", "/v1/api/accounts/{account}/positions/flatten", "post", "408", "addon_offline")
    report, sent = _call(
        h.CROSSTRADE,
        {("POST", f"{CT}/orders/cancel"): cancelled, ("POST", f"{CT}/positions/flatten"): offline},
        "flatten",
        account="Sim101",
    )
    assert isinstance(report, ob.FlattenReport) and report.emulated is False
    assert [r.url.path for r in sent] == [f"{CT}/orders/cancel", f"{CT}/positions/flatten"]
    assert len(report.cancelled) == 3 and all(i.status is ob.ItemStatus.DONE for i in report.cancelled)
    assert [(i.target, i.status) for i in report.closed] == [("*", ob.ItemStatus.UNKNOWN)]
    assert report.complete is False and report.unknown == report.closed


def test_crosstrade_flatten_vendor_example() -> None:
    flattened = ex("crosstrade", "/v1/api/accounts/{account}/positions/flatten", "post", "200", "flattened")
    report, _ = _call(
        h.CROSSTRADE,
        {
            ("POST", f"{CT}/orders/cancel"): h.reply(json={"orderIds": [], "success": True}),
            ("POST", f"{CT}/positions/flatten"): flattened,
        },
        "flatten",
        account="Sim101",
    )
    assert report.cancelled == () and [(i.target, i.status) for i in report.closed] == [
        ("ES 12-25", ob.ItemStatus.DONE)
    ]
    assert report.complete


# -- TradeStation ---------------------------------------------------------------------------------

TS_ORDERS = "/v2/accounts/123456/orders"


def _ts_listing(order_type: Any = 0, description: str = "Limit") -> Any:
    answer = ex("tradestation", "/v2/accounts/{account_keys}/orders", "get", "200", "filled_limit")
    row = answer.json[0]
    row["AccountID"], row["Status"] = "123456", "OPN"
    row["Legs"][0]["OrderType"], row["Legs"][0]["OrderTypeDescription"] = order_type, description
    return answer


def test_tradestation_modify_replaces_and_returns_the_new_id() -> None:
    new_id = {"Message": "Cancel/Replace order sent.", "OrderID": "207885999", "OrderStatus": "Ok"}
    order, sent = _call(
        h.TRADESTATION,
        {("GET", TS_ORDERS): _ts_listing(), ("PUT", "/v2/orders/207885335"): h.reply(json=new_id)},
        "modify_order",
        "207885335",
        account="123456",
        limit_price=Decimal("11.01"),
    )
    assert order.order_id == "207885999"  # cancel/replace: the broker's new id
    put = sent[-1]
    assert put.method == "PUT" and put.url.params["APIVersion"] == "20160101"
    assert h.body(put) == {
        "AccountKey": "123456",
        "OrderID": "207885335",
        "Symbol": "ARNA",
        "OrderType": "Limit",
        "Quantity": "10",
        "LimitPrice": "11.01",
    }


def test_tradestation_modify_vendor_example_keeps_the_id() -> None:
    answer = ex("tradestation", "/v2/orders/{order_id}", "put", "200", "replaced")
    order, _ = _call(
        h.TRADESTATION,
        {("GET", TS_ORDERS): _ts_listing(), ("PUT", "/v2/orders/207885335"): answer},
        "modify_order",
        "207885335",
        account="123456",
        quantity=5,
    )
    assert order.order_id == "207924381"  # the example's OrderID


@pytest.mark.parametrize(
    ("status", "example", "error_type"),
    [
        ("400", "not_open", ob.OrderRejected),
        ("404", "not_found", ob.OrderNotFound),
        ("503", "replace_failed", ob.OutcomeUnknown),
        ("504", "gateway_timeout", ob.OutcomeUnknown),
    ],
)
def test_tradestation_modify_errors(status: str, example: str, error_type: type) -> None:
    answer = ex("tradestation", "/v2/orders/{order_id}", "put", status, example)
    error, sent = _call(
        h.TRADESTATION,
        {("GET", TS_ORDERS): _ts_listing(), ("PUT", "/v2/orders/207885335"): answer},
        "modify_order",
        "207885335",
        account="123456",
        quantity=5,
    )
    assert type(error) is error_type, error
    assert [r.method for r in sent] == ["GET", "PUT"]  # the PUT is sent once, never retried


def test_tradestation_open_orders_drop_filled() -> None:
    filled = ex("tradestation", "/v2/accounts/{account_keys}/orders", "get", "200", "filled_limit")
    orders, _ = _call(h.TRADESTATION, {("GET", "/v2/accounts/QA/orders"): filled}, "open_orders", account="QA")
    assert orders == []  # the example order is FLL
    orders, _ = _call(h.TRADESTATION, {("GET", TS_ORDERS): _ts_listing()}, "open_orders", account="123456")
    assert [(o.order_id, o.broker_status) for o in orders] == [("207885335", "OPN")]


def _ts_account_read(resource: str, example: str) -> Any:
    """The session method ``resource`` (``positions``, ``balances``) for TradeStation account
    123456, whose ``/v2/accounts/{account_keys}/<resource>`` answers with the spec's ``example``."""
    answer = ex("tradestation", f"/v2/accounts/{{account_keys}}/{resource}", "get", "200", example)
    result, _ = _call(h.TRADESTATION, {("GET", f"/v2/accounts/123456/{resource}"): answer}, resource, account="123456")
    return result


def test_tradestation_positions_and_balances_vendor_examples() -> None:
    positions = _ts_account_read("positions", "long_equity")
    assert [(p.instrument, p.quantity, str(p.average_price)) for p in positions] == [("ARNA", Decimal(10), "1.63")]
    balance = _ts_account_read("balances", "margin_account")
    assert (str(balance.cash), str(balance.buying_power), str(balance.equity), balance.currency) == (
        "9983.7",
        "39934.8",
        "9999.9",
        None,
    )


def test_tradestation_emulated_close_places_an_opposite_market_order() -> None:
    positions = ex("tradestation", "/v2/accounts/{account_keys}/positions", "get", "200", "long_equity")
    rec_routes = {("GET", "/v2/accounts/123456/positions"): positions}
    rec = h.TRADESTATION.recorder()
    for (verb, path), answer in rec_routes.items():
        rec.set(verb, path, answer)
    error = h.run(h.open_session(h.TRADESTATION, rec), "close_position", "ARNA", account="123456")
    assert type(error) is ob.NotSupported and "emulate=True" in str(error)
    h.assert_nothing_sent(rec)
    result, sent = _call(
        h.TRADESTATION, rec_routes, "close_position", "ARNA", account="123456", quantity=4, emulate=True
    )
    assert result is None
    place = [r for r in sent if r.url.path == "/v2/orders"]
    assert len(place) == 1
    sent_body = h.body(place[0])
    assert (sent_body["Symbol"], sent_body["TradeAction"], sent_body["OrderType"], sent_body["Quantity"]) == (
        "ARNA",
        "SELL",
        "Market",
        "4",
    )
    error, _ = _call(h.TRADESTATION, rec_routes, "close_position", "ARNA", account="123456", quantity=11, emulate=True)
    assert type(error) is ob.InvalidOrder and error.field == "quantity"


# -- Sophic ---------------------------------------------------------------------------------------

SO = "/accounts/acc_abc123"


def test_sophic_reads_vendor_examples() -> None:
    pending = ex("sophic", "/accounts/{account_id}/pending-orders", "get", "200", "executing")
    orders, sent = _call(h.SOPHIC, {("GET", f"{SO}/pending-orders"): pending}, "open_orders", account="acc_abc123")
    assert [(o.order_id, o.broker_status) for o in orders] == [("ord_t6w2z8c4", "executing")]
    positions, sent = _call(
        h.SOPHIC,
        {("GET", f"{SO}/positions"): ex("sophic", "/accounts/{account_id}/positions", "get", "200", "one_bond")},
        "positions",
        account="acc_abc123",
    )
    assert sent[0].url.params["open_only"] == "true"
    assert [(p.instrument, p.quantity) for p in positions] == [("ins_xyz789", Decimal(100))]


def test_sophic_balances_pick_the_base_currency() -> None:
    balances = ex("sophic", "/accounts/{account_id}/cash-balances", "get", "200", "usd_and_eur")
    account = ex("sophic", "/accounts/{id_or_reference}", "get", "200", "active")
    balance, sent = _call(
        h.SOPHIC, {("GET", f"{SO}/cash-balances"): balances, ("GET", SO): account}, "balances", account="acc_abc123"
    )
    base = account.json["base_currency"]
    row = next(r for r in balances.json if r["currency"] == base)
    assert (balance.currency, balance.cash, balance.buying_power, balance.equity) == (
        base,
        Decimal(row["total"]),
        Decimal(row["available_for_trading"]),
        None,
    )
    assert [r.url.path for r in sent] == [f"{SO}/cash-balances", SO]


def test_sophic_fills_from_embedded_trades() -> None:
    filled = h.spec_example("sophic", "/accounts/{account_id}/orders/{order_id}", "get", "200", "filled_partial")
    fills, _ = _call(h.SOPHIC, {("GET", f"{SO}/orders"): h.reply(json=[filled])}, "fills", account="acc_abc123")
    assert [(f.fill_id, f.order_id, f.instrument, f.side, str(f.quantity), str(f.price)) for f in fills] == [
        ("trd_k1l3m5n7", "ord_p9q3s7v5", "ins_e5t8f1w3", ob.Side.BUY, "20", "100.0000")
    ]
    late = dt.datetime(2026, 3, 13, tzinfo=dt.UTC)
    fills, _ = _call(
        h.SOPHIC, {("GET", f"{SO}/orders"): h.reply(json=[filled])}, "fills", account="acc_abc123", since=late
    )
    assert fills == []


@pytest.mark.parametrize(
    ("broker", "method", "kwargs", "feature"),
    [
        ("sophic", "modify_order", {"order_id": "ord_1", "quantity": 1}, "modify_order"),
        ("sophic", "cancel_all_orders", {"emulate": True}, "cancel_all_orders"),
        ("tradestation", "fills", {}, "fills"),
        ("topstepx", "flatten", {}, "flatten"),
        ("topstepx", "cancel_all_orders", {}, "cancel_all_orders"),
        ("tradestation", "flatten", {}, "flatten"),
        ("sophic", "close_position", {"instrument": "ins_xyz789"}, "close_position"),
    ],
)
def test_capability_enforced_before_sending(broker: str, method: str, kwargs: dict[str, Any], feature: str) -> None:
    case = CASE[broker]
    rec = case.recorder()
    args = [kwargs.pop(k) for k in ("order_id", "instrument") if k in kwargs]
    error = h.run(h.open_session(case, rec), method, *args, account=case.account, **kwargs)
    assert type(error) is ob.NotSupported, error
    assert error.feature == feature
    h.assert_nothing_sent(rec)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"limit_price": 1.5}, "limit_price"),
        ({"quantity": Decimal("1.5")}, "quantity"),
        ({"quantity": 0}, "quantity"),
        ({"stop_price": "-1"}, "stop_price"),
        ({}, "quantity"),
    ],
)
def test_modify_bad_input_sends_nothing(kwargs: dict[str, Any], field: str) -> None:
    rec = h.TOPSTEPX.recorder()
    error = h.run(h.open_session(h.TOPSTEPX, rec), "modify_order", "26974", account="465", **kwargs)
    assert type(error) is ob.InvalidOrder and error.field == field, error
    h.assert_nothing_sent(rec)


def test_fills_since_must_be_aware() -> None:
    rec = h.TOPSTEPX.recorder()
    error = h.run(h.open_session(h.TOPSTEPX, rec), "fills", account="465", since=dt.datetime(2025, 1, 1))
    assert type(error) is ob.InvalidOrder and error.field == "since"
    h.assert_nothing_sent(rec)


# -- flatten never stops at the first failure -----------------------------------------------------


def _tsx_flatten_routes(cancel: Any, close: Any) -> dict[tuple[str, str], Any]:
    open_orders = ex("topstepx", "/api/Order/searchOpen", "post", "200", "success")
    second = dict(open_orders.json["orders"][0], id=26971)
    open_orders.json["orders"].append(second)
    positions = ex("topstepx", "/api/Position/searchOpen", "post", "200", "success")
    return {
        ("POST", "/api/Order/searchOpen"): open_orders,
        ("POST", "/api/Order/cancel"): cancel,
        ("POST", "/api/Position/searchOpen"): positions,
        ("POST", "/api/Position/closeContract"): close,
    }


@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_topstepx_flatten_reports_each_item(async_: bool) -> None:
    ok = h.reply(json={"success": True, "errorCode": 0, "errorMessage": None})
    routes = _tsx_flatten_routes(cancel=[h.reply(500), ok], close=ok)
    report, sent = _call(h.TOPSTEPX, routes, "flatten", account="212", emulate=True, async_=async_)
    assert isinstance(report, ob.FlattenReport) and report.emulated
    assert [(i.action, i.target, i.status) for i in report.items] == [
        ("cancel", "26970", ob.ItemStatus.UNKNOWN),
        ("cancel", "26971", ob.ItemStatus.DONE),
        ("close", "CON.F.US.GMET.J25", ob.ItemStatus.DONE),
    ]
    assert isinstance(report.items[0].error, ob.OutcomeUnknown)
    cancels = [h.body(r)["orderId"] for r in sent if r.url.path == "/api/Order/cancel"]
    assert cancels == [26970, 26971]  # each once: the failed one is not retried


def test_topstepx_flatten_goes_on_when_listing_orders_fails() -> None:
    ok = h.reply(json={"success": True, "errorCode": 0, "errorMessage": None})
    routes = _tsx_flatten_routes(
        cancel=ok, close=h.reply(json={"success": False, "errorCode": 2, "errorMessage": None})
    )
    routes[("POST", "/api/Order/searchOpen")] = h.reply(json={"success": True, "errorCode": 0, "errorMessage": None})
    report, _ = _call(h.TOPSTEPX, routes, "flatten", account="212", emulate=True)
    # The listing failed, so no cancel was attempted (not a refusal); the close was refused.
    assert [(i.action, i.target, i.status) for i in report.items] == [
        ("cancel", "*", ob.ItemStatus.NOT_ATTEMPTED),
        ("close", "CON.F.US.GMET.J25", ob.ItemStatus.REFUSED),
    ]
    assert report.not_attempted == report.items[:1] and report.refused == report.items[1:]
    assert type(report.items[0].error) is ob.UnexpectedResponse
    assert type(report.items[1].error) is ob.OrderRejected


def test_twins_agree_on_every_read() -> None:
    routes = {
        ("POST", "/api/Position/searchOpen"): ex("topstepx", "/api/Position/searchOpen", "post", "200", "success"),
        ("POST", "/api/Trade/search"): ex("topstepx", "/api/Trade/search", "post", "200", "success"),
        ("POST", "/api/Order/searchOpen"): ex("topstepx", "/api/Order/searchOpen", "post", "200", "success"),
        ("POST", "/api/Account/search"): ex("topstepx", "/api/Account/search", "post", "200", "with_balance"),
    }
    for method in ("positions", "fills", "open_orders", "balances"):
        sync, sync_sent = _call(h.TOPSTEPX, routes, method, account="1")
        asyn, async_sent = _call(h.TOPSTEPX, routes, method, account="1", async_=True)
        assert sync == asyn, method
        assert [(r.method, r.url.path, r.content) for r in sync_sent if method != "fills"] == [
            (r.method, r.url.path, r.content) for r in async_sent if method != "fills"
        ]


def test_capability_table_lists_every_operation() -> None:
    for broker in ob.BROKERS:
        caps = ob.capabilities(broker)
        assert set(caps.operations) == set(ob.OPERATIONS)
        table = caps.as_dict()["operations"]
        assert isinstance(table, dict)
        assert all(row["support"] in {"yes", "emulated", "no"} and row["how"] for row in table.values())
    # The ones the brokers do not document are refused, not guessed.
    assert ob.capabilities("tradestation").support("fills") is ob.Support.NO
    assert ob.capabilities("sophic").support("modify_order") is ob.Support.NO
    assert ob.capabilities("crosstrade").support("flatten") is ob.Support.YES


def test_tradestation_emulated_cancel_all_sends_one_delete_per_working_order() -> None:
    listing = _ts_listing()
    second = dict(listing.json[0], OrderID=207885336)
    filled = dict(listing.json[0], OrderID=207885337, Status="FLL")
    listing.json.extend([second, filled])
    cancelled = ex("tradestation", "/v2/orders/{order_id}", "delete", "200", "cancelled")
    not_open = ex("tradestation", "/v2/orders/{order_id}", "delete", "400", "not_open")
    outcomes, sent = _call(
        h.TRADESTATION,
        {
            ("GET", TS_ORDERS): listing,
            ("DELETE", "/v2/orders/207885335"): cancelled,
            ("DELETE", "/v2/orders/207885336"): not_open,
        },
        "cancel_all_orders",
        account="123456",
        emulate=True,
    )
    assert [(r.method, r.url.path) for r in sent] == [
        ("GET", TS_ORDERS),
        ("DELETE", "/v2/orders/207885335"),
        ("DELETE", "/v2/orders/207885336"),
    ]
    assert [(o.target, o.status) for o in outcomes] == [
        ("207885335", ob.ItemStatus.DONE),
        ("207885336", ob.ItemStatus.REFUSED),
    ]
    assert isinstance(outcomes[1].error, ob.OrderRejected)


def test_sophic_flatten_sells_holdings_and_reports_pending_orders_refused() -> None:
    pending = ex("sophic", "/accounts/{account_id}/pending-orders", "get", "200", "executing")
    positions = ex("sophic", "/accounts/{account_id}/positions", "get", "200", "one_bond")
    report, sent = _call(
        h.SOPHIC,
        {("GET", f"{SO}/pending-orders"): pending, ("GET", f"{SO}/positions"): positions},
        "flatten",
        account="acc_abc123",
        emulate=True,
    )
    assert [(i.action, i.target, i.status) for i in report.items] == [
        ("cancel", "ord_t6w2z8c4", ob.ItemStatus.REFUSED),
        ("close", "ins_xyz789", ob.ItemStatus.DONE),
    ]
    assert type(report.items[0].error) is ob.NotSupported
    [sell] = [r for r in sent if r.method == "POST" and r.url.path == f"{SO}/orders"]
    assert h.body(sell) == {"instrument": "ins_xyz789", "side": "sell", "order_type": "market", "quantity": "100"}
    assert sell.headers["Idempotency-Key"] == report.items[1].client_order_id


def test_an_ambiguous_close_says_to_read_positions() -> None:
    error, sent = _call(
        h.TOPSTEPX, {("POST", "/api/Position/closeContract"): h.reply(502)}, "close_position", "X", account="5"
    )
    assert type(error) is ob.OutcomeUnknown and error.origin == "http_status" and error.status_code == 502
    assert "read positions()" in str(error) and "resolve" not in str(error)
    assert len(sent) == 1


@pytest.mark.parametrize("name", [*ob.OPERATIONS, "place_order", "get_order", "cancel_order", "resolve"])
def test_twins_have_the_same_signature(name: str) -> None:
    import inspect

    sync, asyn = getattr(ob.Session, name), getattr(ob.AsyncSession, name)
    assert inspect.iscoroutinefunction(asyn) and not inspect.iscoroutinefunction(sync)
    assert inspect.signature(sync) == inspect.signature(asyn)


def test_cli_capabilities_shows_every_operation(capsys: pytest.CaptureFixture[str]) -> None:
    from orderbridge.cli import main

    assert main(["capabilities"]) == 0
    rows = {line.split("  ")[0]: line.split()[-4:] for line in capsys.readouterr().out.splitlines()[1:]}
    assert rows["fills"] == ["yes", "yes", "no", "yes"]
    assert rows["flatten"] == ["emulated", "yes", "emulated", "emulated"]
    assert rows["modify order"] == ["yes", "yes", "yes", "no"]
    assert main(["capabilities", "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table["sophic"]["operations"]["cancel_all_orders"]["support"] == "no"
    assert table["tradestation"]["modify_fields"] == ["limit_price", "quantity", "stop_price"]


@pytest.mark.parametrize("instrument", ["", "   ", "ES\n12-25", "x" * 256, None, 42])
def test_close_position_refuses_a_bad_instrument(instrument: Any) -> None:
    rec = h.CROSSTRADE.recorder()
    error = h.run(h.open_session(h.CROSSTRADE, rec), "close_position", instrument, account="Sim101")
    assert type(error) is ob.InvalidOrder and error.field == "instrument"
    h.assert_nothing_sent(rec)
