from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.aggregate_bar_unit import AggregateBarUnit

T = TypeVar("T", bound="RetrieveBarRequest")


@_attrs_define
class RetrieveBarRequest:
    """
    Attributes:
        contract_id (str):
        live (bool):
        start_time (datetime.datetime):
        end_time (datetime.datetime):
        unit (AggregateBarUnit): Bar unit. 7 Tick only in the newest spec.
        unit_number (int): Number of units per bar (e.g. 5 with unit Minute for 5-minute bars).
        limit (int): Maximum number of bars (at most 20,000).
        include_partial_bar (bool): Include the bar that is still forming.
    """

    contract_id: str
    live: bool
    start_time: datetime.datetime
    end_time: datetime.datetime
    unit: AggregateBarUnit
    unit_number: int
    limit: int
    include_partial_bar: bool

    def to_dict(self) -> dict[str, Any]:
        contract_id = self.contract_id

        live = self.live

        start_time = self.start_time.isoformat()

        end_time = self.end_time.isoformat()

        unit = self.unit.value

        unit_number = self.unit_number

        limit = self.limit

        include_partial_bar = self.include_partial_bar

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "contractId": contract_id,
                "live": live,
                "startTime": start_time,
                "endTime": end_time,
                "unit": unit,
                "unitNumber": unit_number,
                "limit": limit,
                "includePartialBar": include_partial_bar,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = d.pop("contractId")

        live = d.pop("live")

        start_time = datetime.datetime.fromisoformat(d.pop("startTime"))

        end_time = datetime.datetime.fromisoformat(d.pop("endTime"))

        unit = AggregateBarUnit(d.pop("unit"))

        unit_number = d.pop("unitNumber")

        limit = d.pop("limit")

        include_partial_bar = d.pop("includePartialBar")

        retrieve_bar_request = cls(
            contract_id=contract_id,
            live=live,
            start_time=start_time,
            end_time=end_time,
            unit=unit,
            unit_number=unit_number,
            limit=limit,
            include_partial_bar=include_partial_bar,
        )

        return retrieve_bar_request
