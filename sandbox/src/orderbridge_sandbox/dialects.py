"""Each broker's error shapes, in one place: how it says "unauthorized", "invalid request",
"server error", "rate limited" and "no such route".

Known spec gaps (answers the spec does not declare; strict mode skips them, see ``Reply.spec_gap``):

* Fault-injected statuses that an operation does not declare (e.g. TopstepX 500).

TopstepX answers a request body that its schema refuses with 400 ProblemDetails on every
body-taking operation, as its spec declares: the gateway's docs show that answer for a login
body missing ``userName``/``apiKey`` ("before any credential check") and for ``Order/v2/query``,
which is the ASP.NET Core model validation that runs before any endpoint's own code. Refusals
the endpoint itself decides (unknown account, price off the tick grid, ...) stay HTTP 200
``success:false`` envelopes, answered by the handlers.

A method a path does not have (``HEAD``, ``OPTIONS``, ``TRACE`` included) is 405 with an
``Allow`` header listing the path's methods, in the broker's own error shape. None of the four
vendors documents this answer, so the specs do not declare it; it is what RFC 9110 asks for,
and what Schemathesis's ``unsupported_method`` and ``allow_header_conformance`` checks expect.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from urllib.parse import quote

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
        return _allow(json_reply({"error": "not found"}, 405 if allowed else 404), allowed)


def _allow(reply: Reply, allowed: tuple[str, ...]) -> Reply:
    """A 405 names the methods the path has (RFC 9110, section 15.5.6)."""
    if reply.status == 405:
        reply.headers["Allow"] = ", ".join(allowed)
    return reply


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

    def problem(self, fields: tuple[FieldError, ...]) -> Reply:
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
        return Reply(400, body, "application/problem+json")

    def unauthorized(self, call: Call, failure: AuthFailure) -> Reply:
        return text_reply("", 401)

    def invalid(self, call: Call, problem: Problem) -> Reply:
        if problem.kind == "security":
            return self.unauthorized(call, "missing")
        return self.problem(problem.fields)

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
            return _allow(
                self.error(
                    405, "method_not_allowed", f"{request.method} is not allowed on {path}; use {', '.join(allowed)}"
                ),
                allowed,
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
    "LimitPrice": "Missing order limit price.",
    "StopPrice": "Missing order stop price.",
}


def jsonp_header(callback: str) -> str:
    """The ``jsonp-callback`` header value: the callback name, percent-encoded where it is not
    printable ASCII (HTTP header values are ASCII; the body keeps the name as sent)."""
    return quote(callback, safe="".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%"))


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
            {"jsonp-callback": jsonp_header(callback)},
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
        if call.operation == "place_order_jsonp":  # JSONP answers 200, the error in the callback
            return self.jsonp(call, {"Message": self._message(fields), "StatusCode": 400})
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
        return self.error(400, self._message(fields))

    @staticmethod
    def _message(fields: tuple[FieldError, ...]) -> str:
        """The vendor's message for the first missing field it has words for."""
        if any(f.path == ("Orders",) and f.rule == "minItems" for f in fields):
            return "Group order must include at least one pair of orders."
        for f in fields:
            if f.code == "missing" and f.path and str(f.path[-1]) in TRADESTATION_MISSING:
                return TRADESTATION_MISSING[str(f.path[-1])]
        return "Invalid Request. Order input is incomplete, missing field"

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
        return _allow(self.error(405 if allowed else 404, "Method Not Allowed" if allowed else "Not Found"), allowed)


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
        return _allow(self.error(405, "method_not_allowed"), allowed) if allowed else self.error(404, "not_found")


DIALECTS: Mapping[str, type[Dialect]] = {
    "topstepx": TopstepXDialect,
    "crosstrade": CrossTradeDialect,
    "tradestation": TradeStationDialect,
    "sophic": SophicDialect,
}
