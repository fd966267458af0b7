"""The specs as data: operations, documented answers and request/response checks (public).

This module is the one copy of the spec machinery that both ``orderbridge``'s own contract tests
and the pytest plugin (:mod:`orderbridge_sandbox.testing`) use. It reads the OpenAPI documents
through :mod:`orderbridge_sandbox.spec` (``$ORDERBRIDGE_SPECS_DIR`` or the copy bundled with the
installed sandbox) and knows no operation by name:

* :func:`operations` / :func:`operation`: every operation of a spec with its parameters, request
  body media and documented statuses (``$ref`` responses, parameters and examples resolved).
* :func:`response_cases` / :func:`request_cases`: one :class:`ResponseCase` per documented
  (operation, status, example) and one :class:`RequestCase` per request example; their ids read
  ``sophic::place_order::201[buy_placed]`` and ``sophic::place_order::request[buy]``.
* :func:`check_request`: validate an ``httpx.Request`` against its operation (path, query,
  headers, security, content type, body), raising :class:`RequestContractError` with the
  operation and the JSON path of the offending field.
* :func:`check_response`: the same for an ``httpx.Response`` (:class:`ResponseContractError`).
* :func:`example_response`: a documented example as an ``httpx.Response``.
* :func:`contract_route`: a respx route that checks each request and answers with examples
  (needs the ``orderbridge-sandbox[pytest]`` extra, which brings respx).

Errors are ``AssertionError`` subclasses, so pytest shows them as failed assertions.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

import httpx
import jsonschema.exceptions
from jsonschema import Draft202012Validator, FormatChecker
from openapi_core.exceptions import OpenAPIError
from openapi_core.validation.request.exceptions import RequestBodyValidationError
from openapi_core.validation.response.exceptions import MissingData
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .. import spec as specs

if TYPE_CHECKING:
    import respx

BROKERS: tuple[str, ...] = tuple(specs.BROKERS)
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
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


def escape_pointer(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def unescape_pointer(part: str) -> str:
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
            node = node[int(part)] if isinstance(node, list) else node[unescape_pointer(part)]
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


BUSINESS_REFUSALS: dict[str, tuple[str, Any]] = {
    "topstepx": ("success", False),
    "tradestation": ("OrderStatus", "Failed"),
}
"""Brokers that refuse inside a 2xx answer: broker -> (field, value) marking a refusal in the
body (or in any item of an array body). TopstepX answers HTTP 200 with ``success: false`` and an
``errorCode`` (ProjectX Gateway API docs); TradeStation's order confirmations carry
``OrderStatus: "Failed"`` with a ``Message`` (TradeStation WebAPI v2, "Place Order")."""


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
        ex, _ = v.resolve(ex, f"{pointer}/examples/{escape_pointer(name)}")
        if "value" in ex:
            out[name] = ex["value"]
    return out


def _media(v: SpecView, content: dict[str, Any], pointer: str) -> list[Media]:
    out = []
    for ctype, media in content.items():
        mptr = f"{pointer}/content/{escape_pointer(ctype)}"
        out.append(Media(ctype, media.get("schema") or {}, f"{mptr}/schema", _example_values(v, media, mptr)))
    return out


@functools.cache
def operations(broker: str) -> tuple[Operation, ...]:
    """Every operation of ``broker``'s spec, in document order."""
    v = view(broker)
    ops = []
    for path, item in (v.doc.get("paths") or {}).items():
        item_ptr = f"/paths/{escape_pointer(path)}"
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
                resp, rptr = v.resolve(resp, f"{op_ptr}/responses/{escape_pointer(str(code))}")
                headers = {}
                for hname, header in (resp.get("headers") or {}).items():
                    headers[hname], _ = v.resolve(header, f"{rptr}/headers/{escape_pointer(hname)}")
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
    """The operation ``operation_id`` (the spec's snake_case ``operationId``, e.g.
    ``"place_order"``) of ``broker``'s spec, as read from the specs bundled with the installed
    sandbox (or ``ORDERBRIDGE_SPECS_DIR``): method, path, parameters, body media and every
    documented status with its examples.

    Raises:
        KeyError: the spec has no such operation.
    """
    for op in operations(broker):
        if op.operation_id == operation_id:
            return op
    raise KeyError(f"{broker} has no operation {operation_id}")


def clear_caches() -> None:
    """Forget every loaded spec (this module's and :mod:`orderbridge_sandbox.spec`'s); call it
    after pointing ``ORDERBRIDGE_SPECS_DIR`` somewhere else."""
    for fn in (view, operations, specs.load_spec, specs.openapi):
        fn.cache_clear()


def example_pointer(v: SpecView, media: Media, name: str) -> str:
    """The JSON pointer of an example object (``$ref`` to ``components/examples`` followed)."""
    media_ptr = media.schema_pointer.rsplit("/", 1)[0]
    pointer = f"{media_ptr}/examples/{escape_pointer(name)}"
    _, pointer = v.resolve(v.at(pointer), pointer)
    return pointer


# -- cases --------------------------------------------------------------------------------------


