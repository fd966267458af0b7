from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_action import OrderAction
from ..models.order_type import OrderType
from ..models.time_in_force import TimeInForce
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlaceOrderRequest")


@_attrs_define
class PlaceOrderRequest:
    """Body of place, flatplace and reverseposition (CrossTrade docs pages "POST Place Order" and "POST Flat Place Order").

    Attributes:
        instrument (str): Instrument, e.g. `MES 12-25` (see info, "Accounts and instruments").
        action (OrderAction): Order side as documented for REST (upper case).
        quantity (int): Number of contracts.
        order_type (OrderType): Order type as documented for REST (upper case).
        time_in_force (TimeInForce): Time in force as documented for REST (upper case).
        limit_price (float | Unset): Limit price (LIMIT and STOPLIMIT).
        stop_price (float | Unset): Stop price (STOPMARKET and STOPLIMIT).
        oco_id (str | Unset): Create an OCO group with this id, or join the existing one.
        strategy (str | Unset): Name of an NT8 ATM strategy template to open the position with.
        order_id (str | Unset): Caller-chosen order id (newer docs). The order can later be read and cancelled by this
            id. Whether a repeated id is rejected or deduplicated is not documented, so it does not
            make a retried request safe.
        require_market_position (str | Unset): Comma-separated list of `flat`, `long`, `short` (newer docs). When the
            account's
            current position in the instrument is not one of them the request answers 400 and
            nothing is placed.
        max_positions (int | Unset): Newer docs: refuse orders that would open a new position when the account already
            has
            this many open positions or more.
    """

    instrument: str
    action: OrderAction
    quantity: int
    order_type: OrderType
    time_in_force: TimeInForce
    limit_price: float | Unset = UNSET
    stop_price: float | Unset = UNSET
    oco_id: str | Unset = UNSET
    strategy: str | Unset = UNSET
    order_id: str | Unset = UNSET
    require_market_position: str | Unset = UNSET
    max_positions: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        action = self.action.value

        quantity = self.quantity

        order_type = self.order_type.value

        time_in_force = self.time_in_force.value

        limit_price = self.limit_price

        stop_price = self.stop_price

        oco_id = self.oco_id

        strategy = self.strategy

        order_id = self.order_id

        require_market_position = self.require_market_position

        max_positions = self.max_positions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrument": instrument,
                "action": action,
                "quantity": quantity,
                "orderType": order_type,
                "timeInForce": time_in_force,
            }
        )
        if limit_price is not UNSET:
            field_dict["limitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["stopPrice"] = stop_price
        if oco_id is not UNSET:
            field_dict["ocoId"] = oco_id
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if order_id is not UNSET:
            field_dict["orderId"] = order_id
        if require_market_position is not UNSET:
            field_dict["requireMarketPosition"] = require_market_position
        if max_positions is not UNSET:
            field_dict["maxPositions"] = max_positions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = d.pop("instrument")

        action = OrderAction(d.pop("action"))

        quantity = d.pop("quantity")

        order_type = OrderType(d.pop("orderType"))

        time_in_force = TimeInForce(d.pop("timeInForce"))

        limit_price = d.pop("limitPrice", UNSET)

        stop_price = d.pop("stopPrice", UNSET)

        oco_id = d.pop("ocoId", UNSET)

        strategy = d.pop("strategy", UNSET)

        order_id = d.pop("orderId", UNSET)

        require_market_position = d.pop("requireMarketPosition", UNSET)

        max_positions = d.pop("maxPositions", UNSET)

        place_order_request = cls(
            instrument=instrument,
            action=action,
            quantity=quantity,
            order_type=order_type,
            time_in_force=time_in_force,
            limit_price=limit_price,
            stop_price=stop_price,
            oco_id=oco_id,
            strategy=strategy,
            order_id=order_id,
            require_market_position=require_market_position,
            max_positions=max_positions,
        )

        place_order_request.additional_properties = d
        return place_order_request

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
