from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.activation_trigger import ActivationTrigger


T = TypeVar("T", bound="ActivationTriggersResponse")


@_attrs_define
class ActivationTriggersResponse:
    """Answer of `GET /v2/orderexecution/activationtriggers`.

    Attributes:
        activation_triggers (list[ActivationTrigger] | Unset):
    """

    activation_triggers: list[ActivationTrigger] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activation_triggers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.activation_triggers, Unset):
            activation_triggers = []
            for activation_triggers_item_data in self.activation_triggers:
                activation_triggers_item = activation_triggers_item_data.to_dict()
                activation_triggers.append(activation_triggers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if activation_triggers is not UNSET:
            field_dict["ActivationTriggers"] = activation_triggers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activation_trigger import ActivationTrigger  # noqa: PLC0415

        d = dict(src_dict)
        _activation_triggers = d.pop("ActivationTriggers", UNSET)
        activation_triggers: list[ActivationTrigger] | Unset = UNSET
        if _activation_triggers is not UNSET:
            activation_triggers = []
            for activation_triggers_item_data in _activation_triggers:
                activation_triggers_item = ActivationTrigger.from_dict(activation_triggers_item_data)

                activation_triggers.append(activation_triggers_item)

        activation_triggers_response = cls(
            activation_triggers=activation_triggers,
        )

        activation_triggers_response.additional_properties = d
        return activation_triggers_response

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
