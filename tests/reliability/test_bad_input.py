"""Bad input (hypothesis): random, mostly-hostile orders against every broker.

Each example either yields a request that validates against the broker's spec
(``orderbridge_sandbox.spec.validate_request`` on the captured ``httpx.Request``) and carries
the order's values exactly, or raises ``InvalidOrder`` / ``NotSupported`` with nothing sent.
No network: a capturing ``httpx.MockTransport`` stops the request at the transport.

Values: negative, zero, NaN, Infinity and over-precise decimals, floats, huge quantities,
empty or whitespace instruments, unicode, conflicting fields (quantity and cash_amount, stop
price on a market order, gtd without a date), unsupported types per broker, hostile accounts,
client order ids and extras.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import os
import random
import re
from decimal import Decimal
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import orderbridge as ob
from orderbridge.testing import decimal_text
from orderbridge_sandbox.spec import validate_request

from ._harness import ACCOUNT, BROKERS, INSTRUMENT, LEDGER, OPERATION, operation_of, validation_key
from ._stats import STATS

EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", "2000"))
"""Examples per broker (CI: 2,000; ``RELIABILITY_EXAMPLES=200`` for a quick local run)."""
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
    phases=[Phase.explicit, Phase.generate],  # failures are collected, not raised: nothing to shrink
)
GENERATED_CID = re.compile(r"[A-Za-z0-9_-]{22}")


class Captured(ob.OrderbridgeError):
    """Raised by the capturing transport: the request reached the wire boundary, unsent."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__("captured")
        self.request = request


class Capture:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        raise Captured(request)


# -- strategies ---------------------------------------------------------------------------------------

NUMBER_TEXT = [
    "NaN", "nan", "-nan", "sNaN", "Infinity", "-Infinity", "inf", "-inf", "1e400", "-1e400", "1E-400",
    "0", "-0", "0.0", "0E-10", "-1", "-0.01", "1E+2", "1e-30", " 1 ", "\t2\n", "1_000", "١٢", "½", "",
    " ", "abc", "0x10", "+5", "5.", ".5", "1,5", "1.000000000000000000000000001",
    "123456789012345678901234567890", "2147483647", "2147483648", "9" * 40, "0.00001", "100.005",
    "1e20", "6300.25", "6300.250", "6300.2500000000000001", "0.1", "10.00", "100.00", "3", "1.5",
]  # fmt: skip
NUMBER_DECIMALS = [
    Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("-0"), Decimal("1E+400"),
    Decimal("1E-400"), Decimal("0.1"), Decimal("1.10"), Decimal("6300.25"), Decimal("6300.250000000000000001"),
    Decimal("1E+2"), Decimal("2.0"), Decimal("1"), Decimal("12345678901234567"),
]  # fmt: skip

# Hypothesis chooses among large pools of hostile values (drawing each value with its own
# strategy costs ~1.5 ms per example, too slow for 8,000 examples). The pools mix hand-picked
# edge cases with values from a fixed-seed generator: every run draws from the same pools, while
# hypothesis picks among them afresh each run (not derandomized, so runs keep exploring; the
# counts in the report vary a little from run to run).
_rng = random.Random(20251122)


def _unicode(size: int) -> str:
    ranges = [(0x20, 0x7E), (0xA0, 0x2FFF), (0x1F300, 0x1FAFF), (0x00, 0x1F), (0x3000, 0x30FF)]
    out = []
    for _ in range(size):
        low, high = _rng.choice(ranges)
        out.append(chr(_rng.randint(low, high)))
    return "".join(out)


