"""The facade's per-broker tables follow the specs (tools/facade_ties.py names the table to update).

A spec change the facade must follow fails here: a request property the extras allow-list does
not cover, an enum value a facade map sends that the spec dropped, an error code no outcome table
classifies, a capability that disagrees with the operations the spec has.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import facade_ties

ROOT = Path(__file__).resolve().parents[2]


SPECS = ROOT / "specs"


@pytest.mark.parametrize("tie", facade_ties.EXTRAS, ids=lambda t: t.table)
def test_extras_allow_list_covers_the_request_schema(tie: facade_ties.ExtrasTie) -> None:
    drifts = [d for d in facade_ties.check_extras(SPECS) if tie.schema in d.problem and tie.spec == d.spec]
    assert not drifts, "\n".join(map(str, drifts))


@pytest.mark.parametrize("tie", facade_ties.ENUMS, ids=lambda t: t.table)
def test_enum_map_sends_only_spec_values(tie: facade_ties.EnumTie) -> None:
    drifts = [d for d in facade_ties.check_enums(SPECS) if d.table == tie.table]
    assert not drifts, "\n".join(map(str, drifts))


@pytest.mark.parametrize("tie", facade_ties.OUTCOMES, ids=lambda t: f"{t.spec}.{t.schema}")
def test_outcome_table_classifies_every_documented_code(tie: facade_ties.OutcomeTie) -> None:
    drifts = [d for d in facade_ties.check_outcomes(SPECS) if tie.schema in d.problem]
    assert not drifts, "\n".join(map(str, drifts))


def test_capabilities_match_the_operations_each_spec_has() -> None:
    drifts = facade_ties.check_capabilities(SPECS)
    assert not drifts, "\n".join(map(str, drifts))


def test_every_tied_table_exists() -> None:
    names = [t.table for t in facade_ties.EXTRAS] + [t.table for t in facade_ties.ENUMS]
    names += [t.definitive for t in facade_ties.OUTCOMES] + [t.unknown for t in facade_ties.OUTCOMES if t.unknown]
    for name in names:
        assert facade_ties.table(name), name


@pytest.fixture
def specs_copy(tmp_path: Path) -> Path:
    target = tmp_path / "specs"
    shutil.copytree(SPECS, target)
    return target


def _edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def test_a_new_error_code_names_both_outcome_tables(specs_copy: Path) -> None:
    def add_code(doc: dict[str, Any]) -> None:
        enum = doc["components"]["schemas"]["PlaceOrderErrorCode"]
        enum["enum"].append(11)
        enum["x-enum-varnames"].append("PriceOutOfBand")

    _edit(specs_copy / "topstepx.yaml", add_code)
    (drift,) = facade_ties.check_outcomes(specs_copy)
    assert drift.table == (
        "orderbridge.brokers.topstepx.adapter.PLACE_DEFINITIVE / orderbridge.brokers.topstepx.adapter.PLACE_UNKNOWN"
    )
    assert "code 11 (PriceOutOfBand)" in drift.problem


def test_a_new_operation_names_the_capability(specs_copy: Path) -> None:
    def add_cancel(doc: dict[str, Any]) -> None:
        doc["paths"]["/accounts/{account_id}/orders/{order_id}/cancel"] = {
            "post": {"operationId": "cancel_order", "tags": ["Orders"], "responses": {"204": {"description": "ok"}}}
        }

    _edit(specs_copy / "sophic.yaml", add_cancel)
    (drift,) = facade_ties.check_capabilities(specs_copy)
    assert drift.table == "orderbridge/brokers/sophic/broker.toml: capabilities.cancel"
    assert "now has operation cancel_order" in drift.problem
