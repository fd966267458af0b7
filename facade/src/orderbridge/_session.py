"""Broker sessions: :class:`Session` (sync) and :class:`AsyncSession` (async twin), every
public verb side by side, and :func:`connect` / :func:`connect_async` / :func:`place_order`.

Each verb is thin: check the inputs and the capability (``NotSupported`` before anything is
sent), then hand the adapter's flow, or a plan from :mod:`orderbridge._lifecycle`, to the driver
(:mod:`orderbridge._driver`). Each session owns one pooled httpx client, one token and one
journal of placements; :meth:`Session.with_options` gives another view of the same ones. The
money-moving verbs (place, modify, cancel, close, cancel-all, flatten) are never retried blindly:
only where the broker deduplicates on a key we sent.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, Unpack

import httpx

from ._account import Balance, Fill, FlattenReport, ItemOutcome, Modification, Position
from ._adapter import Adapter, BrokerOrder, get_adapter
from ._config import Given, resolve_settings, with_times
from ._driver import AsyncDriver, SyncDriver
from ._errors import ConfigurationError, OutcomeUnknown, modify_unknown, placement_unknown
from ._events import KINDS
from ._fanout import AsyncFanOut, SyncFanOut
from ._feed import DEFAULT_WATCHDOG
from ._groups import AsyncGroups, SyncGroups
from ._lifecycle import (
    cancel_all_plan,
    close_plan,
    close_quantity,
    flatten_plan,
    instrument_id,
    modification,
    since_time,
)
from ._models import DOCUMENTED, BrokerDescription, Budget, Order, PlacedOrder, RateLimit, Settings
from ._snapshot import AccountSnapshot, fills_since_arg, snapshot_plan
from ._watch import AsyncEventStream, EventStream, stream_options
from .brokers import DESCRIPTIONS, describe

T = TypeVar("T")
_Number = Decimal | int | str | None


class _Verbs:
    """Input checks every verb of both twins shares."""

    adapter: Adapter
    settings: Settings
    hub_url: str | None = None
    """The push hub's URL given to :func:`connect` (``None``: the broker's default; see
    ``AsyncSession.events``)."""

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


class Session(SyncDriver, _Verbs, SyncFanOut, SyncGroups):
    """A synchronous broker session; use as a context manager (closes the HTTP pool).

    Create with :func:`orderbridge.connect`. Methods raise only
    :class:`~orderbridge.OrderbridgeError` subclasses.
    """

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled HTTP connections (of every session :meth:`with_options` made from
        this one too: they share the pool)."""
        self._http.close()

    def with_options(self, *, timeout: float | None = None, deadline: float | None = None) -> Session:
        """This session with another per-request ``timeout`` and / or total ``deadline`` per
        call, in seconds (``None``: unchanged), over the same connection pool, token and
        journal (openai-python's ``with_options`` is the model). Give a kill-switch call a
        tighter deadline without a second login::

            session.with_options(deadline=5).flatten(account="465", emulate=True)

        Nothing is copied or opened: closing either session closes the shared pool.

        Raises:
            ConfigurationError: ``timeout`` outside (0, 600] or ``deadline`` outside (0, 3600].
        """
        return self._sharing(with_times(self.settings, timeout=timeout, deadline=deadline))

    # -- public API -------------------------------------------------------------------------
    def place_order(self, order: Order, *, account: str) -> PlacedOrder:
        """Place ``order`` in ``account`` and return the broker's acceptance.

        The client order id is fixed before the first attempt (generated when the order has
        none) and sent in the broker's field (:attr:`Capabilities.client_order_id_field`).

        Spec operations (``specs/<broker>.yaml``): topstepx ``place_order``
        (``POST /api/Order/place``); crosstrade ``place_order`` / ``flat_place_order``
        (``POST /v1/api/accounts/{account}/orders/place|flatplace``); tradestation
        ``place_order`` (``POST /v2/orders?APIVersion=...``); sophic ``place_order``
        (``POST /accounts/{account_id}/orders``, 201). Numbers go out with exactly the digits
        given: decimal strings (TradeStation, Sophic) or JSON numbers (TopstepX, CrossTrade).

        Returns:
            :class:`PlacedOrder` — the broker accepted the order.

        Raises:
            InvalidOrder, NotSupported: before anything is sent.
            OrderRejected: definitive refusal (``code``, ``code_name``, ``broker_message``).
            PlacementUnknown: (an :class:`OutcomeUnknown`) the order may exist; call
                :meth:`resolve` with ``error.client_order_id`` (always set) before sending
                it again.
            AuthenticationError, RateLimited, BrokerUnavailable, ConfigurationError: nothing
                was placed (``order_may_exist`` is ``False``).
        """
        prepared = self._prepare(order, account)
        cid = prepared.client_order_id
        assert cid is not None
        self._record(account, prepared)
        try:
            return self._drive(self.adapter.place(prepared, account, self.settings), cid)
        except OutcomeUnknown as error:
            raise placement_unknown(error, cid) from error

    def get_order(self, order_id: str, *, account: str) -> BrokerOrder:
        """Read one order by the broker's order id (retried with backoff on transient failures).

        Spec operations: topstepx ``search_order_by_id``; crosstrade ``get_order``; tradestation
        ``list_account_orders`` (filtered by ``OrderID``: v2 has no single-order read); sophic
        ``get_order``. Returns a :class:`BrokerOrder`: what the order is (instrument, side, type,
        quantity, prices, fills, times; ``None`` where the broker does not say) and a normalized
        :class:`OrderStatus`, with the broker's own word in ``broker_status``.

        Raises:
            OrderRejected: the broker says no such order (``code_name`` names why).
            NotSupported: the broker cannot read orders (nothing was sent).
            AuthenticationError: the credentials were refused.
            RateLimited: the broker's budget is spent (after the read's retries).
            BrokerUnavailable: the broker could not be reached or answered 5xx (after retries).
            UnexpectedResponse: an answer the spec does not describe.
        """
        self._ids(account, order_id=order_id)
        return self._drive(self.adapter.get_order(order_id, account, self.settings))

    def cancel_order(self, order_id: str, *, account: str) -> None:
        """Ask the broker to cancel an order. Never retried. Returns when the broker accepted
        the cancel request (the order's final state arrives later: read it with get_order).

        Spec operations: topstepx ``cancel_order``; crosstrade ``cancel_order``; tradestation
        ``cancel_order`` (``DELETE /v2/orders/{order_id}``); sophic has none.

        Raises:
            OrderRejected: definitive refusal (not found, not cancellable...).
            OutcomeUnknown: the cancel may or may not have been applied; read the order again.
            NotSupported: the broker has no cancel (Sophic).
        """
        self._ids(account, order_id=order_id)
        return self._drive(self.adapter.cancel(order_id, account, self.settings))

    def resolve(self, client_order_id: str, *, account: str) -> PlacedOrder | None:
        """Find the order placed with ``client_order_id`` after an :class:`OutcomeUnknown`.

        Returns the :class:`PlacedOrder` the broker holds, or ``None`` when the broker has no
        order with that id (it is then safe to place again with a *new* client order id).

        How (see :attr:`Capabilities.resolve`): topstepx ``search_orders`` over the last 7 days
        matched on ``customTag``; crosstrade ``get_order`` with the custom ``orderId``; sophic
        replays the placement recorded in this session with the same ``Idempotency-Key``:
        Sophic returns the stored result when the first attempt arrived, and otherwise places
        the order now — once, whatever happens — so for Sophic it never returns ``None``.

        Raises:
            NotSupported: the broker offers no lookup by client id (TradeStation), with why.
        """
        self._ids(account, client_order_id=client_order_id)
        recorded = self._journal.get((account, client_order_id))
        return self._drive(self.adapter.resolve(client_order_id, account, self.settings, recorded), client_order_id)

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
            ``order_id``: TradeStation replaces the order under a new id). The brokers'
            acknowledgements carry no order state, so its ``status`` is ``unknown``: read the
            order back with :meth:`get_order` to see the new prices take effect.

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
            NotSupported, AuthenticationError, RateLimited, BrokerUnavailable, OrderRejected: as for
                every read (see :class:`OrderbridgeError`).
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
        session: Any = self
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


