"""One order to many accounts: :meth:`Session.place_orders` and its async twin.

Copy trading runs the same order (or a per-account size of it) on many accounts at once. Every
item is one ordinary :meth:`~orderbridge.Session.place_order`, with its own client order id and
exactly the outcome rules and retries of that call: nothing is retried beyond what
``place_order`` itself does, and one account's refusal or lost answer never stops, delays or
repeats another. The result list holds, in the order of the placements, each item's
:class:`~orderbridge.PlacedOrder` or the :class:`~orderbridge.OrderbridgeError` that
``place_order`` would have raised for it (:class:`~orderbridge.OrderRejected`,
:class:`~orderbridge.OutcomeUnknown`, :class:`~orderbridge.InvalidOrder`, ...).
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from ._errors import InvalidOrder, OrderbridgeError, OrderRejected, OutcomeUnknown
from ._models import Order, PlacedOrder, new_client_order_id, with_client_order_id

PlacementResult = PlacedOrder | OrderbridgeError
"""One item's result: the :class:`PlacedOrder`, or the error ``place_order`` would have raised.
Test with ``isinstance(result, ob.PlacedOrder)``; an :class:`OutcomeUnknown` carries the
``client_order_id`` to :meth:`~orderbridge.Session.resolve` before that account is tried again."""

DEFAULT_MAX_IN_FLIGHT = 20
"""Placements the async twin keeps in flight at once unless told otherwise: 20 copy-trading
accounts go out together, within every broker's burst (CrossTrade's is 20) and the session's
20 kept-alive connections."""


class Severity(enum.IntEnum):
    """How bad one placement's result is, worst last (the CLI's exit code is the worst)."""

    PLACED = 0
    INVALID = 1
    REJECTED = 2
    FAILED = 3
    UNKNOWN = 4


def severity(result: PlacementResult) -> Severity:
    """The :class:`Severity` of one result: an order that may exist outranks every refusal."""
    if isinstance(result, PlacedOrder):
        return Severity.PLACED
    if isinstance(result, OutcomeUnknown) or result.order_may_exist:
        return Severity.UNKNOWN
    if isinstance(result, OrderRejected):
        return Severity.REJECTED
    if isinstance(result, InvalidOrder):
        return Severity.INVALID
    return Severity.FAILED


def plan(placements: Sequence[tuple[str, Order]]) -> list[tuple[str, Order] | InvalidOrder]:
    """Check the whole list before anything is sent and give every item its client order id.

    An item that is not an ``(account, Order)`` pair, or whose order repeats a client order id
    an earlier item already carries, becomes an :class:`InvalidOrder` result (nothing is sent
    for it); the other items go ahead.

    Raises:
        InvalidOrder: ``placements`` is not a sequence (a string, a generator...).
    """
    if isinstance(placements, (str, bytes)) or not isinstance(placements, Sequence):
        raise InvalidOrder(
            f"placements must be a sequence of (account, Order) pairs, got {type(placements).__name__}",
            field="placements",
        )
    seen: dict[str, int] = {}
    planned: list[tuple[str, Order] | InvalidOrder] = []
    for index, item in enumerate(placements):
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Order)):
            planned.append(InvalidOrder(f"placements[{index}] is not an (account, Order) pair", field="placements"))
            continue
        account, order = item
        cid = order.client_order_id
        if cid is None:
            order = with_client_order_id(order, new_client_order_id())
        elif cid in seen:
            planned.append(
                InvalidOrder(
                    f"placements[{index}] repeats the client order id of placements[{seen[cid]}]; "
                    "each placement needs its own",
                    field="client_order_id",
                )
            )
            continue
        else:
            seen[cid] = index
        planned.append((account, order))
    return planned


def run_sync(place: Callable[..., PlacedOrder], placements: Sequence[tuple[str, Order]]) -> list[PlacementResult]:
    """Place each planned item in turn with ``place(order, account=...)``."""
    results: list[PlacementResult] = []
    for item in plan(placements):
        if isinstance(item, InvalidOrder):
            results.append(item)
            continue
        account, order = item
        try:
            results.append(place(order, account=account))
        except OrderbridgeError as error:
            results.append(error)
    return results


async def run_async(
    place: Callable[..., Awaitable[PlacedOrder]],
    placements: Sequence[tuple[str, Order]],
    max_in_flight: int,
) -> list[PlacementResult]:
    """Place the planned items concurrently, at most ``max_in_flight`` at once."""
    import asyncio

    if not isinstance(max_in_flight, int) or isinstance(max_in_flight, bool) or max_in_flight < 1:
        raise InvalidOrder(f"max_in_flight must be a positive integer, got {max_in_flight!r}", field="max_in_flight")
    planned = plan(placements)
    gate = asyncio.Semaphore(max_in_flight)

    async def one(item: tuple[str, Order] | InvalidOrder) -> PlacementResult:
        if isinstance(item, InvalidOrder):
            return item
        account, order = item
        async with gate:
            try:
                return await place(order, account=account)
            except OrderbridgeError as error:
                return error

    return list(await asyncio.gather(*(one(item) for item in planned)))


class SyncFanOut:
    """``place_orders`` for :class:`~orderbridge.Session`."""

    place_order: Callable[..., Any]

    def place_orders(self, placements: Sequence[tuple[str, Order]]) -> list[PlacementResult]:
        """Place one order per ``(account, order)`` pair; one result per pair, in order.

        Runs the placements **one after another** on this session's connection pool (use
        :meth:`AsyncSession.place_orders` to send them concurrently). Each is exactly
        :meth:`place_order`: its own client order id (generated when the order has none), the
        broker's documented budget (a placement waits for its turn while its deadline allows),
        and no retry beyond ``place_order``'s own.

        Args:
            placements: ``[(account, Order), ...]``; per-account sizing is just a different
                ``Order`` per pair. Two pairs may not carry the same ``client_order_id``.

        Returns:
            For each pair, the :class:`PlacedOrder`, or the error ``place_order`` would have
            raised: :class:`OrderRejected` (nothing placed), :class:`OutcomeUnknown` (the order
            may exist: ``resolve(error.client_order_id, account=...)`` before retrying that
            account), :class:`InvalidOrder` / :class:`NotSupported` (nothing sent),
            :class:`RateLimited`, :class:`BrokerUnavailable`, :class:`AuthenticationError`
            (nothing placed). Nothing is raised for one pair's failure.

        Raises:
            InvalidOrder: ``placements`` is not a sequence; nothing is sent.
        """
        return run_sync(self.place_order, placements)


class AsyncFanOut:
    """``place_orders`` for :class:`~orderbridge.AsyncSession`."""

    place_order: Callable[..., Awaitable[PlacedOrder]]

    async def place_orders(
        self, placements: Sequence[tuple[str, Order]], *, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT
    ) -> list[PlacementResult]:
        """Async twin of :meth:`Session.place_orders` that sends the placements **concurrently**:
        at most ``max_in_flight`` at once, and never faster than the broker's budget allows
        (each placement spends from it before it is sent). Results come back in the order of
        ``placements`` whatever order the answers arrive in.

        Raises:
            InvalidOrder: ``placements`` is not a sequence, or ``max_in_flight`` < 1.
        """
        return await run_async(self.place_order, placements, max_in_flight)


__all__ = ["DEFAULT_MAX_IN_FLIGHT", "AsyncFanOut", "PlacementResult", "Severity", "SyncFanOut", "severity"]
