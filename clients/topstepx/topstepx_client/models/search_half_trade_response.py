from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_trade_error_code import SearchTradeErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.half_trade_model import HalfTradeModel


T = TypeVar("T", bound="SearchHalfTradeResponse")


@_attrs_define
class SearchHalfTradeResponse:
    """
    Attributes:
        success (bool):
        error_code (int | SearchTradeErrorCode):
        trades (list[HalfTradeModel] | None | Unset):
        error_message (None | str | Unset):
    """

    success: bool
    error_code: int | SearchTradeErrorCode
    trades: list[HalfTradeModel] | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error_code: int
        if isinstance(self.error_code, SearchTradeErrorCode):
            error_code = self.error_code.value
        else:
            error_code = self.error_code

        trades: list[dict[str, Any]] | None | Unset
        if isinstance(self.trades, Unset):
            trades = UNSET
        elif isinstance(self.trades, list):
            trades = []
            for trades_type_0_item_data in self.trades:
                trades_type_0_item = trades_type_0_item_data.to_dict()
                trades.append(trades_type_0_item)

        else:
            trades = self.trades

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
        if trades is not UNSET:
            field_dict["trades"] = trades
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.half_trade_model import HalfTradeModel  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error_code(data: object) -> int | SearchTradeErrorCode:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                error_code_type_0 = SearchTradeErrorCode(data)

                return error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | SearchTradeErrorCode, data)

        error_code = _parse_error_code(d.pop("errorCode"))

        def _parse_trades(data: object) -> list[HalfTradeModel] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                trades_type_0 = []
                _trades_type_0 = data
                for trades_type_0_item_data in _trades_type_0:
                    trades_type_0_item = HalfTradeModel.from_dict(trades_type_0_item_data)

                    trades_type_0.append(trades_type_0_item)

                return trades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[HalfTradeModel] | None | Unset, data)

        trades = _parse_trades(d.pop("trades", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        search_half_trade_response = cls(
            success=success,
            error_code=error_code,
            trades=trades,
            error_message=error_message,
        )

        search_half_trade_response.additional_properties = d
        return search_half_trade_response

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