class AsyncSession(AsyncDriver, _Verbs, AsyncFanOut, AsyncGroups):
    """The async twin of :class:`Session`: same methods, awaited; use ``async with``."""

    async def __aenter__(self) -> AsyncSession:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the pooled HTTP connections (shared with :meth:`with_options` sessions)."""
        await self._http.aclose()

    def with_options(self, *, timeout: float | None = None, deadline: float | None = None) -> AsyncSession:
        """Async twin of :meth:`Session.with_options` (same pool, token and journal)."""
        return self._sharing(with_times(self.settings, timeout=timeout, deadline=deadline))

    # -- public API -------------------------------------------------------------------------
    async def place_order(self, order: Order, *, account: str) -> PlacedOrder:
        """Async twin of :meth:`Session.place_order` (same outcomes and errors)."""
        prepared = self._prepare(order, account)
        cid = prepared.client_order_id
        assert cid is not None
        self._record(account, prepared)
        try:
            return await self._drive(self.adapter.place(prepared, account, self.settings), cid)
        except OutcomeUnknown as error:
            raise placement_unknown(error, cid) from error

    async def get_order(self, order_id: str, *, account: str) -> BrokerOrder:
        """Async twin of :meth:`Session.get_order`."""
        self._ids(account, order_id=order_id)
        return await self._drive(self.adapter.get_order(order_id, account, self.settings))

    async def cancel_order(self, order_id: str, *, account: str) -> None:
        """Async twin of :meth:`Session.cancel_order`."""
        self._ids(account, order_id=order_id)
        return await self._drive(self.adapter.cancel(order_id, account, self.settings))

    async def resolve(self, client_order_id: str, *, account: str) -> PlacedOrder | None:
        """Async twin of :meth:`Session.resolve`."""
        self._ids(account, client_order_id=client_order_id)
        recorded = self._journal.get((account, client_order_id))
        return await self._drive(
            self.adapter.resolve(client_order_id, account, self.settings, recorded), client_order_id
        )

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
            accounts: as :meth:`Session.events`.
            kinds: as :meth:`Session.events`.
            interval: as :meth:`Session.events`.
            watchdog: as :meth:`Session.events`; when pushing, the silence (no message,
                keep-alives included) after which the hub is presumed dead: a ``Gap``, then a
                REST repair.

        Raises:
            ConfigurationError: as :meth:`Session.events`; ``push=True`` or ``hub_url`` where
                the broker has no hub, ``push=True`` without the extra, a bad ``hub_url``.
        """
        from ._push import push_stream  # the hub machinery loads only when asked for

        session: Any = self
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


