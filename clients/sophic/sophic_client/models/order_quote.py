from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amc import AMC
    from ..models.bill import Bill
    from ..models.bond import Bond
    from ..models.currency_pair import CurrencyPair
    from ..models.etf import ETF
    from ..models.instrument_summary import InstrumentSummary
    from ..models.money_market_fund import MoneyMarketFund


T = TypeVar("T", bound="OrderQuote")


@_attrs_define
class OrderQuote:
    """Estimated execution of an order. Security quotes are not binding.

    Attributes:
        instrument (AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | str): Instrument ID
            or instrument object (shape not documented by the vendor).
        side (OrderSide | str):
        fees (str):
        estimated_price (str):
        id (None | str | Unset): Pass as `quote` when placing; null for currency-pair previews.
        expires_at (datetime.datetime | None | Unset):
        cash_amount (None | str | Unset):
        net_cash_amount (None | str | Unset):
        quantity (None | str | Unset):
        estimated_quantity (None | str | Unset):
        estimated_cash (None | str | Unset):
        is_binding (bool | None | Unset):
        limit_price (None | str | Unset):
        max_cost (None | str | Unset): Upper bound for limit buys.
        min_proceeds (None | str | Unset): Lower bound for limit sells.
    """

    instrument: AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | str
    side: OrderSide | str
    fees: str
    estimated_price: str
    id: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    cash_amount: None | str | Unset = UNSET
    net_cash_amount: None | str | Unset = UNSET
    quantity: None | str | Unset = UNSET
    estimated_quantity: None | str | Unset = UNSET
    estimated_cash: None | str | Unset = UNSET
    is_binding: bool | None | Unset = UNSET
    limit_price: None | str | Unset = UNSET
    max_cost: None | str | Unset = UNSET
    min_proceeds: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amc import AMC  # noqa: PLC0415
        from ..models.bill import Bill  # noqa: PLC0415
        from ..models.bond import Bond  # noqa: PLC0415
        from ..models.currency_pair import CurrencyPair  # noqa: PLC0415
        from ..models.etf import ETF  # noqa: PLC0415
        from ..models.instrument_summary import InstrumentSummary  # noqa: PLC0415
        from ..models.money_market_fund import MoneyMarketFund  # noqa: PLC0415

        instrument: dict[str, Any] | str
        if isinstance(self.instrument, Bill):
            instrument = self.instrument.to_dict()
        elif isinstance(self.instrument, Bond):
            instrument = self.instrument.to_dict()
        elif isinstance(self.instrument, ETF):
            instrument = self.instrument.to_dict()
        elif isinstance(self.instrument, MoneyMarketFund):
            instrument = self.instrument.to_dict()
        elif isinstance(self.instrument, AMC):
            instrument = self.instrument.to_dict()
        elif isinstance(self.instrument, CurrencyPair):
            instrument = self.instrument.to_dict()
        elif isinstance(self.instrument, InstrumentSummary):
            instrument = self.instrument.to_dict()
        else:
            instrument = self.instrument

        side: str
        if isinstance(self.side, OrderSide):
            side = self.side.value
        else:
            side = self.side

        fees = self.fees

        estimated_price = self.estimated_price

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        cash_amount: None | str | Unset
        if isinstance(self.cash_amount, Unset):
            cash_amount = UNSET
        else:
            cash_amount = self.cash_amount

        net_cash_amount: None | str | Unset
        if isinstance(self.net_cash_amount, Unset):
            net_cash_amount = UNSET
        else:
            net_cash_amount = self.net_cash_amount

        quantity: None | str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        estimated_quantity: None | str | Unset
        if isinstance(self.estimated_quantity, Unset):
            estimated_quantity = UNSET
        else:
            estimated_quantity = self.estimated_quantity

        estimated_cash: None | str | Unset
        if isinstance(self.estimated_cash, Unset):
            estimated_cash = UNSET
        else:
            estimated_cash = self.estimated_cash

        is_binding: bool | None | Unset
        if isinstance(self.is_binding, Unset):
            is_binding = UNSET
        else:
            is_binding = self.is_binding

        limit_price: None | str | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        max_cost: None | str | Unset
        if isinstance(self.max_cost, Unset):
            max_cost = UNSET
        else:
            max_cost = self.max_cost

        min_proceeds: None | str | Unset
        if isinstance(self.min_proceeds, Unset):
            min_proceeds = UNSET
        else:
            min_proceeds = self.min_proceeds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrument": instrument,
                "side": side,
                "fees": fees,
                "estimated_price": estimated_price,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if cash_amount is not UNSET:
            field_dict["cash_amount"] = cash_amount
        if net_cash_amount is not UNSET:
            field_dict["net_cash_amount"] = net_cash_amount
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if estimated_quantity is not UNSET:
            field_dict["estimated_quantity"] = estimated_quantity
        if estimated_cash is not UNSET:
            field_dict["estimated_cash"] = estimated_cash
        if is_binding is not UNSET:
            field_dict["is_binding"] = is_binding
        if limit_price is not UNSET:
            field_dict["limit_price"] = limit_price
        if max_cost is not UNSET:
            field_dict["max_cost"] = max_cost
        if min_proceeds is not UNSET:
            field_dict["min_proceeds"] = min_proceeds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amc import AMC  # noqa: PLC0415
        from ..models.bill import Bill  # noqa: PLC0415
        from ..models.bond import Bond  # noqa: PLC0415
        from ..models.currency_pair import CurrencyPair  # noqa: PLC0415
        from ..models.etf import ETF  # noqa: PLC0415
        from ..models.instrument_summary import InstrumentSummary  # noqa: PLC0415
        from ..models.money_market_fund import MoneyMarketFund  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_instrument(
            data: object,
        ) -> AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_0 = Bill.from_dict(data)

                return componentsschemas_instrument_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_1 = Bond.from_dict(data)

                return componentsschemas_instrument_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_2 = ETF.from_dict(data)

                return componentsschemas_instrument_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_3 = MoneyMarketFund.from_dict(data)

                return componentsschemas_instrument_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_4 = AMC.from_dict(data)

                return componentsschemas_instrument_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_5 = CurrencyPair.from_dict(data)

                return componentsschemas_instrument_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_instrument_type_6 = InstrumentSummary.from_dict(data)

                return componentsschemas_instrument_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund | str, data)

        instrument = _parse_instrument(d.pop("instrument"))

        def _parse_side(data: object) -> OrderSide | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                side_type_0 = OrderSide(data)

                return side_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderSide | str, data)

        side = _parse_side(d.pop("side"))

        fees = d.pop("fees")

        estimated_price = d.pop("estimated_price")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_cash_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cash_amount = _parse_cash_amount(d.pop("cash_amount", UNSET))

        def _parse_net_cash_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        net_cash_amount = _parse_net_cash_amount(d.pop("net_cash_amount", UNSET))

        def _parse_quantity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))

        def _parse_estimated_quantity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        estimated_quantity = _parse_estimated_quantity(d.pop("estimated_quantity", UNSET))

        def _parse_estimated_cash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        estimated_cash = _parse_estimated_cash(d.pop("estimated_cash", UNSET))

        def _parse_is_binding(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_binding = _parse_is_binding(d.pop("is_binding", UNSET))

        def _parse_limit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        limit_price = _parse_limit_price(d.pop("limit_price", UNSET))

        def _parse_max_cost(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_cost = _parse_max_cost(d.pop("max_cost", UNSET))

        def _parse_min_proceeds(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_proceeds = _parse_min_proceeds(d.pop("min_proceeds", UNSET))

        order_quote = cls(
            instrument=instrument,
            side=side,
            fees=fees,
            estimated_price=estimated_price,
            id=id,
            expires_at=expires_at,
            cash_amount=cash_amount,
            net_cash_amount=net_cash_amount,
            quantity=quantity,
            estimated_quantity=estimated_quantity,
            estimated_cash=estimated_cash,
            is_binding=is_binding,
            limit_price=limit_price,
            max_cost=max_cost,
            min_proceeds=min_proceeds,
        )

        order_quote.additional_properties = d
        return order_quote

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
