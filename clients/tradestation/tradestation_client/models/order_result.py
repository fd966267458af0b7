from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.global_order_result_status import GlobalOrderResultStatus
from ..models.order_result_status import OrderResultStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderResult")


@_attrs_define
class OrderResult:
    """Result of placing, cancelling or replacing an order. v2 shape: `Message`, `OrderID`,
    `OrderStatus` (`Ok`/`Failed`). Global shape (APIVersion 20150101/20150601):
    `OrderConfirmId`, `Id`, `Status` (`Success`/`Failed`), `Message`, `Orders`.
    `Failed` comes with HTTP 200; read the reason in `Message`.

        Attributes:
            message (None | str | Unset): Human-readable outcome (null on a plain cancel).
            order_id (str | Unset): Broker order id (v2 shape).
            order_status (OrderResultStatus | str | Unset): Ok or Failed (v2 shape).
            order_confirm_id (str | Unset): The OrderConfirmId sent with the order (global shape).
            id (int | str | Unset): Broker order id (global shape; nested results send it as a string).
            status (GlobalOrderResultStatus | str | Unset): Success or Failed (global shape).
            orders (list[OrderResult] | Unset): Related order results (global shape).
    """

    message: None | str | Unset = UNSET
    order_id: str | Unset = UNSET
    order_status: OrderResultStatus | str | Unset = UNSET
    order_confirm_id: str | Unset = UNSET
    id: int | str | Unset = UNSET
    status: GlobalOrderResultStatus | str | Unset = UNSET
    orders: list[OrderResult] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        order_id = self.order_id

        order_status: str | Unset
        if isinstance(self.order_status, Unset):
            order_status = UNSET
        elif isinstance(self.order_status, OrderResultStatus):
            order_status = self.order_status.value
        else:
            order_status = self.order_status

        order_confirm_id = self.order_confirm_id

        id: int | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, GlobalOrderResultStatus):
            status = self.status.value
        else:
            status = self.status

        orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.orders, Unset):
            orders = []
            for orders_item_data in self.orders:
                orders_item = orders_item_data.to_dict()
                orders.append(orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["Message"] = message
        if order_id is not UNSET:
            field_dict["OrderID"] = order_id
        if order_status is not UNSET:
            field_dict["OrderStatus"] = order_status
        if order_confirm_id is not UNSET:
            field_dict["OrderConfirmId"] = order_confirm_id
        if id is not UNSET:
            field_dict["Id"] = id
        if status is not UNSET:
            field_dict["Status"] = status
        if orders is not UNSET:
            field_dict["Orders"] = orders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("Message", UNSET))

        order_id = d.pop("OrderID", UNSET)

        def _parse_order_status(data: object) -> OrderResultStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_status_type_0 = OrderResultStatus(data)

                return order_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderResultStatus | str | Unset, data)

        order_status = _parse_order_status(d.pop("OrderStatus", UNSET))

        order_confirm_id = d.pop("OrderConfirmId", UNSET)

        def _parse_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        id = _parse_id(d.pop("Id", UNSET))

        def _parse_status(data: object) -> GlobalOrderResultStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = GlobalOrderResultStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GlobalOrderResultStatus | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        _orders = d.pop("Orders", UNSET)
        orders: list[OrderResult] | Unset = UNSET
        if _orders is not UNSET:
            orders = []
            for orders_item_data in _orders:
                orders_item = OrderResult.from_dict(orders_item_data)

                orders.append(orders_item)

        order_result = cls(
            message=message,
            order_id=order_id,
            order_status=order_status,
            order_confirm_id=order_confirm_id,
            id=id,
            status=status,
            orders=orders,
        )

        order_result.additional_properties = d
        return order_result

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
