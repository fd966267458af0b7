from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.position_status import PositionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amc import AMC
    from ..models.bill import Bill
    from ..models.bond import Bond
    from ..models.currency_pair import CurrencyPair
    from ..models.etf import ETF
    from ..models.instrument_summary import InstrumentSummary
    from ..models.money_market_fund import MoneyMarketFund


T = TypeVar("T", bound="Position")


@_attrs_define
class Position:
    """
    Attributes:
        id (str):
        account (str):
        status (PositionStatus | str):
        instrument (AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund): An instrument of any
            type. The variants are tried in order and each one only accepts
            its own `instrument_type`; `InstrumentSummary` comes last and accepts the abbreviated
            objects of guide payloads and types without a schema (`stock`, `mutual_fund`, future
            types).
        total (str): Units held.
        available_for_trading (str): Units a new sell order can use.
        settled (str):
        unsettled (str):
        reserved (str): Units held back for open sell orders.
        automatic_rollover (bool):
        can_update_automatic_rollover (bool):
        total_buy_trades (int):
        opened_at (datetime.datetime):
        created_at (datetime.datetime):
        modified_at (datetime.datetime):
        automatic_rollover_cutoff (datetime.date | None | Unset): Last day the rollover setting can be changed.
        average_price (None | str | Unset):
        most_recent_maturity_period (None | str | Unset): Maturity bucket of the bill, e.g. `3m`.
        ytm (None | str | Unset):
        closed_at (datetime.datetime | None | Unset):
    """

    id: str
    account: str
    status: PositionStatus | str
    instrument: AMC | Bill | Bond | CurrencyPair | ETF | InstrumentSummary | MoneyMarketFund
    total: str
    available_for_trading: str
    settled: str
    unsettled: str
    reserved: str
    automatic_rollover: bool
    can_update_automatic_rollover: bool
    total_buy_trades: int
    opened_at: datetime.datetime
    created_at: datetime.datetime
    modified_at: datetime.datetime
    automatic_rollover_cutoff: datetime.date | None | Unset = UNSET
    average_price: None | str | Unset = UNSET
    most_recent_maturity_period: None | str | Unset = UNSET
    ytm: None | str | Unset = UNSET
    closed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amc import AMC  # noqa: PLC0415
        from ..models.bill import Bill  # noqa: PLC0415
        from ..models.bond import Bond  # noqa: PLC0415
        from ..models.currency_pair import CurrencyPair  # noqa: PLC0415
        from ..models.etf import ETF  # noqa: PLC0415
        from ..models.money_market_fund import MoneyMarketFund  # noqa: PLC0415

        id = self.id

        account = self.account

        status: str
        if isinstance(self.status, PositionStatus):
            status = self.status.value
        else:
            status = self.status

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

        total = self.total

        available_for_trading = self.available_for_trading

        settled = self.settled

        unsettled = self.unsettled

        reserved = self.reserved

        automatic_rollover = self.automatic_rollover

        can_update_automatic_rollover = self.can_update_automatic_rollover

        total_buy_trades = self.total_buy_trades

        opened_at = self.opened_at.isoformat()

        created_at = self.created_at.isoformat()

        modified_at = self.modified_at.isoformat()

        automatic_rollover_cutoff: None | str | Unset
        if isinstance(self.automatic_rollover_cutoff, Unset):
            automatic_rollover_cutoff = UNSET
        elif isinstance(self.automatic_rollover_cutoff, datetime.date):
            automatic_rollover_cutoff = self.automatic_rollover_cutoff.isoformat()
        else:
            automatic_rollover_cutoff = self.automatic_rollover_cutoff

        average_price: None | str | Unset
        if isinstance(self.average_price, Unset):
            average_price = UNSET
        else:
            average_price = self.average_price

        most_recent_maturity_period: None | str | Unset
        if isinstance(self.most_recent_maturity_period, Unset):
            most_recent_maturity_period = UNSET
        else:
            most_recent_maturity_period = self.most_recent_maturity_period

        ytm: None | str | Unset
        if isinstance(self.ytm, Unset):
            ytm = UNSET
        else:
            ytm = self.ytm

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        elif isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "account": account,
                "status": status,
                "instrument": instrument,
                "total": total,
                "available_for_trading": available_for_trading,
                "settled": settled,
                "unsettled": unsettled,
                "reserved": reserved,
                "automatic_rollover": automatic_rollover,
                "can_update_automatic_rollover": can_update_automatic_rollover,
                "total_buy_trades": total_buy_trades,
                "opened_at": opened_at,
                "created_at": created_at,
                "modified_at": modified_at,
            }
        )
        if automatic_rollover_cutoff is not UNSET:
            field_dict["automatic_rollover_cutoff"] = automatic_rollover_cutoff
        if average_price is not UNSET:
            field_dict["average_price"] = average_price
        if most_recent_maturity_period is not UNSET:
            field_dict["most_recent_maturity_period"] = most_recent_maturity_period
        if ytm is not UNSET:
            field_dict["ytm"] = ytm
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at

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
        id = d.pop("id")

        account = d.pop("account")

        def _parse_status(data: object) -> PositionStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = PositionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(PositionStatus | str, data)

        status = _parse_status(d.pop("status"))

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

        total = d.pop("total")

        available_for_trading = d.pop("available_for_trading")

        settled = d.pop("settled")

        unsettled = d.pop("unsettled")

        reserved = d.pop("reserved")

        automatic_rollover = d.pop("automatic_rollover")

        can_update_automatic_rollover = d.pop("can_update_automatic_rollover")

        total_buy_trades = d.pop("total_buy_trades")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        modified_at = datetime.datetime.fromisoformat(d.pop("modified_at"))

        def _parse_automatic_rollover_cutoff(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                automatic_rollover_cutoff_type_0 = datetime.date.fromisoformat(data)

                return automatic_rollover_cutoff_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        automatic_rollover_cutoff = _parse_automatic_rollover_cutoff(d.pop("automatic_rollover_cutoff", UNSET))

        def _parse_average_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        average_price = _parse_average_price(d.pop("average_price", UNSET))

        def _parse_most_recent_maturity_period(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        most_recent_maturity_period = _parse_most_recent_maturity_period(d.pop("most_recent_maturity_period", UNSET))

        def _parse_ytm(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ytm = _parse_ytm(d.pop("ytm", UNSET))

        def _parse_closed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))

        position = cls(
            id=id,
            account=account,
            status=status,
            instrument=instrument,
            total=total,
            available_for_trading=available_for_trading,
            settled=settled,
            unsettled=unsettled,
            reserved=reserved,
            automatic_rollover=automatic_rollover,
            can_update_automatic_rollover=can_update_automatic_rollover,
            total_buy_trades=total_buy_trades,
            opened_at=opened_at,
            created_at=created_at,
            modified_at=modified_at,
            automatic_rollover_cutoff=automatic_rollover_cutoff,
            average_price=average_price,
            most_recent_maturity_period=most_recent_maturity_period,
            ytm=ytm,
            closed_at=closed_at,
        )

        position.additional_properties = d
        return position

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
