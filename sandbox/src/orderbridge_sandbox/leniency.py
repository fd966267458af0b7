"""What a real broker accepts beyond the letter of its spec, as data, and the one mechanism that
applies it.

The specs say what a client should send; the brokers' servers accept more. TopstepX's gateway is
ASP.NET Core: its routing matches a path in any case and its JSON model binding matches property
names in any case and skips properties it does not know. TradeStation's v2 examples send
``POST /v2/Security/Authorize``, numbers where the schema says decimal strings, and mixed-case
``TradeAction`` values. A client written from those examples works against the broker, so it
should work against the sandbox.

Each broker package declares its :class:`Leniency` in ``leniency.py``: which allowances apply,
each an :class:`Allowance` that cites the vendor's framework or example it rests on. The pipeline
(:meth:`orderbridge_sandbox.Sandbox.process`) calls :meth:`Leniency.apply` before validation: the
request is rewritten into the spelling the spec declares (the template's path case, the schema's
property names, its enum values, decimal text for a number), then validated, handled and (in
strict mode) its answer checked exactly as a spec-exact request would be. What no allowance covers
is refused as before, in the broker's own error shape, naming the field.

``Sandbox(strict=True)`` turns every allowance off (the spec's letter both ways), which is what
the facade's own tests rely on; ``Sandbox(strict=True, lenient=True)`` checks answers strictly
while accepting what the broker accepts.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import httpx

from . import spec
from .wire import Call, dumps


@dataclasses.dataclass(frozen=True)
class Allowance:
    """One thing a broker accepts beyond its spec's letter.

    Attributes:
        what: what is accepted, in a sentence.
        source: the vendor's framework behaviour or example it is based on (document and place).
    """

    what: str
    source: str


@dataclasses.dataclass(frozen=True)
class Leniency:
    """A broker's allowances (all off by default).

    Attributes:
        path_case: literal path segments match in any case (``/v2/Security/Authorize``).
        property_case: JSON property names match the schema's in any case (``AccountId``).
        unknown_properties: JSON properties the schema does not name are skipped, not refused.
        numbers_as_text: property name -> a JSON number is read as its decimal text where the
            schema asks for a string (``"Quantity": 10`` -> ``"10"``).
        enum_case: property name -> a string is matched to the schema's enum values in any case
            (``"Buy"`` -> ``"BUY"``).
    """

    path_case: Allowance | None = None
    property_case: Allowance | None = None
    unknown_properties: Allowance | None = None
    numbers_as_text: Mapping[str, Allowance] = dataclasses.field(default_factory=dict)
    enum_case: Mapping[str, Allowance] = dataclasses.field(default_factory=dict)

    def allowances(self) -> list[tuple[str, Allowance]]:
        """Every allowance with what it applies to (``path_case``, ``numbers_as_text:Quantity`` ...)."""
        found: list[tuple[str, Allowance]] = []
        for name in ("path_case", "property_case", "unknown_properties"):
            allowance = getattr(self, name)
            if allowance is not None:
                found.append((name, allowance))
        found += [(f"numbers_as_text:{k}", v) for k, v in self.numbers_as_text.items()]
        found += [(f"enum_case:{k}", v) for k, v in self.enum_case.items()]
        return found

    def apply(self, call: Call, template: str) -> Call:
        """``call`` as the spec spells it (path case, property names, enum values, decimal text);
        the same ``call`` when no allowance changes anything. ``template`` is the spec path the
        request matched."""
        path = self._path(call, template) if self.path_case is not None else None
        body = call.body
        if isinstance(body, dict | list) and "json" in call.headers.get("content-type", "json").lower():
            schema = _body_schema(call.broker, call.operation)
            if schema is not None:
                body = self._walk(spec.load_spec(call.broker), body, schema)
        if path is None and body == call.body:
            return call
        old = call.request
        url = old.url if path is None else old.url.copy_with(raw_path=path.encode("ascii"))
        headers = [(k, v) for k, v in old.headers.multi_items() if k.lower() != "content-length"]
        content = dumps(body).encode() if body != call.body else old.content
        request = httpx.Request(old.method, url, headers=headers, content=content, extensions=old.extensions)
        return dataclasses.replace(call, request=request, body=body)

    # -- the path ---------------------------------------------------------------------------------
    @staticmethod
    def _path(call: Call, template: str) -> str | None:
        """The raw path with each literal segment spelled as in ``template`` (None: unchanged)."""
        raw = call.request.url.raw_path.decode("ascii", "replace")
        bare, question, query = raw.partition("?")
        parts = bare.split("/")
        literal = template.split("/")
        # the first part is empty and the second the broker prefix; the rest lines up with the template
        tail = parts[2:]
        wanted = literal[1:]
        if len(tail) != len(wanted):
            return None
        fixed = [t if ("{" in w or t == w) else w for t, w in zip(tail, wanted, strict=True)]
        if fixed == tail:
            return None
        return "/".join([*parts[:2], *fixed]) + question + query

    # -- the body ---------------------------------------------------------------------------------
    def _walk(self, doc: Mapping[str, Any], value: Any, schema: Any) -> Any:
        if isinstance(value, list):
            items = _items(doc, schema)
            return [self._walk(doc, v, items) for v in value] if items is not None else value
        if not isinstance(value, dict):
            return value
        props = _properties(doc, schema, value)
        if props is None:
            return value
        folded = {name.lower(): name for name in props}
        out: dict[str, Any] = {}
        for key, item in value.items():
            name = key if key in props else None
            if name is None and self.property_case is not None and isinstance(key, str):
                name = folded.get(key.lower())
            if name is None:
                if self.unknown_properties is None:
                    out[key] = item
                continue
            out[name] = self._field(doc, name, item, props[name])
        return out

    def _field(self, doc: Mapping[str, Any], name: str, value: Any, schema: Any) -> Any:
        if name in self.enum_case and isinstance(value, str):
            for option in _enum(doc, schema):
                if isinstance(option, str) and option.lower() == value.lower():
                    return option
        if name in self.numbers_as_text and isinstance(value, int | Decimal) and not isinstance(value, bool):
            kinds = _types(doc, schema)
            if "string" in kinds and not kinds & {"number", "integer"}:
                return str(value)
        return self._walk(doc, value, schema)


STRICT = Leniency()
"""No allowance: the spec's letter."""


