"""Secrets never leave (issue 4, "Done when" 8): planted credentials and broker-issued tokens
must not appear in any repr/str of sessions, settings, results or errors, in tracebacks, or in
log records at DEBUG.
"""

from __future__ import annotations

import asyncio
import logging
import pickle
import traceback
from collections.abc import Iterable
from typing import Any

import attrs
import httpx
import pytest

import orderbridge as ob
from orderbridge.testing import session_for

from . import helpers as h

MARK = "S3CR3T"
PLANTED = {
    "topstepx": {"username": f"{MARK}-tsx-user-91f2", "api_key": f"{MARK}-tsx-key-8c1d"},
    "crosstrade": {"token": f"{MARK}-ct-key-44ab"},
    "tradestation": {
        "client_id": f"{MARK}-ts-id-0a1b",
        "client_secret": f"{MARK}-ts-secret-2c3d",
        "refresh_token": f"{MARK}-ts-refresh-4e5f",
    },
    "sophic": {"client_id": f"{MARK}-so-id-6a7b", "client_secret": f"{MARK}-so-secret-8c9d"},
}
ISSUED = {"topstepx": f"{MARK}-tsx-issued", "tradestation": f"{MARK}-ts-issued", "sophic": f"{MARK}-so-issued"}


def _login_reply(case: h.Case, *, refused: bool = False) -> Any:
    token = ISSUED[case.broker]
    if case.broker == "topstepx":
        if refused:  # the broker echoes the user name back in its text
            return h.reply(
                json={
                    "token": None,
                    "success": False,
                    "errorCode": 1,
                    "errorMessage": f"user {PLANTED['topstepx']['username']} not found",
                }
            )
        return h.reply(json={"token": token, "success": True, "errorCode": 0, "errorMessage": None})
    if case.broker == "tradestation":
        if refused:
            return h.reply(
                401,
                json={
                    "StatusCode": 401,
                    "Message": f"Invalid refresh token {PLANTED['tradestation']['refresh_token']}",
                },
            )
        return h.reply(json={"access_token": token, "expires_in": 1200, "token_type": "AccessToken", "userid": "u"})
    if refused:
        return h.reply(
            401,
            json={"error": "invalid_client", "error_description": f"unknown client {PLANTED['sophic']['client_id']}"},
        )
    return h.reply(json={"access_token": token, "token_type": "bearer", "expires_in": 900, "scope": ""})


def _secrets(case: h.Case) -> list[str]:
    return [*PLANTED[case.broker].values(), *([ISSUED[case.broker]] if case.broker in ISSUED else [])]


def _texts(obj: Any) -> Iterable[str]:
    yield repr(obj)
    yield str(obj)
    if isinstance(obj, BaseException):
        yield "".join(traceback.format_exception(obj))
        yield repr(obj.args)
        for name in ("message", "code", "code_name", "origin", "client_order_id", "field", "feature"):
            yield repr(getattr(obj, name, None))


def _assert_clean(case: h.Case, objects: Iterable[Any], log_text: str) -> None:
    secrets = _secrets(case)
    for obj in objects:
        for text in _texts(obj):
            for secret in secrets:
                assert secret not in text, f"{secret!r} leaked through {type(obj).__name__}: {text[:300]}"
    for secret in secrets:
        assert secret not in log_text, f"{secret!r} leaked into the logs"
    assert MARK not in log_text


