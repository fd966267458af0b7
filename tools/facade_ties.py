"""Which facade table follows which part of a spec, and what drifted.

The facade keeps per-broker tables as data (extras allow-lists, enum maps, outcome tables,
capabilities). Each table below is tied to the spec element it must follow; ``check`` reads the
specs from a directory and returns one :class:`Drift` per table a spec change left behind, naming
the table to update. ``tests/facade/test_spec_ties.py`` runs it on ``specs/``; ``spec_diff``
reports it for the working tree, so a maintainer sees what a broker's change means for orderbridge.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Drift:
    """One facade table out of step with its spec."""

    table: str
    spec: str
    problem: str

    def __str__(self) -> str:
        return f"{self.table} (specs/{self.spec}.yaml): {self.problem}"


@dataclass(frozen=True)
class ExtrasTie:
    """A request schema and the adapter fields that cover its properties.

    ``mapped``: properties the adapter fills from ``Order`` itself; ``not_sent``: properties the
    facade deliberately never sends, with the reason. Every other property must be in the extras
    allow-list, and the allow-list may name nothing else.
    """

    spec: str
    schema: str
    table: str
    mapped: frozenset[str]
    not_sent: Mapping[str, str]


@dataclass(frozen=True)
class EnumTie:
    """A facade map whose values go on the wire as values of a spec enum."""

    spec: str
    schema: str
    table: str


@dataclass(frozen=True)
class OutcomeTie:
    """An error-code enum and the facade tables that classify every documented code.

    ``definitive``: codes that raise ``OrderRejected``; ``unknown``: codes deliberately left as
    ``OutcomeUnknown``. ``success`` lists the codes that mean success (never classified).
    """

    spec: str
    schema: str
    definitive: str
    unknown: str | None
    success: frozenset[Any]


@dataclass(frozen=True)
class CapabilityTie:
    """A capability flag that is true exactly when the broker's spec has the operation."""

    capability: str
    operation_id: str


EXTRAS = (
    ExtrasTie(
        "topstepx",
        "PlaceOrderRequest",
        "orderbridge.brokers.topstepx.adapter.EXTRAS",
        frozenset(
            {"accountId", "contractId", "type", "side", "size", "limitPrice", "stopPrice", "trailPrice", "customTag"}
        ),
        {},
    ),
    ExtrasTie(
        "crosstrade",
        "PlaceOrderRequest",
        "orderbridge.brokers.crosstrade.adapter.EXTRAS",
        frozenset(
            {"instrument", "action", "quantity", "orderType", "timeInForce", "limitPrice", "stopPrice", "orderId"}
        ),
        {},
    ),
    ExtrasTie(
        "tradestation",
        "OrderRequest",
        "orderbridge.brokers.tradestation.adapter.EXTRAS_V2",
        frozenset(
            {
                "AccountKey",
                "Symbol",
                "Quantity",
                "OrderType",
                "TradeAction",
                "Duration",
                "GTDDate",
                "LimitPrice",
                "StopPrice",
                "OrderConfirmId",
            }
        ),
        {"OrderID": "identifies the order to replace; replace_order is not a placement"},
    ),
    ExtrasTie(
        "tradestation",
        "GlobalOrderRequest",
        "orderbridge.brokers.tradestation.adapter.EXTRAS_GLOBAL",
        frozenset(
            {
                "OrderConfirmId",
                "AccountId",
                "Symbol",
                "Quantity",
                "LimitPrice",
                "StopPrice",
                "Type",
                "TimeInForce",
                "Side",
            }
        ),
        {"TimeInForceExpiration": "GTD is refused with APIVersion 20150101 (NotSupported); use 20160101"},
    ),
    ExtrasTie(
        "sophic",
        "PlaceOrderRequest",
        "orderbridge.brokers.sophic.adapter.EXTRAS",
        frozenset({"instrument", "order_type", "side", "cash_amount", "quantity"}),
        {},
    ),
)

