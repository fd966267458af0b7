from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.quote_data_source import QuoteDataSource


T = TypeVar("T", bound="Quote")


@_attrs_define
class Quote:
    """Quote and contract details (CrossTrade market/get-quote page).

    Attributes:
        instrument (str):
        description (str | Unset):
        type_ (str | Unset): Instrument type, e.g. `Future`.
        tick_size (float | Unset):
        point_value (float | Unset):
        tick_value (float | Unset):
        exchange (str | Unset):
        expiration (str | Unset): Contract expiry (ISO date on the market endpoint, NT8 locale text on the legacy one).
        trading_hours (str | Unset):
        bid (float | Unset):
        ask (float | Unset):
        last (float | Unset):
        open_ (float | Unset):
        high (float | Unset):
        low (float | Unset):
        close (float | Unset):
        volume (int | Unset):
        quote_time (str | Unset): Local time in a locale format; prefer `epoch`.
        quote_time_utc (str | Unset):
        epoch (int | Unset): Seconds since the Unix epoch.
        data_source (QuoteDataSource | Unset):
        is_market_open (bool | Unset):
        success (bool | Unset):
    """

    instrument: str
    description: str | Unset = UNSET
    type_: str | Unset = UNSET
    tick_size: float | Unset = UNSET
    point_value: float | Unset = UNSET
    tick_value: float | Unset = UNSET
    exchange: str | Unset = UNSET
    expiration: str | Unset = UNSET
    trading_hours: str | Unset = UNSET
    bid: float | Unset = UNSET
    ask: float | Unset = UNSET
    last: float | Unset = UNSET
    open_: float | Unset = UNSET
    high: float | Unset = UNSET
    low: float | Unset = UNSET
    close: float | Unset = UNSET
    volume: int | Unset = UNSET
    quote_time: str | Unset = UNSET
    quote_time_utc: str | Unset = UNSET
    epoch: int | Unset = UNSET
    data_source: QuoteDataSource | Unset = UNSET
    is_market_open: bool | Unset = UNSET
    success: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instrument = self.instrument

        description = self.description

        type_ = self.type_

        tick_size = self.tick_size

        point_value = self.point_value

        tick_value = self.tick_value

        exchange = self.exchange

        expiration = self.expiration

        trading_hours = self.trading_hours

        bid = self.bid

        ask = self.ask

        last = self.last

        open_ = self.open_

        high = self.high

        low = self.low

        close = self.close

        volume = self.volume

        quote_time = self.quote_time

        quote_time_utc = self.quote_time_utc

        epoch = self.epoch

        data_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_source, Unset):
            data_source = self.data_source.to_dict()

        is_market_open = self.is_market_open

        success = self.success

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "instrument": instrument,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if tick_size is not UNSET:
            field_dict["tickSize"] = tick_size
        if point_value is not UNSET:
            field_dict["pointValue"] = point_value
        if tick_value is not UNSET:
            field_dict["tickValue"] = tick_value
        if exchange is not UNSET:
            field_dict["exchange"] = exchange
        if expiration is not UNSET:
            field_dict["expiration"] = expiration
        if trading_hours is not UNSET:
            field_dict["tradingHours"] = trading_hours
        if bid is not UNSET:
            field_dict["bid"] = bid
        if ask is not UNSET:
            field_dict["ask"] = ask
        if last is not UNSET:
            field_dict["last"] = last
        if open_ is not UNSET:
            field_dict["open"] = open_
        if high is not UNSET:
            field_dict["high"] = high
        if low is not UNSET:
            field_dict["low"] = low
        if close is not UNSET:
            field_dict["close"] = close
        if volume is not UNSET:
            field_dict["volume"] = volume
        if quote_time is not UNSET:
            field_dict["quoteTime"] = quote_time
        if quote_time_utc is not UNSET:
            field_dict["quoteTimeUtc"] = quote_time_utc
        if epoch is not UNSET:
            field_dict["epoch"] = epoch
        if data_source is not UNSET:
            field_dict["dataSource"] = data_source
        if is_market_open is not UNSET:
            field_dict["isMarketOpen"] = is_market_open
        if success is not UNSET:
            field_dict["success"] = success

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quote_data_source import QuoteDataSource  # noqa: PLC0415

        d = dict(src_dict)
        instrument = d.pop("instrument")

        description = d.pop("description", UNSET)

        type_ = d.pop("type", UNSET)

        tick_size = d.pop("tickSize", UNSET)

        point_value = d.pop("pointValue", UNSET)

        tick_value = d.pop("tickValue", UNSET)

        exchange = d.pop("exchange", UNSET)

        expiration = d.pop("expiration", UNSET)

        trading_hours = d.pop("tradingHours", UNSET)

        bid = d.pop("bid", UNSET)

        ask = d.pop("ask", UNSET)

        last = d.pop("last", UNSET)

        open_ = d.pop("open", UNSET)

        high = d.pop("high", UNSET)

        low = d.pop("low", UNSET)

        close = d.pop("close", UNSET)

        volume = d.pop("volume", UNSET)

        quote_time = d.pop("quoteTime", UNSET)

        quote_time_utc = d.pop("quoteTimeUtc", UNSET)

        epoch = d.pop("epoch", UNSET)

        _data_source = d.pop("dataSource", UNSET)
        data_source: QuoteDataSource | Unset
        if isinstance(_data_source, Unset):
            data_source = UNSET
        else:
            data_source = QuoteDataSource.from_dict(_data_source)

        is_market_open = d.pop("isMarketOpen", UNSET)

        success = d.pop("success", UNSET)

        quote = cls(
            instrument=instrument,
            description=description,
            type_=type_,
            tick_size=tick_size,
            point_value=point_value,
            tick_value=tick_value,
            exchange=exchange,
            expiration=expiration,
            trading_hours=trading_hours,
            bid=bid,
            ask=ask,
            last=last,
            open_=open_,
            high=high,
            low=low,
            close=close,
            volume=volume,
            quote_time=quote_time,
            quote_time_utc=quote_time_utc,
            epoch=epoch,
            data_source=data_source,
            is_market_open=is_market_open,
            success=success,
        )

        quote.additional_properties = d
        return quote

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
