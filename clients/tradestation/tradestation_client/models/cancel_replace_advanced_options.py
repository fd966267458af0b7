from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cancel_replace_advanced_options_market_activation_rules import (
        CancelReplaceAdvancedOptionsMarketActivationRules,
    )
    from ..models.cancel_replace_advanced_options_time_activation_rules import (
        CancelReplaceAdvancedOptionsTimeActivationRules,
    )
    from ..models.trailing_stop import TrailingStop


T = TypeVar("T", bound="CancelReplaceAdvancedOptions")


@_attrs_define
class CancelReplaceAdvancedOptions:
    """Advanced options for cancel/replace, with `{ClearAll, Rules}` wrappers.

    Attributes:
        trailing_stop (None | TrailingStop | Unset):
        market_activation_rules (CancelReplaceAdvancedOptionsMarketActivationRules | Unset):
        time_activation_rules (CancelReplaceAdvancedOptionsTimeActivationRules | Unset):
        show_only_quantity (int | Unset): Cannot be added if the original order had none.
    """

    trailing_stop: None | TrailingStop | Unset = UNSET
    market_activation_rules: CancelReplaceAdvancedOptionsMarketActivationRules | Unset = UNSET
    time_activation_rules: CancelReplaceAdvancedOptionsTimeActivationRules | Unset = UNSET
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

        market_activation_rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.market_activation_rules, Unset):
            market_activation_rules = self.market_activation_rules.to_dict()

        time_activation_rules: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time_activation_rules, Unset):
            time_activation_rules = self.time_activation_rules.to_dict()

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
        from ..models.cancel_replace_advanced_options_market_activation_rules import (
            CancelReplaceAdvancedOptionsMarketActivationRules,  # noqa: PLC0415
        )
        from ..models.cancel_replace_advanced_options_time_activation_rules import (
            CancelReplaceAdvancedOptionsTimeActivationRules,  # noqa: PLC0415
        )
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
        market_activation_rules: CancelReplaceAdvancedOptionsMarketActivationRules | Unset
        if isinstance(_market_activation_rules, Unset):
            market_activation_rules = UNSET
        else:
            market_activation_rules = CancelReplaceAdvancedOptionsMarketActivationRules.from_dict(
                _market_activation_rules
            )

        _time_activation_rules = d.pop("TimeActivationRules", UNSET)
        time_activation_rules: CancelReplaceAdvancedOptionsTimeActivationRules | Unset
        if isinstance(_time_activation_rules, Unset):
            time_activation_rules = UNSET
        else:
            time_activation_rules = CancelReplaceAdvancedOptionsTimeActivationRules.from_dict(_time_activation_rules)

        show_only_quantity = d.pop("ShowOnlyQuantity", UNSET)

        cancel_replace_advanced_options = cls(
            trailing_stop=trailing_stop,
            market_activation_rules=market_activation_rules,
            time_activation_rules=time_activation_rules,
            show_only_quantity=show_only_quantity,
        )

        return cancel_replace_advanced_options
