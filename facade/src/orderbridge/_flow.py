"""Sans-IO building blocks shared by every broker adapter and by both session twins, and the
one wrapper through which every generated operation is sent and read.

A broker operation is written once as a *flow*: a generator that yields :class:`Call` objects
(one generated-client operation each) and receives a :class:`Sent` back. Both session twins
send a call through its :class:`Operation` (:meth:`Operation.send` / :meth:`Operation.asend`),
so the logic, mapping and outcome classification are identical in both.

Read once, one way (DESIGN.md, facade principle 9): :class:`Operation` builds the request with
the generated module's public ``build_request``, sends it with the attempt's state in
``request.extensions`` (:data:`EXCHANGE`, read by the session transport), decodes the body
**once** (:func:`decode`: every JSON number with a fraction or exponent is a
:class:`WireNumber`, the float the generated models expect carrying the exact text the broker
sent) and hands that decoded JSON to the generated ``parse_response`` for the typed model. The
flow receives both (:attr:`Sent.data`, :attr:`Sent.parsed`) and never decodes again.

Tolerance: for a 2xx status, a body that decodes as JSON but that the generated model cannot
parse (one malformed field the outcome does not need) is handed to the flow as
:class:`Undecoded` (the decoded JSON plus the parser's complaint) instead of raising; the
adapter decides the outcome from the decoded JSON with the same strict checks. An operation
may carry the adapter's ``usable`` check: a 2xx answer whose outcome fields are unusable is
raised as :class:`UnusableAnswer`, exactly like a body that does not decode, so the attempt
policy handles it. Error statuses are unchanged: a non-2xx body that does not parse raises,
and the session classifies it from its status.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Generator, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, TypeVar

import attrs
import httpx

T = TypeVar("T")


class Retry(enum.Enum):
    """Retry policy of one call (DESIGN.md, facade principle 2)."""

    NEVER = "never"
    """Money-moving call at a broker that does not deduplicate: exactly one attempt."""
    READ = "read"
    """Safe to repeat: transport failures, 5xx and 429 are retried with bounded backoff."""
    IDEMPOTENT = "idempotent"
    """Money-moving, but the broker deduplicates on the key we sent: retried like a read."""

    @property
    def moves_money(self) -> bool:
        """Whether calls with this policy move money (every policy but ``READ``)."""
        return self is not Retry.READ


class Token(enum.Enum):
    """Which bearer token a call carries."""

    REQUIRED = "required"
    """Obtain or renew the session's token first, then send it (every ordinary call)."""
    CURRENT = "current"
    """Send the token the session holds, as it is, without logging in first (TopstepX
    ``Auth/validate``: the token is its input)."""
    NONE = "none"
    """Send no token (token requests)."""


def _check_money_moving(call: Call, attribute: object, value: bool) -> None:
    if value is not call.retry.moves_money:
        raise ValueError(f"{call.name}: money_moving={value} contradicts retry={call.retry.name}")


EXCHANGE = "orderbridge.exchange"
"""The ``request.extensions`` key under which a request carries its attempt's
:class:`~orderbridge._transport.Exchange` to the session transport."""


class WireNumber(float):
    """A JSON number with a fraction or exponent: the ``float`` the generated models expect,
    carrying the exact text the broker sent (:attr:`text`), so ``Decimal(n.text)`` is the
    broker's number digit for digit (``6065.250000000`` stays ``Decimal("6065.250000000")``)."""

    text: str

    def __new__(cls, text: str) -> WireNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number


_DECODER = json.JSONDecoder(parse_float=WireNumber)
"""Built once: ``json.loads(..., parse_float=...)`` would build a decoder per call."""


def decode(content: bytes) -> Any:
    """``content`` decoded as JSON, once, numbers with a fraction or exponent as
    :class:`WireNumber` (bytes in any encoding ``json.loads`` accepts).

    Raises:
        ValueError: not JSON (``json.JSONDecodeError`` or ``UnicodeDecodeError``).
    """
    return _DECODER.decode(content.decode(json.detect_encoding(content), "surrogatepass"))


NOT_JSON: Any = object()
""":attr:`Read.data` of a body that is not JSON (an empty body, text, HTML)."""


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


Usable = Callable[[Any, Any], bool]
"""``usable(parsed, data)``: whether a 2xx answer (typed model or :class:`Undecoded`, and the
decoded JSON) carries the outcome fields it needs."""


