from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PartialCloseContractPositionRequest")


@_attrs_define
class PartialCloseContractPositionRequest:
    """
    Attributes:
        account_id (int):
        contract_id (str):
        size (int): Contracts to close (not `closeSize`).
    """

    account_id: int
    contract_id: str
    size: int

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        contract_id = self.contract_id

        size = self.size

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accountId": account_id,
                "contractId": contract_id,
                "size": size,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        contract_id = d.pop("contractId")

        size = d.pop("size")

        partial_close_contract_position_request = cls(
            account_id=account_id,
            contract_id=contract_id,
            size=size,
        )

        return partial_close_contract_position_request
