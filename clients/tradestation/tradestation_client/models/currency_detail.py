from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CurrencyDetail")


@_attrs_define
class CurrencyDetail:
    """(Futures) Balances in one currency (TS-OAS `CurrencyDetails` item). `Account...` fields are converted to the account
    currency with `ToAccountConversionRate`.

        Attributes:
            account_open_order_init_margin (float | Unset):
            bod_account_cash_balance (float | Unset):
            bod_account_open_trade_equity (float | Unset):
            bod_account_securities (float | Unset):
            bod_cash_balance (float | Unset):
            bod_open_trade_equity (float | Unset):
            bod_securities (float | Unset):
            commission (float | Unset):
            currency (str | Unset):
            open_order_init_margin (float | Unset):
            real_time_account_cash_balance (float | Unset):
            real_time_account_init_margin (float | Unset):
            real_time_account_maintenance_margin (float | Unset):
            real_time_account_margin_requirement (float | Unset):
            real_time_account_realized_profit_loss (float | Unset):
            real_time_account_unrealized_profit_loss (float | Unset):
            real_time_cash_balance (float | Unset):
            real_time_init_margin (float | Unset):
            real_time_maintenance_margin (float | Unset):
            real_time_realized_profit_loss (float | Unset):
            real_time_unrealized_profit_loss (float | Unset):
            to_account_conversion_rate (float | Unset):
            today_real_time_unrealized_profit_loss (float | Unset):
    """

    account_open_order_init_margin: float | Unset = UNSET
    bod_account_cash_balance: float | Unset = UNSET
    bod_account_open_trade_equity: float | Unset = UNSET
    bod_account_securities: float | Unset = UNSET
    bod_cash_balance: float | Unset = UNSET
    bod_open_trade_equity: float | Unset = UNSET
    bod_securities: float | Unset = UNSET
    commission: float | Unset = UNSET
    currency: str | Unset = UNSET
    open_order_init_margin: float | Unset = UNSET
    real_time_account_cash_balance: float | Unset = UNSET
    real_time_account_init_margin: float | Unset = UNSET
    real_time_account_maintenance_margin: float | Unset = UNSET
    real_time_account_margin_requirement: float | Unset = UNSET
    real_time_account_realized_profit_loss: float | Unset = UNSET
    real_time_account_unrealized_profit_loss: float | Unset = UNSET
    real_time_cash_balance: float | Unset = UNSET
    real_time_init_margin: float | Unset = UNSET
    real_time_maintenance_margin: float | Unset = UNSET
    real_time_realized_profit_loss: float | Unset = UNSET
    real_time_unrealized_profit_loss: float | Unset = UNSET
    to_account_conversion_rate: float | Unset = UNSET
    today_real_time_unrealized_profit_loss: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_open_order_init_margin = self.account_open_order_init_margin

        bod_account_cash_balance = self.bod_account_cash_balance

        bod_account_open_trade_equity = self.bod_account_open_trade_equity

        bod_account_securities = self.bod_account_securities

        bod_cash_balance = self.bod_cash_balance

        bod_open_trade_equity = self.bod_open_trade_equity

        bod_securities = self.bod_securities

        commission = self.commission

        currency = self.currency

        open_order_init_margin = self.open_order_init_margin

        real_time_account_cash_balance = self.real_time_account_cash_balance

        real_time_account_init_margin = self.real_time_account_init_margin

        real_time_account_maintenance_margin = self.real_time_account_maintenance_margin

        real_time_account_margin_requirement = self.real_time_account_margin_requirement

        real_time_account_realized_profit_loss = self.real_time_account_realized_profit_loss

        real_time_account_unrealized_profit_loss = self.real_time_account_unrealized_profit_loss

        real_time_cash_balance = self.real_time_cash_balance

        real_time_init_margin = self.real_time_init_margin

        real_time_maintenance_margin = self.real_time_maintenance_margin

        real_time_realized_profit_loss = self.real_time_realized_profit_loss

        real_time_unrealized_profit_loss = self.real_time_unrealized_profit_loss

        to_account_conversion_rate = self.to_account_conversion_rate

        today_real_time_unrealized_profit_loss = self.today_real_time_unrealized_profit_loss

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_open_order_init_margin is not UNSET:
            field_dict["AccountOpenOrderInitMargin"] = account_open_order_init_margin
        if bod_account_cash_balance is not UNSET:
            field_dict["BODAccountCashBalance"] = bod_account_cash_balance
        if bod_account_open_trade_equity is not UNSET:
            field_dict["BODAccountOpenTradeEquity"] = bod_account_open_trade_equity
        if bod_account_securities is not UNSET:
            field_dict["BODAccountSecurities"] = bod_account_securities
        if bod_cash_balance is not UNSET:
            field_dict["BODCashBalance"] = bod_cash_balance
        if bod_open_trade_equity is not UNSET:
            field_dict["BODOpenTradeEquity"] = bod_open_trade_equity
        if bod_securities is not UNSET:
            field_dict["BODSecurities"] = bod_securities
        if commission is not UNSET:
            field_dict["Commission"] = commission
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if open_order_init_margin is not UNSET:
            field_dict["OpenOrderInitMargin"] = open_order_init_margin
        if real_time_account_cash_balance is not UNSET:
            field_dict["RealTimeAccountCashBalance"] = real_time_account_cash_balance
        if real_time_account_init_margin is not UNSET:
            field_dict["RealTimeAccountInitMargin"] = real_time_account_init_margin
        if real_time_account_maintenance_margin is not UNSET:
            field_dict["RealTimeAccountMaintenanceMargin"] = real_time_account_maintenance_margin
        if real_time_account_margin_requirement is not UNSET:
            field_dict["RealTimeAccountMarginRequirement"] = real_time_account_margin_requirement
        if real_time_account_realized_profit_loss is not UNSET:
            field_dict["RealTimeAccountRealizedProfitLoss"] = real_time_account_realized_profit_loss
        if real_time_account_unrealized_profit_loss is not UNSET:
            field_dict["RealTimeAccountUnrealizedProfitLoss"] = real_time_account_unrealized_profit_loss
        if real_time_cash_balance is not UNSET:
            field_dict["RealTimeCashBalance"] = real_time_cash_balance
        if real_time_init_margin is not UNSET:
            field_dict["RealTimeInitMargin"] = real_time_init_margin
        if real_time_maintenance_margin is not UNSET:
            field_dict["RealTimeMaintenanceMargin"] = real_time_maintenance_margin
        if real_time_realized_profit_loss is not UNSET:
            field_dict["RealTimeRealizedProfitLoss"] = real_time_realized_profit_loss
        if real_time_unrealized_profit_loss is not UNSET:
            field_dict["RealTimeUnrealizedProfitLoss"] = real_time_unrealized_profit_loss
        if to_account_conversion_rate is not UNSET:
            field_dict["ToAccountConversionRate"] = to_account_conversion_rate
        if today_real_time_unrealized_profit_loss is not UNSET:
            field_dict["TodayRealTimeUnrealizedProfitLoss"] = today_real_time_unrealized_profit_loss

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_open_order_init_margin = d.pop("AccountOpenOrderInitMargin", UNSET)

        bod_account_cash_balance = d.pop("BODAccountCashBalance", UNSET)

        bod_account_open_trade_equity = d.pop("BODAccountOpenTradeEquity", UNSET)

        bod_account_securities = d.pop("BODAccountSecurities", UNSET)

        bod_cash_balance = d.pop("BODCashBalance", UNSET)

        bod_open_trade_equity = d.pop("BODOpenTradeEquity", UNSET)

        bod_securities = d.pop("BODSecurities", UNSET)

        commission = d.pop("Commission", UNSET)

        currency = d.pop("Currency", UNSET)

        open_order_init_margin = d.pop("OpenOrderInitMargin", UNSET)

        real_time_account_cash_balance = d.pop("RealTimeAccountCashBalance", UNSET)

        real_time_account_init_margin = d.pop("RealTimeAccountInitMargin", UNSET)

        real_time_account_maintenance_margin = d.pop("RealTimeAccountMaintenanceMargin", UNSET)

        real_time_account_margin_requirement = d.pop("RealTimeAccountMarginRequirement", UNSET)

        real_time_account_realized_profit_loss = d.pop("RealTimeAccountRealizedProfitLoss", UNSET)

        real_time_account_unrealized_profit_loss = d.pop("RealTimeAccountUnrealizedProfitLoss", UNSET)

        real_time_cash_balance = d.pop("RealTimeCashBalance", UNSET)

        real_time_init_margin = d.pop("RealTimeInitMargin", UNSET)

        real_time_maintenance_margin = d.pop("RealTimeMaintenanceMargin", UNSET)

        real_time_realized_profit_loss = d.pop("RealTimeRealizedProfitLoss", UNSET)

        real_time_unrealized_profit_loss = d.pop("RealTimeUnrealizedProfitLoss", UNSET)

        to_account_conversion_rate = d.pop("ToAccountConversionRate", UNSET)

        today_real_time_unrealized_profit_loss = d.pop("TodayRealTimeUnrealizedProfitLoss", UNSET)

        currency_detail = cls(
            account_open_order_init_margin=account_open_order_init_margin,
            bod_account_cash_balance=bod_account_cash_balance,
            bod_account_open_trade_equity=bod_account_open_trade_equity,
            bod_account_securities=bod_account_securities,
            bod_cash_balance=bod_cash_balance,
            bod_open_trade_equity=bod_open_trade_equity,
            bod_securities=bod_securities,
            commission=commission,
            currency=currency,
            open_order_init_margin=open_order_init_margin,
            real_time_account_cash_balance=real_time_account_cash_balance,
            real_time_account_init_margin=real_time_account_init_margin,
            real_time_account_maintenance_margin=real_time_account_maintenance_margin,
            real_time_account_margin_requirement=real_time_account_margin_requirement,
            real_time_account_realized_profit_loss=real_time_account_realized_profit_loss,
            real_time_account_unrealized_profit_loss=real_time_account_unrealized_profit_loss,
            real_time_cash_balance=real_time_cash_balance,
            real_time_init_margin=real_time_init_margin,
            real_time_maintenance_margin=real_time_maintenance_margin,
            real_time_realized_profit_loss=real_time_realized_profit_loss,
            real_time_unrealized_profit_loss=real_time_unrealized_profit_loss,
            to_account_conversion_rate=to_account_conversion_rate,
            today_real_time_unrealized_profit_loss=today_real_time_unrealized_profit_loss,
        )

        currency_detail.additional_properties = d
        return currency_detail

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
