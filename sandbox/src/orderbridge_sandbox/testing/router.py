"""``SpecRouter``: a respx router for one broker's spec that lets through only what the spec allows.

Every request to the broker's host is matched to a spec operation and validated (method, path,
parameters, headers and security, content type, body); a request the spec does not allow, or one
to an operation the test gave no answer for, raises :class:`RequestContractError` out of the
client call *and* is kept, so the test fails at teardown even when the code under test swallowed
the exception. Answers are the spec's examples by name, or a status/body the test gives, which is
validated against the spec when it is stubbed: a test cannot stub an answer the vendor could
never send.

Needs respx (``pip install 'orderbridge-sandbox[pytest]'``).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import httpx
import respx

from .. import spec as specs
from .specmodel import (
    MISSING,
    ContractError,
    Media,
    Operation,
    RequestContractError,
    ResponseCase,
    ResponseContractError,
    Status,
    check_request,
    check_response,
    example_response,
    operation,
    operations,
    sample_request,
)


@dataclasses.dataclass(frozen=True)
class Call:
    """One request a :class:`SpecRouter` answered.

    Attributes:
        operation: the spec ``operationId``.
        request: the request as sent.
        response: the answer given.
    """

    operation: str
    request: httpx.Request
    response: httpx.Response


@dataclasses.dataclass(frozen=True)
class _Reply:
    status: Status
    media: Media
    value: Any
    headers: Mapping[str, str]

    def build(self, op: Operation) -> httpx.Response:
        response = example_response(op, self.status, self.media, self.value)
        if self.headers:
            merged = httpx.Headers(response.headers)
            merged.update(self.headers)
            response = httpx.Response(response.status_code, headers=merged, content=response.content)
        return response


class Stub:
    """The answers stubbed for one operation (returned by :meth:`SpecRouter.answer`).

    Successive calls get successive answers, cycling through them.
    """

    def __init__(self, op: Operation, replies: Sequence[_Reply]) -> None:
        self.op = op
        self._cycle: Iterator[_Reply] = itertools.cycle(list(replies))
        self.calls: list[Call] = []
        """The calls answered, oldest first."""

    def __repr__(self) -> str:
        return f"Stub({self.op.id}, call_count={self.call_count})"

    @property
    def call_count(self) -> int:
        """How many requests this stub answered."""
        return len(self.calls)

    @property
    def called(self) -> bool:
        """Whether it answered at least once."""
        return bool(self.calls)

    def next_response(self) -> httpx.Response:
        return next(self._cycle).build(self.op)


class SpecRouter:
    """Requests to one broker, checked against its spec, answered from it.

    Args:
        broker: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"`` or ``"sophic"``.
        mock: the started ``respx.MockRouter`` to add the broker's route to (the ``spec_router``
            fixture owns it).
        base_url: where the code under test sends this broker's requests (default: the spec's
            server URL, the broker's production host; nothing is ever sent there). Its path
            part is removed before matching, e.g. ``http://127.0.0.1/topstepx``.
        token: the bearer token secured operations must carry (default: any non-empty one).
        assert_all_called: make :meth:`verify` fail for a stubbed operation never called.

    Raises:
        KeyError: unknown broker.
    """

    def __init__(
        self,
        broker: str,
        mock: respx.MockRouter,
        *,
        base_url: str | None = None,
        token: str | None = None,
        assert_all_called: bool = True,
    ) -> None:
        if broker not in specs.BROKERS:
            raise KeyError(f"unknown broker {broker!r}; one of {', '.join(specs.BROKERS)}")
        self.broker = broker
        self.base_url = (base_url or specs.server_url(broker)).rstrip("/")
        self.token = token
        self.require_all_called = assert_all_called
        url = httpx.URL(self.base_url)
        self._prefix = url.path.rstrip("/")
        self._stubs: dict[str, Stub] = {}
        self._calls: list[Call] = []
        self.violations: list[ContractError] = []
        """Every request the spec refused, or that hit an operation without an answer."""
        self._lock = threading.Lock()
        server_path = httpx.URL(specs.server_url(broker)).path.rstrip("/")
        # Literal segments first, so /orders/open wins over /orders/{id}.
        ordered = sorted(operations(broker), key=lambda o: (o.path.count("{"), -len(o.path)))
        self._table = [(o, re.compile(_template_regex(server_path + o.path))) for o in ordered]
        lookups: dict[str, Any] = {"scheme": url.scheme, "host": url.host}
        if url.port is not None:
            lookups["port"] = url.port
        self.route: respx.Route = mock.route(path__regex=f"^{re.escape(self._prefix)}(/.*)?$", **lookups)
        self.route.side_effect = self._answer

    def __repr__(self) -> str:
        return f"SpecRouter({self.broker!r}, base_url={self.base_url!r}, stubbed={sorted(self._stubs)})"

    # -- stubbing ------------------------------------------------------------------------------
    def answer(
        self,
        operation_id: str,
        example: str | ResponseCase | Sequence[str] | None = None,
        *,
        status: int | None = None,
        json: Any = MISSING,
        text: str | None = None,
        content_type: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Stub:
        """Answer ``operation_id`` (the spec's ``operationId``) with a documented or given answer.

        Args:
            example: the name of a documented example (searched in every status unless
                ``status`` is given), several names (successive calls get successive ones,
                cycling), or a :class:`ResponseCase` from :func:`~orderbridge_sandbox.testing.error_params`.
                Default: the first example of ``status``, or of the first 2xx status.
            status: the HTTP status to answer.
            json: a JSON body of your own (with ``status``; default status the first 2xx).
            text: a text body of your own.
            content_type: which of the status's media types (default: the first declared).
            headers: extra response headers (validated with the rest).

        Returns:
            The :class:`Stub` (``.calls``, ``.call_count``, ``.called``). Stubbing the same
            operation again replaces its answers.

        Raises:
            KeyError: unknown operation, status, media type or example name (the message lists
                what the spec documents).
            ResponseContractError: a body, status or header the spec does not allow for this
                operation: the vendor could never send it.
        """
        op = operation(self.broker, operation_id)
        replies: list[_Reply] = []
        extra = dict(headers or {})
        if isinstance(example, ResponseCase):
            if example.op.id != op.id:
                raise KeyError(f"{example.id} is an answer of {example.op.id}, not of {op.id}")
            replies.append(_Reply(example.status, example.media, example.value, extra))
        elif json is not MISSING or text is not None:
            if example is not None:
                raise TypeError("give an example name or a body of your own, not both")
            st = op.success if status is None else _status(op, status)
            media = _media(op, st, content_type)
            value = json if json is not MISSING else text
            reply = _Reply(st, media, value, extra)
            self._validate(op, reply)
            replies.append(reply)
        else:
            names: Sequence[str | None] = [example] if example is None or isinstance(example, str) else list(example)
            for name in names:
                replies.append(_documented(op, name, status, content_type, extra))
            if extra:
                for reply in replies:
                    self._validate(op, reply)
        stub = Stub(op, replies)
        with self._lock:
            self._stubs[operation_id] = stub
        return stub

    def _validate(self, op: Operation, reply: _Reply) -> None:
        try:
            check_response(op, sample_request(op), reply.build(op))
        except ResponseContractError as exc:
            raise ResponseContractError(exc.where, f"the vendor could never send this answer: {exc.problem}") from None

    # -- answering ------------------------------------------------------------------------------
    def _match(self, request: httpx.Request) -> Operation | None:
        path = request.url.raw_path.split(b"?", 1)[0].decode("ascii", "replace")
        if self._prefix and path.startswith(self._prefix):
            path = path[len(self._prefix) :] or "/"
        for op, pattern in self._table:
            if op.method.upper() == request.method and pattern.match(path):
                return op
        return None

    def _fail(self, error: ContractError) -> None:
        with self._lock:
            self.violations.append(error)
        raise error

    def _answer(self, request: httpx.Request) -> httpx.Response:
        op = self._match(request)
        if op is None:
            self._fail(
                RequestContractError(
                    f"{self.broker}::request",
                    f"no operation of the {self.broker} spec is {request.method} {request.url.path}",
                )
            )
            raise AssertionError("unreachable")
        try:
            check_request(op, request, prefix=self._prefix, token=self.token)
        except RequestContractError as exc:
            self._fail(exc)
        stub = self._stubs.get(op.operation_id)
        if stub is None:
            self._fail(
                RequestContractError(
                    f"{op.id}::request",
                    f"the code under test called {op.operation_id}, which this test gave no answer "
                    f"(router.answer({op.operation_id!r}, ...))",
                )
            )
            raise AssertionError("unreachable")
        response = stub.next_response()
        call = Call(op.operation_id, request, response)
        with self._lock:
            stub.calls.append(call)
            self._calls.append(call)
        return response

    # -- inspecting -----------------------------------------------------------------------------
    def calls(self, operation_id: str | None = None) -> list[Call]:
        """Answered calls, oldest first (of one operation when given)."""
        with self._lock:
            return [c for c in self._calls if operation_id is None or c.operation == operation_id]

    def assert_all_called(self) -> None:
        """Fail when a stubbed operation was never called (as respx's ``assert_all_called``).

        Raises:
            AssertionError: naming the operations never called.
        """
        never = sorted(name for name, stub in self._stubs.items() if not stub.called)
        if never:
            raise AssertionError(f"{self.broker}: stubbed but never called: {', '.join(never)}")

    def problems(self) -> list[str]:
        """What :meth:`verify` would fail for, one line each (the first spec violation first)."""
        lines = [str(v) for v in self.violations]
        if self.require_all_called:
            try:
                self.assert_all_called()
            except AssertionError as exc:
                lines.append(str(exc))
        return lines

    def verify(self) -> None:
        """Raise for any request the spec refused (even one the code under test swallowed) and,
        with ``assert_all_called``, for stubs never called. The fixture calls it at teardown.

        Raises:
            AssertionError: the problems, one per line.
        """
        lines = self.problems()
        if lines:
            raise AssertionError("\n".join(lines))


def _template_regex(path: str) -> str:
    parts = re.split(r"(\{[^}]+\})", path)
    return "^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$"


def _status(op: Operation, status: int) -> Status:
    try:
        return op.status(str(status))
    except KeyError:
        documented = ", ".join(s.code for s in op.statuses)
        raise KeyError(f"{op.id} documents no status {status} (documented: {documented})") from None


def _media(op: Operation, status: Status, content_type: str | None) -> Media:
    if not status.media:
        raise KeyError(f"{op.id}::{status.code} documents no body")
    try:
        return status.media_for(content_type)
    except KeyError:
        declared = ", ".join(m.content_type for m in status.media)
        raise KeyError(f"{op.id}::{status.code} declares no {content_type} (declared: {declared})") from None


def _documented(
    op: Operation, name: str | None, status: int | None, content_type: str | None, headers: Mapping[str, str]
) -> _Reply:
    statuses = [op.success] if status is None and name is None else op.statuses
    if status is not None:
        statuses = [_status(op, status)]
    for st in statuses:
        for media in st.media:
            if content_type is not None and media.content_type != content_type:
                continue
            if name is None and media.examples:
                return _Reply(st, media, next(iter(media.examples.values())), headers)
            if name is not None and name in media.examples:
                return _Reply(st, media, media.examples[name], headers)
    known = ", ".join(f"{st.code}[{n}]" for st in op.statuses for m in st.media for n in m.examples)
    raise KeyError(f"{op.id} documents no example {name!r} here (documented: {known})")
