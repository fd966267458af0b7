from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TradingAccountModel")


@_attrs_define
class TradingAccountModel:
    """
    Attributes:
        id (int):
        name (str):
        can_trade (bool):
        is_visible (bool):
        balance (float | Unset): Account balance (JSON number). Required in the swagger, absent from the first-order
            page's example.
        simulated (bool | Unset): True for practice/simulated accounts, false for live ones. Required in the swagger,
            absent from the docs' examples.
    """

    id: int
    name: str
    can_trade: bool
    is_visible: bool
    balance: float | Unset = UNSET
    simulated: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        can_trade = self.can_trade

        is_visible = self.is_visible

        balance = self.balance

        simulated = self.simulated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "canTrade": can_trade,
                "isVisible": is_visible,
            }
        )
        if balance is not UNSET:
            field_dict["balance"] = balance
        if simulated is not UNSET:
            field_dict["simulated"] = simulated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        can_trade = d.pop("canTrade")

        is_visible = d.pop("isVisible")

        balance = d.pop("balance", UNSET)

        simulated = d.pop("simulated", UNSET)

        trading_account_model = cls(
            id=id,
            name=name,
            can_trade=can_trade,
            is_visible=is_visible,
            balance=balance,
            simulated=simulated,
        )

        trading_account_model.additional_properties = d
        return trading_account_model

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
