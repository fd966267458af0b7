from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_side import OrderSide
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderQuoteRequest")


@_attrs_define
class OrderQuoteRequest:
    """Order preview. Buys carry `cash_amount`, sells carry `quantity`. Note `instrument_id`
    (place-order uses `instrument`).

        Attributes:
            instrument_id (str):
            side (OrderSide):
            cash_amount (str | Unset): A positive decimal written as a plain string (no exponent, no separators).
            quantity (str | Unset): A positive decimal written as a plain string (no exponent, no separators).
            return_only_fees (bool | Unset): Only compute fees (the broker treats an absent value as false).
    """

    instrument_id: str
    side: OrderSide
    cash_amount: str | Unset = UNSET
    quantity: str | Unset = UNSET
    return_only_fees: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        instrument_id = self.instrument_id

        side = self.side.value

        cash_amount = self.cash_amount

        quantity = self.quantity

        return_only_fees = self.return_only_fees

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instrument_id": instrument_id,
                "side": side,
            }
        )
        if cash_amount is not UNSET:
            field_dict["cash_amount"] = cash_amount
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if return_only_fees is not UNSET:
            field_dict["return_only_fees"] = return_only_fees

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument_id = d.pop("instrument_id")

        side = OrderSide(d.pop("side"))

        cash_amount = d.pop("cash_amount", UNSET)

        quantity = d.pop("quantity", UNSET)

        return_only_fees = d.pop("return_only_fees", UNSET)

        order_quote_request = cls(
            instrument_id=instrument_id,
            side=side,
            cash_amount=cash_amount,
            quantity=quantity,
            return_only_fees=return_only_fees,
        )

        return order_quote_request
