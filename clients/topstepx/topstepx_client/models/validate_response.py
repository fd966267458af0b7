from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.validate_error_code import ValidateErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidateResponse")


@_attrs_define
class ValidateResponse:
    """
    Attributes:
        success (bool):
        error_code (int | ValidateErrorCode):
        error_message (None | str | Unset):
        new_token (None | str | Unset): Replacement session token; use it for every later call.
    """

    success: bool
    error_code: int | ValidateErrorCode
    error_message: None | str | Unset = UNSET
    new_token: None | str | Unset = _attrs_field(repr=False, default=UNSET)
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error_code: int
        if isinstance(self.error_code, ValidateErrorCode):
            error_code = self.error_code.value
        else:
            error_code = self.error_code

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        new_token: None | str | Unset
        if isinstance(self.new_token, Unset):
            new_token = UNSET
        else:
            new_token = self.new_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "errorCode": error_code,
            }
        )
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if new_token is not UNSET:
            field_dict["newToken"] = new_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error_code(data: object) -> int | ValidateErrorCode:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                error_code_type_0 = ValidateErrorCode(data)

                return error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ValidateErrorCode, data)

        error_code = _parse_error_code(d.pop("errorCode"))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        def _parse_new_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        new_token = _parse_new_token(d.pop("newToken", UNSET))

        validate_response = cls(
            success=success,
            error_code=error_code,
            error_message=error_message,
            new_token=new_token,
        )

        validate_response.additional_properties = d
        return validate_response

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
