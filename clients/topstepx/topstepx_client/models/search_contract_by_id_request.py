from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SearchContractByIdRequest")


@_attrs_define
class SearchContractByIdRequest:
    """
    Attributes:
        contract_id (str):
    """

    contract_id: str

    def to_dict(self) -> dict[str, Any]:
        contract_id = self.contract_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contractId": contract_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = d.pop("contractId")

        search_contract_by_id_request = cls(
            contract_id=contract_id,
        )

        return search_contract_by_id_request
