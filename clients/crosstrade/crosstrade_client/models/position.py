from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.market_position import MarketPosition
from ..types import UNSET, Unset

T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """An NT8 position (fields of the CrossTrade position examples).

    Attributes:
        instrument (str):
        market_position (MarketPosition | str):
        quantity (int): Contracts held (always positive; the side is in `marketPosition`).
        type_ (str | Unset): NT8 class name, `NinjaTrader.Cbi.Position`.
        account (str | Unset):
        instrument_type (str | Unset): NT8 instrument type, e.g. `Future`.
        average_price (float | Unset):
        market_price (float | Unset):
        unrealized_profit_loss (float | Unset):
        tag (None | str | Unset):
        success (bool | Unset): Present when the position is the whole response (get-position).
    """

    instrument: str
    market_position: MarketPosition | str
    quantity: int
    type_: str | Unset = UNSET
    account: str | Unset = UNSET
    instrument_type: str | Unset = UNSET
    average_price: float | Unset = UNSET
    market_price: float | Unset = UNSET
    unrealized_profit_loss: float | Unset = UNSET
    tag: None | str | Unset = UNSET
    success: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        market_position: str
        if isinstance(self.market_position, MarketPosition):
            market_position = self.market_position.value
        else:
            market_position = self.market_position

        quantity = self.quantity

        type_ = self.type_

        account = self.account

        instrument_type = self.instrument_type

        average_price = self.average_price

        market_price = self.market_price

        unrealized_profit_loss = self.unrealized_profit_loss

        tag: None | str | Unset
        if isinstance(self.tag, Unset):
            tag = UNSET
        else:
            tag = self.tag

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrument": instrument,
                "marketPosition": market_position,
                "quantity": quantity,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if account is not UNSET:
            field_dict["account"] = account
        if instrument_type is not UNSET:
            field_dict["instrumentType"] = instrument_type
        if average_price is not UNSET:
            field_dict["averagePrice"] = average_price
        if market_price is not UNSET:
            field_dict["marketPrice"] = market_price
        if unrealized_profit_loss is not UNSET:
            field_dict["unrealizedProfitLoss"] = unrealized_profit_loss
        if tag is not UNSET:
            field_dict["tag"] = tag
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = d.pop("instrument")

        def _parse_market_position(data: object) -> MarketPosition | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                market_position_type_0 = MarketPosition(data)

                return market_position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MarketPosition | str, data)

        market_position = _parse_market_position(d.pop("marketPosition"))

        quantity = d.pop("quantity")

        type_ = d.pop("type", UNSET)

        account = d.pop("account", UNSET)

        instrument_type = d.pop("instrumentType", UNSET)

        average_price = d.pop("averagePrice", UNSET)

        market_price = d.pop("marketPrice", UNSET)

        unrealized_profit_loss = d.pop("unrealizedProfitLoss", UNSET)

        def _parse_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tag = _parse_tag(d.pop("tag", UNSET))

        success = d.pop("success", UNSET)

        position = cls(
            instrument=instrument,
            market_position=market_position,
            quantity=quantity,
            type_=type_,
            account=account,
            instrument_type=instrument_type,
            average_price=average_price,
            market_price=market_price,
            unrealized_profit_loss=unrealized_profit_loss,
            tag=tag,
            success=success,
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
