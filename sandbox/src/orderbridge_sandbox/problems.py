"""Why a request does not match its operation, as plain data: :class:`Problem` and its
:class:`FieldError` list, built from jsonschema's or openapi-core's errors. The broker's dialect
renders a Problem in its own error shape.

:func:`check_request_openapi_core` is the independent (slower) reference check, done by
openapi-core; :mod:`orderbridge_sandbox.validators` is the fast one the sandbox uses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, Literal

import httpx
from jsonschema.exceptions import ValidationError as SchemaError
from jsonschema.exceptions import best_match
from openapi_core.validation.request.exceptions import (
    MissingParameterError,
    MissingRequestBodyError,
    ParameterValidationError,
    RequestBodyValidationError,
    SecurityValidationError,
)
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from . import spec

Location = Literal["body", "query", "header", "path", "cookie"]


@dataclasses.dataclass(frozen=True)
class FieldError:
    """One invalid or missing input.

    Attributes:
        location: ``body``, ``query``, ``header``, ``path``.
        path: keys from the location's root, e.g. ``("filter", "accountId")`` or ``("Idempotency-Key",)``.
        code: ``missing`` (a required value is absent) or ``invalid``.
        message: the validator's text.
        rule: the JSON-schema keyword that failed (``required``, ``enum``, ``not`` ...).
    """

    location: Location
    path: tuple[str | int, ...]
    code: Literal["missing", "invalid"]
    message: str
    rule: str = ""


@dataclasses.dataclass(frozen=True)
class Problem:
    """Why a request does not match its operation.

    Attributes:
        kind: ``security`` (credentials missing or not a bearer), ``parameter``, ``body``
            (schema), ``media_type`` (wrong content type or undecodable body).
        fields: the individual violations (may be empty for ``security``/``media_type``).
        message: openapi-core's summary.
    """

    kind: Literal["security", "parameter", "body", "media_type"]
    fields: tuple[FieldError, ...]
    message: str

    def field_names(self) -> set[str]:
        return {str(f.path[-1]) for f in self.fields if f.path}

    def only_missing(self) -> bool:
        return bool(self.fields) and all(f.code == "missing" for f in self.fields)


def schema_fields(location: Location, prefix: tuple[str | int, ...], errors: Iterable[SchemaError]) -> list[FieldError]:
    out: list[FieldError] = []
    for err in errors:
        if err.validator in ("oneOf", "anyOf") and err.context:
            out.extend(schema_fields(location, prefix, _closest_branch(err.context)))
            continue
        base = prefix + tuple(err.absolute_path)
        if err.validator == "required" and isinstance(err.instance, dict):
            required = err.validator_value if isinstance(err.validator_value, list) else []
            for name in required:
                if name not in err.instance:
                    out.append(FieldError(location, (*base, name), "missing", f"{name} is required", "required"))
            continue
        if err.validator == "not" and isinstance(err.validator_value, dict) and isinstance(err.instance, dict):
            # `not: {required: [x]}`: x is present but must not be.
            for name in err.validator_value.get("required", []):
                out.append(FieldError(location, (*base, name), "invalid", f"{name} is not allowed here", "not"))
            continue
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            allowed = set(err.schema.get("properties", {})) if isinstance(err.schema, dict) else set()
            for name in err.instance:
                if name not in allowed:
                    out.append(
                        FieldError(location, (*base, name), "invalid", f"unknown field {name}", "additionalProperties")
                    )
            continue
        out.append(FieldError(location, base, "invalid", err.message, str(err.validator)))
    return out


def _closest_branch(context: list[SchemaError]) -> list[SchemaError]:
    """The errors of the ``oneOf``/``anyOf`` alternative the value came closest to: the one with
    the fewest errors (a US-shape order with one bad ``TradeAction`` is reported as that, not as
    every field the global shape misses); jsonschema's ``best_match`` breaks ties."""
    branches: dict[object, list[SchemaError]] = {}
    for error in context:
        branch = error.relative_schema_path[0] if error.relative_schema_path else None
        branches.setdefault(branch, []).append(error)
    fewest = min(len(errors) for errors in branches.values())
    closest = [e for errors in branches.values() if len(errors) == fewest for e in errors]
    best = best_match(closest)
    if best is None:
        return []
    return branches[best.relative_schema_path[0] if best.relative_schema_path else None]


def _errors_of(cause: BaseException | None) -> list[SchemaError]:
    if isinstance(cause, InvalidSchemaValue):
        return [e for e in cause.schema_errors if isinstance(e, SchemaError)]
    return []


def _text(exc: BaseException | None) -> str:
    """``str(exc)``, never raising: openapi-core's deserialisation errors format the raw body and
    a body that is not UTF-8 made ``str()`` itself raise ``UnicodeDecodeError`` (a 500)."""
    if exc is None:
        return ""
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - any failure to format is replaced by the class name
        return type(exc).__name__


def describe(exc: Exception) -> Problem:
    """Turn an openapi-core request validation error into a :class:`Problem`."""
    message = _text(exc)
    cause = exc.__cause__
    if isinstance(exc, SecurityValidationError):
        return Problem("security", (), message)
    if isinstance(exc, ParameterValidationError):
        location: Any = exc.location
        if isinstance(exc, MissingParameterError):
            return Problem(
                "parameter", (FieldError(location, (exc.name,), "missing", f"{exc.name} is required"),), message
            )
        errors = _errors_of(cause)
        fields = [FieldError(location, (exc.name,), "invalid", e.message, str(e.validator)) for e in errors]
        return Problem("parameter", tuple(fields or [FieldError(location, (exc.name,), "invalid", message)]), message)
    if isinstance(exc, MissingRequestBodyError):
        return Problem("body", (FieldError("body", (), "missing", "a request body is required"),), message)
    if isinstance(exc, RequestBodyValidationError):
        if isinstance(cause, InvalidSchemaValue):
            return Problem("body", tuple(schema_fields("body", (), _errors_of(cause))), message)
        return Problem("media_type", (FieldError("body", (), "invalid", _text(cause or exc)),), message)
    return Problem("body", (FieldError("body", (), "invalid", message),), message)


def check_request_openapi_core(broker: str, request: httpx.Request, prefix: str) -> Problem | None:
    """:func:`check_request` done by openapi-core (about 2-8 ms a request; the reference the
    compiled validators are tested against)."""
    try:
        spec.validate_request(broker, request, prefix)
    except Exception as exc:  # noqa: BLE001 - openapi-core raises a family of unrelated classes
        return describe(exc)
    return None
