"""One order state machine for every broker: :class:`OrderStatus`, its transition table, the
per-broker :class:`StatusTable` that translates a broker's own word, and :func:`merge_status`,
the rule :func:`orderbridge._reports.apply_report` folds a late or out-of-order report with.

Nothing here names a broker: each broker package holds its :class:`StatusTable` as data (the
vendor's values, the normalized status of each, the vendor page they come from).
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

log = logging.getLogger("orderbridge")


class OrderStatus(enum.StrEnum):
    """Where an order stands, in the same words at every broker.

    Each broker's own word is kept beside it (:attr:`BrokerOrder.broker_status`); the table
    from one to the other is data in each broker's package, citing the vendor's page.

    Values:
        pending_new: the broker holds the order but it is not live at the market yet (sent,
            queued, held, or waiting for a parent order).
        open: live, nothing filled yet (or the broker does not say how much).
        partially_filled: live, some quantity filled.
        filled: done and executed. Where a broker ends a partly executed order as filled
            (TradeStation ``FLP``, Sophic), ``filled_quantity`` may be below ``quantity``.
        pending_cancel: a cancel was asked for and is not confirmed; the order may still fill.
        cancelled: done, the rest will never fill (``filled_quantity`` may be above zero).
        rejected: refused by the broker or the market; never worked. Not the same as cancelled.
        expired: done because its time in force ran out.
        replaced: done because a cancel/replace created a new order under a new id
            (TradeStation); follow the new id.
        unknown: the broker's word is not one it documents (or documents as meaningless); a
            warning was logged. Treat the order as possibly working.
    """

    PENDING_NEW = "pending_new"
    OPEN = "open"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    PENDING_CANCEL = "pending_cancel"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    EXPIRED = "expired"
    REPLACED = "replaced"
    UNKNOWN = "unknown"

    @property
    def is_terminal(self) -> bool:
        """``True`` for filled, cancelled, rejected, expired and replaced: nothing more will
        happen to this order id."""
        return self in _TERMINAL

    @property
    def is_working(self) -> bool:
        """``True`` for pending_new, open, partially_filled and pending_cancel: the order may
        still fill. ``unknown`` is neither working nor terminal; a kill switch should treat it
        as working."""
        return self in _WORKING

    def can_follow(self, previous: OrderStatus) -> bool:
        """Whether a report of this status may legitimately come after ``previous``.

        A status may always repeat itself (a second report of the same state, perhaps with a
        larger fill). ``unknown`` may follow anything and anything may follow it, because it
        says nothing. Terminal statuses are followed by nothing else. The table:

        ============== ==========================================================================
        previous       may be followed by
        ============== ==========================================================================
        pending_new    open, partially_filled, filled, pending_cancel, cancelled, rejected,
                       expired, replaced
        open           partially_filled, filled, pending_cancel, cancelled, rejected, expired,
                       replaced
        partially_     filled, pending_cancel, cancelled, expired, replaced
        filled
        pending_cancel open / partially_filled (the cancel was refused or came too late),
                       filled (a pending cancel that ends filled), cancelled, expired
        ============== ==========================================================================
        """
        if self is previous or OrderStatus.UNKNOWN in (self, previous):
            return True
        return self in _TRANSITIONS[previous]


_TERMINAL = frozenset(
    {OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED, OrderStatus.EXPIRED, OrderStatus.REPLACED}
)
_WORKING = frozenset(
    {OrderStatus.PENDING_NEW, OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED, OrderStatus.PENDING_CANCEL}
)
_S = OrderStatus
_TRANSITIONS: Mapping[OrderStatus, frozenset[OrderStatus]] = MappingProxyType(
    {
        _S.PENDING_NEW: frozenset(
            {_S.OPEN, _S.PARTIALLY_FILLED, _S.FILLED, _S.PENDING_CANCEL, _S.CANCELLED, _S.REJECTED, _S.EXPIRED}
            | {_S.REPLACED}
        ),
        _S.OPEN: frozenset(
            {_S.PARTIALLY_FILLED, _S.FILLED, _S.PENDING_CANCEL, _S.CANCELLED, _S.REJECTED, _S.EXPIRED, _S.REPLACED}
        ),
        _S.PARTIALLY_FILLED: frozenset({_S.FILLED, _S.PENDING_CANCEL, _S.CANCELLED, _S.EXPIRED, _S.REPLACED}),
        _S.PENDING_CANCEL: frozenset({_S.OPEN, _S.PARTIALLY_FILLED, _S.FILLED, _S.CANCELLED, _S.EXPIRED}),
        _S.FILLED: frozenset(),
        _S.CANCELLED: frozenset(),
        _S.REJECTED: frozenset(),
        _S.EXPIRED: frozenset(),
        _S.REPLACED: frozenset(),
        _S.UNKNOWN: frozenset(OrderStatus),
    }
)
"""The one transition table (previous -> the statuses that may follow it)."""


def _words(value: Mapping[str | int, OrderStatus]) -> Mapping[str | int, OrderStatus]:
    return MappingProxyType(dict(value))


def _names(value: Mapping[int, str]) -> Mapping[int, str]:
    return MappingProxyType(dict(value))


@attrs.frozen
class StatusTable:
    """One broker's status words and the :class:`OrderStatus` each means.

    Attributes:
        broker: the broker name, for warnings.
        source: the vendor document the words come from (page title or URL).
        words: broker word -> :class:`OrderStatus`. Integer codes (TopstepX) are keyed by
            their integer; text is matched exactly first, then ignoring case (the brokers'
            frameworks ignore case too).
        names: for integer codes, the vendor's name of each (TopstepX ``1`` is ``OPEN``),
            used as :attr:`BrokerOrder.broker_status`.
    """

    broker: str
    source: str
    words: Mapping[str | int, OrderStatus] = attrs.field(converter=_words)
    names: Mapping[int, str] = attrs.field(factory=dict, converter=_names)
    _folded: Mapping[str, OrderStatus] = attrs.field(init=False, repr=False)

    @_folded.default
    def _fold(self) -> Mapping[str, OrderStatus]:
        return MappingProxyType({k.casefold(): v for k, v in self.words.items() if isinstance(k, str)})

    def word(self, value: object) -> str:
        """The broker's word for ``value`` as text: the vendor's name of an integer code,
        else the value itself (at most 64 characters); ``""`` for ``None``."""
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool) and value in self.names:
            return self.names[value]
        return str(value)[:64]

    def normalize(self, word: object) -> tuple[OrderStatus, str | None]:
        """The :class:`OrderStatus` for the broker's ``word`` and the warning to attach when
        the word is not one the vendor documents (``None`` when it is). Never raises: an
        unknown, missing or malformed word is :attr:`OrderStatus.UNKNOWN`, logged at WARNING."""
        if isinstance(word, bool):
            word = str(word)
        if isinstance(word, int) and word in self.words:
            return self.words[word], None
        if isinstance(word, str):
            found = self.words.get(word)
            if found is None:
                found = self._folded.get(word.strip().casefold())
            if found is not None:
                return found, None
        shown = repr(word)[:40]
        text = f"status {shown} is not a documented {self.broker} order status; reported as 'unknown'"
        log.warning("[%s] %s", self.broker, text)
        return OrderStatus.UNKNOWN, text


def refine(status: OrderStatus, filled: Decimal | None) -> OrderStatus:
    """``open`` with a positive ``filled`` quantity is ``partially_filled`` (brokers such as
    TopstepX keep one "Open" word and report the fill beside it)."""
    if status is OrderStatus.OPEN and filled is not None and filled > 0:
        return OrderStatus.PARTIALLY_FILLED
    return status


def merge_status(current: OrderStatus, reported: OrderStatus) -> OrderStatus:
    """The status after a report: ``reported`` when it may follow ``current``
    (:meth:`OrderStatus.can_follow`), else ``current`` (a late report never moves an order
    backwards). An ``unknown`` report never replaces a known status."""
    if reported is OrderStatus.UNKNOWN:
        return current
    return reported if reported.can_follow(current) else current


__all__ = ["OrderStatus", "StatusTable", "merge_status", "refine"]
