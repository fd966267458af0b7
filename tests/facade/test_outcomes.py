"""Classification of every documented answer of the four place endpoints, plus the
cross-cutting failures (issue 4, "Done when" 2).

Each row is data: the broker's answer and the outcome orderbridge must report. Broker text
carries the marker ``BROKER_TEXT`` so the tests can check it stays out of ``str(error)``.
"""

from __future__ import annotations

import asyncio
import re
import traceback
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orderbridge as ob
from tests._specs import load_spec

from . import helpers as h

BROKER_TEXT = "BROKER-TEXT-7Qx9"
CID = "outcome-cid-0001"


def _check_common(case: h.Case, error: BaseException) -> None:
    assert isinstance(error, ob.OrderbridgeError), f"escaped: {error!r}"
    assert error.broker == case.broker
    assert BROKER_TEXT not in str(error)
    assert BROKER_TEXT not in repr(error)
    if isinstance(error, (ob.OrderRejected, ob.OutcomeUnknown)) and error.client_order_id is not None:
        assert error.client_order_id == CID


# -- TopstepX: PlaceOrderErrorCode 0..10 (HTTP 200 envelopes) ---------------------------------

TSX_DEFINITIVE = {
    1: "ACCOUNT_NOT_FOUND",
    2: "ORDER_REJECTED",
    3: "INSUFFICIENT_FUNDS",
    4: "ACCOUNT_VIOLATION",
    5: "OUTSIDE_TRADING_HOURS",
    8: "CONTRACT_NOT_FOUND",
    9: "CONTRACT_NOT_ACTIVE",
    10: "ACCOUNT_REJECTED",
}
TSX_UNKNOWN = {6: "ORDER_PENDING", 7: "UNKNOWN_ERROR", 11: None, 99: None, -1: None}


def test_topstepx_code_table_covers_every_documented_code() -> None:
    from topstepx_client.models import PlaceOrderErrorCode

    documented = {c.value for c in PlaceOrderErrorCode}
    assert documented == {0} | set(TSX_DEFINITIVE) | {6, 7}


@pytest.mark.parametrize("code", sorted(TSX_DEFINITIVE))
def test_topstepx_definitive_codes_are_rejections(code: int) -> None:
    rec = h.TOPSTEPX.recorder(
        h.reply(json={"orderId": None, "success": False, "errorCode": code, "errorMessage": BROKER_TEXT})
    )
    error = h.place(h.TOPSTEPX, rec, h.TOPSTEPX.order_with(CID))
    assert type(error) is ob.OrderRejected
    _check_common(h.TOPSTEPX, error)
    assert error.code == code
    assert error.code_name == TSX_DEFINITIVE[code]
    assert error.broker_message == BROKER_TEXT
    assert error.order_may_exist is False
    assert error.order_id is None
    assert error.client_order_id == CID
    assert TSX_DEFINITIVE[code] in str(error)
    assert len(h.TOPSTEPX.places(rec)) == 1


def test_topstepx_rejection_keeps_the_order_id_it_carries() -> None:
    rec = h.TOPSTEPX.recorder(
        h.reply(
            json={
                "orderId": 9057,
                "success": False,
                "errorCode": 2,
                "errorMessage": "Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets.",
            }
        )
    )
    error = h.place(h.TOPSTEPX, rec, h.TOPSTEPX.order_with(CID))
    assert type(error) is ob.OrderRejected
    assert error.order_id == "9057"
    assert error.code_name == "ORDER_REJECTED"
    assert "Brackets" not in str(error)


@pytest.mark.parametrize("code", sorted(TSX_UNKNOWN))
def test_topstepx_pending_unknown_and_undocumented_codes_leave_the_outcome_unknown(code: int) -> None:
    rec = h.TOPSTEPX.recorder(
        h.reply(json={"orderId": None, "success": False, "errorCode": code, "errorMessage": BROKER_TEXT})
    )
    error = h.place(h.TOPSTEPX, rec, h.TOPSTEPX.order_with(CID))
    assert type(error) is ob.PlacementUnknown
    _check_common(h.TOPSTEPX, error)
    assert error.order_may_exist is True
    assert error.code == code
    assert error.code_name == TSX_UNKNOWN[code]
    assert error.client_order_id == CID
    assert error.origin == "unknown_code"
    assert len(h.TOPSTEPX.places(rec)) == 1


