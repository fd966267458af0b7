from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide
from ..types import UNSET, Unset

T = TypeVar("T", bound="HalfTradeModel")


@_attrs_define
class HalfTradeModel:
    """
    Attributes:
        id (int):
        account_id (int):
        contract_id (str):
        creation_timestamp (datetime.datetime):
        price (float):
        fees (float):
        side (int | OrderSide):
        size (int):
        voided (bool):
        order_id (int):
        profit_and_loss (float | None | Unset): Null on the half-turn that opened the position.
        commissions (float | None | Unset): Newest spec only.
    """

    id: int
    account_id: int
    contract_id: str
    creation_timestamp: datetime.datetime
    price: float
    fees: float
    side: int | OrderSide
    size: int
    voided: bool
    order_id: int
    profit_and_loss: float | None | Unset = UNSET
    commissions: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        contract_id = self.contract_id

        creation_timestamp = self.creation_timestamp.isoformat()

        price = self.price

        fees = self.fees

        side: int
        if isinstance(self.side, OrderSide):
            side = self.side.value
        else:
            side = self.side

        size = self.size

        voided = self.voided

        order_id = self.order_id

        profit_and_loss: float | None | Unset
        if isinstance(self.profit_and_loss, Unset):
            profit_and_loss = UNSET
        else:
            profit_and_loss = self.profit_and_loss

        commissions: float | None | Unset
        if isinstance(self.commissions, Unset):
            commissions = UNSET
        else:
            commissions = self.commissions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "accountId": account_id,
                "contractId": contract_id,
                "creationTimestamp": creation_timestamp,
                "price": price,
                "fees": fees,
                "side": side,
                "size": size,
                "voided": voided,
                "orderId": order_id,
            }
        )
        if profit_and_loss is not UNSET:
            field_dict["profitAndLoss"] = profit_and_loss
        if commissions is not UNSET:
            field_dict["commissions"] = commissions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("accountId")

        contract_id = d.pop("contractId")

        creation_timestamp = datetime.datetime.fromisoformat(d.pop("creationTimestamp"))

        price = d.pop("price")

        fees = d.pop("fees")

        def _parse_side(data: object) -> int | OrderSide:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                side_type_0 = OrderSide(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | OrderSide, data)

        side = _parse_side(d.pop("side"))

        size = d.pop("size")

        voided = d.pop("voided")

        order_id = d.pop("orderId")

        def _parse_profit_and_loss(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        profit_and_loss = _parse_profit_and_loss(d.pop("profitAndLoss", UNSET))

        def _parse_commissions(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        commissions = _parse_commissions(d.pop("commissions", UNSET))

        half_trade_model = cls(
            id=id,
            account_id=account_id,
            contract_id=contract_id,
            creation_timestamp=creation_timestamp,
            price=price,
            fees=fees,
            side=side,
            size=size,
            voided=voided,
            order_id=order_id,
            profit_and_loss=profit_and_loss,
            commissions=commissions,
        )

        half_trade_model.additional_properties = d
        return half_trade_model

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
