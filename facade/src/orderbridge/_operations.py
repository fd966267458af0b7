"""The lifecycle methods of :class:`~orderbridge.Session` and :class:`~orderbridge.AsyncSession`
(modify, open orders, positions, balances, fills, close, cancel-all, flatten), as two mixins.

Each method is thin: validate the inputs, check the capability (``NotSupported`` before
anything is sent), then drive the adapter's flow — or, for the multi-step operations, a plan
from :mod:`orderbridge._lifecycle` — through the session's own ``_drive``. The money-moving
ones (modify, close, cancel-all, flatten) are never retried by the session: their calls carry
``Retry.NEVER``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ._account import Balance, Fill, FlattenReport, ItemOutcome, Modification, Position
from ._adapter import Adapter, BrokerOrder
from ._config import Settings
from ._errors import OrderbridgeError, OutcomeUnknown
from ._events import KINDS
from ._feed import DEFAULT_WATCHDOG
from ._lifecycle import (
    PlaceStep,
    Plan,
    Step,
    StepResult,
    cancel_all_plan,
    close_plan,
    close_quantity,
    flatten_plan,
    instrument_id,
    modification,
    modify_unknown,
    since_time,
)
from ._snapshot import AccountSnapshot, fills_since_arg, snapshot_plan
from ._watch import AsyncEventStream, EventStream, stream_options

if TYPE_CHECKING:
    from ._flow import Flow
    from ._models import Order, PlacedOrder

T = TypeVar("T")
_Number = Decimal | int | str | None


class _Common:
    adapter: Adapter
    settings: Settings

    if TYPE_CHECKING:

        def _ids(self, account: str, **ids: str) -> None: ...

    def _modification(self, **fields: _Number) -> Modification:
        return modification(self.adapter.capabilities, **fields)

    def _check(self, operation: str, account: str, *, emulate: bool = False) -> None:
        self._ids(account)
        self.adapter.capabilities.check_operation(operation, emulate=emulate)

    def _close_args(self, instrument: object, account: str, quantity: _Number, emulate: bool) -> Decimal | None:
        broker = self.adapter.name
        instrument_id(instrument, broker)
        self._check("close_position", account, emulate=emulate)
        return close_quantity(self.adapter.capabilities, quantity)


class SyncOperations(_Common):
    """Lifecycle methods of :class:`~orderbridge.Session`."""

    if TYPE_CHECKING:

        def _drive(self, flow: Flow[T], cid: str | None = None) -> T: ...

        def place_order(self, order: Order, *, account: str) -> PlacedOrder: ...

    def modify_order(
        self,
        order_id: str,
        *,
        account: str,
        quantity: _Number = None,
        limit_price: _Number = None,
        stop_price: _Number = None,
        trail_price: _Number = None,
    ) -> BrokerOrder:
        """Change a working order's size and/or prices. Money-moving: sent exactly once.

        Fields left ``None`` are not changed. Numbers are ``Decimal`` (or ``int``/``str``),
        never ``float``, sent with exactly the digits given. Which fields a broker can change
        is :attr:`Capabilities.modify_fields`.

        Spec operations: topstepx ``modify_order`` (``POST /api/Order/modify``, the same id);
        crosstrade ``change_order`` (``PUT .../orders/{orderId}/change``); tradestation
        ``replace_order`` (``PUT /v2/orders/{order_id}``: cancel/replace, the result carries the
        *new* ``OrderID``); sophic has none.

        Returns:
            :class:`BrokerOrder` with the order id the broker uses from now on (compare it with
            ``order_id``: TradeStation replaces the order under a new id).

        Raises:
            InvalidOrder, NotSupported: before anything is sent (bad number, a field this
                broker cannot change, no modify at all).
            OrderRejected / OrderNotFound: definitive refusal; the order is as it was.
            OutcomeUnknown: the change may have been applied; ``error.order_id`` is the id
                given — read it with :meth:`get_order` and list :meth:`open_orders` (a
                replacing broker's new order) before sending the change again.
        """
        self._ids(account, order_id=order_id)
        change = self._modification(
            quantity=quantity, limit_price=limit_price, stop_price=stop_price, trail_price=trail_price
        )
        try:
            return self._drive(self.adapter.modify(order_id, account, change, self.settings))
        except OutcomeUnknown as error:
            raise modify_unknown(error, order_id) from None

    def open_orders(self, *, account: str) -> list[BrokerOrder]:
        """The account's working orders (retried with backoff on transient failures).

        Spec operations: topstepx ``search_open_orders``; crosstrade ``list_orders`` (working
        ``orderState`` only); tradestation ``list_account_orders`` (working ``Status`` only);
        sophic ``list_pending_orders``.

        Raises:
            UnexpectedResponse: the body lacks the list or an order id.
            NotSupported, AuthenticationError, RateLimited, BrokerUnavailable, OrderRejected.
        """
        self._check("open_orders", account)
        return self._drive(self.adapter.open_orders(account, self.settings))

    def positions(self, *, account: str) -> list[Position]:
        """The account's open positions, quantity signed (long > 0, short < 0).

        Spec operations: topstepx ``search_open_positions``; crosstrade ``list_positions``;
        tradestation ``get_account_positions``; sophic ``list_positions`` (``open_only``).

        Raises:
            UnexpectedResponse: a row lacks its instrument or size, or the list is missing
                (a missing list is "unknown", never "flat").
        """
        self._check("positions", account)
        return self._drive(self.adapter.positions(account, self.settings))

    def balances(self, *, account: str) -> Balance:
        """The account's cash, buying power and equity (see :class:`Balance`; the fields
        each broker fills are documented on its adapter's ``balances`` flow).

        Spec operations: topstepx ``search_accounts`` (``balance``); crosstrade
        ``get_account`` (``item.cashValue``/``buyingPower``/``netLiquidation``); tradestation
        ``get_account_balances`` (``RealTimeAccountBalance``/``RealTimeBuyingPower``/
        ``RealTimeEquity``); sophic ``list_cash_balances`` (per currency: the account's base
        currency, from ``get_account``, when there are several).
        """
        self._check("balances", account)
        return self._drive(self.adapter.balances(account, self.settings))

    def fills(self, *, account: str, since: dt.datetime | None = None) -> list[Fill]:
        """The account's executions, oldest first, optionally only those at or after ``since``
        (a timezone-aware datetime).

        Spec operations: topstepx ``search_trades`` (voided rows skipped; without ``since``
        the last 7 days); crosstrade
        ``list_executions`` (the bridge keeps 900 s at most); sophic ``list_orders`` (the
        ``trades`` of each order); tradestation has none (``NotSupported``).
        """
        when = since_time(since, self.adapter.name)
        self._check("fills", account)
        return self._drive(self.adapter.fills(account, when, self.settings))

    def snapshot(self, *, account: str, fills_since: dt.datetime | str | None = None) -> AccountSnapshot:
        """Open orders, positions, balances and the fills since ``fills_since``, read together.

        Each part is read with the same call as its own method (:meth:`open_orders`,
        :meth:`positions`, :meth:`balances`, :meth:`fills`); a read that fails, or that this
        broker does not have (``capabilities(broker).operations``), is recorded in
        :attr:`AccountSnapshot.missing` and the other parts are still read. Check
        :attr:`AccountSnapshot.complete` before starting to trade on it.

        Args:
            account: the broker's account id.
            fills_since: a timezone-aware time (fills at or after it), the ``fill_id`` of the
                last fill already seen (fills after it), or ``None`` (every fill the broker
                returns: TopstepX the last 7 days, CrossTrade its last 900 s).

        Raises:
            InvalidOrder: a bad ``account`` or ``fills_since``; nothing was sent. Nothing else:
                every read error ends up in ``missing``.
        """
        since = fills_since_arg(fills_since, self.adapter.name)
        self._ids(account)
        return self._run(snapshot_plan(self.adapter, account, since, self.settings))

    # --- live events (issue 20) -------------------------------------------------------------
    def events(
        self,
        *,
        accounts: Iterable[str] | str,
        kinds: Iterable[str] = KINDS,
        interval: float | None = None,
        watchdog: float | None = DEFAULT_WATCHDOG,
    ) -> EventStream:
        """Hear what happens in ``accounts``: a blocking iterator of events, used as a context
        manager (``with session.events(accounts=["465"]) as stream: for event in stream: ...``).

        Yields :class:`~orderbridge.OrderEvent`, :class:`~orderbridge.FillEvent`,
        :class:`~orderbridge.PositionEvent` and :class:`~orderbridge.BalanceEvent` (those in
        ``kinds``), :class:`~orderbridge.Gap` when something may have been missed (a read
        failed) and :class:`~orderbridge.Resynced` once the picture is whole again. It starts
        with the accounts' current picture (source ``resync``: open orders, positions,
        balance, fills of the last minute) and a :class:`~orderbridge.Resynced` per account.

        This session polls: each cycle reads every account with :meth:`snapshot` (and
        :meth:`get_order` for orders that ended between two reads) and yields the
        differences. Fill latency is bounded by ``interval``.

        Args:
            accounts: the broker's account ids (one id alone is accepted).
            kinds: the ordinary events wanted, some of ``"order"``, ``"fill"``,
                ``"position"``, ``"balance"``; markers always come.
            interval: seconds between poll cycles. Default: the broker's pace per account
                (4 s at every broker, a third of the documented budget; see
                ``orderbridge/brokers/<broker>/events.py``) times the number of accounts.
                Below the broker's floor (about half its budget) is refused.
            watchdog: seconds of silence after which a pushed stream is presumed dead.

        Raises:
            ConfigurationError: bad ``accounts``, ``kinds``, ``interval`` or ``watchdog``;
                nothing was sent. Read errors never raise: they are yielded as ``Gap``.
        """
        session = cast("Any", self)
        return EventStream(session, **stream_options(accounts, kinds, interval, watchdog))

    def close_position(self, instrument: str, *, account: str, quantity: _Number = None, emulate: bool = False) -> None:
        """Close the position in ``instrument``: all of it, or ``quantity`` of it.
        Money-moving: never retried.

        Uses the broker's call where there is one (topstepx ``close_position`` /
        ``partial_close_position``, crosstrade ``close_position``). Elsewhere
        (:attr:`Capabilities.operations`) it is emulated with an opposite market order, only
        with ``emulate=True``.

        Raises:
            InvalidOrder: bad quantity, more than the open position, or no position (emulated).
            NotSupported: no close here, or emulation needed and ``emulate`` is ``False``.
            OrderRejected: definitive refusal. OutcomeUnknown: may have been applied
                (for an emulated close, ``error.client_order_id`` is the market order's id).
        """
        size = self._close_args(instrument, account, quantity, emulate)
        return self._run(close_plan(self.adapter, instrument, account, size, self.settings))

    def cancel_all_orders(self, *, account: str, emulate: bool = False) -> list[ItemOutcome]:
        """Cancel every working order of the account; one :class:`ItemOutcome` per order
        (done / refused / unknown), or one ``"*"`` item for a broker-native cancel-all
        (crosstrade ``cancel_orders``). Emulated (one cancel per open order) only with
        ``emulate=True``. Never retried; a failure of one order does not stop the others.

        Raises:
            NotSupported: before anything is sent. The errors of :meth:`open_orders` when the
                working orders could not be listed (nothing was cancelled then).
        """
        self._check("cancel_all_orders", account, emulate=emulate)
        return self._run(cancel_all_plan(self.adapter, account, self.settings))

    def flatten(self, *, account: str, emulate: bool = False) -> FlattenReport:
        """The kill switch: cancel every working order, then close every position.

        Every item is attempted and reported in the :class:`FlattenReport`, whatever happened
        to the others; it raises only before anything is sent. crosstrade is native
        (``cancel_orders`` then ``flatten_positions``); the others are emulated with single
        cancels and closes (or opposite market orders), only with ``emulate=True``.

        Raises:
            NotSupported: flatten needs emulation here and ``emulate`` is ``False``.
        """
        self._check("flatten", account, emulate=emulate)
        return self._run(flatten_plan(self.adapter, account, self.settings))

    # -- the plan driver ------------------------------------------------------------------------
    def _run(self, plan: Plan[T]) -> T:
        try:
            step = next(plan)
            while True:
                step = plan.send(self._step(step))
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]

    def _step(self, step: Step) -> StepResult:
        try:
            if isinstance(step, PlaceStep):
                return StepResult(self.place_order(step.order, account=step.account))
            return StepResult(self._drive(step))
        except OrderbridgeError as error:
            return StepResult(error=error)


class AsyncOperations(_Common):
    """Lifecycle methods of :class:`~orderbridge.AsyncSession`: the same names, awaited, with
    the same checks, flows and plans as :class:`SyncOperations`."""

    if TYPE_CHECKING:

        async def _drive(self, flow: Flow[T], cid: str | None = None) -> T: ...

        async def place_order(self, order: Order, *, account: str) -> PlacedOrder: ...

    async def modify_order(
        self,
        order_id: str,
        *,
        account: str,
        quantity: _Number = None,
        limit_price: _Number = None,
        stop_price: _Number = None,
        trail_price: _Number = None,
    ) -> BrokerOrder:
        """Async twin of :meth:`Session.modify_order`."""
        self._ids(account, order_id=order_id)
        change = self._modification(
            quantity=quantity, limit_price=limit_price, stop_price=stop_price, trail_price=trail_price
        )
        try:
            return await self._drive(self.adapter.modify(order_id, account, change, self.settings))
        except OutcomeUnknown as error:
            raise modify_unknown(error, order_id) from None

    async def open_orders(self, *, account: str) -> list[BrokerOrder]:
        """Async twin of :meth:`Session.open_orders`."""
        self._check("open_orders", account)
        return await self._drive(self.adapter.open_orders(account, self.settings))

    async def positions(self, *, account: str) -> list[Position]:
        """Async twin of :meth:`Session.positions`."""
        self._check("positions", account)
        return await self._drive(self.adapter.positions(account, self.settings))

    async def balances(self, *, account: str) -> Balance:
        """Async twin of :meth:`Session.balances`."""
        self._check("balances", account)
        return await self._drive(self.adapter.balances(account, self.settings))

    async def fills(self, *, account: str, since: dt.datetime | None = None) -> list[Fill]:
        """Async twin of :meth:`Session.fills`."""
        when = since_time(since, self.adapter.name)
        self._check("fills", account)
        return await self._drive(self.adapter.fills(account, when, self.settings))

    async def snapshot(self, *, account: str, fills_since: dt.datetime | str | None = None) -> AccountSnapshot:
        """Async twin of :meth:`Session.snapshot`."""
        since = fills_since_arg(fills_since, self.adapter.name)
        self._ids(account)
        return await self._run(snapshot_plan(self.adapter, account, since, self.settings))

    # --- live events (issue 20) -------------------------------------------------------------
    def events(
        self,
        *,
        accounts: Iterable[str] | str,
        kinds: Iterable[str] = KINDS,
        interval: float | None = None,
        watchdog: float | None = DEFAULT_WATCHDOG,
        push: bool | None = None,
        hub_url: str | None = None,
        audit: float | None = 60.0,
    ) -> AsyncEventStream:
        """Async twin of :meth:`Session.events`: ``async with session.events(accounts=[...]) as
        stream: async for event in stream: ...``.

        Where the broker pushes (TopstepX's user hub) and ``orderbridge[websocket]`` is
        installed, events come from the hub (source ``push``), each (re)connection subscribes
        again, and every gap is repaired by REST; elsewhere it polls like the sync twin.

        Args:
            push: ``None`` push where possible, ``True`` require it, ``False`` always poll.
            hub_url: the hub's URL (default ``ORDERBRIDGE_<BROKER>_HUB_URL``, else the vendor's
                hub, or ``<base_url>/hubs/user`` when only the base URL was overridden).
            audit: seconds between audit reads of a pushed feed that is in sync (``None``:
                none). The hub has no sequence numbers, so a push lost without a
                disconnection is found only by reading: the audit reports it as a ``Gap``, then
                the differences, then ``Resynced``. 60 s costs 4 reads per account a minute.
            accounts, kinds, interval, watchdog: as :meth:`Session.events`; ``watchdog`` is
                the silence (no message, keep-alives included) after which the hub is
                presumed dead: a ``Gap``, then a REST repair.

        Raises:
            ConfigurationError: as :meth:`Session.events`; ``push=True`` or ``hub_url`` where
                the broker has no hub, ``push=True`` without the extra, a bad ``hub_url``.
        """
        from ._push import push_stream  # the hub machinery loads only when asked for

        session = cast("Any", self)
        return push_stream(session, push, hub_url, audit, stream_options(accounts, kinds, interval, watchdog))

    async def close_position(
        self, instrument: str, *, account: str, quantity: _Number = None, emulate: bool = False
    ) -> None:
        """Async twin of :meth:`Session.close_position`."""
        size = self._close_args(instrument, account, quantity, emulate)
        return await self._run(close_plan(self.adapter, instrument, account, size, self.settings))

    async def cancel_all_orders(self, *, account: str, emulate: bool = False) -> list[ItemOutcome]:
        """Async twin of :meth:`Session.cancel_all_orders`."""
        self._check("cancel_all_orders", account, emulate=emulate)
        return await self._run(cancel_all_plan(self.adapter, account, self.settings))

    async def flatten(self, *, account: str, emulate: bool = False) -> FlattenReport:
        """Async twin of :meth:`Session.flatten`."""
        self._check("flatten", account, emulate=emulate)
        return await self._run(flatten_plan(self.adapter, account, self.settings))

    async def _run(self, plan: Plan[T]) -> T:
        try:
            step = next(plan)
            while True:
                step = plan.send(await self._step(step))
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]

    async def _step(self, step: Step) -> StepResult:
        try:
            if isinstance(step, PlaceStep):
                return StepResult(await self.place_order(step.order, account=step.account))
            return StepResult(await self._drive(step))
        except OrderbridgeError as error:
            return StepResult(error=error)
