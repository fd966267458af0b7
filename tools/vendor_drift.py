"""Compare each spec with the vendor's own machine-readable document; say what differs and why.

Usage::

    python tools/vendor_drift.py                          # every broker; fails on an undeclared difference
    python tools/vendor_drift.py tradestation --list      # one broker, every difference with its verdict
    python tools/vendor_drift.py --update tradestation swagger.yaml [--source URL] [--commit SHA]

What it reads (all committed, nothing is fetched):

* ``specs/vendor/<broker>/<doc>.manifest.yaml``: where the vendor document comes from (URL or
  repository path, commit or retrieval date), the sha256 of the bytes as published, whether the copy
  is partial, and what to compare (``operations``; ``schemas``: vendor table -> our schema);
* ``specs/vendor/<broker>/<doc>.normalised.json``: the vendor document *normalised*: Swagger 2.0 and
  OpenAPI 3.x alike become one OpenAPI 3.1 shape with prose, examples, operation ids, tags, security
  and vendor extensions left out (see ``normalise``), so that a format difference is never reported
  as a difference between the APIs;
* ``specs/divergences/<broker>.yaml``: every deliberate difference between our spec and the vendor's,
  each with a kind (added, removed, required changed, type changed, enum changed, renamed), the
  places it covers (``at``: ``"<METHOD> <path> <where>"`` patterns, ``*`` any text and ``?`` one
  character; ``<where>`` is ``body``, a status code or a parameter, followed by the dotted field
  path; an enum place ends with the value), our reason and the vendor source that justifies it.

The comparison is ``tools/spec_diff.py``'s (``compare``: vendor document as the old revision, our spec
as the new one), on both documents normalised the same way. Each difference is *declared* when a
divergence entry covers it and *undeclared* otherwise; every vendor operation, field and enum value
that our spec has is *covered*. The run fails on an undeclared difference and on a divergence place
that no longer matches any difference (a stale entry).

``--update <broker> <file>`` takes a newly published vendor document: it prints what the vendor
changed since the committed snapshot, in ``spec_diff``'s change classes, replaces the normalised
snapshot and its manifest (new sha256 and date), and lists the differences the spec now has to answer:
the spec edits (or divergence entries) to consider. Then: edit the spec, ``nox -s spec_diff``,
``nox -s release -- <broker>``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a script (python tools/NAME.py): make the tools package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import spec_diff

ROOT = Path(__file__).resolve().parent.parent
SPEC_NAMES = spec_diff.SPEC_NAMES
METHODS = ("get", "put", "post", "delete", "patch")
SCHEMA_KEYS = ("type", "enum", "properties", "required", "items", "allOf", "anyOf", "oneOf", "$ref")

# spec_diff's change kinds, grouped in the kinds a divergence entry names ("ours" = our spec).
KINDS: dict[str, str] = {
    "operation-added": "added",
    "parameter-added": "added",
    "request-body-added": "added",
    "request-property-added": "added",
    "response-property-added": "added",
    "response-status-added": "added",
    "operation-removed": "removed",
    "parameter-removed": "removed",
    "request-body-removed": "removed",
    "request-property-removed": "removed",
    "response-property-removed": "removed",
    "response-status-removed": "removed",
    "parameter-made-required": "required changed",
    "parameter-made-optional": "required changed",
    "request-property-made-required": "required changed",
    "request-property-made-optional": "required changed",
    "response-property-made-required": "required changed",
    "response-property-made-optional": "required changed",
    "parameter-type-changed": "type changed",
    "request-property-type-changed": "type changed",
    "response-property-type-changed": "type changed",
    "request-enum-value-added": "enum changed",
    "request-enum-value-removed": "enum changed",
    "response-enum-value-added": "enum changed",
    "response-enum-value-removed": "enum changed",
}
DIVERGENCE_KINDS = ("added", "removed", "required changed", "type changed", "enum changed", "renamed")


# --- normalising -------------------------------------------------------------------------------------


def _ref(ref: str) -> str:
    name = ref.rsplit("/", 1)[-1]
    return f"#/components/schemas/{name}"


def _clean(schema: Any, doc: Mapping[str, Any]) -> Any:
    """One schema reduced to what an API promises on the wire: types, enums, fields, requireds.

    ``null`` is dropped from types and combinators (nullability is a parsing tolerance, not a
    field); ``allOf`` is merged into one object; our open response enum (``anyOf: [enum, plain
    type]``) becomes the enum; ``format``, prose, examples and ``x-`` keys are left out.
    """
    if not isinstance(schema, Mapping):
        return {}
    if "$ref" in schema:
        return {"$ref": _ref(str(schema["$ref"]))}
    out: dict[str, Any] = {}
    raw = schema.get("type")
    types = [raw] if isinstance(raw, str) else list(raw or [])
    types = [t for t in types if t != "null"]
    if types:
        out["type"] = types[0] if len(types) == 1 else sorted(types)
    if "enum" in schema:
        # A string enum written unquoted in YAML (Duration: 1, 3, 5) is still a string enum.
        out["enum"] = [str(v) if types == ["string"] else v for v in schema["enum"] if v is not None]
    if isinstance(schema.get("properties"), Mapping):
        out["properties"] = {name: _clean(sub, doc) for name, sub in schema["properties"].items()}
    if isinstance(schema.get("required"), list) and schema["required"]:
        out["required"] = sorted(str(r) for r in schema["required"])
    if "items" in schema:
        out["items"] = _clean(schema["items"], doc)
    if isinstance(schema.get("allOf"), list):
        merged = _merge_all_of([_clean(m, doc) for m in schema["allOf"]], doc)
        for key, value in merged.items():
            if key == "properties":
                out.setdefault("properties", {}).update(value)
            elif key == "required":
                out["required"] = sorted(set(out.get("required", [])) | set(value))
            else:
                out.setdefault(key, value)
    for combinator in ("anyOf", "oneOf"):
        members = [_clean(m, doc) for m in schema.get(combinator) or [] if not _is_null(m)]
        if not members:
            continue
        enums = [m for m in members if "enum" in _target(m, doc)]
        if len(enums) == 1 and all(m is enums[0] or ("enum" not in m and "properties" not in m) for m in members):
            members = enums  # our open response enum: the enum is the promise
        if len(members) == 1:
            out.update(members[0])
        else:
            out[combinator] = members
    if "properties" in out and "type" not in out:
        out["type"] = "object"
    return out


def _is_null(schema: Any) -> bool:
    return isinstance(schema, Mapping) and schema.get("type") == "null"


def _target(schema: Mapping[str, Any], doc: Mapping[str, Any]) -> Mapping[str, Any]:
    """The raw schema a cleaned ``$ref`` points at (``{}`` when missing)."""
    if "$ref" not in schema:
        return schema
    name = str(schema["$ref"]).rsplit("/", 1)[-1]
    schemas = (doc.get("components") or {}).get("schemas") or doc.get("definitions") or {}
    target = schemas.get(name, {})
    return target if isinstance(target, Mapping) else {}


def _merge_all_of(members: list[Any], doc: Mapping[str, Any], depth: int = 0) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for member in members:
        if "$ref" in member and depth < 16:
            member = _merge_all_of([_clean(_target(member, doc), doc)], doc, depth + 1)
        for key, value in member.items():
            if key == "properties":
                merged.setdefault("properties", {}).update(value)
            elif key == "required":
                merged["required"] = sorted(set(merged.get("required", [])) | set(value))
            elif key != "$ref":
                merged.setdefault(key, value)
    return merged


def _parameter(param: Mapping[str, Any], doc: Mapping[str, Any]) -> dict[str, Any]:
    where = str(param.get("in"))
    name = str(param.get("name"))
    # Swagger 2.0 puts a non-body parameter's type on the parameter itself ("required" is the parameter's).
    raw = param.get("schema") if "schema" in param else param
    schema = {
        k: v for k, v in (raw or {}).items() if k in SCHEMA_KEYS and not (k == "required" and isinstance(v, bool))
    }
    return {
        "name": name.lower() if where == "header" else name,
        "in": where,
        "required": bool(param.get("required")) or where == "path",
        "schema": _clean(schema, doc),
    }


def _resolve_any(node: Any, doc: Mapping[str, Any]) -> Any:
    seen = 0
    while isinstance(node, Mapping) and "$ref" in node and seen < 16:
        target: Any = doc
        for part in str(node["$ref"])[2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, Mapping) else {}
        node, seen = target, seen + 1
    return node


def _json_content(schema: Any, doc: Mapping[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": _clean(schema, doc)}}}


def _operation(op: Mapping[str, Any], shared: list[Any], doc: Mapping[str, Any], swagger: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    params: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*shared, *(op.get("parameters") or [])]:
        param = _resolve_any(raw, doc)
        if not isinstance(param, Mapping):
            continue
        if swagger and param.get("in") == "body":
            out["requestBody"] = {"required": bool(param.get("required")), **_json_content(param.get("schema"), doc)}
            continue
        if swagger and param.get("in") == "formData":
            continue  # a form body: neither side's JSON; the operation itself is still compared
        cleaned = _parameter(param, doc)
        params[(cleaned["in"], cleaned["name"])] = cleaned
    if params:
        out["parameters"] = [params[key] for key in sorted(params)]
    body = _resolve_any(op.get("requestBody"), doc)
    if isinstance(body, Mapping) and body:
        for media, content in (body.get("content") or {}).items():
            if "json" in media:
                out["requestBody"] = {
                    "required": bool(body.get("required")),
                    **_json_content(content.get("schema"), doc),
                }
                break
    responses: dict[str, Any] = {}
    for status, raw in (op.get("responses") or {}).items():
        response = _resolve_any(raw, doc)
        schema = None
        if isinstance(response, Mapping):
            if swagger:
                schema = response.get("schema")
            else:
                for media, content in (response.get("content") or {}).items():
                    if "json" in media or media.startswith("text/"):
                        schema = content.get("schema")
                        break
        responses[str(status)] = _json_content(schema, doc) if schema is not None else {}
    out["responses"] = responses
    return out


def normalise(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A Swagger 2.0 or OpenAPI 3.x document as one comparable OpenAPI 3.1 skeleton.

    Kept: paths (Swagger's ``basePath`` prefixed), methods, parameters (header names lower-cased:
    HTTP ignores their case), JSON request bodies (Swagger's ``in: body``), response statuses and
    their JSON schemas, and the component schemas (Swagger's ``definitions``), each cleaned by
    ``_clean``. Left out: prose, examples, operation ids, tags, security, servers, ``x-`` keys.
    A metadata document (``{"error_codes": [...], "webhook_events": [...]}``, Sophic's) becomes
    string enum schemas named after its tables.
    """
    if "paths" not in doc and ("error_codes" in doc or "webhook_events" in doc):
        schemas: dict[str, Any] = {}
        for table, key in (("error_codes", "code"), ("webhook_events", "name")):
            values = [str(row[key]) for row in doc.get(table) or [] if isinstance(row, Mapping) and key in row]
            schemas[table] = {"type": "string", "enum": values}
        return {
            "openapi": "3.1.0",
            "info": {"title": "metadata", "version": str(doc.get("api_version", ""))},
            "paths": {},
            "components": {"schemas": schemas},
        }
    swagger = str(doc.get("swagger", "")).startswith("2")
    base = str(doc.get("basePath") or "").rstrip("/") if swagger else ""
    paths: dict[str, Any] = {}
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, Mapping):
            continue
        shared = list(item.get("parameters") or [])
        ops = {m: _operation(item[m], shared, doc, swagger) for m in METHODS if isinstance(item.get(m), Mapping)}
        if ops:
            paths[f"{base}{path}"] = ops
    raw_schemas = (doc.get("definitions") if swagger else (doc.get("components") or {}).get("schemas")) or {}
    info = doc.get("info") or {}
    return {
        "openapi": "3.1.0",
        "info": {"title": str(info.get("title", "")), "version": str(info.get("version", ""))},
        "paths": dict(sorted(paths.items())),
        "components": {"schemas": {name: _clean(s, doc) for name, s in sorted(raw_schemas.items())}},
    }


