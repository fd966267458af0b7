"""Fault injection: grammar, latency, errors, rate limits and dropped connections, in-process
(sync, async and as a respx side effect)."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest
import respx

from orderbridge_sandbox import Fault, FaultError, FaultKind, Phase, Sandbox

from ._sandbox_support import Api, login

MARKET = {"accountId": 465, "contractId": "CON.F.US.MES.Z25", "type": 2, "side": 0, "size": 1}


@pytest.mark.parametrize(
    ("text", "kind", "phase", "expected"),
    [
        ("topstepx:place_order:drop_after_record", FaultKind.DROP, Phase.AFTER, {}),
        ("sophic:*:latency=0.25:3", FaultKind.LATENCY, Phase.BEFORE, {"delay": 0.25, "times": 3}),
        ("*:*:error", FaultKind.ERROR, Phase.BEFORE, {"status": 500}),
        ("crosstrade:place_order:error_after_record=408:1", FaultKind.ERROR, Phase.AFTER, {"status": 408, "times": 1}),
        ("tradestation:place_order:rate_limit=7", FaultKind.RATE_LIMIT, Phase.BEFORE, {"retry_after": 7}),
        ("topstepx:place_order:rate_limit", FaultKind.RATE_LIMIT, Phase.BEFORE, {"retry_after": None}),
    ],
)
def test_fault_grammar(text: str, kind: FaultKind, phase: Phase, expected: dict[str, Any]) -> None:
    fault = Fault.parse(text)
    assert (fault.kind, fault.phase) == (kind, phase)
    assert {k: getattr(fault, k) for k in expected} == expected
    assert Fault.parse(str(fault)) == fault


@pytest.mark.parametrize(
    "text",
    [
        "topstepx:place_order",
        "nobroker:x:drop",
        "topstepx:x:explode",
        "topstepx:x:latency=-1",
        "topstepx:x:error=200",
        "topstepx:x:drop:0",
        "topstepx:x:drop=3",
    ],
)
def test_bad_fault_text(text: str) -> None:
    with pytest.raises(FaultError):
        Fault.parse(text)


def test_drop_after_record_raises_and_the_order_exists(api: Api, sandbox: Sandbox) -> None:
    c = api("topstepx")
    sandbox.add_fault("topstepx:place_order:drop_after_record:1")
    with pytest.raises(httpx.RemoteProtocolError):
        c.post("/api/Order/place", json={**MARKET, "customTag": "ob-1"})
    assert [o.client_order_id for o in sandbox.orders("topstepx")] == ["ob-1"]
    assert c.post("/api/Order/place", json={**MARKET, "customTag": "ob-2"}).json()["success"]  # fired once only
    assert sandbox.log[-2].status is None and sandbox.log[-2].faults == ("topstepx:place_order:drop_after_record:0",)


def test_drop_before_records_nothing(api: Api, sandbox: Sandbox) -> None:
    c = api("crosstrade")
    sandbox.add_fault(Fault.drop("crosstrade", "place_order"))
    with pytest.raises(httpx.RemoteProtocolError):
        c.post(
            "/v1/api/accounts/Sim101/orders/place",
            json={
                "instrument": "MES 12-25",
                "action": "BUY",
                "orderType": "MARKET",
                "quantity": 1,
                "timeInForce": "DAY",
            },
        )
    assert sandbox.orders("crosstrade") == []


def test_error_after_record_answers_5xx_yet_places(api: Api, sandbox: Sandbox) -> None:
    c = api("sophic")
    sandbox.add_fault("sophic:place_order:error_after_record=500:1")
    body = {"instrument": "ins_xyz789", "order_type": "market", "side": "buy", "cash_amount": "100.00"}
    failed = c.post("/accounts/acc_abc123/orders", json=body, headers={"Idempotency-Key": "k"})
    assert (failed.status_code, failed.json()["code"]) == (500, "server_error")
    retry = c.post("/accounts/acc_abc123/orders", json=body, headers={"Idempotency-Key": "k"})
    assert retry.status_code == 201  # the stored result of the first attempt
    assert len(sandbox.orders("sophic")) == 1


@pytest.mark.parametrize(
    ("broker", "path", "status", "content_type"),
    [
        ("topstepx", "/api/Order/place", 429, "text/plain"),
        ("crosstrade", "/v1/api/accounts/Sim101/orders/place", 429, "application/json"),
        ("tradestation", "/v2/orders", 403, "text/html"),
        ("sophic", "/accounts/acc_abc123/orders", 429, "application/json"),
    ],
)
def test_rate_limit_in_each_dialect(
    api: Api, sandbox: Sandbox, broker: str, path: str, status: int, content_type: str
) -> None:
    c = api(broker)
    sandbox.add_fault(f"{broker}:place_order:rate_limit=3:1")
    sandbox.add_fault(f"{broker}:place_order:rate_limit:1")
    with_header = c.post(path, json={})
    assert (with_header.status_code, with_header.headers["retry-after"]) == (status, "3")
    assert with_header.headers["content-type"].startswith(content_type)
    without = c.post(path, json={})
    assert without.status_code == status and "retry-after" not in without.headers
    assert sandbox.orders(broker) == []


def test_5xx_in_the_broker_shape(api: Api, sandbox: Sandbox) -> None:
    c = api("tradestation")
    sandbox.add_fault("tradestation:*:error=502")
    response = c.get("/v2/accounts/123456/orders")
    assert response.status_code == 502 and response.json()["Message"] == "Bad Gateway"
    sandbox.clear_faults()
    assert c.get("/v2/accounts/123456/orders").status_code == 200


def test_latency_sync_uses_the_injected_sleep(api: Api, sandbox: Sandbox, sleeps: list[float]) -> None:
    c = api("topstepx")
    sandbox.add_fault("topstepx:search_accounts:latency=1.5:2")
    for _ in range(3):
        assert c.post("/api/Account/search", json={"onlyActiveAccounts": True}).status_code == 200
    assert sleeps == [1.5, 1.5]


def test_async_client_latency_and_drop(sandbox: Sandbox) -> None:
    token = login(sandbox, "topstepx")
    sandbox.add_fault("topstepx:place_order:latency=0.05:1")
    sandbox.add_fault("topstepx:place_order:drop_after_record:1")

    async def run() -> float:
        async with httpx.AsyncClient(
            transport=sandbox.transport(),
            base_url="http://127.0.0.1/topstepx",
            headers={"Authorization": f"Bearer {token}"},
        ) as c:
            started = time.monotonic()
            with pytest.raises(httpx.RemoteProtocolError):
                await c.post("/api/Order/place", json=MARKET)
            elapsed = time.monotonic() - started
            assert (await c.post("/api/Order/place", json=MARKET)).json()["success"] is True
            return elapsed

    assert asyncio.run(run()) >= 0.05
    assert len(sandbox.orders("topstepx")) == 2


def test_respx_side_effect(sandbox: Sandbox) -> None:
    with respx.mock(assert_all_called=True) as router:
        router.route(host="api.topstepx.com").mock(
            side_effect=lambda request: sandbox.handle(
                httpx.Request(
                    request.method,
                    f"http://127.0.0.1/topstepx{request.url.raw_path.decode()}",
                    headers=request.headers,
                    content=request.content,
                )
            )
        )
        sandbox.add_fault("topstepx:login_key:drop:1")
        with httpx.Client(base_url="https://api.topstepx.com") as c:
            with pytest.raises(httpx.RemoteProtocolError):
                c.post("/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"})
            assert c.post("/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"}).json()["success"]


def test_faults_never_fire_for_other_operations(api: Api, sandbox: Sandbox) -> None:
    sandbox.add_fault("topstepx:place_order:error=500")
    assert api("topstepx").post("/api/Order/searchOpen", json={"accountId": 465}).status_code == 200
