from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Bar")


@_attrs_define
class Bar:
    """
    Attributes:
        time (str): Bar time, UTC, 7 fractional digits.
        open_ (float):
        high (float):
        low (float):
        close (float):
        epoch (int | Unset): Milliseconds since the Unix epoch.
        volume (int | Unset):
    """

    time: str
    open_: float
    high: float
    low: float
    close: float
    epoch: int | Unset = UNSET
    volume: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time = self.time

        open_ = self.open_

        high = self.high

        low = self.low

        close = self.close

        epoch = self.epoch

        volume = self.volume

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "time": time,
                "open": open_,
                "high": high,
                "low": low,
                "close": close,
            }
        )
        if epoch is not UNSET:
            field_dict["epoch"] = epoch
        if volume is not UNSET:
            field_dict["volume"] = volume

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time = d.pop("time")

        open_ = d.pop("open")

        high = d.pop("high")

        low = d.pop("low")

        close = d.pop("close")

        epoch = d.pop("epoch", UNSET)

        volume = d.pop("volume", UNSET)

        bar = cls(
            time=time,
            open_=open_,
            high=high,
            low=low,
            close=close,
            epoch=epoch,
            volume=volume,
        )

        bar.additional_properties = d
        return bar

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
