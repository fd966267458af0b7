"""Retry policy (issue 4, "Done when" 3): placements at brokers that do not deduplicate are sent
exactly once; TradeStation and Sophic placements are retried a bounded number of times with the
same key; reads and logins are retried on transient failures.
"""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest

import orderbridge as ob

from . import helpers as h

CID = "retry-cid-000000000001"

TRANSIENT: dict[str, h.Responder] = {
    "500": h.reply(500, json={"StatusCode": 500, "Message": "x", "code": "server_error", "detail": "x", "error": "x"}),
    "502": h.reply(502, json={"StatusCode": 502, "Message": "x", "error": "x"}),
    "503": h.reply(503),
    "429": h.reply(429, json={"error": "Rate limit exceeded"}),
    "read-timeout": h.Raise(httpx.ReadTimeout),
    "dropped": h.Raise(httpx.RemoteProtocolError),
    "refused": h.Raise(httpx.ConnectError),
}


@pytest.mark.parametrize("case", h.NEVER_RETRIED, ids=lambda c: c.id)
@pytest.mark.parametrize("failure", [*TRANSIENT, "408"])
def test_non_idempotent_placement_is_sent_exactly_once(case: h.Case, failure: str) -> None:
    answer = h.reply(408, json={"success": False, "error": "offline"}) if failure == "408" else TRANSIENT[failure]
    # A success queued behind the failure would be consumed by any second attempt.
    rec = case.recorder([answer, case.routes[("POST", case.place_path)]])
    sleeps: list[float] = []
    outcome = h.place(case, rec, case.order_with(CID), sleeps=sleeps)
    assert isinstance(outcome, ob.OrderbridgeError)
    assert len(case.places(rec)) == 1
    assert sleeps == []


@pytest.mark.parametrize("case", h.IDEMPOTENT, ids=lambda c: c.id)
@pytest.mark.parametrize("failure", list(TRANSIENT))
def test_idempotent_placement_is_retried_a_bounded_number_of_times_with_the_same_key(
    case: h.Case, failure: str
) -> None:
    rec = case.recorder(TRANSIENT[failure])
    sleeps: list[float] = []
    outcome = h.place(case, rec, case.order, sleeps=sleeps)  # no client_order_id: one is generated
    assert isinstance(outcome, ob.OrderbridgeError)
    attempts = case.places(rec)
    assert 1 < len(attempts) <= 5
    assert len(sleeps) == len(attempts) - 1
    assert all(0 <= s <= 4.0 for s in sleeps)
    keys = {case.cid_of(r) for r in attempts}
    assert len(keys) == 1
    assert {r.content for r in attempts} == {attempts[0].content}  # byte-identical body on every attempt
    if isinstance(outcome, ob.OutcomeUnknown):
        assert outcome.client_order_id == keys.pop()


@pytest.mark.parametrize("case", h.IDEMPOTENT, ids=lambda c: c.id)
@pytest.mark.parametrize("failure", ["500", "read-timeout", "dropped", "refused", "429"])
def test_idempotent_placement_succeeds_on_a_later_attempt(case: h.Case, failure: str) -> None:
    rec = case.recorder([TRANSIENT[failure], case.routes[("POST", case.place_path)]])
    placed = h.place(case, rec, case.order_with(CID))
    assert isinstance(placed, ob.PlacedOrder), placed
    attempts = case.places(rec)
    assert len(attempts) == 2
    assert [case.cid_of(r) for r in attempts] == [CID, CID]
    assert attempts[0].content == attempts[1].content


@pytest.mark.parametrize("case", h.IDEMPOTENT, ids=lambda c: c.id)
def test_retry_after_is_honoured_and_capped(case: h.Case) -> None:
    rec = case.recorder(
        [
            h.reply(429, headers={"Retry-After": "1.5"}),
            h.reply(429, headers={"Retry-After": "3600"}),
            case.routes[("POST", case.place_path)],
        ]
    )
    sleeps: list[float] = []
    placed = h.place(case, rec, case.order_with(CID), sleeps=sleeps)
    assert isinstance(placed, ob.PlacedOrder)
    assert sleeps == [1.5, 4.0]


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("500", h.reply(json=[{"OrderStatus": "Failed", "Message": "duplicate", "OrderID": "1"}])),
        ("read-timeout", h.reply(400, json={"StatusCode": 400, "Message": "Duplicate order"})),
        ("dropped", h.reply(json={"Status": "Failed", "Message": "duplicate", "Id": 7})),
    ],
    ids=["500-then-failed", "timeout-then-400", "dropped-then-global-failed"],
)
def test_tradestation_rejection_of_a_retried_attempt_is_unknown(case: h.Case, first: str, then: h.Reply) -> None:
    rec = case.recorder([TRANSIENT[first], then])
    error = h.place(case, rec, case.order_with(CID))
    h.assert_placement_unknown(error, "retry_rejected", client_order_id=CID)
    assert len(case.places(rec)) == 2


