"""Broker sessions: :class:`Session` (sync) and :class:`AsyncSession` (async twin).

Both drive the same adapter flows (:mod:`orderbridge._flow`), so their behaviour is identical;
only the I/O differs (``sync_detailed`` vs ``asyncio_detailed`` of the generated operation).
Each session owns one pooled httpx client, one token and one journal of placements.
"""

from __future__ import annotations

import collections
import importlib
import importlib.util
import re
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from ._adapter import Adapter, BrokerOrder, get_adapter
from ._capabilities import BrokerDescription, Capabilities
from ._config import Settings, resolve_settings
from ._errors import (
    AuthenticationError,
    ConfigurationError,
    InvalidOrder,
    OrderbridgeError,
    OutcomeUnknown,
    PlacementUnknown,
)
from ._flow import Call, Flow, Grant, Sent, Token
from ._models import Order, PlacedOrder, new_client_order_id, with_client_order_id
from ._operations import AsyncOperations, SyncOperations
from ._policy import Answered, Attempt, AttemptPolicy, Deliver, Fail, Happened, Raised, delivered_as_is
from ._transport import (
    AsyncSessionTransport,
    Exchange,
    RawResponse,
    SessionTransport,
    TokenBox,
    async_http_transport,
    client_options,
    current,
    http_transport,
)
from .brokers import DESCRIPTIONS, describe

T = TypeVar("T")

MAX_ID_LENGTH = 255
"""Longest account / order / client order id accepted (Sophic's documented limit, the lowest)."""
JOURNAL_SIZE = 100_000
"""Placements remembered per session for ``resolve`` (oldest dropped first)."""
_CONTROL = re.compile("[\x00-\x1f\x7f]")
"""C0 control characters and DEL (code points below 32, and 127)."""
REFRESH_MARGIN = 0.1
"""Renew a token once this fraction of its lifetime is left (TopstepX 24 h -> after ~21.6 h)."""


