"""The loopback server (port 0, real sockets) and the ``orderbridge-sandbox`` CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from orderbridge_sandbox import ManualClock, Sandbox, SandboxServer, start
from orderbridge_sandbox.cli import main

PLACE = {"instrument": "MES 12-25", "action": "BUY", "orderType": "MARKET", "quantity": 1, "timeInForce": "DAY"}


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with start(Sandbox(strict=True, clock=ManualClock()), port=0) as running:
        yield running


def test_place_over_loopback_and_drop_after_record(server: SandboxServer) -> None:
    assert server.port > 0 and server.broker_url("crosstrade") == f"http://127.0.0.1:{server.port}/crosstrade"
    with httpx.Client(base_url=server.broker_url("crosstrade"), headers={"Authorization": "Bearer demo-token"}) as c:
        first = c.post("/v1/api/accounts/Sim101/orders/place", json={**PLACE, "orderId": "ob-1"})
        assert first.json() == {"orderId": "ob-1", "success": True}
        server.sandbox.add_fault("crosstrade:place_order:drop_after_record:1")
        with pytest.raises(httpx.RemoteProtocolError):
            c.post("/v1/api/accounts/Sim101/orders/place", json={**PLACE, "orderId": "ob-2"})
        assert c.get("/v1/api/accounts/Sim101/orders/ob-2").json()["orderState"] == "Filled"  # recorded anyway
    assert [o.client_order_id for o in server.sandbox.orders("crosstrade")] == ["ob-1", "ob-2"]


def test_errors_and_latency_over_loopback(server: SandboxServer) -> None:
    server.sandbox.add_fault("topstepx:ping:latency=0.05:1")
    server.sandbox.add_fault("topstepx:search_accounts:rate_limit=2:1")
    with httpx.Client(base_url=server.broker_url("topstepx")) as c:
        assert c.get("/api/Status/ping").text == "pong"
        limited = c.post("/api/Account/search", json={})  # the rate limit answers before authentication
        assert (limited.status_code, limited.headers["retry-after"], limited.text) == (429, "2", "")
        assert c.post("/api/Account/search", json={"onlyActiveAccounts": True}).status_code == 401
        assert c.get("/nowhere/at/all").status_code == 404


def test_stop_closes_open_keep_alive_connections() -> None:
    server = start(port=0)
    c = httpx.Client(base_url=server.url)
    assert c.get("/topstepx/api/Status/ping").status_code == 200  # leaves a keep-alive connection open
    server.stop()
    with pytest.raises(httpx.TransportError):
        c.get("/topstepx/api/Status/ping")
    c.close()


def test_cli_rejects_a_bad_fault(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["serve", "--port", "0", "--fault", "topstepx:place_order:explode"])
    assert exc.value.code == 2
    assert "unknown kind" in capsys.readouterr().err


def test_cli_serves_on_a_free_port_with_faults() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "orderbridge_sandbox",
        "serve",
        "--port",
        "0",
        "--fault",
        "topstepx:place_order:drop_after_record:1",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("# orderbridge-sandbox listening on http://127.0.0.1:")
        url = first.rsplit(" ", 1)[1]
        lines = [process.stdout.readline().strip() for _ in range(13)]
        assert f"export ORDERBRIDGE_TOPSTEPX_BASE_URL={url}/topstepx" in lines
        assert "# fault armed: topstepx:place_order:drop_after_record:1" in lines
        with httpx.Client(base_url=f"{url}/topstepx") as c:
            token = c.post("/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"}).json()["token"]
            c.headers["Authorization"] = f"Bearer {token}"
            order = {"accountId": 1, "contractId": "CON.F.US.BP6.U25", "type": 2, "side": 1, "size": 1}
            with pytest.raises(httpx.RemoteProtocolError):
                c.post("/api/Order/place", json=order)
            assert c.post("/api/Order/place", json=order).json()["orderId"] == 9057
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
