from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_snapshot_entry import AccountSnapshotEntry


T = TypeVar("T", bound="AccountSnapshot")


@_attrs_define
class AccountSnapshot:
    """
    Attributes:
        accounts (list[AccountSnapshotEntry]):
        type_ (str | Unset): Always `snapshot`.
        timestamp (str | Unset): Local time, NT8 format.
        epoch (int | Unset):
        success (bool | Unset):
    """

    accounts: list[AccountSnapshotEntry]
    type_: str | Unset = UNSET
    timestamp: str | Unset = UNSET
    epoch: int | Unset = UNSET
    success: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accounts = []
        for accounts_item_data in self.accounts:
            accounts_item = accounts_item_data.to_dict()
            accounts.append(accounts_item)

        type_ = self.type_

        timestamp = self.timestamp

        epoch = self.epoch

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accounts": accounts,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if epoch is not UNSET:
            field_dict["epoch"] = epoch
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_snapshot_entry import AccountSnapshotEntry  # noqa: PLC0415

        d = dict(src_dict)
        accounts = []
        _accounts = d.pop("accounts")
        for accounts_item_data in _accounts:
            accounts_item = AccountSnapshotEntry.from_dict(accounts_item_data)

            accounts.append(accounts_item)

        type_ = d.pop("type", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        epoch = d.pop("epoch", UNSET)

        success = d.pop("success", UNSET)

        account_snapshot = cls(
            accounts=accounts,
            type_=type_,
            timestamp=timestamp,
            epoch=epoch,
            success=success,
        )

        account_snapshot.additional_properties = d
        return account_snapshot

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
