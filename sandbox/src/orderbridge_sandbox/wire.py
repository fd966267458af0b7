"""The two values every handler deals in: :class:`Call` (a validated request) and :class:`Reply`
(what to answer), plus JSON encoding that keeps decimals exact.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl

import httpx


@dataclasses.dataclass(frozen=True)
class Call:
    """One request routed to a broker operation.

    Attributes:
        broker: broker name (``topstepx`` ...).
        operation: the spec ``operationId`` it matched.
        request: the original ``httpx.Request``.
        path: path parameters by name.
        body: the decoded body: JSON (floats as ``Decimal``), a form as ``dict[str, str]``, or None.
    """

    broker: str
    operation: str
    request: httpx.Request
    path: Mapping[str, str]
    body: Any = None

    @property
    def query(self) -> httpx.QueryParams:
        return self.request.url.params

    @property
    def headers(self) -> httpx.Headers:
        return self.request.headers

    def bearer(self) -> str | None:
        """The ``Authorization: Bearer <token>`` value, or None."""
        scheme, _, token = self.headers.get("authorization", "").partition(" ")
        return token.strip() or None if scheme.lower() == "bearer" else None

    def field(self, name: str, default: Any = None) -> Any:
        """``body[name]`` when the body is an object, else ``default``."""
        return self.body.get(name, default) if isinstance(self.body, dict) else default


@dataclasses.dataclass
class Reply:
    """A response to send.

    Attributes:
        status: HTTP status.
        body: JSON-able value (for JSON content types) or text.
        content_type: ``Content-Type`` header.
        headers: extra headers.
        spec_gap: set when the answer is knowingly outside the spec (a documented gap); the
            strict mode then does not validate it. See ``dialect.py`` for the list.
    """

    status: int
    body: Any = None
    content_type: str = "application/json"
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    spec_gap: str | None = None

    def content(self) -> bytes:
        if "json" in self.content_type:
            return dumps(self.body).encode()
        return ("" if self.body is None else str(self.body)).encode()

    def to_response(self, request: httpx.Request | None = None) -> httpx.Response:
        headers = {"Content-Type": self.content_type, **self.headers}
        return httpx.Response(self.status, headers=headers, content=self.content(), request=request)


def json_reply(body: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Reply:
    return Reply(status, body, "application/json", dict(headers or {}))


def text_reply(text: str, status: int = 200, content_type: str = "text/plain", **headers: str) -> Reply:
    return Reply(status, text, content_type, dict(headers))


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        if value.is_zero():
            return 0
        exponent = value.as_tuple().exponent
        return int(value) if isinstance(exponent, int) and exponent >= 0 else float(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dumps(value: Any) -> str:
    """JSON text; ``Decimal`` becomes a JSON number (shortest exact repr), datetimes ISO text."""
    return json.dumps(value, default=_default, separators=(",", ":"))


def decode_body(request: httpx.Request) -> Any:
    """The request body as JSON (``parse_float=Decimal``) or as a form dict; None when empty."""
    raw = request.content
    if not raw:
        return None
    ctype = request.headers.get("content-type", "").lower()
    if "application/x-www-form-urlencoded" in ctype:
        return dict(parse_qsl(raw.decode(), keep_blank_values=True))
    return json.loads(raw, parse_float=Decimal)