class _Base:
    """State and pure logic shared by both twins."""

    def __init__(self, settings: Settings, adapter: Adapter, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.adapter = adapter
        self._description = describe(settings.broker)
        self._box = TokenBox()
        self._clock = clock
        self._journal: collections.OrderedDict[tuple[str, str], Order] = collections.OrderedDict()
        self.logins = 0
        """How many times this session obtained a token (login, refresh or validate)."""
        self.hub_url: str | None = None
        """The push hub's URL given to :func:`connect` (``None``: the broker's default; see
        ``AsyncSession.events``)."""

    @property
    def broker(self) -> str:
        """The broker this session talks to: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"``
        or ``"sophic"``."""
        return self.settings.broker

    @property
    def description(self) -> BrokerDescription:
        """This broker's :class:`~orderbridge._capabilities.BrokerDescription`."""
        return self._description

    @property
    def capabilities(self) -> Capabilities:
        """This broker's :class:`~orderbridge.Capabilities`."""
        return self._description.capabilities

    def __repr__(self) -> str:
        return f"<{type(self).__name__} broker={self.broker!r} base_url={self.settings.base_url!r}>"

    # -- pure steps -------------------------------------------------------------------------
    def _prepare(self, order: Order, account: str) -> Order:
        if not isinstance(order, Order):
            raise InvalidOrder(f"expected an orderbridge.Order, got {type(order).__name__}", field="order")
        self._check_id(account, "account")
        self.capabilities.check(order)
        if order.client_order_id is None:
            order = with_client_order_id(order, new_client_order_id())
        self.adapter.validate(order, account)
        return order

    def _check_id(self, value: object, field: str) -> str:
        """Refuse an id that cannot travel as one path segment, before anything is sent.

        The generated clients percent-encode path parameters but leave ``.`` alone, and a
        ``.`` or ``..`` segment is folded away by URL normalisation: CrossTrade
        ``cancel_order(".")`` would become the account's cancel-all endpoint.
        """
        if not isinstance(value, str) or not value.strip():
            raise InvalidOrder(f"{field} must be a non-empty string", field=field, broker=self.broker)
        if value in (".", "..") or _CONTROL.search(value):
            raise InvalidOrder(f"{field} {value!r} is not a usable id", field=field, broker=self.broker)
        if len(value) > MAX_ID_LENGTH:
            raise InvalidOrder(f"{field} is longer than {MAX_ID_LENGTH} characters", field=field, broker=self.broker)
        return value

    def _ids(self, account: str, **ids: str) -> None:
        self._check_id(account, "account")
        for field, value in ids.items():
            self._check_id(value, field)

    def _record(self, account: str, order: Order) -> None:
        """Journal a placement before its first attempt (Sophic's resolve replays it)."""
        assert order.client_order_id is not None
        self._journal[(account, order.client_order_id)] = order
        while len(self._journal) > JOURNAL_SIZE:
            self._journal.popitem(last=False)

    def _token_fresh(self) -> bool:
        box = self._box
        if box.token is None:
            return False
        return box.expires_at is None or self._clock() < box.expires_at

    def _store(self, grant: Grant, revision: int) -> None:
        if revision != self._box.revision:
            return
        lifetime = grant.lifetime
        if not isinstance(grant.token, str) or not grant.token or not all(32 < ord(c) < 127 for c in grant.token):
            raise AuthenticationError(
                "the broker issued a token that cannot be sent as a header value", broker=self.broker
            )
        self._box.token = grant.token
        self._box.expires_at = None if lifetime is None else self._clock() + lifetime * (1 - REFRESH_MARGIN)
        self._box.revision += 1
        self.logins += 1

    def _invalidate(self) -> None:
        # Keep the token itself: TopstepX can still renew it with Auth/validate.
        self._box.expires_at = self._clock() - 1

    def _policy(self, call: Call, cid: str | None) -> AttemptPolicy:
        return AttemptPolicy.of(call, self.description, cid)

    def _remaining(self, deadline: float) -> float:
        return deadline - time.monotonic()

    def _happened(self, call: Call, exchange: Exchange, response: Any, exc: BaseException | None) -> Happened:
        """Describe one finished attempt to the policy (and notice a 401 for our current token)."""
        raw = exchange.response
        if raw is not None and raw.status_code == 401 and call.token is not Token.NONE:
            self._stale(exchange.revision)
        if exc is None:
            return Answered(response, int(response.status_code), response.headers)
        if raw is not None:
            # A response arrived and the generated client could not parse it: its status still
            # decides (a gateway's HTML 502), the flow sees it with parsed=None.
            unparsed = RawResponse(raw.status_code, raw.content, raw.headers)
            return Answered(unparsed, raw.status_code, raw.headers, parsed=False)
        return Raised(exc, sent=exchange.sent)

    def _scrub(self, error: OrderbridgeError) -> OrderbridgeError:
        """Replace this session's secrets (credentials, the current token) by ``***`` in the
        error's message and broker text: a token endpoint may echo the client secret."""
        secrets = [s for s in (*self.settings.secret_values(), self._box.token or "") if len(s) >= 4]
        for name in ("message", "broker_message", "code", "code_name"):
            value = getattr(error, name, None)
            if isinstance(value, str) and any(secret in value for secret in secrets):
                for secret in secrets:
                    value = value.replace(secret, "***")
                setattr(error, name, value)
                if name == "message":
                    error.args = (value,)
        return error

    def _stale(self, revision: int | None) -> None:
        # Only the token that was refused is stale: a late 401 for a token already replaced
        # says nothing about the new one.
        if revision is not None and revision == self._box.revision:
            self._invalidate()


class Session(_Base, SyncOperations):
    """A synchronous broker session; use as a context manager (closes the HTTP pool).

    Create with :func:`orderbridge.connect`. Methods raise only
    :class:`~orderbridge.OrderbridgeError` subclasses.
    """

    def __init__(
        self, settings: Settings, adapter: Adapter, *, transport: httpx.BaseTransport | None = None, **kw: Any
    ) -> None:
        super().__init__(settings, adapter, **kw)
        inner = http_transport(settings.base_url) if transport is None else transport
        self.transport = inner
        """The transport under the session: the HTTP pool, a test's ``httpx.MockTransport``, or
        the CrossTrade WebSocket transport."""
        self._http = httpx.Client(
            base_url=settings.base_url,
            transport=SessionTransport(inner, self._box, settings.max_response_bytes),
            **client_options(settings.timeout),
        )
        self._api = adapter.make_client(settings.base_url)
        self._api.set_httpx_client(self._http)
        self._login_lock = threading.Lock()
        self._sleep: Callable[[float], Any] = time.sleep

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled HTTP connections."""
        self._http.close()

    # -- driving ----------------------------------------------------------------------------
    def _attempt(self, call: Call, exchange: Exchange) -> Happened:
        token = current.set(exchange)
        try:
            response = call.operation.sync_detailed(client=self._api, **call.kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure is described to the policy
            return self._happened(call, exchange, None, exc)
        finally:
            current.reset(token)
        return self._happened(call, exchange, response, None)

    def _send(self, call: Call, cid: str | None) -> tuple[Sent, Attempt]:
        """Attempts of one call until the attempt policy delivers or fails."""
        if call.token is Token.REQUIRED:
            self._ensure_token()
        deadline = time.monotonic() + self.settings.deadline
        attempt = Attempt(remaining=self.settings.deadline)
        policy: AttemptPolicy | None = None  # built for the first answer it has to decide
        while True:
            exchange = Exchange(bearer=call.token is not Token.NONE, deadline=deadline)
            happened = self._attempt(call, exchange)
            if delivered_as_is(happened):  # what every policy decides for it
                return Sent(happened.response, attempt.number, attempt.ambiguous), attempt
            if policy is None:
                policy = self._policy(call, cid)
            decision = policy.decide(attempt, happened)
            if isinstance(decision, Deliver):
                return Sent(decision.response, attempt.number, attempt.ambiguous), attempt
            if isinstance(decision, Fail):
                raise decision.error
            self._sleep(decision.wait)
            attempt = decision.next._replace(remaining=self._remaining(deadline))

    def _drive(self, flow: Flow[T], cid: str | None = None) -> T:
        try:
            call = next(flow)
            while True:
                sent, attempt = self._send(call, cid)
                try:
                    call = flow.send(sent)
                except OrderbridgeError as error:
                    raise self._policy(call, cid).settle(attempt, error) from None
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        except OrderbridgeError as error:
            raise self._scrub(error) from error.__cause__

    def _ensure_token(self) -> None:
        if self._token_fresh():
            return
        with self._login_lock:
            if self._token_fresh():
                return
            revision = self._box.revision
            grant = self._drive(self.adapter.login(self.settings, self._box.token))
            self._store(grant, revision)

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
            raise PlacementUnknown.of(error, cid) from error

    def get_order(self, order_id: str, *, account: str) -> BrokerOrder:
        """Read one order by the broker's order id (retried with backoff on transient failures).

        Spec operations: topstepx ``search_order_by_id``; crosstrade ``get_order``; tradestation
        ``list_account_orders`` (filtered by ``OrderID``: v2 has no single-order read); sophic
        ``get_order``. Returns a :class:`BrokerOrder` with the broker's own status word.

        Raises:
            OrderRejected: the broker says no such order (``code_name`` names why).
            NotSupported, AuthenticationError, RateLimited, BrokerUnavailable, UnexpectedResponse.
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


class AsyncSession(_Base, AsyncOperations):
    """The async twin of :class:`Session`: same methods, awaited; use ``async with``."""

    def __init__(
        self, settings: Settings, adapter: Adapter, *, transport: httpx.AsyncBaseTransport | None = None, **kw: Any
    ) -> None:
        super().__init__(settings, adapter, **kw)
        inner = async_http_transport(settings.base_url) if transport is None else transport
        self.transport = inner
        self._http = httpx.AsyncClient(
            base_url=settings.base_url,
            transport=AsyncSessionTransport(inner, self._box, settings.max_response_bytes),
            **client_options(settings.timeout),
        )
        self._api = adapter.make_client(settings.base_url)
        self._api.set_async_httpx_client(self._http)
        import asyncio  # here, not at module level: sync users never pay for importing it

        self._login_lock = asyncio.Lock()
        self._sleep: Callable[[float], Any] = asyncio.sleep

    async def __aenter__(self) -> AsyncSession:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the pooled HTTP connections."""
        await self._http.aclose()

    async def _attempt(self, call: Call, exchange: Exchange) -> Happened:
        token = current.set(exchange)
        try:
            response = await call.operation.asyncio_detailed(client=self._api, **call.kwargs)
        except Exception as exc:  # noqa: BLE001 - every failure is described to the policy
            return self._happened(call, exchange, None, exc)
        finally:
            current.reset(token)
        return self._happened(call, exchange, response, None)

    async def _send(self, call: Call, cid: str | None) -> tuple[Sent, Attempt]:
        """Async twin of :meth:`Session._send`."""
        if call.token is Token.REQUIRED:
            await self._ensure_token()
        deadline = time.monotonic() + self.settings.deadline
        attempt = Attempt(remaining=self.settings.deadline)
        policy: AttemptPolicy | None = None  # built for the first answer it has to decide
        while True:
            exchange = Exchange(bearer=call.token is not Token.NONE, deadline=deadline)
            happened = await self._attempt(call, exchange)
            if delivered_as_is(happened):  # what every policy decides for it
                return Sent(happened.response, attempt.number, attempt.ambiguous), attempt
            if policy is None:
                policy = self._policy(call, cid)
            decision = policy.decide(attempt, happened)
            if isinstance(decision, Deliver):
                return Sent(decision.response, attempt.number, attempt.ambiguous), attempt
            if isinstance(decision, Fail):
                raise decision.error
            await self._sleep(decision.wait)
            attempt = decision.next._replace(remaining=self._remaining(deadline))

    async def _drive(self, flow: Flow[T], cid: str | None = None) -> T:
        try:
            call = next(flow)
            while True:
                sent, attempt = await self._send(call, cid)
                try:
                    call = flow.send(sent)
                except OrderbridgeError as error:
                    raise self._policy(call, cid).settle(attempt, error) from None
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        except OrderbridgeError as error:
            raise self._scrub(error) from error.__cause__

    async def _ensure_token(self) -> None:
        if self._token_fresh():
            return
        async with self._login_lock:
            if self._token_fresh():
                return
            revision = self._box.revision
            grant = await self._drive(self.adapter.login(self.settings, self._box.token))
            self._store(grant, revision)

    async def place_order(self, order: Order, *, account: str) -> PlacedOrder:
        """Async twin of :meth:`Session.place_order` (same outcomes and errors)."""
        prepared = self._prepare(order, account)
        cid = prepared.client_order_id
        assert cid is not None
        self._record(account, prepared)
        try:
            return await self._drive(self.adapter.place(prepared, account, self.settings), cid)
        except OutcomeUnknown as error:
            raise PlacementUnknown.of(error, cid) from error

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
            ``max(30, 3 * timeout)``); see :class:`~orderbridge._config.Settings`.
        max_response_bytes: cap on a decoded response body (default 8 MiB).
        api_version: TradeStation only: ``"20160101"`` (default) or ``"20150101"``.
        transport: ``None`` or ``"http"`` for REST; ``"websocket"`` for CrossTrade's WebSocket
            RPC (same methods and outcomes); or an httpx transport (``httpx.MockTransport``
            for tests and the in-process sandbox).
        hub_url: where the broker's push hub is, for live events (TopstepX's user hub).
            Default ``ORDERBRIDGE_<BROKER>_HUB_URL``, else the vendor's hub, or
            ``<base_url>/hubs/user`` when only the base URL was overridden.

    Raises:
        ConfigurationError: unknown broker, bad base URL, bad option. Credentials are checked
            lazily, when the first request needs them.
    """
    settings, adapter, chosen = _opening(
        broker, credentials, base_url, timeout, deadline, max_response_bytes, api_version, transport, False
    )
    session = Session(settings, adapter, transport=chosen)
    session.hub_url = _hub_url(settings, hub_url)
    return session


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
    hub_url: str | None = None,
) -> AsyncSession:
    """Open an :class:`AsyncSession`; arguments as :func:`connect`."""
    settings, adapter, chosen = _opening(
        broker, credentials, base_url, timeout, deadline, max_response_bytes, api_version, transport, True
    )
    session = AsyncSession(settings, adapter, transport=chosen)
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


