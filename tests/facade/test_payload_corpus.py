"""The payload corpus: bodies quoted verbatim in the vendors' own documents (issue 11).

Every ``tests/payloads/<broker>/*.json`` file is one case; adding a file adds a case. A file
holds the quoted body (``body``, or ``text`` for a non-JSON or commented body), where it was
quoted from (``source``) and what it must do:

* ``operation`` / ``direction`` / ``status``: the spec operation it belongs to; the body must
  validate against that operation's request or response schema in ``specs/<broker>.yaml``,
  unless ``divergence`` says why our spec deliberately refuses it (then it must *not*
  validate, so a stale note fails);
* it must parse with the generated client (``from_dict`` of the request model, or the
  operation's own response parser);
* ``outcome``: how the facade classifies the answer when this operation decides one —
  ``accepted`` / ``rejected`` / ``unknown`` (placement), ``cancelled`` / ``not_found`` /
  ``unknown`` (cancel), ``found`` (get_order), ``resolve_none`` (resolve finds nothing);
  ``null`` when the facade has no decision for it.

The facade runs against an in-process ``httpx.MockTransport``; nothing leaves the process.
"""

from __future__ import annotations

import functools
import importlib
import json
import pkgutil
import re
import types
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs
import httpx
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import orderbridge as ob
from orderbridge_sandbox.spec import load_spec
from tests._support import cases

from . import helpers as h

CORPUS = Path(__file__).resolve().parent.parent / "payloads"
OUTCOMES = {None, "accepted", "rejected", "unknown", "cancelled", "not_found", "found", "resolve_none"}
FORMATS = FormatChecker()


@FORMATS.checks("decimal", raises=(InvalidOperation, ValueError))
def _is_decimal(value: object) -> bool:
    return not isinstance(value, str) or Decimal(value).is_finite()


@attrs.frozen
class Payload:
    path: Path
    broker: str
    meta: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.broker}/{self.path.stem}"

    @property
    def value(self) -> Any:
        """The body as the broker (or the client) sends it."""
        if "body" in self.meta:
            body = self.meta["body"]
        else:
            text: str = self.meta["text"]
            if not self.is_json:
                return text
            if self.meta.get("strip_comments"):
                text = re.sub(r"\s*//[^\n]*", "", text)
            body = json.loads(text)
        return [body] if self.meta.get("wrap_in_array") else body

    @property
    def content_type(self) -> str:
        return str(self.meta.get("content_type", "application/json"))

    @property
    def is_json(self) -> bool:
        return "body" in self.meta or (
            self.content_type == "application/json" and self.meta["operation"] != "place_order_jsonp"
        )

    def content(self) -> bytes:
        value = self.value
        return value.encode() if isinstance(value, str) and not self.is_json else json.dumps(value).encode()


def _load(path: Path) -> Payload:
    return Payload(path=path, broker=path.parent.name, meta=json.loads(path.read_text(encoding="utf-8")))


@functools.cache
def payloads() -> tuple[Payload, ...]:
    """Every ``tests/payloads/<broker>/*.json`` file, in path order: read once, by the first
    collection or test that asks, never at import."""
    return tuple(_load(path) for path in sorted(CORPUS.glob("*/*.json")))


def _payload_id(payload: Payload) -> str:
    return payload.id


# -- the spec ---------------------------------------------------------------------------------------


