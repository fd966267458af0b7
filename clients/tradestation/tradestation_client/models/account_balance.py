from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status_code import AccountStatusCode
from ..models.account_type_code import AccountTypeCode
from ..models.option_approval_level import OptionApprovalLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.closed_position import ClosedPosition
    from ..models.currency_detail import CurrencyDetail


T = TypeVar("T", bound="AccountBalance")


@_attrs_define
class AccountBalance:
    """Balance of one account (TS-OAS `AccountBalancesDefinition` item; every field of it, other keys kept). Money and
    counts are JSON numbers, as TS-OAS types them. `(Equities)` and `(Futures)` mark fields TS-OAS documents for one
    asset class only.

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
            real_time_buying_power (float | Unset): Buying power now (the figure an order is checked against).
            real_time_equity (float | Unset):
            real_time_realized_profit_loss (float | Unset):
            real_time_unrealized_profit_loss (float | Unset):
            market_value (float | Unset):
            bod_day_trading_marginable_equities_buying_power (float | Unset): (Equities) Intraday buying power under the
                day-trading rule at the start of the day.
            bod_open_trade_equity (float | Unset): (Futures) Unrealized profit or loss at the start of the day.
            bod_option_buying_power (float | Unset): (Equities) Option buying power at the start of the day.
            bod_option_value (float | Unset): (Equities) Liquidation value of options at the start of the day.
            bod_overnight_buying_power (float | Unset): (Equities) Overnight (Regulation T) buying power at the start of the
                day.
            can_day_trade (bool | Unset): (Equities) Whether the account may day trade.
            closed_positions (list[ClosedPosition] | Unset): Realized result of the positions closed today.
            commission (float | Unset): (Futures) Commission and routing fees.
            currency (str | Unset): (Futures) Base currency.
            currency_details (list[CurrencyDetail] | Unset): (Futures) Balances per currency.
            day_trade_excess (float | Unset): (Equities) Unused share of day-trading buying power.
            day_trade_open_order_margin (float | Unset): (Futures) Margin held for open day-trade orders.
            day_trades (float | Unset): (Equities) Day trades counted in the rolling five-day window.
            day_trading_qualified (bool | Unset): (Equities) Whether the account qualifies to day trade.
            option_approval_level (float | OptionApprovalLevel | Unset): (Equities) Option strategies the account is
                approved for (0-5).
            open_order_margin (float | Unset): (Futures) Margin held for open orders.
            pattern_day_trader (bool | Unset): (Equities) Whether the account is flagged as a pattern day trader.
            real_time_cost_of_positions (float | Unset): (Equities) Cost basis used for today's profit or loss.
            real_time_day_trade_margin (float | Unset): (Futures) Current day-trade margin of all positions.
            real_time_day_trading_marginable_equities_buying_power (float | Unset): (Equities) Intraday buying power for
                marginable equities.
            real_time_initial_margin (float | Unset): (Futures) Sum of the initial margins of all positions.
            real_time_maintenance_margin (float | Unset): (Futures) Current maintenance margin.
            real_time_option_buying_power (float | Unset): (Equities) Intraday buying power for options.
            real_time_option_value (float | Unset): (Equities) Intraday liquidation value of option positions.
            real_time_overnight_buying_power (float | Unset): (Equities) Current overnight buying power.
            real_time_trade_equity (float | Unset): (Futures) Unrealized profit or loss of open positions.
            real_time_unrealized_gains (float | Unset): Unrealized profit or loss of today's open positions.
            security_on_deposit (float | Unset): (Futures) Value of securities deposited as collateral.
            today_real_time_trade_equity (float | Unset): (Futures) Today's unrealized profit or loss.
            uncleared_deposit (float | Unset): Deposits received but not yet cleared.
            unsettled_fund (float | Unset): (Equities) Funds received but not yet settled.
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
    bod_day_trading_marginable_equities_buying_power: float | Unset = UNSET
    bod_open_trade_equity: float | Unset = UNSET
    bod_option_buying_power: float | Unset = UNSET
    bod_option_value: float | Unset = UNSET
    bod_overnight_buying_power: float | Unset = UNSET
    can_day_trade: bool | Unset = UNSET
    closed_positions: list[ClosedPosition] | Unset = UNSET
    commission: float | Unset = UNSET
    currency: str | Unset = UNSET
    currency_details: list[CurrencyDetail] | Unset = UNSET
    day_trade_excess: float | Unset = UNSET
    day_trade_open_order_margin: float | Unset = UNSET
    day_trades: float | Unset = UNSET
    day_trading_qualified: bool | Unset = UNSET
    option_approval_level: float | OptionApprovalLevel | Unset = UNSET
    open_order_margin: float | Unset = UNSET
    pattern_day_trader: bool | Unset = UNSET
    real_time_cost_of_positions: float | Unset = UNSET
    real_time_day_trade_margin: float | Unset = UNSET
    real_time_day_trading_marginable_equities_buying_power: float | Unset = UNSET
    real_time_initial_margin: float | Unset = UNSET
    real_time_maintenance_margin: float | Unset = UNSET
    real_time_option_buying_power: float | Unset = UNSET
    real_time_option_value: float | Unset = UNSET
    real_time_overnight_buying_power: float | Unset = UNSET
    real_time_trade_equity: float | Unset = UNSET
    real_time_unrealized_gains: float | Unset = UNSET
    security_on_deposit: float | Unset = UNSET
    today_real_time_trade_equity: float | Unset = UNSET
    uncleared_deposit: float | Unset = UNSET
    unsettled_fund: float | Unset = UNSET
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

        bod_day_trading_marginable_equities_buying_power = self.bod_day_trading_marginable_equities_buying_power

        bod_open_trade_equity = self.bod_open_trade_equity

        bod_option_buying_power = self.bod_option_buying_power

        bod_option_value = self.bod_option_value

        bod_overnight_buying_power = self.bod_overnight_buying_power

        can_day_trade = self.can_day_trade

        closed_positions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.closed_positions, Unset):
            closed_positions = []
            for closed_positions_item_data in self.closed_positions:
                closed_positions_item = closed_positions_item_data.to_dict()
                closed_positions.append(closed_positions_item)

        commission = self.commission

        currency = self.currency

        currency_details: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.currency_details, Unset):
            currency_details = []
            for currency_details_item_data in self.currency_details:
                currency_details_item = currency_details_item_data.to_dict()
                currency_details.append(currency_details_item)

        day_trade_excess = self.day_trade_excess

        day_trade_open_order_margin = self.day_trade_open_order_margin

        day_trades = self.day_trades

        day_trading_qualified = self.day_trading_qualified

        option_approval_level: float | int | Unset
        if isinstance(self.option_approval_level, Unset):
            option_approval_level = UNSET
        elif isinstance(self.option_approval_level, OptionApprovalLevel):
            option_approval_level = self.option_approval_level.value
        else:
            option_approval_level = self.option_approval_level

        open_order_margin = self.open_order_margin

        pattern_day_trader = self.pattern_day_trader

        real_time_cost_of_positions = self.real_time_cost_of_positions

        real_time_day_trade_margin = self.real_time_day_trade_margin

        real_time_day_trading_marginable_equities_buying_power = (
            self.real_time_day_trading_marginable_equities_buying_power
        )

        real_time_initial_margin = self.real_time_initial_margin

        real_time_maintenance_margin = self.real_time_maintenance_margin

        real_time_option_buying_power = self.real_time_option_buying_power

        real_time_option_value = self.real_time_option_value

        real_time_overnight_buying_power = self.real_time_overnight_buying_power

        real_time_trade_equity = self.real_time_trade_equity

        real_time_unrealized_gains = self.real_time_unrealized_gains

        security_on_deposit = self.security_on_deposit

        today_real_time_trade_equity = self.today_real_time_trade_equity

        uncleared_deposit = self.uncleared_deposit

        unsettled_fund = self.unsettled_fund

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
        if bod_day_trading_marginable_equities_buying_power is not UNSET:
            field_dict["BODDayTradingMarginableEquitiesBuyingPower"] = bod_day_trading_marginable_equities_buying_power
        if bod_open_trade_equity is not UNSET:
            field_dict["BODOpenTradeEquity"] = bod_open_trade_equity
        if bod_option_buying_power is not UNSET:
            field_dict["BODOptionBuyingPower"] = bod_option_buying_power
        if bod_option_value is not UNSET:
            field_dict["BODOptionValue"] = bod_option_value
        if bod_overnight_buying_power is not UNSET:
            field_dict["BODOvernightBuyingPower"] = bod_overnight_buying_power
        if can_day_trade is not UNSET:
            field_dict["CanDayTrade"] = can_day_trade
        if closed_positions is not UNSET:
            field_dict["ClosedPositions"] = closed_positions
        if commission is not UNSET:
            field_dict["Commission"] = commission
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if currency_details is not UNSET:
            field_dict["CurrencyDetails"] = currency_details
        if day_trade_excess is not UNSET:
            field_dict["DayTradeExcess"] = day_trade_excess
        if day_trade_open_order_margin is not UNSET:
            field_dict["DayTradeOpenOrderMargin"] = day_trade_open_order_margin
        if day_trades is not UNSET:
            field_dict["DayTrades"] = day_trades
        if day_trading_qualified is not UNSET:
            field_dict["DayTradingQualified"] = day_trading_qualified
        if option_approval_level is not UNSET:
            field_dict["OptionApprovalLevel"] = option_approval_level
        if open_order_margin is not UNSET:
            field_dict["OpenOrderMargin"] = open_order_margin
        if pattern_day_trader is not UNSET:
            field_dict["PatternDayTrader"] = pattern_day_trader
        if real_time_cost_of_positions is not UNSET:
            field_dict["RealTimeCostOfPositions"] = real_time_cost_of_positions
        if real_time_day_trade_margin is not UNSET:
            field_dict["RealTimeDayTradeMargin"] = real_time_day_trade_margin
        if real_time_day_trading_marginable_equities_buying_power is not UNSET:
            field_dict["RealTimeDayTradingMarginableEquitiesBuyingPower"] = (
                real_time_day_trading_marginable_equities_buying_power
            )
        if real_time_initial_margin is not UNSET:
            field_dict["RealTimeInitialMargin"] = real_time_initial_margin
        if real_time_maintenance_margin is not UNSET:
            field_dict["RealTimeMaintenanceMargin"] = real_time_maintenance_margin
        if real_time_option_buying_power is not UNSET:
            field_dict["RealTimeOptionBuyingPower"] = real_time_option_buying_power
        if real_time_option_value is not UNSET:
            field_dict["RealTimeOptionValue"] = real_time_option_value
        if real_time_overnight_buying_power is not UNSET:
            field_dict["RealTimeOvernightBuyingPower"] = real_time_overnight_buying_power
        if real_time_trade_equity is not UNSET:
            field_dict["RealTimeTradeEquity"] = real_time_trade_equity
        if real_time_unrealized_gains is not UNSET:
            field_dict["RealTimeUnrealizedGains"] = real_time_unrealized_gains
        if security_on_deposit is not UNSET:
            field_dict["SecurityOnDeposit"] = security_on_deposit
        if today_real_time_trade_equity is not UNSET:
            field_dict["TodayRealTimeTradeEquity"] = today_real_time_trade_equity
        if uncleared_deposit is not UNSET:
            field_dict["UnclearedDeposit"] = uncleared_deposit
        if unsettled_fund is not UNSET:
            field_dict["UnsettledFund"] = unsettled_fund

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.closed_position import ClosedPosition  # noqa: PLC0415
        from ..models.currency_detail import CurrencyDetail  # noqa: PLC0415

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

        bod_day_trading_marginable_equities_buying_power = d.pop("BODDayTradingMarginableEquitiesBuyingPower", UNSET)

        bod_open_trade_equity = d.pop("BODOpenTradeEquity", UNSET)

        bod_option_buying_power = d.pop("BODOptionBuyingPower", UNSET)

        bod_option_value = d.pop("BODOptionValue", UNSET)

        bod_overnight_buying_power = d.pop("BODOvernightBuyingPower", UNSET)

        can_day_trade = d.pop("CanDayTrade", UNSET)

        _closed_positions = d.pop("ClosedPositions", UNSET)
        closed_positions: list[ClosedPosition] | Unset = UNSET
        if _closed_positions is not UNSET:
            closed_positions = []
            for closed_positions_item_data in _closed_positions:
                closed_positions_item = ClosedPosition.from_dict(closed_positions_item_data)

                closed_positions.append(closed_positions_item)

        commission = d.pop("Commission", UNSET)

        currency = d.pop("Currency", UNSET)

        _currency_details = d.pop("CurrencyDetails", UNSET)
        currency_details: list[CurrencyDetail] | Unset = UNSET
        if _currency_details is not UNSET:
            currency_details = []
            for currency_details_item_data in _currency_details:
                currency_details_item = CurrencyDetail.from_dict(currency_details_item_data)

                currency_details.append(currency_details_item)

        day_trade_excess = d.pop("DayTradeExcess", UNSET)

        day_trade_open_order_margin = d.pop("DayTradeOpenOrderMargin", UNSET)

        day_trades = d.pop("DayTrades", UNSET)

        day_trading_qualified = d.pop("DayTradingQualified", UNSET)

        def _parse_option_approval_level(data: object) -> float | OptionApprovalLevel | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                option_approval_level_type_0 = OptionApprovalLevel(data)

                return option_approval_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | OptionApprovalLevel | Unset, data)

        option_approval_level = _parse_option_approval_level(d.pop("OptionApprovalLevel", UNSET))

        open_order_margin = d.pop("OpenOrderMargin", UNSET)

        pattern_day_trader = d.pop("PatternDayTrader", UNSET)

        real_time_cost_of_positions = d.pop("RealTimeCostOfPositions", UNSET)

        real_time_day_trade_margin = d.pop("RealTimeDayTradeMargin", UNSET)

        real_time_day_trading_marginable_equities_buying_power = d.pop(
            "RealTimeDayTradingMarginableEquitiesBuyingPower", UNSET
        )

        real_time_initial_margin = d.pop("RealTimeInitialMargin", UNSET)

        real_time_maintenance_margin = d.pop("RealTimeMaintenanceMargin", UNSET)

        real_time_option_buying_power = d.pop("RealTimeOptionBuyingPower", UNSET)

        real_time_option_value = d.pop("RealTimeOptionValue", UNSET)

        real_time_overnight_buying_power = d.pop("RealTimeOvernightBuyingPower", UNSET)

        real_time_trade_equity = d.pop("RealTimeTradeEquity", UNSET)

        real_time_unrealized_gains = d.pop("RealTimeUnrealizedGains", UNSET)

        security_on_deposit = d.pop("SecurityOnDeposit", UNSET)

        today_real_time_trade_equity = d.pop("TodayRealTimeTradeEquity", UNSET)

        uncleared_deposit = d.pop("UnclearedDeposit", UNSET)

        unsettled_fund = d.pop("UnsettledFund", UNSET)

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
            bod_day_trading_marginable_equities_buying_power=bod_day_trading_marginable_equities_buying_power,
            bod_open_trade_equity=bod_open_trade_equity,
            bod_option_buying_power=bod_option_buying_power,
            bod_option_value=bod_option_value,
            bod_overnight_buying_power=bod_overnight_buying_power,
            can_day_trade=can_day_trade,
            closed_positions=closed_positions,
            commission=commission,
            currency=currency,
            currency_details=currency_details,
            day_trade_excess=day_trade_excess,
            day_trade_open_order_margin=day_trade_open_order_margin,
            day_trades=day_trades,
            day_trading_qualified=day_trading_qualified,
            option_approval_level=option_approval_level,
            open_order_margin=open_order_margin,
            pattern_day_trader=pattern_day_trader,
            real_time_cost_of_positions=real_time_cost_of_positions,
            real_time_day_trade_margin=real_time_day_trade_margin,
            real_time_day_trading_marginable_equities_buying_power=real_time_day_trading_marginable_equities_buying_power,
            real_time_initial_margin=real_time_initial_margin,
            real_time_maintenance_margin=real_time_maintenance_margin,
            real_time_option_buying_power=real_time_option_buying_power,
            real_time_option_value=real_time_option_value,
            real_time_overnight_buying_power=real_time_overnight_buying_power,
            real_time_trade_equity=real_time_trade_equity,
            real_time_unrealized_gains=real_time_unrealized_gains,
            security_on_deposit=security_on_deposit,
            today_real_time_trade_equity=today_real_time_trade_equity,
            uncleared_deposit=uncleared_deposit,
            unsettled_fund=unsettled_fund,
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
