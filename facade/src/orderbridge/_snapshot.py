"""A consistent picture of one account: :class:`AccountSnapshot` and the plan that reads it.

The plan (:func:`snapshot_plan`) yields one broker flow per part (open orders, positions,
balances, fills) and gets each back as a value or as the error it raised, like the flatten
plan of :mod:`orderbridge._lifecycle`; a part that fails, or that the broker cannot give
(``capabilities``), is recorded in :attr:`AccountSnapshot.missing` instead of stopping the
others. Nothing here names a broker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ._account import Balance, Fill, Position
from ._adapter import Adapter, BrokerOrder
from ._errors import InvalidOrder, OrderbridgeError
from ._lifecycle import Plan, StepResult
from ._models import Settings, Support
from ._reports import apply_report
from ._status import OrderStatus
from ._wire import Flow

PARTS = ("open_orders", "positions", "balances", "fills")
"""The parts of a snapshot, in the order they are read."""


@attrs.frozen(kw_only=True)
class MissingPart:
    """A part of an :class:`AccountSnapshot` that could not be read.

    Attributes:
        part: ``"open_orders"``, ``"positions"``, ``"balances"`` or ``"fills"``.
        reason: why, in words (the capability's explanation, or the error's message).
        error: the :class:`~orderbridge.OrderbridgeError` the read raised (a
            :class:`~orderbridge.NotSupported` when the broker has no such read), or ``None``
            when the read worked but its answer cannot be trusted as complete (a ``fills_since``
            fill id that is not among the fills read).
    """

    part: str
    reason: str
    error: OrderbridgeError | None = attrs.field(default=None, eq=False)


@attrs.frozen(kw_only=True)
class AccountSnapshot:
    """Open orders, positions, balances and new fills of one account, read together.

    Check :attr:`complete` before acting on it: a trading system that starts (or restarts after
    a crash) on an incomplete picture may send an order it already has. The parts are read one
    after the other, not atomically (no broker offers that): each reflects the account at some
    moment at or after :attr:`taken_at`.

    Attributes:
        broker, account: whose picture it is.
        taken_at: when the first read was sent (timezone-aware, UTC).
        open_orders: the working orders (:meth:`Session.open_orders`), each once, brought up to
            date with the fills read after them (an order those fills complete reads
            ``filled``); empty when missing.
        positions: the open positions; empty when missing.
        balances: the account's money, or ``None`` when missing.
        fills: the fills since ``fills_since`` (all the broker returns when it was ``None``),
            oldest first; empty when missing.
        missing: one :class:`MissingPart` per part that could not be read, in read order.
    """

    broker: str
    account: str
    taken_at: dt.datetime
    open_orders: tuple[BrokerOrder, ...] = ()
    positions: tuple[Position, ...] = ()
    balances: Balance | None = None
    fills: tuple[Fill, ...] = ()
    missing: tuple[MissingPart, ...] = ()

    @property
    def complete(self) -> bool:
        """``True`` when every part was read (and a ``fills_since`` fill id was found)."""
        return not self.missing

    def missing_part(self, part: str) -> MissingPart | None:
        """The :class:`MissingPart` for ``part``, or ``None`` when it was read."""
        return next((m for m in self.missing if m.part == part), None)


FillsSince = dt.datetime | str | None
"""``fills_since``: a timezone-aware time, the ``fill_id`` of the last fill already seen, or
``None`` for every fill the broker returns."""


def fills_since_arg(value: object, broker: str) -> FillsSince:
    """Check ``fills_since`` before anything is sent.

    Raises:
        InvalidOrder: naming ``fills_since`` — a naive datetime, an empty id, another type.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidOrder("fills_since must be a timezone-aware datetime", field="fills_since", broker=broker)
        return value
    if isinstance(value, str) and value.strip() and len(value) <= 255 and value.isprintable():
        return value
    raise InvalidOrder(
        "fills_since must be a timezone-aware datetime or a fill id (non-empty text)",
        field="fills_since",
        broker=broker,
    )


