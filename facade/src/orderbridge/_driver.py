"""The drivers under :class:`~orderbridge.Session` and :class:`~orderbridge.AsyncSession`:
the state a session holds (settings, adapter, token, journal of placements), and the loops that
send a flow's calls through the attempt policy, log in, wait for the rate budget and run a
multi-step plan. The public verbs live in :mod:`orderbridge._session`.

The loops are written once, sans-IO, as generators on :class:`Driver` (:data:`Steps`): they
yield the I/O they need as an :data:`Action` (send a request, sleep, take a budget turn, take
the login lock, place one order of a plan) and receive its result, or have its error thrown
in. :class:`SyncDriver` and :class:`AsyncDriver` each pump them (``_pump``) with their own
actions: blocking or awaited, ``time.sleep`` or ``asyncio.sleep``, a thread or an asyncio lock.
So the twins' behaviour is identical by construction, and the adapter flows they drive
(:mod:`orderbridge._wire`) are the same ones.

The rate-budget meter lives here too (:class:`Meter`, :func:`meter_for`): each broker documents
how many requests a credential may send, and the driver spends one request from the budget
*before* every attempt, so a fan-out or a kill switch waits for its turn instead of meeting a
429 half way through. The counting is the moving-window strategy of the `limits` library
(:class:`limits.strategies.MovingWindowRateLimiter`), in memory by default or over any storage
URL it supports (``redis://host:port/0``) so that several processes sharing one credential share
one budget. Every session of the same credential (broker, base URL, credential values) in one
process spends from the same counters; keys hold a digest of the credentials, never the
credentials themselves.
"""

from __future__ import annotations

import collections
import copy
import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeVar

import httpx

from ._adapter import Adapter
from ._errors import (
    ConfigurationError,
    InvalidOrder,
    OrderbridgeError,
    RateLimited,
    budget_storage_failed,
    over_budget,
    unusable_token,
)
from ._lifecycle import PlaceStep, Plan, StepResult
from ._models import (
    DOCUMENTED,
    BrokerDescription,
    Budget,
    Capabilities,
    Order,
    PlacedOrder,
    RateLimit,
    Settings,
    new_client_order_id,
    with_client_order_id,
)
from ._policy import Answered, Attempt, AttemptPolicy, Deliver, Fail, Happened, Raised, delivered_as_is
from ._wire import (
    AsyncSessionClient,
    AsyncSessionTransport,
    Call,
    Exchange,
    Flow,
    Grant,
    RawResponse,
    Read,
    Sent,
    SessionClient,
    SessionTransport,
    Token,
    TokenBox,
    async_http_transport,
    client_options,
    http_transport,
    request_target,
)
from .brokers import describe

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")


_D = TypeVar("_D", bound="Driver")


Action = tuple[Callable[[Any], Any], Any]
"""One thing a loop asks its driver to do: ``(action, argument)``; the driver calls
``action(argument)`` (awaits it, in the async twin) and sends the result back."""


Steps = Generator[Action, Any, T]
"""A sans-IO loop (sending a call's attempts, driving a flow, running a plan): it yields the
:data:`Action` it needs and returns its result. Both twins pump the same loops
(:meth:`SyncDriver._pump`, :meth:`AsyncDriver._pump`); only the actions differ (blocking or
awaited I/O, ``time.sleep`` or ``asyncio.sleep``, a thread or an asyncio lock)."""


def _advance(steps: Steps[Any], done: Any, error: BaseException | None) -> Action:
    """Send an action's result into ``steps``, or throw its error in (the steps decide what it
    means, and release what they hold); their next action."""
    return steps.send(done) if error is None else steps.throw(error)


class Ask(NamedTuple):
    """A request for one turn of the rate budget: the category, the call's deadline
    (``time.monotonic()``), the seconds already waited for this attempt, the call's label."""

    category: str
    deadline: float
    waited: float
    what: str


MAX_ID_LENGTH = 255
"""Longest account / order / client order id accepted (Sophic's documented limit, the lowest)."""


JOURNAL_SIZE = 100_000
"""Placements remembered per session for ``resolve`` (oldest dropped first)."""


