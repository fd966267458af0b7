from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.market_activation_rule import MarketActivationRule


T = TypeVar("T", bound="CancelReplaceAdvancedOptionsMarketActivationRules")


@_attrs_define
class CancelReplaceAdvancedOptionsMarketActivationRules:
    """
    Attributes:
        clear_all (bool | Unset):
        rules (list[MarketActivationRule] | Unset):
    """

    clear_all: bool | Unset = UNSET
    rules: list[MarketActivationRule] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        clear_all = self.clear_all

        rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = []
            for rules_item_data in self.rules:
                rules_item = rules_item_data.to_dict()
                rules.append(rules_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if clear_all is not UNSET:
            field_dict["ClearAll"] = clear_all
        if rules is not UNSET:
            field_dict["Rules"] = rules

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.market_activation_rule import MarketActivationRule  # noqa: PLC0415

        d = dict(src_dict)
        clear_all = d.pop("ClearAll", UNSET)

        _rules = d.pop("Rules", UNSET)
        rules: list[MarketActivationRule] | Unset = UNSET
        if _rules is not UNSET:
            rules = []
            for rules_item_data in _rules:
                rules_item = MarketActivationRule.from_dict(rules_item_data)

                rules.append(rules_item)

        cancel_replace_advanced_options_market_activation_rules = cls(
            clear_all=clear_all,
            rules=rules,
        )

        return cancel_replace_advanced_options_market_activation_rules
