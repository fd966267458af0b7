from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.price_type import PriceType
from ..models.rollout_stage import RolloutStage
from ..models.trading_status import TradingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CurrencyPair")


@_attrs_define
class CurrencyPair:
    """FX pair (`instrument_type` `currency_pair`).

    Attributes:
        id (str): Instrument ID; use it as `instrument` when placing orders.
        name (str):
        symbol (str): ISIN for securities, the pair for currency pairs.
        instrument_type (Literal['currency_pair']):
        base_currency (str):
        quote_currency (str):
        trading_status (str | TradingStatus | Unset):
        rollout_stage (None | RolloutStage | str | Unset):
        trading_increment (str | Unset): Smallest quantity step.
        decimal_precision (int | Unset):
        pro_traders_only (bool | Unset): Only MiFID professional traders may trade it.
        price_type (PriceType | str | Unset):
        icon_url (None | str | Unset):
        exchange (None | str | Unset): Market identifier code (MIC).
        about (None | str | Unset):
        ticker (None | str | Unset):
    """

    id: str
    name: str
    symbol: str
    instrument_type: Literal["currency_pair"]
    base_currency: str
    quote_currency: str
    trading_status: str | TradingStatus | Unset = UNSET
    rollout_stage: None | RolloutStage | str | Unset = UNSET
    trading_increment: str | Unset = UNSET
    decimal_precision: int | Unset = UNSET
    pro_traders_only: bool | Unset = UNSET
    price_type: PriceType | str | Unset = UNSET
    icon_url: None | str | Unset = UNSET
    exchange: None | str | Unset = UNSET
    about: None | str | Unset = UNSET
    ticker: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        symbol = self.symbol

        instrument_type = self.instrument_type

        base_currency = self.base_currency

        quote_currency = self.quote_currency

        trading_status: str | Unset
        if isinstance(self.trading_status, Unset):
            trading_status = UNSET
        elif isinstance(self.trading_status, TradingStatus):
            trading_status = self.trading_status.value
        else:
            trading_status = self.trading_status

        rollout_stage: None | str | Unset
        if isinstance(self.rollout_stage, Unset):
            rollout_stage = UNSET
        elif isinstance(self.rollout_stage, RolloutStage):
            rollout_stage = self.rollout_stage.value
        else:
            rollout_stage = self.rollout_stage

        trading_increment = self.trading_increment

        decimal_precision = self.decimal_precision

        pro_traders_only = self.pro_traders_only

        price_type: str | Unset
        if isinstance(self.price_type, Unset):
            price_type = UNSET
        elif isinstance(self.price_type, PriceType):
            price_type = self.price_type.value
        else:
            price_type = self.price_type

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
                "instrument_type": instrument_type,
                "base_currency": base_currency,
                "quote_currency": quote_currency,
            }
        )
        if trading_status is not UNSET:
            field_dict["trading_status"] = trading_status
        if rollout_stage is not UNSET:
            field_dict["rollout_stage"] = rollout_stage
        if trading_increment is not UNSET:
            field_dict["trading_increment"] = trading_increment
        if decimal_precision is not UNSET:
            field_dict["decimal_precision"] = decimal_precision
        if pro_traders_only is not UNSET:
            field_dict["pro_traders_only"] = pro_traders_only
        if price_type is not UNSET:
            field_dict["price_type"] = price_type
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

        instrument_type = cast(Literal["currency_pair"], d.pop("instrument_type"))
        if instrument_type != "currency_pair":
            raise ValueError(f"instrument_type must match const 'currency_pair', got '{instrument_type}'")

        base_currency = d.pop("base_currency")

        quote_currency = d.pop("quote_currency")

        def _parse_trading_status(data: object) -> str | TradingStatus | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                trading_status_type_0 = TradingStatus(data)

                return trading_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TradingStatus | Unset, data)

        trading_status = _parse_trading_status(d.pop("trading_status", UNSET))

        def _parse_rollout_stage(data: object) -> None | RolloutStage | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rollout_stage_type_0 = RolloutStage(data)

                return rollout_stage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RolloutStage | str | Unset, data)

        rollout_stage = _parse_rollout_stage(d.pop("rollout_stage", UNSET))

        trading_increment = d.pop("trading_increment", UNSET)

        decimal_precision = d.pop("decimal_precision", UNSET)

        pro_traders_only = d.pop("pro_traders_only", UNSET)

        def _parse_price_type(data: object) -> PriceType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                price_type_type_0 = PriceType(data)

                return price_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PriceType | str | Unset, data)

        price_type = _parse_price_type(d.pop("price_type", UNSET))

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

        currency_pair = cls(
            id=id,
            name=name,
            symbol=symbol,
            instrument_type=instrument_type,
            base_currency=base_currency,
            quote_currency=quote_currency,
            trading_status=trading_status,
            rollout_stage=rollout_stage,
            trading_increment=trading_increment,
            decimal_precision=decimal_precision,
            pro_traders_only=pro_traders_only,
            price_type=price_type,
            icon_url=icon_url,
            exchange=exchange,
            about=about,
            ticker=ticker,
        )

        currency_pair.additional_properties = d
        return currency_pair

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
