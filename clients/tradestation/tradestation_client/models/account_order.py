from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_order_side import AccountOrderSide
from ..models.account_order_status import AccountOrderStatus
from ..models.advanced_options_display import AdvancedOptionsDisplay
from ..models.asset_type_code import AssetTypeCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_order_leg import AccountOrderLeg
    from ..models.reported_market_activation_rule import ReportedMarketActivationRule
    from ..models.reported_time_activation_rule import ReportedTimeActivationRule
    from ..models.reported_trailing_stop import ReportedTrailingStop


T = TypeVar("T", bound="AccountOrder")


@_attrs_define
class AccountOrder:
    """One order of the account-orders listing (TS-OAS `AccountOrdersDefinition` item).

    Attributes:
        account_id (str | Unset):
        advanced_options (AdvancedOptionsDisplay | str | Unset): Advanced rule attached to the order, as display text
            (empty when none).
        alias (str | Unset):
        asset_type (AssetTypeCode | str | Unset):
        commission_fee (float | Unset):
        contract_expire_date (str | Unset):
        conversion_rate (float | Unset):
        cost_basis_calculation (str | Unset):
        country (None | str | Unset):
        denomination (str | Unset):
        display_name (str | Unset):
        display_type (float | Unset):
        duration (str | Unset): Display text such as `DAY+`.
        execute_quantity (float | Unset):
        filled_canceled (str | Unset): Time of fill or cancel, e.g. `8/3/2011 2:04:20 PM`.
        filled_price (float | Unset):
        filled_price_text (str | Unset):
        group_name (str | Unset):
        legs (list[AccountOrderLeg] | Unset):
        limit_price (float | Unset):
        limit_price_text (str | Unset):
        min_move (float | Unset):
        order_id (int | Unset): Broker order id (a number here, a string in order results).
        originator (int | Unset):
        quantity (float | Unset):
        quantity_left (float | Unset):
        realized_expenses (float | Unset):
        reject_reason (str | Unset):
        routing (str | Unset):
        show_only_quantity (int | Unset):
        spread (str | Unset):
        status (AccountOrderStatus | str | Unset):
        status_description (str | Unset):
        stop_price (float | Unset):
        stop_price_text (str | Unset):
        symbol (str | Unset):
        time_stamp (str | Unset):
        triggered_by (str | Unset):
        type_ (AccountOrderSide | str | Unset):
        unbundled_route_fee (float | Unset):
        market_activation_rules (list[ReportedMarketActivationRule] | Unset): Market activation rules of the order.
        time_activation_rules (list[ReportedTimeActivationRule] | Unset): Time activation rules of the order.
        trailing_stop (None | ReportedTrailingStop | Unset):
    """

    account_id: str | Unset = UNSET
    advanced_options: AdvancedOptionsDisplay | str | Unset = UNSET
    alias: str | Unset = UNSET
    asset_type: AssetTypeCode | str | Unset = UNSET
    commission_fee: float | Unset = UNSET
    contract_expire_date: str | Unset = UNSET
    conversion_rate: float | Unset = UNSET
    cost_basis_calculation: str | Unset = UNSET
    country: None | str | Unset = UNSET
    denomination: str | Unset = UNSET
    display_name: str | Unset = UNSET
    display_type: float | Unset = UNSET
    duration: str | Unset = UNSET
    execute_quantity: float | Unset = UNSET
    filled_canceled: str | Unset = UNSET
    filled_price: float | Unset = UNSET
    filled_price_text: str | Unset = UNSET
    group_name: str | Unset = UNSET
    legs: list[AccountOrderLeg] | Unset = UNSET
    limit_price: float | Unset = UNSET
    limit_price_text: str | Unset = UNSET
    min_move: float | Unset = UNSET
    order_id: int | Unset = UNSET
    originator: int | Unset = UNSET
    quantity: float | Unset = UNSET
    quantity_left: float | Unset = UNSET
    realized_expenses: float | Unset = UNSET
    reject_reason: str | Unset = UNSET
    routing: str | Unset = UNSET
    show_only_quantity: int | Unset = UNSET
    spread: str | Unset = UNSET
    status: AccountOrderStatus | str | Unset = UNSET
    status_description: str | Unset = UNSET
    stop_price: float | Unset = UNSET
    stop_price_text: str | Unset = UNSET
    symbol: str | Unset = UNSET
    time_stamp: str | Unset = UNSET
    triggered_by: str | Unset = UNSET
    type_: AccountOrderSide | str | Unset = UNSET
    unbundled_route_fee: float | Unset = UNSET
    market_activation_rules: list[ReportedMarketActivationRule] | Unset = UNSET
    time_activation_rules: list[ReportedTimeActivationRule] | Unset = UNSET
    trailing_stop: None | ReportedTrailingStop | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reported_trailing_stop import ReportedTrailingStop  # noqa: PLC0415

        account_id = self.account_id

        advanced_options: str | Unset
        if isinstance(self.advanced_options, Unset):
            advanced_options = UNSET
        elif isinstance(self.advanced_options, AdvancedOptionsDisplay):
            advanced_options = self.advanced_options.value
        else:
            advanced_options = self.advanced_options

        alias = self.alias

        asset_type: str | Unset
        if isinstance(self.asset_type, Unset):
            asset_type = UNSET
        elif isinstance(self.asset_type, AssetTypeCode):
            asset_type = self.asset_type.value
        else:
            asset_type = self.asset_type

        commission_fee = self.commission_fee

        contract_expire_date = self.contract_expire_date

        conversion_rate = self.conversion_rate

        cost_basis_calculation = self.cost_basis_calculation

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        denomination = self.denomination

        display_name = self.display_name

        display_type = self.display_type

        duration = self.duration

        execute_quantity = self.execute_quantity

        filled_canceled = self.filled_canceled

        filled_price = self.filled_price

        filled_price_text = self.filled_price_text

        group_name = self.group_name

        legs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.legs, Unset):
            legs = []
            for legs_item_data in self.legs:
                legs_item = legs_item_data.to_dict()
                legs.append(legs_item)

        limit_price = self.limit_price

        limit_price_text = self.limit_price_text

        min_move = self.min_move

        order_id = self.order_id

        originator = self.originator

        quantity = self.quantity

        quantity_left = self.quantity_left

        realized_expenses = self.realized_expenses

        reject_reason = self.reject_reason

        routing = self.routing

        show_only_quantity = self.show_only_quantity

        spread = self.spread

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AccountOrderStatus):
            status = self.status.value
        else:
            status = self.status

        status_description = self.status_description

        stop_price = self.stop_price

        stop_price_text = self.stop_price_text

        symbol = self.symbol

        time_stamp = self.time_stamp

        triggered_by = self.triggered_by

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, AccountOrderSide):
            type_ = self.type_.value
        else:
            type_ = self.type_

        unbundled_route_fee = self.unbundled_route_fee

        market_activation_rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.market_activation_rules, Unset):
            market_activation_rules = []
            for market_activation_rules_item_data in self.market_activation_rules:
                market_activation_rules_item = market_activation_rules_item_data.to_dict()
                market_activation_rules.append(market_activation_rules_item)

        time_activation_rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.time_activation_rules, Unset):
            time_activation_rules = []
            for time_activation_rules_item_data in self.time_activation_rules:
                time_activation_rules_item = time_activation_rules_item_data.to_dict()
                time_activation_rules.append(time_activation_rules_item)

        trailing_stop: dict[str, Any] | None | Unset
        if isinstance(self.trailing_stop, Unset):
            trailing_stop = UNSET
        elif isinstance(self.trailing_stop, ReportedTrailingStop):
            trailing_stop = self.trailing_stop.to_dict()
        else:
            trailing_stop = self.trailing_stop

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if account_id is not UNSET:
            field_dict["AccountID"] = account_id
        if advanced_options is not UNSET:
            field_dict["AdvancedOptions"] = advanced_options
        if alias is not UNSET:
            field_dict["Alias"] = alias
        if asset_type is not UNSET:
            field_dict["AssetType"] = asset_type
        if commission_fee is not UNSET:
            field_dict["CommissionFee"] = commission_fee
        if contract_expire_date is not UNSET:
            field_dict["ContractExpireDate"] = contract_expire_date
        if conversion_rate is not UNSET:
            field_dict["ConversionRate"] = conversion_rate
        if cost_basis_calculation is not UNSET:
            field_dict["CostBasisCalculation"] = cost_basis_calculation
        if country is not UNSET:
            field_dict["Country"] = country
        if denomination is not UNSET:
            field_dict["Denomination"] = denomination
        if display_name is not UNSET:
            field_dict["DisplayName"] = display_name
        if display_type is not UNSET:
            field_dict["DisplayType"] = display_type
        if duration is not UNSET:
            field_dict["Duration"] = duration
        if execute_quantity is not UNSET:
            field_dict["ExecuteQuantity"] = execute_quantity
        if filled_canceled is not UNSET:
            field_dict["FilledCanceled"] = filled_canceled
        if filled_price is not UNSET:
            field_dict["FilledPrice"] = filled_price
        if filled_price_text is not UNSET:
            field_dict["FilledPriceText"] = filled_price_text
        if group_name is not UNSET:
            field_dict["GroupName"] = group_name
        if legs is not UNSET:
            field_dict["Legs"] = legs
        if limit_price is not UNSET:
            field_dict["LimitPrice"] = limit_price
        if limit_price_text is not UNSET:
            field_dict["LimitPriceText"] = limit_price_text
        if min_move is not UNSET:
            field_dict["MinMove"] = min_move
        if order_id is not UNSET:
            field_dict["OrderID"] = order_id
        if originator is not UNSET:
            field_dict["Originator"] = originator
        if quantity is not UNSET:
            field_dict["Quantity"] = quantity
        if quantity_left is not UNSET:
            field_dict["QuantityLeft"] = quantity_left
        if realized_expenses is not UNSET:
            field_dict["RealizedExpenses"] = realized_expenses
        if reject_reason is not UNSET:
            field_dict["RejectReason"] = reject_reason
        if routing is not UNSET:
            field_dict["Routing"] = routing
        if show_only_quantity is not UNSET:
            field_dict["ShowOnlyQuantity"] = show_only_quantity
        if spread is not UNSET:
            field_dict["Spread"] = spread
        if status is not UNSET:
            field_dict["Status"] = status
        if status_description is not UNSET:
            field_dict["StatusDescription"] = status_description
        if stop_price is not UNSET:
            field_dict["StopPrice"] = stop_price
        if stop_price_text is not UNSET:
            field_dict["StopPriceText"] = stop_price_text
        if symbol is not UNSET:
            field_dict["Symbol"] = symbol
        if time_stamp is not UNSET:
            field_dict["TimeStamp"] = time_stamp
        if triggered_by is not UNSET:
            field_dict["TriggeredBy"] = triggered_by
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if unbundled_route_fee is not UNSET:
            field_dict["UnbundledRouteFee"] = unbundled_route_fee
        if market_activation_rules is not UNSET:
            field_dict["MarketActivationRules"] = market_activation_rules
        if time_activation_rules is not UNSET:
            field_dict["TimeActivationRules"] = time_activation_rules
        if trailing_stop is not UNSET:
            field_dict["TrailingStop"] = trailing_stop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_order_leg import AccountOrderLeg  # noqa: PLC0415
        from ..models.reported_market_activation_rule import ReportedMarketActivationRule  # noqa: PLC0415
        from ..models.reported_time_activation_rule import ReportedTimeActivationRule  # noqa: PLC0415
        from ..models.reported_trailing_stop import ReportedTrailingStop  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("AccountID", UNSET)

        def _parse_advanced_options(data: object) -> AdvancedOptionsDisplay | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                advanced_options_type_0 = AdvancedOptionsDisplay(data)

                return advanced_options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AdvancedOptionsDisplay | str | Unset, data)

        advanced_options = _parse_advanced_options(d.pop("AdvancedOptions", UNSET))

        alias = d.pop("Alias", UNSET)

        def _parse_asset_type(data: object) -> AssetTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asset_type_type_0 = AssetTypeCode(data)

                return asset_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AssetTypeCode | str | Unset, data)

        asset_type = _parse_asset_type(d.pop("AssetType", UNSET))

        commission_fee = d.pop("CommissionFee", UNSET)

        contract_expire_date = d.pop("ContractExpireDate", UNSET)

        conversion_rate = d.pop("ConversionRate", UNSET)

        cost_basis_calculation = d.pop("CostBasisCalculation", UNSET)

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("Country", UNSET))

        denomination = d.pop("Denomination", UNSET)

        display_name = d.pop("DisplayName", UNSET)

        display_type = d.pop("DisplayType", UNSET)

        duration = d.pop("Duration", UNSET)

        execute_quantity = d.pop("ExecuteQuantity", UNSET)

        filled_canceled = d.pop("FilledCanceled", UNSET)

        filled_price = d.pop("FilledPrice", UNSET)

        filled_price_text = d.pop("FilledPriceText", UNSET)

        group_name = d.pop("GroupName", UNSET)

        _legs = d.pop("Legs", UNSET)
        legs: list[AccountOrderLeg] | Unset = UNSET
        if _legs is not UNSET:
            legs = []
            for legs_item_data in _legs:
                legs_item = AccountOrderLeg.from_dict(legs_item_data)

                legs.append(legs_item)

        limit_price = d.pop("LimitPrice", UNSET)

        limit_price_text = d.pop("LimitPriceText", UNSET)

        min_move = d.pop("MinMove", UNSET)

        order_id = d.pop("OrderID", UNSET)

        originator = d.pop("Originator", UNSET)

        quantity = d.pop("Quantity", UNSET)

        quantity_left = d.pop("QuantityLeft", UNSET)

        realized_expenses = d.pop("RealizedExpenses", UNSET)

        reject_reason = d.pop("RejectReason", UNSET)

        routing = d.pop("Routing", UNSET)

        show_only_quantity = d.pop("ShowOnlyQuantity", UNSET)

        spread = d.pop("Spread", UNSET)

        def _parse_status(data: object) -> AccountOrderStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AccountOrderStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountOrderStatus | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        status_description = d.pop("StatusDescription", UNSET)

        stop_price = d.pop("StopPrice", UNSET)

        stop_price_text = d.pop("StopPriceText", UNSET)

        symbol = d.pop("Symbol", UNSET)

        time_stamp = d.pop("TimeStamp", UNSET)

        triggered_by = d.pop("TriggeredBy", UNSET)

        def _parse_type_(data: object) -> AccountOrderSide | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = AccountOrderSide(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountOrderSide | str | Unset, data)

        type_ = _parse_type_(d.pop("Type", UNSET))

        unbundled_route_fee = d.pop("UnbundledRouteFee", UNSET)

        _market_activation_rules = d.pop("MarketActivationRules", UNSET)
        market_activation_rules: list[ReportedMarketActivationRule] | Unset = UNSET
        if _market_activation_rules is not UNSET:
            market_activation_rules = []
            for market_activation_rules_item_data in _market_activation_rules:
                market_activation_rules_item = ReportedMarketActivationRule.from_dict(market_activation_rules_item_data)

                market_activation_rules.append(market_activation_rules_item)

        _time_activation_rules = d.pop("TimeActivationRules", UNSET)
        time_activation_rules: list[ReportedTimeActivationRule] | Unset = UNSET
        if _time_activation_rules is not UNSET:
            time_activation_rules = []
            for time_activation_rules_item_data in _time_activation_rules:
                time_activation_rules_item = ReportedTimeActivationRule.from_dict(time_activation_rules_item_data)

                time_activation_rules.append(time_activation_rules_item)

        def _parse_trailing_stop(data: object) -> None | ReportedTrailingStop | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trailing_stop_type_0 = ReportedTrailingStop.from_dict(data)

                return trailing_stop_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReportedTrailingStop | Unset, data)

        trailing_stop = _parse_trailing_stop(d.pop("TrailingStop", UNSET))

        account_order = cls(
            account_id=account_id,
            advanced_options=advanced_options,
            alias=alias,
            asset_type=asset_type,
            commission_fee=commission_fee,
            contract_expire_date=contract_expire_date,
            conversion_rate=conversion_rate,
            cost_basis_calculation=cost_basis_calculation,
            country=country,
            denomination=denomination,
            display_name=display_name,
            display_type=display_type,
            duration=duration,
            execute_quantity=execute_quantity,
            filled_canceled=filled_canceled,
            filled_price=filled_price,
            filled_price_text=filled_price_text,
            group_name=group_name,
            legs=legs,
            limit_price=limit_price,
            limit_price_text=limit_price_text,
            min_move=min_move,
            order_id=order_id,
            originator=originator,
            quantity=quantity,
            quantity_left=quantity_left,
            realized_expenses=realized_expenses,
            reject_reason=reject_reason,
            routing=routing,
            show_only_quantity=show_only_quantity,
            spread=spread,
            status=status,
            status_description=status_description,
            stop_price=stop_price,
            stop_price_text=stop_price_text,
            symbol=symbol,
            time_stamp=time_stamp,
            triggered_by=triggered_by,
            type_=type_,
            unbundled_route_fee=unbundled_route_fee,
            market_activation_rules=market_activation_rules,
            time_activation_rules=time_activation_rules,
            trailing_stop=trailing_stop,
        )

        account_order.additional_properties = d
        return account_order

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
