from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.activation_predicate import ActivationPredicate
from ..models.activation_rule_type import ActivationRuleType
from ..models.logic_operator import LogicOperator
from ..models.trigger_key import TriggerKey
from ..types import UNSET, Unset

T = TypeVar("T", bound="MarketActivationRule")


@_attrs_define
class MarketActivationRule:
    """Activates the order when the price condition holds.

    Attributes:
        rule_type (ActivationRuleType | Unset):
        symbol (str | Unset): Symbol whose price is watched.
        predicate (ActivationPredicate | Unset):
        trigger_key (TriggerKey | Unset): Keys listed by `GET /v2/orderexecution/activationtriggers`.
        price (str | Unset): Trigger price.
        logic_operator (LogicOperator | Unset):
    """

    rule_type: ActivationRuleType | Unset = UNSET
    symbol: str | Unset = UNSET
    predicate: ActivationPredicate | Unset = UNSET
    trigger_key: TriggerKey | Unset = UNSET
    price: str | Unset = UNSET
    logic_operator: LogicOperator | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        rule_type: str | Unset = UNSET
        if not isinstance(self.rule_type, Unset):
            rule_type = self.rule_type.value

        symbol = self.symbol

        predicate: str | Unset = UNSET
        if not isinstance(self.predicate, Unset):
            predicate = self.predicate.value

        trigger_key: str | Unset = UNSET
        if not isinstance(self.trigger_key, Unset):
            trigger_key = self.trigger_key.value

        price = self.price

        logic_operator: str | Unset = UNSET
        if not isinstance(self.logic_operator, Unset):
            logic_operator = self.logic_operator.value

        field_dict: dict[str, Any] = {}

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
        _rule_type = d.pop("RuleType", UNSET)
        rule_type: ActivationRuleType | Unset
        if isinstance(_rule_type, Unset):
            rule_type = UNSET
        else:
            rule_type = ActivationRuleType(_rule_type)

        symbol = d.pop("Symbol", UNSET)

        _predicate = d.pop("Predicate", UNSET)
        predicate: ActivationPredicate | Unset
        if isinstance(_predicate, Unset):
            predicate = UNSET
        else:
            predicate = ActivationPredicate(_predicate)

        _trigger_key = d.pop("TriggerKey", UNSET)
        trigger_key: TriggerKey | Unset
        if isinstance(_trigger_key, Unset):
            trigger_key = UNSET
        else:
            trigger_key = TriggerKey(_trigger_key)

        price = d.pop("Price", UNSET)

        _logic_operator = d.pop("LogicOperator", UNSET)
        logic_operator: LogicOperator | Unset
        if isinstance(_logic_operator, Unset):
            logic_operator = UNSET
        else:
            logic_operator = LogicOperator(_logic_operator)

        market_activation_rule = cls(
            rule_type=rule_type,
            symbol=symbol,
            predicate=predicate,
            trigger_key=trigger_key,
            price=price,
            logic_operator=logic_operator,
        )

        return market_activation_rule