# --- pairing the vendor's document with ours ----------------------------------------------------------


def _path_key(path: str) -> tuple[str, int]:
    parts = path.strip("/").lower().split("/")
    return "/".join("{}" if p.startswith("{") else p for p in parts), len(parts)


def _inline(node: Any, doc: Mapping[str, Any], names: tuple[str, ...] = (), depth: int = 0) -> Any:
    """``node`` with every ``$ref`` replaced by its target, so that a named schema and the same
    schema written inline compare equal. Recursion is cut where a field name repeats on its own
    path (``OSOs[].Orders[].OSOs``): both documents are cut at the same field, however each names
    its schemas."""
    if depth > 40:
        return {"type": "object"}
    if isinstance(node, Mapping):
        if "$ref" in node:
            return _inline(_resolve_any(node, doc), doc, names, depth + 1)
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, Mapping):
                out[key] = {
                    name: {"type": "object"} if name in names else _inline(sub, doc, (*names, name), depth + 1)
                    for name, sub in value.items()
                }
            else:
                out[key] = _inline(value, doc, names, depth + 1)
        return out
    if isinstance(node, list):
        return [_inline(v, doc, names, depth + 1) for v in node]
    return node


def inlined(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A normalised document whose operations carry their schemas inline (no ``$ref`` left)."""
    return {**doc, "paths": _inline(doc.get("paths") or {}, doc), "components": {"schemas": {}}}


def aligned(vendor: Mapping[str, Any], ours: Mapping[str, Any]) -> dict[str, Any]:
    """The vendor skeleton with its paths spelled as ours (path case and parameter names ignored,
    as the vendors' servers ignore them)."""
    our_paths = {_path_key(p): p for p in ours.get("paths") or {}}
    paths: dict[str, Any] = {}
    for path, item in (vendor.get("paths") or {}).items():
        mine = our_paths.get(_path_key(path))
        if mine is None:
            paths[path] = item
            continue
        names = [seg[1:-1] for seg in mine.split("/") if seg.startswith("{")]
        theirs = [seg[1:-1] for seg in path.split("/") if seg.startswith("{")]
        renames = dict(zip(theirs, names, strict=False))
        item = json.loads(json.dumps(item))
        for op in item.values():
            for param in op.get("parameters") or []:
                if param["in"] == "path":
                    param["name"] = renames.get(param["name"], param["name"])
        paths[mine] = item
    return {**vendor, "paths": paths}


# --- divergences ---------------------------------------------------------------------------------------


@dataclass
class Divergence:
    kind: str
    at: list[str]
    reason: str
    source: str
    used: set[str] = field(default_factory=set)

    def covers(self, change: spec_diff.Change) -> str | None:
        kind = KINDS.get(change.kind)
        if kind is None or not (self.kind == kind or (self.kind == "renamed" and kind in ("added", "removed"))):
            return None
        target = _place(change)
        for pattern in self.at:
            if _glob(pattern).fullmatch(target):
                return pattern
        return None


def _glob(pattern: str) -> re.Pattern[str]:
    """A place pattern: ``*`` is any text, ``?`` one character; everything else (``[]`` too) is literal."""
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern))


