"""Capabilities are data, queryable and enforced before sending (issue 4, "Done when" 6)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

import orderbridge as ob

from . import helpers as h

D = Decimal
ALL_TYPES = {"market", "limit", "stop", "stop_limit", "trailing_stop"}
ALL_TIF = {"day", "gtc", "ioc", "fok", "gtd"}
EXPECTED: dict[str, dict[str, Any]] = {
    "topstepx": {
        "order_types": {"market", "limit", "stop", "trailing_stop"},
        "time_in_force": set(),
        "quantity_sides": {"buy", "sell"},
        "cash_amount_sides": set(),
        "flatten_first": False,
        "client_order_id_field": "customTag",
        "idempotent_placement": False,
        "fractional_quantity": False,
    },
    "crosstrade": {
        "order_types": {"market", "limit", "stop", "stop_limit"},
        "time_in_force": {"day", "gtc"},
        "quantity_sides": {"buy", "sell"},
        "cash_amount_sides": set(),
        "flatten_first": True,
        "client_order_id_field": "orderId",
        "idempotent_placement": False,
        "fractional_quantity": False,
    },
    "tradestation": {
        "order_types": {"market", "limit", "stop", "stop_limit"},
        "time_in_force": ALL_TIF,
        "quantity_sides": {"buy", "sell"},
        "cash_amount_sides": set(),
        "flatten_first": False,
        "client_order_id_field": "OrderConfirmId",
        "idempotent_placement": True,
        "fractional_quantity": False,
    },
    "sophic": {
        "order_types": {"market"},
        "time_in_force": set(),
        "quantity_sides": {"sell"},
        "cash_amount_sides": {"buy"},
        "flatten_first": False,
        "client_order_id_field": "Idempotency-Key",
        "idempotent_placement": True,
        "fractional_quantity": True,
    },
}


@pytest.mark.parametrize("broker", list(EXPECTED))
def test_capabilities_are_queryable(broker: str) -> None:
    caps = ob.capabilities(broker)
    assert caps.broker == broker
    for name, expected in EXPECTED[broker].items():
        value = getattr(caps, name)
        actual = {v.value for v in value} if isinstance(value, frozenset) else value
        assert actual == expected, name
    as_dict = caps.as_dict()
    json.dumps(as_dict)  # plain data
    assert as_dict["order_types"] == sorted(EXPECTED[broker]["order_types"])
    assert ob.all_capabilities()[broker] == caps


def test_all_capabilities_covers_the_four_brokers() -> None:
    assert set(ob.all_capabilities()) == set(ob.BROKERS) == set(EXPECTED)


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
def test_session_exposes_its_capabilities(case: h.Case) -> None:
    with ob.connect(
        case.broker,
        credentials=dict(case.credentials),
        api_version=case.api_version,
        transport=httpx.MockTransport(case.recorder()),
    ) as session:
        assert session.capabilities == ob.capabilities(case.broker)


def _unsupported_orders(case: h.Case) -> list[tuple[str, dict[str, Any], str]]:
    """(label, order kwargs, feature) for everything the broker refuses as NotSupported."""
    caps = EXPECTED[case.broker]
    size = {"quantity": D("1")} if "buy" in caps["quantity_sides"] else {"cash_amount": D("10")}
    prices = {
        "market": {},
        "limit": {"limit_price": D("1")},
        "stop": {"stop_price": D("1")},
        "stop_limit": {"limit_price": D("1"), "stop_price": D("1")},
        "trailing_stop": {"trail_price": D("1")},
    }
    rows = [(f"type-{t}", {"type": t, **prices[t], **size}, "type") for t in sorted(ALL_TYPES - caps["order_types"])]
    for tif in sorted(ALL_TIF - caps["time_in_force"]):
        extra = {"expire_date": dt.date(2030, 1, 2)} if tif == "gtd" else {}
        rows.append((f"tif-{tif}", {"time_in_force": tif, **extra, **size}, "time_in_force"))
    if not caps["flatten_first"]:
        rows.append(("flatten-first", {"flatten_first": True, **size}, "flatten_first"))
    if case is h.TRADESTATION_GLOBAL:
        rows.append(
            ("tif-gtd-global", {"time_in_force": "gtd", "expire_date": dt.date(2030, 1, 2), **size}, "time_in_force")
        )
    return rows


UNSUPPORTED = [(case, *row) for case in h.CASES for row in _unsupported_orders(case)]


def test_every_broker_has_unsupported_rows() -> None:
    assert {c.id for c, *_ in UNSUPPORTED} == {c.id for c in h.CASES}


@pytest.mark.parametrize(
    ("case", "label", "kwargs", "feature"), UNSUPPORTED, ids=[f"{c.id}-{label}" for c, label, *_ in UNSUPPORTED]
)
@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_not_supported_before_anything_is_sent(
    case: h.Case, label: str, kwargs: dict[str, Any], feature: str, async_: bool
) -> None:
    rec = case.recorder()
    error = h.place(case, rec, ob.Order(instrument="X", side="buy", **kwargs), async_=async_)
    assert type(error) is ob.NotSupported, error
    assert error.feature == feature
    assert error.broker == case.broker
    assert error.order_may_exist is False
    h.assert_nothing_sent(rec)  # not even a login


INVALID = [
    (h.SOPHIC, "buy-by-quantity", dict(side="buy", quantity=D("10")), "quantity"),
    (h.SOPHIC, "sell-by-cash", dict(side="sell", cash_amount=D("10")), "cash_amount"),
    (h.SOPHIC, "cash-3dp", dict(side="buy", cash_amount=D("100.001")), "cash_amount"),
    (h.SOPHIC, "cash-trailing-zero-3dp", dict(side="buy", cash_amount=D("100.000")), "cash_amount"),
    (h.SOPHIC, "quantity-5dp", dict(side="sell", quantity=D("1.00001")), "quantity"),
    (h.TOPSTEPX, "fractional", dict(side="buy", quantity=D("1.5")), "quantity"),
    (h.TOPSTEPX, "cash", dict(side="buy", cash_amount=D("100")), "cash_amount"),
    (h.CROSSTRADE, "fractional", dict(side="sell", quantity=D("0.5")), "quantity"),
    (h.TRADESTATION, "fractional", dict(side="buy", quantity=D("10.5")), "quantity"),
    (h.TRADESTATION_GLOBAL, "cash", dict(side="buy", cash_amount=D("100")), "cash_amount"),
]


@pytest.mark.parametrize(
    ("case", "label", "kwargs", "field"), INVALID, ids=[f"{c.id}-{label}" for c, label, *_ in INVALID]
)
def test_invalid_for_this_broker_names_the_field_and_sends_nothing(
    case: h.Case, label: str, kwargs: dict[str, Any], field: str
) -> None:
    rec = case.recorder()
    error = h.place(case, rec, ob.Order(instrument="X", **kwargs))
    assert type(error) is ob.InvalidOrder, error
    assert error.field == field
    assert field in str(error)
    assert error.broker == case.broker
    h.assert_nothing_sent(rec)


@pytest.mark.parametrize(
    ("case", "kwargs"),
    [
        (h.SOPHIC, dict(side="buy", cash_amount=D("100.00"))),
        (h.SOPHIC, dict(side="sell", quantity=D("1.0001"))),
        (h.SOPHIC, dict(side="buy", cash_amount=D("1E+3"))),
        (h.TOPSTEPX, dict(side="buy", quantity=D("2.00"))),
    ],
    ids=["sophic-2dp", "sophic-4dp", "sophic-exponent", "topstepx-whole-with-zeros"],
)
def test_precision_at_the_limit_is_accepted(case: h.Case, kwargs: dict[str, Any]) -> None:
    assert isinstance(h.place(case, case.recorder(), ob.Order(instrument="X", **kwargs)), ob.PlacedOrder)


@pytest.mark.parametrize("account", ["abc", "0", "-4", "2147483648", "4.5", ""])
def test_topstepx_account_must_be_an_int32_id(account: str) -> None:
    rec = h.TOPSTEPX.recorder()
    session = ob.connect("topstepx", credentials=dict(h.TOPSTEPX.credentials), transport=httpx.MockTransport(rec))
    with session, pytest.raises(ob.InvalidOrder) as caught:
        session.place_order(h.TOPSTEPX.order, account=account)
    assert caught.value.field == "account"
    h.assert_nothing_sent(rec)


def test_topstepx_quantity_beyond_int32_is_refused() -> None:
    """``size`` is an int32 on the wire (spec); the facade range-checks ``accountId`` the same way."""
    rec = h.TOPSTEPX.recorder()
    error = h.place(h.TOPSTEPX, rec, ob.Order(instrument="X", side="buy", quantity=D(2**31)))
    assert isinstance(error, ob.InvalidOrder), error
    assert error.field == "quantity"
    h.assert_nothing_sent(rec)


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize(
    "order", ["not an order", None, {"instrument": "X", "side": "buy", "quantity": "1"}], ids=["str", "none", "dict"]
)
def test_place_order_refuses_non_orders(case: h.Case, order: Any) -> None:
    rec = case.recorder()
    error = h.run(h.open_session(case, rec), "place_order", order, account=case.account)
    assert isinstance(error, ob.InvalidOrder)
    h.assert_nothing_sent(rec)


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("account", ["", "   "])
def test_blank_account_is_refused(case: h.Case, account: str) -> None:
    rec = case.recorder()
    error = h.run(h.open_session(case, rec), "place_order", case.order, account=account)
    assert isinstance(error, ob.InvalidOrder)
    assert error.field == "account"
    h.assert_nothing_sent(rec)
