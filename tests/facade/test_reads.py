"""get_order and cancel_order: the request sent and the classification of the answer."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox.spec import validate_request

from . import helpers as h

CASE = h.BY_BROKER


def _get(broker: str, answer: Any) -> tuple[Any, list[httpx.Request]]:
    case, read = CASE[broker], h.READS[broker]
    rec = case.recorder()
    rec.set(read.method, read.path, answer)
    outcome = h.run(h.open_session(case, rec), "get_order", read.order_id, account=case.account)
    return outcome, rec.to(read.path, read.method)


@pytest.mark.parametrize(
    ("broker", "client_order_id", "filled"),
    [
        ("topstepx", "ob-7f3c2a9e41d84b6f", Decimal(1)),
        ("crosstrade", None, Decimal(0)),
        ("tradestation", None, Decimal(10)),
        ("sophic", None, Decimal(0)),
    ],
)
def test_get_order_reads_the_order(broker: str, client_order_id: str | None, filled: Decimal) -> None:
    read = h.READS[broker]
    found, sent = _get(broker, read.ok)
    assert isinstance(found, ob.BrokerOrder), found
    assert (found.broker, found.account, found.order_id) == (broker, CASE[broker].account, read.order_id)
    assert found.broker_status == read.status
    assert found.client_order_id == client_order_id
    assert found.filled_quantity == filled
    assert len(sent) == 1
    assert sent[0].headers["authorization"] == f"Bearer {CASE[broker].token}"
    validate_request(broker, sent[0])


@pytest.mark.parametrize(
    ("broker", "answer"),
    [
        ("topstepx", h.reply(json={"order": None, "success": False, "errorCode": 1, "errorMessage": None})),
        ("crosstrade", h.reply(404, json={"success": False, "error": "not_found", "detail": "Order not found"})),
        ("tradestation", h.reply(json=[])),
        ("sophic", h.reply(404, json={"code": "not_found", "detail": "The requested resource was not found."})),
    ],
)
def test_get_order_not_found(broker: str, answer: h.Reply) -> None:
    error, sent = _get(broker, answer)
    assert type(error) is ob.OrderNotFound, error
    assert error.order_may_exist is False
    assert len(sent) == 1


@pytest.mark.parametrize("broker", list(h.READS))
def test_get_order_401_is_an_authentication_error(broker: str) -> None:
    error, sent = _get(
        broker,
        h.reply(
            401,
            json={"error": "Unauthorized", "Message": "u", "StatusCode": 401, "code": "invalid_token", "detail": "u"},
        ),
    )
    assert type(error) is ob.AuthenticationError
    assert len(sent) == 1


def test_tradestation_quota_on_a_read_is_rate_limited() -> None:
    error, _sent = _get("tradestation", h.Reply(403, text="<html><body>Quota Exceeded</body></html>"))
    assert type(error) is ob.RateLimited


@pytest.mark.parametrize("broker", list(h.READS))
def test_get_order_connection_refused_is_broker_unavailable(broker: str) -> None:
    error, _ = _get(broker, h.Raise(httpx.ConnectError))
    assert type(error) is ob.BrokerUnavailable


# -- cancel -----------------------------------------------------------------------------------------------

CANCELS = {
    "topstepx": ("POST", "/api/Order/cancel", "36598"),
    "crosstrade": (
        "POST",
        "/v1/api/accounts/Sim101/orders/ce0a8e5002ea463e856eb6384f5cee7e/cancel",
        "ce0a8e5002ea463e856eb6384f5cee7e",
    ),
    "tradestation": ("DELETE", "/v2/orders/207887528", "207887528"),
}


def _cancel(broker: str, answer: Any) -> tuple[Any, list[httpx.Request]]:
    case = CASE[broker]
    method, path, order_id = CANCELS[broker]
    rec = case.recorder()
    rec.set(method, path, answer)
    outcome = h.run(h.open_session(case, rec), "cancel_order", order_id, account=case.account)
    return outcome, rec.to(path, method)


@pytest.mark.parametrize(
    ("broker", "answer"),
    [
        ("topstepx", h.reply(json={"success": True, "errorCode": 0, "errorMessage": None})),
        ("crosstrade", h.reply(json={"orderId": "ce0a8e5002ea463e856eb6384f5cee7e", "success": True})),
        ("tradestation", h.reply(json={"Message": None, "OrderID": "207887528", "OrderStatus": "Ok"})),
    ],
)
def test_cancel_accepted(broker: str, answer: h.Reply) -> None:
    outcome, sent = _cancel(broker, answer)
    assert outcome is None
    assert len(sent) == 1
    validate_request(broker, sent[0])
    if broker == "topstepx":
        assert sent[0].content == b'{"accountId":465,"orderId":36598}'


@pytest.mark.parametrize(
    ("broker", "answer", "expected", "code_name"),
    [
        (
            "topstepx",
            h.reply(json={"success": False, "errorCode": 2, "errorMessage": None}),
            ob.OrderNotFound,
            "ORDER_NOT_FOUND",
        ),
        (
            "topstepx",
            h.reply(json={"success": False, "errorCode": 1, "errorMessage": None}),
            ob.OrderRejected,
            "ACCOUNT_NOT_FOUND",
        ),
        (
            "topstepx",
            h.reply(json={"success": False, "errorCode": 3, "errorMessage": None}),
            ob.OrderRejected,
            "REJECTED",
        ),
        (
            "topstepx",
            h.reply(json={"success": False, "errorCode": 6, "errorMessage": "Live accounts not supported"}),
            ob.OrderRejected,
            "ACCOUNT_REJECTED",
        ),
        (
            "topstepx",
            h.reply(json={"success": False, "errorCode": 4, "errorMessage": None}),
            ob.OutcomeUnknown,
            "PENDING",
        ),
        (
            "topstepx",
            h.reply(json={"success": False, "errorCode": 5, "errorMessage": None}),
            ob.OutcomeUnknown,
            "UNKNOWN_ERROR",
        ),
        (
            "crosstrade",
            h.reply(400, json={"error": "Order linked to 'ce0a' not found or already terminal."}),
            ob.OrderNotFound,
            "not_found",
        ),
        ("crosstrade", h.reply(400, json={"error": "Invalid request"}), ob.OrderRejected, "bad_request"),
        ("crosstrade", h.reply(408, json={"success": False, "error": "offline"}), ob.OutcomeUnknown, None),
        (
            "tradestation",
            h.reply(json={"Message": "no", "OrderID": "207887528", "OrderStatus": "Failed"}),
            ob.OrderRejected,
            "CancelFailed",
        ),
        (
            "tradestation",
            h.reply(400, json={"Message": "Invalid order ID.", "StatusCode": 400}),
            ob.OrderNotFound,
            "not_found",
        ),
        (
            "tradestation",
            h.reply(400, json={"Message": "Not an open order.", "StatusCode": 400}),
            ob.OrderRejected,
            "BadRequest",
        ),
    ],
)
def test_cancel_classification(broker: str, answer: h.Reply, expected: type, code_name: str | None) -> None:
    error, sent = _cancel(broker, answer)
    assert type(error) is expected, error
    assert getattr(error, "code_name", None) == code_name
    assert len(sent) == 1
    assert "Live accounts" not in str(error)


def test_topstepx_non_numeric_order_id_is_refused_unsent() -> None:
    rec = h.TOPSTEPX.recorder()
    error = h.run(h.open_session(h.TOPSTEPX, rec), "cancel_order", "not-a-number", account="465")
    assert type(error) is ob.InvalidOrder
    assert error.field == "order_id"
    assert rec.requests == []