_CONTROL = re.compile("[\x00-\x1f\x7f]")
"""C0 control characters and DEL (code points below 32, and 127)."""


REFRESH_MARGIN = 0.1
"""Renew a token once this fraction of its lifetime is left (TopstepX 24 h -> after ~21.6 h)."""


def _target(exchange: Exchange) -> str | None:
    """The request behind an attempt's answer, for messages (:func:`~orderbridge._wire.request_target`)."""
    response = exchange.response
    return None if response is None else request_target(response.request)


class Driver:
    """State and pure logic shared by both twins, and the loops both pump (:data:`Steps`)."""

    if TYPE_CHECKING:  # each twin sets these, and defines the actions the loops yield
        _login_lock: threading.Lock | asyncio.Lock
        _sleep: Callable[[float], Any]

        def _request(self, job: tuple[Call, Exchange]) -> Any: ...
        def _take(self, ask: Ask) -> Any: ...
        def _lock(self, _: None) -> Any: ...
        def _place(self, step: PlaceStep) -> Any: ...

    def __init__(
        self,
        settings: Settings,
        adapter: Adapter,
        *,
        clock: Callable[[], float] = time.monotonic,
        rate_limit: RateLimit | Budget | None = DOCUMENTED,
    ) -> None:
        self.settings = settings
        self.adapter = adapter
        self._description = describe(settings.broker)
        # The request budget (Meter, below), shared by every session of this credential.
        secrets = {name: secret.reveal() for name, secret in settings.credentials.items()}
        self._meter: Meter | None = meter_for(
            settings.broker, settings.base_url, secrets, self._description.budget, rate_limit
        )
        self._box = TokenBox()
        self._clock = clock
        self._journal: collections.OrderedDict[tuple[str, str], Order] = collections.OrderedDict()
        self.logins = 0
        """How many times this session obtained a token (login, refresh or validate)."""

    def _open(self, client: Callable[..., Any], wrap: Callable[..., Any], inner: Any) -> None:
        """Build the session's httpx client (``client``) over ``wrap(inner)``, the session
        transport around ``inner``, and the generated client that uses it (``self._api``)."""
        self.transport = inner
        """The transport under the session: the HTTP pool, a test's ``httpx.MockTransport``, or
        the CrossTrade WebSocket transport."""
        settings = self.settings
        self._http = client(
            base_url=settings.base_url,
            transport=wrap(inner, self._box, settings.max_response_bytes),
            **client_options(settings.timeout),
        )
        self._api = self.adapter.make_client(settings.base_url)

    @property
    def broker(self) -> str:
        """The broker this session talks to: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"``
        or ``"sophic"``."""
        return self.settings.broker

    @property
    def description(self) -> BrokerDescription:
        """This broker's :class:`~orderbridge._models.BrokerDescription`."""
        return self._description

    @property
    def capabilities(self) -> Capabilities:
        """This broker's :class:`~orderbridge.Capabilities`."""
        return self._description.capabilities

    @property
    def budget(self) -> Budget | None:
        """The request budget this session keeps (:class:`~orderbridge.Budget`), or ``None``
        when it keeps none (``rate_limit=None``, or a broker that documents none)."""
        return None if self._meter is None else self._meter.budget

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
            raise unusable_token(self.broker)
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

    # -- rate budget ----------------------------------------------------------------------------
    def _category(self, call: Call) -> str | None:
        """The budget category ``call`` spends from (read from the generated operation's
        ``__name__``, which :class:`~orderbridge._wire.Operation` keeps), or ``None``."""
        return None if self._meter is None else self._meter.category(call.operation)

    def _turn(self, ask: Ask) -> float | RateLimited:
        """Spend one request of ``ask.category``: ``0.0`` when spent, a wait in seconds, or the
        :class:`RateLimited` to raise when the wait would pass the deadline (``ask.waited``:
        seconds already waited for this attempt, so a fake sleep cannot loop forever)."""
        assert self._meter is not None
        wait = self._meter.take(ask.category)
        if wait == 0.0:
            return 0.0
        left = min(ask.deadline - time.monotonic(), self.settings.deadline - ask.waited)
        return self._meter.refuse(ask.category, wait, ask.what) if wait >= left else wait

    def _after_answer(self, category: str | None, happened: Happened) -> None:
        """A throttle answer that still arrived drains the category (our count was behind)."""
        if category is None or self._meter is None or not isinstance(happened, Answered):
            return
        content = getattr(happened.response, "content", b"")
        if self._meter.budget.throttled(happened.status, content if isinstance(content, bytes) else b""):
            self._meter.drain(category)

    def _over_budget(self, call: Call, cid: str | None, attempt: Attempt, refused: RateLimited) -> OrderbridgeError:
        """What to raise when the budget refuses an attempt: ``refused`` (nothing sent), unless
        an earlier attempt of this call was ambiguous (the policy says so)."""
        decision = self._policy(call, cid).decide(attempt, Raised(refused, sent=False))
        return decision.error if isinstance(decision, Fail) else refused

    def _resume(
        self, flow: Flow[T], call: Call, cid: str | None, outcome: tuple[Sent, Attempt] | OrderbridgeError
    ) -> Call:
        """The flow's next call once ``call`` has its ``outcome`` (both drivers' step).

        A failed call is thrown into the flow, which may handle it (a group's later leg reports
        it as that leg's outcome); every other flow re-raises it unchanged. An error the flow
        raises from an answer is settled by the call's attempt policy. ``StopIteration`` (the
        flow's result) passes through."""
        if isinstance(outcome, OrderbridgeError):
            return flow.throw(outcome)
        sent, attempt = outcome
        try:
            return flow.send(sent)
        except OrderbridgeError as error:
            raise self._policy(call, cid).settle(attempt, error) from None

    # -- the loops, sans-IO: both twins pump these generators (see Steps) ---------------------------
    def _attempts(self, call: Call, cid: str | None) -> Steps[tuple[Sent, Attempt]]:
        """Attempts of one call until the attempt policy delivers or fails: log in when the
        token is not fresh, spend from the budget before every attempt, attempt, let the policy
        decide, wait and go again."""
        if call.token is Token.REQUIRED and not self._token_fresh():
            yield from self._logging_in()
        deadline = time.monotonic() + self.settings.deadline
        attempt = Attempt(remaining=self.settings.deadline)
        policy: AttemptPolicy | None = None  # built for the first answer it has to decide
        category = self._category(call)
        while True:
            if category is not None:
                refused = yield from self._waiting(Ask(category, deadline, 0.0, call.name))
                if refused is not None:  # nothing sent
                    raise self._over_budget(call, cid, attempt, refused)
            exchange = Exchange(bearer=call.token is not Token.NONE, deadline=deadline, timeout=self.settings.timeout)
            try:
                response = yield self._request, (call, exchange)
            except Exception as exc:  # noqa: BLE001 - every failure is described to the policy
                happened = self._happened(call, exchange, None, exc)
            else:
                happened = self._happened(call, exchange, response, None)
            self._after_answer(category, happened)
            if delivered_as_is(happened):  # what every policy decides for it
                return Sent(happened.response, attempt.number, attempt.ambiguous, _target(exchange)), attempt
            if policy is None:
                policy = self._policy(call, cid)
            decision = policy.decide(attempt, happened)
            if isinstance(decision, Deliver):
                return Sent(decision.response, attempt.number, attempt.ambiguous, _target(exchange)), attempt
            if isinstance(decision, Fail):
                raise decision.error
            yield self._sleep, decision.wait
            attempt = decision.next._replace(remaining=self._remaining(deadline))

    def _waiting(self, ask: Ask) -> Steps[RateLimited | None]:
        """Wait for one request of ``ask.category`` while the deadline allows."""
        while True:
            turn: float | RateLimited = yield self._take, ask
            if not isinstance(turn, float):
                return turn
            if turn == 0.0:
                return None
            yield self._sleep, turn
            ask = ask._replace(waited=ask.waited + turn)

    def _logging_in(self) -> Steps[None]:
        """Obtain or renew the token under the login lock (one login for concurrent calls)."""
        yield self._lock, None
        try:
            if self._token_fresh():
                return
            revision = self._box.revision
            grant = yield from self._driving(self.adapter.login(self.settings, self._box.token))
            self._store(grant, revision)
        finally:
            self._login_lock.release()

    def _driving(self, flow: Flow[T], cid: str | None = None) -> Steps[T]:
        """Send each call the flow yields and hand it the outcome, until it returns."""
        try:
            call = next(flow)
            while True:
                try:
                    outcome: tuple[Sent, Attempt] | OrderbridgeError = yield from self._attempts(call, cid)
                except OrderbridgeError as error:
                    outcome = error
                call = self._resume(flow, call, cid, outcome)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]
        except OrderbridgeError as error:
            raise self._scrub(error) from error.__cause__

    def _running(self, plan: Plan[T]) -> Steps[T]:
        """Run a multi-step plan: each step is a placement (the public ``place_order``) or a flow."""
        try:
            step = next(plan)
            while True:
                try:
                    if isinstance(step, PlaceStep):
                        result = StepResult((yield self._place, step))
                    else:
                        result = StepResult((yield from self._driving(step)))
                except OrderbridgeError as error:
                    result = StepResult(error=error)
                step = plan.send(result)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]

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

    def _sharing(self: _D, settings: Settings) -> _D:
        """Another session of the same class over this one's pool, token, login lock and journal,
        with ``settings`` (only the times may differ)."""
        clone = copy.copy(self)
        clone.settings = settings
        return clone

    def _stale(self, revision: int | None) -> None:
        # Only the token that was refused is stale: a late 401 for a token already replaced
        # says nothing about the new one.
        if revision is not None and revision == self._box.revision:
            self._invalidate()


