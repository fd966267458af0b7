"""The sandbox core: ``httpx.Request -> httpx.Response`` over in-memory broker state.

Every request goes through the same steps (:meth:`Sandbox.process`):

1. split the broker prefix (``/topstepx``, ``/crosstrade``, ``/tradestation``, ``/sophic``) and
   match the rest against the broker's spec paths (unknown route: the broker's 404); unless
   strict, rewrite what the real broker accepts beyond its spec into the spec's spelling (path
   and property-name case, unknown fields, numbers as decimal text: the broker's
   :class:`~orderbridge_sandbox.leniency.Leniency`);
2. fire "before" faults (latency, error, rate limit, drop);
3. authenticate (401 in the broker's shape);
4. validate the request against the spec with openapi-core (400 in the broker's shape);
5. run the broker's handler for the ``operationId``;
6. fire "after" faults (record-then-drop, record-then-error);
7. in strict mode, validate the response against the spec;
8. let each broker push what the request made it emit (:meth:`Broker.push`: with
   ``Sandbox(webhooks=WebhookDelivery(...))`` Sophic delivers its events to every active
   webhook), synchronously, before the response is returned.

Steps 1 and 3-7 call the broker's hooks (:class:`~orderbridge_sandbox.brokers.base.Broker`): its
dialect, ``admit``, ``for_validation``, ``dispatch``, ``finish``; the pipeline names no broker.
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import httpx

from .brokers import BROKER_CLASSES, Broker, RecordedOrder, StreamEndpoint
from .budget import Spender, retry_after
from .clock import Clock, SystemClock
from .faults import Fault, FaultKind, Faults, Phase
from .ids import Ids
from .leniency import STRICT
from .routes import NoRoute, declared_statuses, split_prefix, table
from .validation import check_request, check_response
from .wire import Call, Reply, decode_body, text_reply

if TYPE_CHECKING:  # the type of a public argument; the pipeline hands it on untouched
    from .brokers.sophic.webhooks import DeliveryAttempt, WebhookDelivery


@dataclasses.dataclass(frozen=True)
class Exchange:
    """One handled request, kept in :attr:`Sandbox.log`.

    Attributes:
        broker: broker name ('' for an unknown prefix).
        operation: spec operationId ('' when no route matched).
        status: HTTP status answered (None when the connection was dropped).
        faults: the faults that fired, in text form.
    """

    broker: str
    operation: str
    status: int | None
    faults: tuple[str, ...] = ()


@dataclasses.dataclass
class Outcome:
    """What to do with a request: wait ``delay`` seconds, then send ``response`` or drop."""

    response: httpx.Response | None
    delay: float = 0.0

    @property
    def dropped(self) -> bool:
        """The connection is to be dropped instead of answered (a ``drop`` fault)."""
        return self.response is None

    def deliver(self, request: httpx.Request) -> httpx.Response:
        """The response, or ``httpx.RemoteProtocolError`` for a dropped connection."""
        if self.response is None:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.", request=request)
        return self.response


class Sandbox:
    """A stateful fake of the four brokers.

    Args:
        clock: time source (default :class:`~orderbridge_sandbox.clock.SystemClock`).
        ids: id source (default a fresh :class:`~orderbridge_sandbox.ids.Ids`, so ids are
            deterministic: the first TopstepX order is 9056, the first TradeStation order
            207887693, ...).
        strict: validate every response against the spec and raise
            :class:`~orderbridge_sandbox.validation.SpecViolation` when one does not match
            (documented spec gaps and undeclared fault statuses are skipped); and, unless
            ``lenient`` says otherwise, accept requests only in the spec's own spelling.
        lenient: accept what each real broker accepts beyond its spec (path and property-name
            case, unknown body fields, numbers where the vendor's examples send numbers; see
            :mod:`orderbridge_sandbox.leniency` and each broker's ``leniency.py``). Default:
            ``not strict``, so the facade's strict tests see the spec's letter and everyone else
            sees what the broker accepts.
        faults: faults to arm at start (:class:`Fault` objects or their text form).
        sleep: how latency is waited for in synchronous use (default ``time.sleep``).
        webhooks: deliver Sophic events to registered webhooks with this
            :class:`~orderbridge_sandbox.WebhookDelivery` (signed POSTs, retries; its
            ``target``/``transport`` let a loopback or in-process receiver stand in for the
            ``https://`` URL the spec requires). Default None: events are only recorded.

    Use it in-process with :meth:`transport` (``httpx.Client``/``AsyncClient``) or
    :meth:`handle` (a respx side effect), or serve it with
    :func:`orderbridge_sandbox.server.start`.
    """

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        ids: Ids | None = None,
        strict: bool = False,
        lenient: bool | None = None,
        faults: Iterable[Fault | str] = (),
        sleep: Callable[[float], Any] = time.sleep,
        webhooks: WebhookDelivery | None = None,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.ids = ids or Ids()
        self.strict = strict
        self.lenient = not strict if lenient is None else lenient
        self.faults = Faults(faults)
        self.log: list[Exchange] = []
        self._sleep = sleep
        self._lock = threading.RLock()
        self.webhooks = webhooks
        self.brokers: dict[str, Broker] = {}
        self.reset()

    def reset(self) -> None:
        """Forget every order, token and log entry: back to the seed data (faults stay armed)."""
        with self._lock:
            self.brokers = {name: cls(self.clock, self.ids) for name, cls in BROKER_CLASSES.items()}
            self._spenders: dict[str, Spender] = {}
            self.log.clear()

    # -- public API -------------------------------------------------------------------------------
    def broker(self, name: str) -> Broker:
        """The state object of broker ``name`` (e.g. ``sandbox.broker("sophic").orders``)."""
        return self.brokers[name]

    def orders(self, broker: str, *, account: str | None = None) -> list[RecordedOrder]:
        """Orders recorded by ``broker`` (optionally one account), oldest first, with the client
        order ids they were sent with."""
        with self._lock:
            found = self.brokers[broker].recorded_orders()
        return [o for o in found if account is None or o.account == account]

    def fill(
        self, broker: str, order_id: str, *, quantity: Decimal | None = None, price: Decimal | None = None
    ) -> None:
        """Execute a working order now, as if the market had reached it (fills on demand).

        TopstepX, CrossTrade and TradeStation: ``quantity`` units (default: all that remain) at
        ``price`` (default: the instrument's reference price); positions and fills follow.
        Sophic: the order's scripted lifecycle runs to its end (``filled``/``settled``, or
        ``cancelled`` for the documented trigger amounts); ``quantity`` and ``price`` must be None.

        Raises:
            KeyError: unknown broker or order id.
            ValueError: the order is no longer working, or a quantity/price given for Sophic.
        """
        with self._lock:
            self.brokers[broker].fill_now(order_id, quantity, price)
            self.deliver_webhooks()

    def add_fault(self, fault: Fault | str) -> Fault:
        """Arm a fault, e.g. ``sandbox.add_fault("topstepx:place_order:drop_after_record:1")``."""
        with self._lock:
            return self.faults.add(fault)

    def clear_faults(self) -> None:
        """Disarm every fault; the sandbox then never fails a valid request."""
        with self._lock:
            self.faults.clear()

    def deliver_webhooks(self) -> list[DeliveryAttempt]:
        """Deliver the Sophic events not delivered yet to every active webhook; return the
        attempts made. :meth:`process` calls it after each request, so calling it by hand is
        only needed after changing broker state directly. A no-op without ``webhooks``."""
        with self._lock:
            made: list[DeliveryAttempt] = []
            for broker in self.brokers.values():
                made.extend(broker.push(self.webhooks))
            return made

    def stream_paths(self) -> dict[str, str]:
        """``{broker: "/<broker><path>"}`` for each broker with a WebSocket stream (CrossTrade:
        ``/crosstrade/ws/stream``)."""
        return {name: f"/{name}{b.stream_path}" for name, b in self.brokers.items() if b.stream_path}

    def stream_endpoint(self, path: str, origin: str) -> StreamEndpoint | None:
        """The WebSocket endpoint served at ``path`` (query ignored), or None when no broker
        streams there; ``origin`` is the server's ``http://HOST:PORT``."""
        bare = path.split("?", 1)[0]
        for name, stream in self.stream_paths().items():
            if bare == stream:
                return self.brokers[name].stream_endpoint(self, origin)
        name, _, rest = path.lstrip("/").partition("/")
        broker = self.brokers.get(name)
        return None if broker is None else broker.hub(self, "/" + rest, origin)

    def negotiate(self, path: str) -> dict[str, Any] | None:
        """The JSON answer to a push hub's ``POST .../negotiate`` at ``path``, or None."""
        name, _, rest = path.lstrip("/").partition("/")
        broker = self.brokers.get(name)
        return None if broker is None else broker.negotiate("/" + rest)

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request synchronously (a ``respx`` side effect or an ``httpx.MockTransport``
        handler). Raises ``httpx.RemoteProtocolError`` when a drop fault fires."""
        request.read()
        outcome = self.process(request)
        if outcome.delay:
            self._sleep(outcome.delay)
        return outcome.deliver(request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        """The async twin of :meth:`handle` (latency waits with ``asyncio.sleep``)."""
        await request.aread()
        outcome = self.process(request)
        if outcome.delay:
            await asyncio.sleep(outcome.delay)
        return outcome.deliver(request)

    def transport(self) -> SandboxTransport:
        """An ``httpx.MockTransport`` over this sandbox for ``httpx.Client`` and ``httpx.AsyncClient``
        (base URL ``http://127.0.0.1/<broker>``; any host works)."""
        return SandboxTransport(self)

    # -- the pipeline -----------------------------------------------------------------------------
    def process(self, request: httpx.Request) -> Outcome:
        """Run the pipeline (module docstring) without waiting; the caller applies the delay."""
        with self._lock:
            name, path = split_prefix(request)
            broker = self.brokers.get(name)
            if broker is None:
                reply = text_reply(f"unknown broker prefix /{name}; use one of /{', /'.join(self.brokers)}", 404)
                self.log.append(Exchange("", "", 404))
                return Outcome(reply.to_response(request))
            leniency = broker.leniency if self.lenient else STRICT
            match = table(name).match(request.method, path, ignore_case=leniency.path_case is not None)
            if isinstance(match, NoRoute):
                reply = broker.dialect.unknown_route(request, path, match.allowed)
                self.log.append(Exchange(name, "", reply.status))
                return Outcome(reply.to_response(request))
            try:
                body = decode_body(request)
            except ValueError:
                body = None
            call = leniency.apply(Call(name, match.operation, request, match.path, body), match.template)
            request = call.request
            fired: list[Fault] = []
            reply_or_drop = self._run(broker, call, fired)
            self.deliver_webhooks()
            delay = sum(f.delay for f in fired if f.kind is FaultKind.LATENCY)
            names = tuple(str(f) for f in fired)
            if reply_or_drop is None:
                self.log.append(Exchange(name, call.operation, None, names))
                return Outcome(None, delay)
            reply = broker.finish(call, reply_or_drop)
            response = reply.to_response(request)
            if self.strict and self._should_validate(call, reply, fired):
                check_response(name, request, response, f"/{name}", call.operation)
            self.log.append(Exchange(name, call.operation, reply.status, names))
            return Outcome(response, delay)

    def _run(self, broker: Broker, call: Call, fired: list[Fault]) -> Reply | None:
        """Faults, auth, validation and the handler; None means "drop the connection"."""
        enforcing = self.faults.budget(call.broker, call.operation)
        if enforcing is not None and broker.budget is not None:
            spender = self._spenders.setdefault(call.broker, Spender(broker.budget))
            wait = spender.spend(broker.token_of(call) or "anonymous", call.operation, broker.now())
            if wait is not None:
                enforcing.fire()
                fired.append(enforcing)
                return broker.dialect.rate_limited(call, retry_after(wait))
        for fault in self.faults.take(call.broker, call.operation, Phase.BEFORE):
            fired.append(fault)
            if fault.kind is FaultKind.DROP:
                return None
            if fault.kind is FaultKind.ERROR:
                return broker.dialect.status(call, fault.status)
            if fault.kind is FaultKind.RATE_LIMIT:
                return broker.dialect.rate_limited(call, fault.retry_after)
        reply = broker.admit(call)
        if reply is None:
            problem = check_request(call.broker, broker.for_validation(call), f"/{call.broker}")
            reply = broker.dialect.invalid(call, problem) if problem else broker.dispatch(call)
        for fault in self.faults.take(call.broker, call.operation, Phase.AFTER):
            fired.append(fault)
            if fault.kind is FaultKind.DROP:
                return None
            if fault.kind is FaultKind.ERROR:
                return broker.dialect.status(call, fault.status)
        return reply

    @staticmethod
    def _should_validate(call: Call, reply: Reply, fired: list[Fault]) -> bool:
        if reply.spec_gap:
            return False
        injected = any(f.kind is not FaultKind.LATENCY for f in fired)
        return not injected or reply.status in declared_statuses(call.broker, call.operation)


class SandboxTransport(httpx.MockTransport):
    """``httpx.MockTransport`` whose async path waits for latency with ``asyncio.sleep``."""

    def __init__(self, sandbox: Sandbox) -> None:
        super().__init__(sandbox.handle)
        self.sandbox = sandbox

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` in process, as the sandbox would over HTTP (async twin)."""
        return await self.sandbox.handle_async(request)