def _scenarios(case: h.Case) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = [
        ("accepted", None),
        (
            "rejected",
            h.reply(
                400,
                json={"error": "bad", "Message": "bad", "StatusCode": 400, "code": "invalid_param", "detail": "bad"},
            ),
        ),
        ("http-500", h.reply(500)),
        ("timeout", h.Raise(httpx.ReadTimeout)),
        ("refused", h.Raise(httpx.ConnectError)),
        (
            "unauthorized",
            h.UNAUTHORIZED,
        ),
    ]
    if case.broker != "crosstrade":
        out.append(("login-refused", None))
    return out


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_no_secret_in_reprs_errors_or_logs(case: h.Case, async_: bool, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    seen: list[Any] = []
    for name, answer in _scenarios(case):
        rec = case.recorder(answer)
        if case.login_path:
            rec.set("POST", case.login_path, _login_reply(case, refused=name == "login-refused"))
        session = h.open_session(case, rec, async_=async_, credentials=PLANTED[case.broker])
        seen += [session, session.settings, session.adapter, vars(session)]
        outcome = _place(session, case, async_)
        seen.append(outcome)
        if name == "accepted":
            assert isinstance(outcome, ob.PlacedOrder)
        else:
            assert isinstance(outcome, ob.OrderbridgeError)
        seen.append(vars(session))  # token box and journal after the call
        if name == "login-refused":
            # The broker echoed a credential; it may be kept as broker_message, never printed.
            assert isinstance(outcome, ob.AuthenticationError)
            assert outcome.broker_message is not None
    assert any(r.name.startswith("httpx") for r in caplog.records)  # the logs were really captured
    _assert_clean(case, seen, caplog.text + "".join(repr(r.args) for r in caplog.records))


def _place(session: Any, case: h.Case, async_: bool) -> Any:
    if async_:

        async def go() -> Any:
            async with session:
                try:
                    return await session.place_order(case.order, account=case.account)
                except ob.OrderbridgeError as exc:
                    return exc

        return asyncio.run(go())
    with session:
        try:
            return session.place_order(case.order, account=case.account)
        except ob.OrderbridgeError as exc:
            return exc


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
def test_missing_credential_error_names_the_variable_but_no_other_secret(case: h.Case) -> None:
    planted = dict(PLANTED[case.broker])
    missing = sorted(planted)[0]
    del planted[missing]
    rec = case.recorder()
    session = h.open_session(case, rec, credentials=planted)
    outcome = _place(session, case, async_=False)
    assert isinstance(outcome, ob.ConfigurationError)
    assert f"ORDERBRIDGE_{case.broker.upper()}_{missing.upper()}" in str(outcome)
    assert rec.requests == []
    for secret in planted.values():
        assert secret not in str(outcome)


def _settings(broker: str, credentials: dict[str, str]) -> Any:
    """The settings a session keeps (``session.settings``); nothing is sent."""
    with session_for(broker, transport=httpx.MockTransport(h.Recorder()), credentials=credentials) as session:
        return session.settings


def test_secret_values_do_not_print_or_pickle() -> None:
    secret = _settings("crosstrade", {"token": f"{MARK}-value"}).credentials["token"]
    assert MARK not in repr(secret) and MARK not in str(secret) and MARK not in f"{secret}"
    assert secret.reveal() == f"{MARK}-value"
    with pytest.raises(TypeError) as caught:
        pickle.dumps(secret)
    assert MARK not in str(caught.value)


@pytest.mark.parametrize("broker", list(PLANTED))
def test_settings_hide_credentials(broker: str) -> None:
    settings = _settings(broker, PLANTED[broker])
    for text in (
        repr(settings),
        str(settings),
        repr(attrs.asdict(settings, recurse=False)),
        repr(attrs.evolve(settings, timeout=5.0)),
    ):
        assert MARK not in text
    assert sorted(settings.credentials) == sorted(PLANTED[broker])
    with pytest.raises(TypeError):
        pickle.dumps(settings)


def test_env_credentials_do_not_leak_through_connect(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("ORDERBRIDGE_CROSSTRADE_TOKEN", f"{MARK}-from-env")
    rec = h.CROSSTRADE.recorder(h.reply(401, json={"error": "Unauthorized"}))
    with ob.connect("crosstrade", transport=httpx.MockTransport(rec)) as session:
        with pytest.raises(ob.AuthenticationError) as caught:
            session.place_order(h.CROSSTRADE.order, account="Sim101")
        texts = [
            repr(session),
            str(session),
            repr(session.settings),
            str(caught.value),
            repr(caught.value),
            "".join(traceback.format_exception(caught.value)),
            caplog.text,
        ]
    assert rec.requests[0].headers["authorization"] == f"Bearer {MARK}-from-env"
    assert all(MARK not in t for t in texts)
