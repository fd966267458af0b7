from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SearchContractRequest")


@_attrs_define
class SearchContractRequest:
    """
    Attributes:
        search_text (str): Free text matched against contract names; at most 20 results.
        live (bool): Search with the live data subscription (true) or the sim one (false).
    """

    search_text: str
    live: bool

    def to_dict(self) -> dict[str, Any]:
        search_text = self.search_text

        live = self.live

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "searchText": search_text,
                "live": live,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        search_text = d.pop("searchText")

        live = d.pop("live")

        search_contract_request = cls(
            search_text=search_text,
            live=live,
        )

        return search_contract_request
