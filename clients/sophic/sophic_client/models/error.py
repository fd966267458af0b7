from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_context_type_0 import ErrorContextType0
    from ..models.invalid_param import InvalidParam


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Error envelope used for every error status except the token endpoint's OAuth errors.

    Attributes:
        code (ErrorCode | str): Machine-readable error code; branch on this.
        detail (str): Developer-facing explanation; not for end users.
        docs (None | str | Unset): Link to the documentation of the code.
        params (list[InvalidParam] | None | Unset): Per-field validation problems.
        context (ErrorContextType0 | None | Unset): Extra facts about the error, e.g. `{"available": "1000"}`.
    """

    code: ErrorCode | str
    detail: str
    docs: None | str | Unset = UNSET
    params: list[InvalidParam] | None | Unset = UNSET
    context: ErrorContextType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.error_context_type_0 import ErrorContextType0  # noqa: PLC0415

        code: str
        if isinstance(self.code, ErrorCode):
            code = self.code.value
        else:
            code = self.code

        detail = self.detail

        docs: None | str | Unset
        if isinstance(self.docs, Unset):
            docs = UNSET
        else:
            docs = self.docs

        params: list[dict[str, Any]] | None | Unset
        if isinstance(self.params, Unset):
            params = UNSET
        elif isinstance(self.params, list):
            params = []
            for params_type_0_item_data in self.params:
                params_type_0_item = params_type_0_item_data.to_dict()
                params.append(params_type_0_item)

        else:
            params = self.params

        context: dict[str, Any] | None | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        elif isinstance(self.context, ErrorContextType0):
            context = self.context.to_dict()
        else:
            context = self.context

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "detail": detail,
            }
        )
        if docs is not UNSET:
            field_dict["docs"] = docs
        if params is not UNSET:
            field_dict["params"] = params
        if context is not UNSET:
            field_dict["context"] = context

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_context_type_0 import ErrorContextType0  # noqa: PLC0415
        from ..models.invalid_param import InvalidParam  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_code(data: object) -> ErrorCode | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_0 = ErrorCode(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorCode | str, data)

        code = _parse_code(d.pop("code"))

        detail = d.pop("detail")

        def _parse_docs(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        docs = _parse_docs(d.pop("docs", UNSET))

        def _parse_params(data: object) -> list[InvalidParam] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                params_type_0 = []
                _params_type_0 = data
                for params_type_0_item_data in _params_type_0:
                    params_type_0_item = InvalidParam.from_dict(params_type_0_item_data)

                    params_type_0.append(params_type_0_item)

                return params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvalidParam] | None | Unset, data)

        params = _parse_params(d.pop("params", UNSET))

        def _parse_context(data: object) -> ErrorContextType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                context_type_0 = ErrorContextType0.from_dict(data)

                return context_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorContextType0 | None | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

        error = cls(
            code=code,
            detail=detail,
            docs=docs,
            params=params,
            context=context,
        )

        error.additional_properties = d
        return error

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
