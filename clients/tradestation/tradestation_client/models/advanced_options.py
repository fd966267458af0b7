from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.market_activation_rule import MarketActivationRule
    from ..models.time_activation_rule import TimeActivationRule
    from ..models.trailing_stop import TrailingStop


T = TypeVar("T", bound="AdvancedOptions")


@_attrs_define
class AdvancedOptions:
    """Advanced order options for placement (TS-OAS `AdvancedOptionsDefinition`).

    Attributes:
        trailing_stop (None | TrailingStop | Unset): Trailing stop offset (null = none).
        market_activation_rules (list[MarketActivationRule] | Unset):
        time_activation_rules (list[TimeActivationRule] | Unset):
        show_only_quantity (int | Unset): Displayed (reserve) size; a multiple of 100 for equities.
    """

    trailing_stop: None | TrailingStop | Unset = UNSET
    market_activation_rules: list[MarketActivationRule] | Unset = UNSET
    time_activation_rules: list[TimeActivationRule] | Unset = UNSET
    show_only_quantity: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.trailing_stop import TrailingStop  # noqa: PLC0415

        trailing_stop: dict[str, Any] | None | Unset
        if isinstance(self.trailing_stop, Unset):
            trailing_stop = UNSET
        elif isinstance(self.trailing_stop, TrailingStop):
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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if trailing_stop is not UNSET:
            field_dict["TrailingStop"] = trailing_stop
        if market_activation_rules is not UNSET:
            field_dict["MarketActivationRules"] = market_activation_rules
        if time_activation_rules is not UNSET:
            field_dict["TimeActivationRules"] = time_activation_rules
        if show_only_quantity is not UNSET:
            field_dict["ShowOnlyQuantity"] = show_only_quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.market_activation_rule import MarketActivationRule  # noqa: PLC0415
        from ..models.time_activation_rule import TimeActivationRule  # noqa: PLC0415
        from ..models.trailing_stop import TrailingStop  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_trailing_stop(data: object) -> None | TrailingStop | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                trailing_stop_type_0 = TrailingStop.from_dict(data)

                return trailing_stop_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TrailingStop | Unset, data)

        trailing_stop = _parse_trailing_stop(d.pop("TrailingStop", UNSET))

        _market_activation_rules = d.pop("MarketActivationRules", UNSET)
        market_activation_rules: list[MarketActivationRule] | Unset = UNSET
        if _market_activation_rules is not UNSET:
            market_activation_rules = []
            for market_activation_rules_item_data in _market_activation_rules:
                market_activation_rules_item = MarketActivationRule.from_dict(market_activation_rules_item_data)

                market_activation_rules.append(market_activation_rules_item)

        _time_activation_rules = d.pop("TimeActivationRules", UNSET)
        time_activation_rules: list[TimeActivationRule] | Unset = UNSET
        if _time_activation_rules is not UNSET:
            time_activation_rules = []
            for time_activation_rules_item_data in _time_activation_rules:
                time_activation_rules_item = TimeActivationRule.from_dict(time_activation_rules_item_data)

                time_activation_rules.append(time_activation_rules_item)

        show_only_quantity = d.pop("ShowOnlyQuantity", UNSET)

        advanced_options = cls(
            trailing_stop=trailing_stop,
            market_activation_rules=market_activation_rules,
            time_activation_rules=time_activation_rules,
            show_only_quantity=show_only_quantity,
        )

        return advanced_options
