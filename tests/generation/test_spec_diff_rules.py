"""tools/spec_diff.py rules on small hand-made documents (no generator, no git).

The end-to-end scenarios live in test_spec_change_scenarios.py; these pin each rule's verdict,
including the context-dependent ones, and keep the rules table in specs/README.md in step.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest

from tools import spec_diff

ROOT = Path(__file__).resolve().parents[2]


BASE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "servers": [{"url": "https://broker.example"}],
    "paths": {
        "/orders/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "post": {
                "operationId": "place",
                "tags": ["Orders"],
                "security": [{"bearer": []}],
                "parameters": [{"name": "dry", "in": "query", "schema": {"type": "boolean"}}],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Req"}}},
                },
                "responses": {
                    "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Res"}}}},
                    "400": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Err"}}}},
                },
            },
        }
    },
    "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Side": {"type": "string", "enum": ["BUY", "SELL"]},
            "Status": {"type": "integer", "enum": [0, 1], "x-enum-varnames": ["Open", "Filled"]},
            "Req": {
                "type": "object",
                "required": ["side"],
                "properties": {
                    "side": {"$ref": "#/components/schemas/Side"},
                    "note": {"type": "string"},
                    "tag": {"type": ["string", "null"]},
                },
            },
            "Res": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {"type": "string"},
                    "price": {"type": "number"},
                    "status": {"anyOf": [{"$ref": "#/components/schemas/Status"}, {"type": "integer"}]},
                    "closed": {"$ref": "#/components/schemas/Status"},
                },
            },
            "Err": {"type": "object", "properties": {"error": {"type": "string"}}},
        },
    },
}


def diff(edit: Callable[[dict[str, Any]], object]) -> list[tuple[str, str, bool]]:
    new = copy.deepcopy(BASE)
    edit(new)
    return [(c.kind, c.location, c.breaking) for c in spec_diff.compare("t", BASE, new)]


def schemas(doc: dict[str, Any]) -> dict[str, Any]:
    return cast(dict[str, Any], doc["components"]["schemas"])


def op(doc: dict[str, Any]) -> dict[str, Any]:
    return cast(dict[str, Any], doc["paths"]["/orders/{id}"]["post"])


def test_identical_documents_have_no_change() -> None:
    assert diff(lambda d: None) == []


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda d: schemas(d)["Req"]["properties"].update(extra={"type": "string"}),
            ("request-property-added", "#/components/schemas/Req.extra", False),
        ),
        (
            lambda d: schemas(d)["Req"]["required"].append("note"),
            ("request-property-made-required", "#/components/schemas/Req.note", True),
        ),
        (
            lambda d: schemas(d)["Req"]["properties"]["tag"].update(type="string"),
            ("request-property-type-changed", "#/components/schemas/Req.tag", True),
        ),
        (
            lambda d: schemas(d)["Req"]["properties"]["note"].update(type=["string", "null"]),
            ("request-property-type-changed", "#/components/schemas/Req.note", False),
        ),
        (
            lambda d: schemas(d)["Res"]["properties"]["price"].update(type=["number", "null"]),
            ("response-property-type-changed", "#/components/schemas/Res.price", True),
        ),
        (
            lambda d: schemas(d)["Res"]["properties"]["price"].update(type="string"),
            ("response-property-type-changed", "#/components/schemas/Res.price", True),
        ),
        (
            lambda d: schemas(d)["Res"]["required"].remove("id"),
            ("response-property-made-optional", "#/components/schemas/Res.id", True),
        ),
        (
            lambda d: schemas(d)["Res"]["required"].append("price"),
            ("response-property-made-required", "#/components/schemas/Res.price", False),
        ),
        (
            lambda d: schemas(d)["Side"]["enum"].append("SHORT"),
            ("request-enum-value-added", "#/components/schemas/Side", False),
        ),
        (
            lambda d: schemas(d)["Side"]["enum"].remove("SELL"),
            ("request-enum-value-removed", "#/components/schemas/Side", True),
        ),
        (
            lambda d: op(d)["parameters"].append({"name": "acct", "in": "query", "required": True, "schema": {}}),
            ("parameter-added", "POST /orders/{id} query:acct", True),
        ),
        (
            lambda d: op(d)["parameters"].append({"name": "acct", "in": "query", "schema": {"type": "string"}}),
            ("parameter-added", "POST /orders/{id} query:acct", False),
        ),
        (lambda d: op(d)["parameters"].clear(), ("parameter-removed", "POST /orders/{id} query:dry", True)),
        (
            lambda d: op(d)["parameters"][0].update(required=True),
            ("parameter-made-required", "POST /orders/{id} query:dry", True),
        ),
        (lambda d: op(d).update(operationId="place_v2"), ("operation-id-changed", "POST /orders/{id}", True)),
        (lambda d: op(d).update(tags=["Trading"]), ("operation-tag-changed", "POST /orders/{id}", True)),
        (lambda d: op(d)["responses"].pop("200"), ("response-status-removed", "POST /orders/{id} 200", True)),
        (lambda d: op(d)["responses"].pop("400"), ("response-status-removed", "POST /orders/{id} 400", False)),
        (
            lambda d: op(d)["responses"].update({"409": op(d)["responses"]["400"]}),
            ("response-status-added", "POST /orders/{id} 409", False),
        ),
        (
            lambda d: op(d)["responses"].update(
                {"202": {"content": {"application/json": {"schema": {"type": "string"}}}}}
            ),
            ("response-status-added", "POST /orders/{id} 202", True),
        ),
        (lambda d: op(d).pop("security"), ("auth-changed", "POST /orders/{id}", False)),
        (
            lambda d: d["components"]["securitySchemes"]["bearer"].update(scheme="basic"),
            ("auth-changed", "#/components/securitySchemes/bearer", True),
        ),
        (lambda d: d["servers"][0].update(url="https://new.example"), ("server-changed", "servers", False)),
        (lambda d: d["info"].update(description="reworded"), ("documentation-changed", "", False)),
    ],
)
def test_rule(edit: Callable[[dict[str, Any]], object], expected: tuple[str, str, bool]) -> None:
    assert diff(edit) == [expected]


def test_open_response_enum_value_added_is_not_breaking_but_a_closed_one_is() -> None:
    changes = diff(
        lambda d: schemas(d)["Status"].update(enum=[0, 1, 2], **{"x-enum-varnames": ["Open", "Filled", "X"]})
    )
    assert ("response-enum-value-added", "#/components/schemas/Status", False) in changes  # via the open anyOf
    assert ("response-enum-value-added", "#/components/schemas/Status", True) in changes  # via the closed $ref


def test_response_enum_value_removed_breaks_the_generated_enum() -> None:
    def drop(d: dict[str, Any]) -> None:
        schemas(d)["Status"].update(enum=[0], **{"x-enum-varnames": ["Open"]})

    assert ("response-enum-value-removed", "#/components/schemas/Status", True) in diff(drop)


def test_renamed_enum_member_is_breaking() -> None:
    changes = diff(lambda d: schemas(d)["Status"].update(**{"x-enum-varnames": ["Open", "Done"]}))
    assert set(changes) == {("enum-member-renamed", "#/components/schemas/Status", True)}


def test_optional_request_property_inserted_before_others_shifts_positions() -> None:
    def insert(d: dict[str, Any]) -> None:
        props = schemas(d)["Req"]["properties"]
        schemas(d)["Req"]["properties"] = {"side": props["side"], "first": {"type": "string"}, **props}

    (change,) = spec_diff.compare("t", BASE, _edited(insert))
    assert change.kind == "request-property-added" and change.breaking
    assert "moves note, tag" in change.detail


def test_removed_response_property_suggests_the_rename() -> None:
    def rename(d: dict[str, Any]) -> None:
        props = schemas(d)["Res"]["properties"]
        props["order_id"] = props.pop("id")
        schemas(d)["Res"]["required"] = ["order_id"]

    removed = [c for c in spec_diff.compare("t", BASE, _edited(rename)) if c.kind == "response-property-removed"]
    assert removed[0].breaking and "renamed to 'order_id'?" in removed[0].detail


def test_operation_added_and_removed() -> None:
    def move(d: dict[str, Any]) -> None:
        d["paths"]["/v2/orders/{id}"] = d["paths"].pop("/orders/{id}")

    assert diff(move) == [
        ("operation-added", "POST /v2/orders/{id}", False),
        ("operation-removed", "POST /orders/{id}", True),
    ]


def _edited(edit: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    new = copy.deepcopy(BASE)
    edit(new)
    return new


@pytest.mark.parametrize(
    ("changes", "bump"),
    [
        ([], "none"),
        ([spec_diff.Change("t", "documentation-changed", "", False, "")], "patch"),
        ([spec_diff.Change("t", "operation-added", "x", False, "")], "minor"),
        (
            [spec_diff.Change("t", "operation-added", "x", False, ""), spec_diff.Change("t", "x", "y", True, "")],
            "major",
        ),
    ],
)
def test_required_bump(changes: list[spec_diff.Change], bump: str) -> None:
    assert spec_diff.required_bump(changes) == bump


def test_version_arithmetic() -> None:
    assert spec_diff.bumped((1, 4, 2), "major") == (2, 0, 0)
    assert spec_diff.bumped((1, 4, 2), "minor") == (1, 5, 0)
    assert spec_diff.bumped((1, 4, 2), "patch") == (1, 4, 3)
    assert spec_diff.bump_given((1, 4, 2), (2, 0, 0)) == "major"
    assert spec_diff.bump_given((1, 4, 2), (1, 4, 2)) == "none"
    assert spec_diff.bump_given((2, 0, 0), (1, 9, 0)) == "none"
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        spec_diff.parse_version("v2-20160101")


def test_rules_table_in_specs_readme_matches_the_code() -> None:
    text = (ROOT / "specs" / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (breaking|non-breaking|depends) \|", text, re.MULTILINE))
    expected = {k: {True: "breaking", False: "non-breaking", None: "depends"}[v[0]] for k, v in spec_diff.RULES.items()}
    assert rows == expected


def test_every_committed_spec_compares_equal_to_itself() -> None:
    import yaml

    for name in spec_diff.SPEC_NAMES:
        doc = yaml.safe_load((ROOT / "specs" / f"{name}.yaml").read_text(encoding="utf-8"))
        assert spec_diff.compare(name, doc, copy.deepcopy(doc)) == []


def test_new_status_value_reusing_a_name_is_reported_with_its_consequence() -> None:
    """TopstepX-style: value 2 documented with the name of value 1, so the member is renamed."""

    def add(d: dict[str, Any]) -> None:
        schemas(d)["Status"].update(enum=[0, 1, 2], **{"x-enum-varnames": ["Open", "Filled", "Filled"]})

    changes = spec_diff.compare("t", BASE, _edited(add))
    open_added = [c for c in changes if c.kind == "response-enum-value-added" and not c.breaking]
    assert open_added and "'Filled' is already used" in open_added[0].detail
    assert "status texts change" in open_added[0].detail


def test_spec_hash_ignores_line_endings_only() -> None:
    assert spec_diff.spec_sha256("a: 1\r\nb: 2\r\n") == spec_diff.spec_sha256("a: 1\nb: 2\n")
    assert spec_diff.spec_sha256("a: 1\n") != spec_diff.spec_sha256("a: 2\n")
