from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_order_error_code import SearchOrderErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_model import OrderModel


T = TypeVar("T", bound="SearchOrderResponse")


@_attrs_define
class SearchOrderResponse:
    """
    Attributes:
        success (bool):
        error_code (int | SearchOrderErrorCode):
        orders (list[OrderModel] | None | Unset): Absent or null means unknown, not "no orders".
        error_message (None | str | Unset):
    """

    success: bool
    error_code: int | SearchOrderErrorCode
    orders: list[OrderModel] | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error_code: int
        if isinstance(self.error_code, SearchOrderErrorCode):
            error_code = self.error_code.value
        else:
            error_code = self.error_code

        orders: list[dict[str, Any]] | None | Unset
        if isinstance(self.orders, Unset):
            orders = UNSET
        elif isinstance(self.orders, list):
            orders = []
            for orders_type_0_item_data in self.orders:
                orders_type_0_item = orders_type_0_item_data.to_dict()
                orders.append(orders_type_0_item)

        else:
            orders = self.orders

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "errorCode": error_code,
            }
        )
        if orders is not UNSET:
            field_dict["orders"] = orders
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_model import OrderModel  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error_code(data: object) -> int | SearchOrderErrorCode:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                error_code_type_0 = SearchOrderErrorCode(data)

                return error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | SearchOrderErrorCode, data)

        error_code = _parse_error_code(d.pop("errorCode"))

        def _parse_orders(data: object) -> list[OrderModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                orders_type_0 = []
                _orders_type_0 = data
                for orders_type_0_item_data in _orders_type_0:
                    orders_type_0_item = OrderModel.from_dict(orders_type_0_item_data)

                    orders_type_0.append(orders_type_0_item)

                return orders_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderModel] | None | Unset, data)

        orders = _parse_orders(d.pop("orders", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        search_order_response = cls(
            success=success,
            error_code=error_code,
            orders=orders,
            error_message=error_message,
        )

        search_order_response.additional_properties = d
        return search_order_response

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
