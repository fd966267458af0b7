"""The broker-neutral Order model (issue 4, "Done when" 6, first half)."""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from typing import Any

import attrs
import pytest

import orderbridge as ob
from orderbridge.testing import with_client_order_id

BASE: dict[str, Any] = {"instrument": "CON.F.US.MES.Z25", "side": "buy", "quantity": Decimal("1")}


def order(**changes: Any) -> ob.Order:
    return ob.Order(**{**BASE, **changes})


def refused(field: str, **changes: Any) -> ob.InvalidOrder:
    with pytest.raises(ob.InvalidOrder) as caught:
        order(**changes)
    assert caught.value.field == field, (caught.value.field, str(caught.value))
    assert caught.value.order_may_exist is False
    return caught.value


PRICE_FIELDS: dict[str, dict[str, Any]] = {
    "quantity": {},
    "cash_amount": {"quantity": None},
    "limit_price": {"type": "limit"},
    "stop_price": {"type": "stop"},
    "trail_price": {"type": "trailing_stop"},
}


@pytest.mark.parametrize("field", list(PRICE_FIELDS))
def test_floats_are_refused_with_a_message_naming_the_field(field: str) -> None:
    error = refused(field, **PRICE_FIELDS[field], **{field: 1.1})
    assert field in str(error)
    assert "float" in str(error)
    assert "1.1" in str(error)  # and shows what to write instead


@pytest.mark.parametrize("field", list(PRICE_FIELDS))
@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), "-Infinity", "nan", "inf"])
def test_non_finite_numbers_are_refused(field: str, value: Any) -> None:
    refused(field, **PRICE_FIELDS[field], **{field: value})


@pytest.mark.parametrize("field", list(PRICE_FIELDS))
@pytest.mark.parametrize("value", [0, Decimal("0"), "0.000", Decimal("-0"), -1, Decimal("-0.01"), "-5"])
def test_zero_and_negative_numbers_are_refused(field: str, value: Any) -> None:
    error = refused(field, **PRICE_FIELDS[field], **{field: value})
    assert "greater than zero" in str(error)


@pytest.mark.parametrize("value", [True, False, "abc", "", "1,5", [1], object()])
def test_other_non_numbers_are_refused(value: Any) -> None:
    refused("quantity", quantity=value)


@pytest.mark.parametrize(
    ("given", "expected_text"),
    [(Decimal("1.50"), "1.50"), ("1.50", "1.50"), (" 2.000 ", "2.000"), (3, "3"), ("1E+2", "1E+2")],
)
def test_numbers_keep_the_users_digits(given: Any, expected_text: str) -> None:
    value = order(quantity=given).quantity
    assert isinstance(value, Decimal)
    assert str(value) == expected_text


@pytest.mark.parametrize(
    "changes",
    [{"quantity": None}, {"cash_amount": Decimal("100")}],
    ids=["neither", "both"],
)
def test_exactly_one_of_quantity_and_cash_amount(changes: dict[str, Any]) -> None:
    error = refused("quantity", **changes)
    assert "exactly one" in str(error)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"limit_price": 1}, "limit_price"),
        ({"stop_price": 1}, "stop_price"),
        ({"trail_price": 1}, "trail_price"),
        ({"type": "limit"}, "limit_price"),
        ({"type": "limit", "limit_price": 1, "stop_price": 1}, "stop_price"),
        ({"type": "stop"}, "stop_price"),
        ({"type": "stop", "stop_price": 1, "limit_price": 1}, "limit_price"),
        ({"type": "stop_limit", "limit_price": 1}, "stop_price"),
        ({"type": "stop_limit", "stop_price": 1}, "limit_price"),
        ({"type": "trailing_stop"}, "trail_price"),
        ({"type": "trailing_stop", "trail_price": 1, "stop_price": 1}, "stop_price"),
    ],
)
def test_prices_must_fit_the_order_type(changes: dict[str, Any], field: str) -> None:
    refused(field, **changes)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"type": "limit", "limit_price": "1"},
        {"type": "stop", "stop_price": "1"},
        {"type": "stop_limit", "limit_price": "1", "stop_price": "2"},
        {"type": "trailing_stop", "trail_price": "1"},
    ],
)
def test_prices_that_fit_are_accepted(changes: dict[str, Any]) -> None:
    o = order(**changes)
    for name in ("limit_price", "stop_price", "trail_price"):
        assert (getattr(o, name) is not None) == (name in changes)


def test_gtd_needs_a_date_and_a_date_needs_gtd() -> None:
    refused("expire_date", time_in_force="gtd")
    refused("expire_date", time_in_force="day", expire_date=dt.date(2026, 1, 2))
    refused("expire_date", expire_date="2026-01-02")
    refused("expire_date", time_in_force="gtd", expire_date=dt.datetime(2026, 1, 2, 10, 0))
    refused("expire_date", time_in_force="gtd", expire_date="2026-13-01")
    refused("expire_date", time_in_force="gtd", expire_date=20260102)
    assert order(time_in_force="gtd", expire_date="2026-01-02").expire_date == dt.date(2026, 1, 2)


