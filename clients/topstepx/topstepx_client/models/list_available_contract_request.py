from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ListAvailableContractRequest")


@_attrs_define
class ListAvailableContractRequest:
    """
    Attributes:
        live (bool): List with the live data subscription (true) or the sim one (false).
    """

    live: bool

    def to_dict(self) -> dict[str, Any]:
        live = self.live

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "live": live,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        live = d.pop("live")

        list_available_contract_request = cls(
            live=live,
        )

        return list_available_contract_request
