from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="TrailingStop")


@_attrs_define
class TrailingStop:
    """Set exactly one of `Amount` (currency offset) or `Percent` (JSON numbers per TS-OAS).

    Attributes:
        amount (float | Unset): Trailing offset in currency.
        percent (float | Unset): Trailing offset in percent.
    """

    amount: float | Unset = UNSET
    percent: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        percent = self.percent

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["Amount"] = amount
        if percent is not UNSET:
            field_dict["Percent"] = percent

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("Amount", UNSET)

        percent = d.pop("Percent", UNSET)

        trailing_stop = cls(
            amount=amount,
            percent=percent,
        )

        return trailing_stop
