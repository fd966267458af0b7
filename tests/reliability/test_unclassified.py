"""Nothing unclassified (hypothesis): whatever the broker answers — any status, content type,
body (JSON of the right shape with holes and wrong types, arbitrary JSON, bytes), header, or
transport exception, one to four times in a row — ``place_order``, ``get_order``,
``cancel_order``, ``resolve`` and the login raise nothing but orderbridge errors: no KeyError,
ValueError, httpx.* or attrs errors from the generated clients.

Two more properties ride along on every placement:

* a broker that does not deduplicate gets at most one placement request;
* once a placement attempt may have reached the broker (a 2xx/429/5xx answer or a transport
  failure after sending), the outcome never claims that nothing was placed.
"""

from __future__ import annotations

import copy
import functools
import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import orderbridge as ob
from orderbridge.testing import use_sleep
from orderbridge_sandbox import Sandbox

from ._harness import (
    ACCOUNT,
    BROKERS,
    CREDENTIALS,
    OPERATION,
    TOKEN_OPERATIONS,
    market_order,
    operation_of,
    resting_order,
)
from ._stats import STATS

EXAMPLES = 400
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)


def _recorded_answers() -> dict[str, dict[str, Any]]:
    """Real success bodies, per broker and operation, recorded from the sandbox (mutation seeds)."""
    sandbox = Sandbox()
    seen: dict[str, dict[str, Any]] = {b: {} for b in BROKERS}

    def handler(request: httpx.Request) -> httpx.Response:
        response = sandbox.handle(request)
        name = request.url.path.split("/")[1]
        operation = operation_of(name, request)
        if response.status_code < 300 and operation not in seen[name]:
            seen[name][operation] = (response.status_code, json.loads(response.content))
        return response

    for broker in BROKERS:
        with ob.connect(
            broker,
            base_url=f"http://127.0.0.1/{broker}",
            credentials=CREDENTIALS[broker],
            transport=httpx.MockTransport(handler),
        ) as session:
            account = ACCOUNT[broker]
            placed = session.place_order(resting_order(broker, "seed-cid"), account=account)
            session.get_order(placed.order_id, account=account)
            if broker != "tradestation":
                session.resolve("seed-cid", account=account)
            if broker != "sophic":
                session.cancel_order(placed.order_id, account=account)
            session._box.expires_at = 0.0
            session.place_order(market_order(broker), account=account)  # a renewal (TopstepX validate)
    return seen


@functools.cache
def good_answers() -> dict[str, dict[str, Any]]:
    """The recorded success bodies, made on first use (never at import: collecting this module
    must not place orders, and a failure here must fail a test, not the whole collection)."""
    answers = _recorded_answers()
    answers["topstepx"]["search_orders"] = (200, {"orders": [], "success": True, "errorCode": 0, "errorMessage": None})
    return answers


STATUSES = [200, 201, 202, 204, 206, 299, 301, 302, 304, 307, 308, 400, 401, 403, 404, 405, 408, 409, 410, 418, 422,
            425, 429, 451, 499, 500, 501, 502, 503, 504, 520, 599]  # fmt: skip
CONTENT_TYPES = [
    "application/json", "application/json; charset=utf-8", "text/html", "text/plain", "application/problem+json",
    "application/javascript", "application/octet-stream", None, "application/json; charset=latin-1",
]  # fmt: skip
RETRY_AFTER = [None, "", "0", "1", "-1", "1.5", "abc", "1e400", "nan", "inf", "Wed, 21 Oct 2015 07:28:00 GMT", "9" * 30]
EXCEPTIONS: list[type[Exception]] = [
    httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout,
    httpx.ReadError, httpx.WriteError, httpx.CloseError, httpx.RemoteProtocolError, httpx.LocalProtocolError,
    httpx.ProxyError, httpx.UnsupportedProtocol, httpx.NetworkError, httpx.TimeoutException, httpx.ProtocolError,
    httpx.TransportError,
]  # fmt: skip
"""What a transport can raise (DecodingError comes from reading a body: see CONTENT_ENCODINGS)."""
CONTENT_ENCODINGS = [None, None, None, "gzip", "deflate", "br", "identity", "bogus"]
NOT_DELIVERED = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)

leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["", "Ok", "Failed", "placed", "NaN", "2025-13-45T99:00:00Z", "null", "ord_1", "207887693"]),
)
any_json = st.recursive(
    leaf,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=5,
)


@st.composite
def mutated(draw: Any, good: Any) -> Any:
    """A real success body with holes, wrong types, unknown values and extra keys."""
    doc = copy.deepcopy(good)
    targets = [doc] if isinstance(doc, dict) else [d for d in doc if isinstance(d, dict)]
    for obj in targets:
        for key in list(obj):
            action = draw(st.sampled_from(["keep", "keep", "keep", "drop", "replace", "null"]))
            if action == "drop":
                del obj[key]
            elif action == "replace":
                obj[key] = draw(any_json)
            elif action == "null":
                obj[key] = None
        for key, value in draw(st.dictionaries(st.text(max_size=8), leaf, max_size=2)).items():
            obj[key] = value
    return doc


@st.composite
def answers(draw: Any, broker: str, operation: str) -> Any:
    """One broker answer: a response recipe, or a transport exception class."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(EXCEPTIONS))
    status = draw(st.one_of(st.sampled_from(STATUSES), st.integers(100, 599)))
    good = good_answers()[broker].get(operation, (200, None))[1]
    kind = draw(st.sampled_from(["good", "mutated", "mutated", "json", "bytes", "empty", "html"]))
    if kind == "good" and good is not None:
        content = json.dumps(good).encode()
    elif kind == "mutated" and good is not None:
        content = json.dumps(draw(mutated(good))).encode()
    elif kind == "bytes":
        content = draw(st.binary(max_size=40))
    elif kind == "empty":
        content = b""
    elif kind == "html":
        content = b"<html><body>Quota Exceeded</body></html>"
    else:
        content = json.dumps(draw(any_json)).encode()
    headers = {}
    content_type = draw(st.sampled_from(CONTENT_TYPES))
    if content_type:
        headers["content-type"] = content_type
    encoding = draw(st.sampled_from(CONTENT_ENCODINGS))
    if encoding:
        headers["content-encoding"] = encoding
    retry_after = draw(st.sampled_from(RETRY_AFTER))
    if retry_after is not None:
        headers["retry-after"] = retry_after
    return status, headers, content


class Streamed(httpx.SyncByteStream):
    """A body that arrives like one from the network: read (and decoded, per Content-Encoding)
    by the client after the response headers, not when the response object is built."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Any:
        yield self.data