def _opening(
    broker: str,
    credentials: dict[str, str] | None,
    base_url: str | None,
    timeout: float,
    deadline: float | None,
    max_response_bytes: int | None,
    api_version: str | None,
    transport: Any,
    asynchronous: bool,
) -> tuple[Settings, Adapter, Any]:
    """What both :func:`connect` twins do before building their session: settings, adapter
    and the transport (``None``: the session's own HTTP pool)."""
    settings = resolve_settings(
        broker,
        credentials=credentials,
        base_url=base_url,
        timeout=timeout,
        deadline=deadline,
        max_response_bytes=max_response_bytes,
        api_version=api_version,
    )
    description = describe(broker)
    adapter = get_adapter(description)
    if not isinstance(transport, str):
        return settings, adapter, transport
    if transport == "websocket":
        return settings, adapter, _websocket_transport(settings, description, asynchronous=asynchronous)
    if transport != "http":
        raise ConfigurationError(f"transport must be 'http' or 'websocket', got {transport!r}", broker=broker)
    return settings, adapter, None


def _websocket_transport(settings: Settings, description: BrokerDescription, *, asynchronous: bool) -> Any:
    """The broker's WebSocket RPC as an httpx transport (CrossTrade:
    :mod:`orderbridge.brokers.crosstrade.websocket`)."""
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