@functools.cache
def _registry(broker: str) -> Registry[Any]:
    resource: Resource[Any] = Resource.from_contents(load_spec(broker), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:corpus", resource)
    return registry


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _operation(broker: str, operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for path, item in load_spec(broker)["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return path, method, op
    raise LookupError(f"{broker}: no operation {operation_id}")


def _deref(doc: dict[str, Any], node: Any, pointer: str) -> tuple[Any, str]:
    while isinstance(node, dict) and "$ref" in node:
        pointer = node["$ref"][1:]
        node = doc
        for part in pointer.lstrip("/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
    return node, pointer


def _schema_pointer(payload: Payload) -> str:
    doc = load_spec(payload.broker)
    path, method, op = _operation(payload.broker, payload.meta["operation"])
    base = f"/paths/{_escape(path)}/{method}"
    if payload.meta["direction"] == "request":
        node, pointer = _deref(doc, op["requestBody"], f"{base}/requestBody")
    else:
        status = str(payload.meta["status"])
        node, pointer = _deref(doc, op["responses"][status], f"{base}/responses/{status}")
    content = node["content"]
    media = payload.content_type if payload.content_type in content else next(iter(content))
    return f"{pointer}/content/{_escape(media)}/schema"


def _problems(payload: Payload) -> list[str]:
    validator = Draft202012Validator(
        {"$ref": f"urn:corpus#{_schema_pointer(payload)}"}, registry=_registry(payload.broker), format_checker=FORMATS
    )
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:160]}" for e in validator.iter_errors(payload.value)]


# -- the generated client ----------------------------------------------------------------------------


@functools.cache
def _module(broker: str, operation_id: str) -> types.ModuleType:
    api = importlib.import_module(f"{broker}_client.api")
    for sub in pkgutil.iter_modules(api.__path__):
        pkg = importlib.import_module(f"{api.__name__}.{sub.name}")
        for mod in pkgutil.iter_modules(pkg.__path__):
            if mod.name == operation_id:
                return importlib.import_module(f"{pkg.__name__}.{mod.name}")
    raise LookupError(f"{broker}_client has no operation module {operation_id}")


def _request_model(payload: Payload) -> Any:
    doc = load_spec(payload.broker)
    _, _, op = _operation(payload.broker, payload.meta["operation"])
    body, _ = _deref(doc, op["requestBody"], "")
    schema = body["content"]["application/json"]["schema"]
    names = [s["$ref"].rsplit("/", 1)[-1] for s in schema.get("oneOf", schema.get("anyOf", [schema])) if "$ref" in s]
    models = importlib.import_module(f"{payload.broker}_client.models")
    return [getattr(models, name) for name in names]


def _parse(payload: Payload) -> Any:
    if payload.meta["direction"] == "request":
        errors = []
        for model in _request_model(payload):
            try:
                return model.from_dict(payload.value)
            except Exception as exc:
                errors.append(f"{model.__name__}: {exc!r}")
        raise AssertionError(f"{payload.id}: no request model parses it: {errors}")
    client_mod = importlib.import_module(f"{payload.broker}_client")
    client = client_mod.AuthenticatedClient(
        base_url="https://broker.invalid", token="t", raise_on_unexpected_status=True
    )
    response = httpx.Response(
        int(payload.meta["status"]),
        content=payload.content(),
        headers={"content-type": payload.content_type},
        request=httpx.Request("GET", "https://broker.invalid/"),
    )
    return _module(payload.broker, payload.meta["operation"]).parse_response(client=client, response=response).parsed


# -- the facade -----------------------------------------------------------------------------------------

FACADE: dict[tuple[str, str], str] = {
    ("topstepx", "place_order"): "place",
    ("topstepx", "cancel_order"): "cancel",
    ("topstepx", "search_order_by_id"): "get",
    ("topstepx", "search_orders"): "resolve",
    ("crosstrade", "place_order"): "place",
    ("crosstrade", "flat_place_order"): "place",
    ("crosstrade", "get_order"): "get",
    ("crosstrade", "cancel_order"): "cancel",
    ("tradestation", "place_order"): "place",
    ("tradestation", "cancel_order"): "cancel",
    ("tradestation", "list_account_orders"): "get",
    ("sophic", "place_order"): "place",
    ("sophic", "get_order"): "get",
}
"""Which facade call decides the outcome of an answer to each spec operation."""


def _case(payload: Payload) -> h.Case:
    if payload.broker == "tradestation":
        return h.TRADESTATION_GLOBAL if payload.meta.get("api_version") == "20150101" else h.TRADESTATION
    return {"topstepx": h.TOPSTEPX, "crosstrade": h.CROSSTRADE, "sophic": h.SOPHIC}[payload.broker]


def _classify(payload: Payload) -> Any:
    case = _case(payload)
    call = FACADE[(payload.broker, payload.meta["operation"])]

    def handler(request: httpx.Request) -> httpx.Response:
        if case.login_path is not None and request.url.path == case.login_path:
            return case.routes[("POST", case.login_path)].build(request)  # type: ignore[union-attr]
        return httpx.Response(
            int(payload.meta["status"]),
            content=payload.content(),
            headers={"content-type": payload.content_type},
            request=request,
        )

    session = h.open_session(case, handler)
    if call == "place":
        order = attrs.evolve(
            case.order,
            client_order_id="corpus-cid-0001",
            flatten_first=payload.meta["operation"] == "flat_place_order",
        )
        return h.run(session, "place_order", order, account=case.account)
    if call == "resolve":
        return h.run(session, "resolve", payload.meta["client_order_id"], account=case.account)
    method = "get_order" if call == "get" else "cancel_order"
    return h.run(session, method, payload.meta["order_id"], account=case.account)


def _outcome(call: str, result: Any) -> str:
    if isinstance(result, ob.PlacedOrder):
        return "accepted"
    if isinstance(result, ob.BrokerOrder):
        return "found"
    if result is None:
        return "resolve_none" if call == "resolve" else "cancelled"
    if isinstance(result, ob.OrderNotFound):
        return "not_found"
    if isinstance(result, ob.OrderRejected):
        return "rejected"
    if isinstance(result, ob.OutcomeUnknown):
        return "unknown"
    return f"other: {result!r}"


# -- the cases -----------------------------------------------------------------------------------------


def test_the_corpus_covers_every_broker_and_both_directions() -> None:
    assert {p.broker for p in payloads()} == {"topstepx", "crosstrade", "tradestation", "sophic"}
    for broker in ("topstepx", "crosstrade", "tradestation", "sophic"):
        directions = {p.meta["direction"] for p in payloads() if p.broker == broker}
        assert directions == {"request", "response"}, broker


@cases("payload", payloads, ids=_payload_id)
def test_payload_is_well_formed(payload: Payload) -> None:
    meta = payload.meta
    assert isinstance(meta.get("source"), str) and meta["source"], "every payload names its source"
    assert ("body" in meta) != ("text" in meta)
    assert meta["direction"] in ("request", "response")
    assert meta.get("outcome") in OUTCOMES
    if meta.get("outcome") is not None:
        assert (payload.broker, meta["operation"]) in FACADE, "an outcome tag needs a facade decision"
    if meta.get("outcome") in ("accepted", "found"):
        assert isinstance(meta.get("order_id"), str)


@cases("payload", payloads, ids=_payload_id)
def test_payload_validates_against_the_spec(payload: Payload) -> None:
    problems = _problems(payload)
    divergence = payload.meta.get("divergence")
    if divergence:
        assert problems, f"documented divergence no longer holds ({divergence}): the spec now accepts it"
    else:
        assert problems == [], problems


def parsed_payloads() -> list[Payload]:
    """The payloads the generated client must parse. Requests our spec deliberately refuses are
    not parsed: the generated request models are as strict as the request schemas, by design."""
    return [p for p in payloads() if not (p.meta["direction"] == "request" and p.meta.get("divergence"))]


def tagged_payloads() -> list[Payload]:
    """The payloads with an ``outcome`` the facade must reach."""
    return [p for p in payloads() if p.meta.get("outcome")]


@cases("payload", parsed_payloads, ids=_payload_id)
def test_payload_parses_with_the_generated_client(payload: Payload) -> None:
    parsed = _parse(payload)
    assert parsed is not None


@cases("payload", tagged_payloads, ids=_payload_id)
def test_payload_is_classified_as_tagged(payload: Payload) -> None:
    result = _classify(payload)
    call = FACADE[(payload.broker, payload.meta["operation"])]
    assert _outcome(call, result) == payload.meta["outcome"], result
    if payload.meta["outcome"] in ("accepted", "found"):
        assert result.order_id == payload.meta["order_id"]
        assert result.warnings == (), "a verbatim vendor payload should match the spec"
