"""Empty extras are refused before sending: the specs require content where they appear
(TradeStation ``OSOs`` minItems 1, ``Route`` minLength 1), and found by the order fuzzer."""

from __future__ import annotations

import pytest

import orderbridge as ob
from orderbridge.testing import preview_order


@pytest.mark.parametrize(
    ("broker", "extras"),
    [
        ("tradestation", {"OSOs": []}),
        ("tradestation", {"Route": ""}),
        ("tradestation", {"AdvancedOptions": {"TrailingStop": {}}}),
        ("crosstrade", {"ocoId": ""}),
    ],
)
def test_empty_extras_are_refused_naming_the_key(broker: str, extras: dict[str, object]) -> None:
    order = ob.Order(instrument="MSFT", side="buy", quantity=1, extras=extras)
    with pytest.raises(ob.InvalidOrder) as info:
        preview_order(broker, order, account="123456")
    assert info.value.field == "extras"
    assert repr(next(iter(extras))) in str(info.value)
    assert info.value.order_may_exist is False


def test_non_empty_extras_still_pass_through() -> None:
    order = ob.Order(instrument="MSFT", side="buy", quantity=1, extras={"Route": "Intelligent"})
    assert b'"Route":"Intelligent"' in preview_order("tradestation", order, account="123456").body
