from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_type import OrderType

T = TypeVar("T", bound="PlaceOrderBracket")


@_attrs_define
class PlaceOrderBracket:
    """Attached protective order, `ticks` away from the fill. Accepted only in "Auto OCO
    Brackets" mode. The tick sign convention is undocumented (community clients sign it by
    direction: long stop negative, long target positive, reversed for shorts).

        Attributes:
            ticks (int):
            type_ (OrderType): Order type. Placeable per the docs: 1 Limit, 2 Market, 4 Stop, 5 TrailingStop,
                6 JoinBid, 7 JoinAsk. 0 Unknown and 3 StopLimit exist but are not documented as
                placeable.
    """

    ticks: int
    type_: OrderType

    def to_dict(self) -> dict[str, Any]:
        ticks = self.ticks

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "ticks": ticks,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ticks = d.pop("ticks")

        type_ = OrderType(d.pop("type"))

        place_order_bracket = cls(
            ticks=ticks,
            type_=type_,
        )

        return place_order_bracket
