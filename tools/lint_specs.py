"""Lint the OpenAPI documents in ``specs/``: structure, our conventions, and every example.

Usage::

    python tools/lint_specs.py                 # all four specs and the AsyncAPI document
    python tools/lint_specs.py specs/sophic.yaml
    python tools/lint_specs.py specs/crosstrade.asyncapi.yaml

Checks, in order (all problems are collected, then reported together; exit status 1 if any):

1. ``openapi-spec-validator`` accepts the document (OpenAPI 3.1 structure).
2. House rules from ``specs/README.md``: unique snake_case ``operationId``, exactly one tag,
   a summary and a description; a server URL; every request body and every response status
   has a schema and at least one named example under ``examples:``.
3. Every example (request bodies, responses, parameters, webhooks) validates against its
   schema with JSON Schema 2020-12, ``format: decimal`` included.
4. Response enums are open: a response schema may only reach a named enum schema through an
   ``anyOf`` that also offers the plain type, so a new broker value parses instead of raising.

``*.asyncapi.yaml`` (CrossTrade's WebSocket API) is checked by :class:`AsyncApiLinter`: the
``asyncapi3`` object model accepts it (AsyncAPI 3 structure), every ``$ref`` resolves (including
the ones into the OpenAPI document beside it), each operation's messages belong to its channel,
every message has a payload schema that is a valid JSON Schema and at least one named example,
and every example validates against its payload.
"""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC_NAMES = ("topstepx", "crosstrade", "tradestation", "sophic")
ASYNCAPI_NAMES = ("crosstrade", "topstepx")
"""``specs/<name>.asyncapi.yaml`` documents (WebSocket APIs OpenAPI cannot describe)."""
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
SPEC_URI = "urn:orderbridge:spec"

FORMATS = FormatChecker()


@FORMATS.checks("decimal", raises=(InvalidOperation, ValueError))
def _is_decimal(value: object) -> bool:
    """``format: decimal`` — a finite decimal number written as a JSON string."""
    if not isinstance(value, str):
        return True
    return Decimal(value).is_finite()


class _UniqueKeyLoader(yaml.SafeLoader):
    """A SafeLoader that refuses a mapping with the same key twice (PyYAML silently keeps the
    last one, so a duplicated schema or property would vanish without a trace)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        doc = yaml.load(fh, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: not a YAML mapping")
    return doc


PRIVATE_CITATION = re.compile(r"(?<!RFC \d{4} )§\s*\d|\bresearch (?:notes?|API|§)|\bseeds? 0\d\d\b|\bCT-DOCS")
"""A citation of the project's private notes (section numbers, "the research notes", seed file
numbers). Spec prose becomes the generated clients' docstrings, so it must cite what a user can
read: the vendor's page or spec operation, or a standard ("RFC 6749 §5.1" is fine)."""


def private_citations(node: Any, parts: list[str] | None = None) -> Iterator[tuple[str, str]]:
    """Every ``(JSON pointer, fragment)`` in ``node``'s prose strings that cites private notes."""
    parts = parts or []
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and key in ("description", "summary", "title"):
                match = PRIVATE_CITATION.search(value)
                if match:
                    start = max(match.start() - 20, 0)
                    yield _pointer([*parts, str(key)]), value[start : match.end() + 20].replace("\n", " ")
            else:
                yield from private_citations(value, [*parts, str(key)])
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from private_citations(value, [*parts, str(i)])


def _pointer(parts: list[str]) -> str:
    return "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in parts)


