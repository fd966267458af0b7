from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status_code import AccountStatusCode
from ..models.account_type_code import AccountTypeCode
from ..models.account_type_description import AccountTypeDescription
from ..types import UNSET, Unset

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """An account of the user (TS-OAS `GET /v2/users/{user_id}/accounts`).

    Attributes:
        alias (str | Unset):
        alt_id (str | Unset):
        display_name (str | Unset):
        is_stock_locate_eligible (bool | Unset):
        key (int | Unset): Account key; send it as a string in `AccountKey`.
        name (str | Unset):
        type_ (AccountTypeCode | str | Unset):
        type_description (AccountTypeDescription | str | Unset):
        status (AccountStatusCode | str | Unset):
        status_description (str | Unset):
    """

    alias: str | Unset = UNSET
    alt_id: str | Unset = UNSET
    display_name: str | Unset = UNSET
    is_stock_locate_eligible: bool | Unset = UNSET
    key: int | Unset = UNSET
    name: str | Unset = UNSET
    type_: AccountTypeCode | str | Unset = UNSET
    type_description: AccountTypeDescription | str | Unset = UNSET
    status: AccountStatusCode | str | Unset = UNSET
    status_description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alias = self.alias

        alt_id = self.alt_id

        display_name = self.display_name

        is_stock_locate_eligible = self.is_stock_locate_eligible

        key = self.key

        name = self.name

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, AccountTypeCode):
            type_ = self.type_.value
        else:
            type_ = self.type_

        type_description: str | Unset
        if isinstance(self.type_description, Unset):
            type_description = UNSET
        elif isinstance(self.type_description, AccountTypeDescription):
            type_description = self.type_description.value
        else:
            type_description = self.type_description

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AccountStatusCode):
            status = self.status.value
        else:
            status = self.status

        status_description = self.status_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if alias is not UNSET:
            field_dict["Alias"] = alias
        if alt_id is not UNSET:
            field_dict["AltId"] = alt_id
        if display_name is not UNSET:
            field_dict["DisplayName"] = display_name
        if is_stock_locate_eligible is not UNSET:
            field_dict["IsStockLocateEligible"] = is_stock_locate_eligible
        if key is not UNSET:
            field_dict["Key"] = key
        if name is not UNSET:
            field_dict["Name"] = name
        if type_ is not UNSET:
            field_dict["Type"] = type_
        if type_description is not UNSET:
            field_dict["TypeDescription"] = type_description
        if status is not UNSET:
            field_dict["Status"] = status
        if status_description is not UNSET:
            field_dict["StatusDescription"] = status_description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        alias = d.pop("Alias", UNSET)

        alt_id = d.pop("AltId", UNSET)

        display_name = d.pop("DisplayName", UNSET)

        is_stock_locate_eligible = d.pop("IsStockLocateEligible", UNSET)

        key = d.pop("Key", UNSET)

        name = d.pop("Name", UNSET)

        def _parse_type_(data: object) -> AccountTypeCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = AccountTypeCode(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountTypeCode | str | Unset, data)

        type_ = _parse_type_(d.pop("Type", UNSET))

        def _parse_type_description(data: object) -> AccountTypeDescription | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_description_type_0 = AccountTypeDescription(data)

                return type_description_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountTypeDescription | str | Unset, data)

        type_description = _parse_type_description(d.pop("TypeDescription", UNSET))

        def _parse_status(data: object) -> AccountStatusCode | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AccountStatusCode(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountStatusCode | str | Unset, data)

        status = _parse_status(d.pop("Status", UNSET))

        status_description = d.pop("StatusDescription", UNSET)

        account = cls(
            alias=alias,
            alt_id=alt_id,
            display_name=display_name,
            is_stock_locate_eligible=is_stock_locate_eligible,
            key=key,
            name=name,
            type_=type_,
            type_description=type_description,
            status=status,
            status_description=status_description,
        )

        account.additional_properties = d
        return account

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
