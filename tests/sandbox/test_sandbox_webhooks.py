"""Sophic signed webhook delivery: events reach active webhooks, signed so that
``orderbridge.sophic.verify_webhook`` accepts them, with retries and an inactive-webhook opt-out."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import httpx
import pytest

from orderbridge.sophic import WebhookVerificationError, verify_webhook
from orderbridge_sandbox import ManualClock, Sandbox, WebhookDelivery

from ._sandbox_support import logged_in

ORDERS = "/accounts/acc_abc123/orders"
BUY = {"instrument": "ins_xyz789", "order_type": "market", "side": "buy", "cash_amount": "100.00"}
HOOK_URL = "https://hooks.example.test/sophic"
ORDER_EVENTS = ["order.placed", "order.executing", "order.filled", "order.settled"]


class Receiver:
    """An in-process webhook receiver: records requests, answers scripted statuses (then 204)."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.statuses = list(statuses or [])

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        return httpx.Response(self.statuses.pop(0) if self.statuses else 204)


def make_sandbox(clock: ManualClock, receiver: Receiver, sleeps: list[float], attempts: int = 3) -> Sandbox:
    delivery = WebhookDelivery(transport=httpx.MockTransport(receiver), max_attempts=attempts, sleep=sleeps.append)
    return Sandbox(strict=True, clock=clock, webhooks=delivery)


def register(c: httpx.Client, url: str = HOOK_URL) -> dict[str, str]:
    created = c.post("/webhooks", json={"url": url, "description": "tests"})
    assert created.status_code == 201
    body: dict[str, str] = created.json()
    return body


def verify(clock: ManualClock, request: httpx.Request, secret: str) -> str:
    """Verify one delivery with the facade's verifier; return the event name."""
    event = verify_webhook(dict(request.headers), request.content, secret, now=lambda: clock.now().timestamp())
    return name_of(event.name)


def name_of(name: object) -> str:
    """An Event name as text (the client models it as an enum, or a plain string when unknown)."""
    return str(getattr(name, "value", name))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def test_order_lifecycle_events_are_delivered_signed(clock: ManualClock) -> None:
    sleeps: list[float] = []
    receiver = Receiver()
    sandbox = make_sandbox(clock, receiver, sleeps)
    with logged_in(sandbox, "sophic") as c:
        hook = register(c)
        order = c.post(ORDERS, json=BUY).json()
        for _ in range(3):
            clock.advance(1)
            c.get(f"{ORDERS}/{order['id']}")
        assert c.get(f"{ORDERS}/{order['id']}").json()["status"] == "settled"
        events = c.get("/events", params={"resource[id]": order["id"]}).json()

    names = [verify(clock, r, hook["secret"]) for r in receiver.requests]
    assert [n for n in names if n.startswith("order.")] == ORDER_EVENTS
    assert "trade.executed" in names
    # Every delivery names the recorded event and carries the documented headers.
    by_id = {e["id"]: e for e in events}
    for request in receiver.requests:
        assert request.method == "POST" and str(request.url) == HOOK_URL
        assert request.headers["content-type"] == "application/json"
        assert request.headers["webhook-id"].startswith("whd_")
        assert request.headers["webhook-attempt"] == "1"
        assert request.headers["webhook-signature"].startswith("v1,")
    order_deliveries = [r for r in receiver.requests if r.headers["event-id"] in by_id]
    assert [by_id[r.headers["event-id"]]["name"] for r in order_deliveries] == ORDER_EVENTS
    assert len({r.headers["webhook-id"] for r in receiver.requests}) == len(receiver.requests)
    assert sleeps == []
    assert sandbox.webhooks is not None and all(a.ok for a in sandbox.webhooks.attempts)


def test_a_wrong_secret_does_not_verify(clock: ManualClock) -> None:
    receiver = Receiver()
    sandbox = make_sandbox(clock, receiver, [])
    with logged_in(sandbox, "sophic") as c:
        register(c)
        c.post(ORDERS, json=BUY)
    with pytest.raises(WebhookVerificationError, match="signature"):
        verify(clock, receiver.requests[0], "not-the-secret")


