"""Live events by polling, against the in-process sandbox, at every broker: the first picture
then ``Resynced``; a placed order heard as order, fill and position events; a failed poll is a
``Gap`` and the next good one a ``Resynced`` after which the consumer's view equals the
broker's. Sync and async twins."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox

from ._sandbox_support import ORDERS, connect, connect_async

MAX_CYCLES = 20


def take(stream: Iterable[ob.Event], until: Callable[[ob.Event], bool]) -> list[ob.Event]:
    """Events up to and including the first one ``until`` accepts (at most MAX_CYCLES polls)."""
    seen: list[ob.Event] = []
    for event in stream:
        seen.append(event)
        if until(event):
            return seen
        assert getattr(stream, "cycles", 0) < MAX_CYCLES, f"gave up waiting; saw {[e.kind for e in seen]}"
    raise AssertionError(f"the stream ended; saw {[e.kind for e in seen]}")


def resynced(event: ob.Event) -> bool:
    return isinstance(event, ob.Resynced)


class View:
    """What a consumer builds from the events alone."""

    def __init__(self) -> None:
        self.orders: dict[str, ob.BrokerOrder] = {}
        self.positions: dict[str, Decimal] = {}
        self.fills: set[str] = set()
        self.fill_events = 0

    def apply(self, events: Iterable[ob.Event]) -> None:
        for e in events:
            if isinstance(e, ob.OrderEvent):
                self.orders[e.order.order_id] = e.order
            elif isinstance(e, ob.PositionEvent):
                if e.position.quantity:
                    self.positions[e.position.instrument] = e.position.quantity
                else:
                    self.positions.pop(e.position.instrument, None)
            elif isinstance(e, ob.FillEvent):
                self.fills.add(e.fill.fill_id)
                self.fill_events += 1

    def working(self) -> set[str]:
        return {i for i, o in self.orders.items() if o.status.is_working or o.status is ob.OrderStatus.UNKNOWN}

    def equals(self, snapshot: ob.AccountSnapshot) -> None:
        assert self.working() == {o.order_id for o in snapshot.open_orders}
        assert self.positions == {p.instrument: p.quantity for p in snapshot.positions}
        assert {f.fill_id for f in snapshot.fills} <= self.fills
        assert self.fill_events == len(self.fills), "a fill was delivered twice"


def settle(sandbox: Sandbox, session: ob.Session, broker: str, order_id: str, account: str) -> None:
    """Sophic's sandbox moves an order one step per read of it; elsewhere a market order is
    done at once."""
    if broker == "sophic":
        for _ in range(3):
            session.get_order(order_id, account=account)


@pytest.mark.parametrize("broker", ob.BROKERS)
def test_a_placed_order_is_heard(broker: str) -> None:
    sandbox = Sandbox(strict=True)
    order, account = ORDERS[broker]
    view = View()
    with connect(sandbox, broker, wait=False) as session, session.events(accounts=[account]) as stream:
        first = take(stream, resynced)
        assert [e.seq for e in first] == list(range(1, len(first) + 1))
        assert {e.source for e in first} == {ob.Source.RESYNC}
        view.apply(first)
        placed = session.place_order(order, account=account)
        settle(sandbox, session, broker, placed.order_id, account)
        if ob.capabilities(broker).support("fills") is ob.Support.NO:
            # TradeStation v2 has no fills read: the market order is heard as the position.
            heard = take(stream, lambda e: isinstance(e, ob.PositionEvent))
        else:
            heard = take(stream, lambda e: isinstance(e, ob.FillEvent) and e.fill.order_id == placed.order_id)
            orders = [e.order for e in heard if isinstance(e, ob.OrderEvent)]
            assert orders and orders[-1].order_id == placed.order_id
            assert orders[-1].status in (ob.OrderStatus.FILLED, ob.OrderStatus.PARTIALLY_FILLED)
        view.apply(heard)
        assert {e.source for e in heard} == {ob.Source.POLL}
        assert [e.seq for e in heard] == list(range(first[-1].seq + 1, first[-1].seq + 1 + len(heard)))
        view.equals(session.snapshot(account=account, fills_since=stream.started))


@pytest.mark.parametrize("broker", ob.BROKERS)
def test_a_failed_poll_is_a_gap_and_the_next_good_one_resyncs(broker: str) -> None:
    sandbox = Sandbox(strict=True)
    order, account = ORDERS[broker]
    view = View()
    with connect(sandbox, broker, wait=False) as session, session.events(accounts=account) as stream:
        view.apply(take(stream, resynced))
        sandbox.add_fault(f"{broker}:*:error=503")
        gap = take(stream, lambda e: isinstance(e, ob.Gap))
        assert isinstance(gap[-1], ob.Gap) and gap[-1].since is not None
        view.apply(gap)
        sandbox.faults.clear()
        placed = session.place_order(order, account=account)  # while the feed is in the gap
        settle(sandbox, session, broker, placed.order_id, account)
        repair = take(stream, resynced)
        assert {e.source for e in repair} == {ob.Source.RESYNC}
        view.apply(repair)
        assert (isinstance(repair[-1], ob.Resynced) and repair[-1].snapshot.complete) or broker == "tradestation"
        view.equals(session.snapshot(account=account, fills_since=stream.started))


def test_the_async_twin_yields_the_same_story() -> None:
    sandbox = Sandbox(strict=True)
    order, account = ORDERS["topstepx"]

    async def story() -> list[str]:
        async with connect_async(sandbox, "topstepx", wait=False) as session:
            kinds: list[str] = []
            async with session.events(accounts=[account], kinds=("fill",)) as stream:
                async for event in stream:
                    kinds.append(event.kind)
                    if event.kind == "resynced":
                        await session.place_order(order, account=account)
                    if event.kind == "fill":
                        break
            return kinds

    assert asyncio.run(story()) == ["resynced", "fill"]


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"interval": 0.5}, "interval 0.5 s is below"),
        ({"interval": "fast"}, "interval must be a number"),
        ({"kinds": ("trades",)}, "kinds"),
        ({"accounts": []}, "accounts"),
    ],
)
def test_bad_options_are_refused_before_anything_is_sent(options: dict[str, Any], match: str) -> None:
    sandbox = Sandbox(strict=True)
    arguments: dict[str, Any] = {"accounts": ["Sim101"], **options}
    with connect(sandbox, "crosstrade", wait=False) as session, pytest.raises(ob.ConfigurationError, match=match):
        session.events(**arguments)
    assert sandbox.orders("crosstrade") == []


def test_the_default_interval_keeps_inside_the_budget_per_account() -> None:
    sandbox = Sandbox(strict=True)
    with connect(sandbox, "crosstrade", wait=False) as session:
        one = session.events(accounts=["Sim101"])
        two = session.events(accounts=["Sim101", "Sim102"])
    # 4 reads per account per cycle against CrossTrade's 3 requests/s: at most 1 request/s.
    assert one.interval == 4.0 and two.interval == 8.0
    assert 4 / one.interval <= 3 / 3