@pytest.mark.parametrize("cid", ["a", "A" * 22, "ob-7f3c_2a9e", "0123456789-_abcdefXYZ"])
def test_client_order_id_pattern_accepts(cid: str) -> None:
    assert order(client_order_id=cid).client_order_id == cid


@pytest.mark.parametrize(
    "cid", ["", "A" * 23, "has space", "slash/", "plus+", "dot.", "é", "tab\t", 12345, "abc\n", "A" * 22 + "\n"]
)
def test_client_order_id_pattern_refuses(cid: Any) -> None:
    error = refused("client_order_id", client_order_id=cid)
    assert "22" in str(error)


def test_generated_client_order_ids_fit_every_broker() -> None:
    ids = {ob.new_client_order_id() for _ in range(500)}
    assert len(ids) == 500
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{22}", i) for i in ids)
    for broker in ob.BROKERS:
        assert ob.capabilities(broker).client_order_id_max_length >= 22


@pytest.mark.parametrize(
    ("field", "value"),
    [("side", "long"), ("side", None), ("type", "iceberg"), ("time_in_force", "forever"), ("side", 1)],
)
def test_enums_are_checked(field: str, value: Any) -> None:
    refused(field, **{field: value})


def test_enums_accept_any_case_and_members() -> None:
    o = order(side="SELL", type=" Limit ", limit_price=1, time_in_force="GTC")
    assert (o.side, o.type, o.time_in_force) == (ob.Side.SELL, ob.OrderType.LIMIT, ob.TimeInForce.GTC)
    assert order(side=ob.Side.BUY).side is ob.Side.BUY


@pytest.mark.parametrize("instrument", ["", "   ", " MES", "MES ", None, 5])
def test_instrument_must_be_a_clean_non_empty_string(instrument: Any) -> None:
    refused("instrument", instrument=instrument)


@pytest.mark.parametrize(
    "extras", [{"a": 1.5}, {1: "x"}, ["a"], "a=b"], ids=["float-value", "non-str-key", "list", "str"]
)
def test_extras_are_checked(extras: Any) -> None:
    refused("extras", extras=extras)


def test_flatten_first_must_be_a_bool() -> None:
    refused("flatten_first", flatten_first="yes")


def test_order_is_frozen_and_extras_are_read_only() -> None:
    o = order(extras={"ocoId": "a"})
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        o.quantity = Decimal("2")  # type: ignore[misc]
    with pytest.raises(TypeError):
        o.extras["ocoId"] = "b"  # type: ignore[index]
    source = {"ocoId": "a"}
    o2 = order(extras=source)
    source["ocoId"] = "changed"
    assert o2.extras["ocoId"] == "a"
    assert attrs.evolve(o, quantity=Decimal("3")).quantity == Decimal("3")
    with pytest.raises(ob.InvalidOrder):
        attrs.evolve(o, quantity=3.0)


def test_invalid_order_is_a_value_error_and_an_orderbridge_error() -> None:
    error = refused("quantity", quantity=-1)
    assert isinstance(error, ValueError)
    assert isinstance(error, ob.OrderbridgeError)


def test_placed_order_keeps_raw_out_of_repr_and_equality() -> None:
    a = ob.PlacedOrder(broker="b", account="a", order_id="1", client_order_id="c", raw={"x": 1})
    b = ob.PlacedOrder(broker="b", account="a", order_id="1", client_order_id="c", raw={"y": 2})
    assert a == b
    assert "raw" not in repr(a)


def test_generated_client_order_ids_never_start_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A leading '-' makes command lines read the id as an option; such draws are redrawn."""
    assert all(not ob.new_client_order_id().startswith("-") for _ in range(2000))
    draws = iter([b"\xfb" + bytes(15), b"\x00" * 16])  # urlsafe base64 of 0xfb00... is "-wAA..."
    monkeypatch.setattr(os, "urandom", lambda n: next(draws))
    assert ob.new_client_order_id() == "A" * 22


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"type": "limit", "limit_price": "5012.25", "time_in_force": "gtd", "expire_date": "2026-12-31"},
        {"type": "stop_limit", "limit_price": "1.5", "stop_price": "1.25", "client_order_id": "mine-1"},
        {"quantity": None, "cash_amount": "100.00", "flatten_first": True, "extras": {"Route": "Intelligent"}},
    ],
)
def test_with_client_order_id_builds_what_attrs_evolve_builds(changes: dict[str, Any]) -> None:
    given = order(**changes)
    derived = with_client_order_id(given, "ob-7f3c_2a9e")
    assert derived == attrs.evolve(given, client_order_id="ob-7f3c_2a9e")
    assert type(derived) is ob.Order
    assert attrs.asdict(derived) == {**attrs.asdict(given), "client_order_id": "ob-7f3c_2a9e"}
    assert given.client_order_id == changes.get("client_order_id")  # the original is unchanged


@pytest.mark.parametrize("cid", ["", "x" * 23, "has space", "dot.ted"])
def test_with_client_order_id_checks_the_new_id(cid: str) -> None:
    with pytest.raises(ob.InvalidOrder) as caught:
        with_client_order_id(order(), cid)
    assert caught.value.field == "client_order_id"
