"""Changelogs a person can read: the clients' (written by tools/release.py) and the hand-kept
facade and sandbox ones (Keep a Changelog)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools import release, spec_diff

ROOT = Path(__file__).resolve().parents[2]
CHANGELOGS = [
    *(ROOT / "specs" / "changelog" / f"{name}.md" for name in spec_diff.SPEC_NAMES),
    ROOT / "facade" / "CHANGELOG.md",
    ROOT / "sandbox" / "CHANGELOG.md",
]
# What a type checker or the diff tool says, not what a reader needs: error codes, raw kinds.
MACHINE_TEXT = re.compile(r"\[(arg-type|assignment|import-not-found|attr-defined|call-arg|misc)\]|python-api-break")


@pytest.mark.parametrize("path", CHANGELOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_changelog_is_readable(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n") and "Keep a Changelog" in text
    assert "``" not in text, "an empty code span"
    assert not MACHINE_TEXT.search(text), MACHINE_TEXT.search(text)
    versions = re.findall(r"^## \[([^\]]+)\]", text, re.MULTILINE)
    assert versions, "no release entry"
    for line in text.splitlines():
        if line.startswith("- "):
            assert len(line) < 1200, line[:80]


def test_client_changelogs_are_copied_into_the_clients() -> None:
    for name in spec_diff.SPEC_NAMES:
        source = (ROOT / "specs" / "changelog" / f"{name}.md").read_bytes()
        assert (ROOT / "clients" / name / "CHANGELOG.md").read_bytes() == source


def _break(location: str, message: str) -> spec_diff.Change:
    return spec_diff.Change("sophic", "python-api-break", location, True, message)


def test_typed_usage_breaks_are_summarised_by_public_name() -> None:
    changes = [
        _break(
            "sophic_client.models.amc.AMC",
            f'Argument {n} to "AMC" has incompatible type "int"; expected "str"  [arg-type]',
        )
        for n in (5, 7, 8)
    ] + [
        _break(
            "sophic_client.models.amc.AMC.decimal_precision",
            'Incompatible types in assignment (expression has type "int | Unset", variable has type "int")'
            "  [assignment]",
        ),
        _break("sophic_client.api.orders.place_order.sync", 'Too many arguments for "sync"  [call-arg]'),
        spec_diff.Change("sophic", "documentation-changed", "", False, "no change to the generated API"),
    ]
    entry = release.render_entry("3.0.0", "2026-12-06", "0.1.0", changes)
    assert "[arg-type]" not in entry and "incompatible type" not in entry and "``" not in entry
    (amc,) = [line for line in entry.splitlines() if "`sophic_client.models.AMC`" in line]
    assert amc.startswith("- **Breaking:**") and "3 positional constructor arguments" in amc
    assert "`decimal_precision`" in amc
    assert any("`sophic_client.api.orders.place_order`" in line for line in entry.splitlines())
    assert "Documentation only" in entry


def test_property_changes_are_grouped_by_schema_in_plain_words() -> None:
    changes = [
        spec_diff.Change(
            "tradestation", "response-property-added", f"#/components/schemas/Position.{p}", False, "optional"
        )
        for p in ("Alias", "BidPrice")
    ] + [
        spec_diff.Change(
            "tradestation",
            "response-property-made-optional",
            "#/components/schemas/Bill/allOf/1.rating",
            True,
            "required -> optional",
        )
    ]
    entry = release.render_entry("2.1.0", "2026-12-06", "v2", changes)
    assert "- New response attribute in `Position`: `Alias`, `BidPrice` (optional)." in entry
    assert "- **Breaking:** Response attribute may now be absent (`UNSET`) in `Bill`: `rating`" in entry
    assert entry.index("### Changed") < entry.index("### Added")