class SyncDriver(Driver):
    """The synchronous driver: one pooled ``httpx.Client``, a login lock, blocking sleeps."""

    if TYPE_CHECKING:
        _login_lock: threading.Lock

        def place_order(self, order: Order, *, account: str) -> PlacedOrder: ...

    def __init__(
        self, settings: Settings, adapter: Adapter, *, transport: httpx.BaseTransport | None = None, **kw: Any
    ) -> None:
        super().__init__(settings, adapter, **kw)
        self._open(
            SessionClient, SessionTransport, http_transport(settings.base_url) if transport is None else transport
        )
        self._api.set_httpx_client(self._http)
        self._login_lock = threading.Lock()
        self._sleep: Callable[[float], Any] = time.sleep

    # -- the actions the steps ask for, and the pump -------------------------------------------------
    def _request(self, job: tuple[Call, Exchange]) -> Read:
        call, exchange = job
        return call.operation.send(self._api, call.kwargs, exchange)

    def _take(self, ask: Ask) -> float | RateLimited:
        return self._turn(ask)

    def _lock(self, _: None) -> None:
        self._login_lock.acquire()

    def _place(self, step: PlaceStep) -> PlacedOrder:
        return self.place_order(step.order, account=step.account)

    def _pump(self, steps: Steps[T]) -> T:
        """Perform each action ``steps`` asks for and send back its result (or throw its error in)."""
        try:
            action, arg = next(steps)
            while True:
                try:
                    done, error = action(arg), None
                except BaseException as exc:  # noqa: BLE001 - the steps decide (and release the lock)
                    done, error = None, exc
                action, arg = _advance(steps, done, error)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]

    def _drive(self, flow: Flow[T], cid: str | None = None) -> T:
        return self._pump(self._driving(flow, cid))

    def _ensure_token(self) -> None:
        """Log in now unless the token is fresh (the live-event connections need one)."""
        if not self._token_fresh():
            self._pump(self._logging_in())

    def _run(self, plan: Plan[T]) -> T:
        return self._pump(self._running(plan))


