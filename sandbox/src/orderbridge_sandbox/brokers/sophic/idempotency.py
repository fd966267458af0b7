"""Idempotency keys: replay the stored answer for a repeated key, refuse a reused one.

Semantics (Sophic's ``Idempotency-Key``, Sophic docs, idempotency): within ``ttl`` the same key with the
same request fingerprint replays the stored reply; the same key with a different fingerprint is
a conflict; a key older than ``ttl`` has expired. Keys are stored only by :meth:`remember`,
which callers invoke after validation passed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
from decimal import Decimal

from ...clock import Clock
from ...wire import Reply, dumps


class KeyState(enum.Enum):
    NEW = "new"
    REPLAY = "replay"
    CONFLICT = "conflict"
    EXPIRED = "expired"


@dataclasses.dataclass
class _Entry:
    fingerprint: str
    reply: Reply
    stored_at: dt.datetime


def _copy(reply: Reply) -> Reply:
    """An independent copy of ``reply`` that sends the same bytes: a JSON body goes through its
    own wire encoding and back (several times cheaper than ``copy.deepcopy``)."""
    body = reply.body
    if "json" in reply.content_type and body is not None:
        body = json.loads(dumps(body), parse_float=Decimal)
    return Reply(reply.status, body, reply.content_type, dict(reply.headers), reply.spec_gap)


def fingerprint(*parts: object) -> str:
    """A stable digest of JSON-able parts (dict key order does not matter)."""
    text = "\x1f".join(dumps(_sorted(p)) for p in parts)
    return hashlib.sha256(text.encode()).hexdigest()


def _sorted(value: object) -> object:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_sorted(v) for v in value]
    return value


class IdempotencyStore:
    def __init__(self, clock: Clock, ttl: dt.timedelta = dt.timedelta(hours=24)) -> None:
        self._clock = clock
        self.ttl = ttl
        self._entries: dict[tuple[str, str], _Entry] = {}

    def lookup(self, scope: str, key: str, print_: str) -> tuple[KeyState, Reply | None]:
        """What a request with ``key`` (in ``scope``) and fingerprint ``print_`` gets."""
        entry = self._entries.get((scope, key))
        if entry is None:
            return KeyState.NEW, None
        if self._clock.now() - entry.stored_at >= self.ttl:
            return KeyState.EXPIRED, None
        if entry.fingerprint != print_:
            return KeyState.CONFLICT, None
        return KeyState.REPLAY, _copy(entry.reply)

    def remember(self, scope: str, key: str, print_: str, reply: Reply) -> None:
        self._entries[(scope, key)] = _Entry(print_, _copy(reply), self._clock.now())

    def __len__(self) -> int:
        return len(self._entries)
