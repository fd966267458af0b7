"""Tolerant reading of a 2xx answer: a body the generated model cannot parse is still read.

Facade principle 9 (DESIGN.md): the outcome of a call is decided from the few fields the
outcome needs, checked strictly; every other response field is read best-effort and never
changes the outcome. The generated clients parse a body all at once, so one malformed field the
outcome does not need (a timestamp that is not ISO 8601, a nested object of another shape)
would make the whole parse raise, and the session would report a real acceptance as
``OutcomeUnknown(origin="decode")``.

:func:`tolerant` wraps a generated operation module so that, for a 2xx status only, a parse
failure hands the flow an :class:`Undecoded` (the decoded JSON plus the parser's complaint)
instead of raising. The adapter then decides the outcome from the decoded JSON with the same
strict checks it applies to the typed model. Error statuses are unchanged: a non-2xx body that
does not parse still raises, and the session classifies it from its status as before.

A wrapper may also be given the adapter's ``usable`` check: a 2xx answer whose outcome fields
are unusable (a success without a usable order id, a boolean where an integer code is
documented) is then raised as :class:`UnusableAnswer`, exactly like a body that does not decode,
so the session's single attempt policy handles it (OutcomeUnknown for money-moving calls, and
another attempt only where the broker deduplicates on our key; UnexpectedResponse for reads).

The wrapper only composes the generated module's own ``_get_kwargs`` and ``_build_response``;
nothing about the request changes, and nothing here performs I/O of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

import attrs


@attrs.frozen
class Undecoded:
    """A 2xx body the generated model could not parse.

    Attributes:
        data: the body decoded as JSON (``dict``, ``list``, ``str``...), unchanged.
        problem: why the generated model refused it (exception type and message, no body text).
    """

    data: Any
    problem: str


class UnusableAnswer(ValueError):
    """A 2xx answer whose outcome fields are missing or unusable (no body text in the message)."""


Usable = Callable[[Any, bytes], bool]
"""``usable(parsed, content)``: whether a 2xx answer carries the outcome fields it needs."""


@attrs.frozen
class TolerantResponse:
    """Stands in for the generated ``Response`` when the 2xx body did not parse."""

    status_code: int
    content: bytes = attrs.field(repr=False)
    headers: Mapping[str, str] = attrs.field(repr=False)
    parsed: Undecoded


def _problem(exc: BaseException) -> str:
    text = str(exc)
    # KeyError's str() is the missing key in quotes; anything longer is cut so that no body
    # fragment a parser echoed can grow a log line without bound.
    return f"{type(exc).__name__}: {text[:200]}"


class Tolerant:
    """A generated operation module whose 2xx parse failures become :class:`Undecoded`.

    Exposes the same ``sync_detailed`` / ``asyncio_detailed`` / ``_build_response`` /
    ``__name__`` the session and the CrossTrade WebSocket transport use.
    """

    def __init__(self, operation: Any, usable: Usable | None = None) -> None:
        self.operation = operation
        self.usable = usable
        self.__name__: str = operation.__name__

    def __repr__(self) -> str:
        return f"tolerant({self.__name__})"

    def _build_response(self, *, client: Any, response: Any) -> Any:
        built = self._parse(client, response)
        ok = 200 <= response.status_code < 300
        if ok and self.usable is not None and not self.usable(built.parsed, response.content):
            status = response.status_code
            raise UnusableAnswer(f"{self.__name__}: HTTP {status} answer without usable outcome fields")
        return built

    def _parse(self, client: Any, response: Any) -> Any:
        try:
            return self.operation._build_response(client=client, response=response)
        except Exception as exc:  # any parser failure on a 2xx is tolerated
            if not 200 <= response.status_code < 300:
                raise
            try:
                data = json.loads(response.content)
            except ValueError:
                raise exc from None
            return TolerantResponse(
                status_code=int(response.status_code),
                content=response.content,
                headers=response.headers,
                parsed=Undecoded(data, _problem(exc)),
            )

    def sync_detailed(self, *, client: Any, **kwargs: Any) -> Any:
        request = self.operation._get_kwargs(**kwargs)
        response = client.get_httpx_client().request(**request)
        return self._build_response(client=client, response=response)

    async def asyncio_detailed(self, *, client: Any, **kwargs: Any) -> Any:
        request = self.operation._get_kwargs(**kwargs)
        response = await client.get_async_httpx_client().request(**request)
        return self._build_response(client=client, response=response)


def decoded_json(content: bytes) -> Any:
    """``content`` decoded as JSON, or ``None`` when it is not JSON. Used where the wire type of
    an outcome field matters and the generated parser may have coerced it (a JSON ``false``
    read as integer enum member 0)."""
    try:
        return json.loads(content)
    except (ValueError, TypeError):
        return None


def tolerant(operation: Any, usable: Usable | None = None) -> Tolerant:
    """Wrap a generated ``<client>.api.<tag>.<operation>`` module (see the module docstring)."""
    return Tolerant(operation, usable)
