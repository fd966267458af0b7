"""Retry loops (tenacity) for the calls whose policy allows more than one attempt.

The first attempt of every call is made without this module; it is imported only when that
attempt failed transiently *and* the call may be repeated (reads, logins, placements at
brokers that deduplicate on our key). Money-moving calls with ``Retry.NEVER`` never get here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import tenacity

from ._transport import MAX_ATTEMPTS, MAX_BACKOFF, _Retryable

_BACKOFF = tenacity.wait_exponential_jitter(multiplier=0.1, max=MAX_BACKOFF, jitter=0.1)


def _wait(state: tenacity.RetryCallState) -> float:
    """The broker's ``Retry-After`` when it gave one (capped), else exponential backoff with jitter."""
    exc = state.outcome.exception() if state.outcome else None
    if isinstance(exc, _Retryable) and exc.wait is not None:
        return min(exc.wait, MAX_BACKOFF)
    return float(_BACKOFF(state))


def _options(sleep: Callable[[float], Any]) -> dict[str, Any]:
    return {
        "stop": tenacity.stop_after_attempt(MAX_ATTEMPTS),
        "wait": _wait,
        "retry": tenacity.retry_if_exception_type(_Retryable),
        "reraise": True,
        "sleep": sleep,
    }


def retrying(sleep: Callable[[float], Any]) -> tenacity.Retrying:
    """A sync retry loop; its attempt 1 is the failed first attempt, replayed by the caller."""
    return tenacity.Retrying(**_options(sleep))


def async_retrying(sleep: Callable[[float], Any]) -> tenacity.AsyncRetrying:
    """The async twin of :func:`retrying`."""
    return tenacity.AsyncRetrying(**_options(sleep))
