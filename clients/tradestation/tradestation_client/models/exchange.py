from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_type_code import AssetTypeCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Exchange")


@_attrs_define
class Exchange:
    """One route id valid for the `Route` field.

    Attributes:
        asset_type (AssetTypeCode | str | Unset):
        id (str | Unset): Route id for the `Route` field.
        name (str | Unset):
    """

    asset_type: AssetTypeCode | str | Unset = UNSET
    id: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        asset_type: str | Unset
        if isinstance(self.asset_type, Unset):
            asset_type = UNSET
        elif isinstance(self.asset_type, AssetTypeCode):
            asset_type = self.asset_type.value
        else:
            asset_type = self.asset_type

        id = self.id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if asset_type is not UNSET:
            field_dict["AssetType"] = asset_type
        if id is not UNSET:
            field_dict["Id"] = id
        if name is not UNSET:
            field_dict["Name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_asset_type(data: object) -> AssetTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_type_type_0 = AssetTypeCode(data)

                return asset_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetTypeCode | str | Unset, data)

        asset_type = _parse_asset_type(d.pop("AssetType", UNSET))

        id = d.pop("Id", UNSET)

        name = d.pop("Name", UNSET)

        exchange = cls(
            asset_type=asset_type,
            id=id,
            name=name,
        )

        exchange.additional_properties = d
        return exchange

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
