"""Shared machinery of the facade tests: a recording ``httpx.MockTransport`` handler, the
broker cases (one per broker and TradeStation API version), canned broker answers and
session factories for both twins.

Nothing here touches the network: every session gets an ``httpx.MockTransport`` whose handler
is a :class:`Recorder`. Base URLs are the brokers' production hosts (never contacted), so a
captured request can be validated against the spec without rewriting its URL.

A test file takes all of it in one line, ``from . import helpers as h``, and names what it uses
through the module (``h.TOPSTEPX``, ``h.place(...)``), so a new test starts with one import
rather than a copied list of names.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, overload

import attrs
import httpx

import orderbridge as ob
from orderbridge import AsyncSession, Session
from orderbridge.testing import session_for, use_sleep
from tests._specs import load_spec

CID_PATTERN = r"^[A-Za-z0-9_-]{22}$"

# -- canned answers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """A response recipe; a fresh ``httpx.Response`` is built for every request. ``json`` may be
    an :class:`Example`, read from the spec when the response is built."""

    status: int = 200
    json: Any = None
    text: str | None = None
    content: bytes | None = None
    headers: Mapping[str, str] = field(default_factory=dict)

    def build(self, request: httpx.Request) -> httpx.Response:
        headers = dict(self.headers)
        if self.content is not None:
            return httpx.Response(self.status, content=self.content, headers=headers, request=request)
        if self.text is not None:
            headers.setdefault("content-type", "text/html")
            return httpx.Response(self.status, text=self.text, headers=headers, request=request)
        if self.json is not None:
            value = self.json.value() if isinstance(self.json, Example) else self.json
            return httpx.Response(self.status, json=value, headers=headers, request=request)
        return httpx.Response(self.status, headers=headers, request=request)


def reply(status: int = 200, json: Any = None, **kw: Any) -> Reply:
    return Reply(status=status, json=json, **kw)


class Raise:
    """A transport failure recipe: raises a fresh ``exc_type`` for every request."""

    def __init__(self, exc_type: type[httpx.TransportError], message: str = "simulated") -> None:
        self.exc_type = exc_type
        self.message = message

    def build(self, request: httpx.Request) -> httpx.Response:
        raise self.exc_type(self.message, request=request)

    def __repr__(self) -> str:
        return f"Raise({self.exc_type.__name__})"


Responder = Reply | Raise | Callable[[httpx.Request], httpx.Response]


class Recorder:
    """The MockTransport handler: answers from a route table and records every request.

    ``routes`` maps ``(METHOD, path)`` (path relative to the host, prefix included) to one
    responder or a list of them; a list is consumed in order and its last item repeats.
    Unrouted requests are answered 599 and listed in ``unrouted`` so a test can fail on them.
    """

    def __init__(self, routes: Mapping[tuple[str, str], Responder | Sequence[Responder]] | None = None) -> None:
        self.routes: dict[tuple[str, str], list[Responder]] = {}
        self.requests: list[httpx.Request] = []
        self.unrouted: list[httpx.Request] = []
        for key, value in (routes or {}).items():
            self.set(key[0], key[1], value)

    def set(self, method: str, path: str | None, value: Responder | Sequence[Responder]) -> Recorder:
        assert path is not None, "no such path for this broker"
        self.routes[(method.upper(), path)] = list(value) if isinstance(value, (list, tuple)) else [value]  # type: ignore[list-item]
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        queue = self.routes.get((request.method, request.url.path))
        if not queue:
            self.unrouted.append(request)
            return httpx.Response(599, request=request)
        item = queue.pop(0) if len(queue) > 1 else queue[0]
        if isinstance(item, (Reply, Raise)):
            return item.build(request)
        return item(request)

    # -- queries ----------------------------------------------------------------------------
    def to(self, path: str, method: str | None = None) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path == path and (method is None or r.method == method)]

    def count(self, path: str) -> int:
        return len(self.to(path))


def body(request: httpx.Request) -> Any:
    """The JSON body; JSON numbers with a fraction or exponent are parsed as ``Decimal`` (so
    ``6300.25`` compares exactly with the user's digits), integers stay ``int``."""
    return json.loads(request.content, parse_float=Decimal)


def json_equal(expected: Any, actual: Any) -> bool:
    """Structural equality that also requires the same JSON types (``1`` is not ``true``,
    ``"10"`` is not ``10``)."""
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and expected.keys() == actual.keys()
            and all(json_equal(expected[k], actual[k]) for k in expected)
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(json_equal(e, a) for e, a in zip(expected, actual, strict=True))
        )
    return type(expected) is type(actual) and expected == actual


