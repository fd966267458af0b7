"""Report what changed in each spec between a git revision and the working tree, and what it breaks.

Usage::

    python tools/spec_diff.py                     # every spec, HEAD vs working tree, markdown
    python tools/spec_diff.py --base main sophic  # one spec against another revision
    python tools/spec_diff.py --format json       # [{spec, kind, location, breaking, detail}, ...]
    python tools/spec_diff.py --no-typed-usage    # skip the mypy check of the Python API

Every change is classified *breaking* or not for a program written against this project's
generated client (openapi-python-client): the rules are the table in ``specs/README.md`` and
``RULES`` below. The typed-usage check (``tools/typed_usage.py``) adds the Python API breaks mypy
finds in code written against the base revision's client.

Exit status 1 when a spec has a breaking change and its client's version (``package_version_override``
in ``specs/config/<name>.yaml``) was not given a major bump; 0 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

if __package__ in (None, ""):  # run as a script (python tools/NAME.py): make the tools package importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
SPEC_NAMES = ("topstepx", "crosstrade", "tradestation", "sophic")
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")

Side = Literal["request", "response"]
Bump = Literal["major", "minor", "patch", "none"]

# kind -> (breaking, what a client of the generated code sees). ``None`` means it depends on
# context, decided where the change is found (field order, open enums). Kept in step with the
# table in specs/README.md by tests/generation/test_spec_diff.py.
RULES: dict[str, tuple[bool | None, str]] = {
    "operation-added": (False, "a new endpoint module appears"),
    "operation-removed": (True, "an endpoint module and its functions disappear"),
    "operation-id-changed": (True, "the endpoint module is renamed"),
    "operation-tag-changed": (True, "the endpoint module moves to another api/<tag> package"),
    "parameter-added": (None, "breaking when required (a new mandatory argument), else an optional keyword"),
    "parameter-removed": (True, "a keyword argument disappears"),
    "parameter-made-required": (True, "an optional keyword becomes mandatory"),
    "parameter-made-optional": (False, "a mandatory argument gets a default"),
    "parameter-type-changed": (True, "the argument's annotation changes"),
    "request-body-added": (None, "breaking when required (a new mandatory body argument)"),
    "request-body-removed": (True, "the body argument disappears"),
    "request-property-added": (None, "breaking when required or when it shifts positional construction"),
    "request-property-removed": (True, "a model field disappears"),
    "request-property-made-required": (True, "a model field becomes mandatory"),
    "request-property-made-optional": (None, "non-breaking unless it shifts positional construction"),
    "request-property-type-changed": (None, "breaking, except a field that now also accepts null"),
    "request-enum-value-added": (False, "the broker accepts one more value"),
    "request-enum-value-removed": (True, "a request enum member disappears (strict enums reject it)"),
    "response-property-added": (False, "a new attribute; unknown keys were already kept"),
    "response-property-removed": (True, "an attribute users read disappears"),
    "response-property-made-optional": (True, "an attribute may now be UNSET"),
    "response-property-made-required": (False, "an attribute is always present"),
    "response-property-type-changed": (None, "breaking, except an attribute that can no longer be null"),
    "response-enum-value-added": (None, "non-breaking for open response enums, breaking for closed ones"),
    "response-enum-value-removed": (True, "an enum member users compare with disappears"),
    "enum-member-renamed": (True, "the Python name of an existing value changes (x-enum-varnames)"),
    "response-status-added": (None, "breaking when its body type is new: the return type's union widens"),
    "response-status-removed": (None, "breaking for a 2xx status (its answer no longer parses), else not"),
    "auth-changed": (None, "breaking when an operation starts to require auth or a scheme changes"),
    "server-changed": (False, "the generated client ignores servers; the facade's default base URL follows"),
    "documentation-changed": (False, "prose, examples or metadata only"),
    "python-api-break": (True, "mypy rejects code written against the base client"),
}
ADDITIONS = {
    "operation-added",
    "parameter-added",
    "parameter-made-optional",
    "request-body-added",
    "request-property-added",
    "request-property-made-optional",
    "request-enum-value-added",
    "response-property-added",
    "response-enum-value-added",
    "response-status-added",
}


@dataclass(frozen=True)
class Change:
    """One difference between two revisions of a spec."""

    spec: str
    kind: str
    location: str
    breaking: bool
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Walk:
    """State of one comparison: the two documents and what was already compared."""

    spec: str
    old: Mapping[str, Any]
    new: Mapping[str, Any]
    changes: list[Change] = field(default_factory=list)
    seen: set[tuple[str, str, str]] = field(default_factory=set)

    def add(self, kind: str, location: str, detail: str, breaking: bool | None = None) -> None:
        default = RULES[kind][0]
        verdict = default if breaking is None else breaking
        if verdict is None:  # pragma: no cover - a rule with a context verdict was called without one
            raise ValueError(f"{kind} needs a context verdict")
        change = Change(self.spec, kind, location, verdict, detail)
        if change not in self.changes:
            self.changes.append(change)


# --- reading -------------------------------------------------------------------------------------


def _resolve(doc: Mapping[str, Any], node: Any) -> tuple[Any, str | None]:
    """Follow local ``$ref``s; return the target and the name of the last component reached."""
    name = None
    hops = 0
    while isinstance(node, Mapping) and "$ref" in node:
        ref = str(node["$ref"])
        if not ref.startswith("#/"):
            raise ValueError(f"only local $refs are supported: {ref}")
        target: Any = doc
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        name = ref.rsplit("/", 1)[-1]
        node = target
        hops += 1
        if hops > 32:
            raise ValueError(f"$ref cycle at {ref}")
    return node, name


def _types(schema: Mapping[str, Any]) -> list[str]:
    raw = schema.get("type")
    if raw is None:
        return []
    return sorted([raw] if isinstance(raw, str) else [str(t) for t in raw])


def _signature(doc: Mapping[str, Any], schema: Any, depth: int = 0, *, nulls: bool = True) -> str:
    """A short text for a schema's *type* (not its properties): what an annotation would say.

    ``nulls=False`` leaves ``null`` out, to tell a nullability change from a type change.
    """
    if not isinstance(schema, Mapping):
        return "any"
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            members = sorted(_signature(doc, m, depth + 1, nulls=nulls) for m in schema[combinator])
            members = [m for m in members if nulls or m != "null"]
            if len(members) == 1 and not nulls:
                return members[0]
            return f"{combinator}[{', '.join(members)}]"
    types = [t for t in _types(schema) if nulls or t != "null"]
    text = "|".join(types) if types else ("object" if "properties" in schema else "any")
    if schema.get("format"):
        text += f"<{schema['format']}>"
    if "array" in types and depth < 8:
        text += f"[{_signature(doc, schema.get('items'), depth + 1)}]"
    if "enum" in schema:
        text = f"enum({text})"
    return text


def _is_open_enum(doc: Mapping[str, Any], schema: Mapping[str, Any]) -> bool:
    """``anyOf: [{$ref: Enum}, {type: <base>}]``: the project's open response enum pattern."""
    members = schema.get("anyOf")
    if not isinstance(members, list):
        return False
    has_enum = any(isinstance(_resolve(doc, m)[0], Mapping) and "enum" in _resolve(doc, m)[0] for m in members)
    has_plain = any(isinstance(m, Mapping) and "$ref" not in m and "enum" not in m and _types(m) for m in members)
    return has_enum and has_plain


