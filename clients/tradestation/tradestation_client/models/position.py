from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.asset_type_code import AssetTypeCode
from ..models.position_asset_type import PositionAssetType
from ..models.position_side import PositionSide
from ..types import UNSET, Unset

T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """One open position (TS-OAS `AccountPositionsDefinition` item; every field of it, other keys kept). Prices and amounts
    are JSON numbers, as TS-OAS types them.

        Attributes:
            account_id (str | Unset):
            key (int | Unset):
            symbol (str | Unset):
            asset_type (AssetTypeCode | PositionAssetType | str | Unset):
            long_short (PositionSide | str | Unset):
            quantity (float | Unset):
            average_price (float | Unset):
            last_price (float | Unset):
            market_value (float | Unset):
            total_cost (float | Unset):
            open_profit_loss (float | Unset):
            account_market_value (float | Unset): Market value of the position in the account currency.
            account_open_profit_loss (float | Unset): Unrealized profit or loss in the account currency.
            account_total_cost (float | Unset): Total cost in the account currency.
            alias (str | Unset): The account's user-given name.
            ask_price (float | Unset):
            ask_price_display (str | Unset):
            average_price_display (str | Unset):
            bid_price (float | Unset):
            bid_price_display (str | Unset):
            big_point_value (float | Unset): Money value of a one-point move.
            contract_expire_date (str | Unset):
            conversion_rate (float | Unset): Rate from the symbol currency to the account currency.
            cost_basis_calculation (str | Unset): Japan margin accounts only (e.g. `FSA`).
            country (str | Unset):
            currency (str | Unset): Currency of the symbol.
            day_trade_margin (str | Unset): (Futures) Day-trade margin of the position; TS-OAS types it as a string.
            description (str | Unset):
            display_name (str | Unset): Marked for deprecation in TS-OAS.
            initial_margin (float | Unset):
            last_price_display (str | Unset):
            maintenance_margin (float | Unset):
            mark_to_market_price (float | Unset): Quantity-weighted average price used for marking to market.
            open_profit_loss_percent (float | Unset):
            open_profit_loss_qty (float | Unset): Unrealized profit or loss per unit, account currency.
            required_margin (float | Unset): (Forex) Margin required.
            settle_price (float | Unset): Marked for deprecation in TS-OAS.
            strike_price (float | Unset):
            strike_price_display (str | Unset):
            time_stamp (str | Unset): When the position was opened.
            todays_profit_loss (float | Unset): Equities and options only.
            unrealized_expenses (float | Unset): Japan margin accounts only.
    """

    account_id: str | Unset = UNSET
    key: int | Unset = UNSET
    symbol: str | Unset = UNSET
    asset_type: AssetTypeCode | PositionAssetType | str | Unset = UNSET
    long_short: PositionSide | str | Unset = UNSET
    quantity: float | Unset = UNSET
    average_price: float | Unset = UNSET
    last_price: float | Unset = UNSET
    market_value: float | Unset = UNSET
    total_cost: float | Unset = UNSET
    open_profit_loss: float | Unset = UNSET
    account_market_value: float | Unset = UNSET
    account_open_profit_loss: float | Unset = UNSET
    account_total_cost: float | Unset = UNSET
    alias: str | Unset = UNSET
    ask_price: float | Unset = UNSET
    ask_price_display: str | Unset = UNSET
    average_price_display: str | Unset = UNSET
    bid_price: float | Unset = UNSET
    bid_price_display: str | Unset = UNSET
    big_point_value: float | Unset = UNSET
    contract_expire_date: str | Unset = UNSET
    conversion_rate: float | Unset = UNSET
    cost_basis_calculation: str | Unset = UNSET
    country: str | Unset = UNSET
    currency: str | Unset = UNSET
    day_trade_margin: str | Unset = UNSET
    description: str | Unset = UNSET
    display_name: str | Unset = UNSET
    initial_margin: float | Unset = UNSET
    last_price_display: str | Unset = UNSET
    maintenance_margin: float | Unset = UNSET
    mark_to_market_price: float | Unset = UNSET
    open_profit_loss_percent: float | Unset = UNSET
    open_profit_loss_qty: float | Unset = UNSET
    required_margin: float | Unset = UNSET
    settle_price: float | Unset = UNSET
    strike_price: float | Unset = UNSET
    strike_price_display: str | Unset = UNSET
    time_stamp: str | Unset = UNSET
    todays_profit_loss: float | Unset = UNSET
    unrealized_expenses: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        key = self.key

        symbol = self.symbol

        asset_type: str | Unset
        if isinstance(self.asset_type, Unset):
            asset_type = UNSET
        elif isinstance(self.asset_type, AssetTypeCode):
            asset_type = self.asset_type.value
        elif isinstance(self.asset_type, PositionAssetType):
            asset_type = self.asset_type.value
        else:
            asset_type = self.asset_type

        long_short: str | Unset
        if isinstance(self.long_short, Unset):
            long_short = UNSET
        elif isinstance(self.long_short, PositionSide):
            long_short = self.long_short.value
        else:
            long_short = self.long_short

        quantity = self.quantity

        average_price = self.average_price

        last_price = self.last_price

        market_value = self.market_value

        total_cost = self.total_cost

        open_profit_loss = self.open_profit_loss

        account_market_value = self.account_market_value

        account_open_profit_loss = self.account_open_profit_loss

        account_total_cost = self.account_total_cost

        alias = self.alias

        ask_price = self.ask_price

        ask_price_display = self.ask_price_display

        average_price_display = self.average_price_display

        bid_price = self.bid_price

        bid_price_display = self.bid_price_display

        big_point_value = self.big_point_value

        contract_expire_date = self.contract_expire_date

        conversion_rate = self.conversion_rate

        cost_basis_calculation = self.cost_basis_calculation

        country = self.country

        currency = self.currency

        day_trade_margin = self.day_trade_margin

        description = self.description

        display_name = self.display_name

        initial_margin = self.initial_margin

        last_price_display = self.last_price_display

        maintenance_margin = self.maintenance_margin

        mark_to_market_price = self.mark_to_market_price

        open_profit_loss_percent = self.open_profit_loss_percent

        open_profit_loss_qty = self.open_profit_loss_qty

        required_margin = self.required_margin

        settle_price = self.settle_price

        strike_price = self.strike_price

        strike_price_display = self.strike_price_display

        time_stamp = self.time_stamp

        todays_profit_loss = self.todays_profit_loss

        unrealized_expenses = self.unrealized_expenses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_id is not UNSET:
            field_dict["AccountID"] = account_id
        if key is not UNSET:
            field_dict["Key"] = key
        if symbol is not UNSET:
            field_dict["Symbol"] = symbol
        if asset_type is not UNSET:
            field_dict["AssetType"] = asset_type
        if long_short is not UNSET:
            field_dict["LongShort"] = long_short
        if quantity is not UNSET:
            field_dict["Quantity"] = quantity
        if average_price is not UNSET:
            field_dict["AveragePrice"] = average_price
        if last_price is not UNSET:
            field_dict["LastPrice"] = last_price
        if market_value is not UNSET:
            field_dict["MarketValue"] = market_value
        if total_cost is not UNSET:
            field_dict["TotalCost"] = total_cost
        if open_profit_loss is not UNSET:
            field_dict["OpenProfitLoss"] = open_profit_loss
        if account_market_value is not UNSET:
            field_dict["AccountMarketValue"] = account_market_value
        if account_open_profit_loss is not UNSET:
            field_dict["AccountOpenProfitLoss"] = account_open_profit_loss
        if account_total_cost is not UNSET:
            field_dict["AccountTotalCost"] = account_total_cost
        if alias is not UNSET:
            field_dict["Alias"] = alias
        if ask_price is not UNSET:
            field_dict["AskPrice"] = ask_price
        if ask_price_display is not UNSET:
            field_dict["AskPriceDisplay"] = ask_price_display
        if average_price_display is not UNSET:
            field_dict["AveragePriceDisplay"] = average_price_display
        if bid_price is not UNSET:
            field_dict["BidPrice"] = bid_price
        if bid_price_display is not UNSET:
            field_dict["BidPriceDisplay"] = bid_price_display
        if big_point_value is not UNSET:
            field_dict["BigPointValue"] = big_point_value
        if contract_expire_date is not UNSET:
            field_dict["ContractExpireDate"] = contract_expire_date
        if conversion_rate is not UNSET:
            field_dict["ConversionRate"] = conversion_rate
        if cost_basis_calculation is not UNSET:
            field_dict["CostBasisCalculation"] = cost_basis_calculation
        if country is not UNSET:
            field_dict["Country"] = country
        if currency is not UNSET:
            field_dict["Currency"] = currency
        if day_trade_margin is not UNSET:
            field_dict["DayTradeMargin"] = day_trade_margin
        if description is not UNSET:
            field_dict["Description"] = description
        if display_name is not UNSET:
            field_dict["DisplayName"] = display_name
        if initial_margin is not UNSET:
            field_dict["InitialMargin"] = initial_margin
        if last_price_display is not UNSET:
            field_dict["LastPriceDisplay"] = last_price_display
        if maintenance_margin is not UNSET:
            field_dict["MaintenanceMargin"] = maintenance_margin
        if mark_to_market_price is not UNSET:
            field_dict["MarkToMarketPrice"] = mark_to_market_price
        if open_profit_loss_percent is not UNSET:
            field_dict["OpenProfitLossPercent"] = open_profit_loss_percent
        if open_profit_loss_qty is not UNSET:
            field_dict["OpenProfitLossQty"] = open_profit_loss_qty
        if required_margin is not UNSET:
            field_dict["RequiredMargin"] = required_margin
        if settle_price is not UNSET:
            field_dict["SettlePrice"] = settle_price
        if strike_price is not UNSET:
            field_dict["StrikePrice"] = strike_price
        if strike_price_display is not UNSET:
            field_dict["StrikePriceDisplay"] = strike_price_display
        if time_stamp is not UNSET:
            field_dict["TimeStamp"] = time_stamp
        if todays_profit_loss is not UNSET:
            field_dict["TodaysProfitLoss"] = todays_profit_loss
        if unrealized_expenses is not UNSET:
            field_dict["UnrealizedExpenses"] = unrealized_expenses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("AccountID", UNSET)

        key = d.pop("Key", UNSET)

        symbol = d.pop("Symbol", UNSET)

        def _parse_asset_type(data: object) -> AssetTypeCode | PositionAssetType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_type_type_0 = AssetTypeCode(data)

                return asset_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_type_type_1 = PositionAssetType(data)

                return asset_type_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetTypeCode | PositionAssetType | str | Unset, data)

        asset_type = _parse_asset_type(d.pop("AssetType", UNSET))

        def _parse_long_short(data: object) -> PositionSide | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                long_short_type_0 = PositionSide(data)

                return long_short_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PositionSide | str | Unset, data)

        long_short = _parse_long_short(d.pop("LongShort", UNSET))

        quantity = d.pop("Quantity", UNSET)

        average_price = d.pop("AveragePrice", UNSET)

        last_price = d.pop("LastPrice", UNSET)

        market_value = d.pop("MarketValue", UNSET)

        total_cost = d.pop("TotalCost", UNSET)

        open_profit_loss = d.pop("OpenProfitLoss", UNSET)

        account_market_value = d.pop("AccountMarketValue", UNSET)

        account_open_profit_loss = d.pop("AccountOpenProfitLoss", UNSET)

        account_total_cost = d.pop("AccountTotalCost", UNSET)

        alias = d.pop("Alias", UNSET)

        ask_price = d.pop("AskPrice", UNSET)

        ask_price_display = d.pop("AskPriceDisplay", UNSET)

        average_price_display = d.pop("AveragePriceDisplay", UNSET)

        bid_price = d.pop("BidPrice", UNSET)

        bid_price_display = d.pop("BidPriceDisplay", UNSET)

        big_point_value = d.pop("BigPointValue", UNSET)

        contract_expire_date = d.pop("ContractExpireDate", UNSET)

        conversion_rate = d.pop("ConversionRate", UNSET)

        cost_basis_calculation = d.pop("CostBasisCalculation", UNSET)

        country = d.pop("Country", UNSET)

        currency = d.pop("Currency", UNSET)

        day_trade_margin = d.pop("DayTradeMargin", UNSET)

        description = d.pop("Description", UNSET)

        display_name = d.pop("DisplayName", UNSET)

        initial_margin = d.pop("InitialMargin", UNSET)

        last_price_display = d.pop("LastPriceDisplay", UNSET)

        maintenance_margin = d.pop("MaintenanceMargin", UNSET)

        mark_to_market_price = d.pop("MarkToMarketPrice", UNSET)

        open_profit_loss_percent = d.pop("OpenProfitLossPercent", UNSET)

        open_profit_loss_qty = d.pop("OpenProfitLossQty", UNSET)

        required_margin = d.pop("RequiredMargin", UNSET)

        settle_price = d.pop("SettlePrice", UNSET)

        strike_price = d.pop("StrikePrice", UNSET)

        strike_price_display = d.pop("StrikePriceDisplay", UNSET)

        time_stamp = d.pop("TimeStamp", UNSET)

        todays_profit_loss = d.pop("TodaysProfitLoss", UNSET)

        unrealized_expenses = d.pop("UnrealizedExpenses", UNSET)

        position = cls(
            account_id=account_id,
            key=key,
            symbol=symbol,
            asset_type=asset_type,
            long_short=long_short,
            quantity=quantity,
            average_price=average_price,
            last_price=last_price,
            market_value=market_value,
            total_cost=total_cost,
            open_profit_loss=open_profit_loss,
            account_market_value=account_market_value,
            account_open_profit_loss=account_open_profit_loss,
            account_total_cost=account_total_cost,
            alias=alias,
            ask_price=ask_price,
            ask_price_display=ask_price_display,
            average_price_display=average_price_display,
            bid_price=bid_price,
            bid_price_display=bid_price_display,
            big_point_value=big_point_value,
            contract_expire_date=contract_expire_date,
            conversion_rate=conversion_rate,
            cost_basis_calculation=cost_basis_calculation,
            country=country,
            currency=currency,
            day_trade_margin=day_trade_margin,
            description=description,
            display_name=display_name,
            initial_margin=initial_margin,
            last_price_display=last_price_display,
            maintenance_margin=maintenance_margin,
            mark_to_market_price=mark_to_market_price,
            open_profit_loss_percent=open_profit_loss_percent,
            open_profit_loss_qty=open_profit_loss_qty,
            required_margin=required_margin,
            settle_price=settle_price,
            strike_price=strike_price,
            strike_price_display=strike_price_display,
            time_stamp=time_stamp,
            todays_profit_loss=todays_profit_loss,
            unrealized_expenses=unrealized_expenses,
        )

        position.additional_properties = d
        return position

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
