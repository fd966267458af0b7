"""The RPC envelope on both sides: the facade's Call -> RPC mapping and status inference, the
sandbox's in-process RPC endpoint, and both checked against ``specs/crosstrade.asyncapi.yaml``."""

from __future__ import annotations

import contextlib
import copy
import functools
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import yaml
from crosstrade_client.api.accounts import get_account
from crosstrade_client.api.orders import cancel_order, get_order
from crosstrade_client.models import EmptyRequest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect as ws_connect

import orderbridge as ob
from orderbridge.testing import preview_order
from orderbridge_sandbox import RpcEndpoint, Sandbox, SandboxServer
from tests._specs import asyncapi, read_yaml, specs_dir

from ._ws_support import ACCOUNT, LIMIT, RPC

SPECS = specs_dir()
ASYNCAPI = SPECS / "crosstrade.asyncapi.yaml"
BEARER = "Bearer demo-token"


# -- the facade's mapping ----------------------------------------------------------------------------
def test_websocket_url() -> None:
    assert RPC.websocket_url("https://app.crosstrade.io") == "wss://app.crosstrade.io/ws/stream"
    assert RPC.websocket_url("http://127.0.0.1:8765/crosstrade") == "ws://127.0.0.1:8765/crosstrade/ws/stream"


def rpc_of(send: Callable[[Any], object]) -> tuple[str, dict[str, Any]]:
    """The RPC for the REST request ``send(client)`` makes with the generated client (captured,
    never answered for real)."""
    from crosstrade_client import Client

    sent: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(599)

    client = Client(base_url="https://app.crosstrade.io", httpx_args={"transport": httpx.MockTransport(record)})
    with contextlib.suppress(Exception):
        send(client)
    result: tuple[str, dict[str, Any]] = RPC.rpc_request(sent[0])
    return result


def test_a_path_prefix_is_stripped() -> None:
    request = httpx.Request("GET", "http://127.0.0.1:9/crosstrade/v1/api/accounts/Sim%20101/orders/a%2Fb")
    assert RPC.rpc_request(request, "/crosstrade") == ("GetOrder", {"account": "Sim 101", "orderId": "a/b"})


def test_calls_become_rpc_names_and_args() -> None:
    preview = preview_order("crosstrade", attrs.evolve(LIMIT, client_order_id="ob-1"), account=ACCOUNT)
    place = httpx.Request(preview.method, preview.url, headers=dict(preview.headers), content=preview.body)
    assert RPC.rpc_request(place) == (
        "PlaceOrder",
        {
            "account": ACCOUNT,
            "instrument": "MES 12-25",
            "action": "BUY",
            "quantity": 2,
            "orderType": "LIMIT",
            "timeInForce": "DAY",
            "orderId": "ob-1",
            "limitPrice": 5500.25,
        },
    )
    read = rpc_of(lambda client: get_order.sync_detailed(client=client, account=ACCOUNT, order_id="x"))
    assert read == ("GetOrder", {"account": ACCOUNT, "orderId": "x"})
    cancel = rpc_of(
        lambda client: cancel_order.sync_detailed(client=client, account=ACCOUNT, order_id="x", body=EmptyRequest())
    )
    assert cancel == ("Cancel", {"account": ACCOUNT, "orderId": "x"})
    with pytest.raises(ob.NotSupported):
        rpc_of(lambda client: get_account.sync_detailed(client=client, account=ACCOUNT))


@pytest.mark.parametrize(
    ("api", "data", "status"),
    [
        ("PlaceOrder", {"orderId": "a", "success": True}, 200),
        ("GetOrder", {"orderId": "a", "orderState": "Working"}, 200),
        ("PlaceOrder", {"error": "Invalid request"}, 400),
        ("PlaceOrder", {"success": False, "error": "invalid_account", "detail": "Account Sim999 not found"}, 400),
        ("GetOrder", {"success": False, "error": "invalid_account", "detail": "Account Sim999 not found"}, 404),
        ("GetOrder", {"success": False, "error": "not_found", "detail": "Order 'x' not found"}, 404),
        ("Cancel", {"error": "Order linked to 'x' not found or already terminal."}, 400),
        ("PlaceOrder", {"error": "Rate limit exceeded"}, 429),
        ("PlaceOrder", {"success": False, "error": "NinjaTrader add-on is not connected"}, 408),
        ("PlaceOrder", {"success": False, "error": "internal_error", "detail": "failed"}, 500),
        ("PlaceOrder", {"error": "Unauthorized"}, 401),
        ("PlaceOrder", {"success": False}, 400),
        ("GetQuote", [{"instrument": "ES 12-25"}], 200),
    ],
)
def test_reply_status_is_the_rest_status(api: str, data: Any, status: int) -> None:
    assert RPC.reply_status(data, api) == status


