from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuoteDataSource")


@_attrs_define
class QuoteDataSource:
    """
    Attributes:
        status (str | Unset): e.g. `Live`.
        connected_feeds (list[str] | Unset):
    """

    status: str | Unset = UNSET
    connected_feeds: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        connected_feeds: list[str] | Unset = UNSET
        if not isinstance(self.connected_feeds, Unset):
            connected_feeds = self.connected_feeds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if connected_feeds is not UNSET:
            field_dict["connectedFeeds"] = connected_feeds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        connected_feeds = cast(list[str], d.pop("connectedFeeds", UNSET))

        quote_data_source = cls(
            status=status,
            connected_feeds=connected_feeds,
        )

        quote_data_source.additional_properties = d
        return quote_data_source

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
