from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.leg_order_type import LegOrderType
from ..models.leg_side import LegSide
from ..models.leg_trade_type import LegTradeType
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountOrderLeg")


@_attrs_define
class AccountOrderLeg:
    """One leg of a listed order.

    Attributes:
        ask (float | Unset):
        base_symbol (str | Unset):
        bid (float | Unset):
        exec_price (float | Unset):
        exec_quantity (float | Unset):
        expire_date (str | Unset):
        leaves (float | Unset):
        leg_number (int | Unset):
        limit_price (float | Unset):
        limit_price_display (str | Unset):
        month (int | Unset):
        open_or_close (str | Unset):
        order_id (int | Unset):
        order_type (int | LegOrderType | str | Unset): String enum per TS-OAS; the legacy example sends an integer code.
        order_type_description (str | Unset):
        point_value (float | Unset):
        price_used_for_buying_power (float | Unset):
        put_or_call (str | Unset):
        quantity (float | Unset):
        side (LegSide | str | Unset):
        stop_price (float | Unset):
        stop_price_display (str | Unset):
        strike_price (float | Unset):
        symbol (str | Unset):
        time_executed (str | Unset):
        type_ (LegTradeType | str | Unset):
        year (int | Unset):
    """

    ask: float | Unset = UNSET
    base_symbol: str | Unset = UNSET
    bid: float | Unset = UNSET
    exec_price: float | Unset = UNSET
    exec_quantity: float | Unset = UNSET
    expire_date: str | Unset = UNSET
    leaves: float | Unset = UNSET
    leg_number: int | Unset = UNSET
    limit_price: float | Unset = UNSET
    limit_price_display: str | Unset = UNSET
    month: int | Unset = UNSET
    open_or_close: str | Unset = UNSET
    order_id: int | Unset = UNSET
    order_type: int | LegOrderType | str | Unset = UNSET
    order_type_description: str | Unset = UNSET
    point_value: float | Unset = UNSET
    price_used_for_buying_power: float | Unset = UNSET
    put_or_call: str | Unset = UNSET
    quantity: float | Unset = UNSET
    side: LegSide | str | Unset = UNSET
    stop_price: float | Unset = UNSET
    stop_price_display: str | Unset = UNSET
    strike_price: float | Unset = UNSET
    symbol: str | Unset = UNSET
    time_executed: str | Unset = UNSET
    type_: LegTradeType | str | Unset = UNSET
    year: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ask = self.ask

        base_symbol = self.base_symbol

        bid = self.bid

        exec_price = self.exec_price

        exec_quantity = self.exec_quantity

        expire_date = self.expire_date

        leaves = self.leaves

        leg_number = self.leg_number

        limit_price = self.limit_price

        limit_price_display = self.limit_price_display

        month = self.month

        open_or_close = self.open_or_close

        order_id = self.order_id

        order_type: int | str | Unset
        if isinstance(self.order_type, Unset):
            order_type = UNSET
        elif isinstance(self.order_type, LegOrderType):
            order_type = self.order_type.value
        else:
            order_type = self.order_type

        order_type_description = self.order_type_description

        point_value = self.point_value

        price_used_for_buying_power = self.price_used_for_buying_power

        put_or_call = self.put_or_call

        quantity = self.quantity

        side: str | Unset
        if isinstance(self.side, Unset):
            side = UNSET
        elif isinstance(self.side, LegSide):
            side = self.side.value
        else:
            side = self.side

        stop_price = self.stop_price

        stop_price_display = self.stop_price_display

        strike_price = self.strike_price

        symbol = self.symbol

        time_executed = self.time_executed

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, LegTradeType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ask is not UNSET:
            field_dict["Ask"] = ask
        if base_symbol is not UNSET:
            field_dict["BaseSymbol"] = base_symbol
        if bid is not UNSET:
            field_dict["Bid"] = bid
        if exec_price is not UNSET:
            field_dict["ExecPrice"] = exec_price
        if exec_quantity is not UNSET:
            field_dict["ExecQuantity"] = exec_quantity
        if expire_date is not UNSET:
            field_dict["ExpireDate"] = expire_date
        if leaves is not UNSET:
            field_dict["Leaves"] = leaves
        if leg_number is not UNSET:
            field_dict["LegNumber"] = leg_number
        if limit_price is not UNSET:
            field_dict["LimitPrice"] = limit_price
        if limit_price_display is not UNSET:
            field_dict["LimitPriceDisplay"] = limit_price_display
        if month is not UNSET:
            field_dict["Month"] = month
        if open_or_close is not UNSET:
            field_dict["OpenOrClose"] = open_or_close
        if order_id is not UNSET:
            field_dict["OrderID"] = order_id
        if order_type is not UNSET:
            field_dict["OrderType"] = order_type
        if order_type_description is not UNSET:
            field_dict["OrderTypeDescription"] = order_type_description
        if point_value is not UNSET:
            field_dict["PointValue"] = point_value
        if price_used_for_buying_power is not UNSET:
            field_dict["PriceUsedForBuyingPower"] = price_used_for_buying_power
        if put_or_call is not UNSET:
            field_dict["PutOrCall"] = put_or_call
        if quantity is not UNSET:
            field_dict["Quantity"] = quantity
        if side is not UNSET:
            field_dict["Side"] = side
        if stop_price is not UNSET:
            field_dict["StopPrice"] = stop_price
        if stop_price_display is not UNSET:
            field_dict["StopPriceDisplay"] = stop_price_display
        if strike_price is not UNSET:
            field_dict["StrikePrice"] = strike_price
        if symbol is not UNSET:
            field_dict["Symbol"] = symbol
        if time_executed is not UNSET:
            field_dict["TimeExecuted"] = time_executed
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if year is not UNSET:
            field_dict["Year"] = year

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ask = d.pop("Ask", UNSET)

        base_symbol = d.pop("BaseSymbol", UNSET)

        bid = d.pop("Bid", UNSET)

        exec_price = d.pop("ExecPrice", UNSET)

        exec_quantity = d.pop("ExecQuantity", UNSET)

        expire_date = d.pop("ExpireDate", UNSET)

        leaves = d.pop("Leaves", UNSET)

        leg_number = d.pop("LegNumber", UNSET)

        limit_price = d.pop("LimitPrice", UNSET)

        limit_price_display = d.pop("LimitPriceDisplay", UNSET)

        month = d.pop("Month", UNSET)

        open_or_close = d.pop("OpenOrClose", UNSET)

        order_id = d.pop("OrderID", UNSET)

        def _parse_order_type(data: object) -> int | LegOrderType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_type_type_0 = LegOrderType(data)

                return order_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | LegOrderType | str | Unset, data)

        order_type = _parse_order_type(d.pop("OrderType", UNSET))

        order_type_description = d.pop("OrderTypeDescription", UNSET)

        point_value = d.pop("PointValue", UNSET)

        price_used_for_buying_power = d.pop("PriceUsedForBuyingPower", UNSET)

        put_or_call = d.pop("PutOrCall", UNSET)

        quantity = d.pop("Quantity", UNSET)

        def _parse_side(data: object) -> LegSide | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = LegSide(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegSide | str | Unset, data)

        side = _parse_side(d.pop("Side", UNSET))

        stop_price = d.pop("StopPrice", UNSET)

        stop_price_display = d.pop("StopPriceDisplay", UNSET)

        strike_price = d.pop("StrikePrice", UNSET)

        symbol = d.pop("Symbol", UNSET)

        time_executed = d.pop("TimeExecuted", UNSET)

        def _parse_type_(data: object) -> LegTradeType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = LegTradeType(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegTradeType | str | Unset, data)

        type_ = _parse_type_(d.pop("Type", UNSET))

        year = d.pop("Year", UNSET)

        account_order_leg = cls(
            ask=ask,
            base_symbol=base_symbol,
            bid=bid,
            exec_price=exec_price,
            exec_quantity=exec_quantity,
            expire_date=expire_date,
            leaves=leaves,
            leg_number=leg_number,
            limit_price=limit_price,
            limit_price_display=limit_price_display,
            month=month,
            open_or_close=open_or_close,
            order_id=order_id,
            order_type=order_type,
            order_type_description=order_type_description,
            point_value=point_value,
            price_used_for_buying_power=price_used_for_buying_power,
            put_or_call=put_or_call,
            quantity=quantity,
            side=side,
            stop_price=stop_price,
            stop_price_display=stop_price_display,
            strike_price=strike_price,
            symbol=symbol,
            time_executed=time_executed,
            type_=type_,
            year=year,
        )

        account_order_leg.additional_properties = d
        return account_order_leg

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
