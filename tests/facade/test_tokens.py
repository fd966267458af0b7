"""Tokens (issue 4, "Done when" 4): one login per session, renewal before expiry (fake clock),
a single login under concurrency, and the login requests themselves.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox.spec import validate_request

from .._support import FakeClock
from . import helpers as h

LOGIN_CASES = [c for c in h.CASES if c.login_path]
MINUTE = 60.0
HOUR = 3600.0


def _token_reply(case: h.Case, token: str, lifetime: int | None = None) -> Any:
    if case.broker == "topstepx":
        return h.reply(json={"token": token, "success": True, "errorCode": 0, "errorMessage": None})
    if case.broker == "tradestation":
        return h.reply(
            json={"access_token": token, "expires_in": lifetime or 1200, "token_type": "AccessToken", "userid": "u"}
        )
    return h.reply(json={"access_token": token, "token_type": "bearer", "expires_in": lifetime or 900, "scope": ""})


def _bearers(case: h.Case, rec: h.Recorder) -> list[str]:
    return [r.headers.get("authorization", "") for r in case.places(rec)]


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
def test_one_login_for_100_orders(case: h.Case) -> None:
    rec = case.recorder()
    with h.open_session(case, rec) as session:
        for _ in range(100):
            assert isinstance(session.place_order(case.order, account=case.account), ob.PlacedOrder)
    assert len(case.places(rec)) == 100
    assert set(_bearers(case, rec)) == {f"Bearer {case.token}"}
    others = [r for r in rec.requests if r.url.path != case.place_path]
    if case.login_path is None:  # CrossTrade: a fixed secret key, no login request at all
        assert others == []
    else:
        assert [r.url.path for r in others] == [case.login_path]


@pytest.mark.parametrize("case", LOGIN_CASES, ids=lambda c: c.id)
def test_login_request_matches_the_spec(case: h.Case) -> None:
    rec = case.recorder()
    h.place(case, rec)
    login = case.logins(rec)[0]
    validate_request(case.broker, login)
    if case.broker == "topstepx":
        assert h.body(login) == {"userName": "tsx-user", "apiKey": "tsx-api-key"}
        assert login.headers["content-type"] == "application/json"
    elif case.broker == "tradestation":
        assert h.form(login) == {
            "grant_type": "refresh_token",
            "client_id": "ts-client-id",
            "client_secret": "ts-client-secret",
            "refresh_token": "ts-refresh",
        }
        assert login.headers["content-type"] == "application/x-www-form-urlencoded"
    else:
        assert h.form(login) == {
            "grant_type": "client_credentials",
            "client_id": "sophic-client-id",
            "client_secret": "sophic-client-secret",
        }
        assert login.headers["content-type"] == "application/x-www-form-urlencoded"
        assert login.headers["api-version"] == "2026-01-01"


# -- renewal before expiry ------------------------------------------------------------------------


def test_topstepx_renews_with_validate_before_24h(clock: FakeClock) -> None:
    rec = h.TOPSTEPX.recorder()
    rec.set(
        "POST",
        "/api/Auth/validate",
        h.reply(json={"success": True, "errorCode": 0, "errorMessage": None, "newToken": "tsx-session-token-2"}),
    )
    with h.open_session(h.TOPSTEPX, rec, clock=clock) as session:
        session.place_order(h.TOPSTEPX.order, account="465")
        clock.advance(1 * HOUR)
        session.place_order(h.TOPSTEPX.order, account="465")
        assert rec.to("/api/Auth/validate") == []
        clock.advance(22 * HOUR)  # 23 h after login: renew before the 24 h are up
        session.place_order(h.TOPSTEPX.order, account="465")
        session.place_order(h.TOPSTEPX.order, account="465")
    validates = rec.to("/api/Auth/validate")
    assert len(validates) == 1
    assert validates[0].headers["authorization"] == "Bearer tsx-session-token-1"
    validate_request("topstepx", validates[0])
    assert len(h.TOPSTEPX.logins(rec)) == 1
    assert _bearers(h.TOPSTEPX, rec) == ["Bearer tsx-session-token-1"] * 2 + ["Bearer tsx-session-token-2"] * 2


@pytest.mark.parametrize(
    "validate_answer",
    [
        h.reply(json={"success": False, "errorCode": 3, "errorMessage": None, "newToken": None}),
        h.reply(json={"success": True, "errorCode": 0, "errorMessage": None, "newToken": None}),
        h.reply(401),
        h.reply(500),
    ],
    ids=["expired-code-3", "success-without-token", "http-401", "http-500"],
)
def test_topstepx_falls_back_to_login_key_when_validate_fails(clock: FakeClock, validate_answer: Any) -> None:
    rec = h.TOPSTEPX.recorder()
    rec.set(
        "POST",
        "/api/Auth/loginKey",
        [_token_reply(h.TOPSTEPX, "tsx-session-token-1"), _token_reply(h.TOPSTEPX, "tsx-session-token-3")],
    )
    rec.set("POST", "/api/Auth/validate", validate_answer)
    with h.open_session(h.TOPSTEPX, rec, clock=clock) as session:
        session.place_order(h.TOPSTEPX.order, account="465")
        clock.advance(23.5 * HOUR)
        placed = session.place_order(h.TOPSTEPX.order, account="465")
    assert isinstance(placed, ob.PlacedOrder)
    assert len(rec.to("/api/Auth/validate")) >= 1
    assert len(h.TOPSTEPX.logins(rec)) == 2
    assert _bearers(h.TOPSTEPX, rec) == ["Bearer tsx-session-token-1", "Bearer tsx-session-token-3"]


@pytest.mark.parametrize(
    ("case", "before", "lifetime"),
    [
        (h.TRADESTATION, 19 * MINUTE, 1200),
        (h.TRADESTATION_GLOBAL, 19 * MINUTE, 1200),
        (h.SOPHIC, 14 * MINUTE, 900),
        (h.TRADESTATION, 4.5 * MINUTE, 300),
        (h.SOPHIC, 4.5 * MINUTE, 300),
    ],
    ids=["tradestation-20min", "tradestation-global-20min", "sophic-15min", "tradestation-5min", "sophic-5min"],
)
def test_short_lived_tokens_are_renewed_before_expiry(
    case: h.Case, before: float, lifetime: int, clock: FakeClock
) -> None:
    rec = case.recorder()
    rec.set("POST", case.login_path, [_token_reply(case, "token-A", lifetime), _token_reply(case, "token-B", lifetime)])
    with h.open_session(case, rec, clock=clock) as session:
        session.place_order(case.order, account=case.account)
        clock.advance(1 * MINUTE)
        session.place_order(case.order, account=case.account)
        assert len(case.logins(rec)) == 1
        clock.advance(before - 1 * MINUTE)  # still before the broker's expiry
        session.place_order(case.order, account=case.account)
    logins = case.logins(rec)
    assert len(logins) == 2
    assert h.form(logins[1]) == h.form(logins[0])  # the same grant again (refresh token / client credentials)
    assert _bearers(case, rec) == ["Bearer token-A", "Bearer token-A", "Bearer token-B"]


def test_tradestation_static_access_token_is_used_without_login(clock: FakeClock) -> None:
    rec = h.TRADESTATION.recorder()
    with h.open_session(h.TRADESTATION, rec, clock=clock, credentials={"access_token": "ts-static-token"}) as session:
        session.place_order(h.TRADESTATION.order, account="123456")
        clock.advance(48 * HOUR)
        session.place_order(h.TRADESTATION.order, account="123456")
    assert h.TRADESTATION.logins(rec) == []
    assert _bearers(h.TRADESTATION, rec) == ["Bearer ts-static-token"] * 2


def test_crosstrade_never_logs_in(clock: FakeClock) -> None:
    rec = h.CROSSTRADE.recorder()
    with h.open_session(h.CROSSTRADE, rec, clock=clock) as session:
        session.place_order(h.CROSSTRADE.order, account="Sim101")
        clock.advance(30 * 24 * HOUR)
        session.place_order(h.CROSSTRADE.order, account="Sim101")
    assert [r.url.path for r in rec.requests] == [h.CROSSTRADE.place_path] * 2
    assert _bearers(h.CROSSTRADE, rec) == [f"Bearer {h.CROSSTRADE.token}"] * 2


# -- concurrency ------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", LOGIN_CASES, ids=lambda c: c.id)
def test_50_concurrent_async_orders_trigger_one_login(case: h.Case) -> None:
    rec = case.recorder()

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == case.login_path:
            await asyncio.sleep(0.02)  # a slow login: the other 49 calls arrive while it runs
        return rec(request)

    async def main() -> list[Any]:
        session = h.open_session(case, handler, async_=True)
        async with session:
            return await asyncio.gather(
                *(session.place_order(case.order, account=case.account) for _ in range(50)), return_exceptions=True
            )

    results = asyncio.run(main())
    assert all(isinstance(r, ob.PlacedOrder) for r in results), results
    assert len(case.logins(rec)) == 1
    assert len(case.places(rec)) == 50
    assert set(_bearers(case, rec)) == {f"Bearer {case.token}"}
    assert len({r.client_order_id for r in results}) == 50


@pytest.mark.parametrize("case", LOGIN_CASES, ids=lambda c: c.id)
def test_concurrent_threads_share_one_login(case: h.Case) -> None:
    rec = case.recorder()
    lock = threading.Lock()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == case.login_path:
            threading.Event().wait(0.02)
        with lock:
            return rec(request)

    with h.open_session(case, handler) as session, ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: session.place_order(case.order, account=case.account), range(20)))
    assert all(isinstance(r, ob.PlacedOrder) for r in results)
    assert len(case.logins(rec)) == 1


# -- 401 and refused logins ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", LOGIN_CASES, ids=lambda c: c.id)
def test_a_401_makes_the_next_call_log_in_again(case: h.Case) -> None:
    rec = case.recorder()
    ok = case.routes[("POST", case.place_path)]
    unauthorized = h.reply(
        401, json={"Message": "Unauthorized", "StatusCode": 401, "code": "invalid_token", "detail": "expired"}
    )
    rec.set("POST", case.place_path, [unauthorized, ok])
    rec.set("POST", case.login_path, [_token_reply(case, "token-A"), _token_reply(case, "token-B")])
    if case.broker == "topstepx":
        rec.set(
            "POST",
            "/api/Auth/validate",
            h.reply(json={"success": False, "errorCode": 3, "errorMessage": None, "newToken": None}),
        )
    with h.open_session(case, rec) as session:
        first = run_keep(session, case)
        second = run_keep(session, case)
    assert type(first) is ob.AuthenticationError
    assert isinstance(second, ob.PlacedOrder)
    assert len(case.logins(rec)) == 2
    assert _bearers(case, rec) == ["Bearer token-A", "Bearer token-B"]


def run_keep(session: Any, case: h.Case) -> Any:
    try:
        return session.place_order(case.order, account=case.account)
    except ob.OrderbridgeError as exc:
        return exc


@pytest.mark.parametrize(
    ("case", "answer", "code", "code_name"),
    [
        (
            h.TOPSTEPX,
            h.reply(json={"token": None, "success": False, "errorCode": 3, "errorMessage": "SECRETMSG"}),
            3,
            "INVALID_CREDENTIALS",
        ),
        (
            h.TOPSTEPX,
            h.reply(json={"token": None, "success": False, "errorCode": 9, "errorMessage": None}),
            9,
            "API_SUBSCRIPTION_NOT_FOUND",
        ),
        (h.TRADESTATION, h.reply(401, json={"Message": "Invalid refresh token", "StatusCode": 401}), 401, None),
        (
            h.SOPHIC,
            h.reply(401, json={"error": "invalid_client", "error_description": "Client authentication failed."}),
            "invalid_client",
            "invalid_client",
        ),
        (
            h.SOPHIC,
            h.reply(400, json={"error": "unsupported_grant_type", "error_description": "no"}),
            "unsupported_grant_type",
            "unsupported_grant_type",
        ),
    ],
    ids=["topstepx-3", "topstepx-9", "tradestation-401", "sophic-invalid-client", "sophic-400"],
)
def test_refused_login_is_an_authentication_error_and_places_nothing(
    case: h.Case, answer: Any, code: Any, code_name: str | None
) -> None:
    rec = case.recorder()
    rec.set("POST", case.login_path, answer)
    error = h.place(case, rec, case.order_with("login-refused"))
    assert type(error) is ob.AuthenticationError
    assert error.code == code
    assert error.code_name == code_name
    assert error.order_may_exist is False
    assert case.places(rec) == []
    assert len(case.logins(rec)) == 1  # a refusal is definitive: not retried
    assert "SECRETMSG" not in str(error)