@pytest.mark.parametrize(
    "envelope",
    [
        {"orderId": 9056, "success": True, "errorCode": 2, "errorMessage": None},
        {"orderId": 9056, "success": True, "errorCode": 6, "errorMessage": None},
        {"orderId": None, "success": True, "errorCode": 0, "errorMessage": None},
        {"success": True, "errorCode": 0, "errorMessage": None},
        {"orderId": 9056, "success": False, "errorCode": 0, "errorMessage": None},
    ],
    ids=[
        "success-with-code-2",
        "success-with-code-6",
        "success-null-orderId",
        "success-no-orderId",
        "failure-with-code-0",
    ],
)
def test_topstepx_inconsistent_envelopes_are_unknown(envelope: dict[str, Any]) -> None:
    rec = h.TOPSTEPX.recorder(h.reply(json=envelope))
    error = h.place(h.TOPSTEPX, rec, h.TOPSTEPX.order_with(CID))
    h.assert_placement_unknown(error, client_order_id=CID)


def test_topstepx_success() -> None:
    rec = h.TOPSTEPX.recorder()
    placed = h.place(h.TOPSTEPX, rec, h.TOPSTEPX.order_with(CID))
    assert placed == ob.PlacedOrder(broker="topstepx", account="465", order_id="9056", client_order_id=CID)


# -- CrossTrade ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "payload", "code_name"),
    [
        (400, {"error": BROKER_TEXT}, "bad_request"),
        (400, {"error": "Invalid request"}, "bad_request"),
        (400, {"success": False, "error": "invalid_request", "detail": BROKER_TEXT}, "invalid_request"),
        (
            400,
            {"success": False, "error": "invalid_account", "detail": f"Account Sim999 not found {BROKER_TEXT}"},
            "invalid_account",
        ),
    ],
    ids=["old-shape", "old-shape-quoted", "new-shape", "new-shape-invalid-account"],
)
def test_crosstrade_400_both_error_shapes_are_rejections(status: int, payload: dict[str, Any], code_name: str) -> None:
    rec = h.CROSSTRADE.recorder(h.reply(status, json=payload))
    error = h.place(h.CROSSTRADE, rec, h.CROSSTRADE.order_with(CID))
    assert isinstance(error, ob.OrderRejected), error
    _check_common(h.CROSSTRADE, error)
    assert error.code == 400
    # The code's name is the broker's machine code when it sends one (spec: CT-LLMS shape).
    assert error.code_name == code_name
    # A place refusal is not "no such order": OrderNotFound is for get/cancel.
    assert not isinstance(error, ob.OrderNotFound)
    assert error.order_may_exist is False
    assert error.client_order_id == CID
    text = payload.get("detail", payload["error"])
    assert error.broker_message == text
    assert len(h.CROSSTRADE.places(rec)) == 1


def test_crosstrade_404_on_place_is_a_definitive_refusal() -> None:
    payload = {"success": False, "error": "not_found", "detail": "No route", "did_you_mean": ["/v1/api/x"]}
    rec = h.CROSSTRADE.recorder(h.reply(404, json=payload))
    error = h.place(h.CROSSTRADE, rec, h.CROSSTRADE.order_with(CID))
    assert isinstance(error, ob.OrderRejected)
    assert error.order_may_exist is False
    assert error.code == 404


def test_crosstrade_408_bridge_offline_is_unknown() -> None:
    rec = h.CROSSTRADE.recorder(h.reply(408, json={"success": False, "error": "NinjaTrader add-on is not connected"}))
    error = h.place(h.CROSSTRADE, rec, h.CROSSTRADE.order_with(CID))
    assert type(error) is ob.PlacementUnknown
    assert error.origin == "http_status"
    assert error.status_code == 408
    assert error.order_may_exist is True
    assert error.client_order_id == CID
    assert len(h.CROSSTRADE.places(rec)) == 1


@pytest.mark.parametrize(
    "payload",
    [{"orderId": "abc", "success": False}, {"orderId": "", "success": True}, {"success": True, "orderId": None}],
    ids=["success-false", "empty-id", "null-id"],
)
def test_crosstrade_200_without_a_usable_id_is_unknown(payload: dict[str, Any]) -> None:
    rec = h.CROSSTRADE.recorder(h.reply(json=payload))
    error = h.place(h.CROSSTRADE, rec, h.CROSSTRADE.order_with(CID))
    assert type(error) is ob.PlacementUnknown
    assert error.client_order_id == CID


