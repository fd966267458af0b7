"""When a broker's docs change: one scenario per kind of spec edit, end to end.

Each scenario makes a git repository holding a copy of ``specs/`` (the base revision), edits one
spec in its working tree the way a broker's documentation change would, and then asserts

* the classification ``tools/spec_diff.py`` gives (kind, location, breaking or not),
* the Python API breaks the typed-usage check finds (mypy over code written against the base client),
* the facade table ``tools/facade_ties.py`` names (the facade-drift test that fires),
* the version gate: ``spec_diff`` and ``release --check`` fail before the bump and say what to run;
  ``release`` bumps by the required amount and writes the changelog entry; then both pass.

The real generator and mypy run on every scenario; the committed tree is never touched.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest
import yaml

from tools import facade_ties, release, spec_diff

ROOT = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.skipif(
    shutil.which("openapi-python-client", path=str(Path(sys.executable).parent)) is None,
    reason="openapi-python-client is not installed in this environment",
)

GIT = ["git", "-c", "user.name=scenario", "-c", "user.email=scenario@example.invalid", "-c", "commit.gpgsign=false"]


@pytest.fixture(scope="module")
def base_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository whose only commit holds a copy of specs/ (built once per module)."""
    repo = tmp_path_factory.mktemp("base") / "repo"
    shutil.copytree(ROOT / "specs", repo / "specs")
    shutil.copytree(ROOT / "facade" / "src", repo / "facade" / "src")
    subprocess.run([*GIT, "init", "-q", str(repo)], check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "base"], cwd=repo, check=True)
    return repo


