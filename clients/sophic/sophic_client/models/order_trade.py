from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_side import OrderSide
from ..models.order_trade_status import OrderTradeStatus

if TYPE_CHECKING:
    from ..models.amc import AMC
    from ..models.bill import Bill
    from ..models.bond import Bond
    from ..models.currency_pair import CurrencyPair
    from ..models.etf import ETF
    from ..models.instrument_summary import InstrumentSummary
    from ..models.money_market_fund import MoneyMarketFund
    from ..models.order_trade_meta_type_0 import OrderTradeMetaType0


T = TypeVar("T", bound="OrderTrade")


@_attrs_define
class OrderTrade:
    """One execution of an order (embedded; there is no trade endpoint).

    Attributes:
        id (str):
        created_at (datetime.datetime):
        modified_at (datetime.datetime):
        order (str): Order ID.
        account (None | str):
        position (None | str):
        instrument (AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund): An instrument of any
            type. The variants are tried in order and each one only accepts
            its own `instrument_type`; `InstrumentSummary` comes last and accepts the abbreviated
            objects of guide payloads and types without a schema (`stock`, `mutual_fund`, future
            types).
        side (OrderSide | str):
        status (OrderTradeStatus | str):
        price (str):
        quantity (str):
        quantity_currency (None | str):
        notional (str):
        notional_currency (str):
        accrued_interest (None | str):
        ytm (None | str):
        counterparty (None | str):
        trading_venue (None | str):
        tvtic (None | str): Trading venue transaction identification code.
        execution_reference (str):
        execution_broker (str):
        execution_audit_trail (None | str):
        settlement_batch_id (None | str):
        is_reportable (bool | None):
        settlement_date (datetime.date | None):
        executed_at (datetime.datetime):
        settled_at (datetime.datetime | None):
        meta (None | OrderTradeMetaType0):
    """

    id: str
    created_at: datetime.datetime
    modified_at: datetime.datetime
    order: str
    account: None | str
    position: None | str
    instrument: AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund
    side: OrderSide | str
    status: OrderTradeStatus | str
    price: str
    quantity: str
    quantity_currency: None | str
    notional: str
    notional_currency: str
    accrued_interest: None | str
    ytm: None | str
    counterparty: None | str
    trading_venue: None | str
    tvtic: None | str
    execution_reference: str
    execution_broker: str
    execution_audit_trail: None | str
    settlement_batch_id: None | str
    is_reportable: bool | None
    settlement_date: datetime.date | None
    executed_at: datetime.datetime
    settled_at: datetime.datetime | None
    meta: None | OrderTradeMetaType0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amc import AMC  # noqa: PLC0415
        from ..models.bill import Bill  # noqa: PLC0415
        from ..models.bond import Bond  # noqa: PLC0415
        from ..models.currency_pair import CurrencyPair  # noqa: PLC0415
        from ..models.etf import ETF  # noqa: PLC0415
        from ..models.money_market_fund import MoneyMarketFund  # noqa: PLC0415
        from ..models.order_trade_meta_type_0 import OrderTradeMetaType0  # noqa: PLC0415

        id = self.id

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        order = self.order

        account: None | str
        account = self.account

        position: None | str
        position = self.position

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

        side: str
        if isinstance(self.side, OrderSide):
            side = self.side.value
        else:
            side = self.side

        status: str
        if isinstance(self.status, OrderTradeStatus):
            status = self.status.value
        else:
            status = self.status

        price = self.price

        quantity = self.quantity

        quantity_currency: None | str
        quantity_currency = self.quantity_currency

        notional = self.notional

        notional_currency = self.notional_currency

        accrued_interest: None | str
        accrued_interest = self.accrued_interest

        ytm: None | str
        ytm = self.ytm

        counterparty: None | str
        counterparty = self.counterparty

        trading_venue: None | str
        trading_venue = self.trading_venue

        tvtic: None | str
        tvtic = self.tvtic

        execution_reference = self.execution_reference

        execution_broker = self.execution_broker

        execution_audit_trail: None | str
        execution_audit_trail = self.execution_audit_trail

        settlement_batch_id: None | str
        settlement_batch_id = self.settlement_batch_id

        is_reportable: bool | None
        is_reportable = self.is_reportable

        settlement_date: None | str
        if isinstance(self.settlement_date, datetime.date):
            settlement_date = self.settlement_date.isoformat()
        else:
            settlement_date = self.settlement_date

        executed_at = self.executed_at.isoformat()

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        meta: dict[str, Any] | None
        if isinstance(self.meta, OrderTradeMetaType0):
            meta = self.meta.to_dict()
        else:
            meta = self.meta

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "modified_at": modified_at,
                "order": order,
                "account": account,
                "position": position,
                "instrument": instrument,
                "side": side,
                "status": status,
                "price": price,
                "quantity": quantity,
                "quantity_currency": quantity_currency,
                "notional": notional,
                "notional_currency": notional_currency,
                "accrued_interest": accrued_interest,
                "ytm": ytm,
                "counterparty": counterparty,
                "trading_venue": trading_venue,
                "tvtic": tvtic,
                "execution_reference": execution_reference,
                "execution_broker": execution_broker,
                "execution_audit_trail": execution_audit_trail,
                "settlement_batch_id": settlement_batch_id,
                "is_reportable": is_reportable,
                "settlement_date": settlement_date,
                "executed_at": executed_at,
                "settled_at": settled_at,
                "meta": meta,
            }
        )

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
        from ..models.order_trade_meta_type_0 import OrderTradeMetaType0  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        order = d.pop("order")

        def _parse_account(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        account = _parse_account(d.pop("account"))

        def _parse_position(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        position = _parse_position(d.pop("position"))

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

        def _parse_status(data: object) -> OrderTradeStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = OrderTradeStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OrderTradeStatus | str, data)

        status = _parse_status(d.pop("status"))

        price = d.pop("price")

        quantity = d.pop("quantity")

        def _parse_quantity_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        quantity_currency = _parse_quantity_currency(d.pop("quantity_currency"))

        notional = d.pop("notional")

        notional_currency = d.pop("notional_currency")

        def _parse_accrued_interest(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        accrued_interest = _parse_accrued_interest(d.pop("accrued_interest"))

        def _parse_ytm(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ytm = _parse_ytm(d.pop("ytm"))

        def _parse_counterparty(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        counterparty = _parse_counterparty(d.pop("counterparty"))

        def _parse_trading_venue(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trading_venue = _parse_trading_venue(d.pop("trading_venue"))

        def _parse_tvtic(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tvtic = _parse_tvtic(d.pop("tvtic"))

        execution_reference = d.pop("execution_reference")

        execution_broker = d.pop("execution_broker")

        def _parse_execution_audit_trail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        execution_audit_trail = _parse_execution_audit_trail(d.pop("execution_audit_trail"))

        def _parse_settlement_batch_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        settlement_batch_id = _parse_settlement_batch_id(d.pop("settlement_batch_id"))

        def _parse_is_reportable(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        is_reportable = _parse_is_reportable(d.pop("is_reportable"))

        def _parse_settlement_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settlement_date_type_0 = datetime.date.fromisoformat(data)

                return settlement_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        settlement_date = _parse_settlement_date(d.pop("settlement_date"))

        executed_at = datetime.datetime.fromisoformat(d.pop("executed_at"))

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settled_at"))

        def _parse_meta(data: object) -> None | OrderTradeMetaType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                meta_type_0 = OrderTradeMetaType0.from_dict(data)

                return meta_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderTradeMetaType0, data)

        meta = _parse_meta(d.pop("meta"))

        order_trade = cls(
            id=id,
            created_at=created_at,
            modified_at=modified_at,
            order=order,
            account=account,
            position=position,
            instrument=instrument,
            side=side,
            status=status,
            price=price,
            quantity=quantity,
            quantity_currency=quantity_currency,
            notional=notional,
            notional_currency=notional_currency,
            accrued_interest=accrued_interest,
            ytm=ytm,
            counterparty=counterparty,
            trading_venue=trading_venue,
            tvtic=tvtic,
            execution_reference=execution_reference,
            execution_broker=execution_broker,
            execution_audit_trail=execution_audit_trail,
            settlement_batch_id=settlement_batch_id,
            is_reportable=is_reportable,
            settlement_date=settlement_date,
            executed_at=executed_at,
            settled_at=settled_at,
            meta=meta,
        )

        order_trade.additional_properties = d
        return order_trade

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