class SpecLinter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc = load(path)
        self.problems: list[str] = []
        registry: Registry[Any] = Registry().with_resource(
            SPEC_URI, Resource.from_contents(self.doc, default_specification=DRAFT202012)
        )
        self.registry = registry

    # -- helpers -------------------------------------------------------------------------
    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{self.path.name}: {where}: {message}")

    def deref(self, node: Any, parts: list[str]) -> tuple[Any, list[str]]:
        """Follow a component-level ``$ref`` (responses, parameters, request bodies)."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node and seen < 10:
            ref = node["$ref"]
            if not ref.startswith("#/"):
                raise ValueError(f"external $ref not supported: {ref}")
            parts = [p.replace("~1", "/").replace("~0", "~") for p in ref[2:].split("/")]
            node = self.doc
            for p in parts:
                node = node[p]
            seen += 1
        return node, parts

    def check_example(self, where: str, schema_parts: list[str], name: str, value: Any) -> None:
        validator = Draft202012Validator(
            {"$ref": f"{SPEC_URI}#{_pointer(schema_parts)}"},
            registry=self.registry,
            format_checker=FORMATS,
        )
        for err in sorted(validator.iter_errors(value), key=lambda e: list(e.path)):
            loc = "/".join(str(p) for p in err.absolute_path) or "<root>"
            self.fail(where, f"example {name!r} at {loc}: {err.message}")

    def check_media(self, where: str, media: dict[str, Any], parts: list[str], *, need_examples: bool) -> None:
        if "schema" not in media:
            self.fail(where, "no schema")
            return
        if "example" in media:
            self.fail(where, "use a named `examples:` map, not `example:`")
        examples = media.get("examples") or {}
        if need_examples and not examples:
            self.fail(where, "no examples")
        for name, ex in examples.items():
            ex, _ = self.deref(ex, parts + ["examples", name])
            if "value" not in ex:
                self.fail(where, f"example {name!r} has no value")
                continue
            self.check_example(where, parts + ["schema"], name, ex["value"])

    # -- open response enums -------------------------------------------------------------
    def _is_enum_schema(self, ref: str) -> bool:
        node, _ = self.deref({"$ref": ref}, [])
        return isinstance(node, dict) and "enum" in node

    def closed_enum_refs(self, schema: Any, seen: set[str]) -> Iterator[str]:
        """Yield enum $refs reachable from ``schema`` that are not wrapped in an open anyOf."""
        if isinstance(schema, list):
            for item in schema:
                yield from self.closed_enum_refs(item, seen)
            return
        if not isinstance(schema, dict):
            return
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if self._is_enum_schema(ref):
                yield ref
            elif ref not in seen:
                seen.add(ref)
                target, _ = self.deref(schema, [])
                yield from self.closed_enum_refs(target, seen)
            return
        any_of = schema.get("anyOf")
        if isinstance(any_of, list):
            has_plain = any(isinstance(s, dict) and "$ref" not in s and "enum" not in s for s in any_of)
            for sub in any_of:
                if isinstance(sub, dict) and isinstance(sub.get("$ref"), str) and self._is_enum_schema(sub["$ref"]):
                    if not has_plain:
                        yield sub["$ref"]
                else:
                    yield from self.closed_enum_refs(sub, seen)
        for key, value in schema.items():
            if key in ("anyOf", "$ref", "examples", "example", "enum", "const", "default"):
                continue
            if key in ("properties", "patternProperties", "$defs"):
                for sub in value.values():
                    yield from self.closed_enum_refs(sub, seen)
            elif isinstance(value, (dict, list)):
                yield from self.closed_enum_refs(value, seen)

    # -- operations ----------------------------------------------------------------------
    def operations(self) -> Iterator[tuple[str, str, str, dict[str, Any], list[str]]]:
        for section in ("paths", "webhooks"):
            for path, item in (self.doc.get(section) or {}).items():
                for method in HTTP_METHODS:
                    if method in item:
                        yield section, path, method, item[method], [section, path, method]

    def run(self) -> list[str]:
        try:
            validate(self.doc)
        except Exception as exc:  # noqa: BLE001 - the validator raises several exception types
            self.fail("structure", str(exc).splitlines()[0])
            return self.problems
        if not self.doc.get("servers"):
            self.fail("servers", "no server URL")
        for where, fragment in private_citations(self.doc):
            self.fail(where, f"cites private notes, not a vendor document: ...{fragment}...")
        seen_ids: dict[str, str] = {}
        for section, path, method, op, parts in self.operations():
            where = f"{method.upper()} {path}"
            op_id = op.get("operationId")
            if section == "paths":
                if not op_id or not SNAKE.match(op_id):
                    self.fail(where, f"operationId {op_id!r} is not snake_case")
                elif op_id in seen_ids:
                    self.fail(where, f"operationId {op_id!r} also used by {seen_ids[op_id]}")
                else:
                    seen_ids[op_id] = where
                if len(op.get("tags") or []) != 1:
                    self.fail(where, "needs exactly one tag")
                for key in ("summary", "description"):
                    if not op.get(key):
                        self.fail(where, f"no {key}")
            for i, param in enumerate(op.get("parameters") or []):
                param, pparts = self.deref(param, parts + ["parameters", str(i)])
                for name, ex in (param.get("examples") or {}).items():
                    if "value" in ex and "schema" in param:
                        self.check_example(f"{where} param {param.get('name')}", pparts + ["schema"], name, ex["value"])
            if "requestBody" in op:
                body, bparts = self.deref(op["requestBody"], parts + ["requestBody"])
                content = body.get("content") or {}
                if not content:
                    self.fail(where, "request body without content")
                for ctype, media in content.items():
                    self.check_media(f"{where} request {ctype}", media, bparts + ["content", ctype], need_examples=True)
            responses = op.get("responses") or {}
            if not responses:
                self.fail(where, "no responses")
            for status, resp in responses.items():
                resp, rparts = self.deref(resp, parts + ["responses", str(status)])
                content = resp.get("content") or {}
                if section == "paths" and not content:
                    self.fail(f"{where} -> {status}", "no response content/schema")
                for ctype, media in content.items():
                    self.check_media(
                        f"{where} -> {status} {ctype}",
                        media,
                        rparts + ["content", ctype],
                        need_examples=section == "paths",
                    )
                    for ref in sorted(set(self.closed_enum_refs(media.get("schema"), set()))):
                        self.fail(f"{where} -> {status}", f"response reaches enum {ref} without an open anyOf fallback")
        return self.problems


class AsyncApiLinter:
    """An AsyncAPI 3 document (module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self.doc = load(self.path)
        self.uri = self.path.as_uri()
        self.problems: list[str] = []
        self.documents: dict[str, Any] = {self.uri: self.doc}
        self.registry: Registry[Any] = Registry().with_resource(
            self.uri, Resource.from_contents(self.doc, default_specification=DRAFT202012)
        )

    def fail(self, where: str, message: str) -> None:
        self.problems.append(f"{self.path.name}: {where}: {message}")

    # -- references ------------------------------------------------------------------------
    def target(self, ref: str, base: str) -> tuple[str, str, Any]:
        """``(document URI, JSON pointer, node)`` of ``ref`` written in document ``base``.

        Raises:
            LookupError: the document or the pointer does not exist.
        """
        file_part, _, pointer = ref.partition("#")
        uri = base if not file_part else (Path(base.removeprefix("file://")).parent / file_part).resolve().as_uri()
        if uri not in self.documents:
            source = Path(uri.removeprefix("file://"))
            if not source.is_file():
                raise LookupError(f"no document {file_part}")
            self.documents[uri] = load(source)
            resource = Resource.from_contents(self.documents[uri], default_specification=DRAFT202012)
            self.registry = self.registry.with_resource(uri, resource)
        node = self.documents[uri]
        for part in [p.replace("~1", "/").replace("~0", "~") for p in pointer.lstrip("/").split("/") if p]:
            if isinstance(node, dict) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                raise LookupError(f"{ref} does not resolve")
        return uri, pointer, node

    def refs(self, node: Any, base: str, seen: set[tuple[str, str]]) -> Iterator[tuple[str, str]]:
        """Every ``($ref, document)`` reachable from ``node``, following references into other files."""
        if isinstance(node, list):
            for item in node:
                yield from self.refs(item, base, seen)
        elif isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                yield ref, base
                try:
                    uri, pointer, target = self.target(ref, base)
                except LookupError:
                    return
                if uri != base and (uri, pointer) not in seen:
                    seen.add((uri, pointer))
                    yield from self.refs(target, uri, seen)
            for key, value in node.items():
                if key != "$ref":
                    yield from self.refs(value, base, seen)

    def resolve(self, node: Any) -> Any:
        """Follow local references to the object they name."""
        for _ in range(10):
            if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
                break
            node = self.target(node["$ref"], self.uri)[2]
        return node

    # -- checks ----------------------------------------------------------------------------
    def structure(self) -> bool:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the object model warns about its own field names
                model = importlib.import_module("asyncapi3")
        except ImportError:
            self.fail("structure", "the asyncapi3 package is not installed (nox -s lint_specs installs it)")
            return False
        try:
            model.AsyncAPI3.model_validate(self.doc)
        except Exception as exc:  # noqa: BLE001 - pydantic's ValidationError, without importing pydantic
            lines = [line.strip() for line in str(exc).splitlines()[1:] if line.strip()]
            self.fail("structure", "; ".join(lines[:4]) or str(exc))
            return False
        if not str(self.doc.get("asyncapi", "")).startswith("3."):
            self.fail("structure", "asyncapi must be 3.x")
        for key in ("info", "servers", "channels", "operations", "components"):
            if not self.doc.get(key):
                self.fail("structure", f"no {key}")
        return True

    def operations(self) -> None:
        for name, op in (self.doc.get("operations") or {}).items():
            where = f"operation {name}"
            for section, holder in (("", op), ("reply ", op.get("reply") or {})):
                channel_ref = (holder.get("channel") or {}).get("$ref", "")
                if not channel_ref and section:
                    continue
                if not channel_ref.startswith("#/channels/"):
                    self.fail(where, f"{section}channel must be a #/channels/... reference")
                    continue
                for item in holder.get("messages") or []:
                    ref = item.get("$ref", "")
                    if not ref.startswith(channel_ref + "/messages/"):
                        self.fail(where, f"{section}message {ref} is not a message of {channel_ref}")

    def messages(self) -> None:
        for name, message in ((self.doc.get("components") or {}).get("messages") or {}).items():
            where = f"message {name}"
            parts = ["components", "messages", name]
            payload = message.get("payload")
            if not isinstance(payload, dict):
                self.fail(where, "no payload schema")
                continue
            try:
                Draft202012Validator.check_schema(self.resolve(payload))
            except LookupError as exc:
                self.fail(where, str(exc))
                continue
            except Exception as exc:  # noqa: BLE001 - jsonschema.SchemaError
                self.fail(where, f"payload is not a valid JSON Schema: {str(exc).splitlines()[0]}")
                continue
            examples = message.get("examples") or []
            if not examples:
                self.fail(where, "no examples")
            validator = Draft202012Validator(
                {"$ref": f"{self.uri}#{_pointer([*parts, 'payload'])}"}, registry=self.registry, format_checker=FORMATS
            )
            for i, example in enumerate(examples):
                label = example.get("name") or str(i)
                if not example.get("name"):
                    self.fail(where, f"example {i} has no name")
                if "payload" not in example:
                    self.fail(where, f"example {label!r} has no payload")
                    continue
                for err in sorted(validator.iter_errors(example["payload"]), key=lambda e: list(e.path)):
                    loc = "/".join(str(p) for p in err.absolute_path) or "<root>"
                    self.fail(where, f"example {label!r} at {loc}: {err.message}")

    def schemas(self) -> None:
        for name, schema in ((self.doc.get("components") or {}).get("schemas") or {}).items():
            try:
                Draft202012Validator.check_schema(schema)
            except Exception as exc:  # noqa: BLE001 - jsonschema.SchemaError
                self.fail(f"schema {name}", f"not a valid JSON Schema: {str(exc).splitlines()[0]}")

    def run(self) -> list[str]:
        if not self.structure():
            return self.problems
        reported: set[tuple[str, str]] = set()
        for ref, base in self.refs(self.doc, self.uri, set()):
            try:
                self.target(ref, base)
            except LookupError as exc:
                if (ref, base) not in reported:
                    reported.add((ref, base))
                    self.fail("$ref", str(exc))
        if self.problems:
            return self.problems
        self.operations()
        self.schemas()
        self.messages()
        for where, fragment in private_citations(self.doc):
            self.fail(where, f"cites private notes, not a vendor document: ...{fragment}...")
        return self.problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [
        *(ROOT / "specs" / f"{name}.yaml" for name in SPEC_NAMES),
        *(ROOT / "specs" / f"{name}.asyncapi.yaml" for name in ASYNCAPI_NAMES),
    ]
    problems: list[str] = []
    for path in paths:
        found = AsyncApiLinter(path).run() if path.name.endswith(".asyncapi.yaml") else SpecLinter(path).run()
        status = "ok" if not found else f"{len(found)} problem(s)"
        print(f"{path.name}: {status}")
        problems.extend(found)
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
