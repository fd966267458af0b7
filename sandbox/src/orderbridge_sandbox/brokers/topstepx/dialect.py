"""TopstepX's error dialect (ProjectX Gateway API docs, response envelope and errors).

TopstepX answers a request body that its schema refuses with 400 ProblemDetails on every
body-taking operation, as its spec declares: the gateway's docs show that answer for a login
body missing ``userName``/``apiKey`` ("before any credential check") and for ``Order/v2/query``,
which is the ASP.NET Core model validation that runs before any endpoint's own code. Refusals
the endpoint itself decides (unknown account, price off the tick grid, ...) stay HTTP 200
``success:false`` envelopes, answered by the handlers.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from ...dialect import AuthFailure, Dialect, pascal, with_retry_after
from ...problems import FieldError, Problem
from ...wire import Call, Reply, json_reply, text_reply

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
            name = pascal(f.path)
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
        return with_retry_after(text_reply("", 429), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        if allowed:
            return text_reply("", 405, Allow=", ".join(allowed))
        return text_reply("", 404)
