"""The live feed's state, without I/O: :class:`Feed`.

Drivers (the polling loop of :mod:`orderbridge._watch`, a push client) hand it what they heard
— a pushed order, fill, position or balance, a failed read, a fresh
:class:`~orderbridge.AccountSnapshot` — and get back the events to yield, already numbered.
The feed owns the guarantees, so every driver keeps them the same way:

* a fill is delivered once per ``fill_id`` (per account) for the life of the feed;
* an order never moves backwards: each report is folded into the feed's view with
  :func:`~orderbridge.apply_report` (the one transition table of
  :meth:`~orderbridge.OrderStatus.can_follow`), and only a change is delivered;
* when something may have been missed, one :class:`~orderbridge.Gap` per account says so;
  the next trusted snapshot emits every difference between the broker's state and what was
  delivered, as ordinary events with source ``resync``, then :class:`~orderbridge.Resynced`;
* a stream silent for longer than ``watchdog`` seconds is a gap (:meth:`Feed.check_silence`).

Nothing here names a broker. Tested with plain values.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from ._account import Balance, Fill, Position
from ._adapter import BrokerOrder
from ._errors import ConfigurationError, NotSupported
from ._events import KINDS, BalanceEvent, Event, FillEvent, Gap, OrderEvent, PositionEvent, Resynced, Source
from ._reports import apply_report
from ._snapshot import AccountSnapshot

PART_OF_KIND = {"order": "open_orders", "fill": "fills", "position": "positions", "balance": "balances"}
"""Which :class:`~orderbridge.AccountSnapshot` part each event kind is compared with."""

DEFAULT_WATCHDOG = 60.0
"""Seconds of silence after which a pushed stream is presumed dead (a :class:`Gap`). The
TopstepX hub's clients send a keep-alive every 15 s, so a minute is four missed beats."""

_ZERO = Decimal(0)


def check_kinds(kinds: Iterable[str], broker: str | None = None) -> tuple[str, ...]:
    """``kinds`` as a tuple, checked against :data:`KINDS`.

    Raises:
        ConfigurationError: empty, or a kind that is not one of :data:`KINDS`.
    """
    if isinstance(kinds, str):
        kinds = (kinds,)
    chosen = tuple(dict.fromkeys(kinds))
    unknown = [k for k in chosen if k not in KINDS]
    if unknown or not chosen:
        raise ConfigurationError(f"kinds must be some of {', '.join(KINDS)}; got {list(kinds)!r}", broker=broker)
    return chosen


def check_accounts(accounts: Iterable[str] | str, broker: str | None = None) -> tuple[str, ...]:
    """``accounts`` as a tuple of non-empty ids (one id alone is accepted too).

    Raises:
        ConfigurationError: no account, or one that is not non-empty text.
    """
    if isinstance(accounts, str):
        accounts = (accounts,)
    chosen = tuple(dict.fromkeys(accounts))
    if not chosen or not all(isinstance(a, str) and a.strip() for a in chosen):
        raise ConfigurationError("accounts must be one or more non-empty account ids", broker=broker)
    return chosen


def _position_key(position: Position) -> tuple[Decimal, Decimal | None]:
    return position.quantity, position.average_price


def _balance_key(balance: Balance) -> tuple[Any, ...]:
    return balance.currency, balance.cash, balance.buying_power, balance.equity


@attrs.define
class _Account:
    """What the feed has delivered for one account."""

    orders: dict[str, BrokerOrder] = attrs.Factory(dict)
    positions: dict[str, Position] = attrs.Factory(dict)
    balance: Balance | None = None
    fill_ids: set[str] = attrs.Factory(set)
    last_fill_time: dt.datetime | None = None
    synced: bool = False
    gap_open: bool = False
    whole_at: dt.datetime | None = None


