"""Secrets in the generated models: a field the spec marks ``x-secret: true`` (a session token, an
API key, a client secret, a signing secret) never shows in the model's ``repr``.

The marks are the spec's; ``specs/templates/model.py.jinja`` turns each into attrs
``field(repr=False)``. These tests read the marks from the specs and look at the generated
classes, so a mark the template fails to honour, or a token-looking field left unmarked, fails.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from tests._specs import load_spec
from tests._support import cases

SPECS = ("topstepx", "crosstrade", "tradestation", "sophic")
# Wire names that carry a credential (after camelCase -> snake_case); token_type and the like do not.
SECRET_LOOKING = re.compile(
    r"(^|_)(token|access_token|refresh_token|new_token|secret|client_secret|password|api_key|verify_key)$"
)


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def schema_properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """A component schema's own properties and those of its inline ``allOf`` parts."""
    for part in [schema, *schema.get("allOf", [])]:
        yield from part.get("properties", {}).items()


def marks(spec: str) -> list[tuple[str, str]]:
    schemas = load_spec(spec)["components"]["schemas"]
    return [
        (schema_name, prop)
        for schema_name, schema in schemas.items()
        for prop, node in schema_properties(schema)
        if node.get("x-secret") is True
    ]


def all_marks() -> list[tuple[str, str, str]]:
    """Every ``x-secret`` mark of the four specs as (spec, schema, property), read when called
    (at collection or in a test), never at import."""
    return [(spec, schema, prop) for spec in SPECS for schema, prop in marks(spec)]


def _mark_cases() -> list[object]:
    return [pytest.param(*mark, id=".".join(mark)) for mark in all_marks()]


def model_class(spec: str, schema: str) -> type:
    cls: type = getattr(importlib.import_module(f"{spec}_client.models"), schema)
    return cls


def test_every_token_bearing_client_marks_its_secrets() -> None:
    """CrossTrade has none: its secret key travels only in the Authorization header."""
    marked = all_marks()
    by_spec = {spec: {schema for s, schema, _ in marked if s == spec} for spec in SPECS}
    assert {"LoginResponse", "ValidateResponse", "LoginApiKeyRequest", "LoginAppRequest"} <= by_spec["topstepx"]
    assert {"TokenResponse", "RefreshTokenRequest", "AuthorizationCodeTokenRequest"} <= by_spec["tradestation"]
    assert {"OAuthToken", "ClientCredentialsForm", "WebhookWithSecret"} <= by_spec["sophic"]
    assert by_spec["crosstrade"] == set()


@pytest.mark.parametrize("spec", SPECS)
def test_no_secret_looking_field_is_left_unmarked(spec: str) -> None:
    schemas = load_spec(spec)["components"]["schemas"]
    unmarked = [
        f"{schema_name}.{prop}"
        for schema_name, schema in schemas.items()
        for prop, node in schema_properties(schema)
        if SECRET_LOOKING.search(snake(prop)) and node.get("x-secret") is not True
    ]
    assert unmarked == [], f"mark these `x-secret: true` in specs/{spec}.yaml"


@cases("spec, schema, prop", _mark_cases)
def test_marked_field_is_left_out_of_repr(spec: str, schema: str, prop: str) -> None:
    cls = model_class(spec, schema)
    field = {f.name: f for f in attrs.fields(cls)}[snake(prop)]
    assert field.repr is False
    shown = [f.name for f in attrs.fields(cls) if f.repr]
    assert shown, f"{schema} should still show its other fields"


def test_topstepx_login_response_repr_hides_the_session_token() -> None:
    from topstepx_client.models import LoginResponse, ValidateResponse

    token = "eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbg.s3cr3t-signature"
    login = LoginResponse.from_dict({"token": token, "success": True, "errorCode": 0, "errorMessage": None})
    assert login.token == token and login.to_dict()["token"] == token  # still there, still sent
    assert token not in repr(login) and "s3cr3t" not in str(login)
    assert "success=True" in repr(login)
    validated = ValidateResponse.from_dict({"success": True, "errorCode": 0, "newToken": token})
    assert token not in repr(validated)


def test_tradestation_and_sophic_token_reprs_hide_the_tokens() -> None:
    from sophic_client.models import ClientCredentialsForm, OAuthToken
    from tradestation_client.models import RefreshTokenRequest, TokenResponse

    secret = "sk-live-0123456789abcdef"
    values = [
        TokenResponse.from_dict({"access_token": secret, "refresh_token": secret, "expires_in": 1200}),
        RefreshTokenRequest.from_dict(
            {"grant_type": "refresh_token", "client_id": "key", "client_secret": secret, "refresh_token": secret}
        ),
        OAuthToken.from_dict({"access_token": secret, "token_type": "bearer", "expires_in": 900}),
        ClientCredentialsForm.from_dict(
            {"client_id": "id", "client_secret": secret, "grant_type": "client_credentials"}
        ),
    ]
    for value in values:
        assert secret not in repr(value), type(value).__name__
