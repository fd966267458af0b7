"""Issue 23, the command line a newcomer meets: each test runs the ``orderbridge`` CLI (its
``main``) against the sandbox served on loopback, or against a tiny hostile server, and checks
what a person (or a script, with ``--json``) is told.

Findings: 1 (the broker's reason), 2 (endpoint and transport errors), 3 (``--dry-run`` checks
the configuration), 4 (the kill switch against a dead broker), 5 (Sophic's flatten with a
pending sell), 7 (paper cuts).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import orderbridge as ob
from orderbridge import cli
from orderbridge_sandbox import Sandbox
from orderbridge_sandbox.server import SandboxServer, start

from ._sandbox_support import CREDENTIALS, connect

TOPSTEPX_PLACE = ("place", "topstepx", "--account", "465", "--instrument", "CON.F.US.MES.Z25", "--side", "buy")


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    running = start(Sandbox())
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def env(server: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> SandboxServer:
    """The documented variables pointing every broker at the loopback sandbox."""
    for name in [n for n in os.environ if n.upper().startswith("ORDERBRIDGE_")]:
        monkeypatch.delenv(name)
    for broker, credentials in CREDENTIALS.items():
        monkeypatch.setenv(f"ORDERBRIDGE_{broker.upper()}_BASE_URL", server.broker_url(broker))
        for name, value in credentials.items():
            monkeypatch.setenv(f"ORDERBRIDGE_{broker.upper()}_{name.upper()}", value)
    return server


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# -- finding 1: the broker's reason for a refusal -------------------------------------------------


def test_a_refusal_shows_the_broker_s_words_on_a_labelled_line(
    env: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, *TOPSTEPX_PLACE, "--type", "limit", "--quantity", "1", "--limit-price", "6335.30")
    assert code == cli.EXIT_REJECTED == 4 and out == ""
    first, said = err.splitlines()
    assert first == "rejected: [topstepx] Order/place rejected: ORDER_REJECTED (2)"
    assert said == '  topstepx says (its words, untrusted): "Invalid limit price. Price is not aligned to tick size."'


def test_tradestation_s_reason_and_sophic_s_code_said_once(
    env: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "place",
        "tradestation",
        "--account",
        "999999",
        "--instrument",
        "MSFT",
        "--side",
        "buy",
        "--quantity",
        "1",
    )
    assert code == 4 and 'tradestation says (its words, untrusted): "Invalid account."' in err, err
    args = ("place", "sophic", "--account", "acc_abc123", "--side", "buy", "--cash-amount", "100.00")
    code, _, err = run(capsys, *args, "--instrument", "ins_nope")
    assert code == 4, err
    assert "rejected: not_found\n" in err and "not_found (not_found)" not in err, err
    assert 'sophic says (its words, untrusted): "The instrument was not found."' in err, err


def test_json_errors_carry_code_name_and_text_for_a_program(
    env: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, *TOPSTEPX_PLACE, "--type", "limit", "--quantity", "1", "--limit-price", "6335.30", "--json"
    )
    assert code == 4 and err == ""
    document = json.loads(out)
    assert document["ok"] is False and document["exit_code"] == 4
    error = document["error"]
    assert (error["type"], error["code"], error["code_name"]) == ("OrderRejected", 2, "ORDER_REJECTED")
    assert error["broker_message"] == "Invalid limit price. Price is not aligned to tick size."
    assert error["order_may_exist"] is False and error["client_order_id"]


HOSTILE = "\x1b[2J\x1b[31mrejected\r\nfailed: [topstepx] all good\u202e\u2028" + "A" * 1000
"""A broker message that tries to clear the screen, colour the terminal, forge output lines,
reverse the text direction, and flood the terminal."""


class _HostileTopstepX(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.endswith("/Auth/loginKey"):
            body: dict[str, object] = {"success": True, "errorCode": 0, "errorMessage": None, "token": "tok-123"}
        else:
            body = {"success": False, "errorCode": 2, "errorMessage": HOSTILE, "orderId": None}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _HostileTopstepX)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_USERNAME", "demo")
    monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_API_KEY", "demo-api-key")
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_hostile_broker_text_is_escaped_capped_and_kept_on_its_line(
    hostile: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *TOPSTEPX_PLACE, "--quantity", "1", "--base-url", hostile)
    assert code == 4
    lines = err.splitlines()
    assert len(lines) == 2 and lines[0].startswith("rejected: "), lines  # no forged line
    said = lines[1]
    assert said.startswith('  topstepx says (its words, untrusted): "\\x1b[2J\\x1b[31mrejected\\r\\nfailed:')
    assert "\x1b" not in err and "\r" not in err and "\u202e" not in err and "\u2028" not in err
    assert "\\u202e\\u2028" in said
    assert said.endswith(f'… ({len(HOSTILE) - 300} more characters)"'), said[-40:]  # 300 characters shown
    # A program gets the text itself (JSON escapes it), still bounded.
    code, out, _ = run(capsys, *TOPSTEPX_PLACE, "--quantity", "1", "--base-url", hostile, "--json")
    assert json.loads(out)["error"]["broker_message"] == HOSTILE[: cli.MAX_JSON_BROKER_TEXT]


# -- finding 2: a base URL without the broker path; transport errors ---------------------------------


def test_a_base_url_without_the_broker_path_names_the_404_and_the_url(
    env: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """CrossTrade (no login call): the placement itself meets the 404. Today: UNKNOWN OUTCOME, exit 5."""
    args = ("place", "crosstrade", "--account", "Sim101", "--instrument", "MES 12-25", "--side", "buy")
    code, _, err = run(capsys, *args, "--quantity", "1", "--base-url", env.url)
    assert code == cli.EXIT_INVALID == 2, err
    assert "UNKNOWN" not in err and "may exist" not in err
    assert f"HTTP 404 Not Found from POST {env.url}/v1/api/accounts/Sim101/orders/place" in err, err
    assert "ORDERBRIDGE_CROSSTRADE_BASE_URL" in err
    # TopstepX logs in first: the same rule names the login URL.
    code, _, err = run(capsys, *TOPSTEPX_PLACE, "--quantity", "1", "--base-url", env.url)
    assert code == 2 and f"HTTP 404 Not Found from POST {env.url}/api/Auth/loginKey" in err, err


def test_the_library_classifies_a_missing_endpoint_the_same_way(env: SandboxServer) -> None:
    order = ob.Order(instrument="MES 12-25", side="buy", quantity=Decimal("1"), client_order_id="no-route-1")
    with pytest.raises(ob.EndpointNotFound) as info:
        ob.place_order("crosstrade", order, account="Sim101", base_url=env.url)
    error = info.value
    assert isinstance(error, ob.ConfigurationError) and not isinstance(error, ob.OutcomeUnknown)
    assert error.order_may_exist is False and error.status_code == 404
    assert error.url == f"POST {env.url}/v1/api/accounts/Sim101/orders/place"
    assert "no-route-1" not in {o.order_id for o in env.sandbox.orders("crosstrade", account="Sim101")}


def test_a_documented_404_is_still_the_broker_s_refusal(env: SandboxServer) -> None:
    """The rule covers only 404s outside the broker's documented answers: Sophic's documented
    404 for an unknown instrument stays an OrderRejected with Sophic's code."""
    order = ob.Order(instrument="ins_nope", side="buy", cash_amount=Decimal("100.00"))
    with pytest.raises(ob.OrderRejected) as info:
        ob.place_order("sophic", order, account="acc_abc123")
    assert info.value.code == "not_found"


