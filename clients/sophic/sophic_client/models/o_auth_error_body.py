from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.o_auth_error_code import OAuthErrorCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthErrorBody")


@_attrs_define
class OAuthErrorBody:
    """RFC 6749 §5.2 error body of the token endpoint.

    Attributes:
        error (OAuthErrorCode | str):
        error_description (None | str | Unset): Human-readable explanation.
    """

    error: OAuthErrorCode | str
    error_description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error: str
        if isinstance(self.error, OAuthErrorCode):
            error = self.error.value
        else:
            error = self.error

        error_description: None | str | Unset
        if isinstance(self.error_description, Unset):
            error_description = UNSET
        else:
            error_description = self.error_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_error(data: object) -> OAuthErrorCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                error_type_0 = OAuthErrorCode(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OAuthErrorCode | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_error_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_description = _parse_error_description(d.pop("error_description", UNSET))

        o_auth_error_body = cls(
            error=error,
            error_description=error_description,
        )

        o_auth_error_body.additional_properties = d
        return o_auth_error_body

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
