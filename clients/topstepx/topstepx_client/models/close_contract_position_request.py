from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CloseContractPositionRequest")


@_attrs_define
class CloseContractPositionRequest:
    """
    Attributes:
        account_id (int):
        contract_id (str):
    """

    account_id: int
    contract_id: str

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        contract_id = self.contract_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accountId": account_id,
                "contractId": contract_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        contract_id = d.pop("contractId")

        close_contract_position_request = cls(
            account_id=account_id,
            contract_id=contract_id,
        )

        return close_contract_position_request