def connect(
    broker: str,
    *,
    credentials: dict[str, str] | None = None,
    base_url: str | None = None,
    timeout: float = 10.0,
    deadline: float | None = None,
    max_response_bytes: int | None = None,
    api_version: str | None = None,
    transport: httpx.BaseTransport | str | None = None,
    rate_limit: RateLimit | Budget | None = DOCUMENTED,
    hub_url: str | None = None,
) -> Session:
    """Open a synchronous session to ``broker``.

    Args:
        broker: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"`` or ``"sophic"``.
        credentials: credential name -> value (see :mod:`orderbridge._config`); missing ones
            come from ``ORDERBRIDGE_<BROKER>_<NAME>``.
        base_url: default ``ORDERBRIDGE_<BROKER>_BASE_URL`` or the production host.
        timeout: seconds for every connect/read/write/pool wait.
        deadline: seconds one call may take in total, retries included (default
            ``max(30, 3 * timeout)``); see :class:`~orderbridge._models.Settings`.
        max_response_bytes: cap on a decoded response body (default 8 MiB).
        api_version: TradeStation only: ``"20160101"`` (default) or ``"20150101"``.
        transport: ``None`` or ``"http"`` for REST; ``"websocket"`` for CrossTrade's WebSocket
            RPC (same methods and outcomes); or an httpx transport (``httpx.MockTransport``
            for tests and the in-process sandbox).
        rate_limit: the request budget kept on our side (:class:`~orderbridge.RateLimit`):
            by default the broker's documented budget, counted in this process and shared by
            every session of the same credential; a :class:`~orderbridge.Budget` keeps a
            custom one; ``RateLimit(storage="redis://...")`` shares it between processes;
            ``None`` turns it off. A call that would exceed it waits while its deadline
            allows, else raises :class:`~orderbridge.RateLimited` before sending.
        hub_url: where the broker's push hub is, for live events (TopstepX's user hub).
            Default ``ORDERBRIDGE_<BROKER>_HUB_URL``, else the vendor's hub, or
            ``<base_url>/hubs/user`` when only the base URL was overridden.

    Raises:
        ConfigurationError: unknown broker, bad base URL, bad option. Credentials are checked
            lazily, when the first request needs them.
    """
    return _connect(
        Session,
        broker,
        credentials=credentials,
        base_url=base_url,
        timeout=timeout,
        deadline=deadline,
        max_response_bytes=max_response_bytes,
        api_version=api_version,
        transport=transport,
        rate_limit=rate_limit,
        hub_url=hub_url,
    )


