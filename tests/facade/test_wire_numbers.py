"""Numbers read from responses keep the wire's exact text (checked against Python's own
``Decimal`` constructor on the same characters, an independent parse)."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from orderbridge.testing import Reader, decode, to_wire_decimal

digits = st.from_regex(r"-?(0|[1-9][0-9]{0,17})(\.[0-9]{1,12})?([eE][-+]?[0-9]{1,2})?", fullmatch=True)


@given(digits)
def test_a_json_number_keeps_its_digits(text: str) -> None:
    row = decode(('{"price": ' + text + "}").encode())
    value = Reader(row, "topstepx", "test").need_decimal("price")
    assert value == Decimal(text)
    if "." in text or "e" in text.lower():
        assert str(value) == str(Decimal(text))  # same digits, trailing zeros included


@given(digits)
def test_a_decimal_string_keeps_its_digits(text: str) -> None:
    assert str(to_wire_decimal(json.loads(json.dumps(text)))) == str(Decimal(text))


def test_missing_null_and_junk_are_none_not_zero() -> None:
    row = Reader({"a": None, "b": "n/a", "c": True, "d": "NaN"}, "sophic", "test")
    assert [row.maybe_decimal(k) for k in ("a", "b", "c", "d", "absent")] == [None] * 5
