"""Field and enum-value coverage of ``specs/tradestation.yaml`` against TradeStation's own v2 swagger.

Usage::

    git --git-dir=<mirror of github.com/tradestation/api-docs> show HEAD:spec/swagger.yaml > swagger.yaml
    python tools/ts_coverage.py swagger.yaml            # summary
    python tools/ts_coverage.py swagger.yaml --missing  # and every field / value not covered

Method (reproducible, no judgement calls):

* Scope: the swagger operations whose method and path also exist in our spec (orders, order
  groups, confirmations, accounts, balances, positions, order listing, activation triggers,
  exchanges). Market data and streaming, which our spec does not model, are out of scope.
* A *field* is (swagger definition at the root of a request body or response schema, dotted
  property path inside it); array items add no path segment; ``allOf`` parts are merged. Each
  field counts once, however many operations use its definition.
* A field is covered when our spec has the same property path in the request body (or in any
  response) of one of the operations that use it in the swagger.
* An *enum value* is (field, value) for every ``enum`` in the swagger; it is covered when the
  same field in our spec lists the same value (string comparison) in an ``enum`` reached
  directly or through ``anyOf`` / ``oneOf`` / ``$ref``.

The vendor's swagger is read from a file given on the command line; nothing is fetched.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
METHODS = ("get", "put", "post", "delete", "patch")

Field = tuple[str, str]  # (root definition, dotted path)


class Doc:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc

    def deref(self, node: Any, seen: frozenset[str] = frozenset()) -> tuple[Any, frozenset[str]]:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:
                return {}, seen
            seen = seen | {ref}
            target: Any = self.doc
            for part in ref.lstrip("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node, seen

    def walk(self, node: Any, prefix: str, out: dict[str, set[str]], seen: frozenset[str] = frozenset()) -> None:
        """Collect ``{dotted path: enum values}`` under ``node`` (``""`` = the root)."""
        node, seen = self.deref(node, seen)
        if not isinstance(node, dict):
            return
        if prefix:
            values = out.setdefault(prefix, set())
            for value in node.get("enum", []) or []:
                values.add(str(value))
        for key in ("allOf", "anyOf", "oneOf"):
            for part in node.get(key, []) or []:
                self.walk(part, prefix, out, seen)
        if "items" in node:
            self.walk(node["items"], prefix, out, seen)
        for name, sub in (node.get("properties") or {}).items():
            self.walk(sub, f"{prefix}.{name}" if prefix else name, out, seen)


def _swagger_roots(sw: Doc, op: dict[str, Any]) -> list[tuple[str, str, Any]]:
    """(direction, root definition name, schema) of a swagger 2.0 operation."""
    roots: list[tuple[str, str, Any]] = []

    def name_of(schema: Any) -> str | None:
        while isinstance(schema, dict):
            if "$ref" in schema:
                return str(schema["$ref"]).rsplit("/", 1)[-1]
            schema = schema.get("items")
        return None

    for param in op.get("parameters", []) or []:
        param, _ = sw.deref(param)
        if param.get("in") == "body" and name_of(param.get("schema")):
            roots.append(("request", name_of(param["schema"]) or "", param["schema"]))
    for response in (op.get("responses") or {}).values():
        response, _ = sw.deref(response)
        schema = response.get("schema") if isinstance(response, dict) else None
        if name_of(schema):
            roots.append(("response", name_of(schema) or "", schema))
    return roots


def _ours(oa: Doc, op: dict[str, Any], direction: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    if direction == "request":
        body, _ = oa.deref(op.get("requestBody", {}))
        for media in (body.get("content") or {}).values():
            oa.walk(media.get("schema", {}), "", out)
    else:
        for response in (op.get("responses") or {}).values():
            response, _ = oa.deref(response)
            for media in (response.get("content") or {}).values():
                oa.walk(media.get("schema", {}), "", out)
    return out


def coverage(swagger: dict[str, Any], ours: dict[str, Any]) -> dict[str, Any]:
    sw, oa = Doc(swagger), Doc(ours)
    fields: dict[Field, set[str]] = {}
    users: dict[Field, list[tuple[str, str, str]]] = defaultdict(list)
    for path, item in swagger["paths"].items():
        mine = (ours.get("paths") or {}).get(path)
        for method in METHODS:
            op = item.get(method)
            if op is None or mine is None or method not in mine:
                continue
            for direction, root, schema in _swagger_roots(sw, op):
                found: dict[str, set[str]] = {}
                sw.walk(schema, "", found)
                for dotted, values in found.items():
                    key = (root, dotted)
                    fields.setdefault(key, set()).update(values)
                    users[key].append((path, method, direction))
    covered_fields: set[Field] = set()
    covered_values: set[tuple[Field, str]] = set()
    for key, values in fields.items():
        for path, method, direction in users[key]:
            mine = _ours(oa, ours["paths"][path][method], direction)
            if key[1] in mine:
                covered_fields.add(key)
                covered_values.update((key, v) for v in values if v in mine[key[1]])
    all_values = {(key, v) for key, values in fields.items() for v in values}
    return {
        "fields": fields,
        "covered_fields": covered_fields,
        "values": all_values,
        "covered_values": covered_values,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("swagger", type=Path, help="TradeStation's spec/swagger.yaml")
    parser.add_argument("--spec", type=Path, default=ROOT / "specs" / "tradestation.yaml")
    parser.add_argument("--missing", action="store_true", help="list what is not covered")
    args = parser.parse_args(argv)
    result = coverage(yaml.safe_load(args.swagger.read_text()), yaml.safe_load(args.spec.read_text()))
    nf, cf = len(result["fields"]), len(result["covered_fields"])
    nv, cv = len(result["values"]), len(result["covered_values"])
    print(f"fields: {cf}/{nf} ({100 * cf / nf:.1f}%)")
    print(f"enum values: {cv}/{nv} ({100 * cv / nv:.1f}%)")
    if args.missing:
        for key in sorted(set(result["fields"]) - result["covered_fields"]):
            print(f"missing field: {key[0]}: {key[1]}")
        for key, value in sorted(result["values"] - result["covered_values"]):
            if key in result["covered_fields"]:
                print(f"missing value: {key[0]}: {key[1]} = {value!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