# -- the sandbox endpoint, in-process -----------------------------------------------------------------
@pytest.fixture
def endpoint() -> RpcEndpoint:
    return RpcEndpoint(Sandbox(strict=True))


def _answer(endpoint: RpcEndpoint, message: Any, authorization: str | None = BEARER) -> list[Any]:
    answer = endpoint.answer(json.dumps(message), authorization)
    assert not answer.drop
    return [json.loads(text) for text in answer.messages]


def test_seed_example_is_accepted_with_pascal_case_values(endpoint: RpcEndpoint) -> None:
    seed = _examples("PlaceOrderRpc")[0]
    assert seed["args"]["action"] == "Buy"
    message = {**seed, "args": {**seed["args"], "instrument": "ES", "orderId": "seed-1"}}
    assert _answer(endpoint, message) == [{"id": "my-request", "data": {"orderId": "seed-1", "success": True}}]
    [recorded] = endpoint.sandbox.orders("crosstrade")
    assert (recorded.instrument, recorded.side, recorded.status) == ("ES 12-25", "buy", "Filled")


def test_rpc_errors(endpoint: RpcEndpoint) -> None:
    assert _answer(endpoint, {"action": "rpc", "id": 1, "api": "Teleport", "args": {}})[0]["data"]["error"] == (
        "unknown_api"
    )
    missing = _answer(endpoint, {"action": "rpc", "id": 2, "api": "GetOrder", "args": {"account": ACCOUNT}})
    assert missing[0]["id"] == 2 and missing[0]["data"]["error"] == "Invalid request"
    invalid = _answer(endpoint, {"action": "rpc", "id": 3, "api": "PlaceOrder", "args": {"account": ACCOUNT}})
    assert invalid[0]["data"]["error"] == "Invalid request"  # the REST spec validation answered
    no_token = _answer(endpoint, {"action": "rpc", "id": 4, "api": "GetAllPositions"}, authorization=None)
    assert no_token == [{"id": 4, "data": {"error": "Unauthorized"}}]
    assert _answer(endpoint, {"action": "rpc", "api": "GetAllPositions"})[0]["data"]["error"] == "invalid_message"
    assert endpoint.answer("not json", BEARER).kind == "invalid"
    assert endpoint.sandbox.orders("crosstrade") == []


def test_ping_subscribe_and_other_actions(endpoint: RpcEndpoint) -> None:
    assert _answer(endpoint, {"action": "ping"}) == [{"type": "pong"}]
    [data] = _answer(endpoint, {"action": "subscribe", "instruments": ["ES 12-25", "MES 12-25"]})
    assert data["type"] == "marketData" and [q["instrument"] for q in data["quotes"]] == ["ES 12-25", "MES 12-25"]
    assert _answer(endpoint, {"action": "subscribe", "instruments": ["NOPE"]})[0]["type"] == "error"
    assert _answer(endpoint, {"action": "unsubscribe", "instruments": ["ES 12-25"]}) == []
    assert _answer(endpoint, {"action": "streamPnl", "enabled": True}) == []
    assert _answer(endpoint, {"action": "dance"})[0]["error"] == "unknown_action"


def test_faults_are_shared_with_rest(endpoint: RpcEndpoint) -> None:
    endpoint.sandbox.add_fault("crosstrade:place_order:drop_after_record:1")
    endpoint.sandbox.add_fault("crosstrade:get_order:latency=2.5:1")
    place = _examples("PlaceOrderRpc")[1]
    dropped = endpoint.answer(json.dumps(place), BEARER)
    assert dropped.drop and dropped.messages == () and dropped.kind == "place_order"
    assert [o.client_order_id for o in endpoint.sandbox.orders("crosstrade")] == [place["args"]["orderId"]]
    late = endpoint.answer(json.dumps(_examples("GetOrderRpc")[0]), BEARER)
    assert late.delay == 2.5 and json.loads(late.messages[0])["data"]["orderState"] == "Working"


def test_upgrade_needs_the_bearer_token_and_rest_still_answers(server: SandboxServer) -> None:
    with pytest.raises(InvalidStatus) as refused:
        ws_connect(server.websocket_url, additional_headers={"Authorization": "Bearer nope"}, proxy=None, legacy=True)
    assert refused.value.response.status_code == 401
    assert json.loads(bytes(refused.value.response.body or b"")) == {"error": "Unauthorized"}
    with ws_connect(server.websocket_url, additional_headers={"Authorization": BEARER}, proxy=None) as socket:
        socket.send(json.dumps({"action": "ping"}))
        assert json.loads(socket.recv(timeout=5)) == {"type": "pong"}
    assert server.websockets.refused == 1 and server.websockets.accepted == 1


