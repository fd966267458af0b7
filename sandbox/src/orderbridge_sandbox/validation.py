"""Spec validation in both directions.

:func:`check_request` returns ``None`` for a valid request or a :class:`Problem` that the
broker's dialect renders in its own error shape (compiled validators, see
:mod:`orderbridge_sandbox.validators`). :func:`check_response` is the strict mode's check of an
outgoing response.
"""

from __future__ import annotations

from typing import Any

import httpx
from openapi_core.validation.response.exceptions import MissingData

from . import spec
from .problems import FieldError, Location, Problem, check_request_openapi_core
from .validators import check

__all__ = [
    "FieldError",
    "Location",
    "Problem",
    "SpecViolation",
    "check_request",
    "check_request_openapi_core",
    "check_response",
]


class SpecViolation(AssertionError):
    """Strict mode: the sandbox was about to send a response that its spec does not allow."""


def check_request(broker: str, request: httpx.Request, prefix: str) -> Problem | None:
    """None when ``request`` satisfies its operation in ``broker``'s spec, else the :class:`Problem`.

    Uses the validators compiled once per operation (:mod:`orderbridge_sandbox.validators`);
    :func:`check_request_openapi_core` is the independent, slower reference.
    """
    return check(broker, request, prefix)


def _declared_schema(broker: str, operation: str, status: int, media_type: str) -> dict[str, Any] | None:
    """The schema the spec declares for (operation, status, media type), ``$ref``s resolved."""
    doc = spec.load_spec(broker)

    def resolve(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            target: Any = doc
            for part in node["$ref"].lstrip("#/").split("/"):
                target = target[part]
            node = target
        return node

    for item in doc["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation:
                response = resolve(op["responses"].get(str(status), {}))
                content = response.get("content", {}).get(media_type, {})
                schema = resolve(content.get("schema"))
                return schema if isinstance(schema, dict) else None
    return None


def _empty_text_allowed(broker: str, operation: str, response: httpx.Response) -> bool:
    """openapi-core reports an empty body as "missing data" even where the spec declares a plain
    string (TopstepX's bodiless 401/429, ``EmptyTextBody``); such a body is valid."""
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    schema = _declared_schema(broker, operation, response.status_code, media_type)
    return (
        not response.content and schema is not None and schema.get("type") == "string" and not schema.get("minLength")
    )


def check_response(
    broker: str, request: httpx.Request, response: httpx.Response, prefix: str, operation: str = ""
) -> None:
    """Raise :class:`SpecViolation` when ``response`` does not validate against the spec."""
    try:
        spec.validate_response(broker, request, response, prefix)
    except MissingData:
        if _empty_text_allowed(broker, operation, response):
            return
        raise SpecViolation(
            f"{broker}: {request.method} {request.url.path} -> HTTP {response.status_code}: "
            "empty body where the spec declares content"
        ) from None
    except Exception as exc:
        detail = f"{exc}" + (f" ({exc.__cause__})" if exc.__cause__ else "")
        raise SpecViolation(
            f"{broker}: {request.method} {request.url.path} -> HTTP {response.status_code} violates the spec: "
            f"{detail[:2000]}\nbody: {response.text[:1000]}"
        ) from exc