RANDOM_DECIMALS = [Decimal(_rng.randint(-(10**20), 10**20)).scaleb(_rng.randint(-30, 30)) for _ in range(300)]
RANDOM_FLOATS = [_rng.uniform(-1e6, 1e6) for _ in range(40)] + [
    float("nan"), float("inf"), float("-inf"), 1e308, 5e-324, 0.1, -0.0, 1.5, 6300.25
]  # fmt: skip
RANDOM_INTS = [_rng.randint(-(10**30), 10**30) for _ in range(40)] + list(range(-3, 6)) + [2**31 - 1, 2**31, 2**63]
NUMBER_POOL: list[Any] = [
    *NUMBER_TEXT, *NUMBER_DECIMALS, *RANDOM_DECIMALS, *(str(d) for d in RANDOM_DECIMALS[:120]),
    *(format(d, "f") for d in RANDOM_DECIMALS[120:160]), *RANDOM_FLOATS, *RANDOM_INTS,
    True, False, None, [], {}, b"1", object(),
]  # fmt: skip
numbers = st.sampled_from(NUMBER_POOL)
good_numbers = st.sampled_from(["1", "2", "10", Decimal("1"), 3, "6300.25", "100.00", "0.25", Decimal("12.50")])
INSTRUMENT_EDGES: list[Any] = [
    "", " ", "\t", "\n", " MSFT", "MSFT ", "MES 12-25", "CON.F.US.MES.Z25", "ins_xyz789", "MSFT\x00", "ＭＳＦＴ",
    "\U0001f680", "a" * 1000, "'; DROP TABLE orders;--", "../../etc/passwd", "%00", "{{x}}", "MES\u200b", "é", None, 7,
    b"MSFT",
]  # fmt: skip
SIDE_VALUES: list[Any] = [
    "buy",
    "sell",
    "BUY",
    " Sell ",
    "hold",
    "",
    None,
    1,
    "bid",
    ob.Side.BUY,
    ob.Side.SELL,
    "ｂｕｙ",
]
TYPE_VALUES: list[Any] = [*ob.OrderType, "Market", " LIMIT ", "iceberg", "", None, 3, "stop-limit", "STOP_LIMIT"]
TIF_VALUES: list[Any] = [*ob.TimeInForce, None, "GTD", "good_till", "", 7, "day ", "opg"]
DATE_EDGES: list[Any] = [
    None, dt.date(2030, 1, 1), "2030-01-01", "2025-13-01", "01/02/2030", dt.datetime(2030, 1, 1), 20300101,
    dt.date(1970, 1, 1), dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(340, 8, 26), "", "2030-1-1",
]  # fmt: skip
CID_EDGES: list[Any] = [
    None, "ok-id_1", "x" * 22, "x" * 23, "", " ", "has space", "ünï", "a/b", 123, "-", "_" * 22, "a\n", "..", ".",
]  # fmt: skip
FLAG_VALUES: list[Any] = [False, True, "yes", 1, None, 0]
_CID_ALPHABET = "abcdefXYZ0123456789_-"

instruments = st.sampled_from([*INSTRUMENT_EDGES, *(_unicode(_rng.randint(0, 30)) for _ in range(200))])
sides = st.sampled_from(SIDE_VALUES)
types = st.sampled_from(TYPE_VALUES)
tifs = st.sampled_from(TIF_VALUES)
dates = st.sampled_from(
    [*DATE_EDGES, *(dt.date(_rng.randint(1, 9999), _rng.randint(1, 12), _rng.randint(1, 28)) for _ in range(40))]
)
cids = st.sampled_from(
    [
        *CID_EDGES,
        *(_unicode(_rng.randint(0, 25)) for _ in range(80)),
        *("".join(_rng.choice(_CID_ALPHABET) for _ in range(_rng.randint(1, 22))) for _ in range(80)),
    ]
)
flags = st.sampled_from(FLAG_VALUES)
JSON_VALUES: list[Any] = [
    None, True, False, 0, -1, 10, 2**40, 1.5, float("nan"), "", "x", "Intelligent", "EQ", "ten", Decimal("1.5"),
    Decimal("NaN"), Decimal("-0"), Decimal("1E+30"), [], [1, "two"], [1.5], {}, {"ticks": 10}, {"ticks": "ten"},
    {"ticks": -5}, {"ticks": None}, {"ticks": 10, "type": 1}, {"type": 1}, {"x": [{"y": Decimal("2")}]},
    {"": None}, [{"Quantity": "1"}], {"Orders": []},
]  # fmt: skip
EXTRA_KEYS = {
    "topstepx": ["stopLossBracket", "takeProfitBracket", "linkedOrderId", "customTag", "size", "type", "bogus"],
    "crosstrade": ["ocoId", "strategy", "requireMarketPosition", "maxPositions", "orderId", "quantity", "bogus"],
    "tradestation": ["AssetType", "Route", "AdvancedOptions", "OSOs", "Legs", "FundSource", "OrderConfirmId", "bogus"],
    "sophic": ["automatic_rollover", "quote", "cash_amount", "side", "bogus"],
}


