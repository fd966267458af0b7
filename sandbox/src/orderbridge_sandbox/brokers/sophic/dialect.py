"""Sophic's error dialect (Sophic API reference, errors)."""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ...dialect import AuthFailure, Dialect, with_allow, with_retry_after
from ...problems import FieldError, Problem
from ...wire import Call, Reply, json_reply

SOPHIC_HEADER_CODES: Mapping[str, str] = {
    "Idempotency-Key": "idempotency_key_too_long",
    "Api-Version": "api_version_invalid",
    "Client-Request-Id": "client_request_id_too_long",
    "Person-Id": "person_id_too_long",
    "Client-User-Id": "client_user_id_too_long",
}

SOPHIC_DETAILS: Mapping[str, str] = {
    "missing_token": "No access token was provided.",
    "invalid_token": "The access token is invalid or has expired.",
    "invalid_param": "The request is invalid.",
    "missing_param": "A required parameter is missing.",
    "not_found": "The requested resource was not found.",
    "server_error": "An unexpected error occurred.",
    "api_version_invalid": "The Api-Version header is malformed.",
    "api_version_unsupported": "The requested API version is not supported.",
    "idempotency_key_too_long": "The idempotency key is longer than 255 characters.",
    "client_request_id_too_long": "The Client-Request-Id header is longer than 255 characters.",
    "person_id_too_long": "The Person-Id header is longer than 255 characters.",
    "client_user_id_too_long": "The Client-User-Id header is longer than 255 characters.",
    "forbidden": "The request is not allowed.",
    "conflict": "The request conflicts with the current state.",
    "method_not_allowed": "The method is not allowed for this resource.",
    "rate_limited": "Too many requests.",
}


class SophicDialect(Dialect):
    """``{code, detail, docs, params?, context?}`` for every status; the token endpoint answers
    grant errors with the RFC 6749 ``{error, error_description}`` body."""

    broker = "sophic"

    @staticmethod
    def error(
        status: int,
        code: str,
        detail: str | None = None,
        *,
        params: list[dict[str, object]] | None = None,
        context: Mapping[str, str | int] | None = None,
    ) -> Reply:
        body: dict[str, object] = {
            "code": code,
            "detail": detail or SOPHIC_DETAILS.get(code, "The request failed."),
            "docs": f"https://docs.engine.usesophic.com/api-reference/errors#{code}",
        }
        if params is not None:
            body["params"] = params
        if context is not None:
            body["context"] = dict(context)
        return json_reply(body, status)

    @staticmethod
    def oauth(status: int, error: str, description: str) -> Reply:
        return json_reply({"error": error, "error_description": description}, status)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Reply:
        return self.error(401, "missing_token" if failure == "missing" else "invalid_token")

    def invalid(self, call: Call, problem: Problem) -> Reply:
        if problem.kind == "security":
            return self.unauthorized(call, "missing")
        for f in problem.fields:
            if f.location == "header" and str(f.path[0]) in SOPHIC_HEADER_CODES:
                return self.error(400, SOPHIC_HEADER_CODES[str(f.path[0])])
        if call.operation == "create_token" and "grant_type" in problem.field_names():
            return self.oauth(400, "unsupported_grant_type", "Only the client_credentials grant is supported.")
        params = [self._param(call, f) for f in problem.fields]
        code = "missing_param" if problem.only_missing() else "invalid_param"
        return self.error(400, code, params=params)

    @staticmethod
    def _param(call: Call, f: FieldError) -> dict[str, object]:
        name = str(f.path[-1]) if f.path else ""
        detail = "Field required" if f.code == "missing" else f.message
        side = call.field("side") if isinstance(call.body, dict) else None
        if f.location == "body" and name in ("cash_amount", "quantity") and f.rule == "not":
            detail = (
                "Buy orders are cash-based; send cash_amount instead of quantity."
                if side == "buy"
                else "Sell orders are unit-based; send quantity instead of cash_amount."
            )
        code = "missing_param" if f.code == "missing" else "invalid_param"
        return {"path": [f.location, *f.path], "detail": detail, "code": code}

    def status(self, call: Call, status: int) -> Reply:
        if status == 429:
            return self.rate_limited(call, None)
        code = {400: "invalid_request", 401: "invalid_token", 403: "forbidden", 404: "not_found", 409: "conflict"}
        return self.error(status, code.get(status, "server_error"))

    def rate_limited(self, call: Call, retry_after: int | None) -> Reply:
        return with_retry_after(self.error(429, "rate_limited"), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        return with_allow(self.error(405, "method_not_allowed"), allowed) if allowed else self.error(404, "not_found")
