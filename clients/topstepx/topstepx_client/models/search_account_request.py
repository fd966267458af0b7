from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SearchAccountRequest")


@_attrs_define
class SearchAccountRequest:
    """
    Attributes:
        only_active_accounts (bool):
    """

    only_active_accounts: bool

    def to_dict(self) -> dict[str, Any]:
        only_active_accounts = self.only_active_accounts

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "onlyActiveAccounts": only_active_accounts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        only_active_accounts = d.pop("onlyActiveAccounts")

        search_account_request = cls(
            only_active_accounts=only_active_accounts,
        )

        return search_account_request
