from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bars_period_type import BarsPeriodType
from ..types import UNSET, Unset

T = TypeVar("T", bound="BarsRequest")


@_attrs_define
class BarsRequest:
    """
    Attributes:
        instrument (str): Instrument, e.g. `ES 09-26`.
        period_type (BarsPeriodType | Unset): Bar period unit (older docs list `minute`; newer docs add the rest).
        period (int | Unset): Bar size in `periodType` units. Default: 1.
        days_back (int | Unset): Days of history when no `from`/`to` range is given. Default: 1.
        from_ (str | Unset): Range start, UTC.
        to (str | Unset): Range end, UTC.
        limit (int | Unset): Keep at most this many bars (the most recent). Default: 5000.
    """

    instrument: str
    period_type: BarsPeriodType | Unset = UNSET
    period: int | Unset = 1
    days_back: int | Unset = 1
    from_: str | Unset = UNSET
    to: str | Unset = UNSET
    limit: int | Unset = 5000
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        period_type: str | Unset = UNSET
        if not isinstance(self.period_type, Unset):
            period_type = self.period_type.value

        period = self.period

        days_back = self.days_back

        from_ = self.from_

        to = self.to

        limit = self.limit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrument": instrument,
            }
        )
        if period_type is not UNSET:
            field_dict["periodType"] = period_type
        if period is not UNSET:
            field_dict["period"] = period
        if days_back is not UNSET:
            field_dict["daysBack"] = days_back
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        instrument = d.pop("instrument")

        _period_type = d.pop("periodType", UNSET)
        period_type: BarsPeriodType | Unset
        if isinstance(_period_type, Unset):
            period_type = UNSET
        else:
            period_type = BarsPeriodType(_period_type)

        period = d.pop("period", UNSET)

        days_back = d.pop("daysBack", UNSET)

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        limit = d.pop("limit", UNSET)

        bars_request = cls(
            instrument=instrument,
            period_type=period_type,
            period=period,
            days_back=days_back,
            from_=from_,
            to=to,
            limit=limit,
        )

        bars_request.additional_properties = d
        return bars_request

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
