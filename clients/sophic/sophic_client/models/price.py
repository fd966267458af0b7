from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.price_quality import PriceQuality
from ..models.price_type import PriceType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Price")


@_attrs_define
class Price:
    """A bid/ask quote for one symbol.

    Attributes:
        symbol (str):
        price_type (PriceType | str):
        quality (PriceQuality | str):
        currency (str):
        bid (None | str):
        ask (None | str):
        timestamp (datetime.datetime):
        mid (None | str | Unset):
        dirty_bid (None | str | Unset):
        dirty_ask (None | str | Unset):
        dirty_mid (None | str | Unset):
        ytm_bid (None | str | Unset):
        ytm_ask (None | str | Unset):
        ytm_mid (None | str | Unset):
        accrued_interest (None | str | Unset):
    """

    symbol: str
    price_type: PriceType | str
    quality: PriceQuality | str
    currency: str
    bid: None | str
    ask: None | str
    timestamp: datetime.datetime
    mid: None | str | Unset = UNSET
    dirty_bid: None | str | Unset = UNSET
    dirty_ask: None | str | Unset = UNSET
    dirty_mid: None | str | Unset = UNSET
    ytm_bid: None | str | Unset = UNSET
    ytm_ask: None | str | Unset = UNSET
    ytm_mid: None | str | Unset = UNSET
    accrued_interest: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        symbol = self.symbol

        price_type: str
        if isinstance(self.price_type, PriceType):
            price_type = self.price_type.value
        else:
            price_type = self.price_type

        quality: str
        if isinstance(self.quality, PriceQuality):
            quality = self.quality.value
        else:
            quality = self.quality

        currency = self.currency

        bid: None | str
        bid = self.bid

        ask: None | str
        ask = self.ask

        timestamp = self.timestamp.isoformat()

        mid: None | str | Unset
        if isinstance(self.mid, Unset):
            mid = UNSET
        else:
            mid = self.mid

        dirty_bid: None | str | Unset
        if isinstance(self.dirty_bid, Unset):
            dirty_bid = UNSET
        else:
            dirty_bid = self.dirty_bid

        dirty_ask: None | str | Unset
        if isinstance(self.dirty_ask, Unset):
            dirty_ask = UNSET
        else:
            dirty_ask = self.dirty_ask

        dirty_mid: None | str | Unset
        if isinstance(self.dirty_mid, Unset):
            dirty_mid = UNSET
        else:
            dirty_mid = self.dirty_mid

        ytm_bid: None | str | Unset
        if isinstance(self.ytm_bid, Unset):
            ytm_bid = UNSET
        else:
            ytm_bid = self.ytm_bid

        ytm_ask: None | str | Unset
        if isinstance(self.ytm_ask, Unset):
            ytm_ask = UNSET
        else:
            ytm_ask = self.ytm_ask

        ytm_mid: None | str | Unset
        if isinstance(self.ytm_mid, Unset):
            ytm_mid = UNSET
        else:
            ytm_mid = self.ytm_mid

        accrued_interest: None | str | Unset
        if isinstance(self.accrued_interest, Unset):
            accrued_interest = UNSET
        else:
            accrued_interest = self.accrued_interest

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "symbol": symbol,
                "price_type": price_type,
                "quality": quality,
                "currency": currency,
                "bid": bid,
                "ask": ask,
                "timestamp": timestamp,
            }
        )
        if mid is not UNSET:
            field_dict["mid"] = mid
        if dirty_bid is not UNSET:
            field_dict["dirty_bid"] = dirty_bid
        if dirty_ask is not UNSET:
            field_dict["dirty_ask"] = dirty_ask
        if dirty_mid is not UNSET:
            field_dict["dirty_mid"] = dirty_mid
        if ytm_bid is not UNSET:
            field_dict["ytm_bid"] = ytm_bid
        if ytm_ask is not UNSET:
            field_dict["ytm_ask"] = ytm_ask
        if ytm_mid is not UNSET:
            field_dict["ytm_mid"] = ytm_mid
        if accrued_interest is not UNSET:
            field_dict["accrued_interest"] = accrued_interest

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        symbol = d.pop("symbol")

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

        def _parse_quality(data: object) -> PriceQuality | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                quality_type_0 = PriceQuality(data)

                return quality_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PriceQuality | str, data)

        quality = _parse_quality(d.pop("quality"))

        currency = d.pop("currency")

        def _parse_bid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        bid = _parse_bid(d.pop("bid"))

        def _parse_ask(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ask = _parse_ask(d.pop("ask"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        def _parse_mid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mid = _parse_mid(d.pop("mid", UNSET))

        def _parse_dirty_bid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dirty_bid = _parse_dirty_bid(d.pop("dirty_bid", UNSET))

        def _parse_dirty_ask(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dirty_ask = _parse_dirty_ask(d.pop("dirty_ask", UNSET))

        def _parse_dirty_mid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dirty_mid = _parse_dirty_mid(d.pop("dirty_mid", UNSET))

        def _parse_ytm_bid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ytm_bid = _parse_ytm_bid(d.pop("ytm_bid", UNSET))

        def _parse_ytm_ask(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ytm_ask = _parse_ytm_ask(d.pop("ytm_ask", UNSET))

        def _parse_ytm_mid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ytm_mid = _parse_ytm_mid(d.pop("ytm_mid", UNSET))

        def _parse_accrued_interest(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        accrued_interest = _parse_accrued_interest(d.pop("accrued_interest", UNSET))

        price = cls(
            symbol=symbol,
            price_type=price_type,
            quality=quality,
            currency=currency,
            bid=bid,
            ask=ask,
            timestamp=timestamp,
            mid=mid,
            dirty_bid=dirty_bid,
            dirty_ask=dirty_ask,
            dirty_mid=dirty_mid,
            ytm_bid=ytm_bid,
            ytm_ask=ytm_ask,
            ytm_mid=ytm_mid,
            accrued_interest=accrued_interest,
        )

        price.additional_properties = d
        return price

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
