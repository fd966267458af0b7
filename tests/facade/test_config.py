"""Configuration (issue 4, "Done when" 9): ``ORDERBRIDGE_*`` variables, base-URL rules, unknown
brokers and missing credentials — each refused before anything is sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import orderbridge as ob
from orderbridge.testing import use_sleep

from . import helpers as h


def _prefixed(case: h.Case, prefix: str) -> h.Recorder:
    """The case's routes, moved under a path prefix (as the sandbox serves them)."""
    rec = h.Recorder()
    for (method, path), answer in case.routes.items():
        rec.set(method, prefix + path, answer)
    return rec


ENV_CREDENTIALS = {
    "topstepx": {"ORDERBRIDGE_TOPSTEPX_USERNAME": "tsx-user", "ORDERBRIDGE_TOPSTEPX_API_KEY": "tsx-api-key"},
    "crosstrade": {"ORDERBRIDGE_CROSSTRADE_TOKEN": "ct-secret-key-1"},
    "tradestation": {
        "ORDERBRIDGE_TRADESTATION_CLIENT_ID": "ts-client-id",
        "ORDERBRIDGE_TRADESTATION_CLIENT_SECRET": "ts-client-secret",
        "ORDERBRIDGE_TRADESTATION_REFRESH_TOKEN": "ts-refresh",
    },
    "sophic": {"ORDERBRIDGE_SOPHIC_CLIENT_ID": "sophic-client-id", "ORDERBRIDGE_SOPHIC_CLIENT_SECRET": "x"},
}


