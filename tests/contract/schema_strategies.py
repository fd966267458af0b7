"""Hypothesis strategies for the JSON-Schema subset the specs' request bodies use.

Supported: ``$ref`` (recursion cut after one level: an optional property or an array that would
recurse again is left out or empty), ``type`` (one or a list), ``enum``, ``const``,
``properties``/``required``/``additionalProperties: false`` (no extra keys are generated),
``anyOf``/``oneOf``/``allOf``, ``if``/``then``/``else`` with ``not: {required: [...]}``, ``items``
with ``minItems``/``maxItems``, ``minimum``/``maximum``, ``minLength``/``maxLength``, ``pattern``
(:func:`hypothesis.strategies.from_regex`, falling back to filtering when the pattern uses what
``from_regex`` cannot generate), and the formats ``decimal``, ``date-time``, ``date``, ``int32``
and ``int64``. Every strategy :func:`body_strategy` returns is filtered through the full JSON
Schema validator, so an approximation here can cost examples but never produce an invalid body.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from . import spec_contract as sc

INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
TEXT = st.characters(exclude_categories=["Cs"])


class Unsatisfiable(Exception):
    """The schema cannot be generated within the recursion limit."""


def _decimal_text() -> st.SearchStrategy[str]:
    places = st.integers(min_value=0, max_value=5)
    return st.builds(
        lambda value, n: format(Decimal(value).scaleb(-n), "f"),
        st.integers(min_value=-(10**9), max_value=10**9),
        places,
    )


def _date_time() -> st.SearchStrategy[str]:
    moments = st.datetimes(
        min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
    )
    return moments.map(lambda m: m.isoformat().replace("+00:00", "Z"))


def _string(schema: dict[str, Any]) -> st.SearchStrategy[str]:
    min_len = int(schema.get("minLength", 0))
    max_len = schema.get("maxLength")
    fmt = schema.get("format")
    pattern = schema.get("pattern")
    base: st.SearchStrategy[str]
    if pattern is not None:
        base = _from_regex(pattern)
    elif fmt == "decimal":
        base = _decimal_text()
    elif fmt == "date-time":
        base = _date_time()
    elif fmt == "date":
        base = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)).map(dt.date.isoformat)
    else:
        base = st.text(TEXT, min_size=min_len, max_size=max_len if max_len is not None else max(min_len, 12))
    if min_len or max_len is not None:
        base = base.filter(lambda s: len(s) >= min_len and (max_len is None or len(s) <= max_len))
    return base


def _from_regex(pattern: str) -> st.SearchStrategy[str]:
    # ASCII only: JSON Schema patterns are ECMA-262, where \d is [0-9] (Python's re would also
    # take other scripts' digits).
    try:
        strategy = st.from_regex(pattern, fullmatch=True, alphabet=st.characters(codec="ascii"))
        strategy.validate()
        return strategy
    except Exception:  # a construct from_regex cannot generate: generate text, keep what matches
        compiled = re.compile(pattern)
        return st.text(TEXT, max_size=12).filter(lambda s: compiled.search(s) is not None)


def _integer(schema: dict[str, Any]) -> st.SearchStrategy[int]:
    low, high = INT_RANGES.get(schema.get("format", ""), INT_RANGES["int64"])
    if "minimum" in schema:
        low = max(low, int(schema["minimum"]))
    if "maximum" in schema:
        high = min(high, int(schema["maximum"]))
    return st.integers(min_value=low, max_value=high)


def _number(schema: dict[str, Any]) -> st.SearchStrategy[float]:
    return st.floats(
        min_value=schema.get("minimum"),
        max_value=schema.get("maximum"),
        allow_nan=False,
        allow_infinity=False,
    )


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``allOf: [base, extra]`` for object schemas: properties narrowed, ``required`` joined,
    ``not: {required: [...]}`` turned into forbidden properties."""
    merged = {k: v for k, v in base.items() if k not in ("if", "then", "else", "allOf")}
    props = dict(base.get("properties") or {})
    for name, sub in (extra.get("properties") or {}).items():
        props[name] = sub if name not in props else {"allOf": [props[name], sub]}
    merged["properties"] = props
    merged["required"] = sorted(set(base.get("required") or []) | set(extra.get("required") or []))
    forbidden = set(base.get("x-forbidden") or [])
    negated = extra.get("not") or {}
    if set(negated) == {"required"}:
        forbidden |= set(negated["required"])
    merged["x-forbidden"] = sorted(forbidden)
    return merged


