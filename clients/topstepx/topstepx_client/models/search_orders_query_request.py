from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.order_sort_field import OrderSortField
from ..models.sort_direction import SortDirection
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gateway_order_filter import GatewayOrderFilter


T = TypeVar("T", bound="SearchOrdersQueryRequest")


@_attrs_define
class SearchOrdersQueryRequest:
    """
    Attributes:
        filter_ (GatewayOrderFilter):
        page_size (int | None | Unset): Orders per page; the default and the maximum are undocumented.
        page_offset (int | None | Unset): Offset of the page (its base, orders or pages, is undocumented).
        sort_by (None | OrderSortField | Unset):
        sort_direction (None | SortDirection | Unset):
        include_total_count (bool | None | Unset):
    """

    filter_: GatewayOrderFilter
    page_size: int | None | Unset = UNSET
    page_offset: int | None | Unset = UNSET
    sort_by: None | OrderSortField | Unset = UNSET
    sort_direction: None | SortDirection | Unset = UNSET
    include_total_count: bool | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        filter_ = self.filter_.to_dict()

        page_size: int | None | Unset
        if isinstance(self.page_size, Unset):
            page_size = UNSET
        else:
            page_size = self.page_size

        page_offset: int | None | Unset
        if isinstance(self.page_offset, Unset):
            page_offset = UNSET
        else:
            page_offset = self.page_offset

        sort_by: int | None | Unset
        if isinstance(self.sort_by, Unset):
            sort_by = UNSET
        elif isinstance(self.sort_by, OrderSortField):
            sort_by = self.sort_by.value
        else:
            sort_by = self.sort_by

        sort_direction: int | None | Unset
        if isinstance(self.sort_direction, Unset):
            sort_direction = UNSET
        elif isinstance(self.sort_direction, SortDirection):
            sort_direction = self.sort_direction.value
        else:
            sort_direction = self.sort_direction

        include_total_count: bool | None | Unset
        if isinstance(self.include_total_count, Unset):
            include_total_count = UNSET
        else:
            include_total_count = self.include_total_count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "filter": filter_,
            }
        )
        if page_size is not UNSET:
            field_dict["pageSize"] = page_size
        if page_offset is not UNSET:
            field_dict["pageOffset"] = page_offset
        if sort_by is not UNSET:
            field_dict["sortBy"] = sort_by
        if sort_direction is not UNSET:
            field_dict["sortDirection"] = sort_direction
        if include_total_count is not UNSET:
            field_dict["includeTotalCount"] = include_total_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gateway_order_filter import GatewayOrderFilter  # noqa: PLC0415

        d = dict(src_dict)
        filter_ = GatewayOrderFilter.from_dict(d.pop("filter"))

        def _parse_page_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        page_size = _parse_page_size(d.pop("pageSize", UNSET))

        def _parse_page_offset(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        page_offset = _parse_page_offset(d.pop("pageOffset", UNSET))

        def _parse_sort_by(data: object) -> None | OrderSortField | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sort_by_type_0 = OrderSortField(data)

                return sort_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderSortField | Unset, data)

        sort_by = _parse_sort_by(d.pop("sortBy", UNSET))

        def _parse_sort_direction(data: object) -> None | SortDirection | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                sort_direction_type_0 = SortDirection(data)

                return sort_direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SortDirection | Unset, data)

        sort_direction = _parse_sort_direction(d.pop("sortDirection", UNSET))

        def _parse_include_total_count(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        include_total_count = _parse_include_total_count(d.pop("includeTotalCount", UNSET))

        search_orders_query_request = cls(
            filter_=filter_,
            page_size=page_size,
            page_offset=page_offset,
            sort_by=sort_by,
            sort_direction=sort_direction,
            include_total_count=include_total_count,
        )

        return search_orders_query_request
