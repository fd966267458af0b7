"""What a live feed yields: :class:`OrderEvent`, :class:`FillEvent`, :class:`PositionEvent`,
:class:`BalanceEvent`, and the two markers of honesty, :class:`Gap` and :class:`Resynced`.

Every event carries the same envelope (:class:`Event`): which broker and account, a gapless
``seq`` per feed, when the feed received it, how it learned it (:class:`Source`) and the
broker's own payload. Nothing here names a broker.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ._account import Balance, Fill, Position
from ._adapter import BrokerOrder
from ._snapshot import AccountSnapshot

KINDS = ("order", "fill", "position", "balance")
"""The kinds of ordinary events a feed can yield (the ``kinds`` argument of ``events``)."""


class Source(enum.StrEnum):
    """How the feed learned what an event says.

    Values:
        push: the broker sent it on its own (TopstepX user hub, a Sophic webhook).
        poll: the feed compared two reads of the account while it was in sync.
        resync: the feed compared the broker's state with what it had delivered, after a
            :class:`Gap` or at start; a :class:`Resynced` marker follows these events.
    """

    PUSH = "push"
    POLL = "poll"
    RESYNC = "resync"


@attrs.frozen(kw_only=True)
class Event:
    """The envelope every feed event carries.

    Attributes:
        broker: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"`` or ``"sophic"``.
        account: the account the event is about, as given to ``events(accounts=...)``.
        seq: 1, 2, 3, ... per feed, without holes: a hole in ``seq`` is a bug, never a network
            loss (losses are reported as :class:`Gap`).
        received_at: when the feed produced the event (timezone-aware, UTC).
        source: :class:`Source` — ``push``, ``poll`` or ``resync``.
        raw: the broker's payload the event was built from (a decoded hub message, the
            generated client's model of a row), or ``None`` for markers.
    """

    broker: str
    account: str
    seq: int
    received_at: dt.datetime
    source: Source
    raw: Any = attrs.field(default=None, repr=False, eq=False)

    @property
    def kind(self) -> str:
        """``"order"``, ``"fill"``, ``"position"``, ``"balance"``, ``"gap"`` or ``"resynced"``."""
        return _KIND_OF[type(self).__name__]


@attrs.frozen(kw_only=True)
class OrderEvent(Event):
    """An order changed (placed, filled in part or whole, cancelled, replaced...).

    ``order`` is the feed's current view of the order, folded with
    :func:`~orderbridge.apply_report`: its status never moves backwards along
    :meth:`~orderbridge.OrderStatus.can_follow`, and its filled quantity never shrinks.
    """

    order: BrokerOrder


@attrs.frozen(kw_only=True)
class FillEvent(Event):
    """An execution. Delivered once per ``fill.fill_id`` for the life of the feed."""

    fill: Fill


@attrs.frozen(kw_only=True)
class PositionEvent(Event):
    """A position changed. A closed position is reported once with ``quantity == 0``."""

    position: Position


@attrs.frozen(kw_only=True)
class BalanceEvent(Event):
    """The account's money changed (cash, buying power or equity)."""

    balance: Balance


@attrs.frozen(kw_only=True)
class Gap(Event):
    """Something may have been missed for this account since ``since``.

    Reasons include a dropped or reconnected stream, silence past the watchdog, a poll that
    failed, or a push the feed could not trust. Until the matching :class:`Resynced`, treat
    the account's picture as possibly stale (do not, for example, size an order from it).
    At most one :class:`Gap` is open per account: further trouble before the repair is folded
    into it.

    Attributes:
        reason: what happened, in words.
        since: the last moment the feed knew the account's picture was whole (the last good
            read or push), or ``None`` when it never was.
    """

    reason: str
    since: dt.datetime | None = None


@attrs.frozen(kw_only=True)
class Resynced(Event):
    """The feed read the account (``snapshot``), emitted every difference from what it had
    delivered as ordinary events (source ``resync``) just before this marker, and is whole
    again: the consumer's view of open orders, positions, balance and fills now equals the
    broker's (parts the broker cannot give at all, such as TradeStation's fills, excepted)."""

    snapshot: AccountSnapshot


_KIND_OF = {
    "Event": "event",
    "OrderEvent": "order",
    "FillEvent": "fill",
    "PositionEvent": "position",
    "BalanceEvent": "balance",
    "Gap": "gap",
    "Resynced": "resynced",
}

__all__ = [
    "KINDS",
    "BalanceEvent",
    "Event",
    "FillEvent",
    "Gap",
    "OrderEvent",
    "PositionEvent",
    "Resynced",
    "Source",
]