@dataclass
class ResponseCase:
    """One documented answer: an (operation, status, example) triple of a spec.

    Attributes:
        op: the operation.
        status: the documented status (``status.code`` is the spec's key, e.g. ``"200"``).
        media: the media type the example is written for (``media.content_type``).
        example_name: the example's key in the spec (``"rejected_bracket_mode"``).
    """

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
        """``broker::operation::status[example]``, e.g. ``topstepx::place_order::200[rejected_bracket_mode]``."""
        return f"{self.op.id}::{self.status.code}[{self.label}]"

    @property
    def status_code(self) -> int:
        """The HTTP status as an int."""
        return int(self.status.code)

    @property
    def is_error(self) -> bool:
        """Whether this answer is a refusal: a non-2xx status, or a 2xx body carrying the
        broker's own refusal marker (:data:`BUSINESS_REFUSALS`: TopstepX ``success: false``,
        TradeStation ``OrderStatus: "Failed"``)."""
        if not self.status.code.startswith("2"):
            return True
        marker = BUSINESS_REFUSALS.get(self.op.broker)
        if marker is None or not self.media.is_json:
            return False
        key, refused = marker
        rows = self.value if isinstance(self.value, list) else [self.value]
        return any(isinstance(row, dict) and key in row and row[key] == refused for row in rows)


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


def json_or_missing(content: bytes) -> Any:
    try:
        return json.loads(content)
    except ValueError:
        return MISSING


def check_request(op: Operation, request: httpx.Request, *, prefix: str = "", token: str | None = None) -> None:
    """Validate an outgoing request against ``op``'s spec: path and query parameters, headers
    and security (the bearer scheme), content type and body (openapi-core through
    :mod:`orderbridge_sandbox.spec`), plus the JSON-Schema formats openapi-core does not check
    (``format: decimal``).

    Args:
        op: the operation the request is meant for.
        request: the request as the code under test sent it, on any host; ``prefix`` (e.g.
            ``/topstepx`` for the sandbox's URLs) is removed from its path before matching.
        token: the bearer token a secured operation must carry; None accepts any non-empty one.

    Raises:
        RequestContractError: the first violation, naming the operation and, for a body or
            parameter, the JSON path of the field (``at stopLossBracket/ticks: ...``).
    """
    where = f"{op.id}::request"
    ctype = request.headers.get("content-type", "").split(";")[0].strip()
    media = next((m for m in op.body if m.content_type == ctype), None)
    try:
        specs.validate_request(op.broker, request, prefix)
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
        problem = op.view.problem(media.schema_pointer, json_or_missing(request.content))
        if problem is not None:
            raise RequestContractError(where, f"body {problem}")
    if op.security:
        auth = request.headers.get("authorization", "")
        scheme, _, sent = auth.partition(" ")
        if scheme.lower() != "bearer" or not sent.strip() or (token is not None and sent != token):
            expected = "<token>" if token is None else token
            raise RequestContractError(where, f"expected 'Authorization: Bearer {expected}', got {auth!r}")


def check_response(op: Operation, request: httpx.Request, response: httpx.Response, *, prefix: str = "") -> None:
    """Validate ``response`` (status, content type, headers, body) against ``op``'s spec.

    ``request`` is the request it answers (openapi-core matches the operation from it). An empty
    body is accepted where the spec declares a text body whose schema accepts ``""`` (TopstepX's
    401/429). JSON bodies are also checked with JSON Schema for the formats openapi-core skips.

    Raises:
        ResponseContractError: the first violation, naming ``broker::operation::status`` and the
            JSON path of the offending field.
    """
    where = f"{op.id}::{response.status_code}"
    ctype = response.headers.get("content-type", "").split(";")[0].strip()
    try:
        media: Media | None = op.status(str(response.status_code)).media_for(ctype)
    except KeyError:
        media = None
    try:
        specs.validate_response(op.broker, request, response, prefix)
    except MissingData as exc:
        # openapi-core reads an empty body as "no data" even where the spec declares an empty
        # text body (TopstepX 401/429); accept it when the declared schema accepts "".
        if response.content or media is None or media.is_json or not op.view.is_valid(media.schema_pointer, ""):
            raise ResponseContractError(where, describe(exc)) from exc
    except OpenAPIError as exc:
        raise ResponseContractError(where, describe(exc)) from exc
    if media is not None and media.is_json:
        problem = op.view.problem(media.schema_pointer, json_or_missing(response.content))
        if problem is not None:
            raise ResponseContractError(where, f"body {problem}")


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
    token: str | None = None,
) -> respx.Route:
    """A respx route for ``op`` on the spec's server URL (method + path template).

    Its side effect validates each request (:func:`check_request`: a violation raises
    :class:`RequestContractError` out of the client call) and answers with the example(s) of
    ``status`` (default: the first 2xx) for ``content_type`` (default: the first declared):
    with several examples, successive calls get successive examples, cycling through all.
    ``token``: the bearer token secured operations must carry (None: any)."""
    st = op.success if status is None else op.status(status)
    media = st.media_for(content_type)
    names = list(examples) if examples is not None else list(media.examples)
    if not names:
        raise ValueError(f"{op.id}::{st.code}: no example to answer with")
    url = httpx.URL(specs.server_url(op.broker))
    route = router.route(method=op.method.upper(), scheme=url.scheme, host=url.host, path__regex=path_regex(op))
    cycle = itertools.cycle(names)

    def side_effect(request: httpx.Request, **_: str) -> httpx.Response:
        check_request(op, request, token=token)
        return example_response(op, st, media, media.examples[next(cycle)])

    route.side_effect = side_effect
    return route


def sent_body(request: httpx.Request) -> Any:
    ctype = request.headers.get("content-type", "").split(";")[0].strip()
    if is_json_type(ctype):
        return json.loads(request.content)
    if ctype == "application/x-www-form-urlencoded":
        return dict(parse_qsl(request.content.decode(), keep_blank_values=True))
    return request.content.decode()


def form_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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
