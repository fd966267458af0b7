"""Lint the OpenAPI documents in ``specs/``: structure, our conventions, and every example.

Usage::

    python tools/lint_specs.py                 # all four specs
    python tools/lint_specs.py specs/sophic.yaml

Checks, in order (all problems are collected, then reported together; exit status 1 if any):

1. ``openapi-spec-validator`` accepts the document (OpenAPI 3.1 structure).
2. House rules from ``specs/README.md``: unique snake_case ``operationId``, exactly one tag,
   a summary and a description; a server URL; every request body and every response status
   has a schema and at least one named example under ``examples:``.
3. Every example (request bodies, responses, parameters, webhooks) validates against its
   schema with JSON Schema 2020-12, ``format: decimal`` included.
4. Response enums are open: a response schema may only reach a named enum schema through an
   ``anyOf`` that also offers the plain type, so a new broker value parses instead of raising.
"""

from __future__ import annotations

import re
import sys
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


def load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    if not isinstance(doc, dict):
        raise ValueError(f"{path}: not a YAML mapping")
    return doc


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


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [ROOT / "specs" / f"{name}.yaml" for name in SPEC_NAMES]
    problems: list[str] = []
    for path in paths:
        found = SpecLinter(path).run()
        status = "ok" if not found else f"{len(found)} problem(s)"
        print(f"{path.name}: {status}")
        problems.extend(found)
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
