"""The sandbox's TopstepX user hub, heard by off-the-shelf SignalR clients over loopback:
pysignalr (negotiates first) and signalrcore (skips negotiation, as the gateway's samples do).
Each subscribes, a market order is placed over REST, and the pushes arrive with REST-shaped
payloads; without a valid ``access_token`` the upgrade is refused."""

from __future__ import annotations

import asyncio
import json
import queue
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from orderbridge_sandbox import Sandbox, SandboxServer, start
from tests._specs import read_yaml, specs_dir

ACCOUNT = 465
CONTRACT = "CON.F.US.MES.Z25"
WAIT = 10.0  # seconds before a missing push fails the test (not a timing assertion)


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with start(Sandbox(strict=True), port=0) as running:
        yield running


def login(server: SandboxServer) -> str:
    answer = httpx.post(
        f"{server.broker_url('topstepx')}/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"}
    )
    token: str = answer.json()["token"]
    return token


def place_market(server: SandboxServer, token: str) -> int:
    answer = httpx.post(
        f"{server.broker_url('topstepx')}/api/Order/place",
        json={"accountId": ACCOUNT, "contractId": CONTRACT, "type": 2, "side": 0, "size": 1},
        headers={"Authorization": f"Bearer {token}"},
    )
    order_id: int = answer.json()["orderId"]
    return order_id


def test_pysignalr_negotiates_subscribes_and_hears_the_order(server: SandboxServer) -> None:
    from pysignalr.client import SignalRClient

    token = login(server)
    url = f"{server.broker_url('topstepx')}/hubs/user?access_token={token}"

    async def session() -> dict[str, list[Any]]:
        client = SignalRClient(url, retry_count=1)
        heard: dict[str, list[Any]] = {"GatewayUserOrder": [], "GatewayUserTrade": [], "GatewayUserPosition": []}
        subscribed = asyncio.Event()
        traded = asyncio.Event()

        async def done(_message: Any) -> None:
            subscribed.set()

        async def on_open() -> None:
            for method in ("SubscribeOrders", "SubscribePositions"):
                await client.send(method, [ACCOUNT])  # type: ignore[list-item]
            await client.send("SubscribeTrades", [ACCOUNT], done)  # type: ignore[list-item]

        def keep(target: str) -> Any:
            async def callback(arguments: list[Any]) -> None:
                heard[target].append(arguments[0])
                if target == "GatewayUserTrade":
                    traded.set()

            return callback

        client.on_open(on_open)
        for target in heard:
            client.on(target, keep(target))
        task = asyncio.create_task(client.run())
        try:
            await asyncio.wait_for(subscribed.wait(), WAIT)
            await asyncio.to_thread(place_market, server, token)
            await asyncio.wait_for(traded.wait(), WAIT)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        return heard

    heard = asyncio.run(session())
    orders = heard["GatewayUserOrder"]
    assert [o["status"] for o in orders] == [1, 2]  # Open, then Filled
    assert orders[-1]["accountId"] == ACCOUNT and orders[-1]["contractId"] == CONTRACT
    (trade,) = heard["GatewayUserTrade"]
    assert trade["orderId"] == orders[-1]["id"] and trade["size"] == 1
    (position,) = heard["GatewayUserPosition"]
    assert (position["contractId"], position["type"], position["size"]) == (CONTRACT, 1, 1)
    assert server.websockets.counts["handshake"] == 1


def test_signalrcore_skips_negotiation_and_hears_the_order(server: SandboxServer) -> None:
    from signalrcore.hub_connection_builder import HubConnectionBuilder

    token = login(server)
    url = f"{server.broker_url('topstepx')}/hubs/user?access_token={token}"
    hub = HubConnectionBuilder().with_url(url, options={"skip_negotiation": True}).build()
    opened = threading.Event()
    subscribed = threading.Event()
    heard: queue.Queue[dict[str, Any]] = queue.Queue()
    hub.on_open(opened.set)
    hub.on("GatewayUserTrade", lambda arguments: heard.put(arguments[0]))
    hub.start()
    try:
        assert opened.wait(WAIT), "the hub did not open"
        hub.send("SubscribeTrades", [ACCOUNT], on_invocation=lambda _m: subscribed.set())
        assert subscribed.wait(WAIT), "SubscribeTrades was not completed"
        order_id = place_market(server, token)
        trade = heard.get(timeout=WAIT)
    finally:
        # signalrcore 1.0.2's stop() closes its socket and joins its reader thread, which stays
        # blocked in recv() until the peer closes: close the server side first.
        server.websockets.drop(clean=False)
        hub.stop()
    assert trade["orderId"] == order_id and trade["accountId"] == ACCOUNT