def extras(broker: str) -> st.SearchStrategy[Any]:
    pool: list[Any] = [{}, [1], "x", {1: 2}, None]
    for _ in range(150):
        keys = _rng.sample(EXTRA_KEYS[broker], _rng.randint(1, 2))
        pool.append({key: _rng.choice(JSON_VALUES) for key in keys})
    return st.sampled_from(pool)


def account_edges(broker: str) -> list[Any]:
    return [
        ACCOUNT[broker], "", " ", "0", "-1", "2147483648", "99999999999999999999", "abc", "465 ", " 465", "４６５",
        "Sim101", "sim101", "acc_abc123", "a/b", "a?b=c", "%2F", "..", ".", "\U0001f680", "x" * 300, "123456",
        "281994", "1", None, 465, b"465",
    ]  # fmt: skip


def accounts(broker: str) -> st.SearchStrategy[Any]:
    return st.sampled_from([*account_edges(broker), *(_unicode(_rng.randint(0, 20)) for _ in range(60))])


@functools.cache
def valid_bases(broker: str) -> list[dict[str, Any]]:
    """Well-formed orders for ``broker``: every type, side and time in force it supports (its
    capabilities are read from the broker's description file, so on first use, not at import;
    cached, and never mutated: callers copy a base before changing it)."""
    caps = ob.capabilities(broker)
    bases: list[dict[str, Any]] = []
    sizes = ["1", "2", 10, Decimal("3"), "12.50"]
    prices = ["6300.25", "100.00", "6000.25"]
    shapes = itertools.product(sorted(caps.order_types), ["buy", "sell"], [None, *sorted(caps.time_in_force)])
    for i, (kind, side, tif) in enumerate(shapes):
        size, price = sizes[i % len(sizes)], prices[i % len(prices)]  # few distinct bodies: cheap to validate
        base: dict[str, Any] = {"instrument": INSTRUMENT[broker], "side": side, "type": kind}
        size_field = "cash_amount" if ob.Side(side) in caps.cash_amount_sides else "quantity"
        base[size_field] = size if size_field == "cash_amount" or size != "12.50" else "4"
        if kind in (ob.OrderType.LIMIT, ob.OrderType.STOP_LIMIT):
            base["limit_price"] = price
        if kind in (ob.OrderType.STOP, ob.OrderType.STOP_LIMIT):
            base["stop_price"] = price
        if kind is ob.OrderType.TRAILING_STOP:
            base["trail_price"] = price
        if tif is not None:
            base["time_in_force"] = tif
            if tif is ob.TimeInForce.GTD:
                base["expire_date"] = dt.date(2030, 1, 1)
        bases.append(base)
    return bases


FIELDS = {
    "instrument": instruments,
    "side": sides,
    "type": types,
    "quantity": numbers,
    "cash_amount": numbers,
    "limit_price": numbers,
    "stop_price": numbers,
    "trail_price": numbers,
    "time_in_force": tifs,
    "expire_date": dates,
    "client_order_id": cids,
    "flatten_first": flags,
}
EDGES: dict[str, list[Any]] = {
    "instrument": INSTRUMENT_EDGES,
    "side": SIDE_VALUES,
    "type": TYPE_VALUES,
    "quantity": [*NUMBER_TEXT, *NUMBER_DECIMALS],
    "cash_amount": [*NUMBER_TEXT, *NUMBER_DECIMALS],
    "limit_price": [*NUMBER_TEXT, *NUMBER_DECIMALS],
    "stop_price": [*NUMBER_TEXT, *NUMBER_DECIMALS],
    "trail_price": [*NUMBER_TEXT, *NUMBER_DECIMALS],
    "time_in_force": TIF_VALUES,
    "expire_date": DATE_EDGES,
    "client_order_id": CID_EDGES,
    "flatten_first": FLAG_VALUES,
}
"""The hand-picked values, each tried on every run (on top of the random examples)."""
_NAMES = [*FIELDS, "extras", "account"]
# Which fields an example spoils: none (a fifth of the examples), one, two or three of them.
MUTATIONS: list[tuple[str, ...]] = (
    [()] * 110
    + [(n,) for n in _NAMES] * 12
    + list(itertools.combinations(_NAMES, 2)) * 2
    + _rng.sample(list(itertools.combinations(_NAMES, 3)), 120)
)


