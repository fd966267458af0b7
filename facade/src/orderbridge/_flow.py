"""Sans-IO building blocks shared by every broker adapter and by both session twins.

A broker operation is written once as a *flow*: a generator that yields :class:`Call` objects
(one generated-client operation each) and receives the generated ``Response`` back. The sync
session drives it with ``sync_detailed``, the async session with ``asyncio_detailed``; the
logic, mapping and outcome classification are therefore identical in both twins.
"""

from __future__ import annotations

import enum
from collections.abc import Generator, Mapping
from decimal import Decimal
from typing import Any, Protocol, TypeVar

import attrs

from ._errors import OrderRejected, Origin, OutcomeUnknown, RateLimited, UnexpectedResponse, clean

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


class Operation(Protocol):
    """A generated ``<client>.api.<tag>.<operation>`` module."""

    def sync_detailed(self, *args: Any, **kwargs: Any) -> Any: ...

    async def asyncio_detailed(self, *args: Any, **kwargs: Any) -> Any: ...


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


@attrs.frozen
class Call:
    """One request through a generated operation.

    Attributes:
        operation: the generated module (``topstepx_client.api.order.place_order``).
        kwargs: its keyword arguments except ``client`` (``body=...``, path parameters).
        money_moving: places, cancels or changes an order; ambiguity then means
            :class:`OutcomeUnknown`, never a silent retry. Must agree with ``retry``
            (``READ`` is the only policy for calls that move no money).
        retry: the retry policy (decided by :mod:`orderbridge._policy`).
        name: short label for logs and errors (``"Order/place"``).
        token: which bearer token the request carries (:class:`Token`).
    """

    operation: Any
    kwargs: Mapping[str, Any] = attrs.field(repr=False)
    money_moving: bool = attrs.field(validator=_check_money_moving)
    retry: Retry
    name: str
    token: Token = Token.REQUIRED


@attrs.frozen
class Sent:
    """What a flow receives back for a :class:`Call`: the generated ``Response`` (or a
    ``RawResponse`` with ``parsed=None`` for an error body the client could not parse), how
    many attempts it took, and whether an earlier attempt of a money-moving call may have
    reached the broker (``ambiguous_before``)."""

    response: Any
    attempts: int = 1
    ambiguous_before: bool = False
    target: str | None = None
    """The request's method and URL without userinfo or query (``"POST https://host/api/x"``),
    for messages; ``None`` when the transport did not say."""

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


def unexpected(broker: str, sent: Sent, what: str) -> UnexpectedResponse:
    """An :class:`UnexpectedResponse` for a read whose body violates the spec."""
    return UnexpectedResponse(
        f"{what}: HTTP {sent.status} response does not match the spec",
        broker=broker,
        status_code=sent.status,
        content=sent.content,
    )


def unknown(
    broker: str,
    client_order_id: str | None,
    origin: Origin,
    what: str,
    *,
    code: str | int | None = None,
    code_name: str | None = None,
    broker_message: str | None = None,
    status_code: int | None = None,
) -> OutcomeUnknown:
    """An :class:`OutcomeUnknown` with a message that tells the caller to reconcile."""
    return OutcomeUnknown(
        f"{what}: outcome unknown ({origin}); the order may exist — reconcile with "
        f"resolve({client_order_id!r}) before sending it again",
        broker=broker,
        client_order_id=client_order_id,
        origin=origin,
        code=code,
        code_name=code_name,
        broker_message=broker_message,
        status_code=status_code,
    )


def rejected(
    broker: str,
    what: str,
    *,
    code: str | int | None,
    code_name: str | None,
    broker_message: str | None = None,
    order_id: str | None = None,
    client_order_id: str | None = None,
    raw: Any = None,
) -> OrderRejected:
    """An :class:`OrderRejected`; the broker's text goes to ``broker_message`` only."""
    if not code_name:
        label = f"code {clean(code)}"
    elif str(code_name) == str(code):  # Sophic's codes are their own names: say it once
        label = clean(code_name)
    else:
        label = f"{clean(code_name)} ({clean(code)})"
    return OrderRejected(
        f"{what} rejected: {label}",
        broker=broker,
        code=code,
        code_name=code_name,
        broker_message=broker_message,
        order_id=order_id,
        client_order_id=client_order_id,
        raw=raw,
    )


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


def rate_limited(broker: str, sent: Sent, what: str) -> RateLimited:
    after = retry_after(sent.headers)
    hint = f"; retry after {after:g} s" if after is not None else ""
    return RateLimited(f"{what}: rate limited (HTTP {sent.status}){hint}", broker=broker, retry_after=after)


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


def plain(value: Any) -> Any:
    """Unwrap a generated enum or ``Unset`` into a plain value (``Unset`` -> ``None``)."""
    if isinstance(value, enum.Enum):
        return value.value
    if type(value).__name__ == "Unset":
        return None
    return value
