from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SearchOrderRequest")


@_attrs_define
class SearchOrderRequest:
    """
    Attributes:
        account_id (int):
        start_timestamp (datetime.datetime):
        end_timestamp (datetime.datetime | None | Unset):
    """

    account_id: int
    start_timestamp: datetime.datetime
    end_timestamp: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        start_timestamp = self.start_timestamp.isoformat()

        end_timestamp: None | str | Unset
        if isinstance(self.end_timestamp, Unset):
            end_timestamp = UNSET
        elif isinstance(self.end_timestamp, datetime.datetime):
            end_timestamp = self.end_timestamp.isoformat()
        else:
            end_timestamp = self.end_timestamp

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accountId": account_id,
                "startTimestamp": start_timestamp,
            }
        )
        if end_timestamp is not UNSET:
            field_dict["endTimestamp"] = end_timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("accountId")

        start_timestamp = datetime.datetime.fromisoformat(d.pop("startTimestamp"))

        def _parse_end_timestamp(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_timestamp_type_0 = datetime.datetime.fromisoformat(data)

                return end_timestamp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        end_timestamp = _parse_end_timestamp(d.pop("endTimestamp", UNSET))

        search_order_request = cls(
            account_id=account_id,
            start_timestamp=start_timestamp,
            end_timestamp=end_timestamp,
        )

        return search_order_request
