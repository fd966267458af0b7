from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.exchange import Exchange


T = TypeVar("T", bound="ExchangesResponse")


@_attrs_define
class ExchangesResponse:
    """Answer of `GET /v2/orderexecution/exchanges` (the list key is the singular `Exchange`).

    Attributes:
        exchange (list[Exchange] | Unset):
    """

    exchange: list[Exchange] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exchange: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.exchange, Unset):
            exchange = []
            for exchange_item_data in self.exchange:
                exchange_item = exchange_item_data.to_dict()
                exchange.append(exchange_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if exchange is not UNSET:
            field_dict["Exchange"] = exchange

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exchange import Exchange  # noqa: PLC0415

        d = dict(src_dict)
        _exchange = d.pop("Exchange", UNSET)
        exchange: list[Exchange] | Unset = UNSET
        if _exchange is not UNSET:
            exchange = []
            for exchange_item_data in _exchange:
                exchange_item = Exchange.from_dict(exchange_item_data)

                exchange.append(exchange_item)

        exchanges_response = cls(
            exchange=exchange,
        )

        exchanges_response.additional_properties = d
        return exchanges_response

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
