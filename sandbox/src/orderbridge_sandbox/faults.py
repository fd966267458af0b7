"""Fault injection, per broker and operation (spec ``operationId``).

A fault is written ``BROKER:OPERATION:KIND[=VALUE][:TIMES]`` (CLI ``--fault``, or
:meth:`Fault.parse`); ``*`` matches any broker or operation. Kinds:

=========================  ================================================================
``latency=SECONDS``        answer normally, ``SECONDS`` late (the request is processed first)
``error[=STATUS]``         answer STATUS (default 500) in the broker's error shape; nothing runs
``error_after_record[=S]`` run the request (an order is recorded), then answer S (default 500)
``rate_limit[=SECONDS]``   the broker's rate-limit answer (429; TradeStation 403 "Quota
                           Exceeded"); ``Retry-After: SECONDS`` only when a value is given
``drop``                   close the connection without answering; nothing runs
``drop_after_record``      run the request (the order is recorded), then close the connection
                           without answering: the ambiguous outcome
``budget``                 enforce the broker's documented request budget (its package's
                           ``budget.py``): a request over it gets the rate-limit answer above
                           (with ``Retry-After``) and nothing runs; ``TIMES`` counts throttles
``stream_drop``            (push hubs; the operation is the hub method pushed, such as
                           ``GatewayUserTrade``, or ``*``) cut the hub connection when the
                           next event is pushed, without a close frame
``stream_silence``         stay connected but send nothing more (events, ping replies)
``event_loss``             lose the next pushed event; the connection stays up
``event_reorder``          hold the next pushed event and send it after the one after it
``event_duplicate``        send the next pushed event twice
=========================  ================================================================

``TIMES`` makes the fault fire that many times and then disarm (default: every time).
In-process a dropped connection raises ``httpx.RemoteProtocolError`` from the transport; the
loopback server closes the socket without writing a byte.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable, Iterator

from .spec import BROKERS, operation_ids


class FaultKind(enum.StrEnum):
    """What a fault does: add latency, answer an error status, throttle (429; TradeStation's
    403 "Quota Exceeded"), or drop the connection without a response."""

    LATENCY = "latency"
    ERROR = "error"
    RATE_LIMIT = "rate_limit"
    DROP = "drop"
    BUDGET = "budget"
    STREAM_DROP = "stream_drop"
    STREAM_SILENCE = "stream_silence"
    EVENT_LOSS = "event_loss"
    EVENT_REORDER = "event_reorder"
    EVENT_DUPLICATE = "event_duplicate"


class Phase(enum.StrEnum):
    """When a fault fires relative to the sandbox processing the request."""

    BEFORE = "before"
    """Fires before the request is processed (nothing is recorded)."""
    AFTER = "after"
    """Fires after the request was processed (an order may have been recorded)."""
    STREAM = "stream"
    """Fires when a push hub sends an event (the stream faults; never on a request)."""


_KIND_NAMES = {
    "latency": (FaultKind.LATENCY, Phase.BEFORE),
    "error": (FaultKind.ERROR, Phase.BEFORE),
    "error_after_record": (FaultKind.ERROR, Phase.AFTER),
    "rate_limit": (FaultKind.RATE_LIMIT, Phase.BEFORE),
    "drop": (FaultKind.DROP, Phase.BEFORE),
    "drop_after_record": (FaultKind.DROP, Phase.AFTER),
    "budget": (FaultKind.BUDGET, Phase.BEFORE),
    "stream_drop": (FaultKind.STREAM_DROP, Phase.STREAM),
    "stream_silence": (FaultKind.STREAM_SILENCE, Phase.STREAM),
    "event_loss": (FaultKind.EVENT_LOSS, Phase.STREAM),
    "event_reorder": (FaultKind.EVENT_REORDER, Phase.STREAM),
    "event_duplicate": (FaultKind.EVENT_DUPLICATE, Phase.STREAM),
}


STREAM_OPERATIONS: dict[str, frozenset[str]] = {}
"""Per broker, the methods its push hub sends: the operations a stream fault may name (each
broker's package registers its own with :func:`register_stream_operations`)."""


def register_stream_operations(broker: str, methods: Iterable[str]) -> None:
    """Declare the methods ``broker``'s push hub sends (``topstepx``: ``GatewayUserOrder``...)."""
    STREAM_OPERATIONS[broker] = frozenset(methods)


class FaultError(ValueError):
    """A fault specification that cannot be parsed."""


@dataclasses.dataclass
class Fault:
    """One armed fault.

    Attributes:
        broker: broker name or ``*``.
        operation: spec ``operationId`` or ``*``.
        kind: what happens.
        phase: before or after the request is processed.
        status: HTTP status for ``error``.
        retry_after: ``Retry-After`` seconds for ``rate_limit`` (None: no header).
        delay: seconds for ``latency``.
        times: how many more times it fires (None: always).
        fired: how many times it fired so far.
    """

    broker: str
    operation: str
    kind: FaultKind
    phase: Phase = Phase.BEFORE
    status: int = 500
    retry_after: int | None = None
    delay: float = 0.0
    times: int | None = None
    fired: int = 0

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def latency(cls, broker: str, operation: str, seconds: float, times: int | None = None) -> Fault:
        """Answer normally, ``seconds`` late (``times``: fire that many times, then disarm)."""
        return cls(broker, operation, FaultKind.LATENCY, delay=seconds, times=times)

    @classmethod
    def error(
        cls, broker: str, operation: str, status: int = 500, *, after_record: bool = False, times: int | None = None
    ) -> Fault:
        """Answer ``status`` in the broker's error shape; with ``after_record`` the request is
        processed first (an order may exist)."""
        return cls(
            broker,
            operation,
            FaultKind.ERROR,
            Phase.AFTER if after_record else Phase.BEFORE,
            status=status,
            times=times,
        )

    @classmethod
    def rate_limit(cls, broker: str, operation: str, retry_after: int | None = None, times: int | None = None) -> Fault:
        """Throttle: 429 (TradeStation: 403 "Quota Exceeded" HTML), ``Retry-After`` only when given (seconds)."""
        return cls(broker, operation, FaultKind.RATE_LIMIT, status=429, retry_after=retry_after, times=times)

    @classmethod
    def drop(cls, broker: str, operation: str, *, after_record: bool = False, times: int | None = None) -> Fault:
        """Close the connection without a response; with ``after_record`` the request is
        processed first (in-process: ``httpx.RemoteProtocolError``)."""
        return cls(broker, operation, FaultKind.DROP, Phase.AFTER if after_record else Phase.BEFORE, times=times)

    @classmethod
    def budget(cls, broker: str, operation: str = "*", times: int | None = None) -> Fault:
        """Enforce ``broker``'s documented request budget (:mod:`orderbridge_sandbox.budget`):
        a request over it is throttled in the broker's own words (``times``: that many throttles)."""
        return cls(broker, operation, FaultKind.BUDGET, times=times)

    @classmethod
    def parse(cls, text: str) -> Fault:
        """Parse ``BROKER:OPERATION:KIND[=VALUE][:TIMES]`` (see the module docstring).

        Raises:
            FaultError: unknown broker, operation (not an ``operationId`` of that broker's
                spec: such a fault could never fire) or kind, or a bad value.
        """
        parts = text.strip().split(":")
        if len(parts) not in (3, 4):
            raise FaultError(f"fault {text!r}: expected BROKER:OPERATION:KIND[=VALUE][:TIMES]")
        broker, operation, kind_text = parts[0], parts[1], parts[2]
        if broker != "*" and broker not in BROKERS:
            raise FaultError(f"fault {text!r}: unknown broker {broker!r} (expected one of {', '.join(BROKERS)} or *)")
        if not operation:
            raise FaultError(f"fault {text!r}: empty operation (use * for any)")
        name, _, value = kind_text.partition("=")
        if operation != "*":
            known = sorted({o for b in BROKERS for o in operation_ids(b)}) if broker == "*" else operation_ids(broker)
            if _KIND_NAMES.get(name, (None, None))[1] is Phase.STREAM:  # stream faults name a pushed method
                known = sorted({o for b, ops in STREAM_OPERATIONS.items() if broker in ("*", b) for o in ops})
            if operation not in known:
                where = "any broker" if broker == "*" else broker
                raise FaultError(
                    f"fault {text!r}: {where} has no operation {operation!r}; expected * or one of: {', '.join(known)}"
                )
        if name not in _KIND_NAMES:
            raise FaultError(f"fault {text!r}: unknown kind {name!r} (expected one of {', '.join(_KIND_NAMES)})")
        kind, phase = _KIND_NAMES[name]
        times = None
        try:
            if len(parts) == 4:
                times = int(parts[3])
                if times < 1:
                    raise ValueError
            fault = cls(broker, operation, kind, phase, times=times)
            if kind is FaultKind.LATENCY:
                fault.delay = float(value)
                if fault.delay < 0:
                    raise ValueError
            elif kind is FaultKind.ERROR and value:
                fault.status = int(value)
                if not 400 <= fault.status <= 599:
                    raise ValueError
            elif kind is FaultKind.RATE_LIMIT:
                fault.status = 429
                fault.retry_after = int(value) if value else None
            elif value:
                raise ValueError
        except ValueError:
            raise FaultError(f"fault {text!r}: bad value or count") from None
        return fault

    def __str__(self) -> str:
        names = {v: k for k, v in _KIND_NAMES.items()}
        text = f"{self.broker}:{self.operation}:{names[(self.kind, self.phase)]}"
        if self.kind is FaultKind.LATENCY:
            text += f"={self.delay:g}"
        elif self.kind is FaultKind.ERROR:
            text += f"={self.status}"
        elif self.kind is FaultKind.RATE_LIMIT and self.retry_after is not None:
            text += f"={self.retry_after}"
        return text + (f":{self.times}" if self.times is not None else "")

    @property
    def armed(self) -> bool:
        """The fault still has firings left (``times`` is ``None`` for "every time")."""
        return self.times is None or self.times > 0

    def matches(self, broker: str, operation: str) -> bool:
        """Armed, and aimed at ``broker`` and ``operation`` (spec operationId; ``"*"`` matches any)."""
        return self.armed and self.broker in ("*", broker) and self.operation in ("*", operation)

    def fire(self) -> None:
        """Count one firing and use up one of ``times``."""
        self.fired += 1
        if self.times is not None:
            self.times -= 1


class Faults:
    """The armed faults of one sandbox."""

    def __init__(self, faults: Iterable[Fault | str] = ()) -> None:
        self._faults: list[Fault] = []
        for fault in faults:
            self.add(fault)

    def add(self, fault: Fault | str) -> Fault:
        """Arm a fault (a :class:`Fault` or its text form); returns it."""
        item = Fault.parse(fault) if isinstance(fault, str) else fault
        self._faults.append(item)
        return item

    def clear(self) -> None:
        self._faults.clear()

    def budget(self, broker: str, operation: str) -> Fault | None:
        """The armed ``budget`` fault for (broker, operation), if any (it fires only when it
        throttles)."""
        return next((f for f in self._faults if f.kind is FaultKind.BUDGET and f.matches(broker, operation)), None)

    def __iter__(self) -> Iterator[Fault]:
        return iter(list(self._faults))

    def __len__(self) -> int:
        return len(self._faults)

    def take(self, broker: str, operation: str, phase: Phase) -> list[Fault]:
        """Fire and return the faults matching (broker, operation) in ``phase``; latency faults
        fire in the BEFORE phase. A fault that decides the answer (error, rate limit, drop) ends
        the list: only the first one fires."""
        fired: list[Fault] = []
        for fault in self._faults:
            if fault.kind is FaultKind.BUDGET or fault.phase is not phase or not fault.matches(broker, operation):
                continue
            fault.fire()
            fired.append(fault)
            if fault.kind is not FaultKind.LATENCY:
                break
        return fired