# -- TradeStation (both API versions) ----------------------------------------------------------

FAILED_V2 = {"Message": BROKER_TEXT, "OrderID": "207887696", "OrderStatus": "Failed"}
FAILED_GLOBAL = {"Message": BROKER_TEXT, "Id": 207887696, "Status": "Failed"}


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
@pytest.mark.parametrize(
    "payload",
    [FAILED_V2, [FAILED_V2], FAILED_GLOBAL, [FAILED_GLOBAL]],
    ids=["v2-object", "v2-array", "global-object", "global-array"],
)
def test_tradestation_failed_result_is_a_rejection(case: h.Case, payload: Any) -> None:
    rec = case.recorder(h.reply(json=payload))
    error = h.place(case, rec, case.order_with(CID))
    assert type(error) is ob.OrderRejected
    _check_common(case, error)
    assert error.code == "Failed"
    assert error.code_name
    assert error.order_id == "207887696"
    assert error.broker_message == BROKER_TEXT
    assert error.order_may_exist is False
    assert len(case.places(rec)) == 1


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
@pytest.mark.parametrize(
    ("payload", "order_id", "status"),
    [
        ({"Message": "Sent order", "OrderID": "207887693", "OrderStatus": "Ok"}, "207887693", "Ok"),
        ([{"Message": "Sent order", "OrderID": "207887693", "OrderStatus": "Ok"}], "207887693", "Ok"),
        ([{"Message": "Sent order: Buy 5 JP:8698-TS", "Id": 207887693, "Status": "Success"}], "207887693", "Success"),
    ],
    ids=["v2-object", "v2-array", "global-array"],
)
def test_tradestation_accepted_result_shapes(case: h.Case, payload: Any, order_id: str, status: str) -> None:
    rec = case.recorder(h.reply(json=payload))
    placed = h.place(case, rec, case.order_with(CID))
    assert isinstance(placed, ob.PlacedOrder)
    assert (placed.order_id, placed.status, placed.client_order_id) == (order_id, status, CID)


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
@pytest.mark.parametrize(
    "payload",
    [
        {"Message": BROKER_TEXT, "StatusCode": 400},
        {"TraceId": "3f1c2a4e-8b7d-4c5e-9a10-2b3c4d5e6f70", "StatusCode": 400, "Message": BROKER_TEXT},
        {"Error": {"StatusCode": 400, "Message": BROKER_TEXT}},
    ],
    ids=["legacy-error", "oas-error", "error-envelope"],
)
def test_tradestation_400_is_a_rejection(case: h.Case, payload: Any) -> None:
    rec = case.recorder(h.reply(400, json=payload))
    error = h.place(case, rec, case.order_with(CID))
    assert isinstance(error, ob.OrderRejected)
    _check_common(case, error)
    assert error.code == 400
    assert error.order_may_exist is False
    assert len(case.places(rec)) == 1


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
def test_tradestation_quota_exceeded_html_403_is_unknown_rate_limited(case: h.Case) -> None:
    rec = case.recorder(h.Reply(403, text="<html><body>Quota Exceeded</body></html>"))
    error = h.place(case, rec, case.order_with(CID))
    h.assert_placement_unknown(error, "rate_limited", client_order_id=CID)


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
def test_tradestation_json_403_is_an_authorisation_refusal(case: h.Case) -> None:
    # Spec (info, "Rate limits"): "A 403 with a JSON Error body is an authorization refusal".
    rec = case.recorder(h.reply(403, json={"StatusCode": 403, "Message": BROKER_TEXT}))
    error = h.place(case, rec, case.order_with(CID))
    assert isinstance(error, ob.OrderRejected), error
    assert error.code == 403
    assert error.order_may_exist is False
    assert BROKER_TEXT not in str(error)


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
def test_tradestation_404_is_a_rejection(case: h.Case) -> None:
    rec = case.recorder(h.reply(404, json={"StatusCode": 404, "Message": BROKER_TEXT}))
    error = h.place(case, rec, case.order_with(CID))
    assert isinstance(error, ob.OrderRejected)
    assert error.order_may_exist is False
    _check_common(case, error)


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
def test_tradestation_unknown_result_status_is_unknown(case: h.Case) -> None:
    rec = case.recorder(h.reply(json={"Message": BROKER_TEXT, "OrderID": "1", "OrderStatus": "Queued"}))
    error = h.place(case, rec, case.order_with(CID))
    assert type(error) is ob.PlacementUnknown
    assert error.code == "Queued"
    _check_common(case, error)


