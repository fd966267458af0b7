"""Sync and async twins behave the same (issue 4, "Done when" 5): one scenario table run
through ``connect()`` and ``connect_async()``; outcomes (type and fields) and the captured
requests must be identical.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

import attrs
import httpx
import pytest

import orderbridge as ob

from . import helpers as h

CID = "twin-cid-0000000000001"

REJECTIONS = {
    "topstepx": h.reply(json={"orderId": 9057, "success": False, "errorCode": 2, "errorMessage": "no"}),
    "crosstrade": h.reply(400, json={"success": False, "error": "invalid_request", "detail": "no"}),
    "tradestation": h.reply(json=[{"OrderStatus": "Failed", "Message": "no", "OrderID": "5"}]),
    "sophic": h.reply(400, json={"code": "insufficient_funds", "detail": "no"}),
}
UNSUPPORTED = {
    "topstepx": ob.Order(instrument="X", side="buy", type="stop_limit", quantity=1, limit_price=1, stop_price=1),
    "crosstrade": ob.Order(instrument="X", side="buy", type="trailing_stop", quantity=1, trail_price=1),
    "tradestation": ob.Order(instrument="X", side="buy", quantity=1, flatten_first=True),
    "sophic": ob.Order(instrument="X", side="buy", type="limit", cash_amount=1, limit_price=1),
}


@attrs.frozen
class Scenario:
    name: str
    expect: type
    prepare: Callable[[h.Case, h.Recorder], object] = lambda case, rec: None
    call: str = "place_order"


def _set_place(answer: Any) -> Callable[[h.Case, h.Recorder], object]:
    return lambda case, rec: rec.set("POST", case.place_path, answer)


SCENARIOS = [
    Scenario("accepted", ob.PlacedOrder),
    Scenario("rejected", ob.OrderRejected, lambda case, rec: rec.set("POST", case.place_path, REJECTIONS[case.broker])),
    Scenario("http-500", ob.OutcomeUnknown, _set_place(h.reply(500))),
    Scenario("read-timeout", ob.OutcomeUnknown, _set_place(h.Raise(httpx.ReadTimeout))),
    Scenario("dropped", ob.OutcomeUnknown, _set_place(h.Raise(httpx.RemoteProtocolError))),
    Scenario("refused", ob.BrokerUnavailable, _set_place(h.Raise(httpx.ConnectError))),
    Scenario(
        "unauthorized",
        ob.AuthenticationError,
        _set_place(h.UNAUTHORIZED),
    ),
    Scenario(
        "malformed",
        ob.OutcomeUnknown,
        lambda case, rec: rec.set(
            "POST", case.place_path, httpx_reply(201 if case.broker == "sophic" else 200, b"{not json")
        ),
    ),
    Scenario(
        "retry-then-ok",
        ob.PlacedOrder,
        lambda case, rec: (
            rec.set("POST", case.place_path, [h.reply(503), case.routes[("POST", case.place_path)]])
            if case.idempotent
            else None
        ),
    ),
    Scenario("not-supported", ob.NotSupported, call="place_unsupported"),
    Scenario(
        "get-order",
        ob.BrokerOrder,
        lambda case, rec: rec.set(h.READS[case.broker].method, h.READS[case.broker].path, h.READS[case.broker].ok),
        call="get_order",
    ),
    Scenario("resolve", object, call="resolve"),
]


def httpx_reply(status: int, content: bytes) -> Callable[[httpx.Request], httpx.Response]:
    return lambda request: httpx.Response(status, content=content, request=request)


def _resolve_routes(case: h.Case, rec: h.Recorder) -> None:
    if case.broker == "topstepx":
        rec.set(
            "POST",
            "/api/Order/search",
            h.reply(json={"orders": [], "success": True, "errorCode": 0, "errorMessage": None}),
        )
    elif case.broker == "crosstrade":
        rec.set(
            "GET",
            f"/v1/api/accounts/Sim101/orders/{CID}",
            h.reply(404, json={"error": "not_found", "detail": "Order not found"}),
        )
    elif case.broker == "sophic":
        rec.set("POST", case.place_path, [h.Raise(httpx.ReadTimeout)] * 5 + [h.reply(201, json=h.sophic_order())])


def _invoke_sync(session: ob.Session, case: h.Case, scenario: Scenario) -> Any:
    order = case.order_with(CID)
    try:
        if scenario.call == "place_order":
            return session.place_order(order, account=case.account)
        if scenario.call == "place_unsupported":
            return session.place_order(UNSUPPORTED[case.broker], account=case.account)
        if scenario.call == "get_order":
            return session.get_order(h.READS[case.broker].order_id, account=case.account)
        with contextlib.suppress(ob.OrderbridgeError):
            session.place_order(order, account=case.account)
        return session.resolve(CID, account=case.account)
    except ob.OrderbridgeError as exc:
        return exc


async def _invoke_async(session: ob.AsyncSession, case: h.Case, scenario: Scenario) -> Any:
    order = case.order_with(CID)
    try:
        if scenario.call == "place_order":
            return await session.place_order(order, account=case.account)
        if scenario.call == "place_unsupported":
            return await session.place_order(UNSUPPORTED[case.broker], account=case.account)
        if scenario.call == "get_order":
            return await session.get_order(h.READS[case.broker].order_id, account=case.account)
        with contextlib.suppress(ob.OrderbridgeError):
            await session.place_order(order, account=case.account)
        return await session.resolve(CID, account=case.account)
    except ob.OrderbridgeError as exc:
        return exc


def _recorder(case: h.Case, scenario: Scenario) -> h.Recorder:
    rec = case.recorder()
    scenario.prepare(case, rec)
    if scenario.call == "resolve":
        _resolve_routes(case, rec)
    return rec


def _outcome_fields(outcome: Any) -> dict[str, Any]:
    if isinstance(outcome, ob.BrokerOrder):
        return {"type": "BrokerOrder", **attrs.asdict(outcome, filter=lambda a, v: a.name != "raw")}
    return h.summary(outcome)


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_sync_and_async_twins_agree(case: h.Case, scenario: Scenario) -> None:
    connect_kw: dict[str, Any] = {"credentials": dict(case.credentials), "api_version": case.api_version}

    rec_sync = _recorder(case, scenario)
    with ob.connect(case.broker, transport=httpx.MockTransport(rec_sync), **connect_kw) as session:
        h.no_sleep(session)
        sync_outcome = _invoke_sync(session, case, scenario)

    rec_async = _recorder(case, scenario)

    async def main() -> Any:
        async with ob.connect_async(case.broker, transport=httpx.MockTransport(rec_async), **connect_kw) as session:
            h.no_sleep(session)
            return await _invoke_async(session, case, scenario)

    async_outcome = asyncio.run(main())

    assert isinstance(sync_outcome, scenario.expect) or sync_outcome is None, sync_outcome
    assert _outcome_fields(sync_outcome) == _outcome_fields(async_outcome)
    assert [h.wire(r) for r in rec_sync.requests] == [h.wire(r) for r in rec_async.requests]
    assert rec_sync.unrouted == [] and rec_async.unrouted == []


def test_twins_expose_the_same_public_methods() -> None:
    public = {n for n in dir(ob.Session) if not n.startswith("_")}
    async_public = {n for n in dir(ob.AsyncSession) if not n.startswith("_")}
    assert public - {"close"} == async_public - {"aclose"}
    for name in ("place_order", "get_order", "cancel_order", "resolve"):
        assert asyncio.iscoroutinefunction(getattr(ob.AsyncSession, name))
        assert not asyncio.iscoroutinefunction(getattr(ob.Session, name))
