from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_type import OrderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cancel_replace_advanced_options import CancelReplaceAdvancedOptions


T = TypeVar("T", bound="CancelReplaceRequest")


@_attrs_define
class CancelReplaceRequest:
    """Replacement values for an open order (TS-OAS `CancelReplaceDefinition`).
    `AccountKey` and `OrderID` are legacy fields still shown in examples.

        Attributes:
            order_type (OrderType):
            quantity (str):
            symbol (str):
            limit_price (str | Unset):
            stop_price (str | Unset):
            advanced_options (CancelReplaceAdvancedOptions | Unset): Advanced options for cancel/replace, with `{ClearAll,
                Rules}` wrappers.
            account_key (str | Unset): Legacy (required by the 2016 spec).
            order_id (str | Unset): Legacy (required by the 2016 spec); the path carries the id.
    """

    order_type: OrderType
    quantity: str
    symbol: str
    limit_price: str | Unset = UNSET
    stop_price: str | Unset = UNSET
    advanced_options: CancelReplaceAdvancedOptions | Unset = UNSET
    account_key: str | Unset = UNSET
    order_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        order_type = self.order_type.value

        quantity = self.quantity

        symbol = self.symbol

        limit_price = self.limit_price

        stop_price = self.stop_price

        advanced_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.advanced_options, Unset):
            advanced_options = self.advanced_options.to_dict()

        account_key = self.account_key

        order_id = self.order_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "OrderType": order_type,
                "Quantity": quantity,
                "Symbol": symbol,
            }
        )
        if limit_price is not UNSET:
            field_dict["LimitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["StopPrice"] = stop_price
        if advanced_options is not UNSET:
            field_dict["AdvancedOptions"] = advanced_options
        if account_key is not UNSET:
            field_dict["AccountKey"] = account_key
        if order_id is not UNSET:
            field_dict["OrderID"] = order_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cancel_replace_advanced_options import CancelReplaceAdvancedOptions  # noqa: PLC0415

        d = dict(src_dict)
        order_type = OrderType(d.pop("OrderType"))

        quantity = d.pop("Quantity")

        symbol = d.pop("Symbol")

        limit_price = d.pop("LimitPrice", UNSET)

        stop_price = d.pop("StopPrice", UNSET)

        _advanced_options = d.pop("AdvancedOptions", UNSET)
        advanced_options: CancelReplaceAdvancedOptions | Unset
        if isinstance(_advanced_options, Unset):
            advanced_options = UNSET
        else:
            advanced_options = CancelReplaceAdvancedOptions.from_dict(_advanced_options)

        account_key = d.pop("AccountKey", UNSET)

        order_id = d.pop("OrderID", UNSET)

        cancel_replace_request = cls(
            order_type=order_type,
            quantity=quantity,
            symbol=symbol,
            limit_price=limit_price,
            stop_price=stop_price,
            advanced_options=advanced_options,
            account_key=account_key,
            order_id=order_id,
        )

        return cancel_replace_request
