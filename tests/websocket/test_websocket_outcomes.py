"""Outcomes over the WebSocket RPC are the REST outcomes: ambiguous ones (a connection dropped
after the order was recorded, a reply later than the timeout) are OutcomeUnknown and resolve
finds the order; refusals carry the same codes; both transports share one sandbox state."""

from __future__ import annotations

import asyncio

import attrs
import pytest

import orderbridge as ob
from orderbridge_sandbox import SandboxServer

from ._ws_support import ACCOUNT, LIMIT, MARKET, TOKEN


def _ws(server: SandboxServer, timeout: float = 10.0) -> ob.Session:
    return ob.connect(
        "crosstrade",
        transport="websocket",
        base_url=server.broker_url("crosstrade"),
        credentials=TOKEN,
        timeout=timeout,
    )


def test_drop_after_receive_is_unknown_and_resolve_finds_the_order(server: SandboxServer, ws: ob.Session) -> None:
    server.sandbox.add_fault("crosstrade:place_order:drop_after_record:1")
    with pytest.raises(ob.OutcomeUnknown) as unknown:
        ws.place_order(MARKET, account=ACCOUNT)
    assert unknown.value.origin == "connection_dropped" and unknown.value.order_may_exist
    cid = unknown.value.client_order_id
    assert cid is not None
    found = ws.resolve(cid, account=ACCOUNT)  # over a new connection
    assert found is not None and (found.order_id, found.status) == (cid, "Filled")
    assert [o.client_order_id for o in server.sandbox.orders("crosstrade")] == [cid]  # no duplicate


def test_async_drop_after_receive(server: SandboxServer) -> None:
    server.sandbox.add_fault("crosstrade:flat_place_order:drop_after_record:1")

    async def go() -> tuple[ob.OutcomeUnknown, ob.PlacedOrder | None]:
        async with ob.connect_async(
            "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
        ) as broker:
            try:
                await broker.place_order(attrs.evolve(MARKET, flatten_first=True), account=ACCOUNT)
            except ob.OutcomeUnknown as unknown:
                assert unknown.client_order_id is not None
                return unknown, await broker.resolve(unknown.client_order_id, account=ACCOUNT)
        raise AssertionError("no OutcomeUnknown")

    unknown, found = asyncio.run(go())
    assert unknown.origin == "connection_dropped"
    assert found is not None and found.order_id == unknown.client_order_id


def test_drop_before_receive_of_a_read_is_retried(server: SandboxServer, ws: ob.Session) -> None:
    placed = ws.place_order(MARKET, account=ACCOUNT)
    server.sandbox.add_fault("crosstrade:get_order:drop:1")
    assert ws.get_order(placed.order_id, account=ACCOUNT).broker_status == "Filled"  # second attempt, new connection
    assert server.websockets.accepted == 2


def test_reply_later_than_the_timeout_is_unknown(server: SandboxServer) -> None:
    server.sandbox.add_fault("crosstrade:place_order:latency=1.0:1")
    with _ws(server, timeout=0.3) as session:
        with pytest.raises(ob.OutcomeUnknown) as unknown:
            session.place_order(LIMIT, account=ACCOUNT)
        assert unknown.value.origin == "timeout"
        cid = unknown.value.client_order_id
        assert cid is not None
        found = session.resolve(cid, account=ACCOUNT)  # the connection is still usable
        assert found is not None and found.status == "Working"


def test_async_reply_later_than_the_timeout_is_unknown(server: SandboxServer) -> None:
    server.sandbox.add_fault("crosstrade:cancel_order:latency=1.0:1")

    async def go() -> ob.OutcomeUnknown:
        async with ob.connect_async(
            "crosstrade",
            transport="websocket",
            base_url=server.broker_url("crosstrade"),
            credentials=TOKEN,
            timeout=0.3,
        ) as broker:
            placed = await broker.place_order(LIMIT, account=ACCOUNT)
            try:
                await broker.cancel_order(placed.order_id, account=ACCOUNT)
            except ob.OutcomeUnknown as unknown:
                return unknown
        raise AssertionError("no OutcomeUnknown")

    assert asyncio.run(go()).origin == "timeout"


