from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_type_code import AssetTypeCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """One open position (subset of TS-OAS `PositionDefinition`; other keys kept).

    Attributes:
        account_id (str | Unset):
        key (int | Unset):
        symbol (str | Unset):
        asset_type (AssetTypeCode | str | Unset):
        long_short (str | Unset):
        quantity (float | Unset):
        average_price (float | Unset):
        last_price (float | Unset):
        market_value (float | Unset):
        total_cost (float | Unset):
        open_profit_loss (float | Unset):
    """

    account_id: str | Unset = UNSET
    key: int | Unset = UNSET
    symbol: str | Unset = UNSET
    asset_type: AssetTypeCode | str | Unset = UNSET
    long_short: str | Unset = UNSET
    quantity: float | Unset = UNSET
    average_price: float | Unset = UNSET
    last_price: float | Unset = UNSET
    market_value: float | Unset = UNSET
    total_cost: float | Unset = UNSET
    open_profit_loss: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        key = self.key

        symbol = self.symbol

        asset_type: str | Unset
        if isinstance(self.asset_type, Unset):
            asset_type = UNSET
        elif isinstance(self.asset_type, AssetTypeCode):
            asset_type = self.asset_type.value
        else:
            asset_type = self.asset_type

        long_short = self.long_short

        quantity = self.quantity

        average_price = self.average_price

        last_price = self.last_price

        market_value = self.market_value

        total_cost = self.total_cost

        open_profit_loss = self.open_profit_loss

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_id is not UNSET:
            field_dict["AccountID"] = account_id
        if key is not UNSET:
            field_dict["Key"] = key
        if symbol is not UNSET:
            field_dict["Symbol"] = symbol
        if asset_type is not UNSET:
            field_dict["AssetType"] = asset_type
        if long_short is not UNSET:
            field_dict["LongShort"] = long_short
        if quantity is not UNSET:
            field_dict["Quantity"] = quantity
        if average_price is not UNSET:
            field_dict["AveragePrice"] = average_price
        if last_price is not UNSET:
            field_dict["LastPrice"] = last_price
        if market_value is not UNSET:
            field_dict["MarketValue"] = market_value
        if total_cost is not UNSET:
            field_dict["TotalCost"] = total_cost
        if open_profit_loss is not UNSET:
            field_dict["OpenProfitLoss"] = open_profit_loss

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("AccountID", UNSET)

        key = d.pop("Key", UNSET)

        symbol = d.pop("Symbol", UNSET)

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

        long_short = d.pop("LongShort", UNSET)

        quantity = d.pop("Quantity", UNSET)

        average_price = d.pop("AveragePrice", UNSET)

        last_price = d.pop("LastPrice", UNSET)

        market_value = d.pop("MarketValue", UNSET)

        total_cost = d.pop("TotalCost", UNSET)

        open_profit_loss = d.pop("OpenProfitLoss", UNSET)

        position = cls(
            account_id=account_id,
            key=key,
            symbol=symbol,
            asset_type=asset_type,
            long_short=long_short,
            quantity=quantity,
            average_price=average_price,
            last_price=last_price,
            market_value=market_value,
            total_cost=total_cost,
            open_profit_loss=open_profit_loss,
        )

        position.additional_properties = d
        return position

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