# -- Sophic: every documented place error code, per status ------------------------------------

SOPHIC_CODES = {
    400: [
        "invalid_param",
        "missing_param",
        "invalid_request",
        "not_found",
        "instrument_not_trading",
        "instrument_too_close_to_maturity",
        "currency_not_supported",
        "invalid_trading_currency",
        "insufficient_funds",
        "insufficient_units",
        "limit_budget_too_small",
        "missing_price",
        "quote_invalid",
        "quote_already_consumed",
        "idempotency_key_too_long",
        "api_version_invalid",
        "api_version_unsupported",
        "client_request_id_too_long",
        "person_id_too_long",
        "client_user_id_too_long",
    ],
    403: [
        "buy_order_forbidden",
        "sell_order_forbidden",
        "professional_trader_required",
        "forbidden",
        "insufficient_scope",
    ],
    404: ["not_found"],
    409: ["idempotency_key_conflict", "idempotency_key_expired"],
}


def test_sophic_code_table_matches_the_spec() -> None:
    """Every code the spec's place_order 400 description lists is in the table above."""
    operation = load_spec("sophic")["paths"]["/accounts/{account_id}/orders"]["post"]
    listed = set(re.findall(r"`([a-z_]+)`", operation["responses"]["400"]["description"]))
    assert listed == set(SOPHIC_CODES[400])


@pytest.mark.parametrize(
    ("status", "code"),
    [(s, c) for s, codes in SOPHIC_CODES.items() for c in codes],
    ids=[f"{s}-{c}" for s, codes in SOPHIC_CODES.items() for c in codes],
)
def test_sophic_documented_codes_are_rejections(status: int, code: str) -> None:
    payload = {"code": code, "detail": BROKER_TEXT, "docs": f"https://docs.engine.usesophic.com/e#{code}"}
    rec = h.SOPHIC.recorder(h.reply(status, json=payload))
    error = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID))
    assert isinstance(error, ob.OrderRejected), error
    _check_common(h.SOPHIC, error)
    assert error.code == code
    assert error.code_name == code
    assert error.broker_message == BROKER_TEXT
    assert error.order_may_exist is False
    assert error.client_order_id == CID
    assert len(h.SOPHIC.places(rec)) == 1  # a definitive answer is never retried


def test_sophic_500_is_retried_then_unknown() -> None:
    rec = h.SOPHIC.recorder(h.reply(500, json={"code": "server_error", "detail": BROKER_TEXT}))
    error = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID))
    assert type(error) is ob.PlacementUnknown
    assert (error.origin, error.status_code) == ("http_status", 500)
    assert error.order_may_exist is True
    assert error.client_order_id == CID
    assert len(h.SOPHIC.places(rec)) == 3
    _check_common(h.SOPHIC, error)


@pytest.mark.parametrize("code", ["invalid_token", "missing_token"])
def test_sophic_401_codes_are_authentication_errors(code: str) -> None:
    rec = h.SOPHIC.recorder(h.reply(401, json={"code": code, "detail": BROKER_TEXT}))
    error = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID))
    assert type(error) is ob.AuthenticationError
    assert error.order_may_exist is False
    _check_common(h.SOPHIC, error)


def test_sophic_201_without_an_id_is_unknown() -> None:
    rec = h.SOPHIC.recorder(h.reply(201, json={**h.sophic_order(), "id": ""}))
    error = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID))
    assert type(error) is ob.PlacementUnknown
    assert error.origin == "decode"


def test_sophic_success() -> None:
    placed = h.place(h.SOPHIC, h.SOPHIC.recorder(), h.SOPHIC.order_with(CID))
    assert placed == ob.PlacedOrder(
        broker="sophic", account="acc_abc123", order_id="ord_m4k7r9s2", client_order_id=CID, status="placed"
    )


# -- cross-cutting ------------------------------------------------------------------------------


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
def test_401_on_place_is_an_authentication_error(case: h.Case) -> None:
    payloads = {
        "topstepx": None,
        "crosstrade": {"error": "Unauthorized"},
        "tradestation": {"Message": BROKER_TEXT, "StatusCode": 401},
        "sophic": {"code": "invalid_token", "detail": BROKER_TEXT},
    }
    rec = case.recorder(h.reply(401, json=payloads[case.broker]))
    error = h.place(case, rec, case.order_with(CID))
    assert type(error) is ob.AuthenticationError
    assert error.order_may_exist is False
    assert len(case.places(rec)) == 1
    _check_common(case, error)


