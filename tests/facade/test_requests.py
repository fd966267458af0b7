"""The exact request each broker receives for each order shape (issue 4, "Done when" 1).

The tables below are data: one row per (broker case, order) with the method, path, query, the
headers that matter and the exact JSON body, ``CID`` standing for the client order id.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import attrs
import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox.spec import validate_request

from . import helpers as h

CID = "ob-Cid_0123456789abcd"  # 21 chars of [A-Za-z0-9_-]
assert re.fullmatch(r"[A-Za-z0-9_-]{1,22}", CID)


def _fill(template: Any, cid: str) -> Any:
    if isinstance(template, dict):
        return {k: _fill(v, cid) for k, v in template.items()}
    if isinstance(template, list):
        return [_fill(v, cid) for v in template]
    return cid if template == "<CID>" else template


# -- one row per (broker case, order): the order's fields and the exact body ----------------------
D = Decimal
SENT_WITH_EVERY_ORDER: dict[str, dict[str, Any]] = {
    "topstepx": {"accountId": 465, "customTag": "<CID>"},
    "crosstrade": {"orderId": "<CID>"},
    "tradestation-20160101": {"AccountKey": "123456", "OrderConfirmId": "<CID>"},
    "tradestation-20150101": {"AccountId": "123456", "AssetType": "Equity", "OrderConfirmId": "<CID>"},
    "sophic": {},
}
"""Per case, the body fields every placement carries whatever the order (the account, the client
order id); each row below adds the fields its order decides."""


def _row(case: h.Case, label: str, order: dict[str, Any], body: dict[str, Any], *, path: str | None = None) -> Any:
    """A ``test_exact_request`` case: sent to the case's place path (or ``path``), with the API
    version as the only query parameter (TradeStation), and exactly ``body`` plus the case's
    ``SENT_WITH_EVERY_ORDER`` fields."""
    query = {"APIVersion": case.api_version} if case.api_version else {}
    expected = {**SENT_WITH_EVERY_ORDER[case.id], **body}
    return pytest.param(case, order, path or case.place_path, query, expected, id=f"{case.id}-{label}")


ROWS = [
    # TopstepX: integer enums, integer size, JSON-number prices, customTag.
    _row(
        h.TOPSTEPX,
        "market",
        dict(instrument="CON.F.US.MES.Z25", side="buy", quantity=D("1")),
        {"contractId": "CON.F.US.MES.Z25", "type": 2, "side": 0, "size": 1},
    ),
    _row(
        h.TOPSTEPX,
        "limit",
        dict(instrument="CON.F.US.EP.U25", side="sell", type="limit", quantity=D("2"), limit_price=D("6300.25")),
        {"contractId": "CON.F.US.EP.U25", "type": 1, "side": 1, "size": 2, "limitPrice": D("6300.25")},
    ),
    _row(
        h.TOPSTEPX,
        "stop",
        dict(instrument="CON.F.US.EP.U25", side="buy", type="stop", quantity=D("3"), stop_price=D("6310.50")),
        {"contractId": "CON.F.US.EP.U25", "type": 4, "side": 0, "size": 3, "stopPrice": D("6310.50")},
    ),
    _row(
        h.TOPSTEPX,
        "trailing",
        dict(
            instrument="CON.F.US.EP.U25", side="sell", type="trailing_stop", quantity=D("1"), trail_price=D("6290.75")
        ),
        {"contractId": "CON.F.US.EP.U25", "type": 5, "side": 1, "size": 1, "trailPrice": D("6290.75")},
    ),
    _row(
        h.TOPSTEPX,
        "whole-decimal-size",
        dict(instrument="CON.F.US.EP.U25", side="buy", quantity=D("2.0")),
        {"contractId": "CON.F.US.EP.U25", "type": 2, "side": 0, "size": 2},
    ),
    _row(
        h.TOPSTEPX,
        "extras-brackets",
        dict(
            instrument="CON.F.US.DA6.M25",
            side="sell",
            quantity=D("1"),
            extras={"stopLossBracket": {"ticks": 10, "type": 4}, "takeProfitBracket": {"ticks": 20, "type": 1}},
        ),
        {
            "contractId": "CON.F.US.DA6.M25",
            "type": 2,
            "side": 1,
            "size": 1,
            "stopLossBracket": {"ticks": 10, "type": 4},
            "takeProfitBracket": {"ticks": 20, "type": 1},
        },
    ),
    # CrossTrade: string enums, integer quantity, JSON-number prices, orderId, DAY default.
    _row(
        h.CROSSTRADE,
        "market",
        dict(instrument="MES 12-25", side="buy", quantity=D("1")),
        {"instrument": "MES 12-25", "action": "BUY", "quantity": 1, "orderType": "MARKET", "timeInForce": "DAY"},
    ),
    _row(
        h.CROSSTRADE,
        "limit",
        dict(
            instrument="MES 12-25",
            side="sell",
            type="limit",
            quantity=D("2"),
            limit_price=D("5500.25"),
            time_in_force="gtc",
        ),
        {
            "instrument": "MES 12-25",
            "action": "SELL",
            "quantity": 2,
            "orderType": "LIMIT",
            "timeInForce": "GTC",
            "limitPrice": D("5500.25"),
        },
    ),
    _row(
        h.CROSSTRADE,
        "stop",
        dict(
            instrument="MES 12-25",
            side="buy",
            type="stop",
            quantity=D("1"),
            stop_price=D("5510.50"),
            time_in_force="day",
        ),
        {
            "instrument": "MES 12-25",
            "action": "BUY",
            "quantity": 1,
            "orderType": "STOPMARKET",
            "timeInForce": "DAY",
            "stopPrice": D("5510.5"),
        },
    ),
    _row(
        h.CROSSTRADE,
        "stop-limit",
        dict(
            instrument="MES 12-25",
            side="sell",
            type="stop_limit",
            quantity=D("1"),
            limit_price=D("5490.25"),
            stop_price=D("5490.50"),
        ),
        {
            "instrument": "MES 12-25",
            "action": "SELL",
            "quantity": 1,
            "orderType": "STOPLIMIT",
            "timeInForce": "DAY",
            "limitPrice": D("5490.25"),
            "stopPrice": D("5490.50"),
        },
    ),
    _row(
        h.CROSSTRADE,
        "flatten-first",
        dict(instrument="MES 12-25", side="buy", quantity=D("1"), flatten_first=True),
        {"instrument": "MES 12-25", "action": "BUY", "quantity": 1, "orderType": "MARKET", "timeInForce": "DAY"},
        path="/v1/api/accounts/Sim101/orders/flatplace",
    ),
    _row(
        h.CROSSTRADE,
        "extras",
        dict(
            instrument="MES 12-25",
            side="buy",
            quantity=D("1"),
            extras={"ocoId": "abc123", "strategy": "MyAtmStrategy", "requireMarketPosition": "flat", "maxPositions": 3},
        ),
        {
            "instrument": "MES 12-25",
            "action": "BUY",
            "quantity": 1,
            "orderType": "MARKET",
            "timeInForce": "DAY",
            "ocoId": "abc123",
            "strategy": "MyAtmStrategy",
            "requireMarketPosition": "flat",
            "maxPositions": 3,
        },
    ),
    # TradeStation 20160101: OrderRequest, every scalar a string with the user's digits.
    _row(
        h.TRADESTATION,
        "market",
        dict(instrument="MSFT", side="buy", quantity=D("10")),
        {
            "AssetType": "EQ",
            "Symbol": "MSFT",
            "Quantity": "10",
            "OrderType": "Market",
            "TradeAction": "BUY",
            "Duration": "DAY",
        },
    ),
    _row(
        h.TRADESTATION,
        "limit",
        dict(
            instrument="MSFT", side="sell", type="limit", quantity=D("10"), limit_price=D("10.50"), time_in_force="gtc"
        ),
        {
            "AssetType": "EQ",
            "Symbol": "MSFT",
            "Quantity": "10",
            "OrderType": "Limit",
            "TradeAction": "SELL",
            "Duration": "GTC",
            "LimitPrice": "10.50",
        },
    ),
    _row(
        h.TRADESTATION,
        "stop",
        dict(instrument="MSFT", side="buy", type="stop", quantity=D("5"), stop_price=D("9.00"), time_in_force="ioc"),
        {
            "AssetType": "EQ",
            "Symbol": "MSFT",
            "Quantity": "5",
            "OrderType": "StopMarket",
            "TradeAction": "BUY",
            "Duration": "IOC",
            "StopPrice": "9.00",
        },
    ),
    _row(
        h.TRADESTATION,
        "stop-limit",
        dict(
            instrument="MSFT",
            side="sell",
            type="stop_limit",
            quantity=D("1E+1"),
            limit_price=D("0.250"),
            stop_price=D("0.3"),
            time_in_force="fok",
        ),
        {
            "AssetType": "EQ",
            "Symbol": "MSFT",
            "Quantity": "10",
            "OrderType": "StopLimit",
            "TradeAction": "SELL",
            "Duration": "FOK",
            "LimitPrice": "0.250",
            "StopPrice": "0.3",
        },
    ),
    _row(
        h.TRADESTATION,
        "gtd",
        dict(
            instrument="MSFT",
            side="buy",
            type="limit",
            quantity=D("10"),
            limit_price=D("1.00"),
            time_in_force="gtd",
            expire_date=dt.date(2026, 3, 5),
        ),
        {
            "AssetType": "EQ",
            "Symbol": "MSFT",
            "Quantity": "10",
            "OrderType": "Limit",
            "TradeAction": "BUY",
            "Duration": "GTD",
            "GTDDate": "03/05/2026",
            "LimitPrice": "1.00",
        },
    ),
    _row(
        h.TRADESTATION,
        "extras",
        dict(
            instrument="ESZ25",
            side="buy",
            quantity=D("1"),
            extras={"AssetType": "FU", "Route": "Intelligent", "AdvancedOptions": {"ShowOnlyQuantity": 100}},
        ),
        {
            "AssetType": "FU",
            "Symbol": "ESZ25",
            "Quantity": "1",
            "OrderType": "Market",
            "TradeAction": "BUY",
            "Duration": "DAY",
            "Route": "Intelligent",
            "AdvancedOptions": {"ShowOnlyQuantity": 100},
        },
    ),
    # TradeStation 20150101: the seed's GlobalOrderRequest shape.
    _row(
        h.TRADESTATION_GLOBAL,
        "market",
        dict(instrument="MSFT", side="buy", quantity=D("10")),
        {"Symbol": "MSFT", "Quantity": "10", "Type": "Market", "TimeInForce": "Day", "Side": "Buy"},
    ),
    _row(
        h.TRADESTATION_GLOBAL,
        "limit",
        dict(
            instrument="JP:8698-TS",
            side="sell",
            type="limit",
            quantity=D("5"),
            limit_price=D("0.14"),
            time_in_force="gtc",
        ),
        {
            "Symbol": "JP:8698-TS",
            "Quantity": "5",
            "Type": "Limit",
            "TimeInForce": "GoodTillCancel",
            "Side": "Sell",
            "LimitPrice": "0.14",
        },
    ),
    _row(
        h.TRADESTATION_GLOBAL,
        "stop",
        dict(instrument="MSFT", side="buy", type="stop", quantity=D("5"), stop_price=D("14.120"), time_in_force="ioc"),
        {
            "Symbol": "MSFT",
            "Quantity": "5",
            "Type": "StopMarket",
            "TimeInForce": "ImmediateOrCancel",
            "Side": "Buy",
            "StopPrice": "14.120",
        },
    ),
    _row(
        h.TRADESTATION_GLOBAL,
        "stop-limit",
        dict(
            instrument="MSFT",
            side="sell",
            type="stop_limit",
            quantity=D("5"),
            limit_price=D("10.50"),
            stop_price=D("10.75"),
            time_in_force="fok",
        ),
        {
            "Symbol": "MSFT",
            "Quantity": "5",
            "Type": "StopLimit",
            "TimeInForce": "FillorKill",
            "Side": "Sell",
            "LimitPrice": "10.50",
            "StopPrice": "10.75",
        },
    ),
    _row(
        h.TRADESTATION_GLOBAL,
        "extras",
        dict(
            instrument="JP:8698-TS",
            side="buy",
            quantity=D("5"),
            extras={"FundSource": "Cash", "TaxationMethod": "Calculated", "Condition": "Basic"},
        ),
        {
            "Symbol": "JP:8698-TS",
            "Quantity": "5",
            "Type": "Market",
            "TimeInForce": "Day",
            "Side": "Buy",
            "FundSource": "Cash",
            "TaxationMethod": "Calculated",
            "Condition": "Basic",
        },
    ),
    # Sophic: cash-based buys, unit-based sells, decimal strings, Idempotency-Key header.
    _row(
        h.SOPHIC,
        "buy-cash",
        dict(instrument="ins_xyz789", side="buy", cash_amount=D("100.00")),
        {"instrument": "ins_xyz789", "order_type": "market", "side": "buy", "cash_amount": "100.00"},
    ),
    _row(
        h.SOPHIC,
        "sell-quantity",
        dict(instrument="ins_xyz789", side="sell", quantity=D("10.2500")),
        {"instrument": "ins_xyz789", "order_type": "market", "side": "sell", "quantity": "10.2500"},
    ),
    _row(
        h.SOPHIC,
        "exponent-digits",
        dict(instrument="ins_xyz789", side="buy", cash_amount=D("5E+3")),
        {"instrument": "ins_xyz789", "order_type": "market", "side": "buy", "cash_amount": "5000"},
    ),
    _row(
        h.SOPHIC,
        "extras",
        dict(
            instrument="ins_b7q2m4x9",
            side="buy",
            cash_amount=D("1000.00"),
            extras={"automatic_rollover": True, "quote": "quo_r5t7y9u1"},
        ),
        {
            "instrument": "ins_b7q2m4x9",
            "order_type": "market",
            "side": "buy",
            "cash_amount": "1000.00",
            "automatic_rollover": True,
            "quote": "quo_r5t7y9u1",
        },
    ),
]


@pytest.mark.parametrize(
    ("case", "order_kwargs", "path", "query", "expected"),
    ROWS,
)
def test_exact_request(
    case: h.Case, order_kwargs: dict[str, Any], path: str, query: dict[str, str], expected: dict[str, Any]
) -> None:
    rec = case.recorder()
    order = ob.Order(client_order_id=CID, **order_kwargs)
    placed = h.place(case, rec, order)
    assert isinstance(placed, ob.PlacedOrder), placed
    assert placed.client_order_id == CID
    assert placed.account == case.account

    sent = [r for r in rec.requests if r.url.path == path]
    assert len(sent) == 1
    request = sent[0]
    assert request.method == "POST"
    assert request.url.scheme == "https"
    assert request.url.host == httpx.URL(ob.brokers.describe(case.broker).production_url).host
    assert dict(request.url.params) == query
    assert request.headers["authorization"] == f"Bearer {case.token}"
    assert request.headers["content-type"] == "application/json"
    actual = h.body(request)
    assert h.json_equal(_fill(expected, CID), actual), actual
    validate_request(case.broker, request)
    if case.broker == "sophic":
        assert request.headers["idempotency-key"] == CID
        assert request.headers["api-version"] == "2026-01-01"
    else:
        assert "idempotency-key" not in request.headers
    assert rec.unrouted == []


@pytest.mark.parametrize(
    ("case", "text"),
    [
        (h.TRADESTATION, b'"LimitPrice":"10.50"'),
        (h.TRADESTATION_GLOBAL, b'"LimitPrice":"10.50"'),
    ],
    ids=["tradestation-20160101", "tradestation-20150101"],
)
def test_tradestation_price_text_is_the_users_digits(case: h.Case, text: bytes) -> None:
    rec = case.recorder()
    order = ob.Order(instrument="MSFT", side="buy", type="limit", quantity="10", limit_price=Decimal("10.50"))
    h.place(case, rec, order)
    assert text in case.places(rec)[0].content


def test_sophic_decimal_text_is_the_users_digits() -> None:
    rec = h.SOPHIC.recorder()
    h.place(h.SOPHIC, rec, ob.Order(instrument="ins_xyz789", side="buy", cash_amount="0.10"))
    assert b'"cash_amount":"0.10"' in h.SOPHIC.places(rec)[0].content


@pytest.mark.parametrize(
    ("case", "order", "wire_text"),
    [
        (
            h.TOPSTEPX,
            ob.Order(instrument="CON.F.US.EP.U25", side="buy", type="limit", quantity=1, limit_price=Decimal("0.1")),
            b'"limitPrice":0.1',
        ),
        (
            h.CROSSTRADE,
            ob.Order(instrument="MES 12-25", side="buy", type="limit", quantity=1, limit_price=Decimal("5490.25")),
            b'"limitPrice":5490.25',
        ),
    ],
    ids=["topstepx", "crosstrade"],
)
def test_json_number_brokers_send_numbers_not_strings(case: h.Case, order: ob.Order, wire_text: bytes) -> None:
    rec = case.recorder()
    assert isinstance(h.place(case, rec, order), ob.PlacedOrder)
    assert wire_text in case.places(rec)[0].content


@pytest.mark.parametrize("case", [h.TOPSTEPX, h.CROSSTRADE], ids=lambda c: c.id)
@pytest.mark.parametrize("price", ["6300.1234567890123456", "123456789012345678"])
def test_json_number_brokers_refuse_digits_a_number_cannot_carry(case: h.Case, price: str) -> None:
    rec = case.recorder()
    order = ob.Order(instrument="X", side="buy", type="limit", quantity=1, limit_price=Decimal(price))
    error = h.place(case, rec, order)
    assert isinstance(error, ob.InvalidOrder)
    assert error.field == "limit_price"
    h.assert_nothing_sent(rec)


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
def test_generated_client_order_id_is_sent_in_the_brokers_field(case: h.Case) -> None:
    rec = case.recorder()
    first = h.place(case, rec)
    second = h.place(case, rec)
    assert isinstance(first, ob.PlacedOrder) and isinstance(second, ob.PlacedOrder)
    assert case.order.client_order_id is None
    for placed, request in zip((first, second), case.places(rec), strict=True):
        assert re.fullmatch(h.CID_PATTERN, placed.client_order_id)
        assert case.cid_of(request) == placed.client_order_id
    assert first.client_order_id != second.client_order_id


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
def test_given_client_order_id_is_sent_unchanged(case: h.Case) -> None:
    rec = case.recorder()
    cid = "A" * 22
    order = ob.Order(**{**_order_fields(case.order), "client_order_id": cid})
    placed = h.place(case, rec, order)
    assert placed.client_order_id == cid
    assert case.cid_of(case.places(rec)[0]) == cid


def _order_fields(order: ob.Order) -> dict[str, Any]:
    return {f.name: getattr(order, f.name) for f in attrs.fields(ob.Order)}


@pytest.mark.parametrize(
    ("case", "extras", "fragment"),
    [
        (h.TOPSTEPX, {"notAField": 1}, "notAField"),
        (h.TOPSTEPX, {"customTag": "other"}, "customTag"),
        (h.TOPSTEPX, {"linkedOrderId": Decimal("12")}, "linkedOrderId"),
        (h.CROSSTRADE, {"instrument": "ES 12-25"}, "instrument"),
        (h.CROSSTRADE, {"atm": "x"}, "atm"),
        (h.TRADESTATION, {"OrderConfirmId": "x"}, "OrderConfirmId"),
        (h.TRADESTATION, {"FundSource": "Cash"}, "FundSource"),
        (h.TRADESTATION_GLOBAL, {"Duration": "DAY"}, "Duration"),
        (h.SOPHIC, {"limit_price": "1.00"}, "limit_price"),
        (h.SOPHIC, {"side": "sell"}, "side"),
    ],
    ids=lambda v: v.id if isinstance(v, h.Case) else None,
)
def test_extras_that_are_unknown_or_overwrite_mapped_fields_are_refused(
    case: h.Case, extras: dict[str, Any], fragment: str
) -> None:
    rec = case.recorder()
    order = ob.Order(**{**_order_fields(case.order), "extras": extras})
    error = h.place(case, rec, order)
    assert isinstance(error, ob.InvalidOrder), error
    assert error.field == "extras"
    assert fragment in str(error)
    h.assert_nothing_sent(rec)


MISFIT_EXTRAS = [
    (h.TOPSTEPX, {"stopLossBracket": {"ticks": "ten", "type": 4}}),
    (h.TOPSTEPX, {"takeProfitBracket": {"type": 1}}),  # "ticks" is required
    (h.CROSSTRADE, {"maxPositions": "three"}),
    (h.TRADESTATION, {"Route": 5}),
    (h.TRADESTATION, {"AssetType": "XX"}),
    (h.TRADESTATION_GLOBAL, {"FundSource": "Gold"}),
    (h.SOPHIC, {"automatic_rollover": "yes"}),
]


@pytest.mark.parametrize(
    ("case", "extras"),
    MISFIT_EXTRAS,
    ids=[f"{c.id}-{next(iter(e))}-{i}" for i, (c, e) in enumerate(MISFIT_EXTRAS)],  # type: ignore[call-overload]
)
def test_extras_that_do_not_fit_the_request_schema_are_refused_unsent(case: h.Case, extras: dict[str, Any]) -> None:
    """Extras are broker-native fields; a value of the wrong type must not reach the broker
    (the adapters mean to refuse "extras that do not fit" the generated request model)."""
    rec = case.recorder()
    outcome = h.place(case, rec, ob.Order(**{**_order_fields(case.order), "extras": extras}))
    if isinstance(outcome, ob.PlacedOrder):
        try:
            validate_request(case.broker, case.places(rec)[0])
        except Exception as exc:
            pytest.fail(f"sent a body that violates the spec: {case.places(rec)[0].content!r} ({type(exc).__name__})")
    else:
        assert isinstance(outcome, ob.InvalidOrder), outcome
        assert outcome.field == "extras"
        h.assert_nothing_sent(rec)


@pytest.mark.parametrize(
    ("case", "extras"),
    [
        (h.TOPSTEPX, {"stopLossBracket": {"ticks": Decimal("10"), "type": 4}}),
        (h.TRADESTATION, {"AdvancedOptions": {"TrailingStop": {"Amount": Decimal("1.50")}}}),
    ],
    ids=["topstepx-bracket-ticks", "tradestation-trailing-amount"],
)
def test_nested_decimal_extras_never_yield_an_unknown_outcome_for_an_unsent_order(
    case: h.Case, extras: dict[str, Any]
) -> None:
    """Decimal in, Decimal out: a Decimal inside an extras object is either sent as a JSON number
    or refused up front — it must not fail JSON encoding and be reported as "may exist"."""
    rec = case.recorder()
    outcome = h.place(case, rec, ob.Order(**{**_order_fields(case.order), "extras": extras}))
    assert not isinstance(outcome, ob.OutcomeUnknown), f"{outcome} (requests sent: {len(rec.requests)})"
    if isinstance(outcome, ob.InvalidOrder):
        h.assert_nothing_sent(rec)
    else:
        assert isinstance(outcome, ob.PlacedOrder), outcome