class AsyncDriver(Driver):
    """The async twin of :class:`SyncDriver`."""

    if TYPE_CHECKING:
        _login_lock: asyncio.Lock

        async def place_order(self, order: Order, *, account: str) -> PlacedOrder: ...

    def __init__(
        self, settings: Settings, adapter: Adapter, *, transport: httpx.AsyncBaseTransport | None = None, **kw: Any
    ) -> None:
        super().__init__(settings, adapter, **kw)
        inner = async_http_transport(settings.base_url) if transport is None else transport
        self._open(AsyncSessionClient, AsyncSessionTransport, inner)
        self._api.set_async_httpx_client(self._http)
        import asyncio  # here, not at module level: sync users never pay for importing it

        self._login_lock = asyncio.Lock()
        self._sleep: Callable[[float], Any] = asyncio.sleep

    # -- the actions the steps ask for, and the pump (twins of SyncDriver's) -------------------------
    async def _request(self, job: tuple[Call, Exchange]) -> Read:
        call, exchange = job
        return await call.operation.asend(self._api, call.kwargs, exchange)

    async def _take(self, ask: Ask) -> float | RateLimited:
        """A shared (non-memory) budget is asked from a worker thread, so the event loop never
        blocks on its storage."""
        if self._meter is not None and not self._meter.local:
            import asyncio

            return await asyncio.to_thread(self._turn, ask)
        return self._turn(ask)

    async def _lock(self, _: None) -> None:
        await self._login_lock.acquire()

    async def _place(self, step: PlaceStep) -> PlacedOrder:
        return await self.place_order(step.order, account=step.account)

    async def _pump(self, steps: Steps[T]) -> T:
        """Async twin of :meth:`SyncDriver._pump`: each action is awaited."""
        try:
            action, arg = next(steps)
            while True:
                try:
                    done, error = await action(arg), None
                except BaseException as exc:  # noqa: BLE001 - the steps decide (and release the lock)
                    done, error = None, exc
                action, arg = _advance(steps, done, error)
        except StopIteration as stop:
            return stop.value  # type: ignore[no-any-return]

    async def _drive(self, flow: Flow[T], cid: str | None = None) -> T:
        return await self._pump(self._driving(flow, cid))

    async def _ensure_token(self) -> None:
        """Async twin of :meth:`SyncDriver._ensure_token`."""
        if not self._token_fresh():
            await self._pump(self._logging_in())

    async def _run(self, plan: Plan[T]) -> T:
        return await self._pump(self._running(plan))


