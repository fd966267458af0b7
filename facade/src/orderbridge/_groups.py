"""Orders that travel together: brackets and OCO groups, native only.

:meth:`Session.place_bracket` places an entry with a take-profit and/or a stop-loss exit;
:meth:`Session.place_oco` places two orders where the first to fill cancels the other. Each
maps to the broker's own documented group (TopstepX ``stopLossBracket``/``takeProfitBracket``
ticks on ``Order/place``, CrossTrade ``ocoId``, TradeStation ``POST /v2/orders/groups``); a
broker without one raises :class:`~orderbridge.NotSupported` before anything is sent. Groups
are never emulated here: an emulated OCO needs live fills and a cancel race this SDK does not
own.

This module holds what every broker shares: the result types, the checks made before sending
(prices on the right side of the entry, a whole number of ticks) and the session methods. Each
broker's adapter writes its group as a flow (``place_bracket`` / ``place_oco``).
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Awaitable, Callable, Iterator
from decimal import Decimal
from typing import Any

import attrs

from ._errors import InvalidOrder, OrderbridgeError, OutcomeUnknown, group_unknown
from ._models import Order, OrderType, PlacedOrder, Side, decimal_text, to_decimal


class LegRole(enum.StrEnum):
    """What one order of a group is for."""

    ENTRY = "entry"
    TAKE_PROFIT = "take_profit"
    STOP_LOSS = "stop_loss"
    FIRST = "first"
    SECOND = "second"


@attrs.frozen(kw_only=True)
class Leg:
    """One order of a group.

    Attributes:
        role: :class:`LegRole`.
        order: the order as this SDK asked for it (absolute prices, the leg's client order id).
        result: the broker's acceptance (:class:`PlacedOrder`), its refusal of this leg
            (:class:`OrderRejected`), or ``None`` when the broker creates the leg itself later
            and reports no id for it now (TopstepX bracket exits appear when the entry fills).
    """

    role: LegRole
    order: Order
    result: PlacedOrder | OrderbridgeError | None = None

    @property
    def client_order_id(self) -> str | None:
        """The leg's client order id, when the broker carries one for it."""
        return self.order.client_order_id

    @property
    def order_id(self) -> str | None:
        """The broker's order id of the leg, when it gave one."""
        return self.result.order_id if isinstance(self.result, PlacedOrder) else None

    @property
    def placed(self) -> bool:
        """Whether the broker accepted this leg (or will create it with the group)."""
        return not isinstance(self.result, OrderbridgeError)


@attrs.frozen(kw_only=True)
class GroupResult:
    """A group the broker answered for.

    Attributes:
        broker, account: as for :class:`PlacedOrder`.
        legs: every leg in the order given, each with its own outcome.
        group_id: the broker's id for the group when it has one (CrossTrade ``ocoId``).
        raw: the broker's answer (generated model or decoded JSON).
    """

    broker: str
    account: str
    legs: tuple[Leg, ...]
    group_id: str | None = None
    raw: Any = attrs.field(default=None, repr=False, eq=False)

    @property
    def accepted(self) -> bool:
        """Whether every leg was accepted. ``False`` means some legs were refused and others
        may be working: look at each leg and cancel what you do not want."""
        return all(leg.placed for leg in self.legs)

    def leg(self, role: LegRole | str) -> Leg | None:
        """The leg with ``role``, or ``None`` when the group has none."""
        return next((leg for leg in self.legs if leg.role == role), None)


@attrs.frozen(kw_only=True)
class BracketResult(GroupResult):
    """A bracket: an entry with a take-profit and/or a stop-loss exit."""

    @property
    def entry(self) -> Leg:
        leg = self.leg(LegRole.ENTRY)
        assert leg is not None
        return leg

    @property
    def take_profit(self) -> Leg | None:
        return self.leg(LegRole.TAKE_PROFIT)

    @property
    def stop_loss(self) -> Leg | None:
        return self.leg(LegRole.STOP_LOSS)


@attrs.frozen(kw_only=True)
class BracketPlan:
    """A bracket checked before sending: the entry and its exits as orders (opposite side,
    same quantity, the take-profit a limit order, the stop-loss a stop order), each with its
    own client order id."""

    entry: Order
    take_profit: Order | None
    stop_loss: Order | None

    @property
    def legs(self) -> tuple[tuple[LegRole, Order], ...]:
        pairs = (
            (LegRole.ENTRY, self.entry),
            (LegRole.TAKE_PROFIT, self.take_profit),
            (LegRole.STOP_LOSS, self.stop_loss),
        )
        return tuple((role, order) for role, order in pairs if order is not None)

    @property
    def reference(self) -> Decimal | None:
        """The entry's own price (limit, else stop), from which exits are measured, or ``None``
        for a market entry."""
        return self.entry.limit_price if self.entry.limit_price is not None else self.entry.stop_price


def plan_bracket(entry: Order, take_profit: object, stop_loss: object, new_id: Callable[[], str]) -> BracketPlan:
    """Check a bracket and build its exit orders.

    Raises:
        InvalidOrder: naming the field — neither exit given, a price that is not a positive
            number, an exit on the wrong side of the entry's price (a buy's take-profit must be
            above it and its stop-loss below; a sell's the other way round), or an entry without
            a quantity.
    """
    if not isinstance(entry, Order):
        raise InvalidOrder(f"entry must be an orderbridge.Order, got {type(entry).__name__}", field="entry")
    tp = _price(take_profit, "take_profit")
    sl = _price(stop_loss, "stop_loss")
    if tp is None and sl is None:
        raise InvalidOrder("a bracket needs take_profit, stop_loss or both", field="take_profit")
    if entry.quantity is None:
        raise InvalidOrder("a bracket entry needs a quantity (exits close that many units)", field="quantity")
    buy = entry.side is Side.BUY
    reference = entry.limit_price if entry.limit_price is not None else entry.stop_price
    if reference is not None:
        for name, price, above in (("take_profit", tp, buy), ("stop_loss", sl, not buy)):
            if price is not None and (price <= reference if above else price >= reference):
                where = "above" if above else "below"
                raise InvalidOrder(
                    f"{name} {decimal_text(price)} must be {where} the {entry.side.value} entry's price "
                    f"{decimal_text(reference)}",
                    field=name,
                )
    if tp is not None and sl is not None and (tp <= sl if buy else tp >= sl):
        raise InvalidOrder("take_profit and stop_loss are on the wrong sides of each other", field="take_profit")
    entry = entry if entry.client_order_id is not None else attrs.evolve(entry, client_order_id=new_id())
    exit_side = Side.SELL if buy else Side.BUY
    common = {"instrument": entry.instrument, "side": exit_side, "quantity": entry.quantity}
    return BracketPlan(
        entry=entry,
        take_profit=None
        if tp is None
        else Order(type=OrderType.LIMIT, limit_price=tp, client_order_id=new_id(), **common),  # type: ignore[arg-type]
        stop_loss=None if sl is None else Order(type=OrderType.STOP, stop_price=sl, client_order_id=new_id(), **common),  # type: ignore[arg-type]
    )


def plan_oco(first: Order, second: Order, new_id: Callable[[], str]) -> tuple[Order, Order]:
    """Check an OCO pair and give each order its own client order id.

    Raises:
        InvalidOrder: an order that is not an :class:`Order`, or both carrying one client order id.
    """
    for name, order in (("first", first), ("second", second)):
        if not isinstance(order, Order):
            raise InvalidOrder(f"{name} must be an orderbridge.Order, got {type(order).__name__}", field=name)
    if first.client_order_id is not None and first.client_order_id == second.client_order_id:
        raise InvalidOrder("the two orders of an OCO need their own client order ids", field="client_order_id")
    first = first if first.client_order_id is not None else attrs.evolve(first, client_order_id=new_id())
    second = second if second.client_order_id is not None else attrs.evolve(second, client_order_id=new_id())
    return first, second


def ticks(price: Decimal, reference: Decimal, tick_size: Decimal, field: str, instrument: str) -> int:
    """``price`` as a signed whole number of ticks from ``reference`` (positive above it).

    Raises:
        InvalidOrder: naming ``field`` when ``price`` is not on the instrument's tick grid (or
            not a whole number of ticks from ``reference``); nothing is rounded.
    """
    if tick_size <= 0:
        raise InvalidOrder(f"{instrument} has no usable tick size", field=field)
    if price % tick_size != 0 or (price - reference) % tick_size != 0:
        raise InvalidOrder(
            f"{field} {decimal_text(price)} is not on the {decimal_text(tick_size)} tick grid of {instrument}",
            field=field,
        )
    return int((price - reference) / tick_size)


def _price(value: object, field: str) -> Decimal | None:
    number = to_decimal(value, field)
    if number is not None and number <= 0:
        raise InvalidOrder(f"{field} must be greater than zero, got {decimal_text(number)}", field=field)
    return number


def ambiguous_group(error: OutcomeUnknown, legs: tuple[tuple[LegRole, Order], ...]) -> OutcomeUnknown:
    """``error`` carrying the client order id of every leg (``error.legs``: role -> id), so
    each one can be reconciled; the group is never sent again by this SDK."""
    return group_unknown(error, {role.value: order.client_order_id for role, order in legs})


# -- session methods ------------------------------------------------------------------------------
@attrs.frozen(kw_only=True)
class _Sending:
    """A checked group, ready for either driver: its flow, the client order id the driver
    records it under, and every leg (for :func:`ambiguous_group`)."""

    flow: Any
    cid: str | None
    legs: tuple[tuple[LegRole, Order], ...]

    @contextlib.contextmanager
    def naming_legs(self) -> Iterator[None]:
        """An :class:`OutcomeUnknown` raised inside carries every leg's client order id."""
        try:
            yield
        except OutcomeUnknown as error:
            raise ambiguous_group(error, self.legs) from error.__cause__


class _GroupSteps:
    """Checks shared by both twins (the session provides ``adapter``, ``settings``,
    ``_check_id``, ``capabilities`` and ``_record``)."""

    adapter: Any
    settings: Any
    capabilities: Any
    _check_id: Callable[[object, str], str]
    _record: Callable[[str, Order], None]

    def _bracket(self, entry: Order, account: str, take_profit: object, stop_loss: object) -> _Sending:
        from ._models import new_client_order_id

        self._supported("place_bracket")
        self._check_id(account, "account")
        plan = plan_bracket(entry, take_profit, stop_loss, new_client_order_id)
        self._check_group([order for _, order in plan.legs], account)
        flow = self.adapter.place_bracket(plan, account, self.settings)
        return _Sending(flow=flow, cid=plan.entry.client_order_id, legs=plan.legs)

    def _oco(self, first: Order, second: Order, account: str) -> _Sending:
        from ._models import new_client_order_id

        self._supported("place_oco")
        self._check_id(account, "account")
        pair = plan_oco(first, second, new_client_order_id)
        self._check_group(list(pair), account)
        legs = ((LegRole.FIRST, pair[0]), (LegRole.SECOND, pair[1]))
        return _Sending(
            flow=self.adapter.place_oco(pair, account, self.settings), cid=pair[0].client_order_id, legs=legs
        )

    def _supported(self, operation: str) -> None:
        """:class:`NotSupported` (nothing sent) unless the broker has this group natively."""
        from ._models import Support

        support, why = self.capabilities.operations[operation]
        if support is not Support.YES:
            raise self.adapter.not_supported(operation, why)

    def _check_group(self, orders: list[Order], account: str) -> None:
        for order in orders:
            self.capabilities.check(order)
            self.adapter.validate(order, account)
        for order in orders:
            self._record(account, order)


class SyncGroups(_GroupSteps):
    """``place_bracket`` and ``place_oco`` for :class:`~orderbridge.Session`."""

    _drive: Callable[..., Any]

    def place_bracket(
        self, entry: Order, *, account: str, take_profit: Decimal | None = None, stop_loss: Decimal | None = None
    ) -> BracketResult:
        """Place ``entry`` with a take-profit and/or stop-loss exit as the broker's native bracket.

        ``take_profit`` and ``stop_loss`` are absolute prices (``Decimal``); the exits are the
        opposite side for the entry's quantity, the take-profit a limit order and the
        stop-loss a stop order, live only once the entry fills, cancelling each other.

        Broker mapping (``capabilities(broker).operations["place_bracket"]``):
        TopstepX ``Order/place`` with ``takeProfitBracket`` / ``stopLossBracket`` in ticks
        from the entry's limit or stop price (the contract's ``tickSize`` from
        ``Contract/searchById``; a price off the grid is refused, naming it; the account must
        use "Auto OCO Brackets", else code 2 ``OrderRejected``); TradeStation
        ``POST /v2/orders`` with the exits as a ``BRK`` group in the entry's ``OSOs``;
        CrossTrade and Sophic: :class:`NotSupported`, nothing sent.

        Returns:
            :class:`BracketResult`: each leg's acceptance, or ``None`` for an exit the broker
            creates itself on fill (TopstepX).

        Raises:
            InvalidOrder, NotSupported: before anything is sent.
            OrderRejected: the broker refused the whole bracket; nothing was placed.
            OutcomeUnknown: the bracket may exist; ``error.legs`` maps each leg's role to its
                client order id for :meth:`resolve`. Never re-sent by this SDK.
        """
        group = self._bracket(entry, account, take_profit, stop_loss)
        with group.naming_legs():
            result: BracketResult = self._drive(group.flow, group.cid)
        return result

    def place_oco(self, first: Order, second: Order, *, account: str) -> GroupResult:
        """Place two orders as the broker's native one-cancels-other group: when one fills (even
        partly, at TradeStation) the broker cancels the other.

        Broker mapping: CrossTrade two ``orders/place`` calls carrying one new ``ocoId`` (the
        first creates the group, the second joins it; ``group_id`` is that id); TradeStation
        ``POST /v2/orders/groups`` with ``Type: OCO``; TopstepX and Sophic: :class:`NotSupported`.

        Returns:
            :class:`GroupResult` with both legs. ``accepted`` is ``False`` when the broker
            refused one leg and accepted the other (the accepted one is working alone).

        Raises:
            InvalidOrder, NotSupported: before anything is sent.
            OrderRejected: the broker refused the group; nothing was placed.
            OutcomeUnknown: the group may exist; ``error.legs`` maps ``"first"`` / ``"second"``
                to their client order ids. Never re-sent by this SDK.
        """
        group = self._oco(first, second, account)
        with group.naming_legs():
            result: GroupResult = self._drive(group.flow, group.cid)
        return result


class AsyncGroups(_GroupSteps):
    """``place_bracket`` and ``place_oco`` for :class:`~orderbridge.AsyncSession`."""

    _drive: Callable[..., Awaitable[Any]]

    async def place_bracket(
        self, entry: Order, *, account: str, take_profit: Decimal | None = None, stop_loss: Decimal | None = None
    ) -> BracketResult:
        """Async twin of :meth:`Session.place_bracket`."""
        group = self._bracket(entry, account, take_profit, stop_loss)
        with group.naming_legs():
            result: BracketResult = await self._drive(group.flow, group.cid)
        return result

    async def place_oco(self, first: Order, second: Order, *, account: str) -> GroupResult:
        """Async twin of :meth:`Session.place_oco`."""
        group = self._oco(first, second, account)
        with group.naming_legs():
            result: GroupResult = await self._drive(group.flow, group.cid)
        return result


__all__ = [
    "BracketPlan",
    "BracketResult",
    "GroupResult",
    "Leg",
    "LegRole",
    "plan_bracket",
    "plan_oco",
    "ticks",
]
