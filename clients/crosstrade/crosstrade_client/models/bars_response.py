from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bars_period_type import BarsPeriodType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bar import Bar


T = TypeVar("T", bound="BarsResponse")


@_attrs_define
class BarsResponse:
    """
    Attributes:
        bars (list[Bar]):
        instrument (str | Unset):
        period_type (BarsPeriodType | str | Unset):
        period (int | Unset):
        count (int | Unset):
    """

    bars: list[Bar]
    instrument: str | Unset = UNSET
    period_type: BarsPeriodType | str | Unset = UNSET
    period: int | Unset = UNSET
    count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bars = []
        for bars_item_data in self.bars:
            bars_item = bars_item_data.to_dict()
            bars.append(bars_item)

        instrument = self.instrument

        period_type: str | Unset
        if isinstance(self.period_type, Unset):
            period_type = UNSET
        elif isinstance(self.period_type, BarsPeriodType):
            period_type = self.period_type.value
        else:
            period_type = self.period_type

        period = self.period

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bars": bars,
            }
        )
        if instrument is not UNSET:
            field_dict["instrument"] = instrument
        if period_type is not UNSET:
            field_dict["periodType"] = period_type
        if period is not UNSET:
            field_dict["period"] = period
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bar import Bar  # noqa: PLC0415

        d = dict(src_dict)
        bars = []
        _bars = d.pop("bars")
        for bars_item_data in _bars:
            bars_item = Bar.from_dict(bars_item_data)

            bars.append(bars_item)

        instrument = d.pop("instrument", UNSET)

        def _parse_period_type(data: object) -> BarsPeriodType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                period_type_type_0 = BarsPeriodType(data)

                return period_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BarsPeriodType | str | Unset, data)

        period_type = _parse_period_type(d.pop("periodType", UNSET))

        period = d.pop("period", UNSET)

        count = d.pop("count", UNSET)

        bars_response = cls(
            bars=bars,
            instrument=instrument,
            period_type=period_type,
            period=period,
            count=count,
        )

        bars_response.additional_properties = d
        return bars_response

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
