"""Section 1 — in-process per-call cost (no socket): ``httpx.MockTransport`` with a fixed valid response.

(a) raw ``httpx.Client.post`` with a prebuilt JSON body (``content=bytes``) and ``.json()``;
(b) the generated client's ``place_order.sync_detailed`` with a prebuilt request model
    (``to_dict`` + JSON encoding + parsing the response into the typed model);
(c) ``orderbridge`` ``Session.place_order`` with a prebuilt ``Order`` (client id generated,
    capability and broker checks, mapping to the generated model, the generated call, outcome
    classification) — the token is obtained once before timing.

All three share one transport handler: a dict lookup by path and a new ``httpx.Response``.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from typing import Any

import httpx

from ._common import BROKERS, CASES, Wire, interleaved, new_order, new_session, paired_ratio, summary

# Generated operation and request model per broker, and the extra keyword arguments the
# facade passes (the same call a user of the generated SDK writes by hand).
GENERATED = {
    "topstepx": ("topstepx_client.api.order.place_order", "topstepx_client.models", "PlaceOrderRequest"),
    "crosstrade": ("crosstrade_client.api.orders.place_order", "crosstrade_client.models", "PlaceOrderRequest"),
    "tradestation": ("tradestation_client.api.orders.place_order", "tradestation_client.models", "OrderRequest"),
    "sophic": ("sophic_client.api.orders.place_order", "sophic_client.models", "PlaceOrderRequest"),
}


def fixed_transport(wires: dict[str, Wire]) -> httpx.MockTransport:
    table: dict[str, tuple[int, list[tuple[str, str]], bytes]] = {}
    for wire in wires.values():
        for path, (status, content_type, body) in wire.responses().items():
            table[path] = (status, [("content-type", content_type)], body)

    def handler(request: httpx.Request) -> httpx.Response:
        status, headers, body = table[request.url.path]
        return httpx.Response(status, headers=headers, content=body)

    return httpx.MockTransport(handler)


def generated_operation(broker: str) -> tuple[Any, Callable[[bytes, dict[str, str]], dict[str, Any]]]:
    """The generated ``place_order`` module of ``broker`` and a function turning one captured
    request (body, headers) into its keyword arguments (request model prebuilt, no client)."""
    operation_path, models_path, model_name = GENERATED[broker]
    operation = importlib.import_module(operation_path)
    models = importlib.import_module(models_path)
    model = getattr(models, model_name)
    account = CASES[broker].account

    def kwargs_for(body: bytes, headers: dict[str, str]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"body": model.from_dict(json.loads(body))}
        if broker == "crosstrade":
            kwargs["account"] = account
        elif broker == "tradestation":
            kwargs["api_version"] = models.ApiVersion("20160101")
        elif broker == "sophic":
            kwargs["account_id"] = account
            kwargs["idempotency_key"] = headers["idempotency-key"]
            kwargs["api_version"] = headers["api-version"]
        return kwargs

    return operation, kwargs_for


def generated_client(broker: str, base_url: str, token: str, **httpx_args: Any) -> Any:
    """The generated ``AuthenticatedClient`` as the README shows it: bearer token, its own pool,
    and an explicit 10 s timeout like the facade's (without one httpx skips the socket poll the
    facade's timeouts cost, and d/g would charge that to the facade)."""
    package = importlib.import_module(broker + "_client")
    return package.AuthenticatedClient(
        base_url=base_url, token=token, timeout=httpx.Timeout(10.0), httpx_args=httpx_args
    )


def generated_call(broker: str, wire: Wire, transport: httpx.BaseTransport) -> tuple[Callable[[], Any], Any]:
    """A zero-argument callable doing the generated place-order call with the captured request
    (prebuilt model) over ``transport``, and the client to close."""
    operation, kwargs_for = generated_operation(broker)
    client = generated_client(broker, f"http://127.0.0.1/{broker}", wire.token, transport=transport)
    kwargs = {"client": client, **kwargs_for(wire.place.body, dict(wire.place.headers))}
    sync_detailed = operation.sync_detailed

    def call() -> Any:
        return sync_detailed(**kwargs)

    return call, client


def _measure_broker(
    broker: str, wire: Wire, transport: httpx.BaseTransport, *, count: int, rounds: int, warmup: int
) -> dict[str, Any]:
    path = wire.place.target
    body = wire.place.body
    headers = wire.place_headers(wire.token, wire.client_order_id)
    headers.pop("authorization")
    raw = httpx.Client(
        base_url="http://127.0.0.1",
        transport=transport,
        headers={"Authorization": f"Bearer {wire.token}", "Accept": "application/json"},
    )
    gen, gen_client = generated_call(broker, wire, transport)
    session = new_session(broker, f"http://127.0.0.1/{broker}", transport=transport)
    order = new_order(broker)
    account = CASES[broker].account

    # Sanity: every variant gets a success before anything is timed.
    first = raw.post(path, content=body, headers=headers)
    assert first.status_code in (200, 201), first.status_code
    assert gen().parsed is not None
    placed = session.place_order(order, account=account)
    assert placed.order_id

    def a(_: int) -> object:
        return raw.post(path, content=body, headers=headers).json()

    def b(_: int) -> object:
        return gen()

    def c(_: int) -> object:
        return session.place_order(order, account=account)

    try:
        samples = interleaved({"a": a, "b": b, "c": c}, count, rounds, warmup)
        logins = session.logins
    finally:
        session.close()
        raw.close()
        gen_client.get_httpx_client().close()
    return {
        "us_per_call": {k: summary(v) for k, v in samples.items()},
        "b/a": paired_ratio(samples["b"], samples["a"]),
        "c/a": paired_ratio(samples["c"], samples["a"]),
        "c/b": paired_ratio(samples["c"], samples["b"]),
        "logins": logins,
    }


def measure(wires: dict[str, Wire], *, count: int, rounds: int, warmup: int) -> dict[str, Any]:
    transport = fixed_transport(wires)
    return {
        broker: _measure_broker(broker, wires[broker], transport, count=count, rounds=rounds, warmup=warmup)
        for broker in BROKERS
    }