@functools.cache
def _body_schema(broker: str, operation: str) -> Any:
    """The JSON request-body schema of ``operation`` (None when it takes no JSON body)."""
    doc = spec.load_spec(broker)
    for item in doc["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation:
                body = _resolve(doc, op.get("requestBody", {}))
                content = body.get("content", {}) if isinstance(body, dict) else {}
                media = content.get("application/json")
                return media.get("schema") if isinstance(media, dict) else None
    return None


def _resolve(doc: Mapping[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
        target: Any = doc
        for part in node["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _branches(doc: Mapping[str, Any], schema: Any) -> list[Any]:
    """``schema`` and the alternatives it lists (``oneOf``/``anyOf``/``allOf``), resolved."""
    node = _resolve(doc, schema)
    if not isinstance(node, dict):
        return []
    out = [node]
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in node.get(key, []):
            out.extend(_branches(doc, branch))
    return out


def _properties(doc: Mapping[str, Any], schema: Any, value: Mapping[str, Any]) -> dict[str, Any] | None:
    """The properties of the object alternative that best fits ``value`` (most names in common,
    in any case), plus those every alternative shares through ``allOf``."""
    node = _resolve(doc, schema)
    if not isinstance(node, dict):
        return None
    keys = {str(k).lower() for k in value}
    own: dict[str, Any] = {}
    for branch in [node, *(b for part in node.get("allOf", []) for b in _branches(doc, part))]:
        own.update(branch.get("properties") or {})
    choices = [b for key in ("oneOf", "anyOf") for b in node.get(key, [])]
    best: dict[str, Any] = {}
    best_score = -1
    for choice in choices:
        props = _properties(doc, choice, value) or {}
        score = len(keys & {p.lower() for p in props})
        if props and score > best_score:
            best, best_score = props, score
    merged = {**own, **best}
    return merged or None


def _items(doc: Mapping[str, Any], schema: Any) -> Any:
    for branch in _branches(doc, schema):
        if "items" in branch:
            return branch["items"]
    return None


def _types(doc: Mapping[str, Any], schema: Any) -> set[str]:
    kinds: set[str] = set()
    for branch in _branches(doc, schema):
        kind = branch.get("type")
        kinds.update([kind] if isinstance(kind, str) else kind if isinstance(kind, list) else [])
        if "const" in branch and isinstance(branch["const"], str):
            kinds.add("string")
    return kinds


def _enum(doc: Mapping[str, Any], schema: Any) -> list[Any]:
    return [option for branch in _branches(doc, schema) for option in branch.get("enum", [])]
