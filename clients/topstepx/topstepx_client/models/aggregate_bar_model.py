from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AggregateBarModel")


@_attrs_define
class AggregateBarModel:
    """One OHLCV bar; prices are JSON numbers. The newest spec also lists optional `d` (a date
    string) and `k` (int64) of undocumented meaning. They are deliberately not declared: a
    property named `d` collides with the generated parser's local variable, so they are kept
    as additional properties instead.

        Attributes:
            t (datetime.datetime): Bar start time.
            o (float):
            h (float):
            l (float):
            c (float):
            v (int): Volume.
    """

    t: datetime.datetime
    o: float
    h: float
    l: float
    c: float
    v: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        t = self.t.isoformat()

        o = self.o

        h = self.h

        l = self.l

        c = self.c

        v = self.v

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "t": t,
                "o": o,
                "h": h,
                "l": l,
                "c": c,
                "v": v,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        t = datetime.datetime.fromisoformat(d.pop("t"))

        o = d.pop("o")

        h = d.pop("h")

        l = d.pop("l")

        c = d.pop("c")

        v = d.pop("v")

        aggregate_bar_model = cls(
            t=t,
            o=o,
            h=h,
            l=l,
            c=c,
            v=v,
        )

        aggregate_bar_model.additional_properties = d
        return aggregate_bar_model

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
