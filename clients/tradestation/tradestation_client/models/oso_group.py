from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.group_type import GroupType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_request import OrderRequest


T = TypeVar("T", bound="OsoGroup")


@_attrs_define
class OsoGroup:
    """Orders sent when the parent fills.

    Attributes:
        type_ (GroupType): NORMAL, OCO (one cancels other), BRK (bracket).
        orders (list[OrderRequest] | Unset):
    """

    type_: GroupType
    orders: list[OrderRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.orders, Unset):
            orders = []
            for orders_item_data in self.orders:
                orders_item = orders_item_data.to_dict()
                orders.append(orders_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "Type": type_,
            }
        )
        if orders is not UNSET:
            field_dict["Orders"] = orders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_request import OrderRequest  # noqa: PLC0415

        d = dict(src_dict)
        type_ = GroupType(d.pop("Type"))

        _orders = d.pop("Orders", UNSET)
        orders: list[OrderRequest] | Unset = UNSET
        if _orders is not UNSET:
            orders = []
            for orders_item_data in _orders:
                orders_item = OrderRequest.from_dict(orders_item_data)

                orders.append(orders_item)

        oso_group = cls(
            type_=type_,
            orders=orders,
        )

        return oso_group
