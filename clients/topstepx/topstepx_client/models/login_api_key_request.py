from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LoginApiKeyRequest")


@_attrs_define
class LoginApiKeyRequest:
    """
    Attributes:
        user_name (str): The TopstepX user name.
        api_key (str): API key from the platform's API settings. Secret.
    """

    user_name: str
    api_key: str = _attrs_field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        user_name = self.user_name

        api_key = self.api_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "userName": user_name,
                "apiKey": api_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_name = d.pop("userName")

        api_key = d.pop("apiKey")

        login_api_key_request = cls(
            user_name=user_name,
            api_key=api_key,
        )

        return login_api_key_request