def _field_order(schema: Mapping[str, Any]) -> list[str]:
    """The generated model's field order: required properties, then optional ones, each in spec order."""
    props = list((schema.get("properties") or {}).keys())
    required = set(schema.get("required") or [])
    return [p for p in props if p in required] + [p for p in props if p not in required]


# --- comparing schemas -----------------------------------------------------------------------------


def _compare_schema(w: _Walk, old: Any, new: Any, side: Side, location: str, *, open_enum: bool = False) -> None:
    old_r, old_name = _resolve(w.old, old)
    new_r, new_name = _resolve(w.new, new)
    if old_name and old_name == new_name:
        location = f"#/components/schemas/{new_name}"
    key = (side, location, f"{old_name}->{new_name}{' open' if open_enum else ''}")
    if key in w.seen:
        return
    w.seen.add(key)
    if not isinstance(old_r, Mapping) or not isinstance(new_r, Mapping):
        return
    old_sig, new_sig = _signature(w.old, old_r), _signature(w.new, new_r)
    if old_sig != new_sig:
        _type_changed(w, side, location, old_r, new_r)
        return
    if "enum" in old_r or "enum" in new_r:
        _compare_enum(w, old_r, new_r, side, location, open_enum=open_enum)
    _compare_properties(w, old_r, new_r, side, location)
    if "items" in old_r and "items" in new_r:
        _compare_schema(w, old_r["items"], new_r["items"], side, f"{location}[]")
    for combinator in ("anyOf", "oneOf", "allOf"):
        old_m, new_m = old_r.get(combinator), new_r.get(combinator)
        if isinstance(old_m, list) and isinstance(new_m, list):
            is_open = combinator == "anyOf" and _is_open_enum(w.new, new_r)
            by_ref = {m["$ref"]: m for m in new_m if isinstance(m, Mapping) and "$ref" in m}
            for index, member in enumerate(old_m):
                if isinstance(member, Mapping) and "$ref" in member and member["$ref"] in by_ref:
                    _compare_schema(w, member, by_ref[member["$ref"]], side, location, open_enum=is_open)
                elif index < len(new_m) and not (isinstance(new_m[index], Mapping) and "$ref" in new_m[index]):
                    _compare_schema(w, member, new_m[index], side, f"{location}/{combinator}/{index}")


