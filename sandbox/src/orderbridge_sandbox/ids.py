"""Deterministic identifiers: one counter per namespace, formatted by each broker.

Two sandboxes created the same way and fed the same requests hand out the same order ids,
tokens and trace ids. Brokers turn the counter into their own id shape (TopstepX integers,
CrossTrade 32-hex strings, Sophic ``ord_...`` ids) with the helpers below.
"""

from __future__ import annotations

import hashlib
import string
from collections import defaultdict

_BASE36 = string.digits + string.ascii_lowercase


class Ids:
    """Counters by namespace, starting at 1. Thread safety comes from the sandbox lock."""

    def __init__(self, seed: str = "orderbridge-sandbox") -> None:
        self.seed = seed
        self._counters: defaultdict[str, int] = defaultdict(int)

    def next(self, namespace: str) -> int:
        """The next number in ``namespace`` (1, 2, 3, ...)."""
        self._counters[namespace] += 1
        return self._counters[namespace]

    def digest(self, namespace: str) -> str:
        """A fresh 64-hex-character digest, unique per call (derived from :meth:`next`)."""
        n = self.next(namespace)
        return hashlib.sha256(f"{self.seed}:{namespace}:{n}".encode()).hexdigest()

    def hex32(self, namespace: str) -> str:
        """A fresh 32-hex-character id (CrossTrade / NinjaTrader style)."""
        return self.digest(namespace)[:32]

    def prefixed(self, prefix: str, namespace: str | None = None, length: int = 8) -> str:
        """A fresh ``<prefix>_<base36>`` id (Sophic style, e.g. ``ord_k3v9x2q1``)."""
        value = int(self.digest(namespace or prefix), 16)
        chars = []
        for _ in range(length):
            value, rem = divmod(value, 36)
            chars.append(_BASE36[rem])
        return f"{prefix}_{''.join(chars)}"

    def uuid(self, namespace: str) -> str:
        """A fresh UUID-shaped string (TradeStation ``TraceId``)."""
        h = self.digest(namespace)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}"
