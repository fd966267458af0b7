from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InvalidParam")


@_attrs_define
class InvalidParam:
    """One invalid request field.

    Attributes:
        path (list[int | str] | str): Location of the field: an array such as `["body", "quantity"]` per the schema, or
            a
            dotted string such as `"body.account_id"` as in the prose docs.
        detail (str):
        code (str): Error code for this field (e.g. `not_found`, `missing_param`).
    """

    path: list[int | str] | str
    detail: str
    code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path: list[int | str] | str
        if isinstance(self.path, list):
            path = []
            for path_type_0_item_data in self.path:
                path_type_0_item: int | str
                path_type_0_item = path_type_0_item_data
                path.append(path_type_0_item)

        else:
            path = self.path

        detail = self.detail

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "detail": detail,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_path(data: object) -> list[int | str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                path_type_0 = []
                _path_type_0 = data
                for path_type_0_item_data in _path_type_0:

                    def _parse_path_type_0_item(data: object) -> int | str:
                        return cast(int | str, data)

                    path_type_0_item = _parse_path_type_0_item(path_type_0_item_data)

                    path_type_0.append(path_type_0_item)

                return path_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int | str] | str, data)

        path = _parse_path(d.pop("path"))

        detail = d.pop("detail")

        code = d.pop("code")

        invalid_param = cls(
            path=path,
            detail=detail,
            code=code,
        )

        invalid_param.additional_properties = d
        return invalid_param

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
