"""Spec-driven contract machinery: cases, respx routes and strict parsing, all read from specs/.

Nothing here knows an operation by name. Everything is derived from the four OpenAPI documents
(loaded through :mod:`orderbridge_sandbox.spec`, which also owns request/response validation)
and from the generated client packages:

* :func:`operations` lists every operation of a spec with its parameters, request body media and
  documented statuses (``$ref`` responses, parameters and examples resolved).
* :func:`response_cases` / :func:`request_cases` turn them into one case per
  (operation, status, example) and one per request example; the ids read
  ``sophic::place_order::201[buy_placed]`` and ``sophic::place_order::request[buy]``.
* :func:`contract_route` builds a respx route (method + path template on the spec's server) whose
  side effect validates the outgoing request against the spec and answers with the spec's
  example(s) for one status.
* :func:`call_kwargs` builds the generated client's arguments (path/query/header parameters and
  the ``body`` model) from the spec's examples.
* :func:`parse_strict` validates a response against the spec before parsing it with the
  generated client, so a wrong type or a missing field is a named :class:`ResponseContractError`
  instead of a silently wrong object.
* :func:`run_response_case` / :func:`run_request_case` tie it together; the parametrized tests,
  the negative tests and the spec-mutation test all call them.

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
import itertools
import json
import pkgutil
import re
import ssl
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qsl

import httpx
import jsonschema.exceptions
import respx
from jsonschema import Draft202012Validator, FormatChecker
from openapi_core.exceptions import OpenAPIError
from openapi_core.validation.request.exceptions import RequestBodyValidationError
from openapi_core.validation.response.exceptions import MissingData
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from orderbridge_sandbox import spec as specs

BROKERS: tuple[str, ...] = tuple(specs.BROKERS)
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
TOKEN = "test-token"
SPEC_URI = "urn:orderbridge:spec"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

# -- errors ------------------------------------------------------------------------------------


class ContractError(AssertionError):
    """A request or response that breaks its spec (an ``AssertionError``: a broken contract).

    ``where`` names the spec, operation and status (``sophic::place_order::201``), ``problem``
    the violation, with the JSON path of the offending field when there is one.
    """

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class RequestContractError(ContractError):
    """The client sent a request its spec does not allow (raised by a contract route)."""


class ResponseContractError(ContractError):
    """A response does not match its spec, or the generated client cannot parse it."""


# -- JSON Schema side (format checks openapi-core skips, variant selection) ---------------------

FORMATS = FormatChecker()


@FORMATS.checks("decimal", raises=(InvalidOperation, ValueError))
def _is_decimal(value: object) -> bool:
    """``format: decimal``: a finite decimal written as a JSON string (the specs' convention)."""
    if not isinstance(value, str):
        return True
    return Decimal(value).is_finite()


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


class SpecView:
    """One spec document with pointer-based access and cached JSON-Schema validators."""

    def __init__(self, broker: str) -> None:
        self.broker = broker
        self.doc: dict[str, Any] = specs.load_spec(broker)
        resource = Resource.from_contents(self.doc, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self._validators: dict[str, Draft202012Validator] = {}

    def at(self, pointer: str) -> Any:
        node: Any = self.doc
        for part in pointer.lstrip("/").split("/") if pointer.strip("/") else []:
            node = node[int(part)] if isinstance(node, list) else node[_unescape(part)]
        return node

    def resolve(self, node: Any, pointer: str) -> tuple[Any, str]:
        """Follow local ``$ref`` chains; returns the target and its JSON pointer."""
        for _ in range(20):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                return node, pointer
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"{self.broker}: external $ref not supported: {ref}")
            pointer = ref[1:]
            node = self.at(pointer)
        raise ValueError(f"{self.broker}: $ref loop at {pointer}")

    def validator(self, pointer: str) -> Draft202012Validator:
        if pointer not in self._validators:
            self._validators[pointer] = Draft202012Validator(
                {"$ref": f"{SPEC_URI}#{pointer}"}, registry=self.registry, format_checker=FORMATS
            )
        return self._validators[pointer]

    def is_valid(self, pointer: str, value: Any) -> bool:
        return bool(self.validator(pointer).is_valid(value))

    def problem(self, pointer: str, value: Any) -> str | None:
        """Why ``value`` breaks the schema at ``pointer`` (None when it is valid)."""
        return explain_errors(self.validator(pointer).iter_errors(value))


def explain_errors(errors: Iterable[jsonschema.exceptions.ValidationError], limit: int = 3) -> str | None:
    """The most relevant errors, each with its path (a failed ``anyOf``/``oneOf`` lists the
    reason of each variant; ``best_match`` would pick one variant's complaint and hide the
    others, and a single error can hide the field at fault, e.g. an unknown ``side`` reported as
    the ``quantity`` its ``else`` branch then requires)."""
    ranked = sorted(errors, key=jsonschema.exceptions.relevance, reverse=True)
    if not ranked:
        return None
    return "; ".join(explain(error) for error in ranked[:limit])


# -- the spec, as operations --------------------------------------------------------------------


@dataclass
class Media:
    content_type: str
    schema: dict[str, Any]
    schema_pointer: str
    examples: dict[str, Any]

    @property
    def is_json(self) -> bool:
        return is_json_type(self.content_type)


@dataclass
class Status:
    code: str
    media: list[Media]
    headers: dict[str, dict[str, Any]]

    def media_for(self, content_type: str | None) -> Media:
        if content_type is None:
            return self.media[0]
        for media in self.media:
            if media.content_type == content_type:
                return media
        raise KeyError(f"status {self.code} declares no {content_type}")


@dataclass
class Param:
    name: str
    location: str
    required: bool
    schema: dict[str, Any]
    schema_pointer: str
    examples: list[Any]


@dataclass
class Operation:
    broker: str
    operation_id: str
    method: str
    path: str
    tag: str
    security: bool
    params: list[Param]
    body: list[Media]
    body_required: bool
    statuses: list[Status]
    raw: dict[str, Any] = field(repr=False)

    @property
    def id(self) -> str:
        return f"{self.broker}::{self.operation_id}"

    @property
    def view(self) -> SpecView:
        return view(self.broker)

    @property
    def module(self) -> types.ModuleType:
        return operation_module(self.broker, self.operation_id)

    def status(self, code: str) -> Status:
        for status in self.statuses:
            if status.code == code:
                return status
        raise KeyError(f"{self.id} declares no status {code}")

    @property
    def request_examples(self) -> list[tuple[Media, str, Any]]:
        return [(media, name, value) for media in self.body for name, value in media.examples.items()]

    @property
    def success(self) -> Status:
        """The first documented 2xx status (the answer a request-example case asks for)."""
        for status in self.statuses:
            if status.code.startswith("2") and status.media:
                return status
        return self.statuses[0]


def is_json_type(content_type: str) -> bool:
    base = content_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json")


@functools.cache
def view(broker: str) -> SpecView:
    return SpecView(broker)


def _example_values(v: SpecView, holder: dict[str, Any], pointer: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, ex in (holder.get("examples") or {}).items():
        ex, _ = v.resolve(ex, f"{pointer}/examples/{_escape(name)}")
        if "value" in ex:
            out[name] = ex["value"]
    return out


def _media(v: SpecView, content: dict[str, Any], pointer: str) -> list[Media]:
    out = []
    for ctype, media in content.items():
        mptr = f"{pointer}/content/{_escape(ctype)}"
        out.append(Media(ctype, media.get("schema") or {}, f"{mptr}/schema", _example_values(v, media, mptr)))
    return out


@functools.cache
def operations(broker: str) -> tuple[Operation, ...]:
    """Every operation of ``broker``'s spec, in document order."""
    v = view(broker)
    ops = []
    for path, item in (v.doc.get("paths") or {}).items():
        item_ptr = f"/paths/{_escape(path)}"
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            op_ptr = f"{item_ptr}/{method}"
            params: dict[tuple[str, str], Param] = {}
            sources = [(p, f"{item_ptr}/parameters/{i}") for i, p in enumerate(item.get("parameters") or [])]
            sources += [(p, f"{op_ptr}/parameters/{i}") for i, p in enumerate(op.get("parameters") or [])]
            for raw, ptr in sources:
                param, pptr = v.resolve(raw, ptr)
                examples = list(_example_values(v, param, pptr).values())
                if not examples and "example" in param:
                    examples = [param["example"]]
                params[(param["in"], param["name"])] = Param(
                    name=param["name"],
                    location=param["in"],
                    required=bool(param.get("required")),
                    schema=param.get("schema") or {},
                    schema_pointer=f"{pptr}/schema",
                    examples=examples,
                )
            body: list[Media] = []
            body_required = False
            if "requestBody" in op:
                rb, rbptr = v.resolve(op["requestBody"], f"{op_ptr}/requestBody")
                body = _media(v, rb.get("content") or {}, rbptr)
                body_required = bool(rb.get("required"))
            statuses = []
            for code, resp in (op.get("responses") or {}).items():
                resp, rptr = v.resolve(resp, f"{op_ptr}/responses/{_escape(str(code))}")
                headers = {}
                for hname, header in (resp.get("headers") or {}).items():
                    headers[hname], _ = v.resolve(header, f"{rptr}/headers/{_escape(hname)}")
                statuses.append(Status(str(code), _media(v, resp.get("content") or {}, rptr), headers))
            security = op.get("security", v.doc.get("security")) or []
            ops.append(
                Operation(
                    broker=broker,
                    operation_id=op["operationId"],
                    method=method,
                    path=path,
                    tag=(op.get("tags") or ["default"])[0],
                    security=any(bool(req) for req in security),
                    params=list(params.values()),
                    body=body,
                    body_required=body_required,
                    statuses=statuses,
                    raw=op,
                )
            )
    return tuple(ops)


def operation(broker: str, operation_id: str) -> Operation:
    for op in operations(broker):
        if op.operation_id == operation_id:
            return op
    raise KeyError(f"{broker} has no operation {operation_id}")


def clear_caches() -> None:
    """Forget every loaded spec (ours and spec.py's); used around tests that swap the specs dir."""
    for fn in (view, operations, specs.load_spec, specs.openapi):
        fn.cache_clear()
    _MUTATION_CACHE.clear()
    _VALID_REQUESTS.clear()


def example_pointer(v: SpecView, media: Media, name: str) -> str:
    """The JSON pointer of an example object (``$ref`` to ``components/examples`` followed)."""
    media_ptr = media.schema_pointer.rsplit("/", 1)[0]
    pointer = f"{media_ptr}/examples/{_escape(name)}"
    _, pointer = v.resolve(v.at(pointer), pointer)
    return pointer


# -- cases --------------------------------------------------------------------------------------


@dataclass
class ResponseCase:
    """One (operation, status, example) triple of a spec."""

    op: Operation
    status: Status
    media: Media
    example_name: str

    @property
    def value(self) -> Any:
        return self.media.examples[self.example_name]

    @property
    def label(self) -> str:
        """The example's key, qualified with the media type when the status has several types
        whose example keys collide."""
        names = [n for m in self.status.media for n in m.examples]
        if names.count(self.example_name) > 1:
            return f"{self.media.content_type}:{self.example_name}"
        return self.example_name

    @property
    def id(self) -> str:
        return f"{self.op.id}::{self.status.code}[{self.label}]"


@dataclass
class RequestCase:
    """One request-body example of an operation."""

    op: Operation
    media: Media
    example_name: str

    @property
    def value(self) -> Any:
        return self.media.examples[self.example_name]

    @property
    def id(self) -> str:
        return f"{self.op.id}::request[{self.example_name}]"


def response_cases(brokers: Sequence[str] = BROKERS) -> list[ResponseCase]:
    return [
        ResponseCase(op, status, media, name)
        for broker in brokers
        for op in operations(broker)
        for status in op.statuses
        for media in status.media
        for name in media.examples
    ]


def request_cases(brokers: Sequence[str] = BROKERS) -> list[RequestCase]:
    return [
        RequestCase(op, media, name)
        for broker in brokers
        for op in operations(broker)
        for media in op.body
        for name in media.examples
    ]


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


# -- parameter values and call arguments --------------------------------------------------------


def schema_value(v: SpecView, schema: dict[str, Any], pointer: str) -> Any:
    """A small value that fits ``schema`` (for parameters and headers the spec gives no example)."""
    schema, pointer = v.resolve(schema, pointer)
    for key in ("default", "const"):
        if key in schema:
            return schema[key]
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        if schema.get(key):
            return schema_value(v, schema[key][0], f"{pointer}/{key}/0")
    kind = schema.get("type", "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "array":
        return [schema_value(v, schema.get("items") or {}, f"{pointer}/items")]
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if schema.get("format") == "date-time":
        return "2026-01-01T00:00:00Z"
    if schema.get("format") == "date":
        return "2026-01-01"
    if schema.get("format") == "decimal":
        return "1"
    text = "example"
    if "maxLength" in schema:
        text = text[: schema["maxLength"]]
    return text


def param_value(op: Operation, param: Param) -> Any:
    """The value a case sends for ``param``: its first example, else a schema-derived value for a
    required parameter; optional parameters without an example are left out (``MISSING``)."""
    if param.examples:
        return param.examples[0]
    if param.required:
        return schema_value(op.view, param.schema, param.schema_pointer)
    return MISSING


def _signature(op: Operation) -> inspect.Signature:
    return inspect.signature(op.module.sync_detailed)


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
                return await op.module.asyncio_detailed(client=client, **kwargs)

        return asyncio.run(run())
    with client:
        return op.module.sync_detailed(client=client, **kwargs)


# -- validation ---------------------------------------------------------------------------------


def explain(error: jsonschema.exceptions.ValidationError, depth: int = 0) -> str:
    """One schema error as ``at <path>: <reason>``; a failed ``anyOf``/``oneOf`` lists the best
    reason of each variant, so the offending field is always named."""
    loc = "/".join(str(p) for p in error.absolute_path) or "<root>"
    if error.context and depth < 3:
        branches: dict[Any, list[jsonschema.exceptions.ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0] if sub.relative_schema_path else 0, []).append(sub)
        variants = error.schema.get(error.validator) if isinstance(error.schema, dict) else None
        reasons = []
        for branch, errors in sorted(branches.items(), key=lambda item: str(item[0])):
            best = jsonschema.exceptions.best_match(errors)
            if best is None:
                continue
            name = f"variant {branch}"
            if isinstance(variants, list) and isinstance(branch, int) and branch < len(variants):
                ref = variants[branch].get("$ref") if isinstance(variants[branch], dict) else None
                if isinstance(ref, str):
                    name = ref.rsplit("/", 1)[-1]
            reasons.append(f"{name} {explain(best, depth + 1)}")
        if reasons:
            return f"at {loc}: no {error.validator} variant matches ({'; '.join(reasons)})"
    message = error.message if len(error.message) <= 240 else f"{error.message[:180]} ... {error.message[-40:]}"
    return f"at {loc}: {message}"


def describe(exc: BaseException) -> str:
    """openapi-core's exception, reduced to the failing parameter or field and the reason."""
    cause = exc.__cause__
    label = type(exc).__name__
    name, location = getattr(exc, "name", None), getattr(exc, "location", None)
    if isinstance(name, str):
        label += f" ({location} parameter {name!r})" if location else f" ({name!r})"
    schema_errors = getattr(cause, "schema_errors", None) or getattr(exc, "schema_errors", None)
    if schema_errors:
        problem = explain_errors(schema_errors)
        if problem is not None:
            return f"{label} {problem}"
    text = str(exc) if str(exc).startswith(type(exc).__name__) else f"{type(exc).__name__}: {exc}"
    if cause is not None and str(cause) not in text:
        text += f" ({type(cause).__name__}: {cause})"
    return text


def _json_or_none(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return MISSING


def check_request(op: Operation, request: httpx.Request) -> None:
    """Validate an outgoing request against ``op``'s spec: path and query parameters, headers
    and security (the bearer scheme), content type and body (openapi-core through
    ``orderbridge_sandbox.spec``), plus the JSON-Schema formats openapi-core does not check
    (``format: decimal``). Raises :class:`RequestContractError`."""
    where = f"{op.id}::request"
    ctype = request.headers.get("content-type", "").split(";")[0].strip()
    media = next((m for m in op.body if m.content_type == ctype), None)
    try:
        specs.validate_request(op.broker, request)
    except RequestBodyValidationError as exc:
        detail = describe(exc)
        if media is not None and media.content_type == "application/x-www-form-urlencoded":
            # openapi-core reads a form through the oneOf variant it matches; with none it
            # reports a misleading "required" error. Say what is wrong with the fields.
            form = dict(parse_qsl(request.content.decode(errors="replace"), keep_blank_values=True))
            problem = op.view.problem(media.schema_pointer, form)
            if problem is not None:
                detail = f"{type(exc).__name__} (form body) {problem}"
        raise RequestContractError(where, detail) from exc
    except OpenAPIError as exc:
        raise RequestContractError(where, describe(exc)) from exc
    if op.body_required and not request.content:
        raise RequestContractError(where, "required request body is missing")
    if media is not None and media.is_json:
        problem = op.view.problem(media.schema_pointer, _json_or_none(request.content))
        if problem is not None:
            raise RequestContractError(where, f"body {problem}")
    if op.security:
        auth = request.headers.get("authorization", "")
        if auth != f"Bearer {TOKEN}":
            raise RequestContractError(where, f"expected 'Authorization: Bearer <token>', got {auth!r}")


def example_body(media: Media, value: Any) -> bytes:
    if media.is_json or not isinstance(value, str):
        return json.dumps(value).encode()
    return value.encode()


def example_response(op: Operation, status: Status, media: Media, value: Any) -> httpx.Response:
    """The spec's example as an ``httpx.Response`` (declared headers filled from their examples
    or schemas)."""
    headers = {"content-type": media.content_type}
    for name, header in status.headers.items():
        examples = [ex.get("value") for ex in (header.get("examples") or {}).values() if isinstance(ex, dict)]
        value_ = examples[0] if examples else header.get("example", MISSING)
        if value_ is MISSING:
            value_ = schema_value(op.view, header.get("schema") or {}, "")
        headers[name] = value_ if isinstance(value_, str) else json.dumps(value_)
    return httpx.Response(int(status.code), headers=headers, content=example_body(media, value))


def path_regex(op: Operation) -> str:
    server_path = httpx.URL(specs.server_url(op.broker)).path.rstrip("/")
    parts = re.split(r"(\{[^}]+\})", op.path)
    body = "".join(f"(?P<p{i}>[^/]+)" if p.startswith("{") else re.escape(p) for i, p in enumerate(parts))
    return f"^{re.escape(server_path)}{body}$"


def contract_route(
    router: respx.MockRouter,
    op: Operation,
    status: str | None = None,
    *,
    examples: Sequence[str] | None = None,
    content_type: str | None = None,
) -> respx.Route:
    """A respx route for ``op`` on the spec's server URL (method + path template).

    Its side effect validates each request (:func:`check_request`: a violation raises
    :class:`RequestContractError` out of the client call) and answers with the example(s) of
    ``status`` (default: the first 2xx) for ``content_type`` (default: the first declared):
    with several examples, successive calls get successive examples, cycling through all."""
    st = op.success if status is None else op.status(status)
    media = st.media_for(content_type)
    names = list(examples) if examples is not None else list(media.examples)
    if not names:
        raise ValueError(f"{op.id}::{st.code}: no example to answer with")
    url = httpx.URL(specs.server_url(op.broker))
    route = router.route(method=op.method.upper(), scheme=url.scheme, host=url.host, path__regex=path_regex(op))
    cycle = itertools.cycle(names)

    def side_effect(request: httpx.Request, **_: str) -> httpx.Response:
        check_request(op, request)
        return example_response(op, st, media, media.examples[next(cycle)])

    route.side_effect = side_effect
    return route


def parse_strict(op: Operation, request: httpx.Request, response: httpx.Response) -> Any:
    """Validate ``response`` against the spec, then parse it with the generated client.

    A body that breaks the schema (a missing required field, a value of the wrong type, a
    malformed decimal) or that the generated parser rejects raises
    :class:`ResponseContractError` naming the operation, status and field. Unknown values of
    open response enums validate and parse (as the plain string or integer)."""
    where = f"{op.id}::{response.status_code}"
    ctype = response.headers.get("content-type", "").split(";")[0].strip()
    try:
        media: Media | None = op.status(str(response.status_code)).media_for(ctype)
    except KeyError:
        media = None
    try:
        specs.validate_response(op.broker, request, response)
    except MissingData as exc:
        # openapi-core reads an empty body as "no data" even where the spec declares an empty
        # text body (TopstepX 401/429); accept it when the declared schema accepts "".
        if response.content or media is None or media.is_json or not op.view.is_valid(media.schema_pointer, ""):
            raise ResponseContractError(where, describe(exc)) from exc
    except OpenAPIError as exc:
        raise ResponseContractError(where, describe(exc)) from exc
    if media is not None and media.is_json:
        problem = op.view.problem(media.schema_pointer, _json_or_none(response.content))
        if problem is not None:
            raise ResponseContractError(where, f"body {problem}")
    try:
        return op.module._parse_response(client=make_client(op), response=response)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
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
    """Call ``op`` through the generated client against a contract route answering
    ``example_name`` of ``status``; checks the route was called exactly once and that the
    answer passes :func:`parse_strict`."""
    kwargs = call_kwargs(op, body)
    with respx.mock(assert_all_called=True, assert_all_mocked=True) as router:
        route = contract_route(router, op, status.code, examples=[example_name], content_type=media.content_type)
        result = invoke(op, kwargs, asynchronous=asynchronous)
        assert route.call_count == 1, f"{op.id}: expected one call, got {route.call_count}"
    call = route.calls.last
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


def sent_body(request: httpx.Request) -> Any:
    ctype = request.headers.get("content-type", "").split(";")[0].strip()
    if is_json_type(ctype):
        return json.loads(request.content)
    if ctype == "application/x-www-form-urlencoded":
        return dict(parse_qsl(request.content.decode(), keep_blank_values=True))
    return request.content.decode()


def _form_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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
        expected = {k: _form_text(v) for k, v in value.items()}
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
                sptr = f"{pointer}/properties/{_escape(name)}"
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


def request_url(op: Operation) -> str:
    """The operation's URL on the spec's server, path parameters filled from their examples."""
    path = op.path
    for param in op.params:
        if param.location == "path":
            path = path.replace("{" + param.name + "}", str(param_value(op, param)))
    return specs.server_url(op.broker) + path


def sample_request(op: Operation) -> httpx.Request:
    """A request openapi-core matches to ``op`` (for validating responses without a client)."""
    return httpx.Request(op.method.upper(), request_url(op))


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
            content = "&".join(f"{httpx.QueryParams({k: _form_text(v)})}" for k, v in body.items()).encode()
        else:
            content = json.dumps(body).encode()
    url = request.url
    for key in drop_query:
        url = url.copy_remove_param(key)
    for key, text in (set_query or {}).items():
        url = url.copy_set_param(key, text)
    return httpx.Request(request.method, url, headers=headers, content=content)


def send_raw(op: Operation, request: httpx.Request) -> httpx.Response:
    """Send ``request`` as it is (no generated client) to ``op``'s contract route."""
    with respx.mock(assert_all_called=True, assert_all_mocked=True) as router:
        contract_route(router, op)
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