def test_slow_read_is_retried_after_the_timeout(server: SandboxServer) -> None:
    with _ws(server, timeout=0.3) as session:
        placed = session.place_order(MARKET, account=ACCOUNT)
        server.sandbox.add_fault("crosstrade:get_order:latency=1.0:1")
        assert session.get_order(placed.order_id, account=ACCOUNT).order_id == placed.order_id


def test_bridge_offline_is_unknown_as_on_rest(server: SandboxServer, ws: ob.Session, rest: ob.Session) -> None:
    origins = []
    for session in (ws, rest):
        server.sandbox.add_fault("crosstrade:place_order:error=408:1")
        with pytest.raises(ob.OutcomeUnknown) as unknown:
            session.place_order(MARKET, account=ACCOUNT)
        origins.append((unknown.value.origin, unknown.value.status_code))
    assert origins == [("http_status", 408), ("http_status", 408)]


def test_rate_limit_on_a_read_is_retried(server: SandboxServer, ws: ob.Session) -> None:
    placed = ws.place_order(MARKET, account=ACCOUNT)
    server.sandbox.add_fault("crosstrade:get_order:rate_limit:1")
    assert ws.get_order(placed.order_id, account=ACCOUNT).broker_status == "Filled"
    assert server.websockets.counts["get_order"] == 2


def test_place_over_websocket_read_over_rest_and_back(server: SandboxServer, ws: ob.Session, rest: ob.Session) -> None:
    over_ws = ws.place_order(LIMIT, account=ACCOUNT)
    over_rest = rest.place_order(LIMIT, account=ACCOUNT)
    assert rest.get_order(over_ws.order_id, account=ACCOUNT) == ws.get_order(over_ws.order_id, account=ACCOUNT)
    assert ws.resolve(over_rest.client_order_id, account=ACCOUNT) == rest.resolve(
        over_rest.client_order_id, account=ACCOUNT
    )
    ws.cancel_order(over_rest.order_id, account=ACCOUNT)
    rest.cancel_order(over_ws.order_id, account=ACCOUNT)
    assert {rest.get_order(o.order_id, account=ACCOUNT).broker_status for o in (over_ws, over_rest)} == {"Cancelled"}
    assert [o.status for o in server.sandbox.orders("crosstrade")] == ["Cancelled", "Cancelled"]


def _refusal(error: ob.OrderRejected) -> tuple[object, ...]:
    return type(error), error.code, error.code_name, error.broker_message, error.order_may_exist


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("unknown_instrument", (ob.OrderRejected, 400, "invalid_instrument")),
        ("unknown_account", (ob.OrderRejected, 400, "invalid_account")),
        ("cancel_finished", (ob.OrderNotFound, 400, "not_found")),
        ("get_unknown", (ob.OrderNotFound, 404, "not_found")),
        ("get_unknown_account", (ob.OrderNotFound, 404, "invalid_account")),
    ],
)
def test_refusals_match_rest(
    server: SandboxServer, ws: ob.Session, rest: ob.Session, case: str, expected: tuple[object, ...]
) -> None:
    filled = rest.place_order(MARKET, account=ACCOUNT)
    actions = {
        "unknown_instrument": lambda s: s.place_order(attrs.evolve(MARKET, instrument="ZZ 12-25"), account=ACCOUNT),
        "unknown_account": lambda s: s.place_order(MARKET, account="Sim999"),
        "cancel_finished": lambda s: s.cancel_order(filled.order_id, account=ACCOUNT),
        "get_unknown": lambda s: s.get_order("0123456789abcdef0123456789abcdef", account=ACCOUNT),
        "get_unknown_account": lambda s: s.get_order(filled.order_id, account="Sim999"),
    }
    refusals = []
    for session in (ws, rest):
        with pytest.raises(ob.OrderRejected) as refused:
            actions[case](session)
        refusals.append(_refusal(refused.value))
    assert refusals[0] == refusals[1]
    assert refusals[0][:3] == expected and refusals[0][4] is False
    assert len(server.sandbox.orders("crosstrade")) == 1
