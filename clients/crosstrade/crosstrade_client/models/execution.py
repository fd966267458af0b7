from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.market_position import MarketPosition
from ..types import UNSET, Unset

T = TypeVar("T", bound="Execution")


@_attrs_define
class Execution:
    """An NT8 execution (CrossTrade get-execution page; only some fields were readable).

    Attributes:
        id (str):
        type_ (str | Unset): NT8 class name, `NinjaTrader.Cbi.Execution`.
        time (str | Unset): Local time without offset, 7 fractional digits; prefer `epoch`.
        epoch (int | Unset): Milliseconds since the Unix epoch.
        name (str | Unset): Execution name, e.g. `Exit`.
        order_id (str | Unset):
        account (str | Unset):
        server_name (str | Unset):
        instrument (str | Unset):
        instrument_type (str | Unset):
        position (Any | Unset): NT8 position after the execution (type not documented).
        market_position (MarketPosition | str | Unset):
        position_strategy (Any | Unset): NT8 position strategy (type not documented).
        price (float | Unset):
        quantity (int | Unset):
        success (bool | Unset):
    """

    id: str
    type_: str | Unset = UNSET
    time: str | Unset = UNSET
    epoch: int | Unset = UNSET
    name: str | Unset = UNSET
    order_id: str | Unset = UNSET
    account: str | Unset = UNSET
    server_name: str | Unset = UNSET
    instrument: str | Unset = UNSET
    instrument_type: str | Unset = UNSET
    position: Any | Unset = UNSET
    market_position: MarketPosition | str | Unset = UNSET
    position_strategy: Any | Unset = UNSET
    price: float | Unset = UNSET
    quantity: int | Unset = UNSET
    success: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_ = self.type_

        time = self.time

        epoch = self.epoch

        name = self.name

        order_id = self.order_id

        account = self.account

        server_name = self.server_name

        instrument = self.instrument

        instrument_type = self.instrument_type

        position = self.position

        market_position: str | Unset
        if isinstance(self.market_position, Unset):
            market_position = UNSET
        elif isinstance(self.market_position, MarketPosition):
            market_position = self.market_position.value
        else:
            market_position = self.market_position

        position_strategy = self.position_strategy

        price = self.price

        quantity = self.quantity

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if time is not UNSET:
            field_dict["time"] = time
        if epoch is not UNSET:
            field_dict["epoch"] = epoch
        if name is not UNSET:
            field_dict["name"] = name
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if account is not UNSET:
            field_dict["account"] = account
        if server_name is not UNSET:
            field_dict["serverName"] = server_name
        if instrument is not UNSET:
            field_dict["instrument"] = instrument
        if instrument_type is not UNSET:
            field_dict["instrumentType"] = instrument_type
        if position is not UNSET:
            field_dict["position"] = position
        if market_position is not UNSET:
            field_dict["marketPosition"] = market_position
        if position_strategy is not UNSET:
            field_dict["positionStrategy"] = position_strategy
        if price is not UNSET:
            field_dict["price"] = price
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        type_ = d.pop("type", UNSET)

        time = d.pop("time", UNSET)

        epoch = d.pop("epoch", UNSET)

        name = d.pop("name", UNSET)

        order_id = d.pop("orderId", UNSET)

        account = d.pop("account", UNSET)

        server_name = d.pop("serverName", UNSET)

        instrument = d.pop("instrument", UNSET)

        instrument_type = d.pop("instrumentType", UNSET)

        position = d.pop("position", UNSET)

        def _parse_market_position(data: object) -> MarketPosition | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                market_position_type_0 = MarketPosition(data)

                return market_position_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MarketPosition | str | Unset, data)

        market_position = _parse_market_position(d.pop("marketPosition", UNSET))

        position_strategy = d.pop("positionStrategy", UNSET)

        price = d.pop("price", UNSET)

        quantity = d.pop("quantity", UNSET)

        success = d.pop("success", UNSET)

        execution = cls(
            id=id,
            type_=type_,
            time=time,
            epoch=epoch,
            name=name,
            order_id=order_id,
            account=account,
            server_name=server_name,
            instrument=instrument,
            instrument_type=instrument_type,
            position=position,
            market_position=market_position,
            position_strategy=position_strategy,
            price=price,
            quantity=quantity,
            success=success,
        )

        execution.additional_properties = d
        return execution

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