def _after_fill(fills: list[Fill], fill_id: str) -> list[Fill] | None:
    """The fills after the one with ``fill_id`` (oldest first), or ``None`` when it is absent."""
    for index, fill in enumerate(fills):
        if fill.fill_id == fill_id:
            return fills[index + 1 :]
    return None


def _reconcile(orders: list[BrokerOrder], fills: list[Fill]) -> tuple[BrokerOrder, ...]:
    """The open orders, each once, brought up to date with the fills read after them.

    A row the broker repeated is folded into the first with :func:`apply_report` (it never
    counts twice). Then, where the fills read (all of them, before any ``fills_since`` cut)
    add up to more than an order reports, that order is brought forward through the same rule:
    ``partially_filled``, or ``filled`` once the fills cover its quantity. Nothing moves
    backwards and no fill is lost, whichever read came first.
    """
    merged: dict[str, BrokerOrder] = {}
    for order in orders:
        seen = merged.get(order.order_id)
        merged[order.order_id] = order if seen is None else apply_report(seen, order)
    totals: dict[str, Decimal] = {}
    for fill in fills:
        totals[fill.order_id] = totals.get(fill.order_id, Decimal(0)) + fill.quantity
    for order_id, order in merged.items():
        total = totals.get(order_id)
        if total is None or total <= (order.filled_quantity or 0):
            continue
        done = order.quantity is not None and total >= order.quantity
        report = attrs.evolve(
            order,
            status=OrderStatus.FILLED if done else OrderStatus.PARTIALLY_FILLED,
            filled_quantity=total,
            average_fill_price=None,
        )
        merged[order_id] = apply_report(order, report)
    return tuple(merged.values())


def snapshot_plan(
    adapter: Adapter,
    account: str,
    since: FillsSince,
    settings: Settings,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> Plan[AccountSnapshot]:
    """Read every part, recording the ones that fail or that the broker cannot give.

    A part whose operation is :attr:`Support.NO` is missing with a
    :class:`~orderbridge.NotSupported` and costs no request. ``since`` as a fill id reads
    the broker's default window and keeps the fills after that one; if it is not in the
    window, every fill read is kept and the part is marked missing (the caller cannot tell
    new from seen).
    """
    caps = adapter.capabilities
    taken_at = now()
    missing: list[MissingPart] = []
    when = since if isinstance(since, dt.datetime) else None
    flows: dict[str, Callable[[], Flow[Any]]] = {
        "open_orders": lambda: adapter.open_orders(account, settings),
        "positions": lambda: adapter.positions(account, settings),
        "balances": lambda: adapter.balances(account, settings),
        "fills": lambda: adapter.fills(account, when, settings),
    }
    values: dict[str, Any] = {}
    for part in PARTS:
        support, how = caps.operations[part]
        if support is Support.NO:
            error = adapter.not_supported(part, how)
            missing.append(MissingPart(part=part, reason=error.message, error=error))
            continue
        result: StepResult = yield flows[part]()
        if result.error is not None:
            missing.append(MissingPart(part=part, reason=result.error.message, error=result.error))
        else:
            values[part] = result.value
    open_orders = _reconcile(values.get("open_orders", []), values.get("fills", []))
    positions: list[Position] = values.get("positions", [])
    balances: Balance | None = values.get("balances")
    fills: list[Fill] = values.get("fills", [])
    if isinstance(since, str) and "fills" in values:
        after = _after_fill(fills, since)
        if after is None:
            missing.append(
                MissingPart(
                    part="fills",
                    reason=f"fill {since!r} is not among the fills the broker returned; every fill read is kept",
                )
            )
        else:
            fills = after
    return AccountSnapshot(
        broker=adapter.name,
        account=account,
        taken_at=taken_at,
        open_orders=open_orders,
        positions=tuple(positions),
        balances=balances,
        fills=tuple(fills),
        missing=tuple(missing),
    )


__all__ = ["AccountSnapshot", "MissingPart", "fills_since_arg", "snapshot_plan"]
