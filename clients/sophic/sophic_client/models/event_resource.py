from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resource_type import ResourceType

T = TypeVar("T", bound="EventResource")


@_attrs_define
class EventResource:
    """
    Attributes:
        id (str):
        resource_type (ResourceType | str):
    """

    id: str
    resource_type: ResourceType | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        resource_type: str
        if isinstance(self.resource_type, ResourceType):
            resource_type = self.resource_type.value
        else:
            resource_type = self.resource_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "resource_type": resource_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_resource_type(data: object) -> ResourceType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resource_type_type_0 = ResourceType(data)

                return resource_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ResourceType | str, data)

        resource_type = _parse_resource_type(d.pop("resource_type"))

        event_resource = cls(
            id=id,
            resource_type=resource_type,
        )

        event_resource.additional_properties = d
        return event_resource

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
