"""The session's httpx client builds the same requests as plain httpx, with less work per call.

It keeps each relative path's absolute URL (httpx re-parses the base URL for every request)
and skips the cookie-jar walk for an answer that sets no cookie. These tests pin what must not
change: a base URL's path prefix and the query survive for every path, however many distinct
paths a session sees, and a cookie a broker sets still rides on the next request.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import httpx

import orderbridge as ob
from tests.facade.helpers import CROSSTRADE, TOPSTEPX, TRADESTATION, Recorder, Reply, reply

CT_ANSWER = CROSSTRADE.routes[("POST", CROSSTRADE.place_path)]


def test_a_prefixed_base_url_reaches_every_path_however_many() -> None:
    """More distinct paths (one per account) than any cache of absolute URLs would hold."""
    rec = Recorder()
    accounts = [f"Sim{n}" for n in range(700)]
    for account in accounts:
        rec.set("POST", f"/gateway/v1/api/accounts/{account}/orders/place", CT_ANSWER)
    order = ob.Order(instrument="MES 12-25", side="buy", quantity=Decimal("1"))
    with ob.connect(
        "crosstrade",
        base_url="https://gw.example.test/gateway",
        credentials=dict(CROSSTRADE.credentials),
        transport=httpx.MockTransport(rec),
    ) as session:
        for account in [*accounts, *reversed(accounts[:20])]:
            session.place_order(order, account=account)
    assert not rec.unrouted
    sent = [str(r.url) for r in rec.requests]
    expected = [f"https://gw.example.test/gateway/v1/api/accounts/{a}/orders/place" for a in accounts]
    assert sent == expected + expected[:20][::-1]


def test_the_query_survives_with_the_base_path() -> None:
    rec = TRADESTATION.recorder()
    with ob.connect(
        "tradestation",
        credentials=dict(TRADESTATION.credentials),
        api_version="20160101",
        transport=httpx.MockTransport(rec),
    ) as session:
        for _ in range(2):
            session.place_order(TRADESTATION.order, account=TRADESTATION.account)
    places = TRADESTATION.places(rec)
    assert len(places) == 2
    assert all(r.url.params.get("APIVersion") == "20160101" for r in places)
    assert places[0].url == places[1].url


def _with_cookie(rec: Recorder) -> Recorder:
    login = dict(TOPSTEPX.routes)[("POST", "/api/Auth/loginKey")]
    assert isinstance(login, Reply)
    rec.set("POST", "/api/Auth/loginKey", reply(json=login.json, headers={"set-cookie": "lb=node-3; Path=/"}))
    return rec


def _topstepx(rec: Recorder) -> dict[str, Any]:
    return {"credentials": dict(TOPSTEPX.credentials), "transport": httpx.MockTransport(rec)}


def test_a_cookie_the_broker_sets_rides_on_the_next_request() -> None:
    rec = _with_cookie(TOPSTEPX.recorder())
    with ob.connect("topstepx", **_topstepx(rec)) as session:
        session.place_order(TOPSTEPX.order, account=TOPSTEPX.account)
        session.place_order(TOPSTEPX.order, account=TOPSTEPX.account)
    login, *places = rec.requests
    assert "cookie" not in login.headers
    assert [p.headers.get("cookie") for p in places] == ["lb=node-3", "lb=node-3"]


def test_a_cookie_the_broker_sets_rides_on_the_next_async_request() -> None:
    rec = _with_cookie(TOPSTEPX.recorder())

    async def go() -> None:
        async with ob.connect_async("topstepx", **_topstepx(rec)) as session:
            await session.place_order(TOPSTEPX.order, account=TOPSTEPX.account)

    asyncio.run(go())
    assert rec.requests[-1].headers.get("cookie") == "lb=node-3"
