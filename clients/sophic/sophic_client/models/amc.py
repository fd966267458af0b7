from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.currency import Currency
from ..models.price_type import PriceType
from ..models.rollout_stage import RolloutStage
from ..models.trading_status import TradingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AMC")


@_attrs_define
class AMC:
    """Actively managed certificate (`instrument_type` `amc`).

    Attributes:
        id (str): Instrument ID; use it as `instrument` when placing orders.
        name (str):
        symbol (str): ISIN for securities, the pair for currency pairs.
        trading_status (str | TradingStatus):
        rollout_stage (None | RolloutStage | str):
        trading_increment (str): Smallest quantity step.
        decimal_precision (int):
        pro_traders_only (bool): Only MiFID professional traders may trade it.
        price_type (PriceType | str):
        isin (str):
        issuer (str):
        issuer_country (str): Issuer country code (documented as ISO 3166-1 alpha-2; `EU` occurs).
        minimum_trading_quantity (str):
        trading_currency (Currency | str):
        initial_issue_date (datetime.date | None):
        enforce_trading_rules (bool):
        minimum_initial_cash_investment (str):
        required_cash_increment (int):
        instrument_type (Literal['amc']):
        icon_url (None | str | Unset):
        exchange (None | str | Unset): Market identifier code (MIC).
        about (None | str | Unset):
        ticker (None | str | Unset):
    """

    id: str
    name: str
    symbol: str
    trading_status: str | TradingStatus
    rollout_stage: None | RolloutStage | str
    trading_increment: str
    decimal_precision: int
    pro_traders_only: bool
    price_type: PriceType | str
    isin: str
    issuer: str
    issuer_country: str
    minimum_trading_quantity: str
    trading_currency: Currency | str
    initial_issue_date: datetime.date | None
    enforce_trading_rules: bool
    minimum_initial_cash_investment: str
    required_cash_increment: int
    instrument_type: Literal["amc"]
    icon_url: None | str | Unset = UNSET
    exchange: None | str | Unset = UNSET
    about: None | str | Unset = UNSET
    ticker: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        symbol = self.symbol

        trading_status: str
        if isinstance(self.trading_status, TradingStatus):
            trading_status = self.trading_status.value
        else:
            trading_status = self.trading_status

        rollout_stage: None | str
        if isinstance(self.rollout_stage, RolloutStage):
            rollout_stage = self.rollout_stage.value
        else:
            rollout_stage = self.rollout_stage

        trading_increment = self.trading_increment

        decimal_precision = self.decimal_precision

        pro_traders_only = self.pro_traders_only

        price_type: str
        if isinstance(self.price_type, PriceType):
            price_type = self.price_type.value
        else:
            price_type = self.price_type

        isin = self.isin

        issuer = self.issuer

        issuer_country = self.issuer_country

        minimum_trading_quantity = self.minimum_trading_quantity

        trading_currency: str
        if isinstance(self.trading_currency, Currency):
            trading_currency = self.trading_currency.value
        else:
            trading_currency = self.trading_currency

        initial_issue_date: None | str
        if isinstance(self.initial_issue_date, datetime.date):
            initial_issue_date = self.initial_issue_date.isoformat()
        else:
            initial_issue_date = self.initial_issue_date

        enforce_trading_rules = self.enforce_trading_rules

        minimum_initial_cash_investment = self.minimum_initial_cash_investment

        required_cash_increment = self.required_cash_increment

        instrument_type = self.instrument_type

        icon_url: None | str | Unset
        if isinstance(self.icon_url, Unset):
            icon_url = UNSET
        else:
            icon_url = self.icon_url

        exchange: None | str | Unset
        if isinstance(self.exchange, Unset):
            exchange = UNSET
        else:
            exchange = self.exchange

        about: None | str | Unset
        if isinstance(self.about, Unset):
            about = UNSET
        else:
            about = self.about

        ticker: None | str | Unset
        if isinstance(self.ticker, Unset):
            ticker = UNSET
        else:
            ticker = self.ticker

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "symbol": symbol,
                "trading_status": trading_status,
                "rollout_stage": rollout_stage,
                "trading_increment": trading_increment,
                "decimal_precision": decimal_precision,
                "pro_traders_only": pro_traders_only,
                "price_type": price_type,
                "isin": isin,
                "issuer": issuer,
                "issuer_country": issuer_country,
                "minimum_trading_quantity": minimum_trading_quantity,
                "trading_currency": trading_currency,
                "initial_issue_date": initial_issue_date,
                "enforce_trading_rules": enforce_trading_rules,
                "minimum_initial_cash_investment": minimum_initial_cash_investment,
                "required_cash_increment": required_cash_increment,
                "instrument_type": instrument_type,
            }
        )
        if icon_url is not UNSET:
            field_dict["icon_url"] = icon_url
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if about is not UNSET:
            field_dict["about"] = about
        if ticker is not UNSET:
            field_dict["ticker"] = ticker

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        symbol = d.pop("symbol")

        def _parse_trading_status(data: object) -> str | TradingStatus:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trading_status_type_0 = TradingStatus(data)

                return trading_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TradingStatus, data)

        trading_status = _parse_trading_status(d.pop("trading_status"))

        def _parse_rollout_stage(data: object) -> None | RolloutStage | str:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rollout_stage_type_0 = RolloutStage(data)

                return rollout_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RolloutStage | str, data)

        rollout_stage = _parse_rollout_stage(d.pop("rollout_stage"))

        trading_increment = d.pop("trading_increment")

        decimal_precision = d.pop("decimal_precision")

        pro_traders_only = d.pop("pro_traders_only")

        def _parse_price_type(data: object) -> PriceType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                price_type_type_0 = PriceType(data)

                return price_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PriceType | str, data)

        price_type = _parse_price_type(d.pop("price_type"))

        isin = d.pop("isin")

        issuer = d.pop("issuer")

        issuer_country = d.pop("issuer_country")

        minimum_trading_quantity = d.pop("minimum_trading_quantity")

        def _parse_trading_currency(data: object) -> Currency | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trading_currency_type_0 = Currency(data)

                return trading_currency_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Currency | str, data)

        trading_currency = _parse_trading_currency(d.pop("trading_currency"))

        def _parse_initial_issue_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                initial_issue_date_type_0 = datetime.date.fromisoformat(data)

                return initial_issue_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        initial_issue_date = _parse_initial_issue_date(d.pop("initial_issue_date"))

        enforce_trading_rules = d.pop("enforce_trading_rules")

        minimum_initial_cash_investment = d.pop("minimum_initial_cash_investment")

        required_cash_increment = d.pop("required_cash_increment")

        instrument_type = cast(Literal["amc"], d.pop("instrument_type"))
        if instrument_type != "amc":
            raise ValueError(f"instrument_type must match const 'amc', got '{instrument_type}'")

        def _parse_icon_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        icon_url = _parse_icon_url(d.pop("icon_url", UNSET))

        def _parse_exchange(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        exchange = _parse_exchange(d.pop("exchange", UNSET))

        def _parse_about(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        about = _parse_about(d.pop("about", UNSET))

        def _parse_ticker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ticker = _parse_ticker(d.pop("ticker", UNSET))

        amc = cls(
            id=id,
            name=name,
            symbol=symbol,
            trading_status=trading_status,
            rollout_stage=rollout_stage,
            trading_increment=trading_increment,
            decimal_precision=decimal_precision,
            pro_traders_only=pro_traders_only,
            price_type=price_type,
            isin=isin,
            issuer=issuer,
            issuer_country=issuer_country,
            minimum_trading_quantity=minimum_trading_quantity,
            trading_currency=trading_currency,
            initial_issue_date=initial_issue_date,
            enforce_trading_rules=enforce_trading_rules,
            minimum_initial_cash_investment=minimum_initial_cash_investment,
            required_cash_increment=required_cash_increment,
            instrument_type=instrument_type,
            icon_url=icon_url,
            exchange=exchange,
            about=about,
            ticker=ticker,
        )

        amc.additional_properties = d
        return amc

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
