"""``connect("crosstrade", transport="websocket")`` against the loopback sandbox: round trips
(sync and async), correlation of concurrent requests on one connection, keep-alive, reconnects,
and what a failing connection means."""

from __future__ import annotations

import asyncio
import logging
import socket
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from typing import Any

import attrs
import pytest

import orderbridge as ob
from orderbridge.testing import session_for
from orderbridge_sandbox import SandboxServer

from ._ws_support import ACCOUNT, LIMIT, MARKET, RPC, TOKEN, eventually


def wst(session: ob.Session) -> Any:
    """The WebSocket transport under a sync session (no Session subclass exists)."""
    assert isinstance(session.transport, RPC.WebSocketTransport)
    return session.transport


def awst(session: ob.AsyncSession) -> Any:
    assert isinstance(session.transport, RPC.AsyncWebSocketTransport)
    return session.transport


def test_sync_round_trip(server: SandboxServer, ws: ob.Session) -> None:
    assert wst(ws).url == server.websocket_url
    assert not wst(ws).connected  # nothing is opened before the first call
    placed = ws.place_order(LIMIT, account=ACCOUNT)
    assert placed.order_id == placed.client_order_id  # CrossTrade keeps our custom orderId
    order = ws.get_order(placed.order_id, account=ACCOUNT)
    assert (order.status, order.broker_status, order.filled_quantity) == (ob.OrderStatus.OPEN, "Working", Decimal(0))
    assert ws.resolve(placed.client_order_id, account=ACCOUNT) == attrs.evolve(placed, status="Working")
    ws.cancel_order(placed.order_id, account=ACCOUNT)
    assert ws.get_order(placed.order_id, account=ACCOUNT).status is ob.OrderStatus.CANCELLED
    assert wst(ws).connects == 1 and wst(ws).connected
    assert server.websockets.counts["place_order"] == 1 and server.websockets.counts["get_order"] == 3
    assert [o.client_order_id for o in server.sandbox.orders("crosstrade")] == [placed.client_order_id]


def test_async_round_trip(server: SandboxServer) -> None:
    async def go() -> tuple[ob.PlacedOrder, str | None, bool]:
        async with ob.connect_async(
            "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
        ) as broker:
            placed = await broker.place_order(attrs.evolve(MARKET, flatten_first=True), account=ACCOUNT)
            status = (await broker.get_order(placed.order_id, account=ACCOUNT)).broker_status
            return placed, status, awst(broker).connected

    placed, status, connected = asyncio.run(go())
    assert status == "Filled" and connected and placed.order_id == placed.client_order_id
    assert server.websockets.counts["flat_place_order"] == 1  # flatten_first travels as FlatPlace
    eventually(lambda: len(server.websockets) == 0)  # closing the session closed the connection


def test_fifty_concurrent_async_placements_share_one_connection(server: SandboxServer) -> None:
    # The first placement's reply is held back 0.2 s, so replies arrive out of order.
    server.sandbox.add_fault("crosstrade:place_order:latency=0.2:1")

    async def go() -> tuple[list[ob.PlacedOrder], int]:
        async with ob.connect_async(
            "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
        ) as broker:
            placed = await asyncio.gather(*(broker.place_order(MARKET, account=ACCOUNT) for _ in range(50)))
            return list(placed), awst(broker).connects

    placed, connects = asyncio.run(go())
    assert connects == 1 and server.websockets.accepted == 1
    assert all(p.order_id == p.client_order_id for p in placed)  # each got its own reply
    assert len({p.order_id for p in placed}) == 50
    assert {o.client_order_id for o in server.sandbox.orders("crosstrade")} == {p.client_order_id for p in placed}


def test_concurrent_threads_share_one_sync_connection(server: SandboxServer, ws: ob.Session) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        placed = list(pool.map(lambda _: ws.place_order(MARKET, account=ACCOUNT), range(24)))
    assert len({p.order_id for p in placed}) == 24 and all(p.order_id == p.client_order_id for p in placed)
    assert wst(ws).connects == 1


@pytest.mark.parametrize("clean", [True, False], ids=["close-frame", "tcp-cut"])
def test_reconnects_after_the_server_drops_an_idle_connection(
    server: SandboxServer, ws: ob.Session, clean: bool
) -> None:
    ws.place_order(MARKET, account=ACCOUNT)
    assert server.websockets.drop(clean=clean) == 1
    eventually(lambda: not wst(ws).connected)
    placed = ws.place_order(MARKET, account=ACCOUNT)  # reopened transparently
    assert wst(ws).connects == 2 and wst(ws).connected and server.websockets.accepted == 2
    assert len(server.sandbox.orders("crosstrade")) == 2 and placed.order_id


