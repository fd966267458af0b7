from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.account_status import AccountStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """
    Attributes:
        id (str):
        reference (str):
        status (AccountStatus | str):
        name (str):
        base_currency (str):
        funding_currencies (list[str]):
        can_deposit (bool):
        can_withdraw (bool):
        can_place_buy_order (bool):
        can_place_sell_order (bool):
        has_deposited (bool):
        has_withdrawn (bool):
        has_placed_buy_order (bool):
        has_placed_sell_order (bool):
        is_primary_owner_mifid_pro (bool):
        created_at (datetime.datetime):
        modified_at (datetime.datetime):
        bank_payment_reference (None | str | Unset):
    """

    id: str
    reference: str
    status: AccountStatus | str
    name: str
    base_currency: str
    funding_currencies: list[str]
    can_deposit: bool
    can_withdraw: bool
    can_place_buy_order: bool
    can_place_sell_order: bool
    has_deposited: bool
    has_withdrawn: bool
    has_placed_buy_order: bool
    has_placed_sell_order: bool
    is_primary_owner_mifid_pro: bool
    created_at: datetime.datetime
    modified_at: datetime.datetime
    bank_payment_reference: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        reference = self.reference

        status: str
        if isinstance(self.status, AccountStatus):
            status = self.status.value
        else:
            status = self.status

        name = self.name

        base_currency = self.base_currency

        funding_currencies = self.funding_currencies

        can_deposit = self.can_deposit

        can_withdraw = self.can_withdraw

        can_place_buy_order = self.can_place_buy_order

        can_place_sell_order = self.can_place_sell_order

        has_deposited = self.has_deposited

        has_withdrawn = self.has_withdrawn

        has_placed_buy_order = self.has_placed_buy_order

        has_placed_sell_order = self.has_placed_sell_order

        is_primary_owner_mifid_pro = self.is_primary_owner_mifid_pro

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        bank_payment_reference: None | str | Unset
        if isinstance(self.bank_payment_reference, Unset):
            bank_payment_reference = UNSET
        else:
            bank_payment_reference = self.bank_payment_reference

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reference": reference,
                "status": status,
                "name": name,
                "base_currency": base_currency,
                "funding_currencies": funding_currencies,
                "can_deposit": can_deposit,
                "can_withdraw": can_withdraw,
                "can_place_buy_order": can_place_buy_order,
                "can_place_sell_order": can_place_sell_order,
                "has_deposited": has_deposited,
                "has_withdrawn": has_withdrawn,
                "has_placed_buy_order": has_placed_buy_order,
                "has_placed_sell_order": has_placed_sell_order,
                "is_primary_owner_mifid_pro": is_primary_owner_mifid_pro,
                "created_at": created_at,
                "modified_at": modified_at,
            }
        )
        if bank_payment_reference is not UNSET:
            field_dict["bank_payment_reference"] = bank_payment_reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        reference = d.pop("reference")

        def _parse_status(data: object) -> AccountStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AccountStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccountStatus | str, data)

        status = _parse_status(d.pop("status"))

        name = d.pop("name")

        base_currency = d.pop("base_currency")

        funding_currencies = cast(list[str], d.pop("funding_currencies"))

        can_deposit = d.pop("can_deposit")

        can_withdraw = d.pop("can_withdraw")

        can_place_buy_order = d.pop("can_place_buy_order")

        can_place_sell_order = d.pop("can_place_sell_order")

        has_deposited = d.pop("has_deposited")

        has_withdrawn = d.pop("has_withdrawn")

        has_placed_buy_order = d.pop("has_placed_buy_order")

        has_placed_sell_order = d.pop("has_placed_sell_order")

        is_primary_owner_mifid_pro = d.pop("is_primary_owner_mifid_pro")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        def _parse_bank_payment_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        bank_payment_reference = _parse_bank_payment_reference(d.pop("bank_payment_reference", UNSET))

        account = cls(
            id=id,
            reference=reference,
            status=status,
            name=name,
            base_currency=base_currency,
            funding_currencies=funding_currencies,
            can_deposit=can_deposit,
            can_withdraw=can_withdraw,
            can_place_buy_order=can_place_buy_order,
            can_place_sell_order=can_place_sell_order,
            has_deposited=has_deposited,
            has_withdrawn=has_withdrawn,
            has_placed_buy_order=has_placed_buy_order,
            has_placed_sell_order=has_placed_sell_order,
            is_primary_owner_mifid_pro=is_primary_owner_mifid_pro,
            created_at=created_at,
            modified_at=modified_at,
            bank_payment_reference=bank_payment_reference,
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
