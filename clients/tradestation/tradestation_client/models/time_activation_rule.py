from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TimeActivationRule")


@_attrs_define
class TimeActivationRule:
    """Activates the order once UTC time reaches `TimeUtc`.

    Attributes:
        time_utc (str | Unset): `hh:mm:ss` (UTC).
    """

    time_utc: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        time_utc = self.time_utc

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if time_utc is not UNSET:
            field_dict["TimeUtc"] = time_utc

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time_utc = d.pop("TimeUtc", UNSET)

        time_activation_rule = cls(
            time_utc=time_utc,
        )

        return time_activation_rule
