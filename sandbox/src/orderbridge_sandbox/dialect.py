"""What a broker's error dialect answers: "unauthorized", "invalid request", "server error",
"rate limited" and "no such route". Each broker's own shapes live in its package
(``brokers/<broker>/dialect.py``); this module holds the defaults and the shared helpers.

Known spec gaps (answers the spec does not declare; strict mode skips them, see ``Reply.spec_gap``):

* Fault-injected statuses that an operation does not declare (e.g. TopstepX 500).

A method a path does not have (``HEAD``, ``OPTIONS``, ``TRACE`` included) is 405 with an
``Allow`` header listing the path's methods, in the broker's own error shape. None of the four
vendors documents this answer, so the specs do not declare it; it is what RFC 9110 asks for,
and what Schemathesis's ``unsupported_method`` and ``allow_header_conformance`` checks expect.
"""

from __future__ import annotations

import httpx

from .ids import Ids
from .problems import Problem
from .wire import Call, Reply, json_reply

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
        return with_retry_after(json_reply({"error": "rate limited"}, 429), retry_after)

    def unknown_route(self, request: httpx.Request, path: str, allowed: tuple[str, ...]) -> Reply:
        return with_allow(json_reply({"error": "not found"}, 405 if allowed else 404), allowed)


def with_allow(reply: Reply, allowed: tuple[str, ...]) -> Reply:
    """A 405 names the methods the path has (RFC 9110, section 15.5.6)."""
    if reply.status == 405:
        reply.headers["Allow"] = ", ".join(allowed)
    return reply


def with_retry_after(reply: Reply, seconds: int | None) -> Reply:
    if seconds is not None:
        reply.headers["Retry-After"] = str(seconds)
    return reply


def pascal(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p)[:1].upper() + str(p)[1:] for p in path) or "$"
