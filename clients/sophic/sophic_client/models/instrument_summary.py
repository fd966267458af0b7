from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instrument_type import InstrumentType

T = TypeVar("T", bound="InstrumentSummary")


@_attrs_define
class InstrumentSummary:
    """The fields every instrument has, with an open `instrument_type`.

    Attributes:
        id (str):
        instrument_type (InstrumentType | str):
        symbol (str):
        name (str):
    """

    id: str
    instrument_type: InstrumentType | str
    symbol: str
    name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        instrument_type: str
        if isinstance(self.instrument_type, InstrumentType):
            instrument_type = self.instrument_type.value
        else:
            instrument_type = self.instrument_type

        symbol = self.symbol

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "instrument_type": instrument_type,
                "symbol": symbol,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_instrument_type(data: object) -> InstrumentType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                instrument_type_type_0 = InstrumentType(data)

                return instrument_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstrumentType | str, data)

        instrument_type = _parse_instrument_type(d.pop("instrument_type"))

        symbol = d.pop("symbol")

        name = d.pop("name")

        instrument_summary = cls(
            id=id,
            instrument_type=instrument_type,
            symbol=symbol,
            name=name,
        )

        instrument_summary.additional_properties = d
        return instrument_summary

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