# -- the AsyncAPI document ------------------------------------------------------------------------------
@functools.cache
def _load(path: Path) -> Any:
    return read_yaml(path)


def _document() -> dict[str, Any]:
    return asyncapi()


def _examples(message: str) -> list[Any]:
    return [copy.deepcopy(example["payload"]) for example in _document()["components"]["messages"][message]["examples"]]


@functools.cache
def _validator(message: str) -> Draft202012Validator:
    registry: Registry[Any] = Registry()
    for path in (ASYNCAPI, SPECS / "crosstrade.yaml"):
        resource = Resource.from_contents(_load(path), default_specification=DRAFT202012)
        registry = registry.with_resource(path.as_uri(), resource)
    return Draft202012Validator(
        {"$ref": f"{ASYNCAPI.as_uri()}#/components/messages/{message}/payload"}, registry=registry
    )


def _fits(message: str, payload: Any) -> bool:
    return not list(_validator(message).iter_errors(payload))


@pytest.mark.parametrize(
    ("request_message", "replies"),
    [
        ("PlaceOrderRpc", ("OrderIdReply", "ErrorReply")),
        ("FlatPlaceRpc", ("OrderIdReply", "ErrorReply")),
        ("GetOrderRpc", ("OrderReply", "ErrorReply")),
        ("CancelRpc", ("OrderIdReply", "ErrorReply")),
        ("ChangeRpc", ("OrderIdReply", "ErrorReply")),
    ],
)
def test_sandbox_replies_to_the_documented_requests_as_documented(
    endpoint: RpcEndpoint, request_message: str, replies: tuple[str, ...]
) -> None:
    # A working order with the ids the examples use, so reads, changes and cancels find it.
    limit = _examples("PlaceOrderRpc")[1]
    for order_id in ("ob-7f3c2a9e4b1d4e08", "ce0a8e5002ea463e856eb6384f5cee7e", "492281fc515e431692da57d957cfebb6"):
        _answer(endpoint, {**limit, "args": {**limit["args"], "orderId": order_id}})
    for example in _examples(request_message):
        [reply] = _answer(endpoint, example)
        assert reply["id"] == example["id"]
        assert any(_fits(name, reply) for name in replies), reply


def test_facade_messages_fit_the_document(server: SandboxServer) -> None:
    """What the facade really sends, captured on the server side, validates against the document."""
    sent: list[Any] = []
    original = RpcEndpoint.answer

    def spy(self: RpcEndpoint, text: str | bytes, authorization: str | None) -> Any:
        sent.append(json.loads(text))
        return original(self, text, authorization)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RpcEndpoint, "answer", spy)
        with ob.connect(
            "crosstrade",
            transport="websocket",
            base_url=server.broker_url("crosstrade"),
            credentials={"token": "demo-token"},
        ) as session:
            placed = session.place_order(LIMIT, account=ACCOUNT)
            session.get_order(placed.order_id, account=ACCOUNT)
            session.cancel_order(placed.order_id, account=ACCOUNT)
    names = {"PlaceOrder": "PlaceOrderRpc", "GetOrder": "GetOrderRpc", "Cancel": "CancelRpc"}
    rpcs = [message for message in sent if message.get("action") == "rpc"]
    assert [m["api"] for m in rpcs] == ["PlaceOrder", "GetOrder", "Cancel"]
    for message in rpcs:
        assert _fits(names[message["api"]], message), message


def test_the_spec_lint_accepts_the_document_and_catches_a_broken_example(tmp_path: Path) -> None:
    from tools import lint_specs

    assert lint_specs.AsyncApiLinter(ASYNCAPI).run() == []
    broken = copy.deepcopy(_document())
    broken["components"]["messages"]["PlaceOrderRpc"]["examples"][0]["payload"]["args"]["quantity"] = 0
    broken["operations"]["ping"]["messages"] = [{"$ref": "#/components/messages/Ping"}]
    shutil.copy(SPECS / "crosstrade.yaml", tmp_path / "crosstrade.yaml")
    target = tmp_path / "crosstrade.asyncapi.yaml"
    target.write_text(yaml.safe_dump(broken, sort_keys=False), encoding="utf-8")
    problems = lint_specs.AsyncApiLinter(target).run()
    assert any("seed_001" in p and "args/quantity" in p for p in problems), problems
    assert any("operation ping" in p and "not a message of #/channels/stream" in p for p in problems), problems
    broken["components"]["messages"]["Nope"] = {"payload": {"$ref": "#/components/schemas/Missing"}}
    target.write_text(yaml.safe_dump(broken, sort_keys=False), encoding="utf-8")
    assert any("does not resolve" in p for p in lint_specs.AsyncApiLinter(target).run())
