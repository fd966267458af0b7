"""tools/vendor_drift.py: the committed snapshots pass, and each kind of vendor change fails by name.

Each test copies specs/ to a scratch directory, edits the vendor snapshot there as a vendor would
edit its document, and runs the drift check on the copy (no generator, no git, no network).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import vendor_drift

ROOT = Path(__file__).resolve().parents[2]
TS_SNAPSHOT = Path("vendor/tradestation/swagger.normalised.json")


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    copy = tmp_path / "specs"
    copy.mkdir()
    for name in vendor_drift.SPEC_NAMES:
        shutil.copy(ROOT / "specs" / f"{name}.yaml", copy / f"{name}.yaml")
    shutil.copytree(ROOT / "specs" / "vendor", copy / "vendor")
    shutil.copytree(ROOT / "specs" / "divergences", copy / "divergences")
    return copy


def _edit_snapshot(specs: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    path = specs / TS_SNAPSHOT
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")


def _undeclared(specs: Path, broker: str = "tradestation") -> list[str]:
    report = vendor_drift.drift(broker, specs_dir=specs)
    assert not report.ok
    return [f"{v.change.kind} {vendor_drift._place(v.change)}" for v in report.undeclared]


@pytest.mark.parametrize("broker", vendor_drift.SPEC_NAMES)
def test_committed_snapshots_have_every_difference_declared(broker: str) -> None:
    report = vendor_drift.drift(broker, specs_dir=ROOT / "specs")
    assert report.undeclared == [], [v.change for v in report.undeclared]
    assert report.stale == []


def test_tradestation_coverage_counts_every_vendor_item() -> None:
    report = vendor_drift.drift("tradestation", specs_dir=ROOT / "specs")
    cov = report.coverage
    assert cov.total["operations"] == 25 + 1  # 25 swagger paths, one with both PUT and DELETE
    for what in ("operations", "fields", "enum values"):
        assert cov.covered[what] > 0
        assert cov.covered[what] + cov.declared[what] == cov.total[what]


def test_a_new_vendor_operation_fails_naming_it(specs: Path) -> None:
    def add(doc: dict[str, Any]) -> None:
        doc["paths"]["/v2/orders/bulk"] = {"post": {"responses": {"200": {}}}}

    _edit_snapshot(specs, add)
    assert _undeclared(specs) == ["operation-removed POST /v2/orders/bulk"]


def test_a_new_vendor_response_field_fails_naming_it(specs: Path) -> None:
    def add(doc: dict[str, Any]) -> None:
        doc["components"]["schemas"]["AccountBalancesDefinition"]["items"]["properties"]["MarginRequirement"] = {
            "type": "string"
        }

    _edit_snapshot(specs, add)
    assert _undeclared(specs) == [
        "response-property-removed GET /v2/accounts/{account_keys}/balances 200[].MarginRequirement"
    ]


def test_a_new_vendor_enum_value_fails_naming_it(specs: Path) -> None:
    def add(doc: dict[str, Any]) -> None:
        doc["components"]["schemas"]["OrderConfirmRequestDefinition"]["properties"]["TradeAction"]["enum"].append(
            "SELLSHORTEXEMPT"
        )

    _edit_snapshot(specs, add)
    found = _undeclared(specs)
    # The vendor's schema is shared, so the new value is named wherever an order body uses it.
    assert "request-enum-value-removed POST /v2/orders/confirm body.TradeAction 'SELLSHORTEXEMPT'" in found
    assert all(
        f.startswith("request-enum-value-removed ") and f.endswith("TradeAction 'SELLSHORTEXEMPT'") for f in found
    )


def test_a_field_the_vendor_makes_required_fails_naming_it(specs: Path) -> None:
    def require(doc: dict[str, Any]) -> None:
        schema = doc["components"]["schemas"]["OrderConfirmRequestDefinition"]
        assert "GTDDate" in schema["properties"] and "GTDDate" not in schema["required"]
        schema["required"].append("GTDDate")

    _edit_snapshot(specs, require)
    found = _undeclared(specs)
    assert "request-property-made-optional POST /v2/orders/confirm body.GTDDate" in found
    assert all(f.startswith("request-property-made-optional ") and f.endswith(".GTDDate") for f in found)


def test_a_vendor_operation_removed_fails_naming_it(specs: Path) -> None:
    def remove(doc: dict[str, Any]) -> None:
        del doc["paths"]["/v2/orderexecution/activationtriggers"]

    _edit_snapshot(specs, remove)
    assert _undeclared(specs) == ["operation-added GET /v2/orderexecution/activationtriggers"]


def test_a_stale_divergence_fails_naming_it(specs: Path) -> None:
    path = specs / "divergences" / "tradestation.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["divergences"].append(
        {"kind": "removed", "at": ["GET /v2/data/barcharts"], "reason": "gone long ago", "source": "none"}
    )
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    report = vendor_drift.drift("tradestation", specs_dir=specs)
    assert not report.ok and report.undeclared == []
    assert len(report.stale) == 1 and "GET /v2/data/barcharts" in report.stale[0]
    assert vendor_drift.main(["tradestation", "--specs-dir", str(specs)]) == 1


def test_a_divergence_needs_a_known_kind_and_a_reason(specs: Path) -> None:
    path = specs / "divergences" / "tradestation.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["divergences"][0]["kind"] = "moved"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="moved"):
        vendor_drift.drift("tradestation", specs_dir=specs)


def test_swagger_2_and_openapi_3_normalise_alike() -> None:
    swagger = {
        "swagger": "2.0",
        "basePath": "/v2",
        "paths": {
            "/orders": {
                "post": {
                    "operationId": "PlaceOrder",
                    "parameters": [
                        {"name": "X-Trace", "in": "header", "type": "string"},
                        {"name": "body", "in": "body", "required": True, "schema": {"$ref": "#/definitions/Order"}},
                    ],
                    "responses": {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Order"}}},
                }
            }
        },
        "definitions": {
            "Order": {
                "type": "object",
                "required": ["Side"],
                "properties": {"Side": {"type": "string", "enum": ["BUY", "SELL"]}, "Qty": {"type": "integer"}},
            }
        },
    }
    openapi = {
        "openapi": "3.1.0",
        "paths": {
            "/v2/orders": {
                "post": {
                    "parameters": [{"name": "x-trace", "in": "header", "schema": {"type": ["string", "null"]}}],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}},
                    },
                    "responses": {
                        "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Order"}}}}
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Side": {"type": "string", "enum": ["BUY", "SELL"], "x-enum-varnames": ["BUY", "SELL"]},
                "Order": {
                    "type": "object",
                    "required": ["Side"],
                    "properties": {
                        "Side": {"anyOf": [{"$ref": "#/components/schemas/Side"}, {"type": "string"}]},
                        "Qty": {"type": "integer", "format": "int64", "description": "contracts"},
                    },
                },
            }
        },
    }
    a = vendor_drift.inlined(vendor_drift.normalise(swagger))
    b = vendor_drift.inlined(vendor_drift.normalise(openapi))
    assert a["paths"] == b["paths"]


def test_update_reports_vendor_changes_and_replaces_the_snapshot(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = json.loads((specs / TS_SNAPSHOT).read_text(encoding="utf-8"))
    published["paths"]["/v2/orders/bulk"] = {"post": {"responses": {"200": {}}}}
    new_file = tmp_path / "swagger.json"
    new_file.write_text(json.dumps(published), encoding="utf-8")
    args = ["--update", "tradestation", str(new_file), "--specs-dir", str(specs), "--commit", "abc123"]
    assert vendor_drift.main(args) == 0
    out = capsys.readouterr().out
    assert "| operation-added | `POST /v2/orders/bulk` |" in out  # spec_diff's class, vendor old -> new
    assert "operation-removed: the vendor has `POST /v2/orders/bulk`" in out  # the spec edit to consider
    assert "/v2/orders/bulk" in (specs / TS_SNAPSHOT).read_text(encoding="utf-8")
    manifest = yaml.safe_load((specs / "vendor" / "tradestation" / "swagger.manifest.yaml").read_text())
    assert manifest["sha256"] == hashlib.sha256(new_file.read_bytes()).hexdigest()
    assert manifest["commit"] == "abc123"
    assert "not obtained" not in json.dumps(manifest)


def test_documents_not_obtained_are_reported() -> None:
    report = vendor_drift.drift("crosstrade", specs_dir=ROOT / "specs")
    assert report.ok
    assert any(line.startswith("openapi:") for line in report.not_obtained)
