"""Secrets and transport (issue 7).

Secrets: unique marker credentials are planted (the sandbox is taught to accept them) and
driven through every path that could print them — login, placement, reads, cancel, resolve,
401 mid-session, failing and malformed token endpoints, refused credentials, sync, async and
loopback, and the CLI (``--dry-run`` and real commands). The conftest audit scans every log
record (DEBUG, all loggers) and the str/repr of every outcome for the markers and for every
token the sandbox issued; these tests add reprs of sessions, settings and exception attributes.

Transport: TLS verification stays on (a loopback HTTPS sandbox with an untrusted certificate is
refused, a client that trusts it gets through); a plain-http base URL to a non-loopback host is
refused before anything is sent; redirects are not followed on money-moving calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import ssl
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

import orderbridge as ob
import orderbridge.cli as cli
import orderbridge_sandbox.brokers.crosstrade.broker as sandbox_crosstrade
from orderbridge_sandbox import SandboxServer
from orderbridge_sandbox.brokers.crosstrade import seeds as crosstrade_seeds
from orderbridge_sandbox.brokers.sophic import seeds as sophic_seeds
from orderbridge_sandbox.brokers.topstepx import seeds as topstepx_seeds
from orderbridge_sandbox.brokers.tradestation import seeds as tradestation_seeds

from ._expectations import _json_rewrite, malformed
from ._harness import (
    ACCOUNT,
    BROKERS,
    CREDENTIALS,
    INSTRUMENT,
    LEDGER,
    OPERATION,
    TOKEN_OPERATIONS,
    Rig,
    market_order,
    new_sandbox,
    resting_order,
    run,
)
from ._stats import STATS

DATA = Path(__file__).parent / "data"
TAG = uuid.uuid4().hex[:12]
MARKERS: dict[str, dict[str, str]] = {
    "topstepx": {"username": f"mkr-user-{TAG}", "api_key": f"MKR-APIKEY-{TAG}"},
    "crosstrade": {"token": f"MKR-CTTOKEN-{TAG}"},
    "tradestation": {
        "client_id": f"mkr-client-{TAG}",
        "client_secret": f"MKR-TSSECRET-{TAG}",
        "refresh_token": f"MKR-TSREFRESH-{TAG}",
    },
    "sophic": {"client_id": f"mkr-sophic-{TAG}", "client_secret": f"MKR-SOSECRET-{TAG}"},
}
STATIC_ACCESS_TOKEN = f"MKR-TSACCESS-{TAG}"
SECRET_VALUES = [v for creds in MARKERS.values() for k, v in creds.items() if k not in ("username", "client_id")] + [
    STATIC_ACCESS_TOKEN
]


@pytest.fixture
def markers(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, str]]:
    """Teach the sandbox the marker credentials, and register the secret ones for the audit."""
    m = MARKERS
    monkeypatch.setitem(topstepx_seeds.USERS, m["topstepx"]["username"], m["topstepx"]["api_key"])
    tokens = crosstrade_seeds.TOKENS
    monkeypatch.setattr(sandbox_crosstrade, "TOKENS", tokens | {m["crosstrade"]["token"]})
    monkeypatch.setitem(
        tradestation_seeds.CLIENTS,
        m["tradestation"]["client_id"],
        {
            "secret": m["tradestation"]["client_secret"],
            "refresh_tokens": {m["tradestation"]["refresh_token"]: "testUser"},
        },
    )
    monkeypatch.setitem(sophic_seeds.CLIENTS, m["sophic"]["client_id"], m["sophic"]["client_secret"])
    LEDGER.secrets.update(SECRET_VALUES)
    return m


def _scan(texts: list[str], where: str) -> None:
    """Fail on any known secret (markers, demo secrets, issued tokens) in ``texts``."""
    from .conftest import scan_for_secrets

    for sandbox in LEDGER.sandboxes:
        LEDGER.harvest(sandbox)
    hits = scan_for_secrets(texts, where)
    if hits:
        STATS.secrets_leaked += len(hits)
        pytest.fail("\n".join(hits))


def _everything_about(rig: Rig, results: list[Any]) -> list[str]:
    session = rig.session
    texts = [repr(session), str(session), repr(session.settings), repr(session._box), repr(session._api)]
    texts += [repr(vars(session.settings)) if hasattr(session.settings, "__dict__") else repr(session.settings)]
    for result in results:
        for item in (result.value, result.error):
            if item is None:
                continue
            texts += [repr(item), str(item)]
            if isinstance(item, BaseException):
                texts += [repr(item.args)]
                attrs = {k: v for k, v in vars(item).items() if k != "content"}
                texts.append(repr(attrs))
    return texts


# -- secrets through every path ------------------------------------------------------------------------

MODES = ["sync", "async", "loopback"]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("broker", BROKERS)
def test_marker_secrets_never_surface(broker: str, mode: str, markers: Any, request: pytest.FixtureRequest) -> None:
    server = request.getfixturevalue("server") if mode == "loopback" else None

    async def scenario() -> None:
        rig = Rig(broker, mode, server=server, credentials=markers[broker])
        results = []
        try:
            placed = await rig.call("place", resting_order(broker))
            assert placed.error is None, placed.error
            results.append(placed)
            results.append(await rig.call("get", placed.value.order_id))
            results.append(await rig.call("resolve", placed.value.client_order_id))
            results.append(await rig.call("cancel", placed.value.order_id))
            if TOKEN_OPERATIONS[broker]:
                # 401 mid-session, then a token endpoint that fails, drops and answers garbage.
                rig.expire_tokens_at_the_broker()
                results.append(await rig.call("place", market_order(broker)))
                for op in TOKEN_OPERATIONS[broker]:
                    rig.sandbox_fault(f"{broker}:{op}:error=500:1")
                    rig.sandbox_fault(f"{broker}:{op}:drop_after_record:1")
                    rig.inject(op, "rewrite", 1, rewrite=malformed)
                results.append(await rig.call("place", market_order(broker)))
                rig.clear()
                results.append(await rig.call("place", market_order(broker)))
            # The placement itself failing in every way that carries a body or a message.
            for fault in ("error=500", "error=401", "drop_after_record", "rate_limit=1"):
                rig.sandbox_fault(f"{broker}:place_order:{fault}:1")
                results.append(await rig.call("place", market_order(broker)))
                rig.clear()
        finally:
            await rig.close()
        assert any(r.error is None for r in results)
        _scan(_everything_about(rig, results), f"{broker}/{mode}")

    run(scenario)


@pytest.mark.parametrize("broker", BROKERS)
def test_refused_credentials_do_not_echo_the_secret(broker: str, markers: Any) -> None:
    """Wrong secret (the sandbox refuses it): AuthenticationError whose message, repr and
    broker_message carry no credential."""
    wrong = {k: (v if k in ("username", "client_id") else v + "-WRONG") for k, v in markers[broker].items()}
    LEDGER.secrets.update(v for k, v in wrong.items() if k not in ("username", "client_id"))

    async def scenario() -> None:
        rig = Rig(broker, credentials=wrong)
        try:
            result = await rig.call("place", market_order(broker))
        finally:
            await rig.close()
        assert isinstance(result.error, ob.AuthenticationError) and result.error.order_may_exist is False
        assert rig.recorded() == []
        _scan(_everything_about(rig, [result]), broker)

    run(scenario)


def test_a_static_tradestation_access_token_never_surfaces(markers: Any) -> None:
    async def scenario() -> None:
        rig = Rig("tradestation", credentials={"access_token": STATIC_ACCESS_TOKEN})
        try:
            result = await rig.call("place", market_order("tradestation"))  # unknown token: 401
        finally:
            await rig.close()
        assert isinstance(result.error, ob.AuthenticationError)
        _scan(_everything_about(rig, [result]), "tradestation static token")

    run(scenario)


def test_missing_credentials_name_the_variable_not_a_value(markers: Any) -> None:
    """A missing credential is named; the ones that were given are not printed."""
    results = []
    for broker in ("topstepx", "tradestation", "sophic"):
        partial = dict(list(markers[broker].items())[:-1])
        rig = Rig(broker, credentials=partial)
        results.append(run(functools.partial(rig.call, "place", market_order(broker))))
        assert isinstance(results[-1].error, ob.ConfigurationError)
        assert "ORDERBRIDGE_" in str(results[-1].error)
        run(rig.close)
        _scan(_everything_about(rig, results[-1:]), broker)


@pytest.mark.parametrize("broker", ["tradestation", "sophic"])
def test_a_token_endpoint_error_does_not_carry_the_issued_token(broker: str) -> None:
    """A 200 token answer the generated model cannot parse (the token object wrapped in a JSON
    array; ``expires_in`` is optional since RFC 6749 section 5.1 makes it so) is an UnexpectedResponse
    whose ``content`` attribute keeps the raw body — including the freshly issued, valid access
    token (facade/src/orderbridge/_transport.py ``classify_exception`` -> ``_content(response)``;
    ``_flow.unexpected``). Not in str()/repr(), but anything that records exception attributes
    (error trackers, ``vars(exc)`` in a log line) leaks a live token. Token endpoints' bodies
    should not be kept (or be redacted) in errors."""
    operation = TOKEN_OPERATIONS[broker][0]

    async def scenario() -> None:
        rig = Rig(broker)
        try:
            rig.inject(operation, "rewrite", None, rewrite=_wrap_in_array)
            result = await rig.call("place", market_order(broker))
        finally:
            await rig.close()
        assert isinstance(result.error, ob.UnexpectedResponse)
        LEDGER.harvest(rig.sandbox)
        issued = [t for t in LEDGER.secrets if t.count(".") == 2]  # the sandbox's JWT-shaped tokens
        assert issued
        carried = dict(vars(result.error))
        assert not any(t.encode() in result.error.content for t in issued), "the error's content holds the token"
        _scan([repr(carried)], f"{broker} token endpoint error attributes")

    run(scenario)


def _wrap_in_array(status: int, headers: dict[str, str], content: bytes) -> tuple[int, dict[str, str], bytes]:
    """The same JSON, inside a one-item array: still carries the issued token, no longer parses."""
    return status, headers, b"[" + content + b"]"


def _drop(field: str) -> Any:
    return _json_rewrite(lambda doc: doc.pop(field, None))


# -- the CLI -----------------------------------------------------------------------------------------------


def _env(
    monkeypatch: pytest.MonkeyPatch, broker: str, credentials: dict[str, str], base_url: str | None = None
) -> None:
    for name, value in credentials.items():
        monkeypatch.setenv(f"ORDERBRIDGE_{broker.upper()}_{name.upper()}", value)
    if base_url:
        monkeypatch.setenv(f"ORDERBRIDGE_{broker.upper()}_BASE_URL", base_url)


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out + err


def _place_args(broker: str, *extra: str) -> list[str]:
    size = ["--cash-amount", "10.00"] if broker == "sophic" else ["--quantity", "1"]
    return [
        "place",
        broker,
        "--account",
        ACCOUNT[broker],
        "--instrument",
        INSTRUMENT[broker],
        "--side",
        "buy",
        *size,
        *extra,
    ]


@pytest.mark.parametrize("broker", BROKERS)
def test_cli_dry_run_prints_no_secret(
    broker: str, markers: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    credentials = dict(markers[broker])
    if broker == "tradestation":
        credentials["access_token"] = STATIC_ACCESS_TOKEN
    _env(monkeypatch, broker, credentials)
    outputs = []
    for extra in ([], ["--json"], ["--type", "limit", "--limit-price", "6000.25"] if broker != "sophic" else []):
        code, output = _cli(_place_args(broker, "--dry-run", *extra), capsys)
        assert code == 0, output
        assert "authorization: bearer <redacted>" in output.lower(), output
        outputs.append(output)
    _scan(outputs, f"cli --dry-run {broker}")


@pytest.mark.parametrize("broker", BROKERS)
def test_cli_commands_print_no_secret(
    broker: str,
    markers: Any,
    server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _env(monkeypatch, broker, markers[broker], server.broker_url(broker))
    outputs = []
    code, output = _cli(_place_args(broker, "--json"), capsys)
    outputs.append(output)
    assert code == 0, output
    placed = json.loads(output)
    for argv in (
        ["get", broker, "--account", ACCOUNT[broker], "--order-id", placed["order_id"]],
        # "--flag=value": a generated id may begin with "-", which argparse would take for an option
        ["resolve", broker, "--account", ACCOUNT[broker], f"--client-order-id={placed['client_order_id']}"],
        ["cancel", broker, "--account", ACCOUNT[broker], "--order-id", placed["order_id"]],
    ):
        outputs.append(_cli(argv, capsys)[1])
    server.sandbox.add_fault(f"{broker}:place_order:drop_after_record:1")
    code, output = _cli(_place_args(broker), capsys)
    # Sophic retries under the same Idempotency-Key and gets the replayed order.
    assert code == (cli.EXIT_OK if broker == "sophic" else cli.EXIT_UNKNOWN), output
    outputs.append(output)
    monkeypatch.setenv(f"ORDERBRIDGE_{broker.upper()}_{list(markers[broker])[-1].upper()}", "wrong-" + TAG)
    LEDGER.secrets.add("wrong-" + TAG)
    code, output = _cli(_place_args(broker), capsys)
    outputs.append(output)
    assert code == cli.EXIT_FAILED, output  # AuthenticationError
    _scan(outputs, f"cli {broker}")


# -- TLS verification ----------------------------------------------------------------------------------


def test_tls_verification_is_on_in_both_twins() -> None:
    async def inspect() -> list[Any]:
        sessions: list[Any] = []
        for broker in BROKERS:
            sessions.append(ob.connect(broker))
            sessions.append(ob.connect_async(broker))
        contexts = []
        for session in sessions:
            transport = session._http._transport.inner  # the pool under the session transport
            contexts.append(transport._pool._ssl_context)
            if isinstance(session, ob.AsyncSession):
                await session.aclose()
            else:
                session.close()
        return contexts

    for context in asyncio.run(inspect()):
        assert context.verify_mode is ssl.CERT_REQUIRED
        assert context.check_hostname is True


@contextlib.contextmanager
def https_sandbox() -> Iterator[SandboxServer]:
    """The sandbox on loopback behind TLS with the self-signed certificate in data/."""
    sandbox, _ = new_sandbox()
    server = SandboxServer(sandbox)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(DATA / "loopback-cert.pem", DATA / "loopback-key.pem")
    server._httpd.socket = context.wrap_socket(server._httpd.socket, server_side=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("broker", BROKERS)
def test_an_untrusted_certificate_is_refused_and_nothing_is_sent(broker: str) -> None:
    with https_sandbox() as server:
        base = f"https://127.0.0.1:{server.port}/{broker}"
        # Positive control: a client that trusts the test certificate reaches the sandbox.
        trusting = ssl.create_default_context(cafile=str(DATA / "loopback-cert.pem"))
        with httpx.Client(verify=trusting) as client:
            assert client.post(f"{base}/nowhere").status_code in (401, 404, 405)
        logged = len(server.sandbox.log)
        session = ob.connect(broker, base_url=base, credentials=CREDENTIALS[broker], timeout=5)
        with session, pytest.raises(ob.BrokerUnavailable) as refused:
            session.place_order(market_order(broker), account=ACCOUNT[broker])
        assert refused.value.order_may_exist is False
        assert "nothing was sent" in str(refused.value)
        assert server.sandbox.orders(broker) == []
        assert len(server.sandbox.log) == logged  # not even the login reached it


# -- plain http only to loopback -----------------------------------------------------------------------

NOT_LOOPBACK = [
    "http://api.topstepx.com",
    "http://example.com/topstepx",
    "http://10.0.0.1",
    "http://192.168.1.10:8080",
    "http://8.8.8.8",
    "http://[2001:db8::1]/x",
    "http://127.0.0.1.nip.io",
    "http://localhost.example.com",
    "http://127.0.0.1@example.com",
    "http://user:pass@example.com",
    "http://0.0.0.0",
    "http://[::ffff:93.184.216.34]",
    "HTTP://EXAMPLE.COM",
    "http://example.com:443",
    "http://localhost@10.0.0.1",
]
LOOPBACK = ["http://127.0.0.1:9", "http://localhost:9", "http://[::1]:9", "http://127.8.9.10:9"]


@pytest.mark.parametrize("url", NOT_LOOPBACK)
def test_plain_http_to_a_non_loopback_host_is_refused(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for broker in BROKERS:
        with pytest.raises(ob.ConfigurationError):
            ob.connect(broker, base_url=url)
        with pytest.raises(ob.ConfigurationError):
            ob.connect_async(broker, base_url=url)
        with pytest.raises(ob.ConfigurationError):
            ob.place_order(broker, market_order(broker), account=ACCOUNT[broker], base_url=url)
        monkeypatch.setenv(f"ORDERBRIDGE_{broker.upper()}_BASE_URL", url)
        with pytest.raises(ob.ConfigurationError):
            ob.connect(broker)
        assert cli.main(_place_args(broker)) == cli.EXIT_INVALID
        assert cli.main([*_place_args(broker), "--base-url", url, "--dry-run"]) == cli.EXIT_INVALID
        monkeypatch.delenv(f"ORDERBRIDGE_{broker.upper()}_BASE_URL")


@pytest.mark.parametrize("url", LOOPBACK)
def test_plain_http_to_loopback_is_accepted(url: str) -> None:
    for broker in BROKERS:
        ob.connect(broker, base_url=url).close()


# -- redirects ---------------------------------------------------------------------------------------------

REDIRECTS = [301, 302, 303, 307, 308]


def _redirect_to(target: str, status: int) -> Any:
    def build(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, headers={"Location": target}, request=request)

    return build


@pytest.mark.parametrize("status", REDIRECTS)
@pytest.mark.parametrize("broker", BROKERS)
def test_a_redirected_placement_is_not_followed(broker: str, status: int, server: SandboxServer) -> None:
    """The redirect points at the real loopback sandbox's own placement URL: following it would
    place the order there. The facade must not follow, and must not call it success."""

    async def scenario() -> None:
        rig = Rig(broker, "loopback", server=server)
        try:
            assert (await rig.call("place", market_order(broker))).error is None  # logged in
            placed_before = len(rig.recorded())
            target = [s.url for s in rig.transport.seen if s.operation == "place_order"][-1]
            rig.inject("place_order", "respond", None, response=_redirect_to(target, status))
            cid = f"redir-{status}-{broker[:4]}"
            result = await rig.call("place", market_order(broker, cid))
            rig.clear()
            assert result.error is not None, f"a {status} was taken as success"
            assert isinstance(result.error, ob.OutcomeUnknown), result.error
            assert rig.transport.count("place_order", cid) == 1
            assert len(rig.recorded()) == placed_before and rig.recorded(cid) == []
        finally:
            await rig.close()

    run(scenario)


@pytest.mark.parametrize("status", REDIRECTS)
@pytest.mark.parametrize("broker", ["topstepx", "crosstrade", "tradestation"])
def test_a_redirected_cancel_is_not_followed(broker: str, status: int, server: SandboxServer) -> None:
    async def scenario() -> None:
        rig = Rig(broker, "loopback", server=server)
        try:
            placed = await rig.call("place", resting_order(broker))
            assert placed.error is None
            status_before = rig.status_of(placed.value.order_id)
            operation = OPERATION["cancel"][broker]
            assert operation is not None
            rig.inject(operation, "respond", None, response=_redirect_to(server.broker_url(broker), status))
            result = await rig.call("cancel", placed.value.order_id)
            rig.clear()
            assert isinstance(result.error, ob.OutcomeUnknown), result.error
            assert rig.transport.count(operation) == 1
            assert rig.status_of(placed.value.order_id) == status_before
        finally:
            await rig.close()

    run(scenario)


def test_the_facade_client_never_follows_redirects() -> None:
    for broker in BROKERS:
        with ob.connect(broker) as session:
            assert session._http.follow_redirects is False


# -- the audit itself ----------------------------------------------------------------------------------


def test_the_audit_finds_a_planted_secret_and_harvests_issued_tokens() -> None:
    """Self-test: the scanner used after every test sees a secret in a log record, and the
    tokens a sandbox issued become secrets to look for."""
    from .conftest import _render, scan_for_secrets

    planted = f"MKR-PLANTED-{TAG}"
    LEDGER.secrets.add(planted)
    record = logging.LogRecord("httpx", logging.DEBUG, __file__, 1, "token=%s", (planted,), None)
    assert scan_for_secrets([_render(record)], "self-test")
    LEDGER.secrets.discard(planted)

    async def scenario() -> None:
        rig = Rig("sophic")
        try:
            assert (await rig.call("place", market_order("sophic"))).error is None
        finally:
            await rig.close()
        LEDGER.harvest(rig.sandbox)
        token = rig.session._box.token
        assert token and token in LEDGER.secrets
        assert scan_for_secrets([f"Authorization: Bearer {token}"], "self-test")

    run(scenario)
