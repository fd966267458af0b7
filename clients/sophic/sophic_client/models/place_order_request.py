from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_side import OrderSide
from ..models.place_order_type import PlaceOrderType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlaceOrderRequest")


@_attrs_define
class PlaceOrderRequest:
    """A market order. Buys carry `cash_amount` and no `quantity`; sells carry `quantity` and no
    `cash_amount`.

        Attributes:
            instrument (str): Instrument ID (not the symbol).
            order_type (PlaceOrderType): Order types accepted when placing; only market orders.
            side (OrderSide):
            cash_amount (str | Unset): A positive decimal written as a plain string (no exponent, no separators).
            quantity (str | Unset): A positive decimal written as a plain string (no exponent, no separators).
            automatic_rollover (bool | Unset): Buy orders on bills whose instrument has `supports_automatic_rollover: true`
                only:
                roll the resulting position over at maturity. The broker treats an absent value as
                false; no default is declared so that the generated client omits the field unless
                it is set.
            quote (str | Unset): ID of a quote from `POST /accounts/{account_id}/order-quotes`.
    """

    instrument: str
    order_type: PlaceOrderType
    side: OrderSide
    cash_amount: str | Unset = UNSET
    quantity: str | Unset = UNSET
    automatic_rollover: bool | Unset = UNSET
    quote: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        order_type = self.order_type.value

        side = self.side.value

        cash_amount = self.cash_amount

        quantity = self.quantity

        automatic_rollover = self.automatic_rollover

        quote = self.quote

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "instrument": instrument,
                "order_type": order_type,
                "side": side,
            }
        )
        if cash_amount is not UNSET:
            field_dict["cash_amount"] = cash_amount
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if automatic_rollover is not UNSET:
            field_dict["automatic_rollover"] = automatic_rollover
        if quote is not UNSET:
            field_dict["quote"] = quote

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = d.pop("instrument")

        order_type = PlaceOrderType(d.pop("order_type"))

        side = OrderSide(d.pop("side"))

        cash_amount = d.pop("cash_amount", UNSET)

        quantity = d.pop("quantity", UNSET)

        automatic_rollover = d.pop("automatic_rollover", UNSET)

        quote = d.pop("quote", UNSET)

        place_order_request = cls(
            instrument=instrument,
            order_type=order_type,
            side=side,
            cash_amount=cash_amount,
            quantity=quantity,
            automatic_rollover=automatic_rollover,
            quote=quote,
        )

        return place_order_request
