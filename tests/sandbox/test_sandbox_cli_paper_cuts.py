"""Issue 23, finding 8: ``orderbridge-sandbox serve`` fails in one clear line, refuses a fault
that could never fire, and prints base URLs and variables a shell and orderbridge both accept."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys

import pytest

from orderbridge_sandbox import Fault, FaultError
from orderbridge_sandbox.cli import client_host, main


@pytest.mark.parametrize("port", ["99999", "-1", "http"])
def test_an_impossible_port_is_a_one_line_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["serve", "--port", port])
    err = capsys.readouterr().err
    assert info.value.code == 2 and "--port" in err and "Traceback" not in err, err


def test_a_port_in_use_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(SystemExit) as info:
            main(["serve", "--port", str(port)])
    err = capsys.readouterr().err
    assert info.value.code == 2, err
    assert err.startswith(f"orderbridge-sandbox: cannot listen on 127.0.0.1:{port}: ") and "--port 0" in err, err
    assert err.count("\n") == 1


def test_a_fault_on_an_operation_the_broker_does_not_have_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["serve", "--port", "0", "--fault", "topstepx:nope:drop"])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert "topstepx has no operation 'nope'" in err and "place_order" in err and "search_open_orders" in err, err
    with pytest.raises(FaultError, match="login_key"):
        Fault.parse("sophic:login_key:drop")  # a TopstepX operation aimed at Sophic
    assert Fault.parse("*:place_order:drop").operation == "place_order"
    with pytest.raises(FaultError):
        Fault.parse("*:nope:drop")


def test_help_lists_every_operation_id(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for operation in ("login_key", "flat_place_order", "replace_order", "list_pending_orders"):
        assert operation in text, operation


@pytest.mark.parametrize(
    ("bound", "expected"),
    [
        ("0.0.0.0", "127.0.0.1"),
        ("::", "[::1]"),
        ("127.0.0.1", "127.0.0.1"),
        ("::1", "[::1]"),
        ("localhost", "localhost"),
    ],
)
def test_a_wildcard_bind_is_announced_with_a_loopback_url(bound: str, expected: str) -> None:
    assert client_host(bound) == expected


def test_the_printed_lines_are_shell_that_sets_the_variables() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "orderbridge_sandbox", "serve", "--port", "0", "--fault", "sophic:*:latency=0:1"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert process.stdout is not None
        lines: list[str] = []
        while not lines or not lines[-1].startswith("# CrossTrade WebSocket RPC"):
            lines.append(process.stdout.readline().rstrip("\n"))
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()
    assert all(line.startswith(("# ", "export ORDERBRIDGE_")) for line in lines), lines
    url = lines[0].rsplit(" ", 1)[1]
    script = "\n".join(lines) + '\nprintf "%s\\n" "$ORDERBRIDGE_TOPSTEPX_BASE_URL" "$ORDERBRIDGE_SOPHIC_CLIENT_SECRET"'
    shown = subprocess.run(["sh", "-c", script], capture_output=True, text=True, timeout=30, check=True)
    assert shown.stdout.split("\n")[:2] == [f"{url}/topstepx", "demo-secret"]
    assert shlex.split(lines[2])[0] == "export"
