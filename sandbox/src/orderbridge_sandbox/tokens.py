"""Bearer tokens with a lifetime: issue, check, revoke (shared by every broker with a login).

Tokens look like JWTs (``header.payload.signature``, base64url) but are only meaningful to the
sandbox that issued them; the payload carries the subject, claims and expiry for debugging.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Mapping
from typing import Any

from .clock import Clock
from .ids import Ids


class TokenState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


@dataclasses.dataclass(frozen=True)
class Token:
    """An issued token. ``expires_at`` None means it never expires."""

    value: str
    subject: str
    issued_at: dt.datetime
    expires_at: dt.datetime | None
    claims: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def lifetime_seconds(self) -> int | None:
        if self.expires_at is None:
            return None
        return int((self.expires_at - self.issued_at).total_seconds())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TokenIssuer:
    """Issues and checks tokens for one broker.

    Args:
        issuer: name put in the token (``orderbridge-sandbox/<broker>``).
        clock: time source for issue and expiry.
        ids: id source (tokens are deterministic).
    """

    def __init__(self, issuer: str, clock: Clock, ids: Ids) -> None:
        self.issuer = issuer
        self._clock = clock
        self._ids = ids
        self._tokens: dict[str, Token] = {}

    def issue(self, subject: str, lifetime: dt.timedelta | None, **claims: Any) -> Token:
        now = self._clock.now()
        expires = None if lifetime is None else now + lifetime
        payload = {
            "iss": self.issuer,
            "sub": subject,
            "jti": self._ids.next(f"{self.issuer}:token"),
            "iat": int(now.timestamp()),
            **({"exp": int(expires.timestamp())} if expires else {}),
            **claims,
        }
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        body = _b64(json.dumps(payload, sort_keys=True).encode())
        signature = self._ids.digest(f"{self.issuer}:signature")[:43]
        token = Token(f"{header}.{body}.{signature}", subject, now, expires, claims)
        self._tokens[token.value] = token
        return token

    def check(self, value: str | None) -> tuple[TokenState, Token | None]:
        """The state of ``value`` now, and the token when known."""
        token = self._tokens.get(value or "")
        if token is None:
            return TokenState.UNKNOWN, None
        if token.expires_at is not None and self._clock.now() >= token.expires_at:
            return TokenState.EXPIRED, token
        return TokenState.VALID, token

    def revoke(self, value: str) -> bool:
        return self._tokens.pop(value, None) is not None