def test_connection_errors_name_scheme_host_and_port(env: SandboxServer, capsys: pytest.CaptureFixture[str]) -> None:
    port = closed_port()
    code, _, err = run(capsys, *TOPSTEPX_PLACE, "--quantity", "1", "--base-url", f"http://127.0.0.1:{port}/topstepx")
    assert code == cli.EXIT_FAILED == 6
    assert f"could not connect to http://127.0.0.1:{port} (ConnectError)" in err, err


def test_tls_meeting_plain_http_is_named(env: SandboxServer, capsys: pytest.CaptureFixture[str]) -> None:
    https = env.broker_url("topstepx").replace("http://", "https://")
    code, _, err = run(capsys, "positions", "topstepx", "--account", "465", "--base-url", https)
    assert code == 6
    assert f"could not connect to https://127.0.0.1:{env.port}" in err and "TLS met a plain-HTTP server" in err, err


# -- finding 3: --dry-run checks the configuration ------------------------------------------------------


def test_dry_run_without_credentials_fails_as_the_real_send_would(
    env: SandboxServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ORDERBRIDGE_TOPSTEPX_USERNAME")
    dry = run(capsys, *TOPSTEPX_PLACE, "--quantity", "1", "--dry-run")
    real = run(capsys, *TOPSTEPX_PLACE, "--quantity", "1")
    assert dry[0] == real[0] == cli.EXIT_INVALID
    assert dry[1] == "" and "ORDERBRIDGE_TOPSTEPX_USERNAME" in dry[2]
    assert dry[2] == real[2]


def test_dry_run_with_credentials_prints_the_request_redacted(
    env: SandboxServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, *TOPSTEPX_PLACE, "--quantity", "1", "--dry-run")
    assert code == 0 and out.startswith(f"POST {env.broker_url('topstepx')}/api/Order/place")
    assert "demo-api-key" not in out and "Bearer <redacted>" in out
    # TradeStation takes an access token instead of the refresh-token grant.
    for name in ("CLIENT_ID", "CLIENT_SECRET", "REFRESH_TOKEN"):
        monkeypatch.delenv(f"ORDERBRIDGE_TRADESTATION_{name}")
    ts = ("place", "tradestation", "--account", "123456", "--instrument", "MSFT", "--side", "buy", "--quantity", "1")
    code, _, err = run(capsys, *ts, "--dry-run")
    assert code == 2 and "ORDERBRIDGE_TRADESTATION_CLIENT_ID" in err
    monkeypatch.setenv("ORDERBRIDGE_TRADESTATION_ACCESS_TOKEN", "a-token")
    code, out, _ = run(capsys, *ts, "--dry-run")
    assert code == 0 and "a-token" not in out


# -- finding 4: the kill switch against a dead broker ---------------------------------------------------


@pytest.mark.parametrize("command", ["flatten", "cancel-all"])
def test_kill_switch_against_a_dead_broker_reports_not_attempted(
    env: SandboxServer, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    dead = f"http://127.0.0.1:{closed_port()}/topstepx"
    code, out, _ = run(capsys, command, "topstepx", "--account", "465", "--emulate", "--base-url", dead, "--json")
    assert code == cli.EXIT_FAILED == 6  # a broker failure, not "rejected" (4)
    document = json.loads(out)
    if command == "cancel-all":  # nothing to cancel could be listed: the call itself failed
        assert document["ok"] is False and document["error"]["type"] == "BrokerUnavailable"
        return
    items = document["items"]
    assert items and {item["status"] for item in items} == {"not_attempted"}
    assert all("BrokerUnavailable" in item["error"] for item in items)


# -- finding 5: Sophic's emulated flatten and a pending sell ------------------------------------------------


def test_sophic_flatten_sells_only_units_not_reserved_by_pending_sells() -> None:
    sandbox = Sandbox(strict=True)
    account, instrument = "acc_abc123", "ins_xyz789"
    with connect(sandbox, "sophic") as session:
        [held] = [p for p in session.positions(account=account) if p.instrument == instrument]
        pending = ob.Order(instrument=instrument, side="sell", quantity=Decimal("40"))
        session.place_order(pending, account=account)
        report = session.flatten(account=account, emulate=True)
    closes = [(i.target, i.status, i.quantity) for i in report.closed if i.target == instrument]
    rest = held.quantity - 40
    assert closes == [(instrument, ob.ItemStatus.DONE, rest), (instrument, ob.ItemStatus.REFUSED, Decimal("40"))]
    [reserved] = [i for i in report.closed if i.status is ob.ItemStatus.REFUSED]
    assert isinstance(reserved.error, ob.NotSupported) and "reserved by pending sell orders" in str(reserved.error)
    sells = [o.quantity for o in sandbox.orders("sophic", account=account) if o.instrument == instrument]
    assert sorted(q for q in sells if q is not None) == sorted([Decimal("40"), rest])  # the free units only


# -- finding 7: paper cuts ---------------------------------------------------------------------------------


def test_version_and_python_dash_m(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"orderbridge {ob.__version__}"
    proc = subprocess.run(
        [sys.executable, "-m", "orderbridge", "--version"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and proc.stdout.strip() == f"orderbridge {ob.__version__}"


def test_get_and_cancel_take_a_positional_id(env: SandboxServer, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *TOPSTEPX_PLACE, "--type", "limit", "--quantity", "1", "--limit-price", "5000.25")
    assert code == 0, err
    order_id = dict(part.split("=", 1) for part in out.split())["order_id"]
    code, out, err = run(capsys, "get", "topstepx", order_id, "--account", "465")
    assert code == 0 and f"order_id={order_id}" in out, err
    code, _, err = run(capsys, "cancel", "topstepx", order_id, "--account", "465", "--order-id", "1")
    assert code == 2 and "two different order ids" in err
    assert run(capsys, "cancel", "topstepx", order_id, "--account", "465")[0] == 0


def test_help_names_every_option_the_variables_and_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["place", "--help"])
    text = capsys.readouterr().out
    options = text.split("\noptions:\n", 1)[1].split("\n\n", 1)[0].split()
    for option in ("--instrument", "--side", "--quantity", "--cash-amount", "--type"):
        after = options[options.index(option) + 2]  # past the option and its metavar
        assert not after.startswith("-"), (option, after)  # the option has a help text
    assert "ORDERBRIDGE_TOPSTEPX_API_KEY" in text and "ORDERBRIDGE_SOPHIC_BASE_URL" in text
    assert "exit codes:" in text and "5  UNKNOWN OUTCOME" in text
    with pytest.raises(SystemExit):
        cli.main(["cancel-all", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "cancel each" in text and "opposite market order" not in text


def test_resolve_exits_non_zero_when_nothing_is_found(env: SandboxServer, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("resolve", "crosstrade", "--account", "Sim101", "--client-order-id", "never-placed")
    code, out, err = run(capsys, *args)
    assert code == cli.EXIT_REJECTED and out == "" and "never-placed" in err
    code, out, _ = run(capsys, *args, "--json")
    assert code == 4 and json.loads(out) == {"ok": False, "exit_code": 4, "found": False}


def test_capabilities_shows_whole_cells_and_how_each_operation_runs(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["capabilities"]) == 0
    text = capsys.readouterr().out
    assert "..." not in text
    assert "day,fok,gtc,gtd,ioc" in text  # TradeStation's time-in-force cell, whole (it was cut at 24)
    for broker in ob.BROKERS:
        for operation, (support, how) in ob.capabilities(broker).operations.items():
            assert f"{broker.ljust(14)}{support.value.ljust(10)}{how}" in text, (broker, operation)


def test_every_place_option_reaches_the_order_sent(env: SandboxServer, capsys: pytest.CaptureFixture[str]) -> None:
    """``place`` fills each Order field from the option of the same name: none is dropped."""
    ts = ("place", "tradestation", "--account", "123456", "--instrument", "MSFT", "--side", "buy", "--quantity", "3")
    fields = ("--type", "stop_limit", "--limit-price", "101.50", "--stop-price", "100.25", "--time-in-force", "gtd")
    code, out, _ = run(
        capsys, *ts, *fields, "--expire-date", "2026-12-31", "--client-order-id", "cli-all-1", "--dry-run"
    )
    body = json.loads(out.split("\n\n", 1)[1])
    assert code == 0, out
    assert body["OrderType"] == "StopLimit" and body["LimitPrice"] == "101.50" and body["StopPrice"] == "100.25"
    assert body["Duration"] == "GTD" and body["GTDDate"] == "12/31/2026" and body["OrderConfirmId"] == "cli-all-1"
    trail = ("--side", "sell", "--quantity", "1", "--type", "trailing_stop", "--trail-price", "6000.25", "--dry-run")
    code, out, _ = run(capsys, *TOPSTEPX_PLACE[:-2], *trail)
    assert code == 0 and json.loads(out.split("\n\n", 1)[1], parse_float=Decimal)["trailPrice"] == Decimal("6000.25")
    ct = ("place", "crosstrade", "--account", "Sim101", "--instrument", "MES 12-25", "--side", "buy", "--quantity", "1")
    code, out, _ = run(capsys, *ct, "--flatten-first", "--dry-run")
    assert code == 0 and out.startswith(f"POST {env.broker_url('crosstrade')}/v1/api/accounts/Sim101/orders/flatplace")


# -- finding 11: import orderbridge loads nothing until a name is used ---------------------------------------


def _fresh(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return proc.stdout.strip()


def test_import_orderbridge_is_lazy_and_every_public_name_resolves() -> None:
    loaded = json.loads(
        _fresh("import json, sys; import orderbridge; print(json.dumps(sorted(sys.modules)))"),
    )
    assert "httpx" not in loaded and "attrs" not in loaded
    assert [m for m in loaded if m.startswith("orderbridge.")] == []
    names = _fresh("import orderbridge as ob; print(all(getattr(ob, n) is not None for n in ob.__all__))")
    assert names == "True"
    assert set(ob.__all__) <= set(dir(ob)) and ob.EndpointNotFound.__module__ == "orderbridge._errors"
    with pytest.raises(AttributeError):
        ob.NoSuchName  # type: ignore[attr-defined]  # noqa: B018
