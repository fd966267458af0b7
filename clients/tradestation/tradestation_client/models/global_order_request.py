from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cost_basis_method import CostBasisMethod
from ..models.exchange_code import ExchangeCode
from ..models.fund_source import FundSource
from ..models.global_asset_type import GlobalAssetType
from ..models.global_side import GlobalSide
from ..models.lot_selection_strategy import LotSelectionStrategy
from ..models.order_condition import OrderCondition
from ..models.order_type import OrderType
from ..models.time_in_force import TimeInForce
from ..types import UNSET, Unset

T = TypeVar("T", bound="GlobalOrderRequest")


@_attrs_define
class GlobalOrderRequest:
    """Order in the global/Japan shape (Gen C; `APIVersion=20150101` on the legacy Place Order
    page, `20150601` later). Prices and quantity may be decimal strings or JSON numbers and
    `AccountId` a string or an integer, as in the documented examples. Unknown keys are
    rejected so the body never also matches `OrderRequest`.

        Attributes:
            account_id (int | str): Account id (a number in the 2014-12 revision, a string at HEAD).
            symbol (str): Symbol, e.g. `JP:8698-TS` (`JP:{code}-{exchange}`).
            quantity (float | str): Quantity (documented string; the examples send a number).
            asset_type (GlobalAssetType):
            type_ (OrderType):
            time_in_force (TimeInForce):
            side (GlobalSide):
            order_confirm_id (str | Unset): Client order id and duplicate-prevention key, at most 22 characters.
            client_tag (str | Unset): Optional client identifier.
            limit_price (float | str | Unset): Limit price.
            stop_price (float | str | Unset): Stop price.
            route (str | Unset): Route (2014-12 revision; dropped in 2015-03).
            time_in_force_expiration (datetime.datetime | None | Unset): Expiry with UTC offset, for the GoodTill* values.
            exchange_code (ExchangeCode | Unset):
            fund_source (FundSource | Unset):
            taxation_method (str | Unset): Calculated or Delayed (other pages list Tokutei, Non-Tokutei, Undefined).
            cost_basis_method (CostBasisMethod | Unset):
            lot_selection_strategy (LotSelectionStrategy | Unset):
            condition (OrderCondition | Unset):
    """

    account_id: int | str
    symbol: str
    quantity: float | str
    asset_type: GlobalAssetType
    type_: OrderType
    time_in_force: TimeInForce
    side: GlobalSide
    order_confirm_id: str | Unset = UNSET
    client_tag: str | Unset = UNSET
    limit_price: float | str | Unset = UNSET
    stop_price: float | str | Unset = UNSET
    route: str | Unset = UNSET
    time_in_force_expiration: datetime.datetime | None | Unset = UNSET
    exchange_code: ExchangeCode | Unset = UNSET
    fund_source: FundSource | Unset = UNSET
    taxation_method: str | Unset = UNSET
    cost_basis_method: CostBasisMethod | Unset = UNSET
    lot_selection_strategy: LotSelectionStrategy | Unset = UNSET
    condition: OrderCondition | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id: int | str
        account_id = self.account_id

        symbol = self.symbol

        quantity: float | str
        quantity = self.quantity

        asset_type = self.asset_type.value

        type_ = self.type_.value

        time_in_force = self.time_in_force.value

        side = self.side.value

        order_confirm_id = self.order_confirm_id

        client_tag = self.client_tag

        limit_price: float | str | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        stop_price: float | str | Unset
        if isinstance(self.stop_price, Unset):
            stop_price = UNSET
        else:
            stop_price = self.stop_price

        route = self.route

        time_in_force_expiration: None | str | Unset
        if isinstance(self.time_in_force_expiration, Unset):
            time_in_force_expiration = UNSET
        elif isinstance(self.time_in_force_expiration, datetime.datetime):
            time_in_force_expiration = self.time_in_force_expiration.isoformat()
        else:
            time_in_force_expiration = self.time_in_force_expiration

        exchange_code: str | Unset = UNSET
        if not isinstance(self.exchange_code, Unset):
            exchange_code = self.exchange_code.value

        fund_source: str | Unset = UNSET
        if not isinstance(self.fund_source, Unset):
            fund_source = self.fund_source.value

        taxation_method = self.taxation_method

        cost_basis_method: str | Unset = UNSET
        if not isinstance(self.cost_basis_method, Unset):
            cost_basis_method = self.cost_basis_method.value

        lot_selection_strategy: str | Unset = UNSET
        if not isinstance(self.lot_selection_strategy, Unset):
            lot_selection_strategy = self.lot_selection_strategy.value

        condition: str | Unset = UNSET
        if not isinstance(self.condition, Unset):
            condition = self.condition.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "AccountId": account_id,
                "Symbol": symbol,
                "Quantity": quantity,
                "AssetType": asset_type,
                "Type": type_,
                "TimeInForce": time_in_force,
                "Side": side,
            }
        )
        if order_confirm_id is not UNSET:
            field_dict["OrderConfirmId"] = order_confirm_id
        if client_tag is not UNSET:
            field_dict["ClientTag"] = client_tag
        if limit_price is not UNSET:
            field_dict["LimitPrice"] = limit_price
        if stop_price is not UNSET:
            field_dict["StopPrice"] = stop_price
        if route is not UNSET:
            field_dict["Route"] = route
        if time_in_force_expiration is not UNSET:
            field_dict["TimeInForceExpiration"] = time_in_force_expiration
        if exchange_code is not UNSET:
            field_dict["ExchangeCode"] = exchange_code
        if fund_source is not UNSET:
            field_dict["FundSource"] = fund_source
        if taxation_method is not UNSET:
            field_dict["TaxationMethod"] = taxation_method
        if cost_basis_method is not UNSET:
            field_dict["CostBasisMethod"] = cost_basis_method
        if lot_selection_strategy is not UNSET:
            field_dict["LotSelectionStrategy"] = lot_selection_strategy
        if condition is not UNSET:
            field_dict["Condition"] = condition

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_account_id(data: object) -> int | str:
            return cast(int | str, data)

        account_id = _parse_account_id(d.pop("AccountId"))

        symbol = d.pop("Symbol")

        def _parse_quantity(data: object) -> float | str:
            return cast(float | str, data)

        quantity = _parse_quantity(d.pop("Quantity"))

        asset_type = GlobalAssetType(d.pop("AssetType"))

        type_ = OrderType(d.pop("Type"))

        time_in_force = TimeInForce(d.pop("TimeInForce"))

        side = GlobalSide(d.pop("Side"))

        order_confirm_id = d.pop("OrderConfirmId", UNSET)

        client_tag = d.pop("ClientTag", UNSET)

        def _parse_limit_price(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        limit_price = _parse_limit_price(d.pop("LimitPrice", UNSET))

        def _parse_stop_price(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        stop_price = _parse_stop_price(d.pop("StopPrice", UNSET))

        route = d.pop("Route", UNSET)

        def _parse_time_in_force_expiration(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_in_force_expiration_type_0 = datetime.datetime.fromisoformat(data)

                return time_in_force_expiration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time_in_force_expiration = _parse_time_in_force_expiration(d.pop("TimeInForceExpiration", UNSET))

        _exchange_code = d.pop("ExchangeCode", UNSET)
        exchange_code: ExchangeCode | Unset
        if isinstance(_exchange_code, Unset):
            exchange_code = UNSET
        else:
            exchange_code = ExchangeCode(_exchange_code)

        _fund_source = d.pop("FundSource", UNSET)
        fund_source: FundSource | Unset
        if isinstance(_fund_source, Unset):
            fund_source = UNSET
        else:
            fund_source = FundSource(_fund_source)

        taxation_method = d.pop("TaxationMethod", UNSET)

        _cost_basis_method = d.pop("CostBasisMethod", UNSET)
        cost_basis_method: CostBasisMethod | Unset
        if isinstance(_cost_basis_method, Unset):
            cost_basis_method = UNSET
        else:
            cost_basis_method = CostBasisMethod(_cost_basis_method)

        _lot_selection_strategy = d.pop("LotSelectionStrategy", UNSET)
        lot_selection_strategy: LotSelectionStrategy | Unset
        if isinstance(_lot_selection_strategy, Unset):
            lot_selection_strategy = UNSET
        else:
            lot_selection_strategy = LotSelectionStrategy(_lot_selection_strategy)

        _condition = d.pop("Condition", UNSET)
        condition: OrderCondition | Unset
        if isinstance(_condition, Unset):
            condition = UNSET
        else:
            condition = OrderCondition(_condition)

        global_order_request = cls(
            account_id=account_id,
            symbol=symbol,
            quantity=quantity,
            asset_type=asset_type,
            type_=type_,
            time_in_force=time_in_force,
            side=side,
            order_confirm_id=order_confirm_id,
            client_tag=client_tag,
            limit_price=limit_price,
            stop_price=stop_price,
            route=route,
            time_in_force_expiration=time_in_force_expiration,
            exchange_code=exchange_code,
            fund_source=fund_source,
            taxation_method=taxation_method,
            cost_basis_method=cost_basis_method,
            lot_selection_strategy=lot_selection_strategy,
            condition=condition,
        )

        return global_order_request
