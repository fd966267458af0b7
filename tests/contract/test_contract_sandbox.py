"""The sandbox answers a request its spec refuses the way the spec says the broker does.

For every operation that takes a body, a body its schema refuses is sent to the sandbox; the
answer must be the refusal status the spec declares for that operation (400 wherever one is
declared) and must validate against the spec. An operation whose documented refusal is another
status is listed in ``REFUSAL`` with the vendor's reason. A sandbox that drifts from its spec
(TopstepX once answered 200 ``success:false`` where the spec declares 400) fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from orderbridge_sandbox import Sandbox
from orderbridge_sandbox.routes import declared_statuses
from orderbridge_sandbox.spec import BROKERS, load_spec
from orderbridge_sandbox.validation import check_response
from tests._specs import deref
from tests._support import cases

REFUSAL: dict[tuple[str, str], int] = {
    # The token endpoint answers every failed grant with 401 {Message, StatusCode} (TradeStation
    # WebAPI v2 "Authentication": a malformed form is one more failed grant).
    ("tradestation", "authorize"): 401,
}

LOGIN: dict[str, tuple[str, dict[str, str]]] = {
    "tradestation": (
        "/v2/security/authorize",
        {
            "grant_type": "refresh_token",
            "client_id": "demo-client",
            "client_secret": "demo-secret",
            "refresh_token": "demo-refresh",
        },
    ),
    "sophic": (
        "/auth/token",
        {"grant_type": "client_credentials", "client_id": "demo-client", "client_secret": "demo-secret"},
    ),
}


def _token(sandbox: Sandbox, broker: str) -> str:
    with httpx.Client(transport=sandbox.transport(), base_url=f"http://127.0.0.1/{broker}") as c:
        if broker == "topstepx":
            answer = c.post("/api/Auth/loginKey", json={"userName": "demo", "apiKey": "demo-api-key"})
            return str(answer.json()["token"])
        if broker == "crosstrade":
            return "demo-token"
        path, form = LOGIN[broker]
        return str(c.post(path, data=form).json()["access_token"])


def _example(doc: dict[str, Any], param: dict[str, Any]) -> Any:
    if "examples" in param:
        return deref(doc, next(iter(param["examples"].values())))["value"]
    if "example" in param:
        return param["example"]
    return deref(doc, param.get("schema", {})).get("default")


def _body_operations() -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for broker in BROKERS:
        doc = load_spec(broker)
        for template, item in doc["paths"].items():
            for method in ("post", "put", "patch", "delete"):
                op = item.get(method)
                if op and "requestBody" in op:
                    yield broker, method.upper(), template, op


def _cases() -> list[Any]:
    """Every body-taking operation of the four specs, read at collection, by broker and id."""
    found = sorted(_body_operations(), key=lambda c: (c[0], c[3]["operationId"]))
    return [pytest.param(*c, id=f"{c[0]}.{c[3]['operationId']}") for c in found]


@cases("broker, method, template, op", _cases)
def test_a_body_the_schema_refuses_gets_the_declared_refusal(
    broker: str, method: str, template: str, op: dict[str, Any]
) -> None:
    sandbox = Sandbox()
    doc = load_spec(broker)
    item = doc["paths"][template]
    path, query, headers = template, {}, {}
    for param in (deref(doc, p) for p in item.get("parameters", []) + op.get("parameters", [])):
        value = _example(doc, param)
        if value is None:
            continue
        if param["in"] == "path":
            path = path.replace("{" + param["name"] + "}", quote(str(value), safe=""))
        elif param["in"] == "query":
            query[param["name"]] = str(value)
        elif param["in"] == "header":
            headers[param["name"]] = str(value)
    if any(op.get("security", [])):
        headers["Authorization"] = f"Bearer {_token(sandbox, broker)}"
    media = next(iter(deref(doc, op["requestBody"])["content"]))
    # A JSON array where the schema wants an object; a form missing every field.
    content = b"[1]" if "json" in media else b"unexpected=1"
    request = httpx.Request(
        method,
        f"http://127.0.0.1/{broker}{path}",
        params=query,
        headers={**headers, "Content-Type": media},
        content=content,
    )
    response = sandbox.handle(request)
    declared = declared_statuses(broker, op["operationId"])
    expected = REFUSAL.get((broker, op["operationId"]), 400)
    assert expected in declared, f"the spec declares no {expected} for {op['operationId']}"
    assert response.status_code == expected, response.text
    check_response(broker, request, response, f"/{broker}", op["operationId"])
