from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="UpdatePositionRequest")


@_attrs_define
class UpdatePositionRequest:
    """
    Attributes:
        automatic_rollover (bool): Roll the position over into the on-the-run bill at maturity.
    """

    automatic_rollover: bool

    def to_dict(self) -> dict[str, Any]:
        automatic_rollover = self.automatic_rollover

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "automatic_rollover": automatic_rollover,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        automatic_rollover = d.pop("automatic_rollover")

        update_position_request = cls(
            automatic_rollover=automatic_rollover,
        )

        return update_position_request
