"""Property tests (hypothesis): random Orders either map to requests that validate against the
broker's spec, carrying the user's exact numbers, or are refused with InvalidOrder/NotSupported
before anything is sent (issue 4, "Done when" 6).
"""

from __future__ import annotations

import datetime as dt
import string
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

import orderbridge as ob
from orderbridge.testing import MAX_DIGITS, MAX_MAGNITUDE, decimal_text
from orderbridge_sandbox.spec import validate_request

from . import helpers as h

# Positive decimals with varied digits and exponents ("0.000123", "45.60", "7E+2"). Kept below
# 2**31 units so TopstepX's int32 size is exercised by its own test (test_capabilities).
decimals = st.builds(lambda n, e: Decimal(n).scaleb(e), st.integers(1, 10**6), st.integers(-6, 3))
client_ids = st.none() | st.text(string.ascii_letters + string.digits + "_-", min_size=1, max_size=22)
instruments = st.sampled_from(["CON.F.US.MES.Z25", "MES 12-25", "MSFT", "JP:8698-TS", "ins_xyz789"]) | st.text(
    string.ascii_uppercase + string.digits + ".:-_", min_size=1, max_size=16
)
words = st.text(string.ascii_letters + string.digits, min_size=1, max_size=12)
bracket = st.fixed_dictionaries({"ticks": st.integers(1, 1000), "type": st.sampled_from([1, 2, 4])})

EXTRAS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "topstepx": {"stopLossBracket": bracket, "takeProfitBracket": bracket, "linkedOrderId": st.integers(1, 2**40)},
    "crosstrade": {
        "ocoId": words,
        "strategy": words,
        "requireMarketPosition": st.sampled_from(["flat", "long", "short", "flat,long"]),
        "maxPositions": st.integers(1, 50),
    },
    "tradestation-20160101": {
        "Route": st.sampled_from(["Intelligent", "NSDQ", "ARCA"]),
        "AssetType": st.sampled_from(["EQ", "FU", "OP"]),
    },
    "tradestation-20150101": {
        "Route": st.sampled_from(["Intelligent"]),
        "FundSource": st.sampled_from(["Cash", "Margin"]),
        "ClientTag": words,
        "AssetType": st.sampled_from(["Equity", "Future"]),
        "Condition": st.sampled_from(["Basic"]),
    },
    "sophic": {"automatic_rollover": st.booleans(), "quote": st.just("quo_r5t7y9u1")},
}
PRICES = {
    "market": (),
    "limit": ("limit_price",),
    "stop": ("stop_price",),
    "stop_limit": ("limit_price", "stop_price"),
    "trailing_stop": ("trail_price",),
}


@st.composite
def orders(draw: st.DrawFn, case: h.Case) -> ob.Order:
    """Any Order; three times out of four one shaped to the broker's capabilities (so most
    examples reach the wire), otherwise anything the model accepts."""
    caps = ob.capabilities(case.broker)
    fits = draw(st.integers(0, 3)) > 0
    kinds = sorted(t.value for t in caps.order_types) if fits else sorted(PRICES)
    kind = draw(st.sampled_from(kinds))
    side = draw(st.sampled_from(["buy", "sell"]))
    fields: dict[str, Any] = {
        "instrument": draw(instruments),
        "side": side,
        "type": kind,
        "client_order_id": draw(client_ids),
        "flatten_first": draw(st.booleans()) if (caps.flatten_first or not fits) else False,
    }
    fields.update({name: draw(decimals) for name in PRICES[kind]})
    if fits:
        size_field = "cash_amount" if ob.Side(side) in caps.cash_amount_sides else "quantity"
    else:
        size_field = draw(st.sampled_from(["quantity", "cash_amount"]))
    size = draw(decimals)
    if fits and size_field == "quantity" and not caps.fractional_quantity:
        size = Decimal(draw(st.integers(1, 10**6))).scaleb(draw(st.integers(0, 2)))
    fields[size_field] = size
    tifs = sorted(t.value for t in caps.time_in_force) if fits else ["day", "gtc", "ioc", "fok", "gtd"]
    tif = draw(st.none() | st.sampled_from(tifs)) if tifs else None
    fields["time_in_force"] = tif
    if tif == "gtd":
        fields["expire_date"] = draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
    allowed = EXTRAS[case.id]
    keys = draw(st.lists(st.sampled_from(sorted(allowed)), unique=True, max_size=len(allowed)))
    fields["extras"] = {k: draw(allowed[k]) for k in keys}
    try:
        return ob.Order(**fields)
    except ob.InvalidOrder:
        assume(False)
        raise


