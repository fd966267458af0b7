"""The test seam: for tests of code that uses orderbridge, and orderbridge's own.

Everything here is public and stable, so a test written against it keeps working when the
modules behind ``orderbridge`` are rearranged. Two kinds of names:

- **Sessions without I/O surprises.** :func:`session_for` opens a :class:`~orderbridge.Session`
  (or :class:`~orderbridge.AsyncSession`) over an httpx transport you give (an
  ``httpx.MockTransport``, the sandbox's ``transport()``) and reads no environment variable;
  its clock and its sleep between retries are yours. :func:`use_sleep` does the same for a
  session :func:`orderbridge.connect` opened. :func:`reset_budgets` and
  :func:`default_rate_limit` control the request budgets sessions share within a process.
- **The rules, without a session** (sans-IO, tested with plain values): the attempt policy
  (:class:`AttemptPolicy`, what it is told: :class:`Answered` / :class:`Raised`, what it
  decides: :class:`Deliver` / :class:`Again` / :class:`Fail`), the calls a broker flow yields
  (:class:`Call`, :class:`Retry`, :class:`Grant`), how numbers are written and read
  (:func:`decimal_text`, :func:`decode`, :class:`Reader`, :func:`to_wire_decimal`), the
  order-id rules (:func:`check_order_id`, :func:`order_id_from_wire`), the flatten plan
  (:func:`flatten_plan_for`) and the placement preview (:func:`preview_order`).

Example::

    import httpx
    import orderbridge as ob
    from orderbridge.testing import session_for

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503)

    waits: list[float] = []
    with session_for("topstepx", transport=httpx.MockTransport(answer), sleep=waits.append) as session:
        ...  # every retry's backoff lands in ``waits``; nothing really sleeps

Nothing here is needed in production code, and nothing here opens a connection by itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal, TypedDict, Unpack, overload

import httpx

from . import _driver
from ._account import FlattenReport, Reader, to_wire_decimal
from ._adapter import get_adapter
from ._config import resolve_settings
from ._driver import MAX_ID_LENGTH
from ._errors import MAX_MESSAGE, DeadlineExceeded, ResponseTooLarge
from ._lifecycle import PlaceStep, Plan, StepResult, flatten_plan
from ._models import (
    DOCUMENTED,
    INT64_MAX,
    MAX_DIGITS,
    MAX_MAGNITUDE,
    Budget,
    RateLimit,
    check_order_id,
    decimal_text,
    order_id_from_wire,
    with_client_order_id,
)
from ._policy import (
    MAX_ATTEMPTS,
    MAX_BACKOFF,
    Again,
    Answered,
    Attempt,
    AttemptPolicy,
    Deliver,
    Fail,
    Happened,
    Raised,
    backoff,
    delivered_as_is,
)
from ._preview import PreviewedRequest, preview_order
from ._session import AsyncSession, Session
from ._wire import Call, Grant, Retry, decode
from .brokers import describe

Sleep = Callable[[float], object]
"""What a session calls instead of waiting: ``sleep(seconds)``; its return value is ignored."""

# -- sessions ---------------------------------------------------------------------------------------


def _placeholders(broker: str) -> dict[str, str]:
    """A made-up value for each credential the broker takes (``"test-<name>"``)."""
    return {name: f"test-{name.replace('_', '-')}" for name in describe(broker).credentials}


class SessionOptions(TypedDict, total=False):
    """The settings :func:`session_for` takes beyond the broker and the transport (see there)."""

    credentials: Mapping[str, str] | None
    api_version: str | None
    base_url: str | None
    timeout: float
    deadline: float | None
    max_response_bytes: int | None
    clock: Callable[[], float] | None
    sleep: Sleep | None
    rate_limit: RateLimit | Budget | None


@overload
def session_for(
    broker: str,
    *,
    transport: httpx.BaseTransport,
    asynchronous: Literal[False] = False,
    **options: Unpack[SessionOptions],
) -> Session: ...


@overload
def session_for(
    broker: str, *, transport: httpx.AsyncBaseTransport, asynchronous: Literal[True], **options: Unpack[SessionOptions]
) -> AsyncSession: ...


@overload
def session_for(
    broker: str, *, transport: Any, asynchronous: bool, **options: Unpack[SessionOptions]
) -> Session | AsyncSession: ...


def session_for(
    broker: str,
    *,
    transport: Any,
    credentials: Mapping[str, str] | None = None,
    api_version: str | None = None,
    base_url: str | None = None,
    timeout: float = 10.0,
    deadline: float | None = None,
    max_response_bytes: int | None = None,
    clock: Callable[[], float] | None = None,
    sleep: Sleep | None = None,
    rate_limit: RateLimit | Budget | None = DOCUMENTED,
    asynchronous: bool = False,
) -> Session | AsyncSession:
    """A session to ``broker`` over ``transport`` that reads no environment variable.

    What :func:`orderbridge.connect` (or :func:`~orderbridge.connect_async`) opens, except that
    every setting comes from the arguments (no ``ORDERBRIDGE_*`` variable is read), and the
    session's clock and sleep can be replaced. Nothing is sent until a method is called.

    Args:
        broker: ``"topstepx"``, ``"crosstrade"``, ``"tradestation"`` or ``"sophic"``.
        transport: an httpx transport for every request (``httpx.MockTransport(handler)``, the
            sandbox's ``transport()``); an ``httpx.AsyncBaseTransport`` when ``asynchronous``.
        credentials: credential name -> value; ``None`` gives each credential the broker takes
            a made-up value ``"test-<name>"`` (a mock transport accepts any).
        api_version: TradeStation only: ``"20160101"`` (default) or ``"20150101"``.
        base_url: default the broker's production URL (a mock transport never contacts it).
        timeout: seconds for every connect/read/write/pool wait, as :func:`orderbridge.connect`.
        deadline: seconds one call may take in total, as :func:`orderbridge.connect`.
        max_response_bytes: cap on a decoded response body (default 8 MiB).
        clock: a monotonic clock in seconds, for token lifetimes (default ``time.monotonic``).
        sleep: called as ``sleep(seconds)`` instead of waiting between attempts or for the
            request budget (``waits.append`` records them); ``None`` really waits. A plain
            function serves an async session too.
        rate_limit: the request budget, as :func:`orderbridge.connect`.
        asynchronous: ``True`` for an :class:`~orderbridge.AsyncSession`.

    Returns:
        A :class:`~orderbridge.Session`, or an :class:`~orderbridge.AsyncSession` when
        ``asynchronous``; close it (``with`` / ``async with``) to close its connections.

    Raises:
        ConfigurationError: unknown broker, credential name, bad base URL or option.
    """
    description = describe(broker)
    settings = resolve_settings(
        description,
        credentials=dict(_placeholders(broker) if credentials is None else credentials),
        base_url=base_url,
        timeout=timeout,
        deadline=deadline,
        max_response_bytes=max_response_bytes,
        api_version=api_version,
        environ={},
    )
    adapter = get_adapter(description)
    kind = AsyncSession if asynchronous else Session
    session = kind(
        settings, adapter, transport=transport, clock=time.monotonic if clock is None else clock, rate_limit=rate_limit
    )
    if sleep is not None:
        use_sleep(session, sleep)
    return session


def use_sleep(session: Session | AsyncSession, sleep: Sleep) -> None:
    """Make ``session`` call ``sleep(seconds)`` instead of waiting, from now on.

    The waits a session makes are the backoff between attempts of a retried call and the wait
    for its request budget; with ``sleep=waits.append`` a test sees each one and none takes
    time. Sessions :meth:`~orderbridge.Session.with_options` makes afterwards keep it.

    Args:
        session: a session from :func:`session_for` or :func:`orderbridge.connect` (either twin).
        sleep: a plain function of the seconds; on an async session it is called and then the
            event loop gets control once (``await asyncio.sleep(0)``).
    """
    if isinstance(session, AsyncSession):

        async def later(seconds: float) -> None:
            sleep(seconds)
            await asyncio.sleep(0)

        session._sleep = later
    else:
        session._sleep = sleep


# -- request budgets ----------------------------------------------------------------------------------


def reset_budgets() -> None:
    """Forget every request counted against a broker's budget in this process.

    Budgets are shared per credential by every session of the process (see
    :class:`~orderbridge.RateLimit`); tests that reuse one credential call this between tests so
    one test's requests do not slow the next down.
    """
    _driver.reset_counters()


@contextlib.contextmanager
def default_rate_limit(rate_limit: RateLimit | None) -> Iterator[None]:
    """Within the block, a session opened without ``rate_limit`` keeps ``rate_limit`` instead of
    the broker's documented budget (``None``: no budget at all). Restored on exit.

    A test suite whose tests send many requests with one demo credential can turn budgets off
    for every test but those about budgets (which pass ``rate_limit=`` explicitly).

    Args:
        rate_limit: a :class:`~orderbridge.RateLimit`, or ``None`` to keep no budget.

    Yields:
        Nothing; the setting holds until the block ends.
    """
    before = _driver._IMPLICIT
    _driver._IMPLICIT = rate_limit
    try:
        yield
    finally:
        _driver._IMPLICIT = before


# -- plans ----------------------------------------------------------------------------------------------


def flatten_plan_for(broker: str, account: str) -> Plan[FlattenReport]:
    """The kill switch (``Session.flatten``) as a plan to drive by hand, without a session.

    The plan is a generator: it yields a step (a broker flow, or a :class:`PlaceStep` for a
    placement the session would make), receives each step's :class:`StepResult` through
    ``send``, and returns the :class:`~orderbridge.FlattenReport` (``StopIteration.value``).
    A flow step's function name (``step.gi_code.co_name``) says which read or action it is
    (``"open_orders"``, ``"positions"``, ``"cancel"``, ``"close_position"``...).

    Args:
        broker: the broker whose capabilities decide the plan (native flatten or emulated).
        account: the account the plan is for.

    Returns:
        The plan, not started.
    """
    description = describe(broker)
    settings = resolve_settings(description, credentials={}, environ={})
    return flatten_plan(get_adapter(description), account, settings)


__all__ = [
    "INT64_MAX",
    "MAX_ATTEMPTS",
    "MAX_BACKOFF",
    "MAX_DIGITS",
    "MAX_ID_LENGTH",
    "MAX_MAGNITUDE",
    "MAX_MESSAGE",
    "Again",
    "Answered",
    "Attempt",
    "AttemptPolicy",
    "Call",
    "DeadlineExceeded",
    "Deliver",
    "Fail",
    "Grant",
    "Happened",
    "PlaceStep",
    "PreviewedRequest",
    "Raised",
    "Reader",
    "ResponseTooLarge",
    "Retry",
    "Sleep",
    "StepResult",
    "backoff",
    "check_order_id",
    "decimal_text",
    "decode",
    "default_rate_limit",
    "delivered_as_is",
    "flatten_plan_for",
    "order_id_from_wire",
    "preview_order",
    "reset_budgets",
    "SessionOptions",
    "session_for",
    "to_wire_decimal",
    "use_sleep",
    "with_client_order_id",
]