ENUMS = (
    EnumTie("topstepx", "OrderSide", "orderbridge.brokers.topstepx.adapter.SIDES"),
    EnumTie("topstepx", "OrderType", "orderbridge.brokers.topstepx.adapter.TYPES"),
    EnumTie("crosstrade", "OrderAction", "orderbridge.brokers.crosstrade.adapter.ACTIONS"),
    EnumTie("crosstrade", "OrderType", "orderbridge.brokers.crosstrade.adapter.TYPES"),
    EnumTie("crosstrade", "TimeInForce", "orderbridge.brokers.crosstrade.adapter.TIME_IN_FORCE"),
    EnumTie("tradestation", "TradeAction", "orderbridge.brokers.tradestation.adapter.TRADE_ACTIONS"),
    EnumTie("tradestation", "OrderType", "orderbridge.brokers.tradestation.adapter.ORDER_TYPES"),
    EnumTie("tradestation", "Duration", "orderbridge.brokers.tradestation.adapter.DURATIONS"),
    EnumTie("tradestation", "GlobalSide", "orderbridge.brokers.tradestation.adapter.GLOBAL_SIDES"),
    EnumTie("tradestation", "TimeInForce", "orderbridge.brokers.tradestation.adapter.GLOBAL_TIME_IN_FORCE"),
    EnumTie("sophic", "OrderSide", "orderbridge.brokers.sophic.adapter.SIDES"),
)

OUTCOMES = (
    OutcomeTie(
        "topstepx",
        "PlaceOrderErrorCode",
        "orderbridge.brokers.topstepx.adapter.PLACE_DEFINITIVE",
        "orderbridge.brokers.topstepx.adapter.PLACE_UNKNOWN",
        frozenset({0}),
    ),
    OutcomeTie(
        "topstepx",
        "CancelOrderErrorCode",
        "orderbridge.brokers.topstepx.adapter.CANCEL_DEFINITIVE",
        "orderbridge.brokers.topstepx.adapter.CANCEL_UNKNOWN",
        frozenset({0}),
    ),
    OutcomeTie(
        "tradestation",
        "OrderResultStatus",
        "orderbridge.brokers.tradestation.adapter.FAILED",
        None,
        frozenset({"Ok"}),
    ),
    OutcomeTie(
        "tradestation",
        "GlobalOrderResultStatus",
        "orderbridge.brokers.tradestation.adapter.FAILED",
        None,
        frozenset({"Success"}),
    ),
)

CAPABILITIES = (CapabilityTie("cancel", "cancel_order"),)
BROKERS = ("topstepx", "crosstrade", "tradestation", "sophic")


def table(path: str) -> Any:
    """The object at a dotted path such as ``orderbridge.brokers.topstepx.adapter.EXTRAS``."""
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _load(specs_dir: Path, spec: str, cache: dict[str, Any]) -> Any:
    if spec not in cache:
        cache[spec] = yaml.safe_load((specs_dir / f"{spec}.yaml").read_text(encoding="utf-8"))
    return cache[spec]


def _schema(doc: Any, name: str) -> Mapping[str, Any] | None:
    found = ((doc.get("components") or {}).get("schemas") or {}).get(name)
    return found if isinstance(found, Mapping) else None


def _operation_ids(doc: Any) -> set[str]:
    return {
        str(op["operationId"])
        for item in (doc.get("paths") or {}).values()
        for op in item.values()
        if isinstance(op, Mapping) and "operationId" in op
    }


def check_extras(specs_dir: Path, cache: dict[str, Any] | None = None) -> list[Drift]:
    cache = {} if cache is None else cache
    out = []
    for tie in EXTRAS:
        schema = _schema(_load(specs_dir, tie.spec, cache), tie.schema)
        if schema is None:
            out.append(Drift(tie.table, tie.spec, f"request schema {tie.schema} is gone; find what replaced it"))
            continue
        props = set(schema.get("properties") or {})
        allowed = set(table(tie.table))
        for name in sorted(props - tie.mapped - set(tie.not_sent) - allowed):
            out.append(Drift(tie.table, tie.spec, f"{tie.schema} has property {name!r} the facade cannot send: add it"))
        for name in sorted(allowed - props):
            out.append(Drift(tie.table, tie.spec, f"{name!r} is no longer a property of {tie.schema}: remove it"))
        for name in sorted((tie.mapped | set(tie.not_sent)) - props):
            out.append(
                Drift(
                    f"tools/facade_ties.py EXTRAS[{tie.schema}] and the adapter's mapping",
                    tie.spec,
                    f"{name!r} is no longer a property of {tie.schema}",
                )
            )
    return out