def _wire_numbers(case: h.Case, order: ob.Order, sent: dict[str, Any]) -> None:
    """The numbers on the wire are exactly the user's (strings keep the digits)."""
    names = {
        "topstepx": {
            "limit_price": "limitPrice",
            "stop_price": "stopPrice",
            "trail_price": "trailPrice",
            "quantity": "size",
        },
        "crosstrade": {"limit_price": "limitPrice", "stop_price": "stopPrice", "quantity": "quantity"},
        "tradestation": {"limit_price": "LimitPrice", "stop_price": "StopPrice", "quantity": "Quantity"},
        "sophic": {"cash_amount": "cash_amount", "quantity": "quantity"},
    }[case.broker]
    for field, key in names.items():
        value = getattr(order, field)
        if value is None:
            assert key not in sent
        elif case.broker in ("tradestation", "sophic"):
            assert sent[key] == decimal_text(value)
        else:
            assert isinstance(sent[key], (int, Decimal)) and not isinstance(sent[key], bool)
            assert Decimal(sent[key]) == value


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_random_orders_validate_against_the_spec_or_are_refused_unsent(case: h.Case, data: st.DataObject) -> None:
    order = data.draw(orders(case))
    rec = case.recorder()
    with h.open_session(case, rec) as session:
        try:
            placed = session.place_order(order, account=case.account)
        except (ob.InvalidOrder, ob.NotSupported) as refusal:
            event(f"refused: {type(refusal).__name__}")
            assert rec.requests == []
            return
    event("placed")
    assert isinstance(placed, ob.PlacedOrder)
    places = [
        r
        for r in rec.requests
        if r.url.path.endswith(("/orders/place", "/orders/flatplace")) or r.url.path == case.place_path
    ]
    assert len(places) == 1
    request = places[0]
    for sent in rec.requests:
        validate_request(case.broker, sent)
    assert case.cid_of(request) == placed.client_order_id
    if order.client_order_id is not None:
        assert placed.client_order_id == order.client_order_id
    _wire_numbers(case, order, h.body(request))
    for key, value in order.extras.items():
        assert h.body(request)[key] == value


@given(
    value=st.one_of(
        st.decimals(min_value=Decimal("1e-18"), max_value=Decimal("1e18"), allow_nan=False, allow_infinity=False),
        st.decimals(allow_nan=False, allow_infinity=False),
    ).filter(lambda d: d > 0)
)
@settings(max_examples=200, deadline=None, database=None)
def test_order_numbers_keep_the_exact_decimal(value: Decimal) -> None:
    """Every number within the documented bounds is kept digit for digit; every other one is
    refused naming the field (never rounded)."""
    if len(value.as_tuple().digits) > MAX_DIGITS or not -MAX_MAGNITUDE <= value.adjusted() <= MAX_MAGNITUDE:
        with pytest.raises(ob.InvalidOrder) as refused:
            ob.Order(instrument="X", side="buy", quantity=value)
        assert refused.value.field == "quantity"
        return
    o = ob.Order(instrument="X", side="buy", quantity=value)
    assert o.quantity is not None
    assert str(o.quantity) == str(value)
    assert o.quantity.as_tuple() == value.as_tuple()
    o2 = ob.Order(instrument="X", side="buy", quantity=str(value))
    assert o2.quantity is not None and o2.quantity.as_tuple() == value.as_tuple()
    text = decimal_text(value)
    assert Decimal(text) == value
    assert "E" not in text and "e" not in text


@given(value=st.floats(allow_nan=True, allow_infinity=True))
@settings(max_examples=50, deadline=None, database=None)
def test_any_float_is_refused(value: float) -> None:
    with pytest.raises(ob.InvalidOrder) as caught:
        ob.Order(instrument="X", side="buy", quantity=value)
    assert caught.value.field == "quantity"
