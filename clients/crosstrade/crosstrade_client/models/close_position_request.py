from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ClosePositionRequest")


@_attrs_define
class ClosePositionRequest:
    """
    Attributes:
        instrument (str): Instrument whose position to close.
        quantity (int | Unset): Contracts to close; omit (with `percent`) to close everything.
        percent (float | Unset): Fraction to close, 0–1, rounded up; ignored when `quantity` is given.
    """

    instrument: str
    quantity: int | Unset = UNSET
    percent: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        quantity = self.quantity

        percent = self.percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrument": instrument,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if percent is not UNSET:
            field_dict["percent"] = percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = d.pop("instrument")

        quantity = d.pop("quantity", UNSET)

        percent = d.pop("percent", UNSET)

        close_position_request = cls(
            instrument=instrument,
            quantity=quantity,
            percent=percent,
        )

        close_position_request.additional_properties = d
        return close_position_request

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
