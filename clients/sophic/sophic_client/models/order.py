from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.order_purpose import OrderPurpose
from ..models.order_side import OrderSide
from ..models.order_status import OrderStatus
from ..models.order_type import OrderType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amc import AMC
    from ..models.bill import Bill
    from ..models.bond import Bond
    from ..models.currency_pair import CurrencyPair
    from ..models.etf import ETF
    from ..models.instrument_summary import InstrumentSummary
    from ..models.money_market_fund import MoneyMarketFund
    from ..models.order_trade import OrderTrade


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """An order and its trades.

    Attributes:
        id (str): Order ID, e.g. `ord_m4k7r9s2`.
        status (OrderStatus | str):
        order_type (OrderType | str):
        purpose (OrderPurpose | str):
        side (OrderSide | str):
        instrument (AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund): An instrument of any
            type. The variants are tried in order and each one only accepts
            its own `instrument_type`; `InstrumentSummary` comes last and accepts the abbreviated
            objects of guide payloads and types without a schema (`stock`, `mutual_fund`, future
            types).
        traded_quantity (str): Units traded so far (`"0"` until the first trade).
        traded_notional (str): Notional traded so far (`"0"` until the first trade).
        fees (str): Total fees of the order.
        trades (list[OrderTrade]): Executions of the order (empty until execution).
        created_at (datetime.datetime):
        modified_at (datetime.datetime):
        account (None | str | Unset): Account ID; null for some system-placed orders.
        cash_amount (None | str | Unset): Buy amount before fees.
        net_cash_amount (None | str | Unset): Cash actually traded (cash amount minus fees).
        quantity (None | str | Unset): Requested sell units.
        limit_price (None | str | Unset):
        quote (None | str | Unset): Quote ID used at placement.
        currency (Currency | None | str | Unset): Trading currency of the instrument (base currency for FX).
        automatic_rollover (bool | None | Unset):
        position (None | str | Unset): Position ID, set once the first trade is recorded.
        is_cancellable (bool | Unset): True only for limit orders in a cancellable phase with no fills.
        cancelled_reason (None | str | Unset):
        filled_at (datetime.datetime | None | Unset):
        settled_at (datetime.datetime | None | Unset):
        cancelled_at (datetime.datetime | None | Unset):
    """

    id: str
    status: OrderStatus | str
    order_type: OrderType | str
    purpose: OrderPurpose | str
    side: OrderSide | str
    instrument: AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund
    traded_quantity: str
    traded_notional: str
    fees: str
    trades: list[OrderTrade]
    created_at: datetime.datetime
    modified_at: datetime.datetime
    account: None | str | Unset = UNSET
    cash_amount: None | str | Unset = UNSET
    net_cash_amount: None | str | Unset = UNSET
    quantity: None | str | Unset = UNSET
    limit_price: None | str | Unset = UNSET
    quote: None | str | Unset = UNSET
    currency: Currency | None | str | Unset = UNSET
    automatic_rollover: bool | None | Unset = UNSET
    position: None | str | Unset = UNSET
    is_cancellable: bool | Unset = UNSET
    cancelled_reason: None | str | Unset = UNSET
    filled_at: datetime.datetime | None | Unset = UNSET
    settled_at: datetime.datetime | None | Unset = UNSET
    cancelled_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amc import AMC  # noqa: PLC0415
        from ..models.bill import Bill  # noqa: PLC0415
        from ..models.bond import Bond  # noqa: PLC0415
        from ..models.currency_pair import CurrencyPair  # noqa: PLC0415
        from ..models.etf import ETF  # noqa: PLC0415
        from ..models.money_market_fund import MoneyMarketFund  # noqa: PLC0415

        id = self.id

        status: str
        if isinstance(self.status, OrderStatus):
            status = self.status.value
        else:
            status = self.status

        order_type: str
        if isinstance(self.order_type, OrderType):
            order_type = self.order_type.value
        else:
            order_type = self.order_type

        purpose: str
        if isinstance(self.purpose, OrderPurpose):
            purpose = self.purpose.value
        else:
            purpose = self.purpose

        side: str
        if isinstance(self.side, OrderSide):
            side = self.side.value
        else:
            side = self.side

        instrument: dict[str, Any]
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
        else:
            instrument = self.instrument.to_dict()

        traded_quantity = self.traded_quantity

        traded_notional = self.traded_notional

        fees = self.fees

        trades = []
        for trades_item_data in self.trades:
            trades_item = trades_item_data.to_dict()
            trades.append(trades_item)

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        account: None | str | Unset
        if isinstance(self.account, Unset):
            account = UNSET
        else:
            account = self.account

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

        limit_price: None | str | Unset
        if isinstance(self.limit_price, Unset):
            limit_price = UNSET
        else:
            limit_price = self.limit_price

        quote: None | str | Unset
        if isinstance(self.quote, Unset):
            quote = UNSET
        else:
            quote = self.quote

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        elif isinstance(self.currency, Currency):
            currency = self.currency.value
        else:
            currency = self.currency

        automatic_rollover: bool | None | Unset
        if isinstance(self.automatic_rollover, Unset):
            automatic_rollover = UNSET
        else:
            automatic_rollover = self.automatic_rollover

        position: None | str | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        is_cancellable = self.is_cancellable

        cancelled_reason: None | str | Unset
        if isinstance(self.cancelled_reason, Unset):
            cancelled_reason = UNSET
        else:
            cancelled_reason = self.cancelled_reason

        filled_at: None | str | Unset
        if isinstance(self.filled_at, Unset):
            filled_at = UNSET
        elif isinstance(self.filled_at, datetime.datetime):
            filled_at = self.filled_at.isoformat()
        else:
            filled_at = self.filled_at

        settled_at: None | str | Unset
        if isinstance(self.settled_at, Unset):
            settled_at = UNSET
        elif isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "order_type": order_type,
                "purpose": purpose,
                "side": side,
                "instrument": instrument,
                "traded_quantity": traded_quantity,
                "traded_notional": traded_notional,
                "fees": fees,
                "trades": trades,
                "created_at": created_at,
                "modified_at": modified_at,
            }
        )
        if account is not UNSET:
            field_dict["account"] = account
        if cash_amount is not UNSET:
            field_dict["cash_amount"] = cash_amount
        if net_cash_amount is not UNSET:
            field_dict["net_cash_amount"] = net_cash_amount
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if limit_price is not UNSET:
            field_dict["limit_price"] = limit_price
        if quote is not UNSET:
            field_dict["quote"] = quote
        if currency is not UNSET:
            field_dict["currency"] = currency
        if automatic_rollover is not UNSET:
            field_dict["automatic_rollover"] = automatic_rollover
        if position is not UNSET:
            field_dict["position"] = position
        if is_cancellable is not UNSET:
            field_dict["is_cancellable"] = is_cancellable
        if cancelled_reason is not UNSET:
            field_dict["cancelled_reason"] = cancelled_reason
        if filled_at is not UNSET:
            field_dict["filled_at"] = filled_at
        if settled_at is not UNSET:
            field_dict["settled_at"] = settled_at
        if cancelled_at is not UNSET:
            field_dict["cancelled_at"] = cancelled_at

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
        from ..models.order_trade import OrderTrade  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        def _parse_status(data: object) -> OrderStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = OrderStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderStatus | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_order_type(data: object) -> OrderType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_type_type_0 = OrderType(data)

                return order_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderType | str, data)

        order_type = _parse_order_type(d.pop("order_type"))

        def _parse_purpose(data: object) -> OrderPurpose | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                purpose_type_0 = OrderPurpose(data)

                return purpose_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderPurpose | str, data)

        purpose = _parse_purpose(d.pop("purpose"))

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

        def _parse_instrument(
            data: object,
        ) -> AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund:
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
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_instrument_type_6 = InstrumentSummary.from_dict(data)

            return componentsschemas_instrument_type_6

        instrument = _parse_instrument(d.pop("instrument"))

        traded_quantity = d.pop("traded_quantity")

        traded_notional = d.pop("traded_notional")

        fees = d.pop("fees")

        trades = []
        _trades = d.pop("trades")
        for trades_item_data in _trades:
            trades_item = OrderTrade.from_dict(trades_item_data)

            trades.append(trades_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        def _parse_account(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        account = _parse_account(d.pop("account", UNSET))

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

        def _parse_limit_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        limit_price = _parse_limit_price(d.pop("limit_price", UNSET))

        def _parse_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quote = _parse_quote(d.pop("quote", UNSET))

        def _parse_currency(data: object) -> Currency | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                currency_type_0 = Currency(data)

                return currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Currency | None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_automatic_rollover(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        automatic_rollover = _parse_automatic_rollover(d.pop("automatic_rollover", UNSET))

        def _parse_position(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        is_cancellable = d.pop("is_cancellable", UNSET)

        def _parse_cancelled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancelled_reason = _parse_cancelled_reason(d.pop("cancelled_reason", UNSET))

        def _parse_filled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filled_at_type_0 = datetime.datetime.fromisoformat(data)

                return filled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        filled_at = _parse_filled_at(d.pop("filled_at", UNSET))

        def _parse_settled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        settled_at = _parse_settled_at(d.pop("settled_at", UNSET))

        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelled_at", UNSET))

        order = cls(
            id=id,
            status=status,
            order_type=order_type,
            purpose=purpose,
            side=side,
            instrument=instrument,
            traded_quantity=traded_quantity,
            traded_notional=traded_notional,
            fees=fees,
            trades=trades,
            created_at=created_at,
            modified_at=modified_at,
            account=account,
            cash_amount=cash_amount,
            net_cash_amount=net_cash_amount,
            quantity=quantity,
            limit_price=limit_price,
            quote=quote,
            currency=currency,
            automatic_rollover=automatic_rollover,
            position=position,
            is_cancellable=is_cancellable,
            cancelled_reason=cancelled_reason,
            filled_at=filled_at,
            settled_at=settled_at,
            cancelled_at=cancelled_at,
        )

        order.additional_properties = d
        return order

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
