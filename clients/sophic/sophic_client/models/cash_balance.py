from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CashBalance")


@_attrs_define
class CashBalance:
    """Cash in one currency.

    Attributes:
        currency (str):
        total (str):
        available_for_trading (str):
        available_for_withdrawal (str):
        reserved (str): Held back for open buy orders and pending withdrawals.
    """

    currency: str
    total: str
    available_for_trading: str
    available_for_withdrawal: str
    reserved: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        total = self.total

        available_for_trading = self.available_for_trading

        available_for_withdrawal = self.available_for_withdrawal

        reserved = self.reserved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "total": total,
                "available_for_trading": available_for_trading,
                "available_for_withdrawal": available_for_withdrawal,
                "reserved": reserved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        total = d.pop("total")

        available_for_trading = d.pop("available_for_trading")

        available_for_withdrawal = d.pop("available_for_withdrawal")

        reserved = d.pop("reserved")

        cash_balance = cls(
            currency=currency,
            total=total,
            available_for_trading=available_for_trading,
            available_for_withdrawal=available_for_withdrawal,
            reserved=reserved,
        )

        cash_balance.additional_properties = d
        return cash_balance

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