@pytest.mark.parametrize("case", h.NEVER_RETRIED, ids=lambda c: c.id)
def test_429_on_place_is_unknown_rate_limited(case: h.Case) -> None:
    payload = {"error": "Rate limit exceeded"} if case.broker == "crosstrade" else None
    rec = case.recorder(h.reply(429, json=payload, headers={"Retry-After": "3"}))
    error = h.place(case, rec, case.order_with(CID))
    h.assert_placement_unknown(error, "rate_limited", client_order_id=CID)
    assert len(case.places(rec)) == 1


@pytest.mark.parametrize("case", h.IDEMPOTENT, ids=lambda c: c.id)
def test_429_on_an_idempotent_place_is_retried_then_unknown_rate_limited(case: h.Case) -> None:
    rec = case.recorder(h.reply(429, headers={"Retry-After": "1"}))
    error = h.place(case, rec, case.order_with(CID))
    h.assert_placement_unknown(error, "rate_limited")
    assert 1 < len(case.places(rec)) <= 5


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx_on_place_is_unknown(case: h.Case, status: int) -> None:
    payloads = {
        "topstepx": None,
        "crosstrade": {"error": "boom"},
        "tradestation": {"StatusCode": status, "Message": BROKER_TEXT},
        "sophic": {"code": "server_error", "detail": BROKER_TEXT},
    }
    rec = case.recorder(h.reply(status, json=payloads[case.broker]))
    error = h.place(case, rec, case.order_with(CID))
    h.assert_placement_unknown(error, client_order_id=CID)
    assert error.origin in ("http_status", "decode")
    assert error.origin == "decode" or error.status_code == status
    _check_common(case, error)


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize(
    ("exc", "origin"),
    [
        (httpx.ReadTimeout, "timeout"),
        (httpx.WriteTimeout, "timeout"),
        (httpx.RemoteProtocolError, "connection_dropped"),
        (httpx.ReadError, "connection_dropped"),
    ],
    ids=["read-timeout", "write-timeout", "dropped", "read-error"],
)
def test_failures_after_send_are_unknown(case: h.Case, exc: type[httpx.TransportError], origin: str) -> None:
    rec = case.recorder(h.Raise(exc, f"transport says {BROKER_TEXT}"))
    error = h.place(case, rec, case.order_with(CID))
    h.assert_placement_unknown(error, origin, client_order_id=CID)
    assert error.broker == case.broker


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("exc", [httpx.ConnectError, httpx.ConnectTimeout], ids=["refused", "connect-timeout"])
def test_connection_never_made_is_broker_unavailable(case: h.Case, exc: type[httpx.TransportError]) -> None:
    rec = case.recorder(h.Raise(exc))
    error = h.place(case, rec, case.order_with(CID))
    assert type(error) is ob.BrokerUnavailable
    assert error.order_may_exist is False
    assert error.broker == case.broker


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize(
    "answer",
    [
        h.Reply(200, content=b'{"orderId": 9056, "success": tr'),
        h.Reply(201, content=b"<html>ok</html>", headers={"content-type": "text/html"}),
        h.Reply(200, content=b""),
    ],
    ids=["truncated-json", "html", "empty"],
)
def test_malformed_success_body_is_unknown_decode(case: h.Case, answer: h.Reply) -> None:
    success_status = 201 if case.broker == "sophic" else 200
    answer = h.Reply(success_status, content=answer.content, headers=answer.headers)
    rec = case.recorder(answer)
    error = h.place(case, rec, case.order_with(CID))
    h.assert_placement_unknown(error, "decode", client_order_id=CID)


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_placing_on_a_closed_session_sends_nothing_and_says_so(case: h.Case, async_: bool) -> None:
    """Nothing can leave a closed session: whatever the error, it must not claim the order may exist."""
    rec = case.recorder()
    if async_:
        asession = h.open_session(case, rec, async_=True)

        async def go() -> Any:
            await asession.aclose()
            try:
                return await asession.place_order(case.order_with(CID), account=case.account)
            except Exception as exc:
                return exc

        error = asyncio.run(go())
    else:
        session = h.open_session(case, rec)
        session.close()
        try:
            error = session.place_order(case.order_with(CID), account=case.account)
        except Exception as exc:
            error = exc
    assert isinstance(error, ob.OrderbridgeError), repr(error)
    assert rec.requests == []
    assert error.order_may_exist is False, f"{type(error).__name__}: {error}"


