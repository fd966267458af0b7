from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trigger_key import TriggerKey
from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivationTrigger")


@_attrs_define
class ActivationTrigger:
    """One trigger key usable in a market activation rule.

    Attributes:
        key (str | TriggerKey | Unset):
        name (str | Unset):
        description (str | Unset):
    """

    key: str | TriggerKey | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key: str | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        elif isinstance(self.key, TriggerKey):
            key = self.key.value
        else:
            key = self.key

        name = self.name

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if key is not UNSET:
            field_dict["Key"] = key
        if name is not UNSET:
            field_dict["Name"] = name
        if description is not UNSET:
            field_dict["Description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_key(data: object) -> str | TriggerKey | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_type_0 = TriggerKey(data)

                return key_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TriggerKey | Unset, data)

        key = _parse_key(d.pop("Key", UNSET))

        name = d.pop("Name", UNSET)

        description = d.pop("Description", UNSET)

        activation_trigger = cls(
            key=key,
            name=name,
            description=description,
        )

        activation_trigger.additional_properties = d
        return activation_trigger

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