class Feed:
    """The state of one feed: what it has delivered per account, and whether it is whole.

    Args:
        broker: the broker's name (stamped on every event).
        accounts: the accounts the feed covers.
        kinds: the kinds of ordinary events to yield (a subset of :data:`KINDS`); markers
            (:class:`Gap`, :class:`Resynced`) are always yielded. Kinds not asked for are
            still tracked, so a repair is computed the same way.
        watchdog: seconds of silence before :meth:`check_silence` reports a gap
            (default :data:`DEFAULT_WATCHDOG`); ``None`` turns the watchdog off.
        wall: the wall clock stamped as ``received_at`` (timezone-aware).
        monotonic: the clock the watchdog measures silence with, in seconds.

    Raises:
        ConfigurationError: bad ``accounts``, ``kinds`` or ``watchdog``.
    """

    def __init__(
        self,
        broker: str,
        accounts: Iterable[str] | str,
        *,
        kinds: Iterable[str] = KINDS,
        watchdog: float | None = DEFAULT_WATCHDOG,
        wall: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if watchdog is not None and (isinstance(watchdog, bool) or not watchdog > 0):
            raise ConfigurationError(f"watchdog must be a positive number of seconds, got {watchdog!r}", broker=broker)
        self.broker = broker
        self.accounts = check_accounts(accounts, broker)
        self.kinds = check_kinds(kinds, broker)
        self.watchdog = watchdog
        self._wall = wall
        self._monotonic = monotonic
        self._seq = 0
        self._state = {account: _Account() for account in self.accounts}
        self._heard_at = monotonic()
        self.duplicates_dropped = 0
        """Fills the feed heard again and did not deliver (a count, for reports)."""
        self.stale_reports = 0
        """Order reports that changed nothing (late, repeated or out of order)."""
        self.differences_found = 0
        """Changes an :meth:`audit` found that the stream had not delivered (a count)."""

    # -- bookkeeping -------------------------------------------------------------------------

    @property
    def seq(self) -> int:
        """The ``seq`` of the last event produced (0 before the first)."""
        return self._seq

    def _account(self, account: str) -> _Account:
        try:
            return self._state[account]
        except KeyError:
            raise ValueError(f"account {account!r} is not covered by this feed") from None

    def _envelope(self, account: str, source: Source, raw: Any) -> dict[str, Any]:
        self._seq += 1
        return {
            "broker": self.broker,
            "account": account,
            "seq": self._seq,
            "received_at": self._wall(),
            "source": source,
            "raw": raw,
        }

    def needs_resync(self, account: str) -> bool:
        """``True`` before the first trusted snapshot and while a :class:`Gap` is open."""
        state = self._account(account)
        return state.gap_open or not state.synced

    def fills_since(self, account: str, margin: dt.timedelta = dt.timedelta(minutes=1)) -> dt.datetime | None:
        """Where the next read of fills may start: ``margin`` before the newest fill delivered
        (fills already delivered are dropped again by id), or ``None`` before any fill."""
        last = self._account(account).last_fill_time
        return None if last is None else last - margin

    def known_orders(self, account: str) -> dict[str, BrokerOrder]:
        """The feed's current view of the account's orders, by order id (a copy)."""
        return dict(self._account(account).orders)

    def known_positions(self, account: str) -> dict[str, Position]:
        """The feed's current view of the account's open positions, by instrument (a copy)."""
        return dict(self._account(account).positions)

    # -- pushed or polled facts --------------------------------------------------------------

    def order(self, order: BrokerOrder, *, source: Source = Source.PUSH, raw: Any = None) -> list[Event]:
        """Fold one order report in; an :class:`OrderEvent` when it changed the view."""
        state = self._account(order.account)
        current = state.orders.get(order.order_id)
        merged = order if current is None else apply_report(current, order)
        if current is not None and merged == current:
            self.stale_reports += 1
            return []
        state.orders[order.order_id] = merged
        if "order" not in self.kinds:
            return []
        return [OrderEvent(order=merged, **self._envelope(order.account, source, order.raw if raw is None else raw))]

    def fill(self, fill: Fill, *, source: Source = Source.PUSH, raw: Any = None) -> list[Event]:
        """A :class:`FillEvent` unless a fill with this ``fill_id`` was delivered before."""
        state = self._account(fill.account)
        if fill.fill_id in state.fill_ids:
            self.duplicates_dropped += 1
            return []
        state.fill_ids.add(fill.fill_id)
        if fill.time is not None and (state.last_fill_time is None or fill.time > state.last_fill_time):
            state.last_fill_time = fill.time
        if "fill" not in self.kinds:
            return []
        return [FillEvent(fill=fill, **self._envelope(fill.account, source, fill.raw if raw is None else raw))]

    def position(self, position: Position, *, source: Source = Source.PUSH, raw: Any = None) -> list[Event]:
        """A :class:`PositionEvent` when the position's size or average price changed; a
        position with ``quantity == 0`` closes it (reported once)."""
        state = self._account(position.account)
        current = state.positions.get(position.instrument)
        if position.quantity == _ZERO:
            if current is None:
                return []
            del state.positions[position.instrument]
        elif current is not None and _position_key(current) == _position_key(position):
            return []
        else:
            state.positions[position.instrument] = position
        if "position" not in self.kinds:
            return []
        body = position.raw if raw is None else raw
        return [PositionEvent(position=position, **self._envelope(position.account, source, body))]

    def balance(self, balance: Balance, *, source: Source = Source.PUSH, raw: Any = None) -> list[Event]:
        """A :class:`BalanceEvent` when the account's money changed."""
        state = self._account(balance.account)
        if state.balance is not None and _balance_key(state.balance) == _balance_key(balance):
            return []
        state.balance = balance
        if "balance" not in self.kinds:
            return []
        return [
            BalanceEvent(
                balance=balance, **self._envelope(balance.account, source, balance.raw if raw is None else raw)
            )
        ]

    # -- gaps and repairs --------------------------------------------------------------------

    def gap(self, reason: str, *, accounts: Iterable[str] | None = None) -> list[Event]:
        """Something may have been missed: one :class:`Gap` per account that has none open."""
        events: list[Event] = []
        for account in self.accounts if accounts is None else accounts:
            state = self._account(account)
            if state.gap_open:
                continue
            state.gap_open = True
            events.append(Gap(reason=reason, since=state.whole_at, **self._envelope(account, Source.RESYNC, None)))
        return events

    def heard(self) -> None:
        """The stream said something (any frame, a keep-alive included): reset the watchdog."""
        self._heard_at = self._monotonic()

    def check_silence(self) -> list[Event]:
        """A :class:`Gap` per account when nothing was heard for longer than ``watchdog``."""
        if self.watchdog is None:
            return []
        quiet = self._monotonic() - self._heard_at
        if quiet <= self.watchdog:
            return []
        return self.gap(f"the stream was silent for {quiet:.0f} s (watchdog {self.watchdog:g} s)")

    def mark_whole(self, account: str) -> None:
        """A push for ``account`` arrived on a stream that is in sync: it was whole until now."""
        state = self._account(account)
        if state.synced and not state.gap_open:
            state.whole_at = self._wall()

    def lookups(self, snapshot: AccountSnapshot) -> list[str]:
        """Orders whose state must be read (``get_order``) and passed to :meth:`reconcile`:
        those the feed holds as working that are absent from ``snapshot``'s open orders (they
        ended while the feed was not looking), then those of fills not yet delivered that
        are neither open nor known to have ended (an order that filled between two reads).
        Empty when open orders are missing."""
        if snapshot.missing_part("open_orders") is not None:
            return []
        ids = self._vanished(snapshot)
        if snapshot.missing_part("fills") is None:
            state = self._account(snapshot.account)
            open_ids = {o.order_id for o in snapshot.open_orders}
            for fill in snapshot.fills:
                held = state.orders.get(fill.order_id)
                if fill.fill_id in state.fill_ids or fill.order_id in open_ids or fill.order_id in ids:
                    continue
                if held is None or not held.status.is_terminal:
                    ids.append(fill.order_id)
        return ids

    def _vanished(self, snapshot: AccountSnapshot) -> list[str]:
        open_ids = {o.order_id for o in snapshot.open_orders}
        held = self._account(snapshot.account).orders.values()
        return [o.order_id for o in held if not o.status.is_terminal and o.order_id not in open_ids]

    def audit(self, snapshot: AccountSnapshot, finished: Sequence[BrokerOrder] = ()) -> list[Event]:
        """Compare a pushed feed with a read it did not need: where they agree, nothing; where
        the read shows something the stream did not deliver (a push lost without a
        disconnection, two pushes swapped), a :class:`Gap` saying so, the differences with
        source ``resync``, then :class:`Resynced` — the stream is not trusted silently."""
        account = snapshot.account
        if self.needs_resync(account):
            return self.reconcile(snapshot, finished)
        state = self._account(account)
        saved = attrs.evolve(
            state,
            orders=dict(state.orders),
            positions=dict(state.positions),
            fill_ids=set(state.fill_ids),
        )
        seq, dropped, stale = self._seq, self.duplicates_dropped, self.stale_reports
        trial = self.reconcile(snapshot, finished)
        if not any(isinstance(e, OrderEvent | FillEvent | PositionEvent | BalanceEvent) for e in trial):
            return trial
        differences = sum(isinstance(e, OrderEvent | FillEvent | PositionEvent | BalanceEvent) for e in trial)
        self._state[account], self._seq = saved, seq  # undo the trial, then report it honestly
        self.duplicates_dropped, self.stale_reports = dropped, stale
        self.differences_found += differences
        gap = self.gap(f"an audit read found {differences} change(s) the stream did not deliver", accounts=(account,))
        return gap + self.reconcile(snapshot, finished)

    def reconcile(
        self, snapshot: AccountSnapshot, finished: Sequence[BrokerOrder] = (), *, source: Source = Source.POLL
    ) -> list[Event]:
        """Compare ``snapshot`` (and the final state of the orders :meth:`lookups` named) with
        what was delivered, and return the differences as events.

        While the account is in sync the events have ``source`` (``poll``; ``push`` when a
        broker's push, such as a Sophic webhook, only says *that* something changed and the
        read tells *what*). When it needs a resync
        (at start or after a :class:`Gap`) they have source ``resync`` and, if the snapshot
        is trusted, a :class:`Resynced` follows them. Trusted means: every part the chosen
        kinds need was read (a part the broker cannot give at all, :class:`NotSupported`,
        does not count against it) and every vanished order's final state is known.
        Otherwise a :class:`Gap` is opened (or stays open) and the next snapshot tries again.
        Parts that were read are compared even then: what they say is true.
        """
        account = snapshot.account
        state = self._account(account)
        source = Source.RESYNC if self.needs_resync(account) else source
        events: list[Event] = []
        if snapshot.missing_part("open_orders") is None:
            for order in (*snapshot.open_orders, *finished):
                events += self.order(order, source=source)
        if snapshot.missing_part("positions") is None:
            present = {p.instrument for p in snapshot.positions}
            for instrument, held in list(state.positions.items()):
                if instrument not in present:
                    closed = attrs.evolve(held, quantity=_ZERO, average_price=None, raw=None)
                    events += self.position(closed, source=source)
            for position in snapshot.positions:
                events += self.position(position, source=source)
        if snapshot.missing_part("balances") is None and snapshot.balances is not None:
            events += self.balance(snapshot.balances, source=source)
        if snapshot.missing_part("fills") is None:
            for fill in snapshot.fills:
                events += self.fill(fill, source=source)
        doubts = self._doubts(snapshot, finished)
        if doubts:
            return events + self.gap(doubts, accounts=(account,))
        if source is Source.RESYNC:
            state.synced, state.gap_open = True, False
            events.append(Resynced(snapshot=snapshot, **self._envelope(account, Source.RESYNC, None)))
        state.whole_at = snapshot.taken_at
        return events

    def _doubts(self, snapshot: AccountSnapshot, finished: Sequence[BrokerOrder]) -> str:
        """Why ``snapshot`` cannot be trusted as whole for the chosen kinds ('' when it can)."""
        reasons = []
        for kind in self.kinds:
            missing = snapshot.missing_part(PART_OF_KIND[kind])
            if missing is not None and not isinstance(missing.error, NotSupported):
                reasons.append(f"{missing.part}: {missing.reason}")
        if "order" in self.kinds:
            answered = {o.order_id for o in finished}
            vanished = self._vanished(snapshot) if snapshot.missing_part("open_orders") is None else []
            unresolved = [i for i in vanished if i not in answered]
            if unresolved:
                reasons.append(f"the final state of {len(unresolved)} order(s) that left the open orders is unknown")
        return "; ".join(reasons)


__all__ = ["DEFAULT_WATCHDOG", "PART_OF_KIND", "Feed", "check_accounts", "check_kinds"]
