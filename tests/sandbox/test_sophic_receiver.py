"""Sophic webhooks into the live feed (``orderbridge.sophic.WebhookReceiver``), against the
sandbox's signed delivery and its ``GET /events``: a verified delivery becomes order and fill
events (source ``push``); a retried delivery is delivered once; an unverifiable one is a
``Gap``, repaired from ``GET /events`` and a read of the account, then ``Resynced``. The same
receiver as a raw ASGI app, driven by httpx's ASGI transport."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

import orderbridge as ob
from orderbridge.sophic import WebhookReceiver
from orderbridge_sandbox import ManualClock, Sandbox, WebhookDelivery

from ._sandbox_support import CREDENTIALS, ORDERS, logged_in

ORDER, ACCOUNT = ORDERS["sophic"]


class Deliveries:
    """The sandbox's webhook POSTs, recorded (answered 204) to be handed to the receiver."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(204)

    def take(self) -> list[httpx.Request]:
        taken, self.requests = self.requests, []
        return taken


class World:
    def __init__(self) -> None:
        self.clock = ManualClock()
        self.deliveries = Deliveries()
        delivery = WebhookDelivery(transport=httpx.MockTransport(self.deliveries), max_attempts=1)
        self.sandbox = Sandbox(strict=True, clock=self.clock, webhooks=delivery)
        with logged_in(self.sandbox, "sophic") as c:
            created = c.post("/webhooks", json={"url": "https://hooks.example.test/sophic", "description": "feed"})
            assert created.status_code == 201
            self.secret: str = created.json()["secret"]
        self.session = ob.connect(
            "sophic",
            base_url="http://127.0.0.1/sophic",
            credentials=CREDENTIALS["sophic"],
            transport=self.sandbox.transport(),
        )
        self.receiver = WebhookReceiver(
            self.session,
            secret=self.secret,
            accounts=ACCOUNT,
            now=lambda: self.clock.now().timestamp(),
            wall=self.clock.now,
        )

    def fill_an_order(self) -> str:
        """Place a market buy and let the sandbox's clock carry it to its end."""
        placed = self.session.place_order(ORDER, account=ACCOUNT)
        for _ in range(4):
            self.clock.advance(1)
            self.session.get_order(placed.order_id, account=ACCOUNT)
        return placed.order_id

    def feed(self, requests: list[httpx.Request]) -> list[ob.Event]:
        return [e for r in requests for e in self.receiver(dict(r.headers), r.content)]


@pytest.fixture
def world() -> Iterator[World]:
    w = World()
    with w.session:
        yield w


def test_deliveries_become_push_events_and_a_retry_is_delivered_once(world: World) -> None:
    started = world.receiver.start()
    assert isinstance(started[-1], ob.Resynced) and started[-1].account == ACCOUNT
    order_id = world.fill_an_order()
    requests = world.deliveries.take()
    assert requests, "the sandbox delivered no webhook"
    events = world.feed(requests)

    fills = [e for e in events if isinstance(e, ob.FillEvent)]
    assert fills and {f.fill.order_id for f in fills} == {order_id}
    assert all(e.source is ob.Source.PUSH for e in events)
    orders = [e.order for e in events if isinstance(e, ob.OrderEvent) and e.order.order_id == order_id]
    assert orders[-1].status is ob.OrderStatus.FILLED
    broker_fills = {f.fill_id for f in world.session.fills(account=ACCOUNT)}
    assert {f.fill.fill_id for f in fills} == broker_fills

    assert world.feed(requests) == []  # the vendor's retries: same Webhook-Id, nothing new
    assert world.receiver.duplicates == len(requests)
    seqs = [e.seq for e in started + events]
    assert seqs == list(range(1, len(seqs) + 1))


def test_an_unverifiable_delivery_is_a_gap_repaired_from_get_events(world: World) -> None:
    world.receiver.start()
    world.deliveries.take()
    order_id = world.fill_an_order()
    lost = world.deliveries.take()  # none of these reach the receiver
    assert lost
    forged = lost[-1]
    verified, events = world.receiver.receive(dict(forged.headers), forged.content + b" ")
    assert not verified and world.receiver.refused == 1
    kinds = [e.kind for e in events]
    assert kinds[0] == "gap" and kinds[-1] == "resynced", kinds
    assert "could not be verified (signature)" in events[0].reason  # type: ignore[attr-defined]
    repaired = [e for e in events if isinstance(e, ob.FillEvent)]
    assert {e.fill.order_id for e in repaired} == {order_id}
    assert all(e.source is ob.Source.RESYNC for e in events)
    # GET /events listed every event the lost deliveries carry: each late delivery is known.
    assert world.feed(lost) == [] and world.receiver.duplicates == len(lost)


def test_the_asgi_app_answers_204_400_and_405(world: World) -> None:
    world.receiver.start()
    world.fill_an_order()
    requests = world.deliveries.take()
    heard: list[ob.Event] = []
    app = world.receiver.asgi(heard.extend)

    async def post_all() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://receiver") as client:
            statuses = []
            for r in requests:
                answer = await client.post("/hook", content=r.content, headers=dict(r.headers))
                statuses.append(answer.status_code)
            forged = await client.post("/hook", content=b"{}", headers=dict(requests[0].headers))
            statuses.append(forged.status_code)
            statuses.append((await client.get("/hook")).status_code)
            return statuses

    statuses = asyncio.run(post_all())
    assert statuses == [204] * len(requests) + [400, 405]
    assert any(isinstance(e, ob.FillEvent) and e.source is ob.Source.PUSH for e in heard)
    assert [e.kind for e in heard][-1] == "resynced"
    assert any(isinstance(e, ob.Gap) for e in heard)


def test_the_receiver_refuses_a_session_of_another_broker_and_an_empty_secret(world: World) -> None:
    with pytest.raises(ob.ConfigurationError, match="signing secret"):
        WebhookReceiver(world.session, secret="", accounts=ACCOUNT)
    other = ob.connect("crosstrade", credentials=CREDENTIALS["crosstrade"], transport=world.sandbox.transport())
    with other, pytest.raises(ob.ConfigurationError, match="sophic"):
        WebhookReceiver(other, secret=world.secret, accounts=ACCOUNT)