@st.composite
def hostile_orders(draw: Any, broker: str) -> tuple[dict[str, Any], Any, str | None]:
    base = dict(draw(st.sampled_from(valid_bases(broker))))
    account: Any = ACCOUNT[broker]
    for name in draw(st.sampled_from(MUTATIONS)):
        if name == "extras":
            base["extras"] = draw(EXTRAS[broker])
        elif name == "account":
            account = draw(ACCOUNTS[broker])
        else:
            base[name] = draw(FIELDS[name])
    version = draw(st.sampled_from(["20160101", "20150101"])) if broker == "tradestation" else None
    return base, account, version


EXTRAS = {b: extras(b) for b in BROKERS}
ACCOUNTS = {b: accounts(b) for b in BROKERS}


# -- the check ----------------------------------------------------------------------------------------

_SESSIONS: dict[tuple[str, str | None], tuple[ob.Session, Capture]] = {}
_VALIDATED: set[Any] = set()


def _session(broker: str, version: str | None) -> tuple[ob.Session, Capture]:
    key = (broker, version)
    if key not in _SESSIONS:
        capture = Capture()
        session = ob.connect(
            broker,
            base_url=f"http://127.0.0.1/{broker}",
            api_version=version,
            transport=httpx.MockTransport(capture),
        )
        session._box.token = "fuzz-bearer-token"  # no login: the token never expires
        session._box.expires_at = None
        _SESSIONS[key] = (session, capture)
    return _SESSIONS[key]


class Failures:
    """Distinct failures of one fuzz run, by signature (stage, exception type, where it was
    raised). The run goes on after a failure so that one bug does not hide the next; the test
    then fails listing every signature with its first example."""

    def __init__(self) -> None:
        self.first: dict[tuple[str, ...], str] = {}
        self.counts: dict[tuple[str, ...], int] = {}

    def add(self, stage: str, exc: BaseException, example: str) -> None:
        tb = exc.__traceback__
        where = ""
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if "/orderbridge/" in name or "_client/" in name:
                where = f"{name.split('/src/')[-1].split('/clients/')[-1]}:{tb.tb_lineno}"
            tb = tb.tb_next
        text = str(exc).split("\n")[0][:90] if isinstance(exc, AssertionError) else type(exc).__name__
        key = (stage, type(exc).__name__, where, text if isinstance(exc, AssertionError) else "")
        self.counts[key] = self.counts.get(key, 0) + 1
        self.first.setdefault(key, f"{exc!s:.300} <- {example}")

    def report(self) -> str:
        return "\n".join(
            f"[{self.counts[k]}x] {' | '.join(p for p in k if p)}\n      e.g. {v}" for k, v in self.first.items()
        )


def check_order(broker: str, kwargs: dict[str, Any], account: Any, version: str | None, failures: Failures) -> str:
    STATS.fuzz_examples[f"bad input {broker}"] += 1
    example = f"Order(**{kwargs!r}), account={account!r}, api_version={version!r}"
    try:
        order = ob.Order(**kwargs)
    except ob.InvalidOrder as error:
        LEDGER.texts.append(str(error))
        return "invalid order"
    except Exception as exc:
        _unclassified(exc, "Order(...)")
        failures.add("Order(...)", exc, example)
        return "failure"
    session, capture = _session(broker, version)
    capture.requests.clear()
    try:
        session.place_order(order, account=account)
    except Captured as captured:
        request = captured.request
    except (ob.InvalidOrder, ob.NotSupported) as error:
        if capture.requests:
            failures.add("place_order", AssertionError(f"{type(error).__name__} after sending"), example)
            return "failure"
        return type(error).__name__
    except ob.OrderbridgeError as error:
        failures.add(
            "place_order", AssertionError(f"neither a request nor InvalidOrder/NotSupported: {error!r}"), example
        )
        return "failure"
    except Exception as exc:
        _unclassified(exc, "place_order (session call)")
        failures.add("place_order", exc, example)
        return "failure"
    else:
        failures.add("place_order", AssertionError("returned without sending"), example)
        return "failure"
    try:
        key = validation_key(broker, request, f"/{broker}")
        if key not in _VALIDATED:
            try:
                validate_request(broker, request, prefix=f"/{broker}")
            except Exception as exc:
                raise AssertionError(_spec_violation(request, exc)) from exc
            _VALIDATED.add(key)
        _check_fidelity(broker, order, account, version, request)
    except AssertionError as exc:
        failures.add(f"request {request.method} {request.url.path}", exc, example)
        return "failure"
    return "sent"