@pytest.mark.parametrize("case", h.TRADESTATIONS, ids=lambda c: c.id)
def test_tradestation_rejection_of_the_first_attempt_stays_a_rejection(case: h.Case) -> None:
    rec = case.recorder(h.reply(json=[{"OrderStatus": "Failed", "Message": "no", "OrderID": "1"}]))
    assert type(h.place(case, rec, case.order_with(CID))) is ob.OrderRejected


def test_sophic_rejection_after_a_retry_stays_definitive_because_sophic_replays() -> None:
    rec = h.SOPHIC.recorder([TRANSIENT["500"], h.reply(400, json={"code": "insufficient_funds", "detail": "x"})])
    error = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID))
    assert type(error) is ob.OrderRejected
    assert error.code_name == "insufficient_funds"
    assert len(h.SOPHIC.places(rec)) == 2


LATER_401 = h.reply(401, json={"StatusCode": 401, "Message": "Unauthorized", "code": "invalid_token", "detail": "x"})


@pytest.mark.parametrize("case", [h.TRADESTATION, h.SOPHIC], ids=lambda c: c.id)
@pytest.mark.parametrize("first", ["read-timeout", "500"])
@pytest.mark.parametrize("later", ["refused", "401"])
def test_placement_that_may_have_arrived_is_never_reported_as_undelivered(case: h.Case, first: str, later: str) -> None:
    """The first attempt may have reached the broker; a later attempt cannot connect or is
    refused at the auth layer. That says nothing about the first attempt: the outcome is
    unknown (the order may exist), not "nothing was placed"."""
    then = h.Raise(httpx.ConnectError) if later == "refused" else LATER_401
    rec = case.recorder([TRANSIENT[first], then])
    error = h.place(case, rec, case.order_with(CID))
    assert isinstance(error, ob.OrderbridgeError)
    assert error.order_may_exist is True, f"{type(error).__name__}: {error}"
    assert type(error) is ob.PlacementUnknown
    assert error.client_order_id == CID


# -- reads, logins and cancels --------------------------------------------------------------------


@pytest.mark.parametrize("broker", list(h.READS))
@pytest.mark.parametrize("failure", ["500", "502", "503", "read-timeout", "dropped", "refused", "429"])
def test_get_order_is_retried_on_transient_failures(broker: str, failure: str) -> None:
    case, read = h.BY_BROKER[broker], h.READS[broker]
    rec = case.recorder()
    rec.set(read.method, read.path, [TRANSIENT[failure], read.ok])
    session = h.open_session(case, rec)
    found = h.run(session, "get_order", read.order_id, account=case.account)
    assert isinstance(found, ob.BrokerOrder), found
    assert found.order_id == read.order_id
    assert found.broker_status == read.status
    assert len(rec.to(read.path, read.method)) == 2


@pytest.mark.parametrize("broker", list(h.READS))
def test_get_order_gives_up_after_bounded_retries(broker: str) -> None:
    case, read = h.BY_BROKER[broker], h.READS[broker]
    rec = case.recorder()
    rec.set(read.method, read.path, h.reply(503))
    error = h.run(h.open_session(case, rec), "get_order", read.order_id, account=case.account)
    assert type(error) is ob.BrokerUnavailable
    assert error.order_may_exist is False
    assert 1 < len(rec.to(read.path, read.method)) <= 5


@pytest.mark.parametrize("broker", list(h.READS))
def test_get_order_rate_limited_after_retries_reports_retry_after(broker: str) -> None:
    case, read = h.BY_BROKER[broker], h.READS[broker]
    rec = case.recorder()
    rec.set(read.method, read.path, h.reply(429, json={"error": "Rate limit exceeded"}, headers={"Retry-After": "2"}))
    sleeps: list[float] = []
    error = h.run(h.open_session(case, rec, sleeps=sleeps), "get_order", read.order_id, account=case.account)
    assert type(error) is ob.RateLimited
    assert error.retry_after == 2.0
    assert sleeps and set(sleeps) == {2.0}