def _place(change: spec_diff.Change) -> str:
    """Where a difference is, as divergence entries name it; an enum difference ends with its value."""
    if KINDS.get(change.kind) == "enum changed":
        return f"{change.location} {change.detail.split(' ', 1)[0].split(';', 1)[0]}"
    return change.location


def load_divergences(path: Path) -> list[Divergence]:
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: list[Divergence] = []
    for index, entry in enumerate(data.get("divergences") or []):
        kind = str(entry.get("kind"))
        if kind not in DIVERGENCE_KINDS:
            raise ValueError(f"{path.name}: divergence {index}: kind {kind!r} is not one of {DIVERGENCE_KINDS}")
        for key in ("reason", "source", "at"):
            if not entry.get(key):
                raise ValueError(f"{path.name}: divergence {index} ({kind}) has no {key!r}")
        out.append(Divergence(kind, [str(a) for a in entry["at"]], str(entry["reason"]), str(entry["source"])))
    return out


# --- comparing ---------------------------------------------------------------------------------------------


@dataclass
class Verdict:
    change: spec_diff.Change
    declared_by: Divergence | None
    document: str

    @property
    def word(self) -> str:
        return "declared" if self.declared_by else "undeclared"


@dataclass
class Coverage:
    """Vendor items (operations, fields, enum values) our spec has, or whose absence is declared."""

    total: dict[str, int] = field(default_factory=lambda: {"operations": 0, "fields": 0, "enum values": 0})
    covered: dict[str, int] = field(default_factory=lambda: {"operations": 0, "fields": 0, "enum values": 0})
    declared: dict[str, int] = field(default_factory=lambda: {"operations": 0, "fields": 0, "enum values": 0})

    def add(self, other: Coverage) -> None:
        for table, mine in ((self.total, other.total), (self.covered, other.covered), (self.declared, other.declared)):
            for key, value in mine.items():
                table[key] += value

    def share(self, what: str) -> str:
        total = self.total[what]
        if not total:
            return f"{what}: none in the vendor's documents"
        done = self.covered[what] + self.declared[what]
        return (
            f"{what}: {done}/{total} ({100 * done / total:.1f}%: {self.covered[what]} covered, "
            f"{self.declared[what]} declared)"
        )