class Scripted:
    """MockTransport handler: per operation, a list of answers consumed in order (the last
    repeats); operations without a script get their good answer."""

    def __init__(self, broker: str, scripts: dict[str, list[Any]]) -> None:
        self.broker = broker
        self.scripts = scripts
        self.log: list[tuple[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        operation = operation_of(self.broker, request)
        script = self.scripts.get(operation)
        if script:
            answer = script.pop(0) if len(script) > 1 else script[0]
        else:
            status, good = good_answers()[self.broker].get(operation, (200, {}))
            answer = (status, {"content-type": "application/json"}, json.dumps(good).encode())
        self.log.append((operation, answer))
        if isinstance(answer, type):
            raise answer("scripted failure", request=request)
        status, headers, content = answer
        return httpx.Response(status, headers=headers, stream=Streamed(content), request=request)


def _ambiguous(answer: Any) -> bool:
    """Whether this answer to a placement means the request may have been processed."""
    if isinstance(answer, type):
        return not issubclass(answer, NOT_DELIVERED)
    status: int = answer[0]
    return 200 <= status < 300 or status == 429 or status >= 500


OPS = ["login", "place", "get", "cancel", "resolve"]
ORDER_ID = {"topstepx": "9056", "crosstrade": "seed-cid", "tradestation": "207887693", "sophic": "ord_placeholder"}


def _call(session: ob.Session, op: str, broker: str) -> Any:
    account = ACCOUNT[broker]
    if op in ("login", "place"):
        return session.place_order(market_order(broker, "fuzz-cid-1"), account=account)
    if op == "get":
        return session.get_order(ORDER_ID[broker], account=account)
    if op == "cancel":
        return session.cancel_order(ORDER_ID[broker], account=account)
    return session.resolve("fuzz-cid-1", account=account)


def check_answers(broker: str, op: str, scripts: dict[str, list[Any]], unclassified: list[str]) -> Any:
    STATS.fuzz_examples[f"responses {broker}"] += 1
    handler = Scripted(broker, {k: list(v) for k, v in scripts.items()})
    session = ob.connect(
        broker,
        base_url=f"http://127.0.0.1/{broker}",
        credentials=CREDENTIALS[broker],
        transport=httpx.MockTransport(handler),
    )
    use_sleep(session, lambda _s: None)
    if op != "login":
        session._box.token = "fuzz-token"
        session._box.expires_at = None
    if op == "resolve" and broker == "sophic":
        session._journal[(ACCOUNT[broker], "fuzz-cid-1")] = market_order(broker, "fuzz-cid-1")
    try:
        result: Any = _call(session, op, broker)
    except ob.OrderbridgeError as error:
        result = error
    except Exception as exc:
        STATS.unclassified_in(f"{op} (session call)", exc)
        unclassified.append(f"{broker} {op}: {type(exc).__module__}.{type(exc).__name__}: {exc!s:.150} <- {scripts}")
        return exc
    finally:
        session.close()
    placements = [answer for operation, answer in handler.log if operation == "place_order"]
    if op in ("login", "place"):
        if not ob.capabilities(broker).idempotent_placement:
            assert len(placements) <= 1, f"{broker}: {len(placements)} placement requests"
        if isinstance(result, ob.OrderbridgeError) and not result.order_may_exist and any(map(_ambiguous, placements)):
            # Sophic replays the original answer for a repeated key, so its definitive refusal
            # of a retried attempt is trustworthy.
            allowed = broker == "sophic" and isinstance(result, ob.OrderRejected)
            assert allowed, f"{broker}: {result!r} claims nothing was placed after {placements}"
        if isinstance(result, ob.PlacedOrder):
            assert result.client_order_id == "fuzz-cid-1"
    return result


@pytest.mark.parametrize("broker", BROKERS)
def test_no_exception_outside_the_hierarchy_whatever_the_broker_answers(broker: str) -> None:
    unclassified: list[str] = []
    token_ops = TOKEN_OPERATIONS[broker]

    @FUZZ
    @given(data=st.data())
    def fuzz(data: st.DataObject) -> None:
        op = data.draw(st.sampled_from(OPS if token_ops else OPS[1:]))
        if op == "login":
            target = data.draw(st.sampled_from(token_ops))
        elif op == "place":
            target = "place_order"
        else:
            target = OPERATION[op][broker] or "place_order"
        script = data.draw(st.lists(answers(broker, target), min_size=1, max_size=4))
        scripts = {target: script}
        if op == "login" and data.draw(st.booleans()):
            scripts["place_order"] = data.draw(st.lists(answers(broker, "place_order"), min_size=1, max_size=3))
        check_answers(broker, op, scripts, unclassified)

    fuzz()
    distinct = sorted({line.split(" <- ")[0] for line in unclassified})
    assert not unclassified, (
        f"{len(unclassified)} unclassified exceptions, {len(distinct)} kinds:\n"
        + "\n".join(distinct[:20])
        + f"\ne.g. {unclassified[0]}"
    )


@pytest.mark.parametrize("broker", BROKERS)
def test_the_seed_answers_succeed(broker: str) -> None:
    """Sanity of the fuzzer's seeds: unmutated, they give each operation its success type."""
    expected = {"place": ob.PlacedOrder, "login": ob.PlacedOrder, "get": ob.BrokerOrder, "cancel": type(None)}
    for op in OPS:
        if op == "login" and not TOKEN_OPERATIONS[broker]:
            continue
        result = check_answers(broker, op, {}, [])
        if op == "resolve":
            want: Any = {"topstepx": type(None), "crosstrade": ob.BrokerOrder, "tradestation": ob.NotSupported}
            assert isinstance(result, want.get(broker, ob.PlacedOrder)) or (
                broker == "crosstrade" and isinstance(result, ob.PlacedOrder)
            ), (op, result)
        elif broker == "sophic" and op == "cancel":
            assert isinstance(result, ob.NotSupported)
        else:
            assert isinstance(result, expected[op]), (op, result)