GATEWAY_HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>"


@pytest.mark.parametrize(
    ("broker", "status"),
    [
        ("topstepx", 429),
        ("crosstrade", 429),
        ("tradestation", 500),
        ("tradestation", 502),
        ("tradestation", 504),
        ("sophic", 500),
    ],
)
def test_get_order_is_retried_when_a_transient_status_has_a_non_json_body(broker: str, status: int) -> None:
    """Proxies and gateways answer 5xx/429 with HTML; the status alone says "try again"."""
    case, read = h.BY_BROKER[broker], h.READS[broker]
    rec = case.recorder()
    rec.set(read.method, read.path, [h.Reply(status, text=GATEWAY_HTML), read.ok])
    found = h.run(h.open_session(case, rec), "get_order", read.order_id, account=case.account)
    assert isinstance(found, ob.BrokerOrder), f"{type(found).__name__}: {found}"
    assert len(rec.to(read.path, read.method)) == 2


def test_login_is_retried_when_a_5xx_has_a_non_json_body() -> None:
    rec = h.SOPHIC.recorder()
    rec.set("POST", "/auth/token", [h.Reply(500, text=GATEWAY_HTML), h.SOPHIC.routes[("POST", "/auth/token")]])
    placed = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID))
    assert isinstance(placed, ob.PlacedOrder), f"{type(placed).__name__}: {placed}"
    assert len(h.SOPHIC.logins(rec)) == 2


@pytest.mark.parametrize("case", [c for c in h.CASES if c.login_path], ids=lambda c: c.id)
@pytest.mark.parametrize("failure", ["500", "503", "read-timeout", "refused"])
def test_login_is_retried_on_transient_failures(case: h.Case, failure: str) -> None:
    rec = case.recorder()
    assert case.login_path is not None
    rec.set("POST", case.login_path, [TRANSIENT[failure], case.routes[("POST", case.login_path)]])
    placed = h.place(case, rec, case.order_with(CID))
    assert isinstance(placed, ob.PlacedOrder), placed
    assert len(case.logins(rec)) == 2
    assert len(case.places(rec)) == 1


@pytest.mark.parametrize("case", [c for c in h.CASES if c.login_path], ids=lambda c: c.id)
def test_login_that_keeps_failing_places_nothing(case: h.Case) -> None:
    rec = case.recorder()
    rec.set("POST", case.login_path, h.reply(503))
    error = h.place(case, rec, case.order_with(CID))
    assert type(error) is ob.BrokerUnavailable
    assert error.order_may_exist is False
    assert case.places(rec) == []
    assert 1 < len(case.logins(rec)) <= 5


@pytest.mark.parametrize(
    ("case", "method", "path", "order_id"),
    [
        (h.TOPSTEPX, "POST", "/api/Order/cancel", "36598"),
        (h.CROSSTRADE, "POST", "/v1/api/accounts/Sim101/orders/abc/cancel", "abc"),
        (h.TRADESTATION, "DELETE", "/v2/orders/207887693", "207887693"),
    ],
    ids=["topstepx", "crosstrade", "tradestation"],
)
@pytest.mark.parametrize("failure", ["500", "read-timeout"])
def test_cancel_is_never_retried(case: h.Case, method: str, path: str, order_id: str, failure: str) -> None:
    rec = case.recorder()
    rec.set(method, path, TRANSIENT[failure])
    error = h.run(h.open_session(case, rec), "cancel_order", order_id, account=case.account)
    assert type(error) is ob.OutcomeUnknown
    assert len(rec.to(path, method)) == 1


def test_sophic_has_no_cancel_and_sends_nothing() -> None:
    rec = h.SOPHIC.recorder()
    error = h.run(h.open_session(h.SOPHIC, rec), "cancel_order", "ord_1", account=h.SOPHIC.account)
    assert type(error) is ob.NotSupported
    assert rec.requests == []


def test_sophic_replayed_result_on_retry_is_the_placed_order() -> None:
    replay = h.reply(201, json={**h.sophic_order(), "cash_amount": "100.00"})
    rec = h.SOPHIC.recorder([TRANSIENT["read-timeout"], replay])
    placed = h.place(
        h.SOPHIC, rec, ob.Order(instrument="ins_xyz789", side="buy", cash_amount=Decimal("100.00"), client_order_id=CID)
    )
    assert isinstance(placed, ob.PlacedOrder)
    assert placed.order_id == h.sophic_order()["id"]