def test_a_failed_attempt_is_retried_with_the_same_webhook_id(clock: ManualClock) -> None:
    sleeps: list[float] = []
    receiver = Receiver(statuses=[500])
    sandbox = make_sandbox(clock, receiver, sleeps)
    with logged_in(sandbox, "sophic") as c:
        hook = register(c)
        c.post(ORDERS, json=BUY)
    first, second = receiver.requests
    assert (first.headers["webhook-attempt"], second.headers["webhook-attempt"]) == ("1", "2")
    assert first.headers["webhook-id"] == second.headers["webhook-id"]
    assert first.headers["event-id"] == second.headers["event-id"]
    assert first.content == second.content
    assert verify(clock, second, hook["secret"]) == "order.placed"
    assert sleeps == [1.0]
    assert sandbox.webhooks is not None
    assert [(a.attempt, a.status) for a in sandbox.webhooks.attempts] == [(1, 500), (2, 204)]


def test_retries_are_bounded_and_back_off(clock: ManualClock) -> None:
    sleeps: list[float] = []
    receiver = Receiver(statuses=[503, 503, 503, 503])
    sandbox = make_sandbox(clock, receiver, sleeps, attempts=3)
    with logged_in(sandbox, "sophic") as c:
        register(c)
        assert c.post(ORDERS, json=BUY).status_code == 201
    assert [r.headers["webhook-attempt"] for r in receiver.requests] == ["1", "2", "3"]
    assert sleeps == [1.0, 2.0]


def test_transport_errors_are_retried(clock: ManualClock) -> None:
    calls: list[httpx.Request] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200)

    delivery = WebhookDelivery(transport=httpx.MockTransport(flaky), max_attempts=2, sleep=lambda _: None)
    sandbox = Sandbox(strict=True, clock=clock, webhooks=delivery)
    with logged_in(sandbox, "sophic") as c:
        register(c)
        c.post(ORDERS, json=BUY)
    assert [(a.attempt, a.status, a.error is not None) for a in delivery.attempts] == [(1, None, True), (2, 200, False)]


def test_an_inactive_webhook_receives_nothing(clock: ManualClock) -> None:
    receiver = Receiver()
    sandbox = make_sandbox(clock, receiver, [])
    with logged_in(sandbox, "sophic") as c:
        hook = register(c)
        assert c.put(f"/webhooks/{hook['id']}", json={"is_active": False}).json()["is_active"] is False
        order = c.post(ORDERS, json=BUY).json()
        c.get(f"{ORDERS}/{order['id']}")
        assert len(c.get("/events").json()) >= 2
    assert receiver.requests == []


def test_without_a_delivery_no_connection_is_made(clock: ManualClock) -> None:
    sandbox = Sandbox(strict=True, clock=clock)
    with logged_in(sandbox, "sophic") as c:
        register(c)
        c.post(ORDERS, json=BUY)
        assert [e["name"] for e in c.get("/events").json()] == ["order.placed"]
    assert sandbox.webhooks is None
    assert sandbox.deliver_webhooks() == []


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[tuple[dict[str, str], bytes]]]]:
    """A real HTTP receiver on 127.0.0.1 (stdlib, in a thread): yields its URL and what it got."""
    received: list[tuple[dict[str, str], bytes]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append((dict(self.headers.items()), body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_delivery_over_a_real_loopback_receiver(
    clock: ManualClock, loopback: tuple[str, list[tuple[dict[str, str], bytes]]]
) -> None:
    url, received = loopback
    seen: list[str] = []

    def target(registered: str) -> str:
        seen.append(registered)
        return url

    sandbox = Sandbox(strict=True, clock=clock, webhooks=WebhookDelivery(target=target, max_attempts=2, timeout=5))
    with logged_in(sandbox, "sophic") as c:
        hook = register(c)
        c.post(ORDERS, json=BUY)
    assert seen == [HOOK_URL]
    assert len(received) == 1
    headers, body = received[0]
    event = verify_webhook(headers, body, hook["secret"], now=lambda: clock.now().timestamp())
    assert name_of(event.name) == "order.placed"
    assert headers["Webhook-Attempt"] == "1"
