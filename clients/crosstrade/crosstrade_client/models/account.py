from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_item import AccountItem


T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """An NT8 account (CrossTrade get-account page). Field types are inferred from the field
    names; we could read the fields but no quoted payload.

        Attributes:
            name (str): NT8 account name, used as `{account}` in paths.
            id (int | Unset):
            display_name (str | Unset):
            primary_user (str | Unset):
            provider (str | Unset): e.g. `Simulator`.
            denomination (str | Unset): e.g. `UsDollar`.
            status (str | Unset): e.g. `Enabled`.
            daily_loss_limit (float | Unset):
            min_cash_value (float | Unset):
            max_order_size (float | Unset):
            max_position_size (float | Unset):
            connection (Any | Unset): NT8 connection the account belongs to (shape not documented).
            connection_status (str | Unset): e.g. `Connected`.
            last_transaction_sum (float | Unset):
            item (AccountItem | Unset): NT8 account money values (CrossTrade get-account page).
            type_ (str | Unset): Snapshot only.
            is_account_flat (bool | Unset): Snapshot only; true when the account holds no position.
            success (bool | Unset):
    """

    name: str
    id: int | Unset = UNSET
    display_name: str | Unset = UNSET
    primary_user: str | Unset = UNSET
    provider: str | Unset = UNSET
    denomination: str | Unset = UNSET
    status: str | Unset = UNSET
    daily_loss_limit: float | Unset = UNSET
    min_cash_value: float | Unset = UNSET
    max_order_size: float | Unset = UNSET
    max_position_size: float | Unset = UNSET
    connection: Any | Unset = UNSET
    connection_status: str | Unset = UNSET
    last_transaction_sum: float | Unset = UNSET
    item: AccountItem | Unset = UNSET
    type_: str | Unset = UNSET
    is_account_flat: bool | Unset = UNSET
    success: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        display_name = self.display_name

        primary_user = self.primary_user

        provider = self.provider

        denomination = self.denomination

        status = self.status

        daily_loss_limit = self.daily_loss_limit

        min_cash_value = self.min_cash_value

        max_order_size = self.max_order_size

        max_position_size = self.max_position_size

        connection = self.connection

        connection_status = self.connection_status

        last_transaction_sum = self.last_transaction_sum

        item: dict[str, Any] | Unset = UNSET
        if not isinstance(self.item, Unset):
            item = self.item.to_dict()

        type_ = self.type_

        is_account_flat = self.is_account_flat

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if primary_user is not UNSET:
            field_dict["primaryUser"] = primary_user
        if provider is not UNSET:
            field_dict["provider"] = provider
        if denomination is not UNSET:
            field_dict["denomination"] = denomination
        if status is not UNSET:
            field_dict["status"] = status
        if daily_loss_limit is not UNSET:
            field_dict["dailyLossLimit"] = daily_loss_limit
        if min_cash_value is not UNSET:
            field_dict["minCashValue"] = min_cash_value
        if max_order_size is not UNSET:
            field_dict["maxOrderSize"] = max_order_size
        if max_position_size is not UNSET:
            field_dict["maxPositionSize"] = max_position_size
        if connection is not UNSET:
            field_dict["connection"] = connection
        if connection_status is not UNSET:
            field_dict["connectionStatus"] = connection_status
        if last_transaction_sum is not UNSET:
            field_dict["lastTransactionSum"] = last_transaction_sum
        if item is not UNSET:
            field_dict["item"] = item
        if type_ is not UNSET:
            field_dict["type"] = type_
        if is_account_flat is not UNSET:
            field_dict["isAccountFlat"] = is_account_flat
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_item import AccountItem  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id", UNSET)

        display_name = d.pop("displayName", UNSET)

        primary_user = d.pop("primaryUser", UNSET)

        provider = d.pop("provider", UNSET)

        denomination = d.pop("denomination", UNSET)

        status = d.pop("status", UNSET)

        daily_loss_limit = d.pop("dailyLossLimit", UNSET)

        min_cash_value = d.pop("minCashValue", UNSET)

        max_order_size = d.pop("maxOrderSize", UNSET)

        max_position_size = d.pop("maxPositionSize", UNSET)

        connection = d.pop("connection", UNSET)

        connection_status = d.pop("connectionStatus", UNSET)

        last_transaction_sum = d.pop("lastTransactionSum", UNSET)

        _item = d.pop("item", UNSET)
        item: AccountItem | Unset
        if isinstance(_item, Unset):
            item = UNSET
        else:
            item = AccountItem.from_dict(_item)

        type_ = d.pop("type", UNSET)

        is_account_flat = d.pop("isAccountFlat", UNSET)

        success = d.pop("success", UNSET)

        account = cls(
            name=name,
            id=id,
            display_name=display_name,
            primary_user=primary_user,
            provider=provider,
            denomination=denomination,
            status=status,
            daily_loss_limit=daily_loss_limit,
            min_cash_value=min_cash_value,
            max_order_size=max_order_size,
            max_position_size=max_position_size,
            connection=connection,
            connection_status=connection_status,
            last_transaction_sum=last_transaction_sum,
            item=item,
            type_=type_,
            is_account_flat=is_account_flat,
            success=success,
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