# -- the rate-budget meter ------------------------------------------------------------------------


log = logging.getLogger("orderbridge")


DEFAULT_STORAGE: Final = "memory://"
"""The storage URL used when none is given: counters in this process's memory."""


MIN_WAIT: Final = 0.005
"""Shortest wait, in seconds, before asking the counter again (its clock has 1 ms steps)."""


_IMPLICIT: RateLimit | None = DOCUMENTED
"""What a session that was given no ``rate_limit`` keeps (the test suite's seam: its conftest
sets ``None`` so only the tests about budgets count requests)."""


_LOCK = threading.Lock()


_LIMITERS: dict[str, Any] = {}


def _limiter(storage: str) -> Any:
    """One moving-window limiter per storage URL in this process (so sessions share counters)."""
    with _LOCK:
        limiter = _LIMITERS.get(storage)
        if limiter is None:
            from limits.storage import storage_from_string  # imported on first use: import stays light
            from limits.strategies import MovingWindowRateLimiter

            try:
                limiter = MovingWindowRateLimiter(storage_from_string(storage))
            except Exception as exc:  # noqa: BLE001 - the library's errors name no secret
                raise ConfigurationError(
                    f"rate-limit storage {storage.split('://')[0]!r} is not usable ({type(exc).__name__}); "
                    "redis:// needs: pip install 'orderbridge[redis]'"
                ) from None
            _LIMITERS[storage] = limiter
        return limiter


def credential_key(broker: str, base_url: str, credentials: Mapping[str, str]) -> str:
    """A stable digest that names one credential at one broker host (never the secret itself)."""
    text = "\x00".join([broker, base_url, *(f"{k}={v}" for k, v in sorted(credentials.items()))])
    return hashlib.sha256(text.encode()).hexdigest()[:24]


