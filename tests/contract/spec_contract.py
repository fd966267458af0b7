"""Contract machinery over the generated clients; the spec side lives in the public plugin.

The spec as data (operations, cases, request/response checks, respx contract routes) is
:mod:`orderbridge_sandbox.testing.specmodel`, shipped with the sandbox so users' tests and ours
share one copy; it is re-exported here under the names the contract tests always used. What stays
here needs the generated client packages, which the sandbox does not depend on:

* :func:`call_kwargs` builds the generated client's arguments (path/query/header parameters and
  the ``body`` model) from the spec's examples.
* :func:`parse_strict` validates a response against the spec
  (:func:`~orderbridge_sandbox.testing.specmodel.check_response`) before parsing it with the
  generated client, so a wrong type or a missing field is a named :class:`ResponseContractError`
  instead of a silently wrong object.
* :func:`run_response_case` / :func:`run_request_case` tie it together; the parametrized tests,
  the negative tests and the spec-mutation test all call them.
* :func:`mutations` and friends corrupt examples along their schemas for the negative tests.

Two generator rules are encoded here (openapi-python-client 0.29.1): a status with several media
types is parsed with the *first* one (so a JSON body under a ``text/html``-first status comes
back as ``str``), and a component schema ``Name`` becomes ``<broker>_client.models.Name``
(PascalCase of the component name).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import functools
import importlib
import inspect
import json
import pkgutil
import re
import ssl
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import respx

from orderbridge_sandbox import spec as specs
from orderbridge_sandbox.testing import SpecRouter, specmodel
from orderbridge_sandbox.testing.specmodel import (
    BROKERS,
    MISSING,
    ContractError,
    Media,
    Operation,
    Param,
    RequestCase,
    RequestContractError,
    ResponseCase,
    ResponseContractError,
    SpecView,
    Status,
    check_response,
    describe,
    escape_pointer,
    example_body,
    example_pointer,
    example_response,
    explain,
    explain_errors,
    form_text,
    is_json_type,
    operation,
    operations,
    param_value,
    path_regex,
    request_cases,
    request_url,
    response_cases,
    sample_request,
    schema_value,
    sent_body,
    view,
)

__all__ = [
    "BROKERS",
    "MISSING",
    "TOKEN",
    "ContractError",
    "Media",
    "Operation",
    "Param",
    "RequestCase",
    "RequestContractError",
    "ResponseCase",
    "ResponseContractError",
    "SpecView",
    "Status",
    "check_request",
    "contract_route",
    "describe",
    "example_body",
    "example_pointer",
    "example_response",
    "explain",
    "explain_errors",
    "is_json_type",
    "operation",
    "operations",
    "param_value",
    "path_regex",
    "request_cases",
    "request_url",
    "response_cases",
    "sample_request",
    "schema_value",
    "sent_body",
    "view",
]

TOKEN = "test-token"
"""The bearer token every contract case's client sends (and its routes require)."""


def check_request(op: Operation, request: httpx.Request) -> None:
    """:func:`~orderbridge_sandbox.testing.specmodel.check_request` requiring :data:`TOKEN`."""
    specmodel.check_request(op, request, token=TOKEN)


def contract_route(
    router: respx.MockRouter,
    op: Operation,
    status: str | None = None,
    *,
    examples: Sequence[str] | None = None,
    content_type: str | None = None,
) -> respx.Route:
    """:func:`~orderbridge_sandbox.testing.specmodel.contract_route` requiring :data:`TOKEN`."""
    return specmodel.contract_route(router, op, status, examples=examples, content_type=content_type, token=TOKEN)


def op_module(op: Operation) -> types.ModuleType:
    """The generated module of ``op`` (``<broker>_client.api.<tag>.<operation_id>``)."""
    return operation_module(op.broker, op.operation_id)


def clear_caches() -> None:
    """Forget every loaded spec and what this module derived from them (tests that swap the
    specs dir)."""
    specmodel.clear_caches()
    _MUTATION_CACHE.clear()
    _VALID_REQUESTS.clear()


# -- the generated clients ----------------------------------------------------------------------


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