def documented(message: str, record: Any) -> list[str]:
    """Where ``record`` departs from ``message`` of ``specs/topstepx.asyncapi.yaml`` (whose
    payloads point into ``topstepx.yaml``)."""
    registry: Registry[Any] = Registry()
    document = specs_dir() / "topstepx.asyncapi.yaml"
    for path in (document, specs_dir() / "topstepx.yaml"):
        registry = registry.with_resource(
            path.as_uri(), Resource.from_contents(read_yaml(path), default_specification=DRAFT202012)
        )
    schema = {"$ref": f"{document.as_uri()}#/components/messages/{message}/payload"}
    return [e.message for e in Draft202012Validator(schema, registry=registry).iter_errors(record)]


def test_pushes_are_what_the_asyncapi_document_describes(server: SandboxServer) -> None:
    from websockets.sync.client import connect

    token = login(server)
    base = server.broker_url("topstepx").replace("http://", "ws://")
    records: list[Any] = []
    with connect(f"{base}/hubs/user?access_token={token}") as ws:
        ws.send('{"protocol":"json","version":1}\x1e')
        ws.recv(timeout=WAIT)
        for method in ("SubscribeAccounts", "SubscribeOrders", "SubscribePositions", "SubscribeTrades"):
            arguments = "[]" if method == "SubscribeAccounts" else f"[{ACCOUNT}]"
            ws.send(f'{{"type":1,"target":"{method}","arguments":{arguments}}}\x1e')
        place_market(server, token)
        while {r.get("target") for r in records} < {"GatewayUserOrder", "GatewayUserTrade", "GatewayUserPosition"}:
            records += [json.loads(r) for r in str(ws.recv(timeout=WAIT)).split("\x1e") if r]
    for record in records:
        assert documented(record["target"], record) == [], record


def test_wrapped_payloads_and_a_refused_token(server: SandboxServer) -> None:
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    base = server.broker_url("topstepx").replace("http://", "ws://")
    with pytest.raises(InvalidStatus) as refused:
        connect(f"{base}/hubs/user?access_token=forged").close()
    assert refused.value.response.status_code == 401

    server.sandbox.broker("topstepx").hub_wrapped = True  # type: ignore[attr-defined]
    token = login(server)
    with connect(f"{base}/hubs/user?access_token={token}") as ws:
        ws.send('{"protocol":"json","version":1}\x1e')
        assert ws.recv(timeout=WAIT) == "{}\x1e"
        ws.send('{"type":1,"invocationId":"1","target":"SubscribeOrders","arguments":[465]}\x1e')
        assert json.loads(str(ws.recv(timeout=WAIT)).rstrip("\x1e")) == {"type": 3, "invocationId": "1", "result": None}
        ws.send('{"type":6}\x1e')
        assert json.loads(str(ws.recv(timeout=WAIT)).rstrip("\x1e")) == {"type": 6}
        place_market(server, token)
        pushed = json.loads(str(ws.recv(timeout=WAIT)).rstrip("\x1e"))
        assert pushed["target"] == "GatewayUserOrder"
        (argument,) = pushed["arguments"]
        assert argument["action"] == 1 and argument["data"]["accountId"] == ACCOUNT
        ws.send('{"type":1,"invocationId":"2","target":"SubscribeNothing","arguments":[]}\x1e')
        failed = json.loads(str(ws.recv(timeout=WAIT)).rstrip("\x1e"))
        while failed["type"] != 3:  # the order's later pushes (filled) may come first
            failed = json.loads(str(ws.recv(timeout=WAIT)).rstrip("\x1e"))
        assert failed["invocationId"] == "2" and "Unknown hub method" in failed["error"]


@pytest.mark.parametrize("kind", ["stream_drop", "stream_silence", "event_loss", "event_reorder", "event_duplicate"])
def test_stream_faults_parse_print_and_never_touch_a_request(kind: str) -> None:
    from orderbridge_sandbox import Fault, FaultKind, Phase

    fault = Fault.parse(f"topstepx:*:{kind}:2")
    assert (fault.kind, fault.phase, fault.times) == (FaultKind(kind), Phase.STREAM, 2)
    assert str(fault) == f"topstepx:*:{kind}:2"
    sandbox = Sandbox(strict=True)
    sandbox.add_fault(fault)
    answer = httpx.Client(transport=sandbox.transport()).post(
        "http://127.0.0.1/topstepx/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"}
    )
    assert answer.json()["success"] is True and fault.fired == 0


def test_a_stream_fault_names_a_pushed_method_or_nothing() -> None:
    from orderbridge_sandbox import Fault, FaultError

    assert Fault.parse("topstepx:GatewayUserTrade:event_loss:1").operation == "GatewayUserTrade"
    with pytest.raises(FaultError, match="GatewayUserTrade"):
        Fault.parse("topstepx:place_order:event_loss")  # a request is never pushed
    with pytest.raises(FaultError):
        Fault.parse("crosstrade:GatewayUserTrade:event_loss")  # CrossTrade has no hub