def test_error_classes_say_whether_an_order_may_exist() -> None:
    maybe = {
        cls
        for cls in vars(ob).values()
        if isinstance(cls, type) and issubclass(cls, ob.OrderbridgeError) and cls.order_may_exist
    }
    assert maybe == {ob.OutcomeUnknown, ob.PlacementUnknown}


# -- nothing outside the hierarchy escapes --------------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=8,
)


def _envelopes(case: h.Case) -> st.SearchStrategy[Any]:
    """Bodies shaped like the broker's own, with any values in their fields."""
    keys = {
        "topstepx": ["orderId", "success", "errorCode", "errorMessage"],
        "crosstrade": ["orderId", "success", "error", "detail"],
        "tradestation": ["OrderID", "OrderStatus", "Status", "Id", "Message", "StatusCode", "Error"],
        "sophic": ["code", "detail", "id", "status", "params", "context"],
    }[case.broker]
    shaped = st.dictionaries(st.sampled_from(keys), json_values, max_size=len(keys))
    if case.broker == "sophic":
        shaped = shaped | st.builds(lambda over: {**h.sophic_order(), **over}, shaped)
    return shaped | st.lists(shaped, max_size=2) | json_values


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_answer_yields_placed_or_an_orderbridge_error(case: h.Case, data: st.DataObject) -> None:
    status = data.draw(st.sampled_from([200, 201, 202, 204, 301, 400, 401, 403, 404, 408, 409, 418, 429, 500, 503]))
    payload = data.draw(_envelopes(case))
    rec = case.recorder(h.reply(status, json=payload) if payload is not None else h.Reply(status, content=b"null"))
    outcome = h.place(case, rec, case.order_with(CID))
    if isinstance(outcome, ob.PlacedOrder):
        assert status in (200, 201)
        assert outcome.client_order_id == CID
        return
    assert isinstance(outcome, ob.OrderbridgeError), "".join(traceback.format_exception(outcome))
    if not case.idempotent:
        assert len(case.places(rec)) == 1
    else:
        assert 1 <= len(case.places(rec)) <= 3


@pytest.mark.parametrize(
    ("make", "kept"),
    [
        (lambda **w: ob.AuthenticationError("m", broker="b", **w), {}),
        (lambda **w: ob.OrderRejected("m", broker="b", order_id="7", client_order_id="c", raw=[1], **w), {"raw": [1]}),
        (lambda **w: ob.OrderNotFound("m", broker="b", **w), {"order_id": None}),
        (lambda **w: ob.OutcomeUnknown("m", broker="b", origin="decode", status_code=502, **w), {"status_code": 502}),
        (
            lambda **w: ob.OutcomeUnknown("m", broker="b", origin="timeout", order_id="9", client_order_id="c", **w),
            {"order_id": "9", "client_order_id": "c", "status_code": None},
        ),
        (lambda **w: ob.OrderRejected("m", **w), {"order_id": None, "client_order_id": None, "broker": None}),
        (
            lambda **w: ob.PlacementUnknown("m", broker="b", client_order_id="c", origin="timeout", **w),
            {"origin": "timeout"},
        ),
    ],
)
def test_errors_built_by_hand_keep_every_keyword_and_refuse_a_misspelt_one(make: Any, kept: dict[str, Any]) -> None:
    """Callers build these errors in their own tests: each broker keyword is kept as the
    attribute of its name, none reaches ``str()``, and a misspelt keyword is a ``TypeError``
    (the keywords travel as one typed record, not a list per class)."""
    error = make(code="BROKER_TEXT_CODE", code_name="BROKER_TEXT_NAME", broker_message="BROKER_TEXT")
    assert (error.code, error.code_name, error.broker_message) == (
        "BROKER_TEXT_CODE",
        "BROKER_TEXT_NAME",
        "BROKER_TEXT",
    )
    assert {name: getattr(error, name) for name in kept} == kept
    assert "BROKER_TEXT" not in str(error)
    with pytest.raises(TypeError, match="brokr_message"):
        make(brokr_message="x")