class Builder:
    """Builds strategies for one spec (resolving ``$ref`` against it)."""

    def __init__(self, view: sc.SpecView, max_recursion: int = 1) -> None:
        self.view = view
        self.max_recursion = max_recursion

    def build(self, schema: dict[str, Any], stack: tuple[str, ...] = ()) -> st.SearchStrategy[Any]:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            if stack.count(ref) > self.max_recursion:
                raise Unsatisfiable(ref)
            target, _ = self.view.resolve(schema, "")
            return self.build(target, (*stack, ref))
        if "const" in schema:
            return st.just(schema["const"])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        if "allOf" in schema:
            merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
            for sub in schema["allOf"]:
                sub, _ = self.view.resolve(sub, "")
                if "const" in sub or "enum" in sub:
                    return self.build(sub, stack)
                merged = _merge(merged, sub)
            return self.build(merged, stack)
        if "if" in schema:
            cond = schema["if"]
            then = _merge(_merge(schema, cond), schema.get("then") or {})
            other = _merge(schema, schema.get("else") or {})
            return st.one_of(self.build(then, stack), self.build(other, stack))
        for key in ("anyOf", "oneOf"):
            if key in schema:
                options = []
                for sub in schema[key]:
                    try:
                        options.append(self.build(sub, stack))
                    except Unsatisfiable:
                        continue
                if not options:
                    raise Unsatisfiable(key)
                return st.one_of(options)
        kind = schema.get("type")
        if kind is None:
            kind = "object" if "properties" in schema else "array" if "items" in schema else "string"
        if isinstance(kind, list):
            return st.one_of([self.build({**schema, "type": k}, stack) for k in kind])
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind == "integer":
            return _integer(schema)
        if kind == "number":
            return _number(schema)
        if kind == "string":
            return _string(schema)
        if kind == "array":
            return self._array(schema, stack)
        if kind == "object":
            return self._object(schema, stack)
        raise ValueError(f"unsupported schema type {kind!r}")

    def _array(self, schema: dict[str, Any], stack: tuple[str, ...]) -> st.SearchStrategy[list[Any]]:
        min_items = int(schema.get("minItems", 0))
        max_items = min(int(schema.get("maxItems", 3)), max(min_items, 3))
        try:
            items = self.build(schema.get("items") or {}, stack)
        except Unsatisfiable:
            if min_items:
                raise
            return st.just([])
        return st.lists(items, min_size=min_items, max_size=max_items)

    def _object(self, schema: dict[str, Any], stack: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
        required = set(schema.get("required") or [])
        forbidden = set(schema.get("x-forbidden") or [])
        fixed: dict[str, st.SearchStrategy[Any]] = {}
        optional: dict[str, st.SearchStrategy[Any]] = {}
        for name, sub in (schema.get("properties") or {}).items():
            if name in forbidden:
                continue
            try:
                strategy = self.build(sub, stack)
            except Unsatisfiable:
                if name in required:
                    raise
                continue
            (fixed if name in required else optional)[name] = strategy
        return st.fixed_dictionaries(fixed, optional=optional)


def body_strategy(view: sc.SpecView, pointer: str) -> st.SearchStrategy[Any]:
    """Values for the schema at ``pointer``, each one valid against it (JSON Schema 2020-12 with
    ``format: decimal`` checked)."""
    return Builder(view).build(view.at(pointer)).filter(lambda value: view.is_valid(pointer, value))
