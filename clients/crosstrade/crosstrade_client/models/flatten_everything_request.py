from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.flatten_market_position import FlattenMarketPosition
from ..types import UNSET, Unset

T = TypeVar("T", bound="FlattenEverythingRequest")


@_attrs_define
class FlattenEverythingRequest:
    """All filters optional; an empty object flattens every account.

    Attributes:
        account (str | Unset): Only this NT8 account.
        instrument (str | Unset): Only this instrument.
        market_position (FlattenMarketPosition | Unset): Side filter for flatten-everything.
    """

    account: str | Unset = UNSET
    instrument: str | Unset = UNSET
    market_position: FlattenMarketPosition | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        instrument = self.instrument

        market_position: str | Unset = UNSET
        if not isinstance(self.market_position, Unset):
            market_position = self.market_position.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account is not UNSET:
            field_dict["account"] = account
        if instrument is not UNSET:
            field_dict["instrument"] = instrument
        if market_position is not UNSET:
            field_dict["marketPosition"] = market_position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = d.pop("account", UNSET)

        instrument = d.pop("instrument", UNSET)

        _market_position = d.pop("marketPosition", UNSET)
        market_position: FlattenMarketPosition | Unset
        if isinstance(_market_position, Unset):
            market_position = UNSET
        else:
            market_position = FlattenMarketPosition(_market_position)

        flatten_everything_request = cls(
            account=account,
            instrument=instrument,
            market_position=market_position,
        )

        flatten_everything_request.additional_properties = d
        return flatten_everything_request

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
