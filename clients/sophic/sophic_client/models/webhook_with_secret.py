from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookWithSecret")


@_attrs_define
class WebhookWithSecret:
    """A webhook plus its signing secret (returned only at creation).

    Attributes:
        id (str):
        url (str):
        is_active (bool):
        created_at (datetime.datetime):
        modified_at (datetime.datetime):
        description (None | str): Required but nullable in the Sophic OpenAPI; null when none was given.
        secret (str): HMAC-SHA256 signing secret.
    """

    id: str
    url: str
    is_active: bool
    created_at: datetime.datetime
    modified_at: datetime.datetime
    description: None | str
    secret: str = _attrs_field(repr=False)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        url = self.url

        is_active = self.is_active

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        description: None | str
        description = self.description

        secret = self.secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "url": url,
                "is_active": is_active,
                "created_at": created_at,
                "modified_at": modified_at,
                "description": description,
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        url = d.pop("url")

        is_active = d.pop("is_active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        secret = d.pop("secret")

        webhook_with_secret = cls(
            id=id,
            url=url,
            is_active=is_active,
            created_at=created_at,
            modified_at=modified_at,
            description=description,
            secret=secret,
        )

        webhook_with_secret.additional_properties = d
        return webhook_with_secret

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