def _compare_properties(w: _Walk, old: Mapping[str, Any], new: Mapping[str, Any], side: Side, location: str) -> None:
    old_props: Mapping[str, Any] = old.get("properties") or {}
    new_props: Mapping[str, Any] = new.get("properties") or {}
    old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
    for name in new_props.keys() - old_props.keys():
        where = f"{location}.{name}"
        required = name in new_req
        if side == "request":
            shifted = _order_shift(old, new)
            breaking = required or bool(shifted)
            why = "required" if required else "optional"
            if shifted and not required:
                why += f"; moves {', '.join(shifted)} in the model's positional field order"
            w.add("request-property-added", where, why, breaking)
        else:
            w.add("response-property-added", where, "required" if required else "optional")
    added = new_props.keys() - old_props.keys()
    for name in old_props.keys() - new_props.keys():
        detail = "was required" if name in old_req else "was optional"
        same = [a for a in sorted(added) if _signature(w.new, new_props[a]) == _signature(w.old, old_props[name])]
        if len(same) == 1:
            detail += f"; renamed to {same[0]!r}?"
        w.add(f"{side}-property-removed", f"{location}.{name}", detail)
    for name in sorted(old_props.keys() & new_props.keys()):
        where = f"{location}.{name}"
        was, now = name in old_req, name in new_req
        if not was and now:
            w.add(f"{side}-property-made-required", where, "optional -> required")
        elif was and not now:
            if side == "request":
                shifted = _order_shift(old, new)
                detail = "required -> optional" + (f"; moves {', '.join(shifted)}" if shifted else "")
                w.add("request-property-made-optional", where, detail, bool(shifted))
            else:
                w.add("response-property-made-optional", where, "required -> optional")
        old_p, new_p = old_props[name], new_props[name]
        old_sig, new_sig = _signature(w.old, old_p), _signature(w.new, new_p)
        if old_sig != new_sig:
            _type_changed(w, side, where, old_p, new_p)
            continue
        _compare_schema(w, old_p, new_p, side, where, open_enum=_is_open_enum(w.new, new_p))