def _spec_violation(request: httpx.Request, exc: BaseException) -> str:
    text = f"request violates the spec: {exc} ({exc.__cause__})"
    if any(code in request.url.raw_path.lower() for code in (b"%2f", b"%3f", b"%23")):
        # see test_regressions.test_spec_validation_keeps_encoded_delimiters_inside_one_path_parameter
        return "sandbox spec.py decodes %2F/%3F/%23 before matching paths: " + text
    return text


def _unclassified(exc: BaseException, where: str) -> None:
    STATS.unclassified_in(where, exc)


def _same_number(wire: Any, value: Decimal | None, what: str) -> None:
    assert value is not None, what
    if isinstance(wire, str):
        assert wire == decimal_text(value), f"{what}: wire text {wire!r} is not the digits given ({value})"
    else:
        assert not isinstance(wire, bool) and isinstance(wire, (int, Decimal)), f"{what}: {wire!r}"
        assert Decimal(wire) == value, f"{what}: wire {wire!r} != {value}"


def _check_fidelity(broker: str, order: ob.Order, account: str, version: str | None, request: httpx.Request) -> None:
    """The request carries exactly the order's values (Decimal in, Decimal out; nothing rounded)."""
    cid = (
        request.headers.get("idempotency-key")
        if broker == "sophic"
        else json.loads(request.content)[
            {"topstepx": "customTag", "crosstrade": "orderId", "tradestation": "OrderConfirmId"}[broker]
        ]
    )
    if order.client_order_id is not None:
        assert cid == order.client_order_id
    else:
        assert isinstance(cid, str) and GENERATED_CID.fullmatch(cid), cid
    body = json.loads(request.content, parse_float=Decimal)
    if broker == "topstepx":
        fields = {"contractId": order.instrument}
        numbers = {
            "size": order.quantity,
            "limitPrice": order.limit_price,
            "stopPrice": order.stop_price,
            "trailPrice": order.trail_price,
        }
    elif broker == "crosstrade":
        fields = {"instrument": order.instrument}
        numbers = {"quantity": order.quantity, "limitPrice": order.limit_price, "stopPrice": order.stop_price}
        assert request.url.path.endswith("/orders/flatplace" if order.flatten_first else "/orders/place")
    elif broker == "tradestation":
        fields = {"Symbol": order.instrument, ("AccountId" if version == "20150101" else "AccountKey"): account}
        numbers = {"Quantity": order.quantity, "LimitPrice": order.limit_price, "StopPrice": order.stop_price}
        assert request.url.params.get("APIVersion") == version
    else:
        fields = {"instrument": order.instrument, "side": order.side.value}
        numbers = {"quantity": order.quantity, "cash_amount": order.cash_amount}
    for key, expected in fields.items():
        assert body.get(key) == expected, f"{key}: {body.get(key)!r} != {expected!r}"
    for key, value in numbers.items():
        if value is None:
            assert key not in body or body[key] is None, f"{key} sent for an order without it: {body[key]!r}"
        else:
            _same_number(body.get(key), value, key)


