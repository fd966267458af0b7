"""Each broker's error shapes, in one place: how it says "unauthorized", "invalid request",
"server error", "rate limited" and "no such route".

Known spec gaps (answers the spec does not declare; strict mode skips them, see ``Reply.spec_gap``):

* TopstepX declares 400 only on ``login_key`` and ``query_orders_v2``. A malformed body on an
  operation whose error-code enum has a refusal code is answered HTTP 200 ``success:false`` with
  that code (``BUSINESS_CODES``); on ``search_accounts``, ``search_contracts`` and
  ``available_contracts`` (whose enums only hold 0 Success) it is the framework's real answer,
  400 ProblemDetails, outside the spec.
* Fault-injected statuses that an operation does not declare (e.g. TopstepX 500).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping

import httpx

from .ids import Ids
from .routes import table
from .validation import FieldError, Problem
from .wire import Call, Reply, json_reply, text_reply

AuthFailure = str
"""``missing``, ``invalid`` or ``expired``."""


class Dialect:
    """Default shapes; each broker subclass overrides what it says differently."""

    broker = ""

    def __init__(self, ids: Ids) -> None:
        self.ids = ids

    def unauthorized(self, call: Call, failure: AuthFailure) -> Reply:
        return json_reply({"error": "unauthorized"}, 401)

    def invalid(self, call: Call, problem: Problem) -> Reply:
        return json_reply({"error": problem.message}, 400)

    def status(self, call: Call, status: int) -> Reply:
        """A bare error answer with ``status`` (fault injection)."""
        return json_reply({"error": f"HTTP {status}"}, status)

    def rate_limited(self, call: Call, retry_after: int | None) -> Reply:
        return _retry_after(json_reply({"error": "rate limited"}, 429), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        return json_reply({"error": "not found"}, 405 if allowed else 404)


def _retry_after(reply: Reply, seconds: int | None) -> Reply:
    if seconds is not None:
        reply.headers["Retry-After"] = str(seconds)
    return reply


def _pascal(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p)[:1].upper() + str(p)[1:] for p in path) or "$"


# ---------------------------------------------------------------------------------------- TopstepX
TOPSTEPX_PAYLOAD: Mapping[str, str | None] = {
    "login_key": "token",
    "login_app": "token",
    "validate_session": "newToken",
    "logout": None,
    "search_accounts": "accounts",
    "search_contracts": "contracts",
    "search_contract_by_id": "contract",
    "available_contracts": "contracts",
    "retrieve_bars": "bars",
    "place_order": "orderId",
    "modify_order": None,
    "cancel_order": None,
    "search_orders": "orders",
    "search_open_orders": "orders",
    "search_order_by_id": "order",
    "query_orders_v2": "orders",
    "search_open_positions": "positions",
    "close_position": None,
    "partial_close_position": None,
    "search_trades": "trades",
}
"""The payload field of each TopstepX envelope (null on a failure)."""

BUSINESS_CODES: Mapping[str, int] = {
    "login_app": 8,  # UnknownError
    "place_order": 2,  # OrderRejected: "covers every validation rejection" (ProjectX docs, response envelope)
    "modify_order": 3,  # Rejected
    "cancel_order": 3,  # Rejected
    "search_orders": 1,
    "search_open_orders": 1,
    "search_open_positions": 1,
    "search_trades": 1,  # AccountNotFound
    "search_order_by_id": 1,  # OrderNotFound
    "search_contract_by_id": 1,  # ContractNotFound
    "retrieve_bars": 1,  # ContractNotFound (refined by field below)
    "close_position": 5,  # OrderRejected
    "partial_close_position": 6,  # OrderRejected (5 InvalidCloseSize for a bad size)
}
"""TopstepX operations without a declared 400: the errorCode a malformed body gets."""

_FIELD_CODES: Mapping[tuple[str, str], int] = {
    ("retrieve_bars", "unit"): 2,
    ("retrieve_bars", "unitNumber"): 3,
    ("retrieve_bars", "limit"): 4,
    ("partial_close_position", "size"): 5,
}


class TopstepXDialect(Dialect):
    """401/429 are bodiless text; 400 is RFC 7807 ProblemDetails; business errors are HTTP 200
    envelopes with ``success: false`` (ProjectX docs, response envelope)."""

    broker = "topstepx"

    def envelope(self, operation: str, code: int, message: str | None = None, **payload: object) -> Reply:
        """The ``{<payload>, success, errorCode, errorMessage}`` answer of ``operation``."""
        body: dict[str, object] = {}
        key = TOPSTEPX_PAYLOAD.get(operation)
        if key:
            body[key] = payload.pop(key, None)
        body.update(payload)
        body.update(success=code == 0, errorCode=code, errorMessage=message)
        return json_reply(body)

    def problem(self, fields: tuple[FieldError, ...], spec_gap: str | None = None) -> Reply:
        errors: dict[str, list[str]] = {}
        for f in fields or (FieldError("body", (), "invalid", "The request body is invalid."),):
            name = _pascal(f.path)
            text = f"The {name} field is required." if f.code == "missing" else f"The value is not valid for {name}."
            errors.setdefault(name, []).append(text)
        body = {
            "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "title": "One or more validation errors occurred.",
            "status": 400,
            "detail": None,
            "instance": None,
            "errors": errors,
        }
        return Reply(400, body, "application/problem+json", spec_gap=spec_gap)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Reply:
        return text_reply("", 401)

    def invalid(self, call: Call, problem: Problem) -> Reply:
        op = call.operation
        if problem.kind == "security":
            return self.unauthorized(call, "missing")
        if op in ("login_key", "query_orders_v2"):
            return self.problem(problem.fields)
        if op in BUSINESS_CODES:
            code = BUSINESS_CODES[op]
            for name in problem.field_names():
                code = _FIELD_CODES.get((op, name), code)
            detail = "; ".join(f"{_pascal(f.path)}: {f.message}" for f in problem.fields) or problem.message
            return self.envelope(op, code, f"Invalid request: {detail}")
        return self.problem(problem.fields, spec_gap=f"topstepx declares no 400 for {op}")

    def status(self, call: Call, status: int) -> Reply:
        if status == 429:
            return self.rate_limited(call, None)
        return text_reply("", status)

    def rate_limited(self, call: Call, retry_after: int | None) -> Reply:
        return _retry_after(text_reply("", 429), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        if allowed:
            return text_reply("", 405, Allow=", ".join(allowed))
        return text_reply("", 404)


# -------------------------------------------------------------------------------------- CrossTrade
class CrossTradeDialect(Dialect):
    """``{"error": ...}`` bodies (newer ones add ``success:false`` and ``detail``); 404 for an
    unknown route suggests routes in ``did_you_mean``; 408 means the NT8 bridge is offline."""

    broker = "crosstrade"

    @staticmethod
    def error(status: int, error: str, detail: str | None = None, **extra: object) -> Reply:
        body: dict[str, object] = {"error": error}
        if detail is not None:
            body = {"success": False, "error": error, "detail": detail}
        body.update(extra)
        return json_reply(body, status)

    def unauthorized(self, call: Call, failure: AuthFailure) -> Reply:
        return self.error(401, "Unauthorized")

    def invalid(self, call: Call, problem: Problem) -> Reply:
        if problem.kind == "security":
            return self.unauthorized(call, "missing")
        detail = "; ".join(f"{'.'.join(map(str, f.path)) or f.location}: {f.message}" for f in problem.fields)
        return self.error(400, "Invalid request", detail or problem.message)

    def status(self, call: Call, status: int) -> Reply:
        if status == 429:
            return self.rate_limited(call, None)
        if status == 408:
            return json_reply({"success": False, "error": "NinjaTrader add-on is not connected"}, 408)
        return self.error(status, "internal_error", f"The request failed with HTTP {status}.")

    def rate_limited(self, call: Call, retry_after: int | None) -> Reply:
        return _retry_after(self.error(429, "Rate limit exceeded"), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        if allowed:
            return self.error(
                405, "method_not_allowed", f"{request.method} is not allowed on {path}; use {', '.join(allowed)}"
            )
        templates = sorted({r.template for r in table(self.broker).routes})
        suggestions = difflib.get_close_matches(path, templates, n=3, cutoff=0.3)
        return self.error(404, "not_found", f"No route for {request.method} {path}", did_you_mean=suggestions)


# ------------------------------------------------------------------------------------ TradeStation
TRADESTATION_MISSING: Mapping[str, str] = {
    "Quantity": "Missing order quantity.",
    "OrderType": "Missing order type.",
    "Type": "Missing order type.",
    "Symbol": "Missing order symbol.",
    "Duration": "Order failed. Reason: Missing TIF",
    "TimeInForce": "Order failed. Reason: Missing TIF",
    "AccountKey": "Invalid account.",
    "AccountId": "Invalid account.",
}


class TradeStationDialect(Dialect):
    """``{TraceId, StatusCode, Message}`` errors (the APIVersion check wraps them in ``Error``);
    the rate limit is HTTP 403 with an HTML "Quota Exceeded" body; the JSONP route always answers
    HTTP 200 with the error inside the callback."""

    broker = "tradestation"

    def error(self, status: int, message: str) -> Reply:
        return json_reply(
            {"TraceId": self.ids.uuid("tradestation:trace"), "StatusCode": status, "Message": message}, status
        )

    @staticmethod
    def jsonp(call: Call, payload: object) -> Reply:
        callback = call.query.get("callback") or "jsonpCallback"
        return Reply(
            200,
            f"{callback}({json.dumps(payload, separators=(',', ':'))})",
            "application/javascript",
            {"jsonp-callback": callback},
        )

    def unauthorized(self, call: Call, failure: AuthFailure) -> Reply:
        if call.operation == "place_order_jsonp":
            return self.jsonp(call, {"Message": "Unauthorized", "StatusCode": 401})
        return self.error(401, "Unauthorized")

    def invalid(self, call: Call, problem: Problem) -> Reply:
        if problem.kind == "security":
            return self.unauthorized(call, "missing")
        if call.operation == "authorize":
            return json_reply({"Message": "Authorization failed", "StatusCode": 401}, 401)
        fields = problem.fields
        if any(f.location == "query" and f.path == ("APIVersion",) for f in fields):
            version = call.query.get("APIVersion", "")
            if version.isdigit() and len(version) == 8:
                message = f"The APIVersion {version} is invalid"
            else:
                message = (
                    f"The APIVersion {version} has an invalid format. The APIVersion must be numeric and in "
                    "this pattern YYYYMMDD"
                )
            return json_reply({"Error": {"StatusCode": 400, "Message": message}}, 400)
        message = "Invalid Request. Order input is incomplete, missing field"
        for f in fields:
            if f.code == "missing" and f.path and str(f.path[-1]) in TRADESTATION_MISSING:
                message = TRADESTATION_MISSING[str(f.path[-1])]
                break
        if call.operation == "place_order_jsonp":
            return self.jsonp(call, {"Message": message, "StatusCode": 400})
        return self.error(400, message)

    def status(self, call: Call, status: int) -> Reply:
        if status == 429:
            return self.rate_limited(call, None)
        messages = {
            500: "Unknown internal service error.",
            502: "Bad Gateway",
            503: "Failed to Cancel/Replace order.",
            504: "Gateway Timeout",
            404: "Not Found",
            403: "Forbidden",
        }
        return self.error(status, messages.get(status, f"HTTP {status}"))

    def rate_limited(self, call: Call, retry_after: int | None) -> Reply:
        return _retry_after(text_reply("<html><body>Quota Exceeded</body></html>", 403, "text/html"), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        return self.error(405 if allowed else 404, "Method Not Allowed" if allowed else "Not Found")


# ------------------------------------------------------------------------------------------ Sophic
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
        return _retry_after(self.error(429, "rate_limited"), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        return self.error(405, "method_not_allowed") if allowed else self.error(404, "not_found")


DIALECTS: Mapping[str, type[Dialect]] = {
    "topstepx": TopstepXDialect,
    "crosstrade": CrossTradeDialect,
    "tradestation": TradeStationDialect,
    "sophic": SophicDialect,
}
