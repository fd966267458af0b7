from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.search_order_by_id_error_code import SearchOrderByIdErrorCode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_model import OrderModel


T = TypeVar("T", bound="SearchOrderByIdResponse")


@_attrs_define
class SearchOrderByIdResponse:
    """
    Attributes:
        success (bool):
        error_code (int | SearchOrderByIdErrorCode):
        order (None | OrderModel | Unset):
        error_message (None | str | Unset):
    """

    success: bool
    error_code: int | SearchOrderByIdErrorCode
    order: None | OrderModel | Unset = UNSET
    error_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.order_model import OrderModel  # noqa: PLC0415

        success = self.success

        error_code: int
        if isinstance(self.error_code, SearchOrderByIdErrorCode):
            error_code = self.error_code.value
        else:
            error_code = self.error_code

        order: dict[str, Any] | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        elif isinstance(self.order, OrderModel):
            order = self.order.to_dict()
        else:
            order = self.order

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
        if order is not UNSET:
            field_dict["order"] = order
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_model import OrderModel  # noqa: PLC0415

        d = dict(src_dict)
        success = d.pop("success")

        def _parse_error_code(data: object) -> int | SearchOrderByIdErrorCode:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                error_code_type_0 = SearchOrderByIdErrorCode(data)

                return error_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | SearchOrderByIdErrorCode, data)

        error_code = _parse_error_code(d.pop("errorCode"))

        def _parse_order(data: object) -> None | OrderModel | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_type_0 = OrderModel.from_dict(data)

                return order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderModel | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.pop("errorMessage", UNSET))

        search_order_by_id_response = cls(
            success=success,
            error_code=error_code,
            order=order,
            error_message=error_message,
        )

        search_order_by_id_response.additional_properties = d
        return search_order_by_id_response

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
