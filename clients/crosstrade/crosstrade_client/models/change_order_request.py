from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChangeOrderRequest")


@_attrs_define
class ChangeOrderRequest:
    """Fields to change on a working order; all optional (CrossTrade put-change-order page).

    Attributes:
        quantity (int | Unset): New quantity.
        limit_price (float | Unset): New limit price.
        stop_price (float | Unset): New stop price.
        strategy_id (str | Unset): ATM strategy id the order belongs to.
    """

    quantity: int | Unset = UNSET
    limit_price: float | Unset = UNSET
    stop_price: float | Unset = UNSET
    strategy_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        limit_price = self.limit_price

        stop_price = self.stop_price

        strategy_id = self.strategy_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if limit_price is not UNSET:
            field_dict["limitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["stopPrice"] = stop_price
        if strategy_id is not UNSET:
            field_dict["strategyId"] = strategy_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity", UNSET)

        limit_price = d.pop("limitPrice", UNSET)

        stop_price = d.pop("stopPrice", UNSET)

        strategy_id = d.pop("strategyId", UNSET)

        change_order_request = cls(
            quantity=quantity,
            limit_price=limit_price,
            stop_price=stop_price,
            strategy_id=strategy_id,
        )

        change_order_request.additional_properties = d
        return change_order_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