@pytest.fixture
def repo(base_repo: Path, tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(base_repo, target)
    return target


def _edit(repo: Path, spec: str, change: Callable[[dict[str, Any]], None]) -> None:
    path = repo / "specs" / f"{spec}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _current(repo: Path, spec: str) -> str:
    """The client version the repository copy starts from (whatever main has released)."""
    version = spec_diff.client_version((repo / "specs" / "config" / f"{spec}.yaml").read_text())
    assert version is not None
    return version


def _after(repo: Path, spec: str, bump: spec_diff.Bump) -> str:
    """The version ``bump`` leads to from the repository copy's current one."""
    parsed = spec_diff.parse_version(_current(repo, spec))
    assert parsed is not None
    return ".".join(str(part) for part in spec_diff.bumped(parsed, bump))


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return cast(dict[str, Any], doc["components"]["schemas"])


# --- the edits ------------------------------------------------------------------------------------------


def optional_request_field_appended(doc: dict[str, Any]) -> None:
    """TopstepX documents a new optional order field, listed after the existing ones."""
    _schemas(doc)["PlaceOrderRequest"]["properties"]["reduceOnly"] = {"type": ["boolean", "null"]}


def optional_request_field_inserted(doc: dict[str, Any]) -> None:
    """The same, but the docs list it before ``linkedOrderId``: positional construction shifts."""
    props = _schemas(doc)["PlaceOrderRequest"]["properties"]
    items = list(props.items())
    at = [k for k, _ in items].index("linkedOrderId")
    items.insert(at, ("note", {"type": ["string", "null"]}))
    _schemas(doc)["PlaceOrderRequest"]["properties"] = dict(items)


def response_property_renamed(doc: dict[str, Any]) -> None:
    """CrossTrade renames ``orderId`` to ``id`` in the place/cancel answer."""
    schema = _schemas(doc)["OrderIdResponse"]
    schema["properties"] = {("id" if k == "orderId" else k): v for k, v in schema["properties"].items()}
    schema["required"] = ["id" if r == "orderId" else r for r in schema["required"]]


def request_property_made_required(doc: dict[str, Any]) -> None:
    """CrossTrade starts to require ``ocoId`` on every order."""
    _schemas(doc)["PlaceOrderRequest"]["required"].append("ocoId")


def operation_added(doc: dict[str, Any]) -> None:
    """Sophic documents an order cancel endpoint."""
    doc["paths"]["/accounts/{account_id}/orders/{order_id}/cancel"] = {
        "post": {
            "operationId": "cancel_order",
            "tags": ["Orders"],
            "summary": "Cancel an order",
            "security": [{"bearerAuth": []}],
            "parameters": [
                {"name": "account_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "order_id", "in": "path", "required": True, "schema": {"type": "string"}},
            ],
            "responses": {"204": {"description": "Cancelled"}},
        }
    }


def operation_removed(doc: dict[str, Any]) -> None:
    """TopstepX drops ``Order/cancel``."""
    del doc["paths"]["/api/Order/cancel"]


def response_enum_value_added(doc: dict[str, Any]) -> None:
    """TopstepX documents a new ``Order/place`` error code."""
    enum = _schemas(doc)["PlaceOrderErrorCode"]
    enum["enum"].append(11)
    enum["x-enum-varnames"].append("PriceOutOfBand")


def request_enum_value_removed(doc: dict[str, Any]) -> None:
    """CrossTrade stops accepting ``GTC``."""
    _schemas(doc)["TimeInForce"]["enum"].remove("GTC")


def parameter_type_changed(doc: dict[str, Any]) -> None:
    """TradeStation order ids become integers in the path."""
    doc["components"]["parameters"]["OrderId"]["schema"] = {"type": "integer", "format": "int64"}
    doc["components"]["parameters"]["OrderId"].pop("examples", None)
    doc["components"]["parameters"]["OrderId"].pop("example", None)


@dataclass(frozen=True)
class Scenario:
    spec: str
    edit: Callable[[dict[str, Any]], None]
    kind: str
    location: str
    breaking: bool
    bump: str
    api_breaks: tuple[str, ...] = ()
    facade_tables: tuple[str, ...] = ()
    detail: str = ""
    extra_kinds: tuple[str, ...] = field(default=())
    facade_code: tuple[tuple[str, str], ...] = ()
    """(facade module, mypy message fragment) for code that stops type-checking against the new
    client; line numbers are left out so that edits elsewhere in the adapter do not matter."""


SCENARIOS = {
    "optional request field added (appended)": Scenario(
        "topstepx",
        optional_request_field_appended,
        "request-property-added",
        "#/components/schemas/PlaceOrderRequest.reduceOnly",
        False,
        "minor",
        facade_tables=("orderbridge.brokers.topstepx.adapter.EXTRAS",),
    ),
    "optional request field added (shifts positional fields)": Scenario(
        "topstepx",
        optional_request_field_inserted,
        "request-property-added",
        "#/components/schemas/PlaceOrderRequest.note",
        True,
        "major",
        api_breaks=("topstepx_client.models.place_order_request.PlaceOrderRequest",),
        facade_tables=("orderbridge.brokers.topstepx.adapter.EXTRAS",),
        detail="moves linkedOrderId, stopLossBracket, takeProfitBracket",
    ),
    "response property renamed": Scenario(
        "crosstrade",
        response_property_renamed,
        "response-property-removed",
        "#/components/schemas/OrderIdResponse.orderId",
        True,
        "major",
        api_breaks=(
            "crosstrade_client.models.order_id_response.OrderIdResponse",
            "crosstrade_client.models.order_id_response.OrderIdResponse.order_id",
        ),
        detail="renamed to 'id'?",
        extra_kinds=("response-property-added",),
        facade_code=(("orderbridge/brokers/crosstrade/adapter.py", '"OrderIdResponse" has no attribute "order_id"'),),
    ),
    "request property made required": Scenario(
        "crosstrade",
        request_property_made_required,
        "request-property-made-required",
        "#/components/schemas/PlaceOrderRequest.ocoId",
        True,
        "major",
        api_breaks=("crosstrade_client.models.place_order_request.PlaceOrderRequest",),
    ),
    "operation added": Scenario(
        "sophic",
        operation_added,
        "operation-added",
        "POST /accounts/{account_id}/orders/{order_id}/cancel",
        False,
        "minor",
        facade_tables=("orderbridge/brokers/sophic/broker.toml: capabilities.cancel",),
    ),
    "operation removed": Scenario(
        "topstepx",
        operation_removed,
        "operation-removed",
        "POST /api/Order/cancel",
        True,
        "major",
        api_breaks=("topstepx_client.api.order.cancel_order",),
        facade_tables=("orderbridge/brokers/topstepx/broker.toml: capabilities.cancel",),
        facade_code=(("orderbridge/brokers/topstepx/adapter.py", 'has no attribute "cancel_order"'),),
    ),
    "response enum value added": Scenario(
        "topstepx",
        response_enum_value_added,
        "response-enum-value-added",
        "#/components/schemas/PlaceOrderErrorCode",
        False,
        "minor",
        facade_tables=(
            (
                "orderbridge.brokers.topstepx.adapter.PLACE_DEFINITIVE"
                " / orderbridge.brokers.topstepx.adapter.PLACE_UNKNOWN"
            ),
        ),
    ),
    "request enum value removed": Scenario(
        "crosstrade",
        request_enum_value_removed,
        "request-enum-value-removed",
        "#/components/schemas/TimeInForce",
        True,
        "major",
        api_breaks=("crosstrade_client.models.time_in_force.TimeInForce",),
        facade_tables=("orderbridge.brokers.crosstrade.adapter.TIME_IN_FORCE",),
    ),
    "parameter type changed": Scenario(
        "tradestation",
        parameter_type_changed,
        "parameter-type-changed",
        "DELETE /v2/orders/{order_id} path:order_id",
        True,
        "major",
        api_breaks=("tradestation_client.api.orders.cancel_order.sync",),
    ),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_scenario(name: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = SCENARIOS[name]
    _edit(repo, s.spec, s.edit)

    # 1. classification
    report = spec_diff.diff_spec(repo, s.spec, "HEAD")
    by_kind = [c for c in report.changes if c.kind == s.kind and c.location == s.location]
    assert by_kind, f"no {s.kind} at {s.location}: {report.changes}"
    assert by_kind[0].breaking is s.breaking
    assert s.detail in by_kind[0].detail
    kinds = {c.kind for c in report.changes} - {"python-api-break", "documentation-changed"}
    assert kinds == {s.kind, *s.extra_kinds}, report.changes
    assert report.required == s.bump

    # 2. typed-usage breaks, by public name
    assert report.typed_usage_ran
    breaks = {c.location for c in report.changes if c.kind == "python-api-break"}
    assert breaks >= set(s.api_breaks), breaks
    if not s.api_breaks:
        assert breaks == set()

    # 3. what it means for orderbridge: the facade table the drift tests name, the facade code
    #    that no longer type-checks against the new client
    drifts = facade_ties.check(repo / "specs")
    assert {d.table for d in drifts} == set(s.facade_tables)
    code = [line for line in report.facade if "no longer type-checks" in line]
    assert sorted(set(report.facade) - set(code)) == sorted(str(d) for d in drifts)
    assert {line.split(":", 1)[0] for line in code} == {f"facade/src/{module}" for module, _ in s.facade_code}, code
    for module, fragment in s.facade_code:
        assert any(line.startswith(f"facade/src/{module}:") and fragment in line for line in code), (fragment, code)

    # 4. the version gate, before and after the bump
    status = spec_diff.main(["--root", str(repo), "--no-typed-usage", s.spec])
    out = capsys.readouterr()
    assert status == (1 if s.breaking else 0)
    if s.breaking:
        assert f"run `nox -s release -- --base HEAD {s.spec}`" in out.err
    problems = release.gate(repo, [s.spec])
    assert problems and f"run `nox -s release -- {s.spec}`" in problems[0]

    before = _current(repo, s.spec)
    expected = _after(repo, s.spec, s.bump)
    new_version = release.release(repo, s.spec, typed_usage=False)
    assert new_version == expected
    assert spec_diff.client_version((repo / "specs" / "config" / f"{s.spec}.yaml").read_text()) == expected
    changelog = (repo / "specs" / "changelog" / f"{s.spec}.md").read_text()
    entry = changelog.split(f"## [{expected}]", 1)[1].split("\n## [", 1)[0]
    owner, member = release.owner_member(s.location)
    assert release.PHRASES[s.kind] in entry and f"`{owner}`" in entry, entry
    assert not member or f"`{member}`" in entry, entry
    assert ("**Breaking:**" in entry) is s.breaking
    assert changelog.index(f"## [{expected}]") < changelog.index(f"## [{before}]")
    assert release.gate(repo, [s.spec]) == []
    assert spec_diff.main(["--root", str(repo), "--no-typed-usage", s.spec]) == 0
    capsys.readouterr()


def test_no_change_means_no_bump(repo: Path) -> None:
    report = spec_diff.diff_spec(repo, "sophic", "HEAD")
    assert report.changes == [] and report.required == "none" and report.ok
    assert release.release(repo, "sophic", typed_usage=False) is None
    assert release.gate(repo, list(spec_diff.SPEC_NAMES)) == []


def test_prose_only_change_needs_a_patch(repo: Path) -> None:
    def reword(doc: dict[str, Any]) -> None:
        doc["info"]["description"] += "\nReworded.\n"

    _edit(repo, "sophic", reword)
    report = spec_diff.diff_spec(repo, "sophic", "HEAD", typed_usage=False)
    assert [c.kind for c in report.changes] == ["documentation-changed"]
    assert report.required == "patch"
    expected = _after(repo, "sophic", "patch")
    assert release.release(repo, "sophic", typed_usage=False) == expected


def test_committed_spec_change_is_gated_and_released_against_the_version_commit(repo: Path) -> None:
    """A spec edit committed without a bump: the gate fails, release finds the base by itself."""
    _edit(repo, "crosstrade", request_enum_value_removed)
    subprocess.run([*GIT, "commit", "-q", "-am", "forgot to bump"], cwd=repo, check=True)
    assert f"changed since crosstrade-client {_current(repo, 'crosstrade')}" in release.gate(repo, ["crosstrade"])[0]
    expected = _after(repo, "crosstrade", "major")
    assert release.release(repo, "crosstrade", typed_usage=False) == expected
    assert release.gate(repo, ["crosstrade"]) == []


def test_hand_edited_version_is_refused_by_the_gate(repo: Path) -> None:
    release.set_config_version(repo, "topstepx", "7.0.0")
    (problem,) = release.gate(repo, ["topstepx"])
    assert "does not match specs/releases.json" in problem


def test_json_output_lists_every_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _edit(repo, "crosstrade", response_property_renamed)
    spec_diff.main(["--root", str(repo), "--format", "json", "--no-typed-usage", "crosstrade"])
    rows = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(r)) for r in rows} == {("breaking", "detail", "kind", "location", "spec")}
    assert {(r["kind"], r["breaking"]) for r in rows} == {
        ("response-property-removed", True),
        ("response-property-added", False),
    }


def test_a_relative_root_still_compares_the_edited_working_tree(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the generator runs from the repository root, so a relative ``--root`` once made
    the typed-usage check generate the committed spec instead of the edited one (no break found)."""
    _edit(repo, "topstepx", operation_removed)
    monkeypatch.chdir(repo)
    report = spec_diff.diff_spec(Path("."), "topstepx", "HEAD")
    breaks = {c.location for c in report.changes if c.kind == "python-api-break"}
    assert "topstepx_client.api.order.cancel_order" in breaks
