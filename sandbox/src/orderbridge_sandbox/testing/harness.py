"""``BrokerSandbox``: the in-process sandbox as a test fixture wants it.

It wraps :class:`orderbridge_sandbox.Sandbox` (strict: every answer is validated against the
spec) with what a test of trading code needs: a clock that only moves when told, the seeded
demo credentials, accounts and instruments, faults in the CLI's text form, fills on demand and
every request the code under test sent. Nothing ever really sleeps: injected latency moves the
clock, and latency longer than the client's read timeout raises ``httpx.ReadTimeout`` after the
sandbox processed the request (the broker has the order, the client does not know).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import threading
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import httpx

from .. import Exchange, Fault, ManualClock, Outcome, RecordedOrder, Sandbox
from ..cli import DEMO_ENV
from ..spec import BROKERS

HOST = "http://127.0.0.1"
"""Any host reaches the in-process sandbox; the broker is the first path segment."""


@dataclasses.dataclass(frozen=True)
class Seed:
    """A seeded account and instrument of one broker, ready to trade in the sandbox.

    Attributes:
        account: the account as the broker names it (TopstepX numeric id as text, CrossTrade
            NinjaTrader account name, TradeStation account id, Sophic account id).
        instrument: the instrument as the broker names it (TopstepX contract id, CrossTrade
            NinjaTrader instrument, TradeStation symbol, Sophic instrument id).
        reference_price: the price the sandbox fills market orders at (Sophic: None; buys are
            cash amounts filled at the seeded ask).
    """

    account: str
    instrument: str
    reference_price: Decimal | None


SEEDS: Mapping[str, Seed] = {
    "topstepx": Seed("465", "CON.F.US.MES.Z25", Decimal("6335.25")),
    "crosstrade": Seed("Sim101", "MES 12-25", Decimal("6335.25")),
    "tradestation": Seed("123456", "MSFT", None),
    "sophic": Seed("acc_abc123", "ins_xyz789", None),
}
"""One tradable account and instrument per broker, from the sandbox's seed data (which uses the
identifiers of the vendors' own documented examples)."""

_LOGIN: Mapping[str, tuple[str, str, dict[str, str], str] | None] = {
    "topstepx": ("/api/Auth/loginKey", "json", {"userName": "demo", "apiKey": "demo-api-key"}, "token"),
    "crosstrade": None,  # a static bearer secret key
    "tradestation": (
        "/v2/security/authorize",
        "form",
        {
            "grant_type": "refresh_token",
            "client_id": "demo-client",
            "client_secret": "demo-secret",
            "refresh_token": "demo-refresh",
        },
        "access_token",
    ),
    "sophic": (
        "/auth/token",
        "form",
        {"grant_type": "client_credentials", "client_id": "demo-client", "client_secret": "demo-secret"},
        "access_token",
    ),
}
"""How each broker's documented login is called with the sandbox's demo credentials."""


@dataclasses.dataclass(frozen=True)
class RecordedRequest:
    """One request the code under test sent to the sandbox.

    Attributes:
        broker: broker name from the URL's first path segment ('' when unknown).
        operation: the spec ``operationId`` it matched ('' when none did).
        request: the ``httpx.Request`` as sent (body already read).
        status: the HTTP status answered; None when a fault dropped the connection or the
            client timed out first.
        faults: the faults that fired on it, in their text form.
    """

    broker: str
    operation: str
    request: httpx.Request
    status: int | None
    faults: tuple[str, ...] = ()

    @property
    def json(self) -> Any:
        """The body parsed as JSON (form bodies as a dict of strings; None when empty).

        Raises:
            ValueError: a body that is neither JSON nor a form.
        """
        if not self.request.content:
            return None
        ctype = self.request.headers.get("content-type", "")
        if "x-www-form-urlencoded" in ctype:
            return dict(httpx.QueryParams(self.request.content.decode()))
        return json.loads(self.request.content)


