from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide
from ..models.order_status import OrderStatus
from ..models.order_type import OrderType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderModel")


@_attrs_define
class OrderModel:
    """
    Attributes:
        id (int):
        account_id (int):
        contract_id (str):
        creation_timestamp (datetime.datetime):
        status (int | OrderStatus):
        type_ (int | OrderType):
        side (int | OrderSide):
        size (int):
        symbol_id (str | Unset): Required in the swagger; absent from the docs' searchOpen example.
        update_timestamp (datetime.datetime | None | Unset):
        limit_price (float | None | Unset):
        stop_price (float | None | Unset):
        fill_volume (int | Unset): Contracts filled so far. Required in the swagger; absent from the docs' searchOpen
            example.
        filled_price (float | None | Unset): Average fill price.
        custom_tag (None | str | Unset): The client order id sent on place.
        trail_distance (int | None | Unset): Newest spec only.
        trail_price (float | None | Unset): Newest spec only. A distance in price units, not the level sent on place.
        parent_order_id (int | None | Unset): Newest spec only. Entry order of a bracket child.
        linked_order_id (int | None | Unset): Newest spec only.
    """

    id: int
    account_id: int
    contract_id: str
    creation_timestamp: datetime.datetime
    status: int | OrderStatus
    type_: int | OrderType
    side: int | OrderSide
    size: int
    symbol_id: str | Unset = UNSET
    update_timestamp: datetime.datetime | None | Unset = UNSET
    limit_price: float | None | Unset = UNSET
    stop_price: float | None | Unset = UNSET
    fill_volume: int | Unset = UNSET
    filled_price: float | None | Unset = UNSET
    custom_tag: None | str | Unset = UNSET
    trail_distance: int | None | Unset = UNSET
    trail_price: float | None | Unset = UNSET
    parent_order_id: int | None | Unset = UNSET
    linked_order_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        account_id = self.account_id

        contract_id = self.contract_id

        creation_timestamp = self.creation_timestamp.isoformat()

        status: int
        if isinstance(self.status, OrderStatus):
            status = self.status.value
        else:
            status = self.status

        type_: int
        if isinstance(self.type_, OrderType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        side: int
        if isinstance(self.side, OrderSide):
            side = self.side.value
        else:
            side = self.side

        size = self.size

        symbol_id = self.symbol_id

        update_timestamp: None | str | Unset
        if isinstance(self.update_timestamp, Unset):
            update_timestamp = UNSET
        elif isinstance(self.update_timestamp, datetime.datetime):
            update_timestamp = self.update_timestamp.isoformat()
        else:
            update_timestamp = self.update_timestamp

        limit_price: float | None | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        stop_price: float | None | Unset
        if isinstance(self.stop_price, Unset):
            stop_price = UNSET
        else:
            stop_price = self.stop_price

        fill_volume = self.fill_volume

        filled_price: float | None | Unset
        if isinstance(self.filled_price, Unset):
            filled_price = UNSET
        else:
            filled_price = self.filled_price

        custom_tag: None | str | Unset
        if isinstance(self.custom_tag, Unset):
            custom_tag = UNSET
        else:
            custom_tag = self.custom_tag

        trail_distance: int | None | Unset
        if isinstance(self.trail_distance, Unset):
            trail_distance = UNSET
        else:
            trail_distance = self.trail_distance

        trail_price: float | None | Unset
        if isinstance(self.trail_price, Unset):
            trail_price = UNSET
        else:
            trail_price = self.trail_price

        parent_order_id: int | None | Unset
        if isinstance(self.parent_order_id, Unset):
            parent_order_id = UNSET
        else:
            parent_order_id = self.parent_order_id

        linked_order_id: int | None | Unset
        if isinstance(self.linked_order_id, Unset):
            linked_order_id = UNSET
        else:
            linked_order_id = self.linked_order_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "accountId": account_id,
                "contractId": contract_id,
                "creationTimestamp": creation_timestamp,
                "status": status,
                "type": type_,
                "side": side,
                "size": size,
            }
        )
        if symbol_id is not UNSET:
            field_dict["symbolId"] = symbol_id
        if update_timestamp is not UNSET:
            field_dict["updateTimestamp"] = update_timestamp
        if limit_price is not UNSET:
            field_dict["limitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["stopPrice"] = stop_price
        if fill_volume is not UNSET:
            field_dict["fillVolume"] = fill_volume
        if filled_price is not UNSET:
            field_dict["filledPrice"] = filled_price
        if custom_tag is not UNSET:
            field_dict["customTag"] = custom_tag
        if trail_distance is not UNSET:
            field_dict["trailDistance"] = trail_distance
        if trail_price is not UNSET:
            field_dict["trailPrice"] = trail_price
        if parent_order_id is not UNSET:
            field_dict["parentOrderId"] = parent_order_id
        if linked_order_id is not UNSET:
            field_dict["linkedOrderId"] = linked_order_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        account_id = d.pop("accountId")

        contract_id = d.pop("contractId")

        creation_timestamp = datetime.datetime.fromisoformat(d.pop("creationTimestamp"))

        def _parse_status(data: object) -> int | OrderStatus:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                status_type_0 = OrderStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | OrderStatus, data)

        status = _parse_status(d.pop("status"))

        def _parse_type_(data: object) -> int | OrderType:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                type_type_0 = OrderType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | OrderType, data)

        type_ = _parse_type_(d.pop("type"))

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

        symbol_id = d.pop("symbolId", UNSET)

        def _parse_update_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                update_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return update_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        update_timestamp = _parse_update_timestamp(d.pop("updateTimestamp", UNSET))

        def _parse_limit_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit_price = _parse_limit_price(d.pop("limitPrice", UNSET))

        def _parse_stop_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        stop_price = _parse_stop_price(d.pop("stopPrice", UNSET))

        fill_volume = d.pop("fillVolume", UNSET)

        def _parse_filled_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        filled_price = _parse_filled_price(d.pop("filledPrice", UNSET))

        def _parse_custom_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custom_tag = _parse_custom_tag(d.pop("customTag", UNSET))

        def _parse_trail_distance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        trail_distance = _parse_trail_distance(d.pop("trailDistance", UNSET))

        def _parse_trail_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        trail_price = _parse_trail_price(d.pop("trailPrice", UNSET))

        def _parse_parent_order_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        parent_order_id = _parse_parent_order_id(d.pop("parentOrderId", UNSET))

        def _parse_linked_order_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        linked_order_id = _parse_linked_order_id(d.pop("linkedOrderId", UNSET))

        order_model = cls(
            id=id,
            account_id=account_id,
            contract_id=contract_id,
            creation_timestamp=creation_timestamp,
            status=status,
            type_=type_,
            side=side,
            size=size,
            symbol_id=symbol_id,
            update_timestamp=update_timestamp,
            limit_price=limit_price,
            stop_price=stop_price,
            fill_volume=fill_volume,
            filled_price=filled_price,
            custom_tag=custom_tag,
            trail_distance=trail_distance,
            trail_price=trail_price,
            parent_order_id=parent_order_id,
            linked_order_id=linked_order_id,
        )

        order_model.additional_properties = d
        return order_model

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
