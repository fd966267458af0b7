from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.group_type import GroupType

if TYPE_CHECKING:
    from ..models.order_confirm_request import OrderConfirmRequest


T = TypeVar("T", bound="GroupOrderConfirmRequest")


@_attrs_define
class GroupOrderConfirmRequest:
    """A group of orders to estimate (TS-OAS `GroupOrderConfirmRequestDefinition`).

    Attributes:
        type_ (GroupType): NORMAL, OCO (one cancels other), BRK (bracket).
        orders (list[OrderConfirmRequest]):
    """

    type_: GroupType
    orders: list[OrderConfirmRequest]

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        orders = []
        for orders_item_data in self.orders:
            orders_item = orders_item_data.to_dict()
            orders.append(orders_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "Type": type_,
                "Orders": orders,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_confirm_request import OrderConfirmRequest  # noqa: PLC0415

        d = dict(src_dict)
        type_ = GroupType(d.pop("Type"))

        orders = []
        _orders = d.pop("Orders")
        for orders_item_data in _orders:
            orders_item = OrderConfirmRequest.from_dict(orders_item_data)

            orders.append(orders_item)

        group_order_confirm_request = cls(
            type_=type_,
            orders=orders,
        )

        return group_order_confirm_request