@dataclass
class Report:
    broker: str
    verdicts: list[Verdict] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    not_obtained: list[str] = field(default_factory=list)

    @property
    def undeclared(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.declared_by is None]

    @property
    def ok(self) -> bool:
        return not self.undeclared and not self.stale


def _fields(doc: Mapping[str, Any], schema: Any, where: str, depth: int = 0) -> Iterator[tuple[str, list[Any]]]:
    """(place, enum values) of every field under ``schema``, in spec_diff's location spelling."""
    node = _resolve_any(schema, doc)
    if not isinstance(node, Mapping) or depth > 12:
        return
    if "enum" in node:
        yield where, list(node["enum"])
    for name, sub in (node.get("properties") or {}).items():
        place = f"{where}.{name}"
        yield place, []
        yield from _fields(doc, sub, place, depth + 1)
    if "items" in node:
        yield from _fields(doc, node["items"], f"{where}[]", depth + 1)
    for combinator in ("anyOf", "oneOf"):
        for member in node.get(combinator) or []:
            yield from _fields(doc, member, where, depth + 1)


def _inventory(doc: Mapping[str, Any]) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    ops: set[str] = set()
    fields_: set[str] = set()
    values: set[tuple[str, str]] = set()
    for path, item in (doc.get("paths") or {}).items():
        for method, op in item.items():
            where = f"{method.upper()} {path}"
            ops.add(where)
            holders: list[tuple[str, Any]] = []
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {})
            if "schema" in body:
                holders.append((f"{where} body", body["schema"]))
            for status, response in (op.get("responses") or {}).items():
                content = (response or {}).get("content", {}).get("application/json", {})
                if "schema" in content:
                    holders.append((f"{where} {status}", content["schema"]))
            for param in op.get("parameters") or []:
                holders.append((f"{where} {param['in']}:{param['name']}", param.get("schema")))
            for base, schema in holders:
                for place, enum in _fields(doc, schema, base):
                    if place != base:
                        fields_.add(place)
                    values.update((place, repr(v)) for v in enum)
    return ops, fields_, values


