"""What the sandbox tests share: raw clients (logged in or not), facade sessions over the
in-process sandbox with its demo credentials, per-broker orders, and requests built from spec
examples. A test file takes what it needs in one line (``from ._sandbox_support import ...``)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any
from urllib.parse import quote

import httpx

import orderbridge as ob
from orderbridge.testing import use_sleep
from orderbridge_sandbox import Sandbox
from tests._specs import deref, load_spec

BASE = "http://127.0.0.1"

Api = Callable[[str], httpx.Client]
"""The ``api`` and ``anon`` fixtures: ``api("topstepx")`` is an ``httpx.Client`` to that broker."""

CREDENTIALS: dict[str, dict[str, str]] = {
    "topstepx": {"username": "demo", "api_key": "demo-api-key"},
    "crosstrade": {"token": "demo-token"},
    "tradestation": {"client_id": "demo-client", "client_secret": "demo-secret", "refresh_token": "demo-refresh"},
    "sophic": {"client_id": "demo-client", "client_secret": "demo-secret"},
}
"""The sandbox's demo credentials per broker, named as :func:`orderbridge.connect` takes them."""

ORDERS: dict[str, tuple[ob.Order, str]] = {
    "topstepx": (ob.Order(instrument="CON.F.US.MES.Z25", side="buy", type="market", quantity=Decimal("1")), "465"),
    "crosstrade": (ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=Decimal("1")), "Sim101"),
    "tradestation": (ob.Order(instrument="MSFT", side="buy", type="market", quantity=Decimal("10")), "123456"),
    "sophic": (
        ob.Order(instrument="ins_xyz789", side="buy", type="market", cash_amount=Decimal("100.00")),
        "acc_abc123",
    ),
}
"""Per broker: a market order the sandbox fills, and the seeded account it goes to."""


def connect(sandbox: Sandbox, broker: str, *, wait: bool = True) -> ob.Session:
    """A facade session to ``broker`` over ``sandbox``'s in-process transport, with the demo
    credentials; ``wait=False`` makes its retries and event polls return at once (no real sleep)."""
    session = ob.connect(
        broker, base_url=f"{BASE}/{broker}", credentials=CREDENTIALS[broker], transport=sandbox.transport()
    )
    if not wait:
        use_sleep(session, lambda _seconds: None)
    return session


def connect_async(sandbox: Sandbox, broker: str, *, wait: bool = True) -> ob.AsyncSession:
    """The async twin of :func:`connect`, over the same in-process transport."""
    session = ob.connect_async(
        broker, base_url=f"{BASE}/{broker}", credentials=CREDENTIALS[broker], transport=sandbox.transport()
    )
    if not wait:
        use_sleep(session, lambda _seconds: None)
    return session


# -- TradeStation requests ------------------------------------------------------------------------

V2 = {"APIVersion": "20160101"}
"""The query that selects TradeStation's current order shape."""

ARNA = {
    "AccountKey": "123456",
    "AssetType": "EQ",
    "Duration": "DYP",
    "LimitPrice": "1.00",
    "OrderType": "Limit",
    "Quantity": "10",
    "Symbol": "ARNA",
    "TradeAction": "BUY",
}
"""A TradeStation limit order in the current (``APIVersion=20160101``) body shape."""

SEED_ORDER = {  # the "Place Order" page of TradeStation's WebAPI v2 docs, sent with APIVersion=20150101
    "OrderConfirmId": "96x0c/Bq00qatgyO+QO4pA",
    "AccountId": 281994,
    "AssetType": "Equity",
    "Side": "Buy",
    "TimeInForce": "DayPlus",
    "LimitPrice": "0.14",
    "Type": "Limit",
    "Quantity": 5,
    "Route": "Intelligent",
    "StopPrice": 14.12,
    "Symbol": "JP:8698-TS",
    "TimeInForceExpiration": None,
    "FundSource": "Cash",
    "TaxationMethod": "Calculated",
    "LotSelectionStrategy": "FirstInFirstOut",
    "Condition": "Basic",
}


