from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ninja_order_type import NinjaOrderType
from ..models.order_state import OrderState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """An NT8 order (fields of the CrossTrade get-order example). Only the fields before the
    truncation point of the stored docs page are declared; further NT8 fields (stop price,
    action, time in force, OCO, name, time, ...) are kept as additional properties.

        Attributes:
            order_id (str):
            account (str | Unset):
            instrument (str | Unset):
            instrument_type (str | Unset):
            order_type (NinjaOrderType | str | Unset):
            order_state (OrderState | str | Unset):
            quantity (int | Unset):
            average_fill_price (float | Unset):
            filled (int | Unset): Contracts filled so far.
            from_entry_signal (None | str | Unset):
            gtd (str | Unset): Good-till date, NT8 format without offset.
            has_overfill (bool | Unset):
            is_backtest_order (bool | Unset):
            limit_price (float | Unset):
            limit_price_changed (float | Unset):
            success (bool | Unset):
    """

    order_id: str
    account: str | Unset = UNSET
    instrument: str | Unset = UNSET
    instrument_type: str | Unset = UNSET
    order_type: NinjaOrderType | str | Unset = UNSET
    order_state: OrderState | str | Unset = UNSET
    quantity: int | Unset = UNSET
    average_fill_price: float | Unset = UNSET
    filled: int | Unset = UNSET
    from_entry_signal: None | str | Unset = UNSET
    gtd: str | Unset = UNSET
    has_overfill: bool | Unset = UNSET
    is_backtest_order: bool | Unset = UNSET
    limit_price: float | Unset = UNSET
    limit_price_changed: float | Unset = UNSET
    success: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        account = self.account

        instrument = self.instrument

        instrument_type = self.instrument_type

        order_type: str | Unset
        if isinstance(self.order_type, Unset):
            order_type = UNSET
        elif isinstance(self.order_type, NinjaOrderType):
            order_type = self.order_type.value
        else:
            order_type = self.order_type

        order_state: str | Unset
        if isinstance(self.order_state, Unset):
            order_state = UNSET
        elif isinstance(self.order_state, OrderState):
            order_state = self.order_state.value
        else:
            order_state = self.order_state

        quantity = self.quantity

        average_fill_price = self.average_fill_price

        filled = self.filled

        from_entry_signal: None | str | Unset
        if isinstance(self.from_entry_signal, Unset):
            from_entry_signal = UNSET
        else:
            from_entry_signal = self.from_entry_signal

        gtd = self.gtd

        has_overfill = self.has_overfill

        is_backtest_order = self.is_backtest_order

        limit_price = self.limit_price

        limit_price_changed = self.limit_price_changed

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "orderId": order_id,
            }
        )
        if account is not UNSET:
            field_dict["account"] = account
        if instrument is not UNSET:
            field_dict["instrument"] = instrument
        if instrument_type is not UNSET:
            field_dict["instrumentType"] = instrument_type
        if order_type is not UNSET:
            field_dict["orderType"] = order_type
        if order_state is not UNSET:
            field_dict["orderState"] = order_state
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if average_fill_price is not UNSET:
            field_dict["averageFillPrice"] = average_fill_price
        if filled is not UNSET:
            field_dict["filled"] = filled
        if from_entry_signal is not UNSET:
            field_dict["fromEntrySignal"] = from_entry_signal
        if gtd is not UNSET:
            field_dict["gtd"] = gtd
        if has_overfill is not UNSET:
            field_dict["hasOverfill"] = has_overfill
        if is_backtest_order is not UNSET:
            field_dict["isBacktestOrder"] = is_backtest_order
        if limit_price is not UNSET:
            field_dict["limitPrice"] = limit_price
        if limit_price_changed is not UNSET:
            field_dict["limitPriceChanged"] = limit_price_changed
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_id = d.pop("orderId")

        account = d.pop("account", UNSET)

        instrument = d.pop("instrument", UNSET)

        instrument_type = d.pop("instrumentType", UNSET)

        def _parse_order_type(data: object) -> NinjaOrderType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_type_type_0 = NinjaOrderType(data)

                return order_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NinjaOrderType | str | Unset, data)

        order_type = _parse_order_type(d.pop("orderType", UNSET))

        def _parse_order_state(data: object) -> OrderState | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_state_type_0 = OrderState(data)

                return order_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderState | str | Unset, data)

        order_state = _parse_order_state(d.pop("orderState", UNSET))

        quantity = d.pop("quantity", UNSET)

        average_fill_price = d.pop("averageFillPrice", UNSET)

        filled = d.pop("filled", UNSET)

        def _parse_from_entry_signal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_entry_signal = _parse_from_entry_signal(d.pop("fromEntrySignal", UNSET))

        gtd = d.pop("gtd", UNSET)

        has_overfill = d.pop("hasOverfill", UNSET)

        is_backtest_order = d.pop("isBacktestOrder", UNSET)

        limit_price = d.pop("limitPrice", UNSET)

        limit_price_changed = d.pop("limitPriceChanged", UNSET)

        success = d.pop("success", UNSET)

        order = cls(
            order_id=order_id,
            account=account,
            instrument=instrument,
            instrument_type=instrument_type,
            order_type=order_type,
            order_state=order_state,
            quantity=quantity,
            average_fill_price=average_fill_price,
            filled=filled,
            from_entry_signal=from_entry_signal,
            gtd=gtd,
            has_overfill=has_overfill,
            is_backtest_order=is_backtest_order,
            limit_price=limit_price,
            limit_price_changed=limit_price_changed,
            success=success,
        )

        order.additional_properties = d
        return order

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
