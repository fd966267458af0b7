from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CancelOrderRequest")


@_attrs_define
class CancelOrderRequest:
    """
    Attributes:
        account_id (int):
        order_id (int):
    """

    account_id: int
    order_id: int

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        order_id = self.order_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accountId": account_id,
                "orderId": order_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        order_id = d.pop("orderId")

        cancel_order_request = cls(
            account_id=account_id,
            order_id=order_id,
        )

        return cancel_order_request
