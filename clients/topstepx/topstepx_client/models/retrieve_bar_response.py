from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.retrieve_bar_error_code import RetrieveBarErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.aggregate_bar_model import AggregateBarModel


T = TypeVar("T", bound="RetrieveBarResponse")


@_attrs_define
class RetrieveBarResponse:
    """
    Attributes:
        success (bool):
        error_code (int | RetrieveBarErrorCode):
        bars (list[AggregateBarModel] | None | Unset):
        error_message (None | str | Unset):
    """

    success: bool
    error_code: int | RetrieveBarErrorCode
    bars: list[AggregateBarModel] | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error_code: int
        if isinstance(self.error_code, RetrieveBarErrorCode):
            error_code = self.error_code.value
        else:
            error_code = self.error_code

        bars: list[dict[str, Any]] | None | Unset
        if isinstance(self.bars, Unset):
            bars = UNSET
        elif isinstance(self.bars, list):
            bars = []
            for bars_type_0_item_data in self.bars:
                bars_type_0_item = bars_type_0_item_data.to_dict()
                bars.append(bars_type_0_item)

        else:
            bars = self.bars

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "errorCode": error_code,
            }
        )
        if bars is not UNSET:
            field_dict["bars"] = bars
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_bar_model import AggregateBarModel  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error_code(data: object) -> int | RetrieveBarErrorCode:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                error_code_type_0 = RetrieveBarErrorCode(data)

                return error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | RetrieveBarErrorCode, data)

        error_code = _parse_error_code(d.pop("errorCode"))

        def _parse_bars(data: object) -> list[AggregateBarModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                bars_type_0 = []
                _bars_type_0 = data
                for bars_type_0_item_data in _bars_type_0:
                    bars_type_0_item = AggregateBarModel.from_dict(bars_type_0_item_data)

                    bars_type_0.append(bars_type_0_item)

                return bars_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AggregateBarModel] | None | Unset, data)

        bars = _parse_bars(d.pop("bars", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        retrieve_bar_response = cls(
            success=success,
            error_code=error_code,
            bars=bars,
            error_message=error_message,
        )

        retrieve_bar_response.additional_properties = d
        return retrieve_bar_response

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