class Meter:
    """One session's view of a budget: spends before each attempt, drains on a throttle answer.

    Sans-sleep: :meth:`take` either spends (returns ``0.0``) or says how long to wait; the
    session drivers do the waiting (``time.sleep`` or ``asyncio.sleep``) and the deadline check
    (:meth:`refuse`).
    """

    def __init__(self, broker: str, budget: Budget, storage: str, credential: str) -> None:
        from limits import RateLimitItemPerSecond

        self.broker = broker
        self.budget = budget
        self.storage = storage
        self.local = storage.startswith("memory:")
        """Whether the counters live in this process (no I/O: safe to call from an event loop)."""
        self._limiter = _limiter(storage)
        self._credential = credential
        self._items = {
            name: RateLimitItemPerSecond(w.requests, w.seconds, namespace="orderbridge")
            for name, w in budget.windows.items()
        }

    def category(self, operation: object) -> str | None:
        """The category a generated operation module spends from (its spec ``operationId`` is
        the module's last name), or ``None`` when it is not counted."""
        name = getattr(operation, "__name__", "")
        return self.budget.category(str(name).rsplit(".", 1)[-1])

    def take(self, category: str) -> float:
        """Spend one request of ``category``: ``0.0`` when spent, else seconds until one frees up.

        Raises:
            ConfigurationError: the storage cannot be reached (a Redis server that is down);
                nothing was sent.
        """
        item = self._items[category]
        ids = (self.broker, self._credential, category)
        try:
            if self._limiter.hit(item, *ids):
                return 0.0
            reset, _ = self._limiter.get_window_stats(item, *ids)
        except Exception as exc:  # noqa: BLE001 - a storage failure must not escape as a raw error
            raise budget_storage_failed(self.broker, self.storage, exc) from None
        return max(MIN_WAIT, float(reset) - time.time())

    def drain(self, category: str) -> None:
        """Mark ``category`` spent for a whole window: the broker said we are over budget, so
        our count was behind (another client of the same credential, or a stricter broker).
        A storage failure here is logged, never raised: the broker's answer is what counts."""
        item = self._items[category]
        ids = (self.broker, self._credential, category)
        try:
            _, remaining = self._limiter.get_window_stats(item, *ids)
            if remaining > 0:
                self._limiter.hit(item, *ids, cost=int(remaining))
        except Exception as exc:  # noqa: BLE001
            log.warning("[%s] could not drain the %r budget (%s)", self.broker, category, type(exc).__name__)

    def refuse(self, category: str, wait: float, what: str) -> RateLimited:
        """The error for a call whose wait would pass its deadline; nothing was sent."""
        window = self.budget.windows[category]
        return over_budget(self.broker, what, category, window, wait)


def meter_for(
    broker: str,
    base_url: str,
    credentials: Mapping[str, str],
    documented: Budget | None,
    rate_limit: RateLimit | Budget | None,
) -> Meter | None:
    """The :class:`Meter` a session uses, or ``None`` when no budget is kept.

    ``rate_limit`` is :class:`RateLimit`, a bare :class:`Budget` (kept in memory), or ``None``
    (off); ``documented`` is the broker's own budget (``None`` when it documents none).

    Raises:
        ConfigurationError: a ``rate_limit`` of another type, or a storage that cannot be used.
    """
    if rate_limit is DOCUMENTED:
        rate_limit = _IMPLICIT
    if rate_limit is None:
        return None
    if isinstance(rate_limit, Budget):
        rate_limit = RateLimit(budget=rate_limit)
    if not isinstance(rate_limit, RateLimit):
        raise ConfigurationError(
            f"rate_limit must be a RateLimit, a Budget or None, got {type(rate_limit).__name__}", broker=broker
        )
    budget = rate_limit.budget or documented
    if budget is None:
        return None
    return Meter(broker, budget, rate_limit.storage, credential_key(broker, base_url, credentials))


def reset_counters(storage: str = DEFAULT_STORAGE) -> None:
    """Forget every count kept in ``storage`` by this process's limiter (tests, benchmarks)."""
    with _LOCK:
        limiter = _LIMITERS.get(storage)
    if limiter is not None:
        limiter.storage.reset()


__all__ = ["AsyncDriver", "Driver", "SyncDriver"]
