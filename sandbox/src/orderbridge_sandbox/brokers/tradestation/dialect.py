"""TradeStation's error dialect (TradeStation WebAPI v2 docs, errors)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import quote

import httpx

from ...dialect import AuthFailure, Dialect, with_allow, with_retry_after
from ...problems import FieldError, Problem
from ...wire import Call, Reply, json_reply, text_reply

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


INCOMPLETE = "Invalid Request. Order input is incomplete, missing field"
"""The vendor's words for a refused order body; the sandbox adds which field (the vendor's text names none)."""


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
        """The vendor's message for the first missing field it has words for; otherwise its
        generic "Order input is incomplete, missing field", followed by the field and the reason
        (the vendor's text names none; a refusal that names no field cannot be acted on)."""
        if any(f.path == ("Orders",) and f.rule == "minItems" for f in fields):
            return "Group order must include at least one pair of orders."
        for f in fields:
            if f.code == "missing" and f.path and str(f.path[-1]) in TRADESTATION_MISSING:
                return TRADESTATION_MISSING[str(f.path[-1])]
        if not fields:
            return INCOMPLETE
        first = fields[0]
        where = ".".join(map(str, first.path)) or first.location
        return f"{INCOMPLETE}: {where} ({first.message})"

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
        return with_retry_after(text_reply("<html><body>Quota Exceeded</body></html>", 403, "text/html"), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        return with_allow(
            self.error(405 if allowed else 404, "Method Not Allowed" if allowed else "Not Found"), allowed
        )
