from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractModel")


@_attrs_define
class ContractModel:
    """
    Attributes:
        id (str): Opaque contract id such as `CON.F.US.ENQ.H25`.
        name (str): Short name (`ENQH25` in older docs, `NQH5` in newer ones).
        description (str):
        tick_size (float): Minimum price increment (JSON number).
        tick_value (float): Currency value of one tick for one contract (JSON number).
        active_contract (bool):
        symbol_id (str | Unset): Product symbol such as `F.US.ENQ`; absent in the oldest docs.
    """

    id: str
    name: str
    description: str
    tick_size: float
    tick_value: float
    active_contract: bool
    symbol_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description = self.description

        tick_size = self.tick_size

        tick_value = self.tick_value

        active_contract = self.active_contract

        symbol_id = self.symbol_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "description": description,
                "tickSize": tick_size,
                "tickValue": tick_value,
                "activeContract": active_contract,
            }
        )
        if symbol_id is not UNSET:
            field_dict["symbolId"] = symbol_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        description = d.pop("description")

        tick_size = d.pop("tickSize")

        tick_value = d.pop("tickValue")

        active_contract = d.pop("activeContract")

        symbol_id = d.pop("symbolId", UNSET)

        contract_model = cls(
            id=id,
            name=name,
            description=description,
            tick_size=tick_size,
            tick_value=tick_value,
            active_contract=active_contract,
            symbol_id=symbol_id,
        )

        contract_model.additional_properties = d
        return contract_model

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
