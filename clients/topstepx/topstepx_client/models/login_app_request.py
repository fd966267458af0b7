from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LoginAppRequest")


@_attrs_define
class LoginAppRequest:
    """
    Attributes:
        user_name (str):
        password (str): Secret.
        device_id (str):
        app_id (str): Application id (a GUID string in the docs).
        verify_key (str): Secret.
    """

    user_name: str
    password: str = _attrs_field(repr=False)
    device_id: str
    app_id: str
    verify_key: str = _attrs_field(repr=False)

    def to_dict(self) -> dict[str, Any]:
        user_name = self.user_name

        password = self.password

        device_id = self.device_id

        app_id = self.app_id

        verify_key = self.verify_key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "userName": user_name,
                "password": password,
                "deviceId": device_id,
                "appId": app_id,
                "verifyKey": verify_key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_name = d.pop("userName")

        password = d.pop("password")

        device_id = d.pop("deviceId")

        app_id = d.pop("appId")

        verify_key = d.pop("verifyKey")

        login_app_request = cls(
            user_name=user_name,
            password=password,
            device_id=device_id,
            app_id=app_id,
            verify_key=verify_key,
        )

        return login_app_request