class BrokerSandbox:
    """An in-process, spec-validated fake of one or all four brokers, for tests.

    Args:
        brokers: the brokers this sandbox serves (default all four). With one broker, every
            ``broker`` argument below may be omitted. A request to another broker fails the
            test with an ``AssertionError`` naming it.
        strict: validate every answer against the spec (default True); a sandbox answer the
            spec does not allow raises :class:`orderbridge_sandbox.SpecViolation`.
        start: the clock's start (default: now, to the second, UTC). The clock never moves on
            its own; see :meth:`advance`.
        faults: faults armed from the start, in the CLI's ``BROKER:OPERATION:KIND[=VALUE][:TIMES]``
            form or as :class:`orderbridge_sandbox.Fault`.

    Connect code under test with :meth:`transport` (sync and async twins alike)::

        ob.connect("topstepx", base_url=sb.base_url(), credentials=sb.credentials(), transport=sb.transport())
        topstepx_client.AuthenticatedClient(base_url=sb.base_url(), token=sb.token(),
                                            httpx_args={"transport": sb.transport()})
    """

    def __init__(
        self,
        brokers: Iterable[str] | None = None,
        *,
        strict: bool = True,
        start: dt.datetime | None = None,
        faults: Iterable[Fault | str] = (),
    ) -> None:
        chosen = tuple(BROKERS if brokers is None else brokers)
        unknown = [b for b in chosen if b not in BROKERS]
        if unknown or not chosen:
            raise ValueError(f"brokers must be some of {', '.join(BROKERS)}; got {list(chosen)!r}")
        self.brokers: tuple[str, ...] = chosen
        self.clock = ManualClock(start or dt.datetime.now(dt.UTC).replace(microsecond=0))
        self.sandbox = Sandbox(strict=strict, clock=self.clock, faults=faults)
        self.waits: list[float] = []
        """Seconds of injected latency the code under test would have waited (never slept)."""
        self._requests: list[RecordedRequest] = []
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"BrokerSandbox(brokers={list(self.brokers)!r}, now={self.clock.now().isoformat()})"

    # -- where and who -----------------------------------------------------------------------
    def _one(self, broker: str | None) -> str:
        if broker is None:
            if len(self.brokers) != 1:
                raise TypeError(f"this sandbox serves {', '.join(self.brokers)}: name the broker")
            return self.brokers[0]
        if broker not in self.brokers:
            raise KeyError(f"this sandbox serves {', '.join(self.brokers)}, not {broker!r}")
        return broker

    def base_url(self, broker: str | None = None) -> str:
        """The broker's base URL in the sandbox, ``http://127.0.0.1/<broker>`` (use it with
        :meth:`transport`; nothing listens there)."""
        return f"{HOST}/{self._one(broker)}"

    def credentials(self, broker: str | None = None) -> dict[str, str]:
        """The demo credentials, keyed as ``orderbridge.connect(credentials=...)`` reads them
        (TopstepX ``username``/``api_key``, CrossTrade ``token``, TradeStation ``client_id``/
        ``client_secret``/``refresh_token``, Sophic ``client_id``/``client_secret``)."""
        return {name.lower(): value for name, value in DEMO_ENV[self._one(broker)].items()}

    def env(self, broker: str | None = None) -> dict[str, str]:
        """``ORDERBRIDGE_<BROKER>_*`` variables (base URL and demo credentials) for code that
        reads its configuration from the environment (``monkeypatch.setenv`` each)."""
        name = self._one(broker)
        prefix = f"ORDERBRIDGE_{name.upper()}_"
        out = {f"{prefix}BASE_URL": self.base_url(name)}
        out.update({prefix + key: value for key, value in DEMO_ENV[name].items()})
        return out

    def seed(self, broker: str | None = None) -> Seed:
        """A seeded account and instrument of the broker (:data:`SEEDS`)."""
        return SEEDS[self._one(broker)]

    def token(self, broker: str | None = None) -> str:
        """A valid bearer token, obtained through the broker's documented login (TopstepX
        ``login_key``, TradeStation ``authorize`` refresh-token grant, Sophic ``get_token``
        client-credentials grant; CrossTrade's secret key is static). For generated clients'
        ``AuthenticatedClient(token=...)``. The login shows up in :meth:`requests`."""
        name = self._one(broker)
        login = _LOGIN[name]
        if login is None:
            return DEMO_ENV[name]["TOKEN"]
        path, kind, fields, key = login
        with httpx.Client(transport=self.transport(), base_url=self.base_url(name)) as client:
            answer = client.post(path, json=fields) if kind == "json" else client.post(path, data=fields)
        answer.raise_for_status()
        return str(answer.json()[key])

    def transport(self) -> SandboxHarnessTransport:
        """An httpx transport over this sandbox, for ``httpx.Client`` and ``httpx.AsyncClient``
        alike (``orderbridge.connect(transport=...)`` and ``connect_async(transport=...)``)."""
        return SandboxHarnessTransport(self)

    # -- what the test controls --------------------------------------------------------------
    def add_fault(self, fault: Fault | str) -> Fault:
        """Arm a fault: ``"topstepx:place_order:drop_after_record:1"`` (the CLI's ``--fault``
        syntax; kinds ``latency=S``, ``error[=STATUS]``, ``error_after_record[=STATUS]``,
        ``rate_limit[=S]``, ``drop``, ``drop_after_record``; ``*`` matches any broker or
        operation; ``:TIMES`` disarms it after that many firings).

        Raises:
            orderbridge_sandbox.FaultError: text that does not parse (the message says why).
        """
        return self.sandbox.add_fault(fault)

    def clear_faults(self) -> None:
        """Disarm every fault."""
        self.sandbox.clear_faults()

    def now(self) -> dt.datetime:
        """The sandbox's current time (UTC)."""
        return self.clock.now()

    def advance(self, seconds: float = 0.0, **delta: float) -> dt.datetime:
        """Move the clock forward (``advance(60)``, ``advance(hours=24)``); tokens expire and
        idempotency windows close as they would. Returns the new time."""
        return self.clock.advance(seconds, **delta)

    def fill(
        self,
        order_id: str,
        broker: str | None = None,
        *,
        quantity: Decimal | None = None,
        price: Decimal | None = None,
    ) -> None:
        """Fill a working order now (limit and stop orders rest until this is called; market
        orders fill at once on their own). ``quantity`` units (default: all that remain) at
        ``price`` (default: the instrument's reference price). Sophic orders run their lifecycle
        to the end instead (no quantity or price).

        Raises:
            KeyError: unknown order id. ValueError: the order is not working, or a bad quantity.
        """
        self.sandbox.fill(self._one(broker), order_id, quantity=quantity, price=price)

    def reset(self) -> None:
        """Back to the seed data: orders, tokens and recorded requests forgotten (faults stay)."""
        with self._lock:
            self.sandbox.reset()
            self._requests.clear()
            self.waits.clear()

    # -- what the test inspects --------------------------------------------------------------
    def orders(self, broker: str | None = None, *, account: str | None = None) -> list[RecordedOrder]:
        """Orders the broker recorded, oldest first, with the client order ids they were sent
        with (:class:`orderbridge_sandbox.RecordedOrder`; prices and quantities as Decimal)."""
        return self.sandbox.orders(self._one(broker), account=account)

    def requests(self, broker: str | None = None, operation: str | None = None) -> list[RecordedRequest]:
        """The requests sent so far, oldest first, optionally of one broker and/or one spec
        ``operationId`` (``requests("topstepx", "place_order")``)."""
        with self._lock:
            found = list(self._requests)
        if broker is not None:
            found = [r for r in found if r.broker == self._one(broker)]
        return [r for r in found if operation is None or r.operation == operation]

    # -- the transport's side ----------------------------------------------------------------
    def _process(self, request: httpx.Request) -> tuple[Outcome, int]:
        name = request.url.path.lstrip("/").partition("/")[0]
        if name not in self.brokers:
            raise AssertionError(
                f"the code under test called {request.method} {request.url}, but this sandbox serves "
                f"{', '.join(f'/{b}' for b in self.brokers)} only"
            )
        with self._lock:
            before = len(self.sandbox.log)
            outcome = self.sandbox.process(request)
            entry = self.sandbox.log[before] if len(self.sandbox.log) > before else Exchange(name, "", None)
            self._requests.append(RecordedRequest(name, entry.operation, request, entry.status, entry.faults))
            return outcome, len(self._requests) - 1

    def _deliver(self, request: httpx.Request, outcome: Outcome, index: int) -> httpx.Response:
        if outcome.delay:
            self.waits.append(outcome.delay)
            timeout = request.extensions.get("timeout", {}).get("read")
            if isinstance(timeout, (int, float)) and timeout < outcome.delay:
                self.clock.advance(timeout)
                self._forget_status(index)
                raise httpx.ReadTimeout(f"no answer within {timeout} s (sandbox latency fault)", request=request)
            self.clock.advance(outcome.delay)
        return outcome.deliver(request)

    def _forget_status(self, index: int) -> None:
        with self._lock:
            self._requests[index] = dataclasses.replace(self._requests[index], status=None)


class SandboxHarnessTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The httpx transport of a :class:`BrokerSandbox` (sync and async)."""

    def __init__(self, owner: BrokerSandbox) -> None:
        self.owner = owner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Answer ``request`` in process (records it; latency moves the clock)."""
        request.read()
        outcome, index = self.owner._process(request)
        return self.owner._deliver(request, outcome, index)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Async twin of :meth:`handle_request`."""
        await request.aread()
        outcome, index = self.owner._process(request)
        return self.owner._deliver(request, outcome, index)
