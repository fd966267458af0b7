"""The generation pipeline's own guarantees: the drift gate and the spec lint catch what they claim.

These run the real tools (openapi-python-client, the spec linter) against modified copies of a
spec in a temporary directory; the committed tree is never touched.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools import generate, lint_specs

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"

pytestmark = pytest.mark.skipif(
    shutil.which("openapi-python-client", path=str(Path(sys.executable).parent)) is None,
    reason="openapi-python-client is not installed in this environment",
)


@pytest.fixture
def specs_copy(tmp_path: Path) -> Path:
    target = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", target)
    return target


def _edit(spec: Path, change: Callable[[dict[str, Any]], None]) -> None:
    doc = yaml.safe_load(spec.read_text(encoding="utf-8"))
    change(doc)
    spec.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_committed_clients_match_a_fresh_generation() -> None:
    assert generate.main(["--check", "topstepx"]) == 0


def test_check_generated_fails_when_a_spec_changes_without_regeneration(
    specs_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def rename_summary(doc: dict[str, Any]) -> None:
        doc["paths"]["/api/Order/place"]["post"]["description"] += "\nChanged without regenerating."

    _edit(specs_copy / "topstepx.yaml", rename_summary)
    code = generate.main(["--check", "--specs-dir", str(specs_copy), "topstepx"])
    err = capsys.readouterr().err
    assert code == 1
    assert "differs from a fresh generation: topstepx_client/api/order/place_order.py" in err


def test_check_generated_reports_new_and_deleted_files(
    specs_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clients = tmp_path / "clients"
    shutil.copytree(ROOT / "clients" / "topstepx", clients / "topstepx")
    (clients / "topstepx" / "topstepx_client" / "hand_edit.py").write_text("x = 1\n")
    (clients / "topstepx" / "topstepx_client" / "api" / "status" / "ping.py").unlink()
    code = generate.main(["--check", "--specs-dir", str(specs_copy), "--clients-dir", str(clients), "topstepx"])
    err = capsys.readouterr().err
    assert code == 1
    assert "not produced by the generator (stale or hand-added): topstepx_client/hand_edit.py" in err
    assert "missing from clients/: topstepx_client/api/status/ping.py" in err


def test_an_operation_the_generator_would_skip_fails_generation(specs_copy: Path, tmp_path: Path) -> None:
    def add_xml_operation(doc: dict[str, Any]) -> None:
        doc["paths"]["/api/Xml/echo"] = {
            "post": {
                "operationId": "xml_echo",
                "tags": ["Status"],
                "summary": "XML body the generator cannot express",
                "requestBody": {"content": {"application/xml": {"schema": {"type": "string"}}}},
                "responses": {"200": {"description": "ok"}},
            }
        }

    _edit(specs_copy / "topstepx.yaml", add_xml_operation)
    with pytest.raises(RuntimeError, match="generator failed for topstepx"):
        generate.generate_one("topstepx", tmp_path / "out", specs_dir=specs_copy)


def test_lint_specs_accepts_the_committed_specs() -> None:
    for name in generate.SPEC_NAMES:
        assert lint_specs.SpecLinter(ROOT / "specs" / f"{name}.yaml").run() == [], name


def test_lint_specs_rejects_an_example_that_violates_its_schema(specs_copy: Path) -> None:
    def corrupt(doc: dict[str, Any]) -> None:
        examples = doc["paths"]["/api/Order/place"]["post"]["requestBody"]["content"]["application/json"]["examples"]
        first = next(iter(examples.values()))
        first["value"]["side"] = 7

    _edit(specs_copy / "topstepx.yaml", corrupt)
    problems = lint_specs.SpecLinter(specs_copy / "topstepx.yaml").run()
    assert any("side: 7 is not one of" in p for p in problems), problems


def test_lint_specs_rejects_a_closed_response_enum(specs_copy: Path) -> None:
    def close_enum(doc: dict[str, Any]) -> None:
        props = doc["components"]["schemas"]["PlaceOrderResponse"]["properties"]
        props["errorCode"] = {"$ref": "#/components/schemas/PlaceOrderErrorCode"}

    _edit(specs_copy / "topstepx.yaml", close_enum)
    problems = lint_specs.SpecLinter(specs_copy / "topstepx.yaml").run()
    assert any("without an open anyOf fallback" in p for p in problems), problems


def test_generate_cli_is_runnable() -> None:
    out = subprocess.run([sys.executable, str(TOOLS / "generate.py"), "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "--check" in out.stdout


def test_lint_specs_refuses_a_duplicated_key(specs_copy: Path) -> None:
    """PyYAML keeps the last of two equal keys; a duplicated schema would silently replace the first."""
    path = specs_copy / "tradestation.yaml"
    text = path.read_text(encoding="utf-8")
    schema = "    TokenResponse:\n"
    assert text.count(schema) == 1
    path.write_text(text.replace(schema, "    TokenResponse:\n      type: object\n" + schema, 1), encoding="utf-8")
    with pytest.raises(yaml.constructor.ConstructorError, match="duplicate key 'TokenResponse'"):
        lint_specs.SpecLinter(path)


@pytest.mark.parametrize(
    ("citation", "refused"),
    [
        ("(research API 2 §2.5)", True),
        ("(§2.12 q7)", True),
        ("as the research notes say", True),
        ("seed 003 shows it", True),
        ("RFC 6749 §5.1 makes it optional", False),
        ("ProjectX Gateway docs, Place Order", False),
    ],
)
def test_lint_specs_refuses_citations_of_private_notes(specs_copy: Path, citation: str, refused: bool) -> None:
    """Spec prose becomes the generated clients' docstrings: it must cite what users can read."""
    path = specs_copy / "sophic.yaml"

    def cite(doc: dict[str, Any]) -> None:
        doc["paths"]["/accounts/{account_id}/orders"]["post"]["description"] = f"Places an order. Source: {citation}."

    _edit(path, cite)
    where = "sophic.yaml: /paths/~1accounts~1{account_id}~1orders/post/description: cites private notes"
    problems = [p for p in lint_specs.SpecLinter(path).run() if p.startswith(where)]
    assert len(problems) == (1 if refused else 0), problems


def test_generate_says_which_clients_changed(
    specs_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clients = tmp_path / "clients"
    shutil.copytree(ROOT / "clients" / "topstepx", clients / "topstepx")
    shutil.copytree(ROOT / "clients" / "sophic", clients / "sophic")

    def reword(doc: dict[str, Any]) -> None:
        doc["paths"]["/api/Order/place"]["post"]["description"] += "\nReworded."

    _edit(specs_copy / "topstepx.yaml", reword)
    code = generate.main(["--specs-dir", str(specs_copy), "--clients-dir", str(clients), "topstepx", "sophic"])
    out = capsys.readouterr().out
    assert code == 0
    assert "topstepx: CHANGED, 1 file(s)" in out
    assert "  changed: topstepx_client/api/order/place_order.py" in out
    assert "sophic: unchanged" in out