class Read(NamedTuple):
    """An answer read once: ``parsed`` (the generated model, or :class:`Undecoded`) and
    ``data`` (the decoded JSON, or :data:`NOT_JSON`), beside the status, headers and bytes."""

    status_code: int
    content: bytes
    headers: Mapping[str, str]
    parsed: Any
    data: Any = NOT_JSON


def _problem(exc: BaseException) -> str:
    # KeyError's str() is the missing key in quotes; anything longer is cut so that no body
    # fragment a parser echoed can grow a log line without bound.
    return f"{type(exc).__name__}: {str(exc)[:200]}"


class Operation:
    """A generated ``<client>.api.<tag>.<operation>`` module, sent and read the one way (see the
    module docstring), with the adapter's optional ``usable`` check."""

    __slots__ = ("__name__", "module", "usable")

    def __init__(self, module: Any, usable: Usable | None = None) -> None:
        self.module = module
        self.usable = usable
        self.__name__: str = module.__name__

    def __repr__(self) -> str:
        return f"Operation({self.__name__})"

    def send(self, client: Any, kwargs: Mapping[str, Any], exchange: object) -> Read:
        """Send through ``client``'s pooled httpx client; ``exchange`` rides in the request."""
        request = self.module.build_request(**kwargs)
        response = client.get_httpx_client().request(**request, extensions={EXCHANGE: exchange})
        return self.read(client, response)

    async def asend(self, client: Any, kwargs: Mapping[str, Any], exchange: object) -> Read:
        """The async twin of :meth:`send`."""
        request = self.module.build_request(**kwargs)
        response = await client.get_async_httpx_client().request(**request, extensions={EXCHANGE: exchange})
        return self.read(client, response)

    def read(self, client: Any, response: httpx.Response) -> Read:
        """Decode the body once and parse the typed model from that decode."""
        content = response.content
        status = response.status_code
        try:
            data = decode(content) if content else NOT_JSON
        except ValueError:
            data = NOT_JSON
        ok = 200 <= status < 300
        try:
            if data is NOT_JSON:  # the generated parser reads text / raises on its own
                parsed = self.module.parse_response(client=client, response=response).parsed
            else:
                parsed = self.module.parse_response(client=client, response=response, data=data).parsed
        except Exception as exc:  # any parser failure on a 2xx JSON body is tolerated
            if not ok or data is NOT_JSON:
                raise
            parsed = Undecoded(data, _problem(exc))
        if ok and self.usable is not None and not self.usable(parsed, data):
            raise UnusableAnswer(f"{self.__name__}: HTTP {status} answer without usable outcome fields")
        return Read(status, content, response.headers, parsed, data)


def operation(module: Any, usable: Usable | None = None) -> Operation:
    """Wrap a generated operation module (an :class:`Operation` is returned unchanged)."""
    return module if isinstance(module, Operation) else Operation(module, usable)


@attrs.frozen
class Call:
    """One request through a generated operation.

    Attributes:
        operation: the generated module (``topstepx_client.api.order.place_order``), wrapped
            as an :class:`Operation` (one may be given, carrying its ``usable`` check).
        kwargs: its keyword arguments except ``client`` (``body=...``, path parameters).
        money_moving: places, cancels or changes an order; ambiguity then means
            :class:`OutcomeUnknown`, never a silent retry. Must agree with ``retry``
            (``READ`` is the only policy for calls that move no money).
        retry: the retry policy (decided by :mod:`orderbridge._policy`).
        name: short label for logs and errors (``"Order/place"``).
        token: which bearer token the request carries (:class:`Token`).
    """

    operation: Operation = attrs.field(converter=operation)
    kwargs: Mapping[str, Any] = attrs.field(repr=False)
    money_moving: bool = attrs.field(validator=_check_money_moving)
    retry: Retry
    name: str
    token: Token = Token.REQUIRED

    @classmethod
    def read(cls, operation: Any, kwargs: Mapping[str, Any], name: str, token: Token = Token.REQUIRED) -> Call:
        """A call that moves no money: :attr:`Retry.READ`, the only policy for one (logins,
        lookups, listings)."""
        return cls(operation, kwargs, money_moving=False, retry=Retry.READ, name=name, token=token)

    @classmethod
    def moving(cls, operation: Any, kwargs: Mapping[str, Any], name: str, retry: Retry = Retry.NEVER) -> Call:
        """A call that places, cancels or changes an order: never retried blindly
        (:attr:`Retry.NEVER`) unless the broker deduplicates it (:attr:`Retry.IDEMPOTENT`)."""
        return cls(operation, kwargs, money_moving=True, retry=retry, name=name)


