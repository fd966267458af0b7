"""Regression tests for the defects a hostile review found (issue 12), in process.

Each test names its defect; each failed on the code before the attempt policy. Loopback cases
(WebSocket redirect, trickling server, every logger at DEBUG) live in
``tests/reliability/test_hostile_network.py``.
"""

from __future__ import annotations

import gzip
import json
import logging
import tracemalloc
from decimal import Decimal
from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge import cli
from orderbridge.sophic import ReplayGuard, WebhookVerificationError, sign, verify_webhook
from orderbridge.testing import MAX_MESSAGE, Grant, session_for

from . import helpers as h

MiB = 1024 * 1024


# -- 2. response size ---------------------------------------------------------------------------------
def _padded(size: int) -> bytes:
    """A valid Sophic placement answer followed by ``size`` bytes of JSON whitespace."""
    return json.dumps(h.sophic_order()).encode() + b" " * size


def _capped_session(transport: httpx.BaseTransport) -> ob.Session:
    """A Sophic session whose responses may not exceed 1 MiB (no real waits)."""
    return session_for(
        "sophic", transport=transport, credentials=h.SOPHIC.credentials, max_response_bytes=MiB, sleep=lambda s: None
    )


def test_a_padded_answer_is_refused_not_placed() -> None:
    rec = h.SOPHIC.recorder(h.reply(201, content=_padded(2 * MiB), headers={"content-type": "application/json"}))
    session = _capped_session(httpx.MockTransport(rec))
    outcome = h.run(session, "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    assert isinstance(outcome, ob.OutcomeUnknown) and outcome.origin == "response_too_large"
    assert len(h.SOPHIC.places(rec)) == 1  # never asked again: the answer would be as big


class _RawTransport(httpx.BaseTransport):
    """Hands the body on as a raw stream (``httpx.MockTransport`` reads and inflates it first)."""

    def __init__(self, place_body: bytes, headers: dict[str, str]) -> None:
        self.place_body, self.headers, self.places = place_body, headers, 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/token":
            token = {"access_token": h.SOPHIC.token, "token_type": "bearer", "expires_in": 900, "scope": ""}
            return httpx.Response(200, json=token)
        self.places += 1
        return httpx.Response(201, headers=self.headers, stream=httpx.ByteStream(self.place_body))


def test_a_gzip_bomb_is_stopped_at_the_cap_with_memory_bounded() -> None:
    """64 MiB of whitespace compress to ~64 KiB; inflating must stop at the 1 MiB cap."""
    bomb = gzip.compress(_padded(64 * MiB), compresslevel=9)
    assert len(bomb) < MiB
    transport = _RawTransport(bomb, {"content-type": "application/json", "content-encoding": "gzip"})
    session = _capped_session(transport)
    tracemalloc.start()
    try:
        outcome = h.run(session, "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(outcome, ob.OutcomeUnknown) and outcome.origin == "response_too_large"
    assert transport.places == 1
    assert peak < 16 * MiB, f"peak {peak / MiB:.1f} MiB while inflating a 64 MiB bomb"


def test_a_gzip_answer_within_the_cap_is_read() -> None:
    """Compression itself is fine (httpx's own decoding is replaced by the capped one)."""
    packed = gzip.compress(json.dumps(h.sophic_order()).encode())
    rec = h.SOPHIC.recorder(
        h.reply(201, content=packed, headers={"content-type": "application/json", "content-encoding": "gzip"})
    )
    placed = h.run(h.open_session(h.SOPHIC, rec), "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    assert isinstance(placed, ob.PlacedOrder) and placed.order_id == h.sophic_order()["id"]


def test_an_encoding_that_was_not_asked_for_is_not_placed() -> None:
    rec = h.SOPHIC.recorder(
        h.reply(201, content=b"\x00garbage", headers={"content-type": "application/json", "content-encoding": "br"})
    )
    outcome = h.run(h.open_session(h.SOPHIC, rec), "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    assert isinstance(outcome, ob.OutcomeUnknown)
    assert h.SOPHIC.places(rec)[0].headers["accept-encoding"] == "gzip, deflate"


# -- redirects on REST ------------------------------------------------------------------------------
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirected_placement_is_unknown_and_never_resent(status: int) -> None:
    rec = h.SOPHIC.recorder(h.reply(status, headers={"location": "https://elsewhere.test/orders"}))
    outcome = h.run(h.open_session(h.SOPHIC, rec), "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    assert isinstance(outcome, ob.OutcomeUnknown) and outcome.origin == "redirect"
    assert len(h.SOPHIC.places(rec)) == 1 and not rec.unrouted  # not retried, not followed


def test_a_redirected_read_is_not_followed() -> None:
    rec = h.CROSSTRADE.recorder()
    rec.set("GET", "/v1/api/accounts/Sim101/orders/abc", h.reply(302, headers={"location": "/v1/api/accounts"}))
    outcome = h.run(h.open_session(h.CROSSTRADE, rec), "get_order", "abc", account="Sim101")
    assert isinstance(outcome, ob.UnexpectedResponse) and outcome.status_code == 302
    assert [r.url.path for r in rec.requests] == ["/v1/api/accounts/Sim101/orders/abc"]


# -- 4. credentials that cannot be a header -------------------------------------------------------
BAD_VALUES = ["tok\n", "tok ", " tok", "to\r\nX-Injected: 1", "to\x00k", "tök", "tok\t", ""]


@pytest.mark.parametrize("value", BAD_VALUES[:-1])
def test_an_unsendable_credential_is_a_configuration_error(value: str) -> None:
    rec = h.CROSSTRADE.recorder()
    with pytest.raises(ob.ConfigurationError) as refused:
        ob.connect("crosstrade", credentials={"token": value}, transport=httpx.MockTransport(rec))
    assert "token" in str(refused.value) and "ORDERBRIDGE_CROSSTRADE_TOKEN" in str(refused.value)
    assert value.strip() not in str(refused.value) or value.strip() == "tok"
    assert not rec.requests


def test_an_unsendable_credential_from_the_environment_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_API_KEY", "key-from-a-file\n")
    with pytest.raises(ob.ConfigurationError, match="ORDERBRIDGE_TOPSTEPX_API_KEY"):
        ob.connect("topstepx", credentials={"username": "u"})


def test_a_broker_issued_token_that_cannot_be_a_header_is_refused() -> None:
    rec = h.SOPHIC.recorder()
    rec.set(
        "POST", "/auth/token", h.reply(json={"access_token": "jwt\r\nX: y", "token_type": "bearer", "expires_in": 9})
    )
    outcome = h.run(h.open_session(h.SOPHIC, rec), "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    # refused by the spec's token schema or by the header check: either way nothing is placed
    assert isinstance(outcome, (ob.AuthenticationError, ob.UnexpectedResponse)) and not outcome.order_may_exist
    assert not h.SOPHIC.places(rec)


# -- 5. broker text in messages ----------------------------------------------------------------------
def test_a_broker_code_cannot_inject_lines_or_flood_the_message() -> None:
    hostile = "insufficient_funds\r\n2026-01-01 INFO forged log line" + "A" * 100_000
    rec = h.SOPHIC.recorder(h.reply(400, json={"code": hostile, "detail": "no"}))
    outcome = h.run(h.open_session(h.SOPHIC, rec), "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    assert isinstance(outcome, ob.OrderRejected)
    text = str(outcome)
    assert "\n" not in text and "\r" not in text and len(text) <= MAX_MESSAGE
    assert outcome.code == hostile  # the broker's answer is kept, untouched, on the attribute


def test_a_token_endpoint_echoing_the_secret_does_not_leak_it() -> None:
    secret = h.SOPHIC.credentials["client_secret"]
    rec = h.SOPHIC.recorder()
    rec.set(
        "POST",
        "/auth/token",
        h.reply(400, json={"error": f"invalid_client:{secret}", "error_description": f"bad secret {secret}"}),
    )
    outcome = h.run(h.open_session(h.SOPHIC, rec), "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    assert isinstance(outcome, ob.AuthenticationError)
    for text in (str(outcome), repr(outcome), outcome.broker_message or "", str(outcome.code)):
        assert secret not in text


def test_messages_keep_printable_text_and_are_capped() -> None:
    assert str(ob.OrderbridgeError("order_rejected")) == "order_rejected"
    assert str(ob.OrderbridgeError("a\x1b[31mb\u2028c")) == "a?[31mb?c"
    capped = str(ob.OrderbridgeError("x" * 1000))
    assert len(capped) == MAX_MESSAGE and capped.endswith("…")


# -- 6. decimals with huge exponents ----------------------------------------------------------------
HUGE = ["-1e999999999999", "1e999999999999", "1e1000000", "1e-1000000", "0e999999999", "1" * 5000]


@pytest.mark.parametrize("text", HUGE)
def test_huge_decimals_are_refused_at_construction(text: str) -> None:
    with pytest.raises(ob.InvalidOrder) as refused:
        ob.Order(instrument="X", side="buy", quantity=text)
    assert refused.value.field == "quantity" and len(str(refused.value)) < 200


def test_huge_decimal_objects_and_extras_are_refused() -> None:
    with pytest.raises(ob.InvalidOrder):
        ob.Order(instrument="X", side="buy", quantity=1, limit_price=Decimal("1e999999999999"), type="limit")
    order = ob.Order(
        instrument="ins", side="buy", cash_amount=Decimal("100.00"), extras={"quote": Decimal("1e99999999")}
    )
    rec = h.SOPHIC.recorder()
    outcome = h.run(h.open_session(h.SOPHIC, rec), "place_order", order, account=h.SOPHIC.account)
    assert isinstance(outcome, ob.InvalidOrder) and not h.SOPHIC.places(rec)


def test_bounds_leave_ordinary_numbers_alone() -> None:
    for text in ["1", "0.00000001", "123456789012345678", "5500.25", "1E+2"]:
        assert ob.Order(instrument="X", side="buy", quantity=text).quantity == Decimal(text)


@pytest.mark.parametrize(
    "argv_tail", [["--quantity", "1e999999999999"], ["--quantity", "1", "--extra", "x=" + "9" * 5000]]
)
def test_the_cli_exits_2_for_huge_numbers(argv_tail: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["place", "crosstrade", "--account", "Sim101", "--instrument", "MES", "--side", "buy", "--dry-run"]
    code = cli.main([*argv, *argv_tail])
    assert code == cli.EXIT_INVALID == 2
    assert "Traceback" not in capsys.readouterr().err


# -- 7. key conflict after an ambiguous attempt ----------------------------------------------------
@pytest.mark.parametrize("code", ["idempotency_key_conflict", "idempotency_key_expired"])
def test_a_key_conflict_on_the_retry_means_the_order_may_exist(code: str) -> None:
    rec = h.SOPHIC.recorder([h.Raise(httpx.ReadTimeout), h.reply(409, json={"code": code, "detail": "used"})])
    outcome = h.run(h.open_session(h.SOPHIC, rec), "place_order", h.SOPHIC.order, account=h.SOPHIC.account)
    assert isinstance(outcome, ob.OutcomeUnknown) and outcome.order_may_exist
    assert outcome.origin == "retry_key_conflict" and outcome.code == code
    assert len(h.SOPHIC.places(rec)) == 2


# -- 8. base URLs ------------------------------------------------------------------------------------
def test_a_base_url_with_userinfo_is_refused_and_never_shown() -> None:
    with pytest.raises(ob.ConfigurationError) as refused:
        ob.connect("sophic", base_url="https://user:hunter2@api.example.test")
    assert "hunter2" not in str(refused.value)


@pytest.mark.parametrize(
    "url", ["http://[::1", "https://host:abc", "https://ho\x00st", "https://host\n.test", "https://hö.test/", 42, None]
)
def test_malformed_base_urls_are_configuration_errors(url: Any) -> None:
    for connect in (ob.connect, ob.connect_async):
        with pytest.raises(ob.ConfigurationError):
            bad: Any = url if url is not None else b"https://x"  # deliberately not a str sometimes
            connect("crosstrade", base_url=bad, credentials={"token": "t"})


# -- 9. a late 401 for a replaced token -----------------------------------------------------------
def test_a_late_401_for_a_replaced_token_keeps_the_new_one() -> None:
    rec = h.SOPHIC.recorder()
    session = h.open_session(h.SOPHIC, rec)
    order_path = f"{h.SOPHIC.place_path}/ord_1"

    def late_refusal(request: httpx.Request) -> httpx.Response:
        # While this request (carrying the first token) is in flight, another caller
        # renewed the token; the broker then refuses the old one.
        session._store(Grant("second-token", 900.0), session._box.revision)
        return httpx.Response(401, json={"code": "unauthorized", "detail": "expired"}, request=request)

    rec.set("GET", order_path, [late_refusal, h.reply(json=h.sophic_order())])
    with session:
        with pytest.raises(ob.AuthenticationError):
            session.get_order("ord_1", account=h.SOPHIC.account)
        logins = len(h.SOPHIC.logins(rec))
        assert session.get_order("ord_1", account=h.SOPHIC.account).order_id == h.sophic_order()["id"]
    assert len(h.SOPHIC.logins(rec)) == logins == 1  # no extra login for the healthy new token
    assert rec.to(order_path)[-1].headers["authorization"] == "Bearer second-token"


def test_a_401_for_the_current_token_still_forces_a_new_login() -> None:
    rec = h.SOPHIC.recorder()
    order_path = f"{h.SOPHIC.place_path}/ord_1"
    rec.set(
        "GET", order_path, [h.reply(401, json={"code": "unauthorized", "detail": "x"}), h.reply(json=h.sophic_order())]
    )
    session = h.open_session(h.SOPHIC, rec)
    with session:
        with pytest.raises(ob.AuthenticationError):
            session.get_order("ord_1", account=h.SOPHIC.account)
        session.get_order("ord_1", account=h.SOPHIC.account)
    assert len(h.SOPHIC.logins(rec)) == 2


# -- 10. verify_webhook --------------------------------------------------------------------------------
EVENT = json.dumps(
    {
        "id": "evt_1",
        "name": "order.filled",
        "resource": {"id": "ord_1", "resource_type": "order"},
        "data": {},
        "created_at": "2026-01-01T00:00:00Z",
    }
).encode()


def _headers(secret: str, timestamp: str = "1700000000", webhook_id: str = "msg_1") -> dict[str, str]:
    return {
        "Webhook-Id": webhook_id,
        "Webhook-Timestamp": timestamp,
        "Webhook-Signature": sign(secret, webhook_id, timestamp, EVENT),
    }


@pytest.mark.parametrize("secret", ["", None, b"whsec"])
def test_verify_webhook_refuses_an_unusable_secret(secret: Any) -> None:
    with pytest.raises(ob.ConfigurationError):
        verify_webhook(_headers(""), EVENT, secret, now=lambda: 1700000000)


def test_verify_webhook_refuses_a_400_digit_timestamp() -> None:
    stamp = "9" * 400
    with pytest.raises(WebhookVerificationError) as refused:
        verify_webhook(_headers("whsec", stamp), EVENT, "whsec", now=lambda: 1700000000)
    assert refused.value.reason == "stale"


def test_verify_webhook_errors_are_orderbridge_errors() -> None:
    for headers in ({}, {"Webhook-Id": 1, "Webhook-Timestamp": "1", "Webhook-Signature": "v1,x"}, None):
        with pytest.raises(ob.OrderbridgeError):
            verify_webhook(headers, EVENT, "whsec", now=lambda: 1700000000)  # type: ignore[arg-type]


def test_the_replay_guard_refuses_a_delivery_seen_before() -> None:
    guard = ReplayGuard()
    headers = _headers("whsec")
    verify_webhook(headers, EVENT, "whsec", now=lambda: 1700000000, replay_guard=guard)
    with pytest.raises(WebhookVerificationError) as replayed:
        verify_webhook(headers, EVENT, "whsec", now=lambda: 1700000010, replay_guard=guard)
    assert replayed.value.reason == "replay"
    fresh = _headers("whsec", webhook_id="msg_2")
    verify_webhook(fresh, EVENT, "whsec", now=lambda: 1700000010, replay_guard=guard)


def test_the_replay_guard_forgets_ids_older_than_the_window() -> None:
    guard = ReplayGuard(tolerance=300)
    guard.check_and_remember("msg_1", 1000, now=1000)
    with pytest.raises(WebhookVerificationError):
        guard.check_and_remember("msg_1", 1000, now=1200)
    guard.check_and_remember("msg_2", 5000, now=5000)  # prunes msg_1
    assert "msg_1" not in guard._seen


# -- secrets never logged, in process ----------------------------------------------------------------
def test_no_logger_prints_a_secret_at_debug(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):
        logging.getLogger(name).setLevel(logging.DEBUG)
    for case in (h.SOPHIC, h.TOPSTEPX, h.CROSSTRADE):
        rec = case.recorder()
        h.run(h.open_session(case, rec), "place_order", case.order, account=case.account)
    secrets = [*h.SOPHIC.credentials.values(), *h.TOPSTEPX.credentials.values(), *h.CROSSTRADE.credentials.values()]
    secrets += [h.SOPHIC.token, h.TOPSTEPX.token]
    text = "\n".join(record.getMessage() + str(record.exc_info or "") for record in caplog.records)
    assert caplog.records  # httpx logged the requests: the check is not vacuous
    for secret in secrets:
        assert secret not in text
