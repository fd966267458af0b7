"""Both session twins pump the same login / attempt loops; what the async pump must keep.

A task cancelled while it holds the login lock (its login request in flight) must release it:
the next call logs in and places instead of waiting forever, even while the cancellation (and
the frames its traceback holds) is still alive.
"""

from __future__ import annotations

import asyncio

import httpx

import orderbridge as ob
from tests.facade.helpers import TOPSTEPX


def test_a_login_cancelled_in_flight_releases_the_login_lock() -> None:
    rec = TOPSTEPX.recorder()
    hang = True

    async def handler(request: httpx.Request) -> httpx.Response:
        if hang and request.url.path == TOPSTEPX.login_path:
            await asyncio.sleep(3600)
        return rec(request)

    async def go() -> ob.PlacedOrder:
        nonlocal hang
        cancelled: list[BaseException] = []
        async with ob.connect_async(
            "topstepx", credentials=dict(TOPSTEPX.credentials), transport=httpx.MockTransport(handler)
        ) as session:
            first = asyncio.create_task(session.place_order(TOPSTEPX.order, account=TOPSTEPX.account))
            await asyncio.sleep(0.05)
            first.cancel()
            try:
                await first
            except asyncio.CancelledError as exc:
                cancelled.append(exc)  # kept alive, with its traceback: no finaliser may help
            hang = False
            return await asyncio.wait_for(session.place_order(TOPSTEPX.order, account=TOPSTEPX.account), 5)

    placed = asyncio.run(go())
    assert placed.order_id
    assert len(TOPSTEPX.logins(rec)) == 1
    assert len(TOPSTEPX.places(rec)) == 1