def client(sandbox: Sandbox, broker: str, token: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(transport=sandbox.transport(), base_url=f"{BASE}/{broker}", headers=headers)


def login(sandbox: Sandbox, broker: str) -> str:
    """A valid token for ``broker`` with the demo credentials."""
    with client(sandbox, broker) as c:
        if broker == "topstepx":
            return str(
                c.post("/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"}).json()["token"]
            )
        if broker == "crosstrade":
            return "demo-token"
        if broker == "tradestation":
            form = {
                "grant_type": "refresh_token",
                "client_id": "demo-client",
                "client_secret": "demo-secret",
                "refresh_token": "demo-refresh",
            }
            return str(c.post("/v2/security/authorize", data=form).json()["access_token"])
        form = {"grant_type": "client_credentials", "client_id": "demo-client", "client_secret": "demo-secret"}
        return str(c.post("/auth/token", data=form).json()["access_token"])


def logged_in(sandbox: Sandbox, broker: str) -> httpx.Client:
    return client(sandbox, broker, login(sandbox, broker))


def _example(doc: dict[str, Any], param: dict[str, Any]) -> Any:
    if "examples" in param:
        return next(iter(param["examples"].values()))["value"]
    if "example" in param:
        return param["example"]
    return deref(doc, param.get("schema", {})).get("default")


_keys = itertools.count(1)


def example_requests(broker: str, token: str) -> list[tuple[str, httpx.Request]]:
    """(label, request) for every operation and request-body example of ``broker``'s spec, with
    path/query/header parameters from their examples and a valid token (logout comes last)."""
    found = list(_example_requests(broker, token))
    return sorted(found, key=lambda item: item[0] == "logout")


def _example_requests(broker: str, token: str) -> Iterator[tuple[str, httpx.Request]]:
    doc = load_spec(broker)
    for template, item in doc["paths"].items():
        for method in ("get", "post", "put", "delete"):
            op = item.get(method)
            if op is None:
                continue
            params = [deref(doc, p) for p in item.get("parameters", []) + op.get("parameters", [])]
            path, query, headers = template, [], {}
            for p in params:
                value = _example(doc, p)
                if value is None:
                    continue
                if p["in"] == "path":
                    path = path.replace("{" + p["name"] + "}", quote(str(value), safe=""))
                elif p["in"] == "query":
                    if p["name"] == "oauth_token":
                        value = token
                    for v in value if isinstance(value, list) else [value]:
                        query.append((p["name"], str(v).lower() if isinstance(v, bool) else str(v)))
                elif p["in"] == "header" and p["name"] != "Idempotency-Key":
                    headers[p["name"]] = str(value)
            if any(req for req in op.get("security", [])):
                headers["Authorization"] = f"Bearer {token}"
            url = httpx.URL(f"{BASE}/{broker}{path}", params=query)
            body = deref(doc, op.get("requestBody", {}))
            contents = body.get("content", {})
            if not contents:
                yield f"{op['operationId']}", httpx.Request(method.upper(), url, headers=headers)
                continue
            media, spec_ = next(iter(contents.items()))
            for name, example in spec_.get("examples", {}).items():
                value = deref(doc, example)["value"]
                if op["operationId"] == "place_order" and broker == "sophic":
                    headers = {**headers, "Idempotency-Key": f"tour-{next(_keys)}"}
                if broker == "tradestation" and "2015" in name:
                    url = url.copy_set_param("APIVersion", "20150101")
                if media == "application/x-www-form-urlencoded":
                    request = httpx.Request(method.upper(), url, headers=headers, data=value)
                else:
                    request = httpx.Request(
                        method.upper(),
                        url,
                        headers={**headers, "Content-Type": media},
                        content=json.dumps(value).encode(),
                    )
                yield f"{op['operationId']}[{name}]", request
