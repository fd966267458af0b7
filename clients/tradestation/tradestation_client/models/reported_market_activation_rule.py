from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.activation_predicate import ActivationPredicate
from ..models.activation_rule_type import ActivationRuleType
from ..models.logic_operator import LogicOperator
from ..models.trigger_key import TriggerKey
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportedMarketActivationRule")


@_attrs_define
class ReportedMarketActivationRule:
    """A market activation rule as an answer reports it (open enums; see `MarketActivationRule`).

    Attributes:
        rule_type (ActivationRuleType | str | Unset):
        symbol (str | Unset):
        predicate (ActivationPredicate | str | Unset):
        trigger_key (str | TriggerKey | Unset):
        price (str | Unset):
        logic_operator (LogicOperator | str | Unset):
    """

    rule_type: ActivationRuleType | str | Unset = UNSET
    symbol: str | Unset = UNSET
    predicate: ActivationPredicate | str | Unset = UNSET
    trigger_key: str | TriggerKey | Unset = UNSET
    price: str | Unset = UNSET
    logic_operator: LogicOperator | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule_type: str | Unset
        if isinstance(self.rule_type, Unset):
            rule_type = UNSET
        elif isinstance(self.rule_type, ActivationRuleType):
            rule_type = self.rule_type.value
        else:
            rule_type = self.rule_type

        symbol = self.symbol

        predicate: str | Unset
        if isinstance(self.predicate, Unset):
            predicate = UNSET
        elif isinstance(self.predicate, ActivationPredicate):
            predicate = self.predicate.value
        else:
            predicate = self.predicate

        trigger_key: str | Unset
        if isinstance(self.trigger_key, Unset):
            trigger_key = UNSET
        elif isinstance(self.trigger_key, TriggerKey):
            trigger_key = self.trigger_key.value
        else:
            trigger_key = self.trigger_key

        price = self.price

        logic_operator: str | Unset
        if isinstance(self.logic_operator, Unset):
            logic_operator = UNSET
        elif isinstance(self.logic_operator, LogicOperator):
            logic_operator = self.logic_operator.value
        else:
            logic_operator = self.logic_operator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if rule_type is not UNSET:
            field_dict["RuleType"] = rule_type
        if symbol is not UNSET:
            field_dict["Symbol"] = symbol
        if predicate is not UNSET:
            field_dict["Predicate"] = predicate
        if trigger_key is not UNSET:
            field_dict["TriggerKey"] = trigger_key
        if price is not UNSET:
            field_dict["Price"] = price
        if logic_operator is not UNSET:
            field_dict["LogicOperator"] = logic_operator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_rule_type(data: object) -> ActivationRuleType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rule_type_type_0 = ActivationRuleType(data)

                return rule_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivationRuleType | str | Unset, data)

        rule_type = _parse_rule_type(d.pop("RuleType", UNSET))

        symbol = d.pop("Symbol", UNSET)

        def _parse_predicate(data: object) -> ActivationPredicate | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                predicate_type_0 = ActivationPredicate(data)

                return predicate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActivationPredicate | str | Unset, data)

        predicate = _parse_predicate(d.pop("Predicate", UNSET))

        def _parse_trigger_key(data: object) -> str | TriggerKey | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trigger_key_type_0 = TriggerKey(data)

                return trigger_key_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TriggerKey | Unset, data)

        trigger_key = _parse_trigger_key(d.pop("TriggerKey", UNSET))

        price = d.pop("Price", UNSET)

        def _parse_logic_operator(data: object) -> LogicOperator | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                logic_operator_type_0 = LogicOperator(data)

                return logic_operator_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LogicOperator | str | Unset, data)

        logic_operator = _parse_logic_operator(d.pop("LogicOperator", UNSET))

        reported_market_activation_rule = cls(
            rule_type=rule_type,
            symbol=symbol,
            predicate=predicate,
            trigger_key=trigger_key,
            price=price,
            logic_operator=logic_operator,
        )

        reported_market_activation_rule.additional_properties = d
        return reported_market_activation_rule

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