def test_async_reconnects_after_a_drop(server: SandboxServer) -> None:
    async def go() -> int:
        async with ob.connect_async(
            "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
        ) as broker:
            await broker.place_order(MARKET, account=ACCOUNT)
            server.websockets.drop()
            for _ in range(500):
                if not awst(broker).connected:
                    break
                await asyncio.sleep(0.01)
            await broker.place_order(MARKET, account=ACCOUNT)
            connects: int = awst(broker).connects
            return connects

    assert asyncio.run(go()) == 2
    assert len(server.sandbox.orders("crosstrade")) == 2


def test_keepalive_pings(server: SandboxServer) -> None:
    url = server.broker_url("crosstrade")
    pinging = RPC.WebSocketTransport(url, ping_interval=0.02)
    with session_for("crosstrade", transport=pinging, base_url=url, credentials=TOKEN) as session:
        session.place_order(MARKET, account=ACCOUNT)
        eventually(lambda: server.websockets.counts["ping"] >= 3)

    async def go() -> None:
        apinging = RPC.AsyncWebSocketTransport(url, ping_interval=0.02)
        session = session_for("crosstrade", transport=apinging, base_url=url, credentials=TOKEN, asynchronous=True)
        async with session:
            await session.place_order(MARKET, account=ACCOUNT)
            before = server.websockets.counts["ping"]
            for _ in range(500):
                if server.websockets.counts["ping"] >= before + 3:
                    return
                await asyncio.sleep(0.01)
            raise AssertionError("no keep-alive pings")

    asyncio.run(go())


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_no_server_is_broker_unavailable_and_nothing_was_sent() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/crosstrade"
    session = ob.connect("crosstrade", transport="websocket", base_url=url, credentials=TOKEN)
    with session, pytest.raises(ob.BrokerUnavailable) as failed:
        session.place_order(MARKET, account=ACCOUNT)
    assert failed.value.order_may_exist is False and "nothing was sent" in str(failed.value)

    async def go() -> ob.OrderbridgeError:
        async with ob.connect_async("crosstrade", transport="websocket", base_url=url, credentials=TOKEN) as broker:
            try:
                await broker.place_order(MARKET, account=ACCOUNT)
            except ob.OrderbridgeError as error:
                return error
        raise AssertionError("placed without a server")

    assert type(asyncio.run(go())) is ob.BrokerUnavailable


def test_bad_token_is_refused_on_the_upgrade(server: SandboxServer) -> None:
    url = server.broker_url("crosstrade")
    session = ob.connect("crosstrade", transport="websocket", base_url=url, credentials={"token": "wrong"})
    with session, pytest.raises(ob.AuthenticationError) as refused:
        session.place_order(MARKET, account=ACCOUNT)
    assert refused.value.order_may_exist is False
    assert server.websockets.refused == 1 and server.sandbox.orders("crosstrade") == []


def test_missing_token_is_a_configuration_error(server: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ORDERBRIDGE_CROSSTRADE_TOKEN", raising=False)
    session = ob.connect("crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"))
    with session, pytest.raises(ob.ConfigurationError):
        session.place_order(MARKET, account=ACCOUNT)
    assert server.websockets.accepted == 0


def test_closed_session_sends_nothing(server: SandboxServer) -> None:
    session = ob.connect(
        "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
    )
    session.close()
    with pytest.raises(ob.ConfigurationError, match="closed"):
        session.place_order(MARKET, account=ACCOUNT)
    assert server.websockets.accepted == 0


def test_the_token_never_reaches_the_logs(server: SandboxServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with ob.connect(
        "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
    ) as session:
        session.place_order(MARKET, account=ACCOUNT)
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("orderbridge."))
    assert "> Authorization: ***" in ours and "> TEXT" in ours  # the wire log is there...
    assert "demo-token" not in ours  # ...without the secret


def test_websocket_transport_is_crosstrade_only() -> None:
    with pytest.raises(ob.ConfigurationError, match="crosstrade only"):
        ob.connect("sophic", transport="websocket", credentials={"client_id": "a", "client_secret": "b"})


def test_websockets_is_an_optional_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the ``websockets`` package REST works and the WebSocket transport says what to install."""
    import sys

    for name in [n for n in sys.modules if n == "websockets" or n.startswith("websockets.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, RPC.__name__, raising=False)
    with pytest.raises(ob.ConfigurationError, match=r"orderbridge\[websocket\]"):
        ob.connect("crosstrade", transport="websocket", credentials=TOKEN)
    ob.connect("crosstrade", credentials=TOKEN).close()


def test_an_operation_without_an_rpc_is_not_supported_and_sends_nothing(server: SandboxServer) -> None:
    with (
        ob.connect(
            "crosstrade", transport="websocket", base_url=server.broker_url("crosstrade"), credentials=TOKEN
        ) as session,
        pytest.raises(ob.NotSupported),
    ):
        session.balances(account=ACCOUNT)  # REST get_account: CrossTrade documents no RPC for it
    assert server.websockets.accepted == 0
