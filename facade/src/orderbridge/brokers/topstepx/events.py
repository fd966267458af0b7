"""TopstepX polling pace, for when the user hub cannot be used (the feed's fallback).

Budget (ProjectX Gateway API docs, "Rate Limits", https://gateway.docs.projectx.com/docs/getting-started/rate-limits):
200 requests per 60 s for every endpoint but bar history; over it is HTTP 429. A cycle is at
most 4 searches per account (open orders, positions, accounts, trades): every 4 s that is 60
per minute (30 %); the floor of 2.4 s is 100 (half).
"""

from ..._watch import PollBudget

POLLING = PollBudget(
    interval=4.0,
    minimum=2.4,
    source="ProjectX Gateway API, Rate Limits: 200 requests per 60 s; 4 reads per account per cycle",
)
