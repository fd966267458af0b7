from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.trade_action import TradeAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderLeg")


@_attrs_define
class OrderLeg:
    """One leg of a multi-leg option order.

    Attributes:
        symbol (str | Unset):
        quantity (str | Unset):
        trade_action (TradeAction | Unset): BUY/SELL (equities and futures), BUYTOCOVER/SELLSHORT (equities), BUYTOOPEN,
            BUYTOCLOSE,
            SELLTOOPEN, SELLTOCLOSE (options).
    """

    symbol: str | Unset = UNSET
    quantity: str | Unset = UNSET
    trade_action: TradeAction | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        quantity = self.quantity

        trade_action: str | Unset = UNSET
        if not isinstance(self.trade_action, Unset):
            trade_action = self.trade_action.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if symbol is not UNSET:
            field_dict["Symbol"] = symbol
        if quantity is not UNSET:
            field_dict["Quantity"] = quantity
        if trade_action is not UNSET:
            field_dict["TradeAction"] = trade_action

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("Symbol", UNSET)

        quantity = d.pop("Quantity", UNSET)

        _trade_action = d.pop("TradeAction", UNSET)
        trade_action: TradeAction | Unset
        if isinstance(_trade_action, Unset):
            trade_action = UNSET
        else:
            trade_action = TradeAction(_trade_action)

        order_leg = cls(
            symbol=symbol,
            quantity=quantity,
            trade_action=trade_action,
        )

        return order_leg