@attrs.frozen
class Sent:
    """What a flow receives back for a :class:`Call`: the answer read once (a :class:`Read`,
    or a ``RawResponse`` with ``parsed=None`` for an error body the client could not parse),
    how many attempts it took, and whether an earlier attempt of a money-moving call may have
    reached the broker (``ambiguous_before``)."""

    response: Any
    attempts: int = 1
    ambiguous_before: bool = False
    target: str | None = None
    """The request's method and URL without userinfo or query (``"POST https://host/api/x"``),
    for messages; ``None`` when the transport did not say (:func:`request_target`)."""

    @property
    def data(self) -> Any:
        """The body as decoded once (:func:`decode`), or :data:`NOT_JSON`."""
        return getattr(self.response, "data", NOT_JSON)

    @property
    def status(self) -> int:
        return int(self.response.status_code)

    @property
    def parsed(self) -> Any:
        return self.response.parsed

    @property
    def headers(self) -> Mapping[str, str]:
        return self.response.headers  # type: ignore[no-any-return]

    @property
    def content(self) -> bytes:
        return self.response.content  # type: ignore[no-any-return]


Flow = Generator[Call, Sent, T]
"""A broker operation: yields calls, receives :class:`Sent`, returns the result."""


@attrs.frozen
class Grant:
    """A bearer token and its lifetime in seconds (``None``: no known expiry)."""

    token: str = attrs.field(repr=False)
    lifetime: float | None


def retry_after(headers: Mapping[str, str]) -> float | None:
    """``Retry-After`` in seconds when it is a non-negative number, else ``None``."""
    value = headers.get("retry-after") or headers.get("Retry-After")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def request_target(request: Any) -> str | None:
    """``"METHOD scheme://host[:port]/path"`` of an ``httpx.Request`` (no userinfo, no query:
    a query may carry a token), or ``None`` when there is none."""
    try:
        url = request.url
        method = request.method
    except (AttributeError, RuntimeError):  # httpx raises RuntimeError for an unset request
        return None
    port = f":{url.port}" if url.port is not None else ""
    return f"{method} {url.scheme}://{url.host}{port}{url.path}"


def wire_number(value: Decimal, field: str, broker: str) -> float:
    """Carry a decimal into a generated model field typed ``float`` (a JSON number on the wire).

    The generated clients type JSON numbers as ``float``; the wire text is the shortest repr
    of that float, which denotes exactly the same number as ``value`` whenever ``value`` has at
    most 15 significant digits. Anything the float cannot carry exactly is refused instead of
    being rounded.

    Raises:
        InvalidOrder: when the round trip is not exact.
    """
    from ._errors import InvalidOrder

    number = float(value)
    if Decimal(repr(number)) != value:
        raise InvalidOrder(
            f"{field} {value} has more digits than a JSON number can carry exactly to this broker",
            field=field,
            broker=broker,
        )
    return number


def enum_name(enum_cls: type[enum.Enum], code: object) -> str | None:
    """The spec's name for ``code`` in a generated enum (``PlaceOrderErrorCode``), or ``None``."""
    try:
        return enum_cls(code).name  # type: ignore[call-arg]
    except (ValueError, TypeError):
        return None


def answer_field(parsed: object, model: type, attribute: str, key: str) -> Any:
    """One field of an answer as sent, unchecked: ``attribute`` of a ``model`` instance (plain,
    :func:`plain`), or ``key`` of the decoded JSON when the body did not parse into ``model``
    (:class:`Undecoded`); ``None`` otherwise."""
    if isinstance(parsed, model):
        return plain(getattr(parsed, attribute))
    if isinstance(parsed, Undecoded) and isinstance(parsed.data, dict):
        return parsed.data.get(key)
    return None


def plain(value: Any) -> Any:
    """Unwrap a generated enum or ``Unset`` into a plain value (``Unset`` -> ``None``)."""
    if isinstance(value, enum.Enum):
        return value.value
    if type(value).__name__ == "Unset":
        return None
    return value