def _table_inventory(doc: Mapping[str, Any], names: Mapping[str, str]) -> set[tuple[str, str]]:
    schemas = (doc.get("components") or {}).get("schemas") or {}
    return {
        (f"#/components/schemas/{ours}", repr(v)) for theirs, ours in names.items() for v in schemas[theirs]["enum"]
    }


def _coverage(
    vendor: Mapping[str, Any], ours: Mapping[str, Any], verdicts: list[Verdict], names: Mapping[str, str], ops: bool
) -> Coverage:
    cov = Coverage()
    declared = [_place(v.change) for v in verdicts if v.declared_by is not None]
    undeclared = [_place(v.change) for v in verdicts if v.declared_by is None]

    def count(kind: str, items: set[Any], mine: set[Any], place: Any) -> None:
        cov.total[kind] += len(items)
        for item in items:
            if item in mine:
                cov.covered[kind] += 1
                continue
            where = place(item)
            if any(where == d or where.startswith((d + ".", d + "[", d + " ")) for d in declared) and not any(
                where == u or where.startswith((u + ".", u + "[", u + " ")) for u in undeclared
            ):
                cov.declared[kind] += 1

    if ops:
        v_ops, v_fields, v_values = _inventory(vendor)
        o_ops, o_fields, o_values = _inventory(ours)
        count("operations", v_ops, o_ops, lambda o: o)
        count("fields", v_fields, o_fields, lambda f: f)
        count("enum values", v_values, o_values, lambda v: f"{v[0]} {v[1]}")
    if names:
        mine_values = {(f"#/components/schemas/{o}", repr(v)) for o in names.values() for v in _our_enum(ours, o)}
        count("enum values", _table_inventory(vendor, names), mine_values, lambda v: f"{v[0]} {v[1]}")
    return cov


def _our_enum(ours: Mapping[str, Any], name: str) -> list[Any]:
    schema = ((ours.get("components") or {}).get("schemas") or {}).get(name) or {}
    return list(schema.get("enum") or [])


def _manifests(vendor_dir: Path, broker: str) -> list[tuple[Path, dict[str, Any]]]:
    folder = vendor_dir / broker
    if not folder.is_dir():
        return []
    return [(p, yaml.safe_load(p.read_text(encoding="utf-8")) or {}) for p in sorted(folder.glob("*.manifest.yaml"))]


