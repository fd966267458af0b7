"""The shared trading core: instruments, an order book with deterministic fills, and a ledger of
fills and net positions. Brokers keep their wire formats; the mechanics live here once.

Fill rule: a market order fills completely, at once, at the instrument's reference price (a
fixed synthetic price per instrument, so results are reproducible). Limit, stop, stop-limit and
trailing-stop orders rest as working orders until cancelled; the sandbox never moves prices, so
they never trigger.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from .clock import Clock

ZERO = Decimal(0)


class Side(enum.StrEnum):
    BUY = "buy"
    SELL = "sell"

    @property
    def sign(self) -> int:
        return 1 if self is Side.BUY else -1

    @property
    def opposite(self) -> Side:
        return Side.SELL if self is Side.BUY else Side.BUY


class Kind(enum.StrEnum):
    MARKET = "market"
    LIMIT = "limit"
    STOP = "stop"
    STOP_LIMIT = "stop_limit"
    TRAILING_STOP = "trailing_stop"


class State(enum.StrEnum):
    """Where a book order stands; each broker spells these in its own words (its status table).
    A working order with ``filled`` above zero is partially filled."""

    PENDING = "pending"  # accepted, not live yet (held, queued, waiting for a parent)
    WORKING = "working"
    PENDING_CANCEL = "pending_cancel"  # a cancel was asked for; the order may still fill
    FILLED = "filled"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    EXPIRED = "expired"
    REPLACED = "replaced"  # a cancel/replace moved it to a new order id


LIVE = frozenset({State.PENDING, State.WORKING, State.PENDING_CANCEL})
"""States in which an order may still fill."""


@dataclasses.dataclass(frozen=True)
class Instrument:
    """A tradable instrument.

    Attributes:
        symbol: the broker's instrument key.
        tick_size: minimum price increment.
        point_value: currency value of a 1.0 price move for one unit (P&L).
        price: the synthetic reference price market orders fill at.
        description: display text.
        fee: fee per unit filled.
    """

    symbol: str
    tick_size: Decimal
    point_value: Decimal
    price: Decimal
    description: str = ""
    fee: Decimal = ZERO

    def aligned(self, price: Decimal) -> bool:
        """Whether ``price`` is a whole number of ticks."""
        return (price / self.tick_size) == (price / self.tick_size).to_integral_value()


@dataclasses.dataclass
class BookOrder:
    """An order as the book tracks it. ``wire`` keeps broker-specific fields to echo back."""

    id: str
    account: str
    symbol: str
    side: Side
    kind: Kind
    quantity: Decimal
    created_at: dt.datetime
    limit_price: Decimal | None = None
    stop_price: Decimal | None = None
    client_id: str | None = None
    state: State = State.WORKING
    filled: Decimal = ZERO
    average_price: Decimal | None = None
    updated_at: dt.datetime | None = None
    wire: dict[str, Any] = dataclasses.field(default_factory=dict)
    oco: str | None = None
    """The one-cancels-other group this order belongs to (:meth:`OrderBook.link`), if any."""

    @property
    def working(self) -> bool:
        """Live: pending, working or pending cancel (it may still fill)."""
        return self.state in LIVE

    @property
    def remaining(self) -> Decimal:
        return self.quantity - self.filled


@dataclasses.dataclass(frozen=True)
class Fill:
    """One execution. ``realized`` is None for a fill that only opened or added to a position."""

    id: str
    order_id: str
    account: str
    symbol: str
    side: Side
    quantity: Decimal
    price: Decimal
    time: dt.datetime
    fees: Decimal
    realized: Decimal | None
    position_after: Decimal


@dataclasses.dataclass
class Position:
    """A net position; ``quantity`` is signed (negative = short)."""

    id: str
    account: str
    symbol: str
    quantity: Decimal
    average_price: Decimal
    opened_at: dt.datetime
    updated_at: dt.datetime

    @property
    def size(self) -> Decimal:
        return abs(self.quantity)

    @property
    def long(self) -> bool:
        return self.quantity > 0


class Ledger:
    """Fills and the net positions they produce (average-price accounting).

    Args:
        clock: time source.
        point_value: ``symbol -> currency value of a 1.0 move`` (for realized P&L).
        new_position_id: id factory for positions.
    """

    def __init__(self, clock: Clock, point_value: Callable[[str], Decimal], new_position_id: Callable[[], str]) -> None:
        self._clock = clock
        self._point_value = point_value
        self._new_position_id = new_position_id
        self.fills: list[Fill] = []
        self._positions: dict[tuple[str, str], Position] = {}
        self.closed: list[Position] = []

    def position(self, account: str, symbol: str) -> Position | None:
        return self._positions.get((account, symbol))

    def positions(self, account: str | None = None) -> list[Position]:
        return [p for (acc, _), p in self._positions.items() if account is None or acc == account]

    def record(
        self,
        *,
        fill_id: str,
        order_id: str,
        account: str,
        symbol: str,
        side: Side,
        quantity: Decimal,
        price: Decimal,
        fees: Decimal = ZERO,
    ) -> Fill:
        """Apply one fill to the position of (account, symbol) and keep it."""
        now = self._clock.now()
        key = (account, symbol)
        pos = self._positions.get(key)
        signed = quantity * side.sign
        realized: Decimal | None = None
        if pos is None:
            pos = Position(self._new_position_id(), account, symbol, signed, price, now, now)
            self._positions[key] = pos
        elif (pos.quantity > 0) == (signed > 0):
            total = pos.quantity + signed
            pos.average_price = (pos.average_price * pos.quantity + price * signed) / total
            pos.quantity = total
        else:
            closing = min(abs(signed), pos.size)
            direction = 1 if pos.long else -1
            realized = (price - pos.average_price) * closing * direction * self._point_value(symbol)
            rest = pos.quantity + signed
            if rest == 0:
                del self._positions[key]
                pos.quantity = ZERO
                self.closed.append(pos)
            elif (rest > 0) == (pos.quantity > 0):
                pos.quantity = rest
            else:  # flipped: the remainder opens a new position at the fill price
                del self._positions[key]
                self.closed.append(pos)
                pos = Position(self._new_position_id(), account, symbol, rest, price, now, now)
                self._positions[key] = pos
        pos.updated_at = now
        after = self._positions[key].quantity if key in self._positions else ZERO
        fill = Fill(fill_id, order_id, account, symbol, side, quantity, price, now, fees, realized, after)
        self.fills.append(fill)
        return fill


class OrderBook:
    """Orders of one broker plus its :class:`Ledger`.

    Args:
        clock: time source.
        instruments: ``symbol -> Instrument``.
        new_fill_id: id factory for fills.
        new_position_id: id factory for positions.
    """

    def __init__(
        self,
        clock: Clock,
        instruments: Mapping[str, Instrument],
        new_fill_id: Callable[[], str],
        new_position_id: Callable[[], str],
    ) -> None:
        self._clock = clock
        self.instruments = instruments
        self._new_fill_id = new_fill_id
        self.ledger = Ledger(clock, lambda s: instruments[s].point_value, new_position_id)
        self.orders: dict[str, BookOrder] = {}
        self._groups: dict[str, list[BookOrder]] = {}
        self._on_fill: dict[str, list[Callable[[BookOrder], Any]]] = {}
        self._by_client_id: dict[tuple[str, str], BookOrder] = {}
        """(account, client id) -> the first order recorded with it (the duplicate check's index)."""
        self.observers: list[Callable[[str, Any], None]] = []
        """Called with ``("order", BookOrder)``, ``("fill", Fill)`` or ``("position", (account,
        symbol))`` after every change (a push hub listens here)."""

    def changed(self, kind: str, subject: Any) -> None:
        """Tell the observers that ``subject`` changed (handlers that edit an order in place,
        such as a modify, call this too)."""
        for observer in list(self.observers):
            observer(kind, subject)

    def submit(self, order: BookOrder) -> BookOrder:
        """Record ``order``; a market order fills at once at the reference price, others rest."""
        order.updated_at = order.created_at
        self.orders[order.id] = order
        if order.client_id is not None:
            self._by_client_id.setdefault((order.account, order.client_id), order)
        self.changed("order", order)
        if order.kind is Kind.MARKET and order.state is State.WORKING:
            self.fill(order)
        return order

    # -- order groups: one-cancels-other and order-sends-order --------------------------------
    def link(self, group: str, order: BookOrder) -> None:
        """Put ``order`` in the one-cancels-other ``group``: once any member fills (even partly)
        the others still working are cancelled. Link before :meth:`submit`, so a member that
        fills at once already cancels the rest."""
        order.oco = group
        self._groups.setdefault(group, []).append(order)

    def when_filled(self, order: BookOrder, then: Callable[[BookOrder], Any]) -> None:
        """Call ``then(order)`` once ``order`` is completely filled (its order-sends-order
        children, TopstepX bracket exits); at once when it already is."""
        if order.state is State.FILLED:
            then(order)
        else:
            self._on_fill.setdefault(order.id, []).append(then)

    def fill(self, order: BookOrder, quantity: Decimal | None = None, price: Decimal | None = None) -> Fill:
        """Execute ``quantity`` (default: the rest) of ``order`` at ``price`` (default: reference)."""
        instrument = self.instruments[order.symbol]
        qty = order.remaining if quantity is None else quantity
        px = instrument.price if price is None else price
        fill = self.ledger.record(
            fill_id=self._new_fill_id(),
            order_id=order.id,
            account=order.account,
            symbol=order.symbol,
            side=order.side,
            quantity=qty,
            price=px,
            fees=instrument.fee * qty,
        )
        previous = order.average_price or ZERO
        order.average_price = (previous * order.filled + px * qty) / (order.filled + qty)
        order.filled += qty
        if order.filled >= order.quantity:
            order.state = State.FILLED
        order.updated_at = self._clock.now()
        self.changed("order", order)
        self.changed("fill", fill)
        self.changed("position", (order.account, order.symbol))
        if order.oco is not None:
            for other in self._groups.get(order.oco, []):
                if other is not order:
                    self.cancel(other)
        if order.state is State.FILLED:
            for then in self._on_fill.pop(order.id, []):
                then(order)
        return fill

    def cancel(self, order: BookOrder) -> bool:
        """Cancel a working order; False when it is already finished."""
        if not order.working:
            return False
        order.state = State.CANCELLED
        order.updated_at = self._clock.now()
        self.changed("order", order)
        return True

    # -- moves a test (or a scenario) drives: the states the brokers document -------------------
    def move(self, order: BookOrder, state: State) -> BookOrder:
        """Put a live ``order`` in ``state`` (hold it pending, release it, ask for its cancel,
        expire or reject it); a fill during a pending cancel still fills it (the race the
        brokers document). Raises ``ValueError`` for a finished order or a fill state (use
        :meth:`fill`)."""
        if not order.working:
            raise ValueError(f"order {order.id} is finished ({order.state})")
        if state in (State.FILLED, State.REPLACED):
            raise ValueError(f"use fill() or replace() to reach {state}")
        order.state = state
        order.updated_at = self._clock.now()
        return order

    def replace(self, order: BookOrder, new_id: str, **changes: Any) -> BookOrder:
        """Cancel/replace: ``order`` ends ``REPLACED`` and a copy under ``new_id`` with
        ``changes`` (quantity, prices, kind) takes its place, keeping its fills so far."""
        if not order.working:
            raise ValueError(f"order {order.id} is finished ({order.state})")
        now = self._clock.now()
        fresh = dataclasses.replace(order, id=new_id, created_at=now, updated_at=now, wire=dict(order.wire), **changes)
        fresh.state = State.WORKING
        order.state = State.REPLACED
        order.updated_at = now
        self.orders[fresh.id] = fresh
        return fresh

    def get(self, order_id: str) -> BookOrder | None:
        return self.orders.get(order_id)

    def find_client_id(self, account: str, client_id: str) -> BookOrder | None:
        """The first order of ``account`` sent with ``client_id`` (an index lookup, so the
        duplicate check costs the same with 100 or 20,000 orders in the book)."""
        return self._by_client_id.get((account, client_id))

    def select(
        self, account: str | None = None, symbol: str | None = None, working: bool | None = None
    ) -> list[BookOrder]:
        """Orders in creation order, filtered by account, symbol and working state."""
        return [
            o
            for o in self.orders.values()
            if (account is None or o.account == account)
            and (symbol is None or o.symbol == symbol)
            and (working is None or o.working == working)
        ]

    def exit_for(self, account: str, symbol: str, quantity: Decimal | None = None) -> tuple[Side, Decimal] | None:
        """The side and size of a market order that reduces the position by ``quantity``
        (default: all of it); None when flat."""
        pos = self.ledger.position(account, symbol)
        if pos is None:
            return None
        size = pos.size if quantity is None else min(quantity, pos.size)
        return (Side.SELL if pos.long else Side.BUY), size
