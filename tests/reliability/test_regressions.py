"""Minimal reproductions of the defects the reliability suite found, one test each (they fail
until the code is fixed; the fuzzers and fault runs find the same defects less directly)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox.spec import validate_request

from ._harness import ACCOUNT, Rig, market_order, operation_of, run

# -- facade: Order(type=None) ------------------------------------------------------------------------


def test_order_with_type_none_is_an_invalid_order() -> None:
    """facade/src/orderbridge/_models.py:281 looks up ``_PRICES_BY_TYPE[self.type]``; the type
    converter passes ``None`` through, so ``Order(type=None)`` raises a bare KeyError."""
    with pytest.raises(ob.InvalidOrder) as refused:
        ob.Order(instrument="MSFT", side="buy", type=None, quantity=Decimal("1"))
    assert refused.value.field == "type"


# -- facade: dot-segment ids reach another endpoint ---------------------------------------------------


class _Stop(ob.OrderbridgeError):
    def __init__(self, request: httpx.Request) -> None:
        super().__init__("captured")
        self.request = request


def _captured(broker: str, call: Any) -> tuple[str, httpx.Request | None, BaseException | None]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        raise _Stop(request)

    session = ob.connect(broker, base_url=f"http://127.0.0.1/{broker}", transport=httpx.MockTransport(handler))
    session._box.token = "t"
    session._box.expires_at = None
    try:
        call(session)
    except _Stop:
        pass
    except ob.OrderbridgeError as error:
        return "refused", (sent[0] if sent else None), error
    finally:
        session.close()
    return "sent", sent[0], None


DOT_CASES = [
    ("crosstrade", "place", ".."),
    ("crosstrade", "place", "."),
    ("sophic", "place", ".."),
    ("sophic", "place", "."),
    ("crosstrade", "get_order_id", ".."),
    ("crosstrade", "cancel_order_id", ".."),
    ("tradestation", "cancel_order_id", ".."),
    ("sophic", "get_order_id", ".."),
    ("crosstrade", "resolve_client_order_id", ".."),
]
INTENDED = {
    "place": "place_order",
    "get_order_id": "get_order",
    "cancel_order_id": "cancel_order",
    "resolve_client_order_id": "get_order",
}


@pytest.mark.parametrize(("broker", "what", "value"), DOT_CASES)
def test_dot_segment_ids_are_refused_or_escaped(broker: str, what: str, value: str) -> None:
    """An account or order id of ``.``/``..`` is quoted by the generated client as is, and
    httpx removes dot segments from the URL path, so the request goes to a *different* endpoint
    (CrossTrade ``account=".."``: ``POST /v1/api/orders/place``; TradeStation cancel of order
    ``..``: ``DELETE /v2/``). Such ids must be refused before sending (InvalidOrder) or escaped."""

    def call(session: Any) -> Any:
        if what == "place":
            return session.place_order(market_order(broker), account=value)
        if what == "get_order_id":
            return session.get_order(value, account=ACCOUNT[broker])
        if what == "resolve_client_order_id":
            return session.resolve(value, account=ACCOUNT[broker])
        return session.cancel_order(value, account=ACCOUNT[broker])

    outcome, request, error = _captured(broker, call)
    if outcome == "refused":
        assert request is None, f"{error!r} after sending {request.url if request else ''}"
        assert isinstance(error, (ob.InvalidOrder, ob.NotSupported, ob.OrderNotFound)), error
        return
    assert request is not None
    assert operation_of(broker, request) == INTENDED[what], f"sent to {request.method} {request.url.path}"
    validate_request(broker, request, prefix=f"/{broker}")


def test_crosstrade_cancel_of_order_dot_cancels_every_working_order() -> None:
    """The worst case of the dot-segment defect: ``cancel_order(".", account="Sim101")`` is sent
    as ``POST /v1/api/accounts/Sim101/orders/./cancel``, which httpx normalizes to
    ``.../orders/cancel`` — CrossTrade's *cancel all working orders of the account* endpoint
    (``cancel_orders``, body ``{}`` = whole account). Both resting orders are cancelled."""
    from ._harness import new_sandbox, resting_order

    sandbox, _ = new_sandbox()
    with ob.connect(
        "crosstrade",
        base_url="http://127.0.0.1/crosstrade",
        credentials={"token": "demo-token"},
        transport=sandbox.transport(),
    ) as session:
        for _ in range(2):
            session.place_order(resting_order("crosstrade"), account="Sim101")
        with pytest.raises(ob.OrderbridgeError):
            session.cancel_order(".", account="Sim101")
    assert [e.operation for e in sandbox.log if "cancel" in e.operation] == []
    assert [o.status for o in sandbox.orders("crosstrade")] == ["Working", "Working"]


EMPTY_CASES = [
    ("crosstrade", "get_order_id", ""),
    ("crosstrade", "cancel_order_id", ""),
    ("crosstrade", "resolve_client_order_id", ""),
    ("tradestation", "cancel_order_id", ""),
    ("tradestation", "cancel_order_id", " "),
    ("sophic", "get_order_id", ""),
]


@pytest.mark.parametrize(("broker", "what", "value"), EMPTY_CASES)
def test_empty_ids_are_refused_before_sending(broker: str, what: str, value: str) -> None:
    """``get_order("")`` / ``cancel_order("")`` / ``resolve("")`` put an empty path segment in the
    URL (``.../orders/`` or ``.../orders//cancel``): no operation of the spec. Session methods
    other than place_order never validate their ids (_session.py get_order/cancel_order/resolve)."""
    test_dot_segment_ids_are_refused_or_escaped(broker, what, value)


def test_topstepx_order_id_beyond_int64_is_refused_before_sending() -> None:
    """facade/src/orderbridge/brokers/topstepx/adapter.py ``_order_id`` accepts any integer text; the spec
    declares orderId int64, so ``get_order("99999999999999999999")`` sends an invalid request."""
    for call in (
        lambda s: s.get_order("99999999999999999999", account="465"),
        lambda s: s.cancel_order("99999999999999999999", account="465"),
    ):
        outcome, request, error = _captured("topstepx", call)
        assert outcome == "refused" and request is None and isinstance(error, ob.InvalidOrder), (outcome, error)


def test_sophic_order_id_longer_than_the_spec_allows_is_refused_before_sending() -> None:
    outcome, request, error = _captured("sophic", lambda s: s.get_order("o" * 300, account="acc_abc123"))
    assert outcome == "refused" and request is None and isinstance(error, ob.InvalidOrder), (outcome, error)


def test_sophic_account_longer_than_the_spec_allows_is_refused_before_sending() -> None:
    """specs/sophic.yaml ``AccountId`` has ``maxLength: 255``; the facade sends a 300-character
    account id (a request that violates the spec) instead of raising InvalidOrder."""
    outcome, request, error = _captured("sophic", lambda s: s.place_order(market_order("sophic"), account="a" * 300))
    assert outcome == "refused" and request is None and isinstance(error, ob.InvalidOrder), (outcome, error)


def test_sophic_instrument_longer_than_the_spec_allows_is_refused_before_sending() -> None:
    """specs/sophic.yaml ``PlaceOrderRequest.instrument`` has ``maxLength: 255``; the facade
    (brokers/sophic/adapter.py ``validate``/``place_request``) sends a 1000-character instrument."""
    order = ob.Order(instrument="i" * 1000, side="buy", cash_amount=Decimal("10.00"))
    outcome, request, error = _captured("sophic", lambda s: s.place_order(order, account="acc_abc123"))
    assert outcome == "refused" and request is None and isinstance(error, ob.InvalidOrder), (outcome, error)


# -- facade: TradeStation GTDDate before year 1000 -----------------------------------------------------


def test_tradestation_gtd_date_before_year_1000_is_refused_or_sent_with_four_digits() -> None:
    """facade/src/orderbridge/brokers/tradestation/adapter.py formats ``GTDDate`` with
    ``strftime("%m/%d/%Y")``, which does not zero-pad years below 1000 on glibc:
    ``date(340, 8, 26)`` is sent as ``"08/26/340"``, a request the spec (MM/DD/YYYY) refuses.
    (A GTD date centuries in the past should arguably be InvalidOrder anyway.)"""
    order = ob.Order(
        instrument="MSFT",
        side="buy",
        type="limit",
        quantity=Decimal("1"),
        limit_price=Decimal("100.00"),
        time_in_force="gtd",
        expire_date="0340-08-26",
    )
    outcome, request, error = _captured("tradestation", lambda s: s.place_order(order, account="123456"))
    if outcome == "refused":
        assert request is None and isinstance(error, ob.InvalidOrder), error
        return
    assert request is not None
    validate_request("tradestation", request, prefix="/tradestation")


# -- facade: TradeStation quota answer drops Retry-After ----------------------------------------------


def test_tradestation_quota_exceeded_keeps_the_brokers_retry_after() -> None:
    """facade/src/orderbridge/brokers/tradestation/adapter.py builds ``RateLimited`` for a read's
    403 "Quota Exceeded" without ``retry_after``, although the answer carries
    ``Retry-After: 2`` (``RateLimited.retry_after`` is documented as "the broker's Retry-After in
    seconds, or None when it gave none"; a 429 gets it via ``_flow.rate_limited``)."""

    async def scenario() -> None:
        rig = Rig("tradestation")
        try:
            placed = await rig.call("place", market_order("tradestation"))
            assert placed.error is None
            rig.sandbox_fault("tradestation:list_account_orders:rate_limit=2")
            result = await rig.call("get", placed.value.order_id)
        finally:
            await rig.close()
        assert isinstance(result.error, ob.RateLimited)
        assert result.error.retry_after == 2.0

    run(scenario)


# -- facade: an exception inside the transport is reported as "nothing was sent" ---------------------


class _Crash:
    """A transport that hands the request to the sandbox (the order is recorded) and then fails
    with a non-httpx exception — as a custom transport, a proxy adapter or the in-process
    sandbox itself (strict mode raises SpecViolation; a body pre-read by MockTransport raises
    httpx.DecodingError) can."""

    def __init__(self, inner: httpx.BaseTransport, exc: BaseException) -> None:
        self.inner = inner
        self.exc = exc

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.url.path.endswith("/Order/place"):
            response.read()
            raise self.exc
        return response

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    "exc",
    [RuntimeError("transport crashed"), ValueError("bad frame"), KeyError("x"), httpx.DecodingError("bad gzip")],
    ids=lambda e: type(e).__name__,
)
def test_an_exception_after_the_request_reached_the_transport_is_an_unknown_outcome(exc: BaseException) -> None:
    """facade/src/orderbridge/_transport.py ``classify_exception`` (the branch after
    ``_last_response.get()`` is None): any exception that is not an httpx transport error and
    came with no response is reported as "failed before sending ... nothing was sent"
    (ConfigurationError for RuntimeError, InvalidOrder for ValueError/TypeError, the base
    OrderbridgeError otherwise), all with ``order_may_exist=False`` — although the request was
    already handed to the transport and here the sandbox recorded the order. For a money-moving
    call this must be OutcomeUnknown unless the request provably never reached the transport
    (e.g. track it with an httpx ``request`` event hook)."""
    from ._harness import new_sandbox

    sandbox, _ = new_sandbox()
    transport = _Crash(sandbox.transport(), exc)
    session = ob.connect(
        "topstepx",
        base_url="http://127.0.0.1/topstepx",
        credentials={"username": "demo", "api_key": "demo-api-key"},
        transport=transport,  # type: ignore[arg-type]
    )
    with session, pytest.raises(ob.OrderbridgeError) as caught:
        session.place_order(market_order("topstepx", "crash-1"), account="465")
    assert [o.client_order_id for o in sandbox.orders("topstepx")] == ["crash-1"]
    error = caught.value
    assert isinstance(error, ob.OutcomeUnknown) and error.order_may_exist, f"{type(error).__name__}: {error}"


# -- sandbox: encoded slash in a path parameter -------------------------------------------------------


ENCODED = [
    ("crosstrade", "POST", "/v1/api/accounts/{}/orders/place", "a%2Fb", "account", "a/b"),
    ("tradestation", "DELETE", "/v2/orders/{}?APIVersion=20160101", "%3F", "order_id", "?"),
]


@pytest.mark.parametrize(("broker", "method", "template", "raw", "name", "value"), ENCODED)
def test_spec_validation_keeps_encoded_delimiters_inside_one_path_parameter(
    broker: str, method: str, template: str, raw: str, name: str, value: str
) -> None:
    """sandbox/src/orderbridge_sandbox/spec.py ``spec_path`` matches ``request.url.path``, which
    httpx has percent-decoded: an account ``a/b`` sent (correctly) as ``a%2Fb`` becomes two path
    segments ("Path not found"); an order id ``?`` sent as ``%3F`` is read as an empty value. The
    router (routes.split_prefix) uses the raw path, so the sandbox answers 400 to valid requests."""
    body = {"instrument": "MES 12-25", "action": "BUY", "quantity": 1, "orderType": "MARKET", "timeInForce": "DAY"}
    request = httpx.Request(
        method,
        f"http://127.0.0.1/{broker}" + template.format(raw),
        headers={"Authorization": "Bearer demo-token"},
        json=body if method == "POST" else None,
    )
    assert raw.encode() in request.url.raw_path
    result = validate_request(broker, request, prefix=f"/{broker}")
    assert result.parameters.path[name] == value


# -- the sandbox's listen backlog: see test_invariants.test_loopback_server_serves_a_burst_of_50_connections


def test_rig_sanity() -> None:
    """The regression helpers reach the intended operations for ordinary ids."""

    async def scenario() -> None:
        rig = Rig("crosstrade")
        try:
            assert (await rig.call("place", market_order("crosstrade"))).error is None
        finally:
            await rig.close()

    run(scenario)
    outcome, request, _ = _captured("crosstrade", lambda s: s.place_order(market_order("crosstrade"), account="Sim101"))
    assert outcome == "sent" and request is not None and operation_of("crosstrade", request) == "place_order"