def connect_async(
    broker: str,
    *,
    credentials: dict[str, str] | None = None,
    base_url: str | None = None,
    timeout: float = 10.0,
    deadline: float | None = None,
    max_response_bytes: int | None = None,
    api_version: str | None = None,
    transport: httpx.AsyncBaseTransport | str | None = None,
    rate_limit: RateLimit | Budget | None = DOCUMENTED,
    hub_url: str | None = None,
) -> AsyncSession:
    """Open an :class:`AsyncSession`; arguments as :func:`connect`."""
    return _connect(
        AsyncSession,
        broker,
        credentials=credentials,
        base_url=base_url,
        timeout=timeout,
        deadline=deadline,
        max_response_bytes=max_response_bytes,
        api_version=api_version,
        transport=transport,
        rate_limit=rate_limit,
        hub_url=hub_url,
    )


_S = TypeVar("_S", Session, AsyncSession)


def _connect(
    kind: type[_S],
    broker: str,
    *,
    transport: Any,
    rate_limit: RateLimit | Budget | None,
    hub_url: str | None,
    **given: Unpack[Given],
) -> _S:
    """What both :func:`connect` twins do with their arguments: settings from the ``given`` ones (those of
    :func:`~orderbridge._config.resolve_settings`), the broker's adapter, the transport
    (``None``: the session's own HTTP pool; a name: the broker's REST or WebSocket transport of
    the twin's kind), then a session of ``kind`` with its hub URL."""
    description = describe(broker)
    settings = resolve_settings(description, **given)
    adapter = get_adapter(description)
    if isinstance(transport, str):
        transport = _named_transport(transport, settings, description, asynchronous=kind is AsyncSession)
    session = kind(settings, adapter, transport=transport, rate_limit=rate_limit)
    session.hub_url = _hub_url(settings, hub_url)
    return session


def _hub_url(settings: Settings, hub_url: str | None) -> str | None:
    """``hub_url`` checked against the broker's hub (live events); ``None`` stays ``None``.

    Raises:
        ConfigurationError: the broker has no push hub, or the URL is not usable.
    """
    if hub_url is None:
        return None
    hub = importlib.util.find_spec(f"orderbridge.brokers.{settings.broker}.hub")
    if hub is None:
        raise ConfigurationError(f"hub_url: {settings.broker} has no push hub", broker=settings.broker)
    checked: str = importlib.import_module(hub.name).hub_url(settings, hub_url)
    return checked


def _named_transport(name: str, settings: Settings, description: BrokerDescription, *, asynchronous: bool) -> Any:
    """The transport ``transport=`` names: ``"http"`` the session's own HTTP pool (``None``),
    ``"websocket"`` the broker's WebSocket RPC as an httpx transport (CrossTrade:
    :mod:`orderbridge.brokers.crosstrade.websocket`)."""
    if name == "http":
        return None
    if name != "websocket":
        raise ConfigurationError(f"transport must be 'http' or 'websocket', got {name!r}", broker=settings.broker)
    if description.websocket is None:
        offered = ", ".join(d.name for d in DESCRIPTIONS.values() if d.websocket is not None)
        raise ConfigurationError(f"transport='websocket' exists for {offered} only", broker=settings.broker)
    try:  # imported on demand: REST users never load the WebSocket library
        module = importlib.import_module(description.websocket)
    except ImportError as exc:
        raise ConfigurationError(
            f"the WebSocket transport needs the optional dependency: pip install 'orderbridge[websocket]' ({exc})",
            broker=settings.broker,
        ) from exc
    kind = module.AsyncWebSocketTransport if asynchronous else module.WebSocketTransport
    return kind(settings.base_url, open_timeout=settings.timeout)


def place_order(broker: str, order: Order, *, account: str, **options: Any) -> PlacedOrder:
    """Place one order with a short-lived session (credentials and base URL from the
    environment unless given in ``options``, which are :func:`connect`'s arguments).

    Returns and raises exactly as :meth:`Session.place_order`.
    """
    with connect(broker, **options) as session:
        return session.place_order(order, account=account)


__all__ = ["AsyncSession", "Session", "connect", "connect_async", "place_order"]
