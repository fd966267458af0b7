from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_name import EventName

if TYPE_CHECKING:
    from ..models.event_data import EventData
    from ..models.event_resource import EventResource


T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """Something that happened to a resource; fetch the resource for its state.

    Attributes:
        id (str):
        name (EventName | str):
        resource (EventResource):
        data (EventData): Currently always empty.
        created_at (datetime.datetime):
    """

    id: str
    name: EventName | str
    resource: EventResource
    data: EventData
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name: str
        if isinstance(self.name, EventName):
            name = self.name.value
        else:
            name = self.name

        resource = self.resource.to_dict()

        data = self.data.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "resource": resource,
                "data": data,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_data import EventData  # noqa: PLC0415
        from ..models.event_resource import EventResource  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_name(data: object) -> EventName | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                name_type_0 = EventName(data)

                return name_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventName | str, data)

        name = _parse_name(d.pop("name"))

        resource = EventResource.from_dict(d.pop("resource"))

        data = EventData.from_dict(d.pop("data"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        event = cls(
            id=id,
            name=name,
            resource=resource,
            data=data,
            created_at=created_at,
        )

        event.additional_properties = d
        return event

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