def assert_nothing_sent(rec: Recorder) -> None:
    assert rec.requests == [], [f"{r.method} {r.url}" for r in rec.requests]


def assert_placement_unknown(
    outcome: Any, origin: str | None = None, *, client_order_id: str | None = None
) -> ob.PlacementUnknown:
    """``outcome`` is exactly a ``PlacementUnknown`` saying the order may exist, with the given
    ``origin`` and ``client_order_id`` (each checked when given); returns it."""
    assert type(outcome) is ob.PlacementUnknown, outcome
    assert outcome.order_may_exist is True
    if origin is not None:
        assert outcome.origin == origin
    if client_order_id is not None:
        assert outcome.client_order_id == client_order_id
    return outcome


def form(request: httpx.Request) -> dict[str, str]:
    return dict(httpx.QueryParams(request.content.decode()))


# -- spec examples --------------------------------------------------------------------------------


def _deref(doc: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = doc
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def spec_example(broker: str, path: str, method: str, status: str, name: str) -> Any:
    """A named response example of ``specs/<broker>.yaml`` (deep copy)."""
    doc = load_spec(broker)
    response = _deref(doc, doc["paths"][path][method]["responses"][status])
    for media in response["content"].values():
        examples = media.get("examples", {})
        if name in examples:
            return copy.deepcopy(_deref(doc, examples[name])["value"])
    raise KeyError(f"{broker} {method} {path} {status}: no example {name!r}")


@dataclass(frozen=True)
class Example:
    """A named response example of ``specs/<broker>.yaml``, as a reply body: read when a
    response is built, never when a module is imported (no test does I/O at import time)."""

    broker: str
    path: str
    method: str
    status: str
    name: str

    def value(self) -> Any:
        return spec_example(self.broker, self.path, self.method, self.status, self.name)


SOPHIC_PLACED = Example("sophic", "/accounts/{account_id}/orders", "post", "201", "buy_placed")
"""Sophic's documented answer to a placement."""


def sophic_order() -> Any:
    """The body of :data:`SOPHIC_PLACED`, a fresh copy each call."""
    return SOPHIC_PLACED.value()


# -- broker cases ---------------------------------------------------------------------------------

TSX_TOKEN = "tsx-session-token-1"
TS_TOKEN = "ts-access-token-1"
SOPHIC_TOKEN = "sophic-jwt-1"
CT_TOKEN = "ct-secret-key-1"
CT_PLACE = "/v1/api/accounts/{account}/orders/place"
CT_FLATPLACE = "/v1/api/accounts/{account}/orders/flatplace"


@dataclass(frozen=True)
class Case:
    """One broker configuration under test."""

    id: str
    broker: str
    api_version: str | None
    credentials: Mapping[str, str]
    account: str
    order: ob.Order
    place_path: str
    login_path: str | None
    token: str
    routes: Mapping[tuple[str, str], Responder]

    def order_with(self, client_order_id: str) -> ob.Order:
        """The case's order carrying ``client_order_id``."""
        return attrs.evolve(self.order, client_order_id=client_order_id)

    def recorder(self, place: Responder | Sequence[Responder] | None = None) -> Recorder:
        rec = Recorder(self.routes)
        if place is not None:
            rec.set("POST", self.place_path, place)
        return rec

    @property
    def idempotent(self) -> bool:
        return ob.capabilities(self.broker).idempotent_placement

    def cid_of(self, request: httpx.Request) -> str:
        """The client order id as sent in the broker's field."""
        if self.broker == "topstepx":
            return str(body(request)["customTag"])
        if self.broker == "crosstrade":
            return str(body(request)["orderId"])
        if self.broker == "tradestation":
            return str(body(request)["OrderConfirmId"])
        return request.headers["Idempotency-Key"]

    def places(self, rec: Recorder) -> list[httpx.Request]:
        return rec.to(self.place_path, "POST")

    def logins(self, rec: Recorder) -> list[httpx.Request]:
        return rec.to(self.login_path, "POST") if self.login_path else []


TOPSTEPX = Case(
    id="topstepx",
    broker="topstepx",
    api_version=None,
    credentials={"username": "tsx-user", "api_key": "tsx-api-key"},
    account="465",
    order=ob.Order(instrument="CON.F.US.MES.Z25", side="buy", quantity=Decimal("1")),
    place_path="/api/Order/place",
    login_path="/api/Auth/loginKey",
    token=TSX_TOKEN,
    routes={
        ("POST", "/api/Auth/loginKey"): reply(
            json={"token": TSX_TOKEN, "success": True, "errorCode": 0, "errorMessage": None}
        ),
        ("POST", "/api/Order/place"): reply(json=Example("topstepx", "/api/Order/place", "post", "200", "success")),
    },
)
CROSSTRADE = Case(
    id="crosstrade",
    broker="crosstrade",
    api_version=None,
    credentials={"token": CT_TOKEN},
    account="Sim101",
    order=ob.Order(instrument="MES 12-25", side="buy", quantity=Decimal("1")),
    place_path="/v1/api/accounts/Sim101/orders/place",
    login_path=None,
    token=CT_TOKEN,
    routes={
        ("POST", "/v1/api/accounts/Sim101/orders/place"): reply(
            json=Example("crosstrade", CT_PLACE, "post", "200", "placed")
        ),
        ("POST", "/v1/api/accounts/Sim101/orders/flatplace"): reply(
            json=Example("crosstrade", CT_FLATPLACE, "post", "200", "placed")
        ),
    },
)


def _tradestation(version: str) -> Case:
    return Case(
        id=f"tradestation-{version}",
        broker="tradestation",
        api_version=version,
        credentials={"client_id": "ts-client-id", "client_secret": "ts-client-secret", "refresh_token": "ts-refresh"},
        account="123456",
        order=ob.Order(instrument="MSFT", side="buy", quantity=Decimal("10")),
        place_path="/v2/orders",
        login_path="/v2/security/authorize",
        token=TS_TOKEN,
        routes={
            ("POST", "/v2/security/authorize"): reply(
                json={"access_token": TS_TOKEN, "expires_in": 1200, "token_type": "AccessToken", "userid": "testUser"}
            ),
            ("POST", "/v2/orders"): reply(
                json=[{"Message": "Sent order: Buy 10 MSFT", "OrderID": "207887693", "OrderStatus": "Ok"}]
            ),
        },
    )


TRADESTATION = _tradestation("20160101")
TRADESTATION_GLOBAL = _tradestation("20150101")
SOPHIC = Case(
    id="sophic",
    broker="sophic",
    api_version=None,
    credentials={"client_id": "sophic-client-id", "client_secret": "sophic-client-secret"},
    account="acc_abc123",
    order=ob.Order(instrument="ins_xyz789", side="buy", cash_amount=Decimal("100.00")),
    place_path="/accounts/acc_abc123/orders",
    login_path="/auth/token",
    token=SOPHIC_TOKEN,
    routes={
        ("POST", "/auth/token"): reply(
            json={"access_token": SOPHIC_TOKEN, "token_type": "bearer", "expires_in": 900, "scope": ""}
        ),
        ("POST", "/accounts/acc_abc123/orders"): reply(201, json=SOPHIC_PLACED),
    },
)

CASES = (TOPSTEPX, CROSSTRADE, TRADESTATION, TRADESTATION_GLOBAL, SOPHIC)
UNAUTHORIZED = reply(
    401, json={"error": "Unauthorized", "Message": "u", "StatusCode": 401, "code": "invalid_token", "detail": "u"}
)
"""A 401 carrying every broker's error fields at once (CrossTrade ``error``, TradeStation
``Message``/``StatusCode``, Sophic ``code``/``detail``): refused credentials at any broker."""
NEVER_RETRIED = (TOPSTEPX, CROSSTRADE)
IDEMPOTENT = (TRADESTATION, TRADESTATION_GLOBAL, SOPHIC)
TRADESTATIONS = (TRADESTATION, TRADESTATION_GLOBAL)
BY_BROKER = {case.broker: case for case in (TOPSTEPX, CROSSTRADE, TRADESTATION, SOPHIC)}
"""One case per broker (TradeStation at its default API version), by broker name."""


# -- sessions -------------------------------------------------------------------------------------


@overload
def open_session(
    case: Case,
    handler: Callable[[httpx.Request], Any],
    *,
    async_: Literal[False] = False,
    clock: Callable[[], float] | None = None,
    credentials: Mapping[str, str] | None = None,
    sleeps: list[float] | None = None,
) -> Session: ...


@overload
def open_session(
    case: Case,
    handler: Callable[[httpx.Request], Any],
    *,
    async_: Literal[True],
    clock: Callable[[], float] | None = None,
    credentials: Mapping[str, str] | None = None,
    sleeps: list[float] | None = None,
) -> AsyncSession: ...


@overload
def open_session(
    case: Case,
    handler: Callable[[httpx.Request], Any],
    *,
    async_: bool,
    clock: Callable[[], float] | None = None,
    credentials: Mapping[str, str] | None = None,
    sleeps: list[float] | None = None,
) -> Session | AsyncSession: ...


def open_session(
    case: Case,
    handler: Callable[[httpx.Request], Any],
    *,
    async_: bool = False,
    clock: Callable[[], float] | None = None,
    credentials: Mapping[str, str] | None = None,
    sleeps: list[float] | None = None,
) -> Session | AsyncSession:
    """A session on ``handler`` with its backoff sleep replaced by a recorder (no real waits)."""
    return session_for(
        case.broker,
        transport=httpx.MockTransport(handler),
        credentials=case.credentials if credentials is None else credentials,
        api_version=case.api_version,
        clock=clock,
        sleep=([] if sleeps is None else sleeps).append,
        asynchronous=async_,
    )


def no_sleep(session: Session | AsyncSession) -> None:
    use_sleep(session, lambda seconds: None)


def run(session: Session | AsyncSession, method: str, *args: Any, **kwargs: Any) -> Any:
    """Call ``method`` on either twin; returns the result or the raised exception."""
    if isinstance(session, AsyncSession):

        async def go() -> Any:
            try:
                return await getattr(session, method)(*args, **kwargs)
            except Exception as exc:
                return exc
            finally:
                await session.aclose()

        return asyncio.run(go())
    try:
        return getattr(session, method)(*args, **kwargs)
    except Exception as exc:
        return exc
    finally:
        session.close()


def place(case: Case, rec: Recorder, order: ob.Order | None = None, *, async_: bool = False, **kw: Any) -> Any:
    """Place ``order`` (default: the case's order) once on a fresh session; result or exception."""
    session = open_session(case, rec, async_=async_, **kw)
    return run(session, "place_order", order or case.order, account=case.account)


def summary(outcome: Any) -> dict[str, Any]:
    """The observable parts of a place outcome, for comparing the twins."""
    if isinstance(outcome, ob.PlacedOrder):
        return {
            "type": "PlacedOrder",
            "broker": outcome.broker,
            "account": outcome.account,
            "order_id": outcome.order_id,
            "client_order_id": outcome.client_order_id,
            "status": outcome.status,
        }
    if outcome is None:
        return {"type": "None"}
    assert isinstance(outcome, ob.OrderbridgeError), f"non-orderbridge exception escaped: {outcome!r}"
    keys = (
        "broker",
        "order_may_exist",
        "code",
        "code_name",
        "origin",
        "client_order_id",
        "broker_message",
        "order_id",
        "status_code",
        "field",
        "feature",
        "retry_after",
    )
    out = {"type": type(outcome).__name__, "str": str(outcome)}
    out.update({k: getattr(outcome, k) for k in keys if hasattr(outcome, k)})
    return out


def wire(request: httpx.Request) -> tuple[Any, ...]:
    """The parts of a request that matter, for comparing the twins."""
    headers = {k: request.headers.get(k) for k in ("authorization", "content-type", "idempotency-key", "api-version")}
    # The TopstepX resolve window starts "now minus the lookback": wall-clock, so masked.
    content = re.sub(rb'"startTimestamp":"[^"]*"', b'"startTimestamp":"<now-lookback>"', request.content)
    return (request.method, str(request.url), tuple(sorted(headers.items())), content)


# -- reads ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Read:
    """How ``get_order`` reaches one order at a broker, and the spec's answer for it."""

    method: str
    path: str
    order_id: str
    ok: Reply
    status: str | None


READS: dict[str, Read] = {
    "topstepx": Read(
        "POST",
        "/api/Order/searchById",
        "36598",
        reply(json=Example("topstepx", "/api/Order/searchById", "post", "200", "filled")),
        "FILLED",
    ),
    "crosstrade": Read(
        "GET",
        "/v1/api/accounts/Sim101/orders/50cca7b8051146c684087db511107983",
        "50cca7b8051146c684087db511107983",
        reply(
            json=Example("crosstrade", "/v1/api/accounts/{account}/orders/{orderId}", "get", "200", "cancel_pending")
        ),
        "CancelPending",
    ),
    "tradestation": Read(
        "GET",
        "/v2/accounts/123456/orders",
        "207885335",
        reply(json=Example("tradestation", "/v2/accounts/{account_keys}/orders", "get", "200", "filled_limit")),
        "FLL",
    ),
    "sophic": Read(
        "GET",
        "/accounts/acc_abc123/orders/ord_m4k7r9s2",
        "ord_m4k7r9s2",
        reply(json=Example("sophic", "/accounts/{account_id}/orders/{order_id}", "get", "200", "placed")),
        "placed",
    ),
}
