from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_type import PositionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PositionModel")


@_attrs_define
class PositionModel:
    """
    Attributes:
        id (int):
        account_id (int):
        contract_id (str):
        creation_timestamp (datetime.datetime):
        type_ (int | PositionType):
        size (int): Always positive; direction is in `type`.
        average_price (float):
        contract_display_name (None | str | Unset): Newest spec only.
    """

    id: int
    account_id: int
    contract_id: str
    creation_timestamp: datetime.datetime
    type_: int | PositionType
    size: int
    average_price: float
    contract_display_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        contract_id = self.contract_id

        creation_timestamp = self.creation_timestamp.isoformat()

        type_: int
        if isinstance(self.type_, PositionType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        size = self.size

        average_price = self.average_price

        contract_display_name: None | str | Unset
        if isinstance(self.contract_display_name, Unset):
            contract_display_name = UNSET
        else:
            contract_display_name = self.contract_display_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "accountId": account_id,
                "contractId": contract_id,
                "creationTimestamp": creation_timestamp,
                "type": type_,
                "size": size,
                "averagePrice": average_price,
            }
        )
        if contract_display_name is not UNSET:
            field_dict["contractDisplayName"] = contract_display_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("accountId")

        contract_id = d.pop("contractId")

        creation_timestamp = datetime.datetime.fromisoformat(d.pop("creationTimestamp"))

        def _parse_type_(data: object) -> int | PositionType:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                type_type_0 = PositionType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | PositionType, data)

        type_ = _parse_type_(d.pop("type"))

        size = d.pop("size")

        average_price = d.pop("averagePrice")

        def _parse_contract_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_display_name = _parse_contract_display_name(d.pop("contractDisplayName", UNSET))

        position_model = cls(
            id=id,
            account_id=account_id,
            contract_id=contract_id,
            creation_timestamp=creation_timestamp,
            type_=type_,
            size=size,
            average_price=average_price,
            contract_display_name=contract_display_name,
        )

        position_model.additional_properties = d
        return position_model

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