@pytest.mark.parametrize("broker", BROKERS)
def test_hostile_orders_are_refused_or_sent_valid(broker: str) -> None:
    failures = Failures()
    outcomes: dict[str, int] = {}
    version = "20160101" if broker == "tradestation" else None
    bases = valid_bases(broker)
    for base in (bases[0], max(bases, key=len)):  # the simplest and the fullest shape, every edge value
        for name, values in EDGES.items():
            for value in values:
                check_order(broker, {**base, name: value}, ACCOUNT[broker], version, failures)
        for account in account_edges(broker):
            check_order(broker, dict(base), account, version, failures)

    @FUZZ
    @given(data=st.data())
    def fuzz(data: st.DataObject) -> None:
        kwargs, account, version = data.draw(hostile_orders(broker))
        outcome = check_order(broker, kwargs, account, version, failures)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1

    fuzz()
    assert sum(outcomes.values()) >= EXAMPLES
    assert not failures.first, f"{broker}: {len(failures.first)} distinct failures\n" + failures.report()
    assert outcomes.get("sent", 0) >= EXAMPLES // 10, outcomes  # the fuzzer must reach the wire too


# -- hostile ids for the other public calls ------------------------------------------------------------

ID_EXAMPLES = max(EXAMPLES // 8, 50)
EDGE_IDS: list[Any] = [
    "", " ", ".", "..", "../x", "a/b", "%2e%2e", "?", "#", "a?b=1", "9056", "207887693", "ord_1", "x" * 300, "\x00",
    "\U0001f680", "-1", "1e3", "  9056", "9056\n", "0", "2147483648", "99999999999999999999", None, -5, 9056, 10**12,
]  # fmt: skip
IDS = st.sampled_from([*EDGE_IDS, *(_unicode(_rng.randint(0, 30)) for _ in range(100))])


def check_call(broker: str, op: str, value: Any, account: Any, failures: Failures) -> str:
    STATS.fuzz_examples[f"bad ids {broker}"] += 1
    example = f"{op}({value!r}, account={account!r})"
    session, capture = _session(broker, None)
    capture.requests.clear()
    method = {"get": session.get_order, "cancel": session.cancel_order, "resolve": session.resolve}[op]
    try:
        method(value, account=account)
    except Captured as captured:
        request = captured.request
    except (ob.InvalidOrder, ob.NotSupported) as error:
        if capture.requests:
            failures.add(op, AssertionError(f"{type(error).__name__} after sending"), example)
            return "failure"
        return type(error).__name__
    except ob.OrderbridgeError as error:
        failures.add(
            op, AssertionError(f"neither a request nor InvalidOrder/NotSupported: {type(error).__name__}"), example
        )
        return "failure"
    except Exception as exc:
        _unclassified(exc, f"{op} (session call)")
        failures.add(op, exc, example)
        return "failure"
    else:
        failures.add(op, AssertionError("returned without sending"), example)
        return "failure"
    intended = OPERATION[op][broker]
    reached = operation_of(broker, request)
    if reached != intended:
        failures.add(op, AssertionError(f"sent to {reached or 'no operation'} instead of {intended}"), example)
        return "failure"
    try:
        key = validation_key(broker, request, f"/{broker}")
        if key not in _VALIDATED:
            try:
                validate_request(broker, request, prefix=f"/{broker}")
            except Exception as exc:
                raise AssertionError(_spec_violation(request, exc)) from exc
            _VALIDATED.add(key)
    except AssertionError as exc:
        failures.add(f"{op} request", exc, example)
        return "failure"
    return "sent"


@pytest.mark.parametrize("broker", BROKERS)
def test_hostile_ids_for_get_cancel_and_resolve(broker: str) -> None:
    """Order ids, client order ids and accounts from hostile input: refused before sending, or
    sent to the intended operation in a request that validates against the spec."""
    failures = Failures()
    for op in ("get", "cancel", "resolve"):  # every hand-picked edge case, every run
        for value in EDGE_IDS:
            check_call(broker, op, value, ACCOUNT[broker], failures)

    @settings(FUZZ, max_examples=ID_EXAMPLES)
    @given(data=st.data())
    def fuzz(data: st.DataObject) -> None:
        op = data.draw(st.sampled_from(["get", "cancel", "resolve"]))
        value = data.draw(IDS)
        account = data.draw(ACCOUNTS[broker]) if data.draw(st.integers(0, 3)) == 0 else ACCOUNT[broker]
        check_call(broker, op, value, account, failures)

    fuzz()
    assert not failures.first, f"{broker}: {len(failures.first)} distinct failures\n" + failures.report()
