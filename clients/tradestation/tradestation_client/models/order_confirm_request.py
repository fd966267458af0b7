from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.asset_type import AssetType
from ..models.duration import Duration
from ..models.order_type import OrderType
from ..models.trade_action import TradeAction
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.advanced_options import AdvancedOptions
    from ..models.order_leg import OrderLeg
    from ..models.oso_group import OsoGroup


T = TypeVar("T", bound="OrderConfirmRequest")


@_attrs_define
class OrderConfirmRequest:
    """Order to be estimated (TS-OAS `OrderConfirmRequestDefinition`): the `OrderRequest`
    fields without `OrderConfirmId`.

        Attributes:
            account_key (str): Account key, as a string.
            asset_type (AssetType): EQ equities, FU futures, OP options (TS-OAS request enum; FX is not listed).
            symbol (str): Upper-case symbol.
            quantity (str): Order quantity.
            order_type (OrderType):
            trade_action (TradeAction): BUY/SELL (equities and futures), BUYTOCOVER/SELLSHORT (equities), BUYTOOPEN,
                BUYTOCLOSE,
                SELLTOOPEN, SELLTOCLOSE (options).
            duration (Duration): DAY regular session; DYP day plus extended session; GTC; GCP GTC plus; GTD good
                through `GTDDate`; GDP GTD plus; OPG at the opening; CLO on close; IOC immediate or
                cancel; FOK fill or kill; 1/3/5 (or "1 MIN"...) expire after N minutes. Validity per
                asset: equities DAY, DYP, GTC, GCP, GTD, GDP, IOC, FOK, OPG, CLO, 1, 3, 5; options DAY,
                GTC, GTD, IOC, FOK, OPG; futures DAY, GTC, GTD, IOC, FOK.
            gtd_date (str | Unset): `MM/DD/YYYY`; required when Duration is GTD.
            limit_price (str | Unset): Required for Limit and StopLimit.
            stop_price (str | Unset): Required for StopMarket and StopLimit.
            route (str | Unset): Route id; default `Intelligent`.
            advanced_options (AdvancedOptions | Unset): Advanced order options for placement (TS-OAS
                `AdvancedOptionsDefinition`).
            os_os (list[OsoGroup] | Unset): Order-Sends-Order children.
            legs (list[OrderLeg] | Unset): Legs of a multi-leg option order.
            order_id (str | Unset): Legacy; send "" or omit.
    """

    account_key: str
    asset_type: AssetType
    symbol: str
    quantity: str
    order_type: OrderType
    trade_action: TradeAction
    duration: Duration
    gtd_date: str | Unset = UNSET
    limit_price: str | Unset = UNSET
    stop_price: str | Unset = UNSET
    route: str | Unset = UNSET
    advanced_options: AdvancedOptions | Unset = UNSET
    os_os: list[OsoGroup] | Unset = UNSET
    legs: list[OrderLeg] | Unset = UNSET
    order_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_key = self.account_key

        asset_type = self.asset_type.value

        symbol = self.symbol

        quantity = self.quantity

        order_type = self.order_type.value

        trade_action = self.trade_action.value

        duration = self.duration.value

        gtd_date = self.gtd_date

        limit_price = self.limit_price

        stop_price = self.stop_price

        route = self.route

        advanced_options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.advanced_options, Unset):
            advanced_options = self.advanced_options.to_dict()

        os_os: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.os_os, Unset):
            os_os = []
            for os_os_item_data in self.os_os:
                os_os_item = os_os_item_data.to_dict()
                os_os.append(os_os_item)

        legs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.legs, Unset):
            legs = []
            for legs_item_data in self.legs:
                legs_item = legs_item_data.to_dict()
                legs.append(legs_item)

        order_id = self.order_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "AccountKey": account_key,
                "AssetType": asset_type,
                "Symbol": symbol,
                "Quantity": quantity,
                "OrderType": order_type,
                "TradeAction": trade_action,
                "Duration": duration,
            }
        )
        if gtd_date is not UNSET:
            field_dict["GTDDate"] = gtd_date
        if limit_price is not UNSET:
            field_dict["LimitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["StopPrice"] = stop_price
        if route is not UNSET:
            field_dict["Route"] = route
        if advanced_options is not UNSET:
            field_dict["AdvancedOptions"] = advanced_options
        if os_os is not UNSET:
            field_dict["OSOs"] = os_os
        if legs is not UNSET:
            field_dict["Legs"] = legs
        if order_id is not UNSET:
            field_dict["OrderID"] = order_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.advanced_options import AdvancedOptions  # noqa: PLC0415
        from ..models.order_leg import OrderLeg  # noqa: PLC0415
        from ..models.oso_group import OsoGroup  # noqa: PLC0415

        d = dict(src_dict)
        account_key = d.pop("AccountKey")

        asset_type = AssetType(d.pop("AssetType"))

        symbol = d.pop("Symbol")

        quantity = d.pop("Quantity")

        order_type = OrderType(d.pop("OrderType"))

        trade_action = TradeAction(d.pop("TradeAction"))

        duration = Duration(d.pop("Duration"))

        gtd_date = d.pop("GTDDate", UNSET)

        limit_price = d.pop("LimitPrice", UNSET)

        stop_price = d.pop("StopPrice", UNSET)

        route = d.pop("Route", UNSET)

        _advanced_options = d.pop("AdvancedOptions", UNSET)
        advanced_options: AdvancedOptions | Unset
        if isinstance(_advanced_options, Unset):
            advanced_options = UNSET
        else:
            advanced_options = AdvancedOptions.from_dict(_advanced_options)

        _os_os = d.pop("OSOs", UNSET)
        os_os: list[OsoGroup] | Unset = UNSET
        if _os_os is not UNSET:
            os_os = []
            for os_os_item_data in _os_os:
                os_os_item = OsoGroup.from_dict(os_os_item_data)

                os_os.append(os_os_item)

        _legs = d.pop("Legs", UNSET)
        legs: list[OrderLeg] | Unset = UNSET
        if _legs is not UNSET:
            legs = []
            for legs_item_data in _legs:
                legs_item = OrderLeg.from_dict(legs_item_data)

                legs.append(legs_item)

        order_id = d.pop("OrderID", UNSET)

        order_confirm_request = cls(
            account_key=account_key,
            asset_type=asset_type,
            symbol=symbol,
            quantity=quantity,
            order_type=order_type,
            trade_action=trade_action,
            duration=duration,
            gtd_date=gtd_date,
            limit_price=limit_price,
            stop_price=stop_price,
            route=route,
            advanced_options=advanced_options,
            os_os=os_os,
            legs=legs,
            order_id=order_id,
        )

        return order_confirm_request