def check_enums(specs_dir: Path, cache: dict[str, Any] | None = None) -> list[Drift]:
    cache = {} if cache is None else cache
    out = []
    for tie in ENUMS:
        schema = _schema(_load(specs_dir, tie.spec, cache), tie.schema)
        if schema is None or "enum" not in schema:
            out.append(Drift(tie.table, tie.spec, f"enum {tie.schema} is gone"))
            continue
        values = list(schema["enum"])
        for key, value in dict(table(tie.table)).items():
            if value not in values:
                out.append(
                    Drift(
                        tie.table, tie.spec, f"maps {key!r} to {value!r}, which {tie.schema} no longer lists: {values}"
                    )
                )
    return out


def check_outcomes(specs_dir: Path, cache: dict[str, Any] | None = None) -> list[Drift]:
    cache = {} if cache is None else cache
    out = []
    for tie in OUTCOMES:
        schema = _schema(_load(specs_dir, tie.spec, cache), tie.schema)
        names = tie.definitive if tie.unknown is None else f"{tie.definitive} / {tie.unknown}"
        if schema is None or "enum" not in schema:
            out.append(Drift(names, tie.spec, f"error-code enum {tie.schema} is gone"))
            continue
        codes = set(schema["enum"]) - tie.success
        definitive = set(table(tie.definitive))
        unknown = set(table(tie.unknown)) if tie.unknown else set()
        labels = dict(zip(schema["enum"], schema.get("x-enum-varnames") or [], strict=False))
        for code in sorted(codes - definitive - unknown, key=str):
            label = f" ({labels[code]})" if code in labels else ""
            out.append(
                Drift(
                    names,
                    tie.spec,
                    f"{tie.schema} code {code!r}{label} is classified neither definitive nor deliberately unknown",
                )
            )
        for code in sorted((definitive | unknown) - set(schema["enum"]), key=str):
            if tie.unknown is None and code not in codes:
                continue
            out.append(Drift(names, tie.spec, f"classifies {code!r}, which {tie.schema} no longer documents"))
        for code in sorted(definitive & unknown, key=str):
            out.append(Drift(names, tie.spec, f"{code!r} is both definitive and unknown"))
    return out


def check_capabilities(specs_dir: Path, cache: dict[str, Any] | None = None) -> list[Drift]:
    from orderbridge import capabilities  # heavy; only this check needs the facade

    cache = {} if cache is None else cache
    out = []
    for broker in BROKERS:
        ops = _operation_ids(_load(specs_dir, broker, cache))
        caps = capabilities(broker)
        for tie in CAPABILITIES:
            declared = bool(getattr(caps, tie.capability))
            present = tie.operation_id in ops
            if declared != present:
                where = f"orderbridge/brokers/{broker}/broker.toml: capabilities.{tie.capability}"
                if present:
                    problem = f"says no {tie.capability}, but the spec now has operation {tie.operation_id}"
                else:
                    problem = f"says {tie.capability}, but the spec has no operation {tie.operation_id}"
                out.append(Drift(where, broker, problem))
    return out


def check(specs_dir: Path) -> list[Drift]:
    """Every facade table out of step with the specs under ``specs_dir``."""
    cache: dict[str, Any] = {}
    return [
        *check_extras(specs_dir, cache),
        *check_enums(specs_dir, cache),
        *check_outcomes(specs_dir, cache),
        *check_capabilities(specs_dir, cache),
    ]


if __name__ == "__main__":
    import sys

    found = check(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "specs")
    for drift in found:
        print(drift)
    sys.exit(1 if found else 0)
