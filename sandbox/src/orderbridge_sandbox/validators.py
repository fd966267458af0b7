"""Request validators compiled once per operation, so the sandbox can check every request fast.

openapi-core re-resolves the spec's ``$ref``s through ``jsonschema_path`` on every request
(about 2-8 ms each). Here each operation's security requirements, parameters and request-body
media types are read from the spec once, and every schema becomes one ``jsonschema`` validator
built once, with the schema dialect, validator class and format checker openapi-core uses for
OpenAPI 3.1 (``openapi_schema_validator.OAS31Validator``, the OAS 3.0 read format checker).
``$ref``s are resolved through a ``referencing`` registry holding the whole spec document, so a
reference is looked up in memory, never re-parsed.

The checks, in openapi-core's order (the first failing stage is reported):

1. security: one of the operation's requirement alternatives is satisfied (HTTP bearer: an
   ``Authorization: Bearer ...`` header);
2. parameters (path, query, header), in spec order: required ones present, string values cast
   to the schema's primitive type the way openapi-core casts them, then schema-validated;
3. the request body: present when required, a declared media type, decodable (JSON, or an
   HTML form cast property by property), and valid against the media type's schema.

``tests/sandbox/test_sandbox_validators.py`` checks that this module and openapi-core (the
independent implementation the contract suite keeps using) agree on every spec example and on
generated bad inputs.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

import httpx
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.protocols import Validator
from openapi_schema_validator import OAS30ReadValidator, OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from . import spec
from .problems import FieldError, Location, Problem, check_request_openapi_core, schema_fields
from .routes import METHODS, Match, table

_TRUE = ("y", "yes", "t", "true", "on", "1")
_FALSE = ("n", "no", "f", "false", "off", "0")


def _pointer(*parts: str) -> str:
    return "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


class _Compiler:
    """Builds validators for schemas found at JSON pointers of one broker's spec."""

    def __init__(self, broker: str) -> None:
        self.doc = spec.load_spec(broker)
        self.uri = f"urn:orderbridge:spec:{broker}"
        resource = Resource.from_contents(self.doc, default_specification=DRAFT202012)
        self.registry: Registry[Any] = Registry().with_resource(self.uri, resource).crawl()

    def resolve(self, node: Any) -> Any:
        """``node`` with top-level ``$ref``s followed (for reading parameter/body metadata)."""
        while isinstance(node, dict) and "$ref" in node:
            target: Any = self.doc
            for part in str(node["$ref"]).lstrip("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def inline(self, node: Any, seen: frozenset[str] = frozenset()) -> Any:
        """``node`` with every local ``$ref`` replaced by its target, once, here; a reference
        back into its own chain (a recursive schema) stays a ``$ref`` that the registry resolves.
        Validation then never looks a reference up."""
        if isinstance(node, list):
            return [self.inline(item, seen) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            if ref in seen:
                return {**node, "$ref": f"{self.uri}{ref}"}
            target = self.inline(self.resolve({"$ref": ref}), seen | {ref})
            rest = {k: self.inline(v, seen) for k, v in node.items() if k != "$ref"}
            if not rest:
                return target
            return {"allOf": [target], **rest}  # $ref with siblings: both apply (JSON Schema 2020-12)
        return {k: self.inline(v, seen) for k, v in node.items()}

    def validator(self, pointer: str) -> Validator:
        target: Any = self.doc
        for part in pointer.lstrip("/").split("/"):
            key = part.replace("~1", "/").replace("~0", "~")
            target = target[int(key)] if isinstance(target, list) else target[key]
        schema = self.inline(self.resolve(target))
        built: Validator = OAS31Validator(
            schema, registry=self.registry, format_checker=OAS30ReadValidator.FORMAT_CHECKER
        )
        return built


def _primitive(schema: Any, resolve: Callable[[Any], Any]) -> str:
    schema = resolve(schema)
    kind = schema.get("type") if isinstance(schema, dict) else None
    return kind if isinstance(kind, str) else ""


def _cast(kind: str, value: str) -> Any:
    """openapi-core's casting of a string parameter (or form field) to its schema type."""
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        lowered = value.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(f"{value!r} is not a boolean")
    return value


@dataclasses.dataclass(frozen=True)
class _Parameter:
    name: str
    location: Location
    required: bool
    kind: str
    item_kind: str
    validator: Validator

    def raw(self, request: httpx.Request, path: Mapping[str, str]) -> Any:
        """The raw value (``None`` when absent)."""
        if self.location == "query":
            values = request.url.params.get_list(self.name)
            if not values:
                return None
            return values if self.kind == "array" else values[0]
        if self.location == "header":
            return request.headers.get(self.name)
        if self.location == "path":
            return path.get(self.name)
        return None

    def check(self, request: httpx.Request, path: Mapping[str, str]) -> FieldError | None:
        raw = self.raw(request, path)
        where = (self.location, (self.name,))
        if raw is None:
            return FieldError(*where, "missing", f"{self.name} is required") if self.required else None
        if raw == "" and self.location == "query":  # OpenAPI's allowEmptyValue defaults to false
            return FieldError(*where, "invalid", f"{self.name} must not be empty", "allowEmptyValue")
        try:
            value = [_cast(self.item_kind, v) for v in raw] if isinstance(raw, list) else _cast(self.kind, raw)
        except ValueError as exc:
            return FieldError(self.location, (self.name,), "invalid", f"cannot read {self.name}: {exc}", "type")
        for err in self.validator.iter_errors(value):
            return FieldError(self.location, (self.name,), "invalid", err.message, str(err.validator))
        return None


@dataclasses.dataclass(frozen=True)
class _MediaType:
    name: str
    validator: Validator
    form_kinds: Mapping[str, str]

    def decode(self, raw: bytes) -> Any:
        """The body as openapi-core deserialises it (JSON, a form dict, or text).

        Raises:
            ValueError: the body is not valid JSON / UTF-8 text, or a form value cannot be cast.
        """
        if self.name == "application/json" or self.name.endswith("+json"):
            return json.loads(raw)
        if self.name == "application/x-www-form-urlencoded":
            form = dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
            return {k: _cast(self.form_kinds.get(k, ""), v) for k, v in form.items()}
        return raw.decode("utf-8")


def _media_type_matches(declared: str, actual: str) -> bool:
    if declared == actual or declared == "*/*":
        return True
    major, _, minor = declared.partition("/")
    return minor == "*" and actual.partition("/")[0] == major


@dataclasses.dataclass(frozen=True)
class OperationValidator:
    """Everything needed to check one operation's requests, built once."""

    operation: str
    security: tuple[tuple[str, ...], ...]
    """Requirement alternatives, each the schemes that must all hold (``()`` means none needed)."""
    parameters: tuple[_Parameter, ...]
    body_required: bool
    media_types: tuple[_MediaType, ...]

    def check(self, request: httpx.Request, path: Mapping[str, str]) -> Problem | None:
        """None when ``request`` satisfies the operation, else the first failing stage's Problem."""
        if self.security and not any(self._satisfied(alt, request) for alt in self.security):
            return Problem("security", (), "no security requirement of the operation is satisfied")
        for parameter in self.parameters:
            error = parameter.check(request, path)
            if error is not None:
                message = f"{parameter.location} parameter {parameter.name}: {error.message}"
                return Problem("parameter", (error,), message)
        return self._check_body(request)

    @staticmethod
    def _satisfied(schemes: tuple[str, ...], request: httpx.Request) -> bool:
        for scheme in schemes:
            kind, _, detail = scheme.partition(":")
            if kind == "http":
                auth_type, _, credentials = request.headers.get("authorization", "").partition(" ")
                if auth_type.lower() != detail or not credentials:
                    return False
            elif kind.startswith("apiKey"):
                where, name = kind.partition("@")[2], detail
                present = {
                    "header": name in request.headers,
                    "query": name in request.url.params,
                    "cookie": name in request.headers.get("cookie", ""),
                }
                if not present.get(where, False):
                    return False
        return True

    def _check_body(self, request: httpx.Request) -> Problem | None:
        raw = request.content
        if not raw:
            if self.body_required:
                return Problem(
                    "body", (FieldError("body", (), "missing", "a request body is required"),), "missing request body"
                )
            return None
        if not self.media_types:
            return None
        actual = request.headers.get("content-type", "").split(";")[0].strip().lower()
        media = next((m for m in self.media_types if _media_type_matches(m.name, actual)), None)
        if media is None:
            names = ", ".join(m.name for m in self.media_types)
            message = f"content type {actual or '(none)'} is not one of {names}"
            return Problem("media_type", (FieldError("body", (), "invalid", message),), message)
        try:
            value = media.decode(raw)
        except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            message = f"the body is not valid {media.name}: {type(exc).__name__}"
            return Problem("media_type", (FieldError("body", (), "invalid", message),), message)
        errors: list[SchemaError] = list(media.validator.iter_errors(value))
        if errors:
            return Problem("body", tuple(schema_fields("body", (), errors)), errors[0].message)
        return None


def _security(compiler: _Compiler, requirements: list[dict[str, Any]]) -> tuple[tuple[str, ...], ...]:
    schemes = compiler.doc.get("components", {}).get("securitySchemes", {})
    out: list[tuple[str, ...]] = []
    for requirement in requirements:
        names: list[str] = []
        for name in requirement:
            scheme = compiler.resolve(schemes.get(name, {}))
            kind = scheme.get("type", "")
            if kind == "http":
                names.append(f"http:{str(scheme.get('scheme', '')).lower()}")
            elif kind == "apiKey":
                names.append(f"apiKey@{scheme.get('in', '')}:{scheme.get('name', '')}")
            else:  # oauth2 / openIdConnect: a bearer token in the Authorization header
                names.append("http:bearer")
        out.append(tuple(names))
    if any(not alt for alt in out):
        return ()
    return tuple(out)


def _compile_operation(compiler: _Compiler, template: str, method: str) -> OperationValidator | None:
    """The compiled validator of one operation, or ``None`` when it uses a parameter serialization
    this compiler does not implement (``content``, or a non-default ``style``): such an operation is
    validated by openapi-core instead, slower but right, never by a guess."""
    item = compiler.doc["paths"][template]
    op = item[method]
    by_key: dict[tuple[str, str], tuple[Any, str]] = {}
    for source, pointer in ((item, _pointer("paths", template)), (op, _pointer("paths", template, method))):
        for index, param in enumerate(source.get("parameters", [])):
            resolved = compiler.resolve(param)
            param_pointer = f"{pointer}/parameters/{index}"
            if "$ref" in param:
                param_pointer = "/" + str(param["$ref"]).lstrip("#/")
            by_key[(resolved["name"], resolved["in"])] = (resolved, param_pointer)
    parameters = []
    for resolved, param_pointer in by_key.values():
        if resolved["in"] not in ("query", "header", "path"):
            continue
        default_style = "form" if resolved["in"] == "query" else "simple"
        if "content" in resolved or resolved.get("style", default_style) != default_style:
            return None
        schema = resolved.get("schema", {})
        kind = _primitive(schema, compiler.resolve)
        items = compiler.resolve(schema).get("items", {}) if kind == "array" else {}
        parameters.append(
            _Parameter(
                resolved["name"],
                resolved["in"],
                bool(resolved.get("required", resolved["in"] == "path")),
                kind,
                _primitive(items, compiler.resolve),
                compiler.validator(f"{param_pointer}/schema"),
            )
        )
    body = compiler.resolve(op.get("requestBody")) if op.get("requestBody") else {}
    body_pointer = _pointer("paths", template, method, "requestBody")
    if "requestBody" in op and "$ref" in op["requestBody"]:
        body_pointer = "/" + str(op["requestBody"]["$ref"]).lstrip("#/")
    media_types = []
    for name, content in body.get("content", {}).items():
        schema = compiler.resolve(content.get("schema", {}))
        form_kinds = {prop: _primitive(sub, compiler.resolve) for prop, sub in (schema.get("properties") or {}).items()}
        media_types.append(
            _MediaType(
                name.split(";")[0].strip().lower(),
                compiler.validator(f"{body_pointer}/content/{_pointer(name)[1:]}/schema"),
                form_kinds,
            )
        )
    security = op.get("security", compiler.doc.get("security", []))
    return OperationValidator(
        op["operationId"],
        _security(compiler, security),
        tuple(parameters),
        bool(body.get("required", False)),
        tuple(media_types),
    )


@functools.cache
def validators(broker: str) -> Mapping[str, OperationValidator | None]:
    """``operationId -> OperationValidator`` for every operation of ``broker``'s spec (built once);
    ``None`` for an operation left to openapi-core (see :func:`_compile_operation`)."""
    compiler = _Compiler(broker)
    out: dict[str, OperationValidator | None] = {}
    for template, item in compiler.doc["paths"].items():
        for method in METHODS:
            if method in item:
                out[item[method]["operationId"]] = _compile_operation(compiler, template, method)
    return out


def check(broker: str, request: httpx.Request, prefix: str = "") -> Problem | None:
    """None when ``request`` satisfies its operation in ``broker``'s spec, else the :class:`Problem`
    (an unknown route is a ``parameter`` problem on the path)."""
    path = spec.spec_path(broker, request, prefix)
    match = table(broker).match(request.method, path)
    if not isinstance(match, Match):
        message = f"no operation for {request.method} {path}"
        return Problem("parameter", (FieldError("path", (), "invalid", message),), message)
    validator = validators(broker)[match.operation]
    if validator is None:
        return check_request_openapi_core(broker, request, prefix)
    return validator.check(request, match.path)
