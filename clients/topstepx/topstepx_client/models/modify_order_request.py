from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ModifyOrderRequest")


@_attrs_define
class ModifyOrderRequest:
    """
    Attributes:
        account_id (int):
        order_id (int):
        size (int | None | Unset):
        limit_price (float | None | Unset): New limit price (JSON number).
        stop_price (float | None | Unset): New stop price (JSON number).
        trail_price (float | None | Unset): New absolute trail level (JSON number); not the distance read back on
            OrderModel.
    """

    account_id: int
    order_id: int
    size: int | None | Unset = UNSET
    limit_price: float | None | Unset = UNSET
    stop_price: float | None | Unset = UNSET
    trail_price: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        order_id = self.order_id

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

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

        trail_price: float | None | Unset
        if isinstance(self.trail_price, Unset):
            trail_price = UNSET
        else:
            trail_price = self.trail_price

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accountId": account_id,
                "orderId": order_id,
            }
        )
        if size is not UNSET:
            field_dict["size"] = size
        if limit_price is not UNSET:
            field_dict["limitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["stopPrice"] = stop_price
        if trail_price is not UNSET:
            field_dict["trailPrice"] = trail_price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        order_id = d.pop("orderId")

        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

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

        def _parse_trail_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        trail_price = _parse_trail_price(d.pop("trailPrice", UNSET))

        modify_order_request = cls(
            account_id=account_id,
            order_id=order_id,
            size=size,
            limit_price=limit_price,
            stop_price=stop_price,
            trail_price=trail_price,
        )

        return modify_order_request