def drift(broker: str, *, specs_dir: Path = ROOT / "specs") -> Report:
    """Compare ``specs/<broker>.yaml`` with every obtained vendor document of that broker."""
    report = Report(broker)
    ours_raw = yaml.safe_load((specs_dir / f"{broker}.yaml").read_text(encoding="utf-8"))
    ours = normalise(ours_raw)
    divergences = load_divergences(specs_dir / "divergences" / f"{broker}.yaml")
    for manifest_path, manifest in _manifests(specs_dir / "vendor", broker):
        document = manifest_path.name.removesuffix(".manifest.yaml")
        if manifest.get("status") == "not obtained":
            report.not_obtained.append(f"{document}: {manifest.get('why', 'not obtained')}")
            continue
        snapshot = manifest_path.with_name(str(manifest["snapshot"]))
        vendor = json.loads(snapshot.read_text(encoding="utf-8"))
        compare = manifest.get("compare") or {}
        names: dict[str, str] = dict(compare.get("schemas") or {})
        changes: list[spec_diff.Change] = []
        with_ops = bool(compare.get("operations", True))
        if with_ops:
            changes += spec_diff.compare(broker, inlined(aligned(vendor, ours)), inlined(ours))
        for theirs, mine in names.items():
            changes += spec_diff.compare_schemas(
                broker, vendor, vendor["components"]["schemas"][theirs], ours,
                ours["components"]["schemas"][mine], f"#/components/schemas/{mine}",
            )  # fmt: skip
        verdicts: list[Verdict] = []
        for change in changes:
            if change.kind not in KINDS:
                continue  # documentation, ids, tags, auth and servers are not compared
            owner = None
            for entry in divergences:
                pattern = entry.covers(change)
                if pattern is not None:
                    entry.used.add(pattern)
                    owner = entry
                    break
            verdicts.append(Verdict(change, owner, document))
        report.verdicts += verdicts
        report.coverage.add(_coverage(vendor, ours, verdicts, names, with_ops))
    for entry in divergences:
        for pattern in entry.at:
            if pattern not in entry.used:
                report.stale.append(f"{entry.kind} {pattern!r} ({entry.reason[:60]}) matches no difference")
    return report


def brokers(specs_dir: Path) -> list[str]:
    return [name for name in SPEC_NAMES if (specs_dir / "vendor" / name).is_dir()]


def declared_by_kind(reports: list[Report]) -> dict[str, int]:
    counts = dict.fromkeys(DIVERGENCE_KINDS, 0)
    for report in reports:
        for verdict in report.verdicts:
            if verdict.declared_by is not None:
                counts[verdict.declared_by.kind] += 1
    return counts


# --- updating a snapshot ------------------------------------------------------------------------------------


