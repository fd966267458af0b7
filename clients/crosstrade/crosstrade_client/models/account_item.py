from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountItem")


@_attrs_define
class AccountItem:
    """NT8 account money values (CrossTrade get-account page).

    Attributes:
        buying_power (float | Unset):
        cash_value (float | Unset):
        commission (float | Unset):
        daily_loss_limit (float | Unset):
        daily_profit_trigger (float | Unset):
        excess_initial_margin (float | Unset):
        excess_intraday_margin (float | Unset):
        excess_maintenance_margin (float | Unset):
        excess_position_margin (float | Unset):
        fee (float | Unset):
        gross_realized_profit_loss (float | Unset):
        initial_margin (float | Unset):
        intraday_margin (float | Unset):
        long_option_value (float | Unset):
        long_stock_value (float | Unset):
        look_ahead_maintenance_margin (float | Unset):
        maintenance_margin (float | Unset):
        net_liquidation (float | Unset):
        net_liquidation_by_currency (float | Unset):
        position_margin (float | Unset):
        realized_profit_loss (float | Unset):
        short_option_value (float | Unset):
        short_stock_value (float | Unset):
        sod_cash_value (float | Unset):
        sod_liquidating_value (float | Unset):
        total_cash_balance (float | Unset):
        trailing_max_drawdown (float | Unset):
        unrealized_profit_loss (float | Unset):
        weekly_loss_limit (float | Unset):
        weekly_profit_loss (float | Unset):
        weekly_profit_trigger (float | Unset):
    """

    buying_power: float | Unset = UNSET
    cash_value: float | Unset = UNSET
    commission: float | Unset = UNSET
    daily_loss_limit: float | Unset = UNSET
    daily_profit_trigger: float | Unset = UNSET
    excess_initial_margin: float | Unset = UNSET
    excess_intraday_margin: float | Unset = UNSET
    excess_maintenance_margin: float | Unset = UNSET
    excess_position_margin: float | Unset = UNSET
    fee: float | Unset = UNSET
    gross_realized_profit_loss: float | Unset = UNSET
    initial_margin: float | Unset = UNSET
    intraday_margin: float | Unset = UNSET
    long_option_value: float | Unset = UNSET
    long_stock_value: float | Unset = UNSET
    look_ahead_maintenance_margin: float | Unset = UNSET
    maintenance_margin: float | Unset = UNSET
    net_liquidation: float | Unset = UNSET
    net_liquidation_by_currency: float | Unset = UNSET
    position_margin: float | Unset = UNSET
    realized_profit_loss: float | Unset = UNSET
    short_option_value: float | Unset = UNSET
    short_stock_value: float | Unset = UNSET
    sod_cash_value: float | Unset = UNSET
    sod_liquidating_value: float | Unset = UNSET
    total_cash_balance: float | Unset = UNSET
    trailing_max_drawdown: float | Unset = UNSET
    unrealized_profit_loss: float | Unset = UNSET
    weekly_loss_limit: float | Unset = UNSET
    weekly_profit_loss: float | Unset = UNSET
    weekly_profit_trigger: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        buying_power = self.buying_power

        cash_value = self.cash_value

        commission = self.commission

        daily_loss_limit = self.daily_loss_limit

        daily_profit_trigger = self.daily_profit_trigger

        excess_initial_margin = self.excess_initial_margin

        excess_intraday_margin = self.excess_intraday_margin

        excess_maintenance_margin = self.excess_maintenance_margin

        excess_position_margin = self.excess_position_margin

        fee = self.fee

        gross_realized_profit_loss = self.gross_realized_profit_loss

        initial_margin = self.initial_margin

        intraday_margin = self.intraday_margin

        long_option_value = self.long_option_value

        long_stock_value = self.long_stock_value

        look_ahead_maintenance_margin = self.look_ahead_maintenance_margin

        maintenance_margin = self.maintenance_margin

        net_liquidation = self.net_liquidation

        net_liquidation_by_currency = self.net_liquidation_by_currency

        position_margin = self.position_margin

        realized_profit_loss = self.realized_profit_loss

        short_option_value = self.short_option_value

        short_stock_value = self.short_stock_value

        sod_cash_value = self.sod_cash_value

        sod_liquidating_value = self.sod_liquidating_value

        total_cash_balance = self.total_cash_balance

        trailing_max_drawdown = self.trailing_max_drawdown

        unrealized_profit_loss = self.unrealized_profit_loss

        weekly_loss_limit = self.weekly_loss_limit

        weekly_profit_loss = self.weekly_profit_loss

        weekly_profit_trigger = self.weekly_profit_trigger

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if buying_power is not UNSET:
            field_dict["buyingPower"] = buying_power
        if cash_value is not UNSET:
            field_dict["cashValue"] = cash_value
        if commission is not UNSET:
            field_dict["commission"] = commission
        if daily_loss_limit is not UNSET:
            field_dict["dailyLossLimit"] = daily_loss_limit
        if daily_profit_trigger is not UNSET:
            field_dict["dailyProfitTrigger"] = daily_profit_trigger
        if excess_initial_margin is not UNSET:
            field_dict["excessInitialMargin"] = excess_initial_margin
        if excess_intraday_margin is not UNSET:
            field_dict["excessIntradayMargin"] = excess_intraday_margin
        if excess_maintenance_margin is not UNSET:
            field_dict["excessMaintenanceMargin"] = excess_maintenance_margin
        if excess_position_margin is not UNSET:
            field_dict["excessPositionMargin"] = excess_position_margin
        if fee is not UNSET:
            field_dict["fee"] = fee
        if gross_realized_profit_loss is not UNSET:
            field_dict["grossRealizedProfitLoss"] = gross_realized_profit_loss
        if initial_margin is not UNSET:
            field_dict["initialMargin"] = initial_margin
        if intraday_margin is not UNSET:
            field_dict["intradayMargin"] = intraday_margin
        if long_option_value is not UNSET:
            field_dict["longOptionValue"] = long_option_value
        if long_stock_value is not UNSET:
            field_dict["longStockValue"] = long_stock_value
        if look_ahead_maintenance_margin is not UNSET:
            field_dict["lookAheadMaintenanceMargin"] = look_ahead_maintenance_margin
        if maintenance_margin is not UNSET:
            field_dict["maintenanceMargin"] = maintenance_margin
        if net_liquidation is not UNSET:
            field_dict["netLiquidation"] = net_liquidation
        if net_liquidation_by_currency is not UNSET:
            field_dict["netLiquidationByCurrency"] = net_liquidation_by_currency
        if position_margin is not UNSET:
            field_dict["positionMargin"] = position_margin
        if realized_profit_loss is not UNSET:
            field_dict["realizedProfitLoss"] = realized_profit_loss
        if short_option_value is not UNSET:
            field_dict["shortOptionValue"] = short_option_value
        if short_stock_value is not UNSET:
            field_dict["shortStockValue"] = short_stock_value
        if sod_cash_value is not UNSET:
            field_dict["sodCashValue"] = sod_cash_value
        if sod_liquidating_value is not UNSET:
            field_dict["sodLiquidatingValue"] = sod_liquidating_value
        if total_cash_balance is not UNSET:
            field_dict["totalCashBalance"] = total_cash_balance
        if trailing_max_drawdown is not UNSET:
            field_dict["trailingMaxDrawdown"] = trailing_max_drawdown
        if unrealized_profit_loss is not UNSET:
            field_dict["unrealizedProfitLoss"] = unrealized_profit_loss
        if weekly_loss_limit is not UNSET:
            field_dict["weeklyLossLimit"] = weekly_loss_limit
        if weekly_profit_loss is not UNSET:
            field_dict["weeklyProfitLoss"] = weekly_profit_loss
        if weekly_profit_trigger is not UNSET:
            field_dict["weeklyProfitTrigger"] = weekly_profit_trigger

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        buying_power = d.pop("buyingPower", UNSET)

        cash_value = d.pop("cashValue", UNSET)

        commission = d.pop("commission", UNSET)

        daily_loss_limit = d.pop("dailyLossLimit", UNSET)

        daily_profit_trigger = d.pop("dailyProfitTrigger", UNSET)

        excess_initial_margin = d.pop("excessInitialMargin", UNSET)

        excess_intraday_margin = d.pop("excessIntradayMargin", UNSET)

        excess_maintenance_margin = d.pop("excessMaintenanceMargin", UNSET)

        excess_position_margin = d.pop("excessPositionMargin", UNSET)

        fee = d.pop("fee", UNSET)

        gross_realized_profit_loss = d.pop("grossRealizedProfitLoss", UNSET)

        initial_margin = d.pop("initialMargin", UNSET)

        intraday_margin = d.pop("intradayMargin", UNSET)

        long_option_value = d.pop("longOptionValue", UNSET)

        long_stock_value = d.pop("longStockValue", UNSET)

        look_ahead_maintenance_margin = d.pop("lookAheadMaintenanceMargin", UNSET)

        maintenance_margin = d.pop("maintenanceMargin", UNSET)

        net_liquidation = d.pop("netLiquidation", UNSET)

        net_liquidation_by_currency = d.pop("netLiquidationByCurrency", UNSET)

        position_margin = d.pop("positionMargin", UNSET)

        realized_profit_loss = d.pop("realizedProfitLoss", UNSET)

        short_option_value = d.pop("shortOptionValue", UNSET)

        short_stock_value = d.pop("shortStockValue", UNSET)

        sod_cash_value = d.pop("sodCashValue", UNSET)

        sod_liquidating_value = d.pop("sodLiquidatingValue", UNSET)

        total_cash_balance = d.pop("totalCashBalance", UNSET)

        trailing_max_drawdown = d.pop("trailingMaxDrawdown", UNSET)

        unrealized_profit_loss = d.pop("unrealizedProfitLoss", UNSET)

        weekly_loss_limit = d.pop("weeklyLossLimit", UNSET)

        weekly_profit_loss = d.pop("weeklyProfitLoss", UNSET)

        weekly_profit_trigger = d.pop("weeklyProfitTrigger", UNSET)

        account_item = cls(
            buying_power=buying_power,
            cash_value=cash_value,
            commission=commission,
            daily_loss_limit=daily_loss_limit,
            daily_profit_trigger=daily_profit_trigger,
            excess_initial_margin=excess_initial_margin,
            excess_intraday_margin=excess_intraday_margin,
            excess_maintenance_margin=excess_maintenance_margin,
            excess_position_margin=excess_position_margin,
            fee=fee,
            gross_realized_profit_loss=gross_realized_profit_loss,
            initial_margin=initial_margin,
            intraday_margin=intraday_margin,
            long_option_value=long_option_value,
            long_stock_value=long_stock_value,
            look_ahead_maintenance_margin=look_ahead_maintenance_margin,
            maintenance_margin=maintenance_margin,
            net_liquidation=net_liquidation,
            net_liquidation_by_currency=net_liquidation_by_currency,
            position_margin=position_margin,
            realized_profit_loss=realized_profit_loss,
            short_option_value=short_option_value,
            short_stock_value=short_stock_value,
            sod_cash_value=sod_cash_value,
            sod_liquidating_value=sod_liquidating_value,
            total_cash_balance=total_cash_balance,
            trailing_max_drawdown=trailing_max_drawdown,
            unrealized_profit_loss=unrealized_profit_loss,
            weekly_loss_limit=weekly_loss_limit,
            weekly_profit_loss=weekly_profit_loss,
            weekly_profit_trigger=weekly_profit_trigger,
        )

        account_item.additional_properties = d
        return account_item

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
