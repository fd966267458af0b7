from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reported_market_activation_rule import ReportedMarketActivationRule
    from ..models.reported_time_activation_rule import ReportedTimeActivationRule
    from ..models.reported_trailing_stop import ReportedTrailingStop


T = TypeVar("T", bound="OrderConfirmation")


@_attrs_define
class OrderConfirmation:
    """Estimate for one order (TS-OAS `OrderConfirmResponseDefinition`). Numbers are JSON
    numbers; `*Display` are formatted strings. The legacy body also carries WCF artefacts
    (`__type`, `RelationIdentifier`).

        Attributes:
            route (str | Unset):
            duration (str | Unset):
            account (str | Unset):
            summary_message (str | Unset):
            order_confirm_id (str | Unset): Id generated per order per API key and user.
            estimated_price (float | Unset):
            estimated_price_display (str | Unset):
            estimated_cost (float | Unset):
            estimated_cost_display (str | Unset):
            estimated_commission (float | Unset):
            estimated_commission_display (str | Unset):
            debit_credit_estimated_cost (float | Unset):
            debit_credit_estimated_cost_display (str | Unset):
            base_currency (str | Unset):
            counter_currency (str | Unset):
            initial_margin_display (str | Unset):
            product_currency (str | Unset):
            account_currency (str | Unset):
            trailing_stop (None | ReportedTrailingStop | Unset): Echo of the request's trailing stop.
            market_activation_rules (list[ReportedMarketActivationRule] | Unset): Echo of the request's market activation
                rules.
            time_activation_rules (list[ReportedTimeActivationRule] | Unset): Echo of the request's time activation rules.
            show_only_quantity (int | Unset):
            field_type_ (str | Unset): WCF type marker in legacy answers.
            relation_identifier (None | str | Unset):
    """

    route: str | Unset = UNSET
    duration: str | Unset = UNSET
    account: str | Unset = UNSET
    summary_message: str | Unset = UNSET
    order_confirm_id: str | Unset = UNSET
    estimated_price: float | Unset = UNSET
    estimated_price_display: str | Unset = UNSET
    estimated_cost: float | Unset = UNSET
    estimated_cost_display: str | Unset = UNSET
    estimated_commission: float | Unset = UNSET
    estimated_commission_display: str | Unset = UNSET
    debit_credit_estimated_cost: float | Unset = UNSET
    debit_credit_estimated_cost_display: str | Unset = UNSET
    base_currency: str | Unset = UNSET
    counter_currency: str | Unset = UNSET
    initial_margin_display: str | Unset = UNSET
    product_currency: str | Unset = UNSET
    account_currency: str | Unset = UNSET
    trailing_stop: None | ReportedTrailingStop | Unset = UNSET
    market_activation_rules: list[ReportedMarketActivationRule] | Unset = UNSET
    time_activation_rules: list[ReportedTimeActivationRule] | Unset = UNSET
    show_only_quantity: int | Unset = UNSET
    field_type_: str | Unset = UNSET
    relation_identifier: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.reported_trailing_stop import ReportedTrailingStop  # noqa: PLC0415

        route = self.route

        duration = self.duration

        account = self.account

        summary_message = self.summary_message

        order_confirm_id = self.order_confirm_id

        estimated_price = self.estimated_price

        estimated_price_display = self.estimated_price_display

        estimated_cost = self.estimated_cost

        estimated_cost_display = self.estimated_cost_display

        estimated_commission = self.estimated_commission

        estimated_commission_display = self.estimated_commission_display

        debit_credit_estimated_cost = self.debit_credit_estimated_cost

        debit_credit_estimated_cost_display = self.debit_credit_estimated_cost_display

        base_currency = self.base_currency

        counter_currency = self.counter_currency

        initial_margin_display = self.initial_margin_display

        product_currency = self.product_currency

        account_currency = self.account_currency

        trailing_stop: dict[str, Any] | None | Unset
        if isinstance(self.trailing_stop, Unset):
            trailing_stop = UNSET
        elif isinstance(self.trailing_stop, ReportedTrailingStop):
            trailing_stop = self.trailing_stop.to_dict()
        else:
            trailing_stop = self.trailing_stop

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

        show_only_quantity = self.show_only_quantity

        field_type_ = self.field_type_

        relation_identifier: None | str | Unset
        if isinstance(self.relation_identifier, Unset):
            relation_identifier = UNSET
        else:
            relation_identifier = self.relation_identifier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if route is not UNSET:
            field_dict["Route"] = route
        if duration is not UNSET:
            field_dict["Duration"] = duration
        if account is not UNSET:
            field_dict["Account"] = account
        if summary_message is not UNSET:
            field_dict["SummaryMessage"] = summary_message
        if order_confirm_id is not UNSET:
            field_dict["OrderConfirmId"] = order_confirm_id
        if estimated_price is not UNSET:
            field_dict["EstimatedPrice"] = estimated_price
        if estimated_price_display is not UNSET:
            field_dict["EstimatedPriceDisplay"] = estimated_price_display
        if estimated_cost is not UNSET:
            field_dict["EstimatedCost"] = estimated_cost
        if estimated_cost_display is not UNSET:
            field_dict["EstimatedCostDisplay"] = estimated_cost_display
        if estimated_commission is not UNSET:
            field_dict["EstimatedCommission"] = estimated_commission
        if estimated_commission_display is not UNSET:
            field_dict["EstimatedCommissionDisplay"] = estimated_commission_display
        if debit_credit_estimated_cost is not UNSET:
            field_dict["DebitCreditEstimatedCost"] = debit_credit_estimated_cost
        if debit_credit_estimated_cost_display is not UNSET:
            field_dict["DebitCreditEstimatedCostDisplay"] = debit_credit_estimated_cost_display
        if base_currency is not UNSET:
            field_dict["BaseCurrency"] = base_currency
        if counter_currency is not UNSET:
            field_dict["CounterCurrency"] = counter_currency
        if initial_margin_display is not UNSET:
            field_dict["InitialMarginDisplay"] = initial_margin_display
        if product_currency is not UNSET:
            field_dict["ProductCurrency"] = product_currency
        if account_currency is not UNSET:
            field_dict["AccountCurrency"] = account_currency
        if trailing_stop is not UNSET:
            field_dict["TrailingStop"] = trailing_stop
        if market_activation_rules is not UNSET:
            field_dict["MarketActivationRules"] = market_activation_rules
        if time_activation_rules is not UNSET:
            field_dict["TimeActivationRules"] = time_activation_rules
        if show_only_quantity is not UNSET:
            field_dict["ShowOnlyQuantity"] = show_only_quantity
        if field_type_ is not UNSET:
            field_dict["__type"] = field_type_
        if relation_identifier is not UNSET:
            field_dict["RelationIdentifier"] = relation_identifier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reported_market_activation_rule import ReportedMarketActivationRule  # noqa: PLC0415
        from ..models.reported_time_activation_rule import ReportedTimeActivationRule  # noqa: PLC0415
        from ..models.reported_trailing_stop import ReportedTrailingStop  # noqa: PLC0415

        d = dict(src_dict)
        route = d.pop("Route", UNSET)

        duration = d.pop("Duration", UNSET)

        account = d.pop("Account", UNSET)

        summary_message = d.pop("SummaryMessage", UNSET)

        order_confirm_id = d.pop("OrderConfirmId", UNSET)

        estimated_price = d.pop("EstimatedPrice", UNSET)

        estimated_price_display = d.pop("EstimatedPriceDisplay", UNSET)

        estimated_cost = d.pop("EstimatedCost", UNSET)

        estimated_cost_display = d.pop("EstimatedCostDisplay", UNSET)

        estimated_commission = d.pop("EstimatedCommission", UNSET)

        estimated_commission_display = d.pop("EstimatedCommissionDisplay", UNSET)

        debit_credit_estimated_cost = d.pop("DebitCreditEstimatedCost", UNSET)

        debit_credit_estimated_cost_display = d.pop("DebitCreditEstimatedCostDisplay", UNSET)

        base_currency = d.pop("BaseCurrency", UNSET)

        counter_currency = d.pop("CounterCurrency", UNSET)

        initial_margin_display = d.pop("InitialMarginDisplay", UNSET)

        product_currency = d.pop("ProductCurrency", UNSET)

        account_currency = d.pop("AccountCurrency", UNSET)

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

        show_only_quantity = d.pop("ShowOnlyQuantity", UNSET)

        field_type_ = d.pop("__type", UNSET)

        def _parse_relation_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        relation_identifier = _parse_relation_identifier(d.pop("RelationIdentifier", UNSET))

        order_confirmation = cls(
            route=route,
            duration=duration,
            account=account,
            summary_message=summary_message,
            order_confirm_id=order_confirm_id,
            estimated_price=estimated_price,
            estimated_price_display=estimated_price_display,
            estimated_cost=estimated_cost,
            estimated_cost_display=estimated_cost_display,
            estimated_commission=estimated_commission,
            estimated_commission_display=estimated_commission_display,
            debit_credit_estimated_cost=debit_credit_estimated_cost,
            debit_credit_estimated_cost_display=debit_credit_estimated_cost_display,
            base_currency=base_currency,
            counter_currency=counter_currency,
            initial_margin_display=initial_margin_display,
            product_currency=product_currency,
            account_currency=account_currency,
            trailing_stop=trailing_stop,
            market_activation_rules=market_activation_rules,
            time_activation_rules=time_activation_rules,
            show_only_quantity=show_only_quantity,
            field_type_=field_type_,
            relation_identifier=relation_identifier,
        )

        order_confirmation.additional_properties = d
        return order_confirmation

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