def update(
    broker: str, document: Path, *, specs_dir: Path, name: str | None, source: str | None, commit: str | None
) -> int:
    """Replace one vendor snapshot with a newly published document; say what changed and what to edit."""
    raw = document.read_bytes()
    new = normalise(yaml.safe_load(raw))
    manifests = _manifests(specs_dir / "vendor", broker)
    if name is None:
        obtained = [p for p, m in manifests if m.get("status") != "not obtained"]
        if len(obtained) != 1:
            choices = ", ".join(p.name.removesuffix(".manifest.yaml") for p, _ in manifests) or "none yet"
            print(f"{broker}: say which vendor document this is with --name ({choices})", file=sys.stderr)
            return 2
        name = obtained[0].name.removesuffix(".manifest.yaml")
    manifest_path = specs_dir / "vendor" / broker / f"{name}.manifest.yaml"
    manifest: dict[str, Any] = (
        yaml.safe_load(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    )
    snapshot = manifest_path.with_name(str(manifest.get("snapshot") or f"{name}.normalised.json"))
    old = json.loads(snapshot.read_text(encoding="utf-8")) if snapshot.is_file() else {"paths": {}}
    changes = spec_diff.compare(broker, old, new)
    compare = manifest.get("compare") or {}
    for theirs in compare.get("schemas") or {}:
        old_s = ((old.get("components") or {}).get("schemas") or {}).get(theirs, {})
        changes += spec_diff.compare_schemas(
            broker, old, old_s, new, new["components"]["schemas"].get(theirs, {}), f"#/components/schemas/{theirs}"
        )
    print(f"# What {broker}'s {name} changed since the last snapshot ({len(changes)} change(s))\n")
    print(spec_diff.changes_table(changes) if changes else "No change in what we compare.\n")
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    snapshot.write_text(json.dumps(new, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    manifest.pop("status", None)
    manifest.pop("why", None)
    manifest.update(
        {
            "source": source or manifest.get("source", str(document)),
            "commit": commit or manifest.get("commit"),
            "retrieved": dt.date.today().isoformat(),
            "sha256": hashlib.sha256(raw).hexdigest(),
            "bytes": len(raw),
            "snapshot": snapshot.name,
        }
    )
    manifest.setdefault("compare", {"operations": True})
    text = yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True, width=100)
    manifest_path.write_text(text, encoding="utf-8")
    print(f"wrote {snapshot} and {manifest_path.name}\n")
    report = drift(broker, specs_dir=specs_dir)
    print(f"# Spec edits to consider ({len(report.undeclared)} undeclared difference(s), {len(report.stale)} stale)\n")
    for verdict in report.undeclared:
        print(f"- {_advice(verdict.change, broker)}")
    for stale in report.stale:
        print(f"- stale divergence in specs/divergences/{broker}.yaml: {stale}")
    if report.ok:
        print("Nothing: every difference is covered or declared.")
    else:
        print(
            f"\nThen: edit specs/{broker}.yaml (or declare the difference), `nox -s spec_diff`, "
            f"`nox -s release -- {broker}`, and `nox -s vendor_drift` again."
        )
    return 0


def _advice(change: spec_diff.Change, broker: str) -> str:
    kind = KINDS[change.kind]
    where = f"`{_place(change)}`"
    if kind == "removed":
        what = f"the vendor has {where} and specs/{broker}.yaml does not: model it, or declare why not"
    elif kind == "added":
        what = f"specs/{broker}.yaml has {where} and the vendor does not: drop it, or declare the source that shows it"
    else:
        what = f"{kind} at {where} ({change.detail}): follow the vendor, or declare why not"
    return f"{change.kind}: {what}"


# --- output -------------------------------------------------------------------------------------------------


def print_report(report: Report, *, listing: bool) -> None:
    verdicts = report.verdicts
    declared = sum(1 for v in verdicts if v.declared_by is not None)
    print(
        f"## {report.broker}: {len(verdicts)} difference(s): {declared} declared, {len(report.undeclared)} undeclared"
    )
    for what in ("operations", "fields", "enum values"):
        print(f"  {report.coverage.share(what)}")
    for missing in report.not_obtained:
        print(f"  not obtained: {missing}")
    for verdict in verdicts if listing else report.undeclared:
        print(f"  {verdict.word}: {verdict.change.kind}: {_place(verdict.change)}  {verdict.change.detail}")
    for stale in report.stale:
        print(f"  stale: {stale}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="broker", help="brokers (default: every one with a snapshot)")
    parser.add_argument("--update", nargs=2, metavar=("BROKER", "FILE"), help="replace a snapshot with FILE")
    parser.add_argument("--name", help="with --update: which vendor document of the broker FILE is")
    parser.add_argument("--source", help="with --update: the URL or repository path FILE was published at")
    parser.add_argument("--commit", help="with --update: the repository commit FILE was taken from")
    parser.add_argument("--list", action="store_true", help="list every difference, declared ones too")
    parser.add_argument("--specs-dir", type=Path, default=ROOT / "specs", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.update:
        broker, document = args.update
        if broker not in SPEC_NAMES:
            parser.error(f"unknown broker {broker!r}")
        return update(
            broker, Path(document), specs_dir=args.specs_dir, name=args.name, source=args.source, commit=args.commit
        )
    names = args.names or brokers(args.specs_dir)
    unknown = sorted(set(names) - set(SPEC_NAMES))
    if unknown:
        parser.error(f"unknown broker(s): {', '.join(unknown)}")
    reports = [drift(name, specs_dir=args.specs_dir) for name in names]
    for report in reports:
        print_report(report, listing=args.list)
    counts = declared_by_kind(reports)
    print("declared differences by kind: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    failed = [r for r in reports if not r.ok]
    for report in failed:
        print(
            f"{report.broker}: {len(report.undeclared)} undeclared difference(s), {len(report.stale)} stale "
            f"divergence(s): edit specs/{report.broker}.yaml or specs/divergences/{report.broker}.yaml",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
