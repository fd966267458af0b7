from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClosedPosition")


@_attrs_define
class ClosedPosition:
    """A position closed today and its realized result (TS-OAS `ClosedPositions` item).

    Attributes:
        currency (str | Unset):
        profit (float | Unset): Realized profit or loss of the close.
        symbol (str | Unset):
    """

    currency: str | Unset = UNSET
    profit: float | Unset = UNSET
    symbol: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        profit = self.profit

        symbol = self.symbol

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if profit is not UNSET:
            field_dict["Profit"] = profit
        if symbol is not UNSET:
            field_dict["Symbol"] = symbol

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("Currency", UNSET)

        profit = d.pop("Profit", UNSET)

        symbol = d.pop("Symbol", UNSET)

        closed_position = cls(
            currency=currency,
            profit=profit,
            symbol=symbol,
        )

        closed_position.additional_properties = d
        return closed_position

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
