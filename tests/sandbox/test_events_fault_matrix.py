"""The live feed's fault matrix: for each stream fault at the pushing broker (TopstepX's user
hub over loopback) and each read fault at every polling broker, a scripted session of orders and
fills, then the guarantees: no fill delivered twice, no order moved backwards, every ``Gap``
followed by a ``Resynced``, and the consumer's view (built from the events alone) equal to the
broker's once the feed is whole. Run with ``-s`` to print the counts per scenario."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox, SandboxServer, start

from ._sandbox_support import CREDENTIALS, ORDERS, connect

WAIT = 20.0  # seconds before a scenario that never converges fails (not a timing assertion)
MARKET = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal(1))
LIMIT = ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="limit", quantity=Decimal(1), limit_price="5000.25")

STREAM_FAULTS = {
    "stream_drop": "topstepx:*:stream_drop:1",
    "stream_silence": "topstepx:*:stream_silence:1",
    "event_loss": "topstepx:GatewayUserTrade:event_loss:1",
    "event_reorder": "topstepx:GatewayUserOrder:event_reorder:1",
    "event_duplicate": "topstepx:GatewayUserTrade:event_duplicate:1",
}


class Consumer:
    """A consumer's view, built from events only, checking the guarantees as it goes."""

    def __init__(self) -> None:
        self.orders: dict[str, ob.BrokerOrder] = {}
        self.positions: dict[str, Decimal] = {}
        self.fill_ids: list[str] = []
        self.gap_open = False
        self.gaps = 0
        self.repaired = 0
        self.seq = 0

    def apply(self, event: ob.Event) -> None:
        assert event.seq == self.seq + 1, "seq has a hole"
        self.seq = event.seq
        if isinstance(event, ob.Gap):
            self.gap_open, self.gaps = True, self.gaps + 1
        elif isinstance(event, ob.Resynced):
            self.gap_open = False
        elif event.source is ob.Source.RESYNC and self.gaps:
            self.repaired += 1
        if isinstance(event, ob.OrderEvent):
            before = self.orders.get(event.order.order_id)
            if before is not None:
                assert event.order.status.can_follow(before.status), "an order moved backwards"
            self.orders[event.order.order_id] = event.order
        elif isinstance(event, ob.FillEvent):
            assert event.fill.fill_id not in self.fill_ids, "a fill was delivered twice"
            self.fill_ids.append(event.fill.fill_id)
        elif isinstance(event, ob.PositionEvent):
            if event.position.quantity:
                self.positions[event.position.instrument] = event.position.quantity
            else:
                self.positions.pop(event.position.instrument, None)

    def working(self) -> set[str]:
        return {i for i, o in self.orders.items() if not o.status.is_terminal}

    def agrees(self, sandbox: Sandbox, broker: str, account: str) -> bool:
        book = sandbox.broker(broker).book  # type: ignore[attr-defined]
        fills = {f.id for f in book.ledger.fills if f.account == account}
        positions = {p.symbol: p.quantity for p in book.ledger.positions(account)}
        working = {o.id for o in book.select(account=account, working=True)}
        has_fills = ob.capabilities(broker).support("fills") is not ob.Support.NO
        return (
            not self.gap_open
            and (not has_fills or fills <= set(self.fill_ids))
            and self.positions == positions
            and working == self.working() & (working | set(self.orders))
        )


REPORT: list[dict[str, Any]] = []


def report(scenario: str, fault: str, sandbox: Sandbox, consumer: Consumer) -> None:
    fired = sum(f.fired for f in sandbox.faults)
    REPORT.append({"scenario": scenario, "fault": fault, "injected": fired, "gaps": consumer.gaps})
    print(
        f"\n[events fault matrix] {scenario:28} {fault:16} injected={fired} gaps={consumer.gaps} "
        f"repaired={consumer.repaired} duplicate_fills={len(consumer.fill_ids) - len(set(consumer.fill_ids))}"
    )


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with start(Sandbox(strict=True), port=0) as running:
        yield running


@pytest.mark.parametrize("fault", list(STREAM_FAULTS))
def test_pushed_feed_keeps_its_guarantees(server: SandboxServer, fault: str) -> None:
    sandbox, account = server.sandbox, "465"
    consumer = Consumer()

    async def scenario() -> None:
        async with (
            ob.connect_async(
                "topstepx", base_url=server.broker_url("topstepx"), credentials=CREDENTIALS["topstepx"]
            ) as broker,
            broker.events(accounts=[account], watchdog=1.0, audit=0.5) as stream,
        ):
            iterator = aiter(stream)

            async def until_whole() -> None:
                while True:
                    consumer.apply(await anext(iterator))
                    if consumer.agrees(sandbox, "topstepx", account):
                        return

            await asyncio.wait_for(until_whole(), WAIT)
            sandbox.add_fault(STREAM_FAULTS[fault])
            await broker.place_order(MARKET, account=account)
            resting = await broker.place_order(LIMIT, account=account)
            await broker.place_order(MARKET, account=account)
            await broker.cancel_order(resting.order_id, account=account)
            await asyncio.wait_for(until_whole(), WAIT)

    asyncio.run(scenario())
    report("topstepx push", fault, sandbox, consumer)
    assert sum(f.fired for f in sandbox.faults) == 1
    assert len(consumer.fill_ids) == len(set(consumer.fill_ids)) == 2
    assert consumer.positions == {"CON.F.US.MES.Z25": Decimal(2)}
    if fault in ("stream_drop", "stream_silence", "event_loss"):
        assert consumer.gaps >= 1 and consumer.repaired >= 1  # said so, then repaired


@pytest.mark.parametrize("fault", ["drop", "error=503"])
@pytest.mark.parametrize("broker", ob.BROKERS)
def test_polled_feed_keeps_its_guarantees(broker: str, fault: str) -> None:
    sandbox = Sandbox(strict=True)
    order, account = ORDERS[broker]
    consumer = Consumer()
    session = connect(sandbox, broker, wait=False)
    with session, session.events(accounts=[account]) as stream:

        def until(done: Any) -> None:
            for event in stream:
                consumer.apply(event)
                if done(event):
                    return
                assert stream.cycles < 50, "never converged"

        until(lambda e: isinstance(e, ob.Resynced))
        placed = session.place_order(order, account=account)
        if broker == "sophic":  # the sandbox moves a Sophic order one step per read of it
            for _ in range(3):
                session.get_order(placed.order_id, account=account)
        sandbox.add_fault(f"{broker}:*:{fault}:20")
        until(lambda e: isinstance(e, ob.Gap))
        until(lambda e: isinstance(e, ob.Resynced))
        final = session.snapshot(account=account, fills_since=stream.started)
    report(f"{broker} poll", fault, sandbox, consumer)
    assert consumer.gaps == 1
    assert consumer.positions == {p.instrument: p.quantity for p in final.positions}
    assert {f.fill_id for f in final.fills} <= set(consumer.fill_ids)
    assert consumer.working() == {o.order_id for o in final.open_orders}
