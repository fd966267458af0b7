from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_contract_error_code import SearchContractErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract_model import ContractModel


T = TypeVar("T", bound="SearchContractResponse")


@_attrs_define
class SearchContractResponse:
    """
    Attributes:
        success (bool):
        error_code (int | SearchContractErrorCode):
        contracts (list[ContractModel] | None | Unset):
        error_message (None | str | Unset):
    """

    success: bool
    error_code: int | SearchContractErrorCode
    contracts: list[ContractModel] | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error_code: int
        if isinstance(self.error_code, SearchContractErrorCode):
            error_code = self.error_code.value
        else:
            error_code = self.error_code

        contracts: list[dict[str, Any]] | None | Unset
        if isinstance(self.contracts, Unset):
            contracts = UNSET
        elif isinstance(self.contracts, list):
            contracts = []
            for contracts_type_0_item_data in self.contracts:
                contracts_type_0_item = contracts_type_0_item_data.to_dict()
                contracts.append(contracts_type_0_item)

        else:
            contracts = self.contracts

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "errorCode": error_code,
            }
        )
        if contracts is not UNSET:
            field_dict["contracts"] = contracts
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_model import ContractModel  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error_code(data: object) -> int | SearchContractErrorCode:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                error_code_type_0 = SearchContractErrorCode(data)

                return error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | SearchContractErrorCode, data)

        error_code = _parse_error_code(d.pop("errorCode"))

        def _parse_contracts(data: object) -> list[ContractModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contracts_type_0 = []
                _contracts_type_0 = data
                for contracts_type_0_item_data in _contracts_type_0:
                    contracts_type_0_item = ContractModel.from_dict(contracts_type_0_item_data)

                    contracts_type_0.append(contracts_type_0_item)

                return contracts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContractModel] | None | Unset, data)

        contracts = _parse_contracts(d.pop("contracts", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        search_contract_response = cls(
            success=success,
            error_code=error_code,
            contracts=contracts,
            error_message=error_message,
        )

        search_contract_response.additional_properties = d
        return search_contract_response

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