def _type_changed(w: _Walk, side: Side, where: str, old: Any, new: Any) -> None:
    """A property's type changed: only its nullability (judged per side), or really its type."""
    old_sig, new_sig = _signature(w.old, old), _signature(w.new, new)
    if _signature(w.old, old, nulls=False) == _signature(w.new, new, nulls=False):
        made_nullable = "null" in new_sig and "null" not in old_sig
        # Requests: accepting null as well is harmless, refusing it breaks callers that send it.
        # Responses: a value that may now be None breaks readers; one that no longer can does not.
        breaking = made_nullable if side == "response" else not made_nullable
        what = "made nullable" if made_nullable else "made non-nullable"
        w.add(f"{side}-property-type-changed", where, f"{what}: {old_sig} -> {new_sig}", breaking)
        return
    w.add(f"{side}-property-type-changed", where, f"{old_sig} -> {new_sig}", True)


def _order_shift(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Existing fields whose position in the generated model's ``__init__`` changed."""
    before, after = _field_order(old), _field_order(new)
    return [name for i, name in enumerate(before) if name in after and after.index(name) != i]


def _compare_enum(
    w: _Walk, old: Mapping[str, Any], new: Mapping[str, Any], side: Side, location: str, *, open_enum: bool
) -> None:
    old_vals, new_vals = list(old.get("enum") or []), list(new.get("enum") or [])
    old_names = dict(zip(old_vals, old.get("x-enum-varnames") or [], strict=False))
    new_names = dict(zip(new_vals, new.get("x-enum-varnames") or [], strict=False))
    for value in new_vals:
        if value in old_vals:
            continue
        name = new_names.get(value)
        detail = f"{value!r}" + (f" ({name})" if name else "")
        if name and name in old_names.values():
            detail += f"; {name!r} is already used, so the generated member gets a suffixed name"
        if side == "request":
            w.add("request-enum-value-added", location, detail)
        else:
            if open_enum:
                detail += "; it used to parse as the plain value, now as an enum member (status texts change)"
            else:
                detail += " (closed enum: the old parser rejects it)"
            w.add("response-enum-value-added", location, detail, not open_enum)
    for value in old_vals:
        if value not in new_vals:
            w.add(f"{side}-enum-value-removed", location, f"{value!r}")
    for value in old_vals:
        if value in new_vals and old_names.get(value) != new_names.get(value):
            w.add("enum-member-renamed", location, f"{value!r}: {old_names.get(value)} -> {new_names.get(value)}")


# --- comparing operations --------------------------------------------------------------------------


def _operations(doc: Mapping[str, Any]) -> dict[str, tuple[Mapping[str, Any], list[Any]]]:
    out: dict[str, tuple[Mapping[str, Any], list[Any]]] = {}
    for path, item in (doc.get("paths") or {}).items():
        shared = list(item.get("parameters") or [])
        for method in HTTP_METHODS:
            if method in item:
                out[f"{method.upper()} {path}"] = (item[method], shared)
    return out


def _parameters(doc: Mapping[str, Any], op: Mapping[str, Any], shared: list[Any]) -> dict[str, Mapping[str, Any]]:
    params: dict[str, Mapping[str, Any]] = {}
    for raw in [*shared, *(op.get("parameters") or [])]:
        param, _ = _resolve(doc, raw)
        params[f"{param['in']}:{param['name']}"] = param
    return params


def _security(doc: Mapping[str, Any], op: Mapping[str, Any]) -> set[str]:
    reqs = op.get("security", doc.get("security")) or []
    return {name for req in reqs for name in req}


def _json_schema(doc: Mapping[str, Any], holder: Any) -> Any:
    holder, _ = _resolve(doc, holder)
    content = (holder or {}).get("content") or {}
    for media, body in content.items():
        if "json" in media or media.startswith("text/"):
            return body.get("schema")
    return None


_Operation = tuple[Mapping[str, Any], list[Any]]


def _compare_operation(w: _Walk, where: str, old: _Operation, new: _Operation) -> None:
    old_op, old_shared = old
    new_op, new_shared = new
    if old_op.get("operationId") != new_op.get("operationId"):
        w.add("operation-id-changed", where, f"{old_op.get('operationId')} -> {new_op.get('operationId')}")
    old_tag, new_tag = (old_op.get("tags") or [None])[0], (new_op.get("tags") or [None])[0]
    if old_tag != new_tag:
        w.add("operation-tag-changed", where, f"{old_tag} -> {new_tag}")
    old_sec, new_sec = _security(w.old, old_op), _security(w.new, new_op)
    if old_sec != new_sec:
        w.add("auth-changed", where, f"security {sorted(old_sec)} -> {sorted(new_sec)}", bool(new_sec) and not old_sec)
    old_params, new_params = _parameters(w.old, old_op, old_shared), _parameters(w.new, new_op, new_shared)
    for key in new_params.keys() - old_params.keys():
        required = bool(new_params[key].get("required"))
        w.add("parameter-added", f"{where} {key}", "required" if required else "optional", required)
    for key in old_params.keys() - new_params.keys():
        w.add("parameter-removed", f"{where} {key}", "")
    for key in sorted(old_params.keys() & new_params.keys()):
        was, now = bool(old_params[key].get("required")), bool(new_params[key].get("required"))
        if now and not was:
            w.add("parameter-made-required", f"{where} {key}", "optional -> required")
        elif was and not now:
            w.add("parameter-made-optional", f"{where} {key}", "required -> optional")
        old_s, new_s = old_params[key].get("schema"), new_params[key].get("schema")
        old_sig = _signature(w.old, _resolve(w.old, old_s)[0])
        new_sig = _signature(w.new, _resolve(w.new, new_s)[0])
        if old_sig != new_sig:
            w.add("parameter-type-changed", f"{where} {key}", f"{old_sig} -> {new_sig}")
        else:
            _compare_schema(w, old_s, new_s, "request", f"{where} {key}")
    old_body, new_body = old_op.get("requestBody"), new_op.get("requestBody")
    if new_body and not old_body:
        required = bool(_resolve(w.new, new_body)[0].get("required"))
        w.add("request-body-added", where, "required" if required else "optional", required)
    elif old_body and not new_body:
        w.add("request-body-removed", where, "")
    elif old_body and new_body:
        _compare_schema(w, _json_schema(w.old, old_body), _json_schema(w.new, new_body), "request", f"{where} body")
    old_resp, new_resp = old_op.get("responses") or {}, new_op.get("responses") or {}
    old_types = {_signature(w.old, _json_schema(w.old, r)) for r in old_resp.values()}
    for status in sorted(set(new_resp) - set(old_resp), key=str):
        body = _json_schema(w.new, new_resp[status])
        new_type = _signature(w.new, body)
        widens = body is not None and new_type not in old_types
        w.add("response-status-added", f"{where} {status}", f"body {new_type}" if body is not None else "", widens)
    for status in sorted(set(old_resp) - set(new_resp), key=str):
        w.add("response-status-removed", f"{where} {status}", "", str(status).startswith("2"))
    for status in sorted(set(old_resp) & set(new_resp), key=str):
        old_s, new_s = _json_schema(w.old, old_resp[status]), _json_schema(w.new, new_resp[status])
        if old_s is not None and new_s is not None:
            _compare_schema(w, old_s, new_s, "response", f"{where} {status}")
        elif old_s is not None or new_s is not None:
            w.add("response-property-type-changed", f"{where} {status}", "body schema added or removed", True)


def _without_prose(node: Any) -> dict[str, Any]:
    return {k: v for k, v in (node or {}).items() if k != "description"}


def compare(spec: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every change between two parsed revisions of one spec, classified."""
    w = _Walk(spec, old, new)
    old_ops, new_ops = _operations(old), _operations(new)
    for where in sorted(new_ops.keys() - old_ops.keys()):
        w.add("operation-added", where, str(new_ops[where][0].get("operationId")))
    for where in sorted(old_ops.keys() - new_ops.keys()):
        w.add("operation-removed", where, str(old_ops[where][0].get("operationId")))
    for where in sorted(old_ops.keys() & new_ops.keys()):
        _compare_operation(w, where, old_ops[where], new_ops[where])
    old_schemes = (old.get("components") or {}).get("securitySchemes") or {}
    new_schemes = (new.get("components") or {}).get("securitySchemes") or {}
    for name in sorted(set(old_schemes) | set(new_schemes)):
        if _without_prose(old_schemes.get(name)) != _without_prose(new_schemes.get(name)):
            w.add("auth-changed", f"#/components/securitySchemes/{name}", "scheme changed", True)
    old_servers = [s.get("url") for s in old.get("servers") or []]
    new_servers = [s.get("url") for s in new.get("servers") or []]
    if old_servers != new_servers:
        w.add("server-changed", "servers", f"{old_servers} -> {new_servers}")
    if not w.changes and old != new:
        w.add("documentation-changed", "", "no change to the generated API")
    return w.changes


def compare_schemas(
    spec: str, old_doc: Mapping[str, Any], old: Any, new_doc: Mapping[str, Any], new: Any, location: str
) -> list[Change]:
    """The changes between two schemas that no operation pairs (a vendor's table against ours)."""
    w = _Walk(spec, old_doc, new_doc)
    _compare_schema(w, old, new, "response", location)
    return w.changes


def changes_table(changes: list[Change]) -> str:
    """Changes as the markdown table the reports print: breaking ones first."""
    lines = ["| breaking | kind | location | detail |", "|---|---|---|---|"]
    for c in sorted(changes, key=lambda c: (not c.breaking, c.kind, c.location)):
        detail = c.detail.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| {'**yes**' if c.breaking else 'no'} | {c.kind} | `{c.location}` | {detail} |")
    return "\n".join(lines) + "\n"


# --- versions ----------------------------------------------------------------------------------------


def parse_version(text: str | None) -> tuple[int, int, int] | None:
    if not text:
        return None
    parts = str(text).split(".")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"client versions are MAJOR.MINOR.PATCH, got {text!r}")
    return int(parts[0]), int(parts[1]), int(parts[2])


def required_bump(changes: list[Change]) -> Bump:
    """major for any breaking change, minor for additions, patch for anything else, none for nothing."""
    if not changes:
        return "none"
    if any(c.breaking for c in changes):
        return "major"
    if any(c.kind in ADDITIONS for c in changes):
        return "minor"
    return "patch"


def bumped(version: tuple[int, int, int], bump: Bump) -> tuple[int, int, int]:
    major, minor, patch = version
    if bump == "major":
        return major + 1, 0, 0
    if bump == "minor":
        return major, minor + 1, 0
    if bump == "patch":
        return major, minor, patch + 1
    return version


def bump_given(old: tuple[int, int, int] | None, new: tuple[int, int, int] | None) -> Bump:
    """Which bump separates two versions (``none`` when equal or either is missing)."""
    if old is None or new is None or new <= old:
        return "none"
    if new[0] > old[0]:
        return "major"
    if new[1] > old[1]:
        return "minor"
    return "patch"


BUMP_ORDER = {"none": 0, "patch": 1, "minor": 2, "major": 3}


def spec_sha256(text: str) -> str:
    """SHA-256 of a spec's text, line endings normalised (a CRLF checkout is the same spec)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


# --- git -----------------------------------------------------------------------------------------------


def git_show(root: Path, ref: str, path: str) -> str | None:
    proc = subprocess.run(  # noqa: S603
        ["git", "show", f"{ref}:{path}"],  # noqa: S607
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    return proc.stdout if proc.returncode == 0 else None


def client_version(config_text: str | None) -> str | None:
    if not config_text:
        return None
    value = (yaml.safe_load(config_text) or {}).get("package_version_override")
    return None if value is None else str(value)


@dataclass
class SpecReport:
    """Everything ``spec_diff`` says about one spec."""

    spec: str
    changes: list[Change]
    old_version: str | None
    new_version: str | None
    required: Bump
    given: Bump
    typed_usage_ran: bool = False
    facade: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when a breaking change is not matched by a major bump."""
        return self.required != "major" or self.given == "major"


def diff_spec(
    root: Path, name: str, base: str, *, typed_usage: bool = True, facade_typecheck: bool = True
) -> SpecReport:
    """Compare ``specs/<name>.yaml`` at ``base`` with the working tree under ``root``."""
    root = root.resolve()
    old_text = git_show(root, base, f"specs/{name}.yaml")
    new_text = (root / "specs" / f"{name}.yaml").read_text(encoding="utf-8")
    old_version = client_version(git_show(root, base, f"specs/config/{name}.yaml"))
    new_version = client_version((root / "specs" / "config" / f"{name}.yaml").read_text(encoding="utf-8"))
    if old_text is None:
        changes = [Change(name, "operation-added", "", False, f"new spec (absent at {base})")]
    elif old_text == new_text:
        changes = []
    else:
        changes = compare(name, yaml.safe_load(old_text), yaml.safe_load(new_text))
    ran = False
    facade_code: list[str] = []
    if typed_usage and changes and old_text is not None:
        from tools import typed_usage as tu

        usage = tu.check(root, name, base, facade=facade_typecheck)
        changes += [Change(name, "python-api-break", b.name, True, b.message) for b in usage.api]
        facade_code = [f"{b.name} no longer type-checks: {b.message}" for b in usage.facade]
        ran = True
    given = bump_given(parse_version(old_version), parse_version(new_version))
    facade = [str(d) for d in facade_drift(root) if d.spec == name] if changes else []
    facade += facade_code
    return SpecReport(name, changes, old_version, new_version, required_bump(changes), given, ran, facade)


def facade_drift(root: Path) -> list[Any]:
    """The facade tables the working tree's specs leave behind (empty when orderbridge is not installed)."""
    try:
        from tools import facade_ties
    except ImportError:  # pragma: no cover - orderbridge not installed: nothing to say about it
        return []
    try:
        return list(facade_ties.check(root / "specs"))
    except ImportError:  # pragma: no cover
        return []


# --- output ----------------------------------------------------------------------------------------------


def to_markdown(reports: list[SpecReport], base: str) -> str:
    lines = [f"# Spec changes: `{base}` -> working tree", ""]
    for r in reports:
        verdict = "OK" if r.ok else "FAIL: breaking change without a major version bump"
        lines.append(f"## {r.spec}: {len(r.changes)} change(s), needs **{r.required}** bump")
        lines.append("")
        lines.append(f"client version {r.old_version or '-'} -> {r.new_version or '-'} ({r.given} bump); {verdict}")
        if not r.changes:
            lines += ["", "No change.", ""]
            continue
        lines += ["", changes_table(r.changes)]
        if r.facade:
            lines += ["### What it means for orderbridge: facade tables and code to update", ""]
            lines += [f"- {d}" for d in r.facade]
            lines.append("")
    return "\n".join(lines)


def iter_changes(reports: list[SpecReport]) -> Iterator[Change]:
    for r in reports:
        yield from r.changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="name", help=f"specs: {', '.join(SPEC_NAMES)} (default: all)")
    parser.add_argument("--base", default="HEAD", help="git revision to compare with (default HEAD)")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument("--no-typed-usage", action="store_true", help="skip the mypy check of the Python API")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    names = args.names or list(SPEC_NAMES)
    unknown = sorted(set(names) - set(SPEC_NAMES))
    if unknown:
        parser.error(f"unknown spec(s): {', '.join(unknown)}")
    reports = [diff_spec(args.root, n, args.base, typed_usage=not args.no_typed_usage) for n in names]
    if args.format == "json":
        print(json.dumps([c.as_dict() for c in iter_changes(reports)], indent=2))
    else:
        print(to_markdown(reports, args.base))
    failed = [r for r in reports if not r.ok]
    for r in failed:
        print(
            f"{r.spec}: breaking change(s) need a major bump of {r.spec}-client (now {r.new_version}); "
            f"run `nox -s release -- --base {args.base} {r.spec}`",
            file=sys.stderr,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
