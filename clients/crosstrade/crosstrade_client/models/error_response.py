from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Either generation of CrossTrade error body: `{"error": "<message>"}` or
    `{"success": false, "error": "<code>", "detail": "<message>"}` (CrossTrade endpoint pages;
    https://crosstrade.io/llms-full.txt).

        Attributes:
            error (str): Human message (older pages) or machine code such as `invalid_account`.
            success (bool | Unset): `false` in the newer error shape.
            detail (str | Unset): Human-readable explanation (newer shape).
            warning (str | Unset): Non-fatal note (newer shape).
            did_you_mean (Any | Unset): Suggested route(s) on a 404 for an unknown path (shape not documented).
    """

    error: str
    success: bool | Unset = UNSET
    detail: str | Unset = UNSET
    warning: str | Unset = UNSET
    did_you_mean: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        success = self.success

        detail = self.detail

        warning = self.warning

        did_you_mean = self.did_you_mean

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if success is not UNSET:
            field_dict["success"] = success
        if detail is not UNSET:
            field_dict["detail"] = detail
        if warning is not UNSET:
            field_dict["warning"] = warning
        if did_you_mean is not UNSET:
            field_dict["did_you_mean"] = did_you_mean

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        success = d.pop("success", UNSET)

        detail = d.pop("detail", UNSET)

        warning = d.pop("warning", UNSET)

        did_you_mean = d.pop("did_you_mean", UNSET)

        error_response = cls(
            error=error,
            success=success,
            detail=detail,
            warning=warning,
            did_you_mean=did_you_mean,
        )

        error_response.additional_properties = d
        return error_response

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
