"""The attempt policy: the one place that decides whether a call is retried, delivered or failed.

Sans-IO, in the manner of h11's ``Connection``: no sockets, no clock, no sleeping. The
drivers' attempt loop (``Driver._attempts``, pumped by both session twins) makes an attempt,
describes what happened with plain values and asks :meth:`AttemptPolicy.decide`; the answer
is one of

* :class:`Deliver` — hand the response to the adapter's flow (which classifies the outcome);
* :class:`Again` — wait ``wait`` seconds and make attempt ``next`` (same request, same key);
* :class:`Fail` — raise ``error`` (always an :class:`~orderbridge.OrderbridgeError`).

What happened is either :class:`Answered` (a response came back) or :class:`Raised` (an
exception, and whether the request may have left this process). The rules, written once
(DESIGN.md, facade principles 2 and 10):

* a money-moving call at a broker that does not deduplicate (``Retry.NEVER``) has exactly one
  attempt; reads (``Retry.READ``) and placements the broker deduplicates on our key
  (``Retry.IDEMPOTENT``) get up to :data:`MAX_ATTEMPTS` on 5xx, 429 and transport failures;
* a wait is the broker's ``Retry-After`` (capped at :data:`MAX_BACKOFF`) or exponential
  backoff; no retry starts when the wait would pass the call's deadline;
* redirects are never followed: a 3xx to a money-moving call is :class:`OutcomeUnknown`;
* once an attempt of a money-moving call may have reached the broker, no later failure and
  no later rejection of a duplicate is reported as "nothing was placed" (:meth:`settle`).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Mapping
from typing import Any, NamedTuple, TypeGuard

import attrs

from ._errors import (
    BrokerUnavailable,
    DeadlineExceeded,
    OrderbridgeError,
    OrderRejected,
    OutcomeUnknown,
    ResponseTooLarge,
    after_ambiguity,
    for_exception,
    key_conflict,
    redirected,
    retry_rejected,
    undecodable,
)
from ._models import BrokerDescription
from ._wire import Call, Retry, Token, retry_after

MAX_ATTEMPTS = 3
"""Attempts for a retryable call (first try included)."""
MAX_BACKOFF = 4.0
"""Longest wait between attempts, in seconds (also caps a broker's ``Retry-After``)."""
BASE_BACKOFF = 0.1
"""First backoff in seconds; doubled per attempt, plus up to 10 % jitter."""


# -- what happened ------------------------------------------------------------------------------
class Answered(NamedTuple):
    """A response came back. ``parsed`` is ``False`` when the generated client could not parse
    it (``response`` is then the raw response, handed to the flow with ``parsed=None``)."""

    response: Any
    status: int
    headers: Mapping[str, str] = {}
    parsed: bool = True

    @property
    def retry_after(self) -> float | None:
        """The broker's ``Retry-After`` in seconds, when it sent a usable one."""
        return retry_after(self.headers)


class Raised(NamedTuple):
    """The attempt raised ``exc``; ``sent`` is whether the request may have left this process
    (it was handed to the network transport)."""

    exc: BaseException
    sent: bool


Happened = Answered | Raised


# -- decisions --------------------------------------------------------------------------------------
class Attempt(NamedTuple):
    """Where a call stands: the attempt number, whether an earlier attempt of a money-moving
    call may have reached the broker, and the seconds left before the call's deadline."""

    number: int = 1
    ambiguous: bool = False
    remaining: float = float("inf")


class Deliver(NamedTuple):
    """Hand ``response`` to the flow; ``attempt`` says which attempt produced it."""

    response: Any
    attempt: Attempt


class Again(NamedTuple):
    """Wait ``wait`` seconds, then make attempt ``next``."""

    wait: float
    next: Attempt


class Fail(NamedTuple):
    """Raise ``error``."""

    error: OrderbridgeError


Decision = Deliver | Again | Fail


def delivered_as_is(happened: Happened) -> TypeGuard[Answered]:
    """Whether every policy delivers ``happened`` unchanged: a parsed answer that is not a
    redirect, not 429 and not 5xx (nothing to retry, nothing to fail). :meth:`AttemptPolicy.decide`
    starts with this rule; a driver may apply it before building the call's policy, which it
    then needs only for the other answers and for failures."""
    if not isinstance(happened, Answered) or not happened.parsed:
        return False
    status = happened.status
    return not (300 <= status < 400 or status == 429 or status >= 500)


def backoff(number: int, rand: Callable[[], float] = random.random) -> float:
    """Exponential backoff before attempt ``number + 1``: 0.1 s, 0.2 s, 0.4 s... capped, with jitter."""
    return min(MAX_BACKOFF, BASE_BACKOFF * 2.0 ** (number - 1) * (1 + 0.1 * rand()))


@attrs.frozen(kw_only=True)
class AttemptPolicy:
    """The rule set of one call.

    Attributes:
        retry: the call's :class:`~orderbridge._wire.Retry` policy.
        name: the call's label for messages (``"Order/place"``).
        broker: broker name.
        client_order_id: the id a money-moving call carries (for :class:`OutcomeUnknown`).
        replays_duplicates: the broker answers a duplicate key with the original result.
        key_conflict_codes: the broker's codes for "this key was already used" (Sophic
            ``idempotency_key_conflict`` / ``idempotency_key_expired``).
        secret_body: the response may carry a secret (token endpoints): never kept on an error.
        max_attempts: attempts for a retryable call.
    """

    retry: Retry
    name: str
    broker: str
    client_order_id: str | None = None
    replays_duplicates: bool = False
    key_conflict_codes: Collection[str] = ()
    secret_body: bool = False
    max_attempts: int = MAX_ATTEMPTS
    rand: Callable[[], float] = attrs.field(default=random.random, repr=False, eq=False)

    @classmethod
    def of(cls, call: Call, description: BrokerDescription, client_order_id: str | None) -> AttemptPolicy:
        """The policy of ``call`` at the broker ``description`` describes."""
        return cls(
            retry=call.retry,
            name=call.name,
            broker=description.name,
            client_order_id=client_order_id,
            replays_duplicates=description.capabilities.replays_duplicates,
            key_conflict_codes=description.key_conflict_codes,
            secret_body=call.token is Token.NONE,
        )

    @property
    def money_moving(self) -> bool:
        return self.retry.moves_money

    # -- the one decision --------------------------------------------------------------------------
    def decide(self, attempt: Attempt, happened: Happened) -> Decision:
        """Retry, deliver or fail after ``attempt`` ended with ``happened``."""
        if delivered_as_is(happened):
            return Deliver(happened.response, attempt)
        if isinstance(happened, Answered):
            return self._answered(attempt, happened)
        return self._raised(attempt, happened)

    def _answered(self, attempt: Attempt, answer: Answered) -> Decision:
        status = answer.status
        if 300 <= status < 400:
            return Fail(self._redirect(status))
        if 200 <= status < 300 and not answer.parsed:
            error = self._decode(status, getattr(answer.response, "content", b""))
            return self._retry_or_fail(attempt, error)
        if status == 429 or status >= 500:
            ambiguous = attempt.ambiguous or self.money_moving
            after = answer.retry_after
            wait = backoff(attempt.number, self.rand) if after is None else after
            again = self._again(attempt, min(wait, MAX_BACKOFF), ambiguous)
            if again is not None:
                return again
        return Deliver(answer.response, attempt)

    def _raised(self, attempt: Attempt, raised: Raised) -> Decision:
        error = self.classify(raised)
        if isinstance(raised.exc, (DeadlineExceeded, ResponseTooLarge)):
            # Neither gets better by asking again: the deadline is spent, the answer is too big.
            return Fail(self._after_ambiguity(attempt, error))
        return self._retry_or_fail(attempt, error)

    def _retry_or_fail(self, attempt: Attempt, error: OrderbridgeError) -> Decision:
        """Another attempt for a transient failure when the call's policy allows one."""
        if isinstance(error, (BrokerUnavailable, OutcomeUnknown)):
            again = self._again(attempt, backoff(attempt.number, self.rand), attempt.ambiguous or error.order_may_exist)
            if again is not None:
                return again
        return Fail(self._after_ambiguity(attempt, error))

    def _again(self, attempt: Attempt, wait: float, ambiguous: bool) -> Again | None:
        if self.retry is Retry.NEVER or attempt.number >= self.max_attempts or wait >= attempt.remaining:
            return None
        return Again(wait, Attempt(attempt.number + 1, ambiguous, attempt.remaining - wait))

    # -- the errors of failures (worded by orderbridge._errors) ------------------------------------
    def classify(self, raised: Raised) -> OrderbridgeError:
        """The orderbridge error for an attempt that raised (no retry considered)."""
        return for_exception(
            self.broker,
            self.name,
            raised.exc,
            sent=raised.sent,
            money_moving=self.money_moving,
            client_order_id=self.client_order_id,
        )

    def _redirect(self, status: int) -> OrderbridgeError:
        return redirected(
            self.broker, self.name, status, money_moving=self.money_moving, client_order_id=self.client_order_id
        )

    def _decode(self, status: int, content: bytes) -> OrderbridgeError:
        # A token endpoint's body may hold a live token: never keep it on the error.
        content = b"" if self.secret_body else content
        return undecodable(
            self.broker,
            self.name,
            status,
            content,
            money_moving=self.money_moving,
            client_order_id=self.client_order_id,
        )

    def _after_ambiguity(self, attempt: Attempt, error: OrderbridgeError) -> OrderbridgeError:
        # Once an attempt of a money-moving call may have reached the broker, a later attempt
        # that "sent nothing" does not make the order not exist.
        if self.money_moving and attempt.ambiguous:
            return after_ambiguity(error, self.broker, self.name, self.client_order_id)
        return error

    # -- the flow's verdict ------------------------------------------------------------------------
    def settle(self, attempt: Attempt, error: OrderbridgeError) -> OrderbridgeError:
        """The error to raise when the flow classified the delivered response as ``error``.

        A money-moving call retried after an ambiguous attempt may be answered for our *own*
        first attempt: a rejection as a duplicate, or the broker's "key already used", is not
        definitive; neither is any other "nothing was placed" error.
        """
        if not self.money_moving or attempt.number < 2:
            return error
        if isinstance(error, OrderRejected):
            if not self.replays_duplicates:
                return retry_rejected(error, self.name, self.client_order_id)
            if attempt.ambiguous and str(error.code) in self.key_conflict_codes:
                return key_conflict(error, self.broker, self.name, self.client_order_id)
            return error
        return self._after_ambiguity(attempt, error)
