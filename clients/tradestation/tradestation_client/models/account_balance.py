from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status_code import AccountStatusCode
from ..models.account_type_code import AccountTypeCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountBalance")


@_attrs_define
class AccountBalance:
    """Balance of one account (subset of TS-OAS `BalanceDefinition`; other keys kept).

    Attributes:
        key (int | Unset):
        name (str | Unset):
        display_name (str | Unset):
        alias (str | Unset):
        type_ (AccountTypeCode | str | Unset):
        type_description (str | Unset):
        status (AccountStatusCode | str | Unset):
        status_description (str | Unset):
        bod_account_balance (float | Unset):
        bod_equity (float | Unset):
        bod_net_cash (float | Unset):
        real_time_account_balance (float | Unset):
        real_time_buying_power (float | Unset):
        real_time_equity (float | Unset):
        real_time_realized_profit_loss (float | Unset):
        real_time_unrealized_profit_loss (float | Unset):
        market_value (float | Unset):
    """

    key: int | Unset = UNSET
    name: str | Unset = UNSET
    display_name: str | Unset = UNSET
    alias: str | Unset = UNSET
    type_: AccountTypeCode | str | Unset = UNSET
    type_description: str | Unset = UNSET
    status: AccountStatusCode | str | Unset = UNSET
    status_description: str | Unset = UNSET
    bod_account_balance: float | Unset = UNSET
    bod_equity: float | Unset = UNSET
    bod_net_cash: float | Unset = UNSET
    real_time_account_balance: float | Unset = UNSET
    real_time_buying_power: float | Unset = UNSET
    real_time_equity: float | Unset = UNSET
    real_time_realized_profit_loss: float | Unset = UNSET
    real_time_unrealized_profit_loss: float | Unset = UNSET
    market_value: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        display_name = self.display_name

        alias = self.alias

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, AccountTypeCode):
            type_ = self.type_.value
        else:
            type_ = self.type_

        type_description = self.type_description

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AccountStatusCode):
            status = self.status.value
        else:
            status = self.status

        status_description = self.status_description

        bod_account_balance = self.bod_account_balance

        bod_equity = self.bod_equity

        bod_net_cash = self.bod_net_cash

        real_time_account_balance = self.real_time_account_balance

        real_time_buying_power = self.real_time_buying_power

        real_time_equity = self.real_time_equity

        real_time_realized_profit_loss = self.real_time_realized_profit_loss

        real_time_unrealized_profit_loss = self.real_time_unrealized_profit_loss

        market_value = self.market_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if key is not UNSET:
            field_dict["Key"] = key
        if name is not UNSET:
            field_dict["Name"] = name
        if display_name is not UNSET:
            field_dict["DisplayName"] = display_name
        if alias is not UNSET:
            field_dict["Alias"] = alias
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if type_description is not UNSET:
            field_dict["TypeDescription"] = type_description
        if status is not UNSET:
            field_dict["Status"] = status
        if status_description is not UNSET:
            field_dict["StatusDescription"] = status_description
        if bod_account_balance is not UNSET:
            field_dict["BODAccountBalance"] = bod_account_balance
        if bod_equity is not UNSET:
            field_dict["BODEquity"] = bod_equity
        if bod_net_cash is not UNSET:
            field_dict["BODNetCash"] = bod_net_cash
        if real_time_account_balance is not UNSET:
            field_dict["RealTimeAccountBalance"] = real_time_account_balance
        if real_time_buying_power is not UNSET:
            field_dict["RealTimeBuyingPower"] = real_time_buying_power
        if real_time_equity is not UNSET:
            field_dict["RealTimeEquity"] = real_time_equity
        if real_time_realized_profit_loss is not UNSET:
            field_dict["RealTimeRealizedProfitLoss"] = real_time_realized_profit_loss
        if real_time_unrealized_profit_loss is not UNSET:
            field_dict["RealTimeUnrealizedProfitLoss"] = real_time_unrealized_profit_loss
        if market_value is not UNSET:
            field_dict["MarketValue"] = market_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("Key", UNSET)

        name = d.pop("Name", UNSET)

        display_name = d.pop("DisplayName", UNSET)

        alias = d.pop("Alias", UNSET)

        def _parse_type_(data: object) -> AccountTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = AccountTypeCode(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountTypeCode | str | Unset, data)

        type_ = _parse_type_(d.pop("Type", UNSET))

        type_description = d.pop("TypeDescription", UNSET)

        def _parse_status(data: object) -> AccountStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AccountStatusCode(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountStatusCode | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        status_description = d.pop("StatusDescription", UNSET)

        bod_account_balance = d.pop("BODAccountBalance", UNSET)

        bod_equity = d.pop("BODEquity", UNSET)

        bod_net_cash = d.pop("BODNetCash", UNSET)

        real_time_account_balance = d.pop("RealTimeAccountBalance", UNSET)

        real_time_buying_power = d.pop("RealTimeBuyingPower", UNSET)

        real_time_equity = d.pop("RealTimeEquity", UNSET)

        real_time_realized_profit_loss = d.pop("RealTimeRealizedProfitLoss", UNSET)

        real_time_unrealized_profit_loss = d.pop("RealTimeUnrealizedProfitLoss", UNSET)

        market_value = d.pop("MarketValue", UNSET)

        account_balance = cls(
            key=key,
            name=name,
            display_name=display_name,
            alias=alias,
            type_=type_,
            type_description=type_description,
            status=status,
            status_description=status_description,
            bod_account_balance=bod_account_balance,
            bod_equity=bod_equity,
            bod_net_cash=bod_net_cash,
            real_time_account_balance=real_time_account_balance,
            real_time_buying_power=real_time_buying_power,
            real_time_equity=real_time_equity,
            real_time_realized_profit_loss=real_time_realized_profit_loss,
            real_time_unrealized_profit_loss=real_time_unrealized_profit_loss,
            market_value=market_value,
        )

        account_balance.additional_properties = d
        return account_balance

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
