"""The fault matrix as data: every fault, how it is produced, and the typed outcome the facade
must give for it at each broker, per operation (place_order, get_order, cancel_order) and per
persistence (the fault fires ``once`` or ``always``).

Policy being checked (orderbridge ``_errors.py``, ``_transport.py``, ``brokers/*.py``):

* TopstepX and CrossTrade do not deduplicate: a placement is sent exactly once, and anything
  after the request may have left is ``OutcomeUnknown`` (order_may_exist True).
* TradeStation (``OrderConfirmId``) and Sophic (``Idempotency-Key``) deduplicate: a placement is
  retried (3 attempts) with the same key on transport failures, 429 and 5xx. A retried
  TradeStation attempt that comes back "Failed" (its duplicate check) is ``OutcomeUnknown``
  ("retry_rejected"); Sophic replays the stored answer, so the retry yields the ``PlacedOrder``.
* Nothing sent (connection refused, connect timeout) is ``BrokerUnavailable`` (order_may_exist
  False); 401 is ``AuthenticationError`` (False) and the next call logs in again.
* A 2xx placement body that cannot be decoded is ``OutcomeUnknown`` origin "decode"; unknown
  enum values and extra fields parse.
* Reads retry transport failures, 429 and 5xx, then give ``BrokerUnavailable`` /
  ``RateLimited``; a body that violates the spec is ``UnexpectedResponse``.
* Cancels are money-moving and never retried.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from typing import Any

import httpx

import orderbridge as ob

from ._harness import OPERATION, Rig

# -- faults -------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Fault:
    name: str
    what: str
    arm: Callable[[Rig, str, int | None], None]
    """``arm(rig, operation_id, times)``: make the fault fire on that operation."""
    persistence: tuple[str, ...] = ("once", "always")


def _sandbox(kind: str) -> Callable[[Rig, str, int | None], None]:
    def arm(rig: Rig, operation: str, times: int | None) -> None:
        rig.sandbox_fault(f"{rig.broker}:{operation}:{kind}" + (f":{times}" if times else ""))

    return arm


def _transport(action: str, **kw: Any) -> Callable[[Rig, str, int | None], None]:
    def arm(rig: Rig, operation: str, times: int | None) -> None:
        rig.inject(operation, action, times, **kw)

    return arm


def _respond(
    status: int, *, json_body: Any = None, text: str | None = None, headers: dict[str, str] | None = None
) -> Any:
    def build(request: httpx.Request) -> httpx.Response:
        if text is not None:
            return httpx.Response(status, text=text, headers={"content-type": "text/html", **(headers or {})})
        return httpx.Response(status, json=json_body, headers=headers or {})

    return build


def _per_broker(**arms: Callable[[Rig, str, int | None], None]) -> Callable[[Rig, str, int | None], None]:
    def arm(rig: Rig, operation: str, times: int | None) -> None:
        (arms.get(rig.broker) or arms["default"])(rig, operation, times)

    return arm


def _expire(rig: Rig, operation: str, times: int | None) -> None:
    rig.expire_tokens_at_the_broker()


# Body rewrites (applied to the sandbox's real answer, after it processed the request).

MISSING_FIELD: dict[tuple[str, str], str] = {
    # (broker, op) -> a field the facade needs in the 2xx body (required by the spec where the spec
    # has required fields; TradeStation's OrderResult/AccountOrder declare none).
    ("topstepx", "place"): "success",
    ("topstepx", "get"): "success",
    ("topstepx", "cancel"): "success",
    ("crosstrade", "place"): "orderId",
    ("crosstrade", "get"): "orderId",
    ("crosstrade", "cancel"): "success",  # the cancel outcome is read from success alone
    ("tradestation", "place"): "OrderStatus",
    ("tradestation", "get"): "Status",
    ("tradestation", "cancel"): "OrderStatus",
    ("sophic", "place"): "id",
    ("sophic", "get"): "id",
}
UNKNOWN_ENUM: dict[tuple[str, str], tuple[str, Any]] = {
    ("topstepx", "place"): ("errorCode", 4242),
    ("topstepx", "get"): ("order.status", 99),
    ("topstepx", "cancel"): ("errorCode", 4242),
    ("crosstrade", "get"): ("orderState", "Teleported"),
    ("tradestation", "place"): ("OrderStatus", "Queued"),
    ("tradestation", "get"): ("Status", "ZZZ"),
    ("tradestation", "cancel"): ("OrderStatus", "Queued"),
    ("sophic", "place"): ("status", "queued_for_review"),
    ("sophic", "get"): ("status", "queued_for_review"),
}
EXTRA_FIELDS = {"orderbridgeUnknownField": {"nested": [1, "two", None, {"deep": True}]}, "AnotherNewField": 12.5}


def _apply(doc: Any, path: list[str], fn: Callable[[dict[str, Any], str], None]) -> None:
    if isinstance(doc, list):
        for item in doc:
            _apply(item, path, fn)
        return
    if not isinstance(doc, dict):
        return
    if len(path) == 1:
        fn(doc, path[0])
    elif path[0] in doc:
        _apply(doc[path[0]], path[1:], fn)


def _json_rewrite(mutate: Callable[[Any], None]) -> Any:
    def rewrite(status: int, headers: dict[str, str], content: bytes) -> tuple[int, dict[str, str], bytes]:
        try:
            doc = json.loads(content)
        except ValueError:  # not JSON (an error page): leave it as it is
            return status, headers, content
        mutate(doc)
        return status, headers, json.dumps(doc).encode()

    return rewrite


def malformed(status: int, headers: dict[str, str], content: bytes) -> tuple[int, dict[str, str], bytes]:
    cut = content[: max(1, len(content) // 2)]
    try:
        json.loads(cut)
        cut += b'{"'
    except ValueError:
        pass
    return status, headers, cut


def empty(status: int, headers: dict[str, str], content: bytes) -> tuple[int, dict[str, str], bytes]:
    return status, headers, b""


def wrong_content_type(status: int, headers: dict[str, str], content: bytes) -> tuple[int, dict[str, str], bytes]:
    headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
    headers["content-type"] = "text/html; charset=utf-8"
    return status, headers, b"<!DOCTYPE html><html><body><h1>200 OK</h1><p>Request received.</p></body></html>"


def _op_of(rig: Rig, operation: str) -> str:
    for op, names in OPERATION.items():
        if names.get(rig.broker) == operation and op != "resolve":
            return op
    raise KeyError(operation)


def _missing(rig: Rig, operation: str, times: int | None) -> None:
    field = MISSING_FIELD[(rig.broker, _op_of(rig, operation))]
    rig.inject(
        operation, "rewrite", times, rewrite=_json_rewrite(lambda d: _apply(d, [field], lambda o, k: o.pop(k, None)))
    )


def _unknown_enum(rig: Rig, operation: str, times: int | None) -> None:
    path, value = UNKNOWN_ENUM[(rig.broker, _op_of(rig, operation))]

    def set_value(obj: dict[str, Any], key: str) -> None:
        obj[key] = value

    rig.inject(operation, "rewrite", times, rewrite=_json_rewrite(lambda d: _apply(d, path.split("."), set_value)))


def _add_extra(doc: Any) -> None:
    items = doc if isinstance(doc, list) else [doc]
    for item in items:
        if isinstance(item, dict):
            for value in list(item.values()):
                if isinstance(value, dict):
                    value.update(EXTRA_FIELDS)
            item.update(EXTRA_FIELDS)


QUOTA_HTML = "<html><body>Quota Exceeded</body></html>"

FAULTS: dict[str, Fault] = {
    f.name: f
    for f in [
        Fault(
            "refused", "connection refused (in-process: ConnectError; loopback: a closed port)", _transport("refuse")
        ),
        Fault("connect_timeout", "connect timeout: nothing sent", _transport("connect_timeout")),
        Fault("read_timeout", "read timeout after the sandbox processed the request", _transport("read_timeout")),
        Fault(
            "dropped_after_record", "connection dropped mid-response, request processed", _sandbox("drop_after_record")
        ),
        Fault("dropped_before", "connection dropped before the request was processed", _sandbox("drop")),
        Fault("http_500", "500 before processing", _sandbox("error=500")),
        Fault("http_500_after_record", "500 after the request was processed", _sandbox("error_after_record=500")),
        Fault("http_502", "502 before processing", _sandbox("error=502")),
        Fault("http_503", "503 before processing", _sandbox("error=503")),
        Fault("http_504", "504 before processing", _sandbox("error=504")),
        Fault(
            "http_429",
            "429 without Retry-After (TradeStation's sandbox throttles with 403, so its 429 is synthesized)",
            _per_broker(
                default=_sandbox("rate_limit"),
                tradestation=_transport("respond", response=_respond(429, json_body={"Message": "Too Many Requests"})),
            ),
        ),
        Fault(
            "http_429_retry_after",
            "429 with Retry-After: 2",
            _per_broker(
                default=_sandbox("rate_limit=2"),
                tradestation=_transport(
                    "respond",
                    response=_respond(429, json_body={"Message": "Too Many Requests"}, headers={"Retry-After": "2"}),
                ),
            ),
        ),
        Fault("http_401", "401 from the broker's auth layer (token refused)", _sandbox("error=401"), ("once",)),
        Fault("token_expired_401", "the broker's clock passed the token's expiry mid-session", _expire, ("once",)),
        Fault(
            "quota_403_html",
            "TradeStation's 403 'Quota Exceeded' HTML body (the same answer synthesized at the others)",
            _per_broker(
                default=_transport("respond", response=_respond(403, text=QUOTA_HTML)),
                tradestation=_sandbox("rate_limit"),
            ),
        ),
        Fault("malformed_json", "2xx with truncated JSON", _transport("rewrite", rewrite=malformed)),
        Fault("empty_body", "2xx with an empty body", _transport("rewrite", rewrite=empty)),
        Fault(
            "wrong_content_type", "2xx with an HTML page (text/html)", _transport("rewrite", rewrite=wrong_content_type)
        ),
        Fault("missing_field", "2xx without a field the facade needs (MISSING_FIELD)", _missing),
        Fault("unknown_enum", "2xx with an enum value the spec does not list (UNKNOWN_ENUM)", _unknown_enum),
        Fault(
            "extra_fields", "2xx with unknown extra fields", _transport("rewrite", rewrite=_json_rewrite(_add_extra))
        ),
    ]
}

# -- expected outcomes -------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Expect:
    """One expected outcome.

    kind: the returned type (``PlacedOrder``, ``BrokerOrder``, ``type(None)`` for a cancel) or
        the raised orderbridge error class.
    may_exist: ``order_may_exist`` of the error (None for returned values).
    recorded: place: orders the sandbox holds with our client order id afterwards;
        cancel: 1 when the sandbox applied the cancel, 0 when the order is still working.
    origin: ``OutcomeUnknown.origin``.
    attempts: requests of the faulted operation the facade sent.
    status: ``status`` of the returned PlacedOrder/BrokerOrder, when checked.
    retry_after: ``RateLimited.retry_after``.
    """

    kind: type
    may_exist: bool | None = None
    recorded: int | None = None
    origin: str | None = None
    attempts: int | None = None
    status: str | None = None
    retry_after: float | None = None

    def __str__(self) -> str:
        parts = [self.kind.__name__]
        if self.origin:
            parts.append(self.origin)
        if self.recorded is not None:
            parts.append(f"rec={self.recorded}")
        if self.attempts is not None:
            parts.append(f"x{self.attempts}")
        return " ".join(parts)


BrokerOrder = ob.BrokerOrder
NoneType = type(None)


def PO(attempts: int, status: str | None = None) -> Expect:
    return Expect(ob.PlacedOrder, None, 1, None, attempts, status)


def OU(origin: str, recorded: int, attempts: int) -> Expect:
    return Expect(ob.PlacementUnknown, True, recorded, origin, attempts)


def BU(attempts: int, recorded: int = 0) -> Expect:
    return Expect(ob.BrokerUnavailable, False, recorded, None, attempts)


def AUTH(recorded: int = 0) -> Expect:
    return Expect(ob.AuthenticationError, False, recorded, None, 1)


def BO(attempts: int, status: str | None = None) -> Expect:
    return Expect(BrokerOrder, None, None, None, attempts, status)


def RL(attempts: int, retry_after: float | None = None) -> Expect:
    return Expect(ob.RateLimited, False, None, None, attempts, retry_after=retry_after)


def UX(attempts: int = 1) -> Expect:
    return Expect(ob.UnexpectedResponse, False, None, None, attempts)


def CANCELLED() -> Expect:
    return Expect(NoneType, None, 1, None, 1)


def COU(origin: str, applied: bool) -> Expect:
    return Expect(ob.OutcomeUnknown, True, int(applied), origin, 1)


def CBU() -> Expect:
    return Expect(ob.BrokerUnavailable, False, 0, None, 1)


def CAUTH() -> Expect:
    return Expect(ob.AuthenticationError, False, 0, None, 1)


NA = None
"""Not applicable (say why in a comment)."""

Cell = Expect | tuple[Expect, Expect] | None
"""One Expect for both persistences, or (once, always)."""


def _same(cell: Cell, *brokers: str) -> dict[str, Cell]:
    return {b: cell for b in brokers}


SENT_ONCE = ("topstepx", "crosstrade")

# place_order ----------------------------------------------------------------------------------------
# columns: TopstepX and CrossTrade (sent once) | TradeStation (once, always) | Sophic (once, always)
PLACE: dict[str, dict[str, Cell]] = {
    "refused": {**_same(BU(1), *SENT_ONCE), "tradestation": (PO(2), BU(3)), "sophic": (PO(2), BU(3))},
    "connect_timeout": {**_same(BU(1), *SENT_ONCE), "tradestation": (PO(2), BU(3)), "sophic": (PO(2), BU(3))},
    "read_timeout": {
        **_same(OU("timeout", 1, 1), *SENT_ONCE),
        "tradestation": (OU("retry_rejected", 1, 2), OU("timeout", 1, 3)),
        "sophic": (PO(2), OU("timeout", 1, 3)),
    },
    "dropped_after_record": {
        **_same(OU("connection_dropped", 1, 1), *SENT_ONCE),
        "tradestation": (OU("retry_rejected", 1, 2), OU("connection_dropped", 1, 3)),
        "sophic": (PO(2), OU("connection_dropped", 1, 3)),
    },
    "dropped_before": {
        **_same(OU("connection_dropped", 0, 1), *SENT_ONCE),
        "tradestation": (PO(2), OU("connection_dropped", 0, 3)),
        "sophic": (PO(2), OU("connection_dropped", 0, 3)),
    },
    **{
        name: {
            **_same(OU(origin, 0, 1), *SENT_ONCE),
            "tradestation": (PO(2), OU(origin, 0, 3)),
            "sophic": (PO(2), OU(origin, 0, 3)),
        }
        for name, origin in [
            ("http_500", "http_500"),
            ("http_502", "http_502"),
            ("http_503", "http_503"),
            ("http_504", "http_504"),
            ("http_429", "rate_limited"),
            ("http_429_retry_after", "rate_limited"),
        ]
    },
    "http_500_after_record": {
        **_same(OU("http_500", 1, 1), *SENT_ONCE),
        "tradestation": (OU("retry_rejected", 1, 2), OU("http_500", 1, 3)),
        "sophic": (PO(2), OU("http_500", 1, 3)),
    },
    "http_401": _same(AUTH(), "topstepx", "crosstrade", "tradestation", "sophic"),
    # CrossTrade's bearer is a fixed secret key: it never expires.
    "token_expired_401": {**_same(AUTH(), "topstepx", "tradestation", "sophic"), "crosstrade": NA},
    "quota_403_html": {
        **_same(OU("http_403", 0, 1), "topstepx", "crosstrade", "sophic"),
        "tradestation": OU("rate_limited", 0, 1),
    },
    **{
        name: {
            **_same(OU("decode", 1, 1), *SENT_ONCE),
            "tradestation": (OU("retry_rejected", 1, 2), OU("decode", 1, 3)),
            "sophic": (PO(2), OU("decode", 1, 3)),
        }
        for name in ("malformed_json", "empty_body", "wrong_content_type")
    },
    "missing_field": {
        **_same(OU("decode", 1, 1), *SENT_ONCE),
        "tradestation": OU("unknown_code", 1, 1),  # OrderStatus absent: neither Ok nor Failed
        "sophic": (PO(2), OU("decode", 1, 3)),
    },
    "unknown_enum": {
        "topstepx": OU("inconsistent", 1, 1),  # success:true with errorCode 4242 (its only enum)
        "crosstrade": NA,  # {orderId, success}: no enum in the placement answer
        "tradestation": OU("unknown_code", 1, 1),  # OrderStatus is the verdict itself
        "sophic": PO(1, status="queued_for_review"),
    },
    "extra_fields": _same(PO(1), "topstepx", "crosstrade", "tradestation", "sophic"),
}

# get_order (reads: retried) ---------------------------------------------------------------------------
_ALL = ("topstepx", "crosstrade", "tradestation", "sophic")
GET: dict[str, dict[str, Cell]] = {
    **{
        name: _same((BO(2), BU(3)), *_ALL)
        for name in (
            "refused",
            "connect_timeout",
            "read_timeout",
            "dropped_after_record",
            "dropped_before",
            "http_500",
            "http_500_after_record",
            "http_502",
            "http_503",
            "http_504",
        )
    },
    "http_429": _same((BO(2), RL(3, None)), *_ALL),
    "http_429_retry_after": _same((BO(2), RL(3, 2.0)), *_ALL),
    "http_401": _same(AUTH(None), *_ALL),  # type: ignore[arg-type]
    "token_expired_401": {**_same(AUTH(None), "topstepx", "tradestation", "sophic"), "crosstrade": NA},  # type: ignore[arg-type]
    "quota_403_html": {**_same(UX(1), "topstepx", "crosstrade", "sophic"), "tradestation": RL(1, None)},
    **{name: _same(UX(1), *_ALL) for name in ("malformed_json", "empty_body", "wrong_content_type")},
    "missing_field": {
        **_same(UX(1), "topstepx", "crosstrade", "sophic"),
        "tradestation": BO(1, status=None),  # AccountOrder.Status is optional in the spec
    },
    "unknown_enum": {
        "topstepx": BO(1, status="99"),
        "crosstrade": BO(1, status="Teleported"),
        "tradestation": BO(1, status="ZZZ"),
        "sophic": BO(1, status="queued_for_review"),
    },
    "extra_fields": _same(BO(1), *_ALL),
}

# cancel_order (money-moving, never retried; Sophic has no cancel) -------------------------------------
_CANCELLERS = ("topstepx", "crosstrade", "tradestation")
CANCEL: dict[str, dict[str, Cell]] = {
    "refused": _same(CBU(), *_CANCELLERS),
    "connect_timeout": _same(CBU(), *_CANCELLERS),
    "read_timeout": _same(COU("timeout", True), *_CANCELLERS),
    "dropped_after_record": _same(COU("connection_dropped", True), *_CANCELLERS),
    "dropped_before": _same(COU("connection_dropped", False), *_CANCELLERS),
    "http_500": _same(COU("http_500", False), *_CANCELLERS),
    "http_500_after_record": _same(COU("http_500", True), *_CANCELLERS),
    "http_502": _same(COU("http_502", False), *_CANCELLERS),
    "http_503": _same(COU("http_503", False), *_CANCELLERS),
    "http_504": _same(COU("http_504", False), *_CANCELLERS),
    "http_429": _same(COU("rate_limited", False), *_CANCELLERS),
    "http_429_retry_after": _same(COU("rate_limited", False), *_CANCELLERS),
    "http_401": _same(CAUTH(), *_CANCELLERS),
    "token_expired_401": {**_same(CAUTH(), "topstepx", "tradestation"), "crosstrade": NA},
    "quota_403_html": {
        **_same(COU("http_403", False), "topstepx", "crosstrade"),
        "tradestation": COU("rate_limited", False),
    },
    **{
        name: _same(COU("decode", True), *_CANCELLERS)
        for name in ("malformed_json", "empty_body", "wrong_content_type")
    },
    "missing_field": {
        **_same(COU("decode", True), "topstepx", "crosstrade"),
        "tradestation": COU("unknown_code", True),
    },
    "unknown_enum": {
        "topstepx": COU("unknown_code", True),
        "crosstrade": NA,  # {orderId, success}: no enum in the cancel answer
        "tradestation": COU("unknown_code", True),
    },
    "extra_fields": _same(CANCELLED(), *_CANCELLERS),
}

TABLES: dict[str, dict[str, dict[str, Cell]]] = {"place": PLACE, "get": GET, "cancel": CANCEL}


@dataclasses.dataclass(frozen=True)
class Case:
    op: str
    fault: str
    broker: str
    persistence: str
    expect: Expect

    def __str__(self) -> str:
        return f"{self.op}-{self.broker}-{self.fault}-{self.persistence}"


def cases() -> list[Case]:
    """Every (operation, fault, broker, persistence) the tables define."""
    out: list[Case] = []
    for op, table in TABLES.items():
        assert set(table) == set(FAULTS), f"{op}: the table must list every fault: {set(FAULTS) ^ set(table)}"
        for fault_name, row in table.items():
            fault = FAULTS[fault_name]
            for broker in ("topstepx", "crosstrade", "tradestation", "sophic"):
                cell = row.get(broker)
                if cell is None:
                    continue
                for i, persistence in enumerate(fault.persistence):
                    expect = cell[i] if isinstance(cell, tuple) else cell
                    out.append(Case(op, fault_name, broker, persistence, expect))
    return out


NOT_APPLICABLE: list[tuple[str, str, str, str]] = [
    (op, fault, broker, "no such operation" if OPERATION[op].get(broker) is None else "see the table comment")
    for op, table in TABLES.items()
    for fault, row in table.items()
    for broker in ("topstepx", "crosstrade", "tradestation", "sophic")
    if row.get(broker) is None
]
