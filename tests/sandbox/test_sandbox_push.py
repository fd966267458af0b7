"""Live events pushed by the sandbox's TopstepX user hub, through ``AsyncSession.events`` over
loopback: the first picture and ``Resynced`` (by REST, once subscribed), a market order heard as
pushed order, fill and position events, and a dropped stream reported as ``Gap`` then repaired
(``Resynced``) with the lost events delivered as ``resync`` events — nothing twice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Callable, Iterator
from decimal import Decimal

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox, SandboxServer, start

from ._sandbox_support import CREDENTIALS

ACCOUNT = "465"
MARKET = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal(1))
WAIT = 15.0  # seconds before a missing event fails the test (not a timing assertion)


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with start(Sandbox(strict=True), port=0) as running:
        yield running


async def take(stream: AsyncIterable[ob.Event], until: Callable[[ob.Event], bool]) -> list[ob.Event]:
    seen: list[ob.Event] = []

    async def collect() -> list[ob.Event]:
        async for event in stream:
            seen.append(event)
            if until(event):
                return seen
        raise AssertionError(f"the stream ended; saw {[e.kind for e in seen]}")

    try:
        return await asyncio.wait_for(collect(), WAIT)
    except TimeoutError:
        raise AssertionError(f"gave up waiting; saw {[(e.kind, e.source.value) for e in seen]}") from None


def session(server: SandboxServer) -> ob.AsyncSession:
    return ob.connect_async("topstepx", base_url=server.broker_url("topstepx"), credentials=CREDENTIALS["topstepx"])


def test_pushed_events_then_a_dropped_stream_is_a_gap_then_resynced(server: SandboxServer) -> None:
    async def story() -> tuple[list[ob.Event], list[ob.Event], list[ob.Event], int]:
        async with session(server) as broker, broker.events(accounts=[ACCOUNT]) as stream:
            first = await take(stream, lambda e: isinstance(e, ob.Resynced))
            placed = await broker.place_order(MARKET, account=ACCOUNT)
            pushed = await take(stream, lambda e: isinstance(e, ob.PositionEvent))
            # The next push cuts the connection: the order's events are lost in flight.
            server.sandbox.add_fault("topstepx:*:stream_drop:1")
            await broker.place_order(MARKET, account=ACCOUNT)
            repaired = await take(stream, lambda e: isinstance(e, ob.Resynced))
            assert placed.order_id
            return first, pushed, repaired, stream.connections  # type: ignore[attr-defined]

    first, pushed, repaired, connections = asyncio.run(story())
    assert {e.source for e in first} == {ob.Source.RESYNC}
    assert [e.kind for e in pushed if e.kind != "balance"] == ["order", "order", "fill", "position"], pushed
    assert {e.source for e in pushed} == {ob.Source.PUSH}
    assert repaired[0].kind == "gap"
    fills = [e.fill.fill_id for e in (*pushed, *repaired) if isinstance(e, ob.FillEvent)]
    assert len(fills) == len(set(fills)) == 2
    assert [e.position.quantity for e in repaired if isinstance(e, ob.PositionEvent)] == [Decimal(2)]
    assert connections == 2
    seqs = [e.seq for e in (*first, *pushed, *repaired)]
    assert seqs == list(range(1, len(seqs) + 1))