@functools.cache
def _api_index(broker: str) -> dict[str, str]:
    """operationId -> dotted module path, found by walking ``<broker>_client.api``."""
    api = importlib.import_module(f"{broker}_client.api")
    index: dict[str, str] = {}
    for sub in pkgutil.iter_modules(api.__path__):
        if not sub.ispkg:
            continue
        pkg = importlib.import_module(f"{api.__name__}.{sub.name}")
        for mod in pkgutil.iter_modules(pkg.__path__):
            index[mod.name] = f"{pkg.__name__}.{mod.name}"
    return index


def operation_module(broker: str, operation_id: str) -> types.ModuleType:
    index = _api_index(broker)
    if operation_id not in index:
        raise LookupError(f"{broker}::{operation_id}: no generated module in {broker}_client.api")
    return importlib.import_module(index[operation_id])


def tag_module_name(tag: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", tag.lower()).strip("_")


def pascal(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[^0-9A-Za-z]+", name) if p)


def model_class(broker: str, component: str) -> type | None:
    models = importlib.import_module(f"{broker}_client.models")
    cls = getattr(models, pascal(component), None)
    return cls if isinstance(cls, type) else None


def client_module(broker: str) -> types.ModuleType:
    return importlib.import_module(f"{broker}_client.client")


def make_client(op: Operation, *, raise_on_unexpected_status: bool = True) -> Any:
    """An ``AuthenticatedClient`` (token ``test-token``) when the operation declares security,
    else a ``Client``, on the spec's server URL."""
    mod = client_module(op.broker)
    common = {
        "base_url": specs.server_url(op.broker),
        "raise_on_unexpected_status": raise_on_unexpected_status,
        "verify_ssl": _ssl_context(),  # one context for all cases: building one costs ~20 ms
    }
    if op.security:
        return mod.AuthenticatedClient(token=TOKEN, **common)
    return mod.Client(**common)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    return ssl.create_default_context()


def _is_unset(tp: Any) -> bool:
    return getattr(tp, "__name__", None) == "Unset"


def to_python(tp: Any, value: Any) -> Any:
    """Turn a JSON value (a spec example) into the type a generated signature annotates."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        candidates = []
        for arg in typing.get_args(tp):
            if _is_unset(arg):
                continue
            try:
                converted = to_python(arg, value)
            except (TypeError, ValueError, KeyError, AttributeError):
                continue
            if not diff(to_json(converted), value):
                return converted  # an exact round trip: the variant the example was written for
            candidates.append(converted)
        if candidates:
            return candidates[0]
        raise TypeError(f"cannot convert {value!r} to {tp}")
    if tp is type(None):
        if value is None:
            return None
        raise TypeError("not None")
    if origin is list:
        if not isinstance(value, list):
            raise TypeError("not a list")
        (item,) = typing.get_args(tp)
        return [to_python(item, v) for v in value]
    if tp is Any:
        return value
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            return tp(value)
        if hasattr(tp, "from_dict"):
            if not isinstance(value, dict):
                raise TypeError("not an object")
            return tp.from_dict(value)
        if tp is dt.datetime:
            return dt.datetime.fromisoformat(value)
        if tp is dt.date:
            return dt.date.fromisoformat(value)
        if tp is bool:
            if isinstance(value, bool):
                return value
            raise TypeError("not a bool")
        if tp is int:
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            raise TypeError("not an int")
        if tp is float:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return value
            raise TypeError("not a number")
        if tp is str:
            if isinstance(value, str):
                return value
            raise TypeError("not a string")
    raise TypeError(f"unsupported annotation {tp!r}")


def to_json(value: Any) -> Any:
    """The JSON form of a parsed value (models via ``to_dict``, enums by value, dates ISO)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def _instant(text: str) -> dt.datetime | dt.date | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)
    except ValueError:
        return None


def diff(actual: Any, expected: Any, where: str = "$") -> list[str]:
    """Semantic differences between two JSON values (date-times compare as instants, so
    ``...Z`` equals ``...+00:00``; ``1`` equals ``1.0``; booleans never equal numbers)."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        problems: list[str] = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            if key not in actual:
                problems.append(f"{where}.{key}: missing (expected {expected[key]!r})")
            elif key not in expected:
                problems.append(f"{where}.{key}: unexpected {actual[key]!r}")
            else:
                problems += diff(actual[key], expected[key], f"{where}.{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where}: expected an array, got {actual!r}"]
        if len(actual) != len(expected):
            return [f"{where}: expected {len(expected)} items, got {len(actual)}"]
        return [p for i, (a, e) in enumerate(zip(actual, expected, strict=True)) for p in diff(a, e, f"{where}[{i}]")]
    if isinstance(expected, bool) or isinstance(actual, bool):
        return [] if type(actual) is type(expected) and actual == expected else [f"{where}: {actual!r} != {expected!r}"]
    if isinstance(expected, str) and isinstance(actual, str) and actual != expected:
        a, e = _instant(actual), _instant(expected)
        if a is not None and e is not None and type(a) is type(e):
            try:
                if a == e:
                    return []
            except TypeError:  # naive vs aware
                pass
        return [f"{where}: {actual!r} != {expected!r}"]
    if type(actual) is not type(expected) and not (
        isinstance(actual, (int, float)) and isinstance(expected, (int, float))
    ):
        return [f"{where}: {actual!r} ({type(actual).__name__}) != {expected!r} ({type(expected).__name__})"]
    return [] if actual == expected else [f"{where}: {actual!r} != {expected!r}"]


def _signature(op: Operation) -> inspect.Signature:
    return inspect.signature(op_module(op).sync_detailed)


def call_kwargs(op: Operation, body: Any = MISSING) -> dict[str, Any]:
    """Keyword arguments for the generated ``sync_detailed``/``asyncio_detailed`` (without
    ``client``): every required parameter and every optional one with an example, converted to
    the generated types, and ``body`` built from a JSON value through the signature's annotation
    (a union of models picks the variant that round-trips the value)."""
    sig = _signature(op)
    by_norm = {_norm(name): name for name in sig.parameters}
    kwargs: dict[str, Any] = {}
    for param in op.params:
        value = param_value(op, param)
        if value is MISSING:
            continue
        kw = by_norm.get(_norm(param.name))
        if kw is None:
            raise LookupError(
                f"{op.id}: generated signature has no argument for {param.location} parameter {param.name}"
            )
        kwargs[kw] = to_python(sig.parameters[kw].annotation, value)
    if op.body:
        if body is MISSING:
            body = op.request_examples[0][2]
        if not hasattr(body, "to_dict"):  # a JSON value, not a ready model
            body = to_python(sig.parameters["body"].annotation, body)
        kwargs["body"] = body
    return kwargs


def invoke(op: Operation, kwargs: dict[str, Any], *, asynchronous: bool = False) -> Any:
    """Call the generated ``sync_detailed`` (or ``asyncio_detailed``) with a fresh client."""
    client = make_client(op)
    if asynchronous:

        async def run() -> Any:
            async with client:
                return await op_module(op).asyncio_detailed(client=client, **kwargs)

        return asyncio.run(run())
    with client:
        return op_module(op).sync_detailed(client=client, **kwargs)


def parse_strict(op: Operation, request: httpx.Request, response: httpx.Response) -> Any:
    """Validate ``response`` against the spec, then parse it with the generated client.

    A body that breaks the schema (a missing required field, a value of the wrong type, a
    malformed decimal) or that the generated parser rejects raises
    :class:`ResponseContractError` naming the operation, status and field. Unknown values of
    open response enums validate and parse (as the plain string or integer)."""
    check_response(op, request, response)
    try:
        return op_module(op).parse_response(client=make_client(op), response=response).parsed
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        where = f"{op.id}::{response.status_code}"
        raise ResponseContractError(where, f"the generated parser failed: {type(exc).__name__}: {exc}") from exc


# -- what the generated client must return ------------------------------------------------------


def _is_object_schema(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "object" or "properties" in schema or "allOf" in schema


def parsed_problems(
    v: SpecView, schema: dict[str, Any], pointer: str, value: Any, parsed: Any, where: str
) -> list[str]:
    """How ``parsed`` differs from what the generated client should make of ``value``: the
    model class of the component the schema names (PascalCase), for a union the class of a
    variant the example is valid for, lists item by item; the model's ``to_dict()`` must equal
    the example."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        target, tptr = v.resolve(schema, pointer)
        component = ref.rsplit("/", 1)[-1]
        cls = model_class(v.broker, component)
        if _is_object_schema(target):
            if cls is None:
                return [f"{where}: no generated model for component {component}"]
            if not isinstance(parsed, cls):
                return [f"{where}: expected {cls.__name__}, got {type(parsed).__name__}"]
            return diff(typing.cast(Any, parsed).to_dict(), value, where)
        if "enum" in target and cls is not None and issubclass(cls, enum.Enum):
            if not isinstance(parsed, cls):
                return [f"{where}: expected {cls.__name__}, got {type(parsed).__name__}"]
            return diff(parsed.value, value, where)
        return parsed_problems(v, target, tptr, value, parsed, where)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            problems: list[str] = []
            matched = False
            for i, sub in enumerate(schema[key]):
                sptr = f"{pointer}/{key}/{i}"
                if not v.is_valid(sptr, value):
                    continue
                matched = True
                sub_problems = parsed_problems(v, sub, sptr, value, parsed, where)
                if not sub_problems:
                    return []
                problems += sub_problems
            return problems if matched else [f"{where}: the example matches no {key} variant"]
    if isinstance(value, list) and ("items" in schema or schema.get("type") == "array"):
        if not isinstance(parsed, list):
            return [f"{where}: expected a list, got {type(parsed).__name__}"]
        if len(parsed) != len(value):
            return [f"{where}: expected {len(value)} items, got {len(parsed)}"]
        items = schema.get("items") or {}
        return [
            p
            for i, (pv, ev) in enumerate(zip(parsed, value, strict=True))
            for p in parsed_problems(v, items, f"{pointer}/items", ev, pv, f"{where}[{i}]")
        ]
    if _is_object_schema(schema) and isinstance(value, dict):
        if not hasattr(parsed, "to_dict"):
            return [f"{where}: expected a generated model, got {type(parsed).__name__}"]
        return diff(parsed.to_dict(), value, where)
    return diff(to_json(parsed), value, where)


def expected_parse_problems(op: Operation, status: Status, media: Media, value: Any, parsed: Any) -> list[str]:
    """Compare the client's ``parsed`` result for an answer built from ``media``'s example."""
    parse_media = status.media[0]  # the generator parses a status with its first media type
    where = f"{op.id}::{status.code}"
    if not parse_media.is_json:
        served = example_body(media, value).decode()
        if not isinstance(parsed, str):
            return [f"{where}: expected str for {parse_media.content_type}, got {type(parsed).__name__}"]
        return [] if parsed == served else [f"{where}: {parsed!r} != {served!r}"]
    if not media.is_json:
        return [f"{where}: a {media.content_type} example under a JSON-parsed status cannot parse"]
    return parsed_problems(op.view, parse_media.schema, parse_media.schema_pointer, value, parsed, where)


# -- running cases ------------------------------------------------------------------------------


@dataclass
class Exchange:
    """What one contract call produced."""

    result: Any  # the generated client's Response
    request: httpx.Request
    response: httpx.Response
    strict: Any  # parse_strict's result


def exchange(
    op: Operation,
    status: Status,
    media: Media,
    example_name: str,
    *,
    body: Any = MISSING,
    asynchronous: bool = False,
) -> Exchange:
    """Call ``op`` through the generated client against the public plugin's
    :class:`~orderbridge_sandbox.testing.SpecRouter` (every request checked against the spec,
    requiring :data:`TOKEN`) answering ``example_name`` of ``status``; checks the operation was
    called exactly once and that the answer passes :func:`parse_strict`."""
    kwargs = call_kwargs(op, body)
    with respx.mock(assert_all_called=True, assert_all_mocked=True) as mock:
        router = SpecRouter(op.broker, mock, token=TOKEN)
        stub = router.answer(op.operation_id, ResponseCase(op, status, media, example_name))
        result = invoke(op, kwargs, asynchronous=asynchronous)
        router.verify()
        assert stub.call_count == 1, f"{op.id}: expected one call, got {stub.call_count}"
    call = stub.calls[-1]
    assert result.status_code == int(status.code), f"{op.id}: status {result.status_code} != {status.code}"
    strict = parse_strict(op, call.request, call.response)
    return Exchange(result, call.request, call.response, strict)


def run_response_case(case: ResponseCase, *, value: Any = MISSING) -> Exchange:
    """The contract of one (operation, status, example): the request built from the spec's
    first request example validates, the answer is the example, and the client parses it into
    the declared model type with the example's values. ``value`` overrides the example (the
    mutation tests)."""
    media = case.media
    if value is not MISSING:
        media = Media(media.content_type, media.schema, media.schema_pointer, {case.example_name: value})
        status = Status(
            case.status.code, [media if m is case.media else m for m in case.status.media], case.status.headers
        )
    else:
        status = case.status
        value = case.value
    if not media.is_json:
        # A text body carries no JSON type: check the example itself against its schema.
        problem = case.op.view.problem(media.schema_pointer, value)
        if problem is not None:
            raise ResponseContractError(f"{case.op.id}::{status.code}", f"example {case.example_name!r} {problem}")
    ex = exchange(case.op, status, media, case.example_name)
    problems = expected_parse_problems(case.op, status, media, value, ex.result.parsed)
    problems += expected_parse_problems(case.op, status, media, value, ex.strict)
    if problems:
        raise AssertionError(f"{case.id}: parsed result differs from the example:\n  " + "\n  ".join(problems))
    return ex


def run_request_case(case: RequestCase, *, value: Any = MISSING, asynchronous: bool = True) -> Exchange:
    """The contract of one request example: the body model built from it goes out (async
    client by default) as exactly the example, and the spec accepts the request."""
    if value is MISSING:
        value = case.value
    op = case.op
    if not case.media.is_json:
        # A form body carries text only, so the route cannot see a JSON type the example gets
        # wrong: check the example itself against the body schema.
        problem = op.view.problem(case.media.schema_pointer, value)
        if problem is not None:
            raise RequestContractError(f"{op.id}::request", f"example {case.example_name!r} {problem}")
    status = op.success
    media = status.media[0]
    ex = exchange(op, status, media, next(iter(media.examples)), body=value, asynchronous=asynchronous)
    sent = sent_body(ex.request)
    expected = value
    if case.media.content_type == "application/x-www-form-urlencoded" and isinstance(value, dict):
        expected = {k: form_text(v) for k, v in value.items()}
    problems = diff(sent, expected)
    if problems:
        raise AssertionError(f"{case.id}: the client did not send the example:\n  " + "\n  ".join(problems))
    return ex


# -- walking examples along their schemas (negative tests, mutations) ---------------------------


@dataclass
class Slot:
    """A place in an example: its JSON path and the schema that governs it there."""

    path: tuple[str | int, ...]
    schema: dict[str, Any]
    pointer: str
    value: Any
    required_by_parent: bool


def walk(
    v: SpecView, schema: dict[str, Any], pointer: str, value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[Slot]:
    """Yield every slot of ``value`` with the (resolved) schema branch it validates against."""
    schema, pointer = v.resolve(schema, pointer)
    yield Slot(path, schema, pointer, value, False)
    for key in ("anyOf", "oneOf"):
        for i, sub in enumerate(schema.get(key) or []):
            sptr = f"{pointer}/{key}/{i}"
            if v.is_valid(sptr, value):
                for slot in walk(v, sub, sptr, value, path):
                    if slot.path != path:
                        yield slot
                break
    for i, sub in enumerate(schema.get("allOf") or []):
        for slot in walk(v, sub, f"{pointer}/allOf/{i}", value, path):
            if slot.path != path:
                yield slot
    if isinstance(value, dict):
        required = set(schema.get("required") or [])
        for name, sub in (schema.get("properties") or {}).items():
            if name in value:
                sptr = f"{pointer}/properties/{escape_pointer(name)}"
                first = True
                for slot in walk(v, sub, sptr, value[name], (*path, name)):
                    if first:
                        slot.required_by_parent = name in required
                        first = False
                    yield slot
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for i, item in enumerate(value):
            yield from walk(v, schema["items"], f"{pointer}/items", item, (*path, i))


def get_at(value: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        value = value[part]
    return value


def set_at(value: Any, path: Sequence[str | int], new: Any) -> Any:
    copy = json.loads(json.dumps(value))
    if not path:
        return new
    get_at(copy, path[:-1])[path[-1]] = new
    return copy


def delete_at(value: Any, path: Sequence[str | int]) -> Any:
    copy = json.loads(json.dumps(value))
    del get_at(copy, path[:-1])[path[-1]]
    return copy


def _path_text(path: Sequence[str | int]) -> str:
    return "/".join(str(p) for p in path) or "<root>"


@dataclass
class Mutation:
    kind: str  # "missing-required" | "wrong-type" | "unknown-enum"
    path: tuple[str | int, ...]
    value: Any  # the whole mutated example
    replacement: Any = None

    @property
    def field(self) -> str:
        return str(self.path[-1]) if self.path else "<root>"

    @property
    def label(self) -> str:
        return f"{self.kind}@{_path_text(self.path)}"


def _wrong_value(schema: dict[str, Any], value: Any) -> Any:
    if isinstance(value, bool):
        return "not-a-boolean"
    if isinstance(value, (int, float)):
        return "not-a-number"
    if isinstance(value, str):
        return 12345
    if isinstance(value, list):
        return "not-an-array"
    if isinstance(value, dict):
        return "not-an-object"
    return {"unexpected": "object"}


def mutations(v: SpecView, schema_pointer: str, value: Any, *, first_only: bool = False) -> Iterator[Mutation]:
    """Corruptions of an example that its schema rejects (checked with JSON Schema), shallowest
    first: a required field removed, then a field given a value of the wrong JSON type
    (``first_only``: the first corruption of each kind)."""
    slots = sorted(walk(v, v.at(schema_pointer), schema_pointer, value), key=lambda s: len(s.path))
    seen: set[tuple[str | int, ...]] = set()
    for slot in slots:
        if slot.path and slot.required_by_parent and isinstance(slot.path[-1], str) and slot.path not in seen:
            seen.add(slot.path)
            mutated = delete_at(value, slot.path)
            if not v.is_valid(schema_pointer, mutated):
                yield Mutation("missing-required", slot.path, mutated)
                if first_only:
                    break
    seen.clear()
    # Scalars anywhere, then the root itself (an empty array or object, a text body).
    candidates = [s for s in slots if s.path and not isinstance(s.value, (dict, list))] + slots[:1]
    for slot in candidates:
        if slot.path not in seen:
            seen.add(slot.path)
            wrong = _wrong_value(slot.schema, slot.value)
            mutated = set_at(value, slot.path, wrong)
            if not v.is_valid(schema_pointer, mutated):
                yield Mutation("wrong-type", slot.path, mutated, wrong)
                if first_only:
                    break


def _open_enum(v: SpecView, schema: dict[str, Any]) -> tuple[str, list[Any]] | None:
    """``anyOf: [{$ref: Enum}, {type: T}]`` -> (T, enum values)."""
    variants = schema.get("anyOf") or []
    enums = [v.resolve(s, "")[0] for s in variants if isinstance(s, dict) and "$ref" in s]
    plain = [s for s in variants if isinstance(s, dict) and "$ref" not in s and "type" in s and "enum" not in s]
    enums = [e for e in enums if "enum" in e]
    if len(enums) == 1 and plain:
        kind = plain[0]["type"]
        return (kind if isinstance(kind, str) else kind[0]), list(enums[0]["enum"])
    return None


def unknown_enum_mutations(v: SpecView, schema_pointer: str, value: Any) -> Iterator[Mutation]:
    """Open response enums given a value the enum does not list (the schema must accept it)."""
    for slot in walk(v, v.at(schema_pointer), schema_pointer, value):
        found = _open_enum(v, slot.schema)
        if found is None or slot.value is None:
            continue
        kind, values = found
        new: Any = 987654 if kind == "integer" else "value_added_by_the_broker_later"
        while new in values:
            new = new + 1 if isinstance(new, int) else new + "_"
        mutated = set_at(value, slot.path, new)
        if v.is_valid(schema_pointer, mutated):
            yield Mutation("unknown-enum", slot.path, mutated, new)


_MUTATION_CACHE: dict[tuple[str, str, str], dict[str, Mutation]] = {}


def example_mutations(v: SpecView, media: Media, name: str) -> dict[str, Mutation]:
    """The first mutation of each kind for one example (cached: shared component responses are
    walked once)."""
    key = (v.broker, media.schema_pointer, json.dumps(media.examples[name], sort_keys=True))
    if key not in _MUTATION_CACHE:
        found: dict[str, Mutation] = {}
        value = media.examples[name]
        for mutation in mutations(v, media.schema_pointer, value, first_only=True):
            found.setdefault(mutation.kind, mutation)
        for mutation in unknown_enum_mutations(v, media.schema_pointer, value):
            found.setdefault(mutation.kind, mutation)
            break
        _MUTATION_CACHE[key] = found
    return _MUTATION_CACHE[key]


def strict_enum_mutations(v: SpecView, schema_pointer: str, value: Any) -> Iterator[Mutation]:
    """Request values of a (strict) enum replaced by a value the enum does not list."""
    for slot in walk(v, v.at(schema_pointer), schema_pointer, value):
        if "enum" not in slot.schema or not slot.path:
            continue
        values = slot.schema["enum"]
        new: Any = 987654 if all(isinstance(x, int) for x in values) else "NOT_A_LISTED_VALUE"
        mutated = set_at(value, slot.path, new)
        if not v.is_valid(schema_pointer, mutated):
            yield Mutation("unknown-enum", slot.path, mutated, new)


_VALID_REQUESTS: dict[str, httpx.Request] = {}


def valid_request(op: Operation) -> httpx.Request:
    """The request the generated client sends for ``op``'s first request example (cached); the
    request negative tests corrupt a copy of it."""
    if op.id not in _VALID_REQUESTS:
        status = op.success
        media = status.media[0]
        _VALID_REQUESTS[op.id] = exchange(op, status, media, next(iter(media.examples))).request
    return _VALID_REQUESTS[op.id]


def rebuild(
    request: httpx.Request,
    *,
    body: Any = MISSING,
    drop_headers: Sequence[str] = (),
    drop_query: Sequence[str] = (),
    set_headers: dict[str, str] | None = None,
    set_query: dict[str, str] | None = None,
    content_type: str | None = None,
) -> httpx.Request:
    """A copy of ``request`` with a new body (encoded like the original), headers or query keys
    removed or set, or another content type."""
    dropped = {"content-length", *(h.lower() for h in (*drop_headers, *(set_headers or {})))}
    headers = {k: v for k, v in request.headers.items() if k.lower() not in dropped}
    headers.update(set_headers or {})
    if content_type is not None:
        headers["content-type"] = content_type
    content = request.content
    if body is not MISSING:
        ctype = request.headers.get("content-type", "")
        if "x-www-form-urlencoded" in ctype:
            content = "&".join(f"{httpx.QueryParams({k: form_text(v)})}" for k, v in body.items()).encode()
        else:
            content = json.dumps(body).encode()
    url = request.url
    for key in drop_query:
        url = url.copy_remove_param(key)
    for key, text in (set_query or {}).items():
        url = url.copy_set_param(key, text)
    return httpx.Request(request.method, url, headers=headers, content=content)


def send_raw(op: Operation, request: httpx.Request) -> httpx.Response:
    """Send ``request`` as it is (no generated client) through the plugin's
    :class:`~orderbridge_sandbox.testing.SpecRouter`, ``op`` answered with its first success
    example; a request the spec refuses raises :class:`RequestContractError`."""
    with respx.mock(assert_all_called=True, assert_all_mocked=True) as mock:
        SpecRouter(op.broker, mock, token=TOKEN).answer(op.operation_id)
        with httpx.Client(verify=_ssl_context()) as client:
            return client.send(request)


def invalid_param_value(op: Operation, param: Param) -> str | None:
    """A wire value ``param``'s schema refuses (an unlisted enum value, a pattern or length
    violation, text for a number or boolean, a malformed date-time), or None."""
    v = op.view
    schema, pointer = v.resolve(param.schema, param.schema_pointer)
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        schema, pointer = v.resolve(schema["items"], f"{pointer}/items")
    candidates = []
    if "enum" in schema or "const" in schema:
        candidates.append("NOT_A_LISTED_VALUE")
    if "pattern" in schema:
        candidates.append("!!")
    if "maxLength" in schema:
        candidates.append("x" * (int(schema["maxLength"]) + 1))
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "integer" in kinds or "number" in kinds:
        candidates.append("not-a-number")
    if "boolean" in kinds:
        candidates.append("not-a-boolean")
    if schema.get("format") == "date-time":
        candidates.append("not-a-date-time")
    for candidate in candidates:
        typed: Any = candidate
        if not v.is_valid(pointer, typed):
            return candidate
    return None
