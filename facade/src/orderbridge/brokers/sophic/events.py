"""Sophic polling pace, for when webhooks are not set up (the feed's fallback).

Sophic documents no numeric rate limit (its order guide only warns that tight polling may be
throttled), so the feed keeps the same pace as the brokers that do: a cycle of at most 4 reads
per account every 4 s, and no faster than every 2 s.
"""

from ..._watch import PollBudget

POLLING = PollBudget(
    interval=4.0,
    minimum=2.0,
    source="Sophic Engine API docs publish no rate limit; the orders guide warns that tight polling may be "
    "throttled; 4 reads per account per cycle",
)
