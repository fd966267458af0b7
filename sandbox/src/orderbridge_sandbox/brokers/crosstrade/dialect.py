"""CrossTrade's error dialect (CrossTrade API docs, errors)."""

from __future__ import annotations

import difflib

import httpx

from ...dialect import AuthFailure, Dialect, with_allow, with_retry_after
from ...problems import Problem
from ...routes import table
from ...wire import Call, Reply, json_reply


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
        return with_retry_after(self.error(429, "Rate limit exceeded"), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        if allowed:
            return with_allow(
                self.error(
                    405, "method_not_allowed", f"{request.method} is not allowed on {path}; use {', '.join(allowed)}"
                ),
                allowed,
            )
        templates = sorted({r.template for r in table(self.broker).routes})
        suggestions = difflib.get_close_matches(path, templates, n=3, cutoff=0.3)
        return self.error(404, "not_found", f"No route for {request.method} {path}", did_you_mean=suggestions)
