from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.position import Position


T = TypeVar("T", bound="ClosedPositionsResponse")


@_attrs_define
class ClosedPositionsResponse:
    """Answer to close-position and flatten.

    Attributes:
        success (bool):
        closed_positions (list[Position] | Unset):
        warning (str | Unset): Non-fatal note, e.g. nothing to flatten (newer references).
    """

    success: bool
    closed_positions: list[Position] | Unset = UNSET
    warning: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        closed_positions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.closed_positions, Unset):
            closed_positions = []
            for closed_positions_item_data in self.closed_positions:
                closed_positions_item = closed_positions_item_data.to_dict()
                closed_positions.append(closed_positions_item)

        warning = self.warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if closed_positions is not UNSET:
            field_dict["closedPositions"] = closed_positions
        if warning is not UNSET:
            field_dict["warning"] = warning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position import Position  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        _closed_positions = d.pop("closedPositions", UNSET)
        closed_positions: list[Position] | Unset = UNSET
        if _closed_positions is not UNSET:
            closed_positions = []
            for closed_positions_item_data in _closed_positions:
                closed_positions_item = Position.from_dict(closed_positions_item_data)

                closed_positions.append(closed_positions_item)

        warning = d.pop("warning", UNSET)

        closed_positions_response = cls(
            success=success,
            closed_positions=closed_positions,
            warning=warning,
        )

        closed_positions_response.additional_properties = d
        return closed_positions_response

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
