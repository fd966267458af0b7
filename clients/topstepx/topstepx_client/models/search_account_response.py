from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_account_error_code import SearchAccountErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trading_account_model import TradingAccountModel


T = TypeVar("T", bound="SearchAccountResponse")


@_attrs_define
class SearchAccountResponse:
    """
    Attributes:
        success (bool):
        error_code (int | SearchAccountErrorCode):
        accounts (list[TradingAccountModel] | None | Unset):
        error_message (None | str | Unset):
    """

    success: bool
    error_code: int | SearchAccountErrorCode
    accounts: list[TradingAccountModel] | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error_code: int
        if isinstance(self.error_code, SearchAccountErrorCode):
            error_code = self.error_code.value
        else:
            error_code = self.error_code

        accounts: list[dict[str, Any]] | None | Unset
        if isinstance(self.accounts, Unset):
            accounts = UNSET
        elif isinstance(self.accounts, list):
            accounts = []
            for accounts_type_0_item_data in self.accounts:
                accounts_type_0_item = accounts_type_0_item_data.to_dict()
                accounts.append(accounts_type_0_item)

        else:
            accounts = self.accounts

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
        if accounts is not UNSET:
            field_dict["accounts"] = accounts
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trading_account_model import TradingAccountModel  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error_code(data: object) -> int | SearchAccountErrorCode:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                error_code_type_0 = SearchAccountErrorCode(data)

                return error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | SearchAccountErrorCode, data)

        error_code = _parse_error_code(d.pop("errorCode"))

        def _parse_accounts(data: object) -> list[TradingAccountModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                accounts_type_0 = []
                _accounts_type_0 = data
                for accounts_type_0_item_data in _accounts_type_0:
                    accounts_type_0_item = TradingAccountModel.from_dict(accounts_type_0_item_data)

                    accounts_type_0.append(accounts_type_0_item)

                return accounts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TradingAccountModel] | None | Unset, data)

        accounts = _parse_accounts(d.pop("accounts", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        search_account_response = cls(
            success=success,
            error_code=error_code,
            accounts=accounts,
            error_message=error_message,
        )

        search_account_response.additional_properties = d
        return search_account_response

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
