"""The attempt policy, tested directly with plain values: no HTTP, no session, no clock.

One table covers every kind of outcome x every retry policy x first / middle / last attempt,
the way h11's state machine is tested with bytes. Each row states the decision the rules in
DESIGN.md (facade principles 2 and 10) require.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge.testing import (
    MAX_ATTEMPTS,
    MAX_BACKOFF,
    Again,
    Answered,
    Attempt,
    AttemptPolicy,
    DeadlineExceeded,
    Deliver,
    Fail,
    Happened,
    Raised,
    ResponseTooLarge,
    Retry,
    backoff,
    delivered_as_is,
)

REQUEST = httpx.Request("POST", "https://broker.test/orders")
RESPONSE = object()  # the policy hands the response on untouched: any object will do


def answered(status: int, *, parsed: bool = True, retry_after: float | None = None) -> Answered:
    headers = {} if retry_after is None else {"Retry-After": str(retry_after)}
    return Answered(RESPONSE, status, headers, parsed=parsed)


def raised(exc: BaseException, *, sent: bool) -> Raised:
    return Raised(exc, sent=sent)


OUTCOMES: dict[str, Happened] = {
    "200": answered(200),
    "201": answered(201),
    "400": answered(400),
    "404": answered(404),
    "302": answered(302),
    "307": answered(307),
    "429": answered(429),
    "500": answered(500),
    "503_retry_after": answered(503, retry_after=1.5),
    "200_unparsed": answered(200, parsed=False),
    "502_unparsed": answered(502, parsed=False),
    "connect_error": raised(httpx.ConnectError("refused", request=REQUEST), sent=True),
    "connect_timeout": raised(httpx.ConnectTimeout("slow", request=REQUEST), sent=True),
    "read_timeout": raised(httpx.ReadTimeout("slow", request=REQUEST), sent=True),
    "dropped": raised(httpx.RemoteProtocolError("closed", request=REQUEST), sent=True),
    "deadline": raised(DeadlineExceeded("deadline", request=REQUEST), sent=True),
    "too_large": raised(ResponseTooLarge("big", request=REQUEST), sent=True),
    "odd_after_send": raised(KeyError("x"), sent=True),
    "encode_error": raised(ValueError("bad body"), sent=False),
    "closed_client": raised(RuntimeError("closed"), sent=False),
    "odd_before_send": raised(KeyError("x"), sent=False),
    "bad_url": raised(httpx.UnsupportedProtocol("ftp"), sent=False),
}

# What each outcome means, per policy, when the policy still allows another attempt:
# "deliver", "again", or the error class (+ OutcomeUnknown origin).
D, A = "deliver", "again"
OU = ob.OutcomeUnknown
TABLE: dict[str, dict[Retry, Any]] = {
    "200": {Retry.READ: D, Retry.IDEMPOTENT: D, Retry.NEVER: D},
    "201": {Retry.READ: D, Retry.IDEMPOTENT: D, Retry.NEVER: D},
    "400": {Retry.READ: D, Retry.IDEMPOTENT: D, Retry.NEVER: D},
    "404": {Retry.READ: D, Retry.IDEMPOTENT: D, Retry.NEVER: D},
    "302": {Retry.READ: ob.UnexpectedResponse, Retry.IDEMPOTENT: (OU, "redirect"), Retry.NEVER: (OU, "redirect")},
    "307": {Retry.READ: ob.UnexpectedResponse, Retry.IDEMPOTENT: (OU, "redirect"), Retry.NEVER: (OU, "redirect")},
    "429": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: D},
    "500": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: D},
    "503_retry_after": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: D},
    "200_unparsed": {Retry.READ: ob.UnexpectedResponse, Retry.IDEMPOTENT: A, Retry.NEVER: (OU, "decode")},
    "502_unparsed": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: D},
    "connect_error": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: ob.BrokerUnavailable},
    "connect_timeout": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: ob.BrokerUnavailable},
    "read_timeout": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: (OU, "timeout")},
    "dropped": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: (OU, "connection_dropped")},
    "deadline": {
        Retry.READ: ob.BrokerUnavailable,
        Retry.IDEMPOTENT: (OU, "deadline"),
        Retry.NEVER: (OU, "deadline"),
    },
    "too_large": {
        Retry.READ: ob.UnexpectedResponse,
        Retry.IDEMPOTENT: (OU, "response_too_large"),
        Retry.NEVER: (OU, "response_too_large"),
    },
    "odd_after_send": {Retry.READ: A, Retry.IDEMPOTENT: A, Retry.NEVER: (OU, "transport_failure")},
    "encode_error": {Retry.READ: ob.InvalidOrder, Retry.IDEMPOTENT: ob.InvalidOrder, Retry.NEVER: ob.InvalidOrder},
    "closed_client": {
        Retry.READ: ob.ConfigurationError,
        Retry.IDEMPOTENT: ob.ConfigurationError,
        Retry.NEVER: ob.ConfigurationError,
    },
    "odd_before_send": {
        Retry.READ: ob.OrderbridgeError,
        Retry.IDEMPOTENT: ob.OrderbridgeError,
        Retry.NEVER: ob.OrderbridgeError,
    },
    "bad_url": {
        Retry.READ: ob.ConfigurationError,
        Retry.IDEMPOTENT: ob.ConfigurationError,
        Retry.NEVER: ob.ConfigurationError,
    },
}

# When no attempt is left, "again" becomes: deliver the last response, or fail with the error
# the attempt produced (for a money-moving call after an ambiguous attempt, never "nothing sent").
LAST: dict[str, dict[Retry, Any]] = {
    "429": {Retry.READ: D, Retry.IDEMPOTENT: D},
    "500": {Retry.READ: D, Retry.IDEMPOTENT: D},
    "503_retry_after": {Retry.READ: D, Retry.IDEMPOTENT: D},
    "502_unparsed": {Retry.READ: D, Retry.IDEMPOTENT: D},
    "200_unparsed": {Retry.IDEMPOTENT: (OU, "decode")},
    "connect_error": {Retry.READ: ob.BrokerUnavailable, Retry.IDEMPOTENT: (OU, "retried_after_ambiguous")},
    "connect_timeout": {Retry.READ: ob.BrokerUnavailable, Retry.IDEMPOTENT: (OU, "retried_after_ambiguous")},
    "read_timeout": {Retry.READ: ob.BrokerUnavailable, Retry.IDEMPOTENT: (OU, "timeout")},
    "dropped": {Retry.READ: ob.BrokerUnavailable, Retry.IDEMPOTENT: (OU, "connection_dropped")},
    "odd_after_send": {Retry.READ: ob.BrokerUnavailable, Retry.IDEMPOTENT: (OU, "transport_failure")},
}


def policy(retry: Retry) -> AttemptPolicy:
    return AttemptPolicy(retry=retry, name="orders", broker="sophic", client_order_id="cid-1", rand=lambda: 0.0)


def check(decision: Any, expected: Any, attempt: Attempt) -> None:
    if expected == D:
        assert isinstance(decision, Deliver), decision
        assert decision.response is RESPONSE and decision.attempt == attempt
    elif expected == A:
        assert isinstance(decision, Again), decision
        assert decision.next.number == attempt.number + 1
        assert 0 <= decision.wait <= MAX_BACKOFF
    else:
        kind, origin = expected if isinstance(expected, tuple) else (expected, None)
        assert isinstance(decision, Fail), decision
        assert type(decision.error) is kind, decision.error
        if origin is not None:
            assert isinstance(decision.error, ob.OutcomeUnknown) and decision.error.origin == origin
            assert decision.error.client_order_id == "cid-1"


ROWS = [(name, retry) for name in OUTCOMES for retry in Retry]


@pytest.mark.parametrize(("outcome", "retry"), ROWS, ids=[f"{o}-{r.name}" for o, r in ROWS])
def test_first_attempt(outcome: str, retry: Retry) -> None:
    attempt = Attempt(1, ambiguous=False, remaining=30.0)
    check(policy(retry).decide(attempt, OUTCOMES[outcome]), TABLE[outcome][retry], attempt)


@pytest.mark.parametrize(("outcome", "retry"), ROWS, ids=[f"{o}-{r.name}" for o, r in ROWS])
def test_last_attempt_after_an_ambiguous_one(outcome: str, retry: Retry) -> None:
    attempt = Attempt(MAX_ATTEMPTS, ambiguous=retry is not Retry.READ, remaining=30.0)
    expected = TABLE[outcome][retry]
    if expected == A:
        expected = LAST[outcome][retry]
    elif retry is not Retry.READ and isinstance(expected, type) and not issubclass(expected, OU):
        # an earlier attempt may have placed the order: "nothing was sent this time" is not definitive
        expected = (OU, "retried_after_ambiguous")
    check(policy(retry).decide(attempt, OUTCOMES[outcome]), expected, attempt)


@pytest.mark.parametrize("outcome", [o for o in OUTCOMES if TABLE[o][Retry.READ] == A])
def test_no_retry_past_the_deadline(outcome: str) -> None:
    """A retry whose wait would end after the deadline is not started."""
    attempt = Attempt(1, remaining=0.01)
    decision = policy(Retry.READ).decide(attempt, OUTCOMES[outcome])
    assert not isinstance(decision, Again)


def test_retry_after_is_honoured_and_capped() -> None:
    first = Attempt(1, remaining=60.0)
    decision = policy(Retry.READ).decide(first, answered(503, retry_after=1.5))
    assert isinstance(decision, Again) and decision.wait == 1.5
    decision = policy(Retry.READ).decide(first, answered(503, retry_after=3600))
    assert isinstance(decision, Again) and decision.wait == MAX_BACKOFF


def test_backoff_grows_and_is_capped() -> None:
    waits = [backoff(n, lambda: 0.0) for n in range(1, 10)]
    assert waits[:3] == [0.1, 0.2, 0.4]
    assert waits == sorted(waits) and max(waits) == MAX_BACKOFF
    assert backoff(1, lambda: 1.0) == pytest.approx(0.11)


def test_money_moving_retry_marks_the_next_attempt_ambiguous() -> None:
    again = policy(Retry.IDEMPOTENT).decide(Attempt(1), answered(500))
    assert isinstance(again, Again) and again.next.ambiguous
    again = policy(Retry.READ).decide(Attempt(1), answered(500))
    assert isinstance(again, Again) and not again.next.ambiguous
    # a connect error sent nothing: no ambiguity from it
    again = policy(Retry.IDEMPOTENT).decide(Attempt(1), OUTCOMES["connect_error"])
    assert isinstance(again, Again) and not again.next.ambiguous


# -- settle: the flow's verdict on a delivered response -------------------------------------------
def rejected(code: str) -> ob.OrderRejected:
    return ob.OrderRejected("rejected", broker="sophic", code=code, code_name=code, client_order_id="cid-1")


def sophic_policy() -> AttemptPolicy:
    return AttemptPolicy(
        retry=Retry.IDEMPOTENT,
        name="orders",
        broker="sophic",
        client_order_id="cid-1",
        replays_duplicates=True,
        key_conflict_codes=frozenset({"idempotency_key_conflict", "idempotency_key_expired"}),
    )


@pytest.mark.parametrize("code", ["idempotency_key_conflict", "idempotency_key_expired"])
def test_key_conflict_after_an_ambiguous_attempt_is_unknown(code: str) -> None:
    """Defect 7: the broker already knew our key, so the order may exist."""
    error = sophic_policy().settle(Attempt(2, ambiguous=True), rejected(code))
    assert isinstance(error, ob.OutcomeUnknown) and error.origin == "retry_key_conflict" and error.code == code


def test_other_rejections_at_a_replaying_broker_stay_definitive() -> None:
    error = sophic_policy().settle(Attempt(2, ambiguous=True), rejected("insufficient_funds"))
    assert type(error) is ob.OrderRejected
    # a first attempt's key conflict is this call's own answer: nothing was placed by it
    error = sophic_policy().settle(Attempt(1), rejected("idempotency_key_conflict"))
    assert type(error) is ob.OrderRejected


def test_retried_rejection_at_a_non_replaying_broker_is_unknown() -> None:
    never_replays = AttemptPolicy(retry=Retry.IDEMPOTENT, name="orders", broker="tradestation", client_order_id="c")
    error = never_replays.settle(Attempt(2, ambiguous=True), rejected("Failed"))
    assert isinstance(error, ob.OutcomeUnknown) and error.origin == "retry_rejected"


def test_settle_leaves_reads_alone() -> None:
    error = ob.BrokerUnavailable("down", broker="sophic")
    assert policy(Retry.READ).settle(Attempt(3, ambiguous=False), error) is error


@pytest.mark.parametrize("retry", list(Retry))
@pytest.mark.parametrize("parsed", [True, False])
def test_delivered_as_is_is_exactly_what_every_policy_delivers_untouched(retry: Retry, parsed: bool) -> None:
    """The drivers skip building a policy when delivered_as_is holds: it must agree with decide
    for every status, every attempt and every policy, and never hold for a raised attempt."""
    for status in range(100, 600):
        happened = answered(status, parsed=parsed)
        for attempt in (Attempt(1), Attempt(2, ambiguous=True), Attempt(MAX_ATTEMPTS, remaining=0.0)):
            decision = policy(retry).decide(attempt, happened)
            if delivered_as_is(happened):
                check(decision, D, attempt)
        expected = parsed and not (300 <= status < 400 or status == 429 or status >= 500)
        assert delivered_as_is(happened) is expected, status
    assert not delivered_as_is(Raised(httpx.ReadTimeout("slow", request=REQUEST), sent=True))
