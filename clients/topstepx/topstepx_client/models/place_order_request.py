from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.order_side import OrderSide
from ..models.order_type import OrderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.place_order_bracket import PlaceOrderBracket


T = TypeVar("T", bound="PlaceOrderRequest")


@_attrs_define
class PlaceOrderRequest:
    """New order. Prices are JSON numbers (not strings). Send only the fields that apply;
    nullable fields may be sent as null or omitted.

        Attributes:
            account_id (int):
            contract_id (str):
            type_ (OrderType): Order type. Placeable per the docs: 1 Limit, 2 Market, 4 Stop, 5 TrailingStop,
                6 JoinBid, 7 JoinAsk. 0 Unknown and 3 StopLimit exist but are not documented as
                placeable.
            side (OrderSide): 0 Bid (buy), 1 Ask (sell).
            size (int): Number of contracts.
            limit_price (float | None | Unset): Limit price (JSON number) for Limit orders.
            stop_price (float | None | Unset): Stop trigger price (JSON number) for Stop orders.
            trail_price (float | None | Unset): TrailingStop only, and required for it: an absolute price level (JSON
                number); the
                server turns it into whole ticks from the last trade. Must be tick-aligned; more
                than 1000 ticks away is rejected.
            custom_tag (None | str | Unset): Client order id. Must be unique across the account; a duplicate is rejected
                with
                code 2 OrderRejected. Never reuse one. Maximum length undocumented.
            linked_order_id (int | None | Unset): Older swagger/docs only (removed in newer ones); omit unless needed.
            stop_loss_bracket (None | PlaceOrderBracket | Unset):
            take_profit_bracket (None | PlaceOrderBracket | Unset):
    """

    account_id: int
    contract_id: str
    type_: OrderType
    side: OrderSide
    size: int
    limit_price: float | None | Unset = UNSET
    stop_price: float | None | Unset = UNSET
    trail_price: float | None | Unset = UNSET
    custom_tag: None | str | Unset = UNSET
    linked_order_id: int | None | Unset = UNSET
    stop_loss_bracket: None | PlaceOrderBracket | Unset = UNSET
    take_profit_bracket: None | PlaceOrderBracket | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.place_order_bracket import PlaceOrderBracket  # noqa: PLC0415

        account_id = self.account_id

        contract_id = self.contract_id

        type_ = self.type_.value

        side = self.side.value

        size = self.size

        limit_price: float | None | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        stop_price: float | None | Unset
        if isinstance(self.stop_price, Unset):
            stop_price = UNSET
        else:
            stop_price = self.stop_price

        trail_price: float | None | Unset
        if isinstance(self.trail_price, Unset):
            trail_price = UNSET
        else:
            trail_price = self.trail_price

        custom_tag: None | str | Unset
        if isinstance(self.custom_tag, Unset):
            custom_tag = UNSET
        else:
            custom_tag = self.custom_tag

        linked_order_id: int | None | Unset
        if isinstance(self.linked_order_id, Unset):
            linked_order_id = UNSET
        else:
            linked_order_id = self.linked_order_id

        stop_loss_bracket: dict[str, Any] | None | Unset
        if isinstance(self.stop_loss_bracket, Unset):
            stop_loss_bracket = UNSET
        elif isinstance(self.stop_loss_bracket, PlaceOrderBracket):
            stop_loss_bracket = self.stop_loss_bracket.to_dict()
        else:
            stop_loss_bracket = self.stop_loss_bracket

        take_profit_bracket: dict[str, Any] | None | Unset
        if isinstance(self.take_profit_bracket, Unset):
            take_profit_bracket = UNSET
        elif isinstance(self.take_profit_bracket, PlaceOrderBracket):
            take_profit_bracket = self.take_profit_bracket.to_dict()
        else:
            take_profit_bracket = self.take_profit_bracket

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accountId": account_id,
                "contractId": contract_id,
                "type": type_,
                "side": side,
                "size": size,
            }
        )
        if limit_price is not UNSET:
            field_dict["limitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["stopPrice"] = stop_price
        if trail_price is not UNSET:
            field_dict["trailPrice"] = trail_price
        if custom_tag is not UNSET:
            field_dict["customTag"] = custom_tag
        if linked_order_id is not UNSET:
            field_dict["linkedOrderId"] = linked_order_id
        if stop_loss_bracket is not UNSET:
            field_dict["stopLossBracket"] = stop_loss_bracket
        if take_profit_bracket is not UNSET:
            field_dict["takeProfitBracket"] = take_profit_bracket

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.place_order_bracket import PlaceOrderBracket  # noqa: PLC0415

        d = dict(src_dict)
        account_id = d.pop("accountId")

        contract_id = d.pop("contractId")

        type_ = OrderType(d.pop("type"))

        side = OrderSide(d.pop("side"))

        size = d.pop("size")

        def _parse_limit_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        limit_price = _parse_limit_price(d.pop("limitPrice", UNSET))

        def _parse_stop_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        stop_price = _parse_stop_price(d.pop("stopPrice", UNSET))

        def _parse_trail_price(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        trail_price = _parse_trail_price(d.pop("trailPrice", UNSET))

        def _parse_custom_tag(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        custom_tag = _parse_custom_tag(d.pop("customTag", UNSET))

        def _parse_linked_order_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        linked_order_id = _parse_linked_order_id(d.pop("linkedOrderId", UNSET))

        def _parse_stop_loss_bracket(data: object) -> None | PlaceOrderBracket | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stop_loss_bracket_type_0 = PlaceOrderBracket.from_dict(data)

                return stop_loss_bracket_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceOrderBracket | Unset, data)

        stop_loss_bracket = _parse_stop_loss_bracket(d.pop("stopLossBracket", UNSET))

        def _parse_take_profit_bracket(data: object) -> None | PlaceOrderBracket | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                take_profit_bracket_type_0 = PlaceOrderBracket.from_dict(data)

                return take_profit_bracket_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlaceOrderBracket | Unset, data)

        take_profit_bracket = _parse_take_profit_bracket(d.pop("takeProfitBracket", UNSET))

        place_order_request = cls(
            account_id=account_id,
            contract_id=contract_id,
            type_=type_,
            side=side,
            size=size,
            limit_price=limit_price,
            stop_price=stop_price,
            trail_price=trail_price,
            custom_tag=custom_tag,
            linked_order_id=linked_order_id,
            stop_loss_bracket=stop_loss_bracket,
            take_profit_bracket=take_profit_bracket,
        )

        return place_order_request