@pytest.mark.parametrize("case", [h.TOPSTEPX, h.CROSSTRADE, h.TRADESTATION, h.SOPHIC], ids=lambda c: c.id)
@pytest.mark.parametrize("base", ["http://127.0.0.1:8765", "http://localhost:9", "http://[::1]:8080"])
def test_base_url_and_credentials_from_the_environment(
    case: h.Case, base: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    prefix = f"/{case.broker}"
    monkeypatch.setenv(f"ORDERBRIDGE_{case.broker.upper()}_BASE_URL", base + prefix + "/")
    for name, value in ENV_CREDENTIALS[case.broker].items():
        monkeypatch.setenv(name, value)
    rec = _prefixed(case, prefix)
    with ob.connect(case.broker, transport=httpx.MockTransport(rec)) as session:
        use_sleep(session, lambda s: None)
        placed = session.place_order(case.order, account=case.account)
    assert isinstance(placed, ob.PlacedOrder)
    assert rec.unrouted == []
    for request in rec.requests:
        assert str(request.url).startswith(base + prefix + "/"), request.url
    place = next(r for r in rec.requests if r.url.path == prefix + case.place_path)
    assert place.headers["authorization"] == f"Bearer {case.token}"
    if case.broker == "topstepx":
        assert b'"userName":"tsx-user"' in rec.requests[0].content


def test_module_level_place_order_uses_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERBRIDGE_CROSSTRADE_BASE_URL", "http://127.0.0.1:1/crosstrade")
    monkeypatch.setenv("ORDERBRIDGE_CROSSTRADE_TOKEN", "env-token")
    rec = _prefixed(h.CROSSTRADE, "/crosstrade")
    placed = ob.place_order("crosstrade", h.CROSSTRADE.order, account="Sim101", transport=httpx.MockTransport(rec))
    assert placed.order_id == "cb1fc8d4e1a84d29ae38fea964aaac8c"
    assert rec.requests[0].headers["authorization"] == "Bearer env-token"


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERBRIDGE_CROSSTRADE_BASE_URL", "http://127.0.0.1:1/env")
    monkeypatch.setenv("ORDERBRIDGE_CROSSTRADE_TOKEN", "env-token")
    rec = _prefixed(h.CROSSTRADE, "/arg")
    with ob.connect(
        "crosstrade",
        base_url="http://127.0.0.1:2/arg",
        credentials={"token": "arg-token"},
        transport=httpx.MockTransport(rec),
    ) as session:
        session.place_order(h.CROSSTRADE.order, account="Sim101")
    assert str(rec.requests[0].url).startswith("http://127.0.0.1:2/arg/")
    assert rec.requests[0].headers["authorization"] == "Bearer arg-token"


def test_default_base_url_is_the_production_host() -> None:
    rec = h.CROSSTRADE.recorder()
    with ob.connect("crosstrade", credentials={"token": "t"}, transport=httpx.MockTransport(rec)) as session:
        session.place_order(h.CROSSTRADE.order, account="Sim101")
    assert str(rec.requests[0].url) == "https://app.crosstrade.io/v1/api/accounts/Sim101/orders/place"


@pytest.mark.parametrize("version", ["20150101", "20160101"])
def test_tradestation_api_version_from_the_environment(version: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERBRIDGE_TRADESTATION_API_VERSION", version)
    monkeypatch.setenv("ORDERBRIDGE_TRADESTATION_ACCESS_TOKEN", "ts-token")
    rec = h.TRADESTATION.recorder()
    with ob.connect("tradestation", transport=httpx.MockTransport(rec)) as session:
        session.place_order(h.TRADESTATION.order, account="123456")
    (request,) = rec.requests
    assert request.url.params["APIVersion"] == version
    assert (b'"AccountId"' in request.content) == (version == "20150101")


def test_tradestation_default_api_version_is_20160101() -> None:
    rec = h.TRADESTATION.recorder()
    with ob.connect("tradestation", credentials={"access_token": "t"}, transport=httpx.MockTransport(rec)) as s:
        s.place_order(h.TRADESTATION.order, account="123456")
    assert rec.requests[0].url.params["APIVersion"] == "20160101"


# -- refusals, nothing sent ------------------------------------------------------------------------------

BAD_URLS = [
    "http://api.topstepx.com",
    "http://10.0.0.5:8080",
    "http://127.0.0.1.example.com",
    "http://localhost.example.com",
    "ftp://127.0.0.1",
    "https://",
    "api.topstepx.com",
    "https://api.topstepx.com?x=1",
    "https://api.topstepx.com#frag",
]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("how", ["argument", "environment"])
def test_bad_base_urls_are_configuration_errors(url: str, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rec = h.TOPSTEPX.recorder()
    kw: dict[str, object] = {"credentials": {"username": "u", "api_key": "k"}, "transport": httpx.MockTransport(rec)}
    if how == "argument":
        kw["base_url"] = url
    else:
        monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_BASE_URL", url)
    with pytest.raises(ob.ConfigurationError) as caught:
        ob.connect("topstepx", **kw)  # type: ignore[arg-type]
    assert caught.value.order_may_exist is False
    h.assert_nothing_sent(rec)


def test_plain_http_message_says_loopback_only() -> None:
    with pytest.raises(ob.ConfigurationError) as caught:
        ob.connect("sophic", base_url="http://example.com")
    assert "loopback" in str(caught.value)


@pytest.mark.parametrize("entry", ["connect", "connect_async", "place_order", "capabilities"])
def test_unknown_broker_is_a_configuration_error(entry: str) -> None:
    calls: dict[str, Callable[[], object]] = {
        "connect": lambda: ob.connect("robinhood"),
        "connect_async": lambda: ob.connect_async("robinhood"),
        "place_order": lambda: ob.place_order("robinhood", h.TOPSTEPX.order, account="1"),
        "capabilities": lambda: ob.capabilities("robinhood"),
    }
    with pytest.raises(ob.ConfigurationError) as caught:
        calls[entry]()
    assert "robinhood" in str(caught.value)
    assert "topstepx" in str(caught.value)


MISSING = [
    (h.TOPSTEPX, {"api_key": "k"}, "ORDERBRIDGE_TOPSTEPX_USERNAME"),
    (h.TOPSTEPX, {"username": "u"}, "ORDERBRIDGE_TOPSTEPX_API_KEY"),
    (h.CROSSTRADE, {}, "ORDERBRIDGE_CROSSTRADE_TOKEN"),
    (h.TRADESTATION, {"client_secret": "s", "refresh_token": "r"}, "ORDERBRIDGE_TRADESTATION_CLIENT_ID"),
    (h.TRADESTATION, {"client_id": "c", "refresh_token": "r"}, "ORDERBRIDGE_TRADESTATION_CLIENT_SECRET"),
    (h.TRADESTATION, {"client_id": "c", "client_secret": "s"}, "ORDERBRIDGE_TRADESTATION_REFRESH_TOKEN"),
    (h.SOPHIC, {"client_secret": "s"}, "ORDERBRIDGE_SOPHIC_CLIENT_ID"),
    (h.SOPHIC, {"client_id": "c"}, "ORDERBRIDGE_SOPHIC_CLIENT_SECRET"),
]


@pytest.mark.parametrize(
    ("case", "credentials", "variable"),
    MISSING,
    ids=[f"{c.id}-{v.rsplit('_', 2)[-2].lower()}_{v.rsplit('_', 1)[-1].lower()}" for c, _, v in MISSING],
)
@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_missing_credential_names_the_variable_and_sends_nothing(
    case: h.Case, credentials: dict[str, str], variable: str, async_: bool
) -> None:
    rec = case.recorder()
    if async_:

        async def go() -> None:
            async with ob.connect_async(
                case.broker, credentials=credentials, transport=httpx.MockTransport(rec)
            ) as session:
                await session.place_order(case.order, account=case.account)

        with pytest.raises(ob.ConfigurationError) as caught:
            asyncio.run(go())
    else:
        session = ob.connect(case.broker, credentials=credentials, transport=httpx.MockTransport(rec))
        with session, pytest.raises(ob.ConfigurationError) as caught:
            session.place_order(case.order, account=case.account)
    assert variable in str(caught.value)
    assert caught.value.order_may_exist is False
    h.assert_nothing_sent(rec)


@pytest.mark.parametrize(
    ("broker", "kwargs"),
    [
        ("topstepx", {"credentials": {"password": "x"}}),
        ("crosstrade", {"credentials": {"api_key": "x"}}),
        ("topstepx", {"timeout": 0}),
        ("topstepx", {"timeout": -1}),
        ("topstepx", {"timeout": True}),
        ("topstepx", {"timeout": 601}),
        ("tradestation", {"api_version": "20200101"}),
        ("sophic", {"api_version": "20160101"}),
    ],
    ids=[
        "unknown-credential",
        "wrong-broker-credential",
        "timeout-zero",
        "timeout-negative",
        "timeout-bool",
        "timeout-huge",
        "bad-api-version",
        "api-version-elsewhere",
    ],
)
def test_bad_options_are_configuration_errors(broker: str, kwargs: dict[str, object]) -> None:
    with pytest.raises(ob.ConfigurationError):
        ob.connect(broker, **kwargs)  # type: ignore[arg-type]


def test_bad_api_version_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDERBRIDGE_TRADESTATION_API_VERSION", "v3")
    with pytest.raises(ob.ConfigurationError):
        ob.connect("tradestation")


def test_timeout_is_applied_to_every_request() -> None:
    seen: list[dict[str, float | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        answer = h.CROSSTRADE.routes[("POST", h.CROSSTRADE.place_path)]
        assert isinstance(answer, h.Reply)
        return answer.build(request)

    with ob.connect(
        "crosstrade", credentials={"token": "t"}, timeout=2.5, transport=httpx.MockTransport(handler)
    ) as session:
        session.place_order(h.CROSSTRADE.order, account="Sim101")
    assert seen == [{"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}]


@pytest.mark.parametrize("case", h.CASES, ids=lambda c: c.id)
def test_redirects_are_not_followed(case: h.Case) -> None:
    """One admitted attempt is one outbound request: a 3xx is not chased to another host."""
    rec = case.recorder(h.reply(307, headers={"Location": "https://elsewhere.example/steal"}))
    session_kw: dict[str, Any] = {"credentials": dict(case.credentials), "api_version": case.api_version}
    with ob.connect(case.broker, transport=httpx.MockTransport(rec), **session_kw) as session:
        use_sleep(session, lambda s: None)
        with pytest.raises(ob.OrderbridgeError):
            session.place_order(case.order, account=case.account)
    assert all(r.url.host != "elsewhere.example" for r in rec.requests)
