"""Paper trading across processes: `orderbridge-sandbox serve` in one process, the `orderbridge`
CLI in others, configured only through the documented ORDERBRIDGE_* variables (README,
"Paper trading against the sandbox")."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def sandbox_url() -> Iterator[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "orderbridge_sandbox", "serve", "--host", "127.0.0.1", "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().strip()
        assert first.startswith("# orderbridge-sandbox listening on http://127.0.0.1:"), first
        yield first.rsplit(" ", 1)[1]
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ORDERBRIDGE_")},
        "ORDERBRIDGE_TOPSTEPX_BASE_URL": f"{url}/topstepx",
        "ORDERBRIDGE_TOPSTEPX_USERNAME": "demo",
        "ORDERBRIDGE_TOPSTEPX_API_KEY": "demo-api-key",
        "ORDERBRIDGE_CROSSTRADE_BASE_URL": f"{url}/crosstrade",
        "ORDERBRIDGE_CROSSTRADE_TOKEN": "demo-token",
        "ORDERBRIDGE_SOPHIC_BASE_URL": f"{url}/sophic",
        "ORDERBRIDGE_SOPHIC_CLIENT_ID": "demo-client",
        "ORDERBRIDGE_SOPHIC_CLIENT_SECRET": "demo-secret",
    }
    return subprocess.run(
        [sys.executable, "-m", "orderbridge.cli", *args], capture_output=True, text=True, env=env, timeout=60
    )


def fields(stdout: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in shlex.split(stdout))


def test_cli_places_reads_and_resolves_on_a_running_sandbox(sandbox_url: str) -> None:
    placed = cli(
        sandbox_url,
        "place",
        "crosstrade",
        "--account",
        "Sim101",
        "--instrument",
        "MES 12-25",
        "--side",
        "buy",
        "--quantity",
        "1",
        "--client-order-id",
        "paper-1",
    )
    assert placed.returncode == 0, placed.stderr
    assert fields(placed.stdout)["client_order_id"] == "paper-1"

    got = cli(sandbox_url, "get", "crosstrade", "--account", "Sim101", "--order-id", "paper-1")
    assert got.returncode == 0, got.stderr
    assert (fields(got.stdout)["status"], fields(got.stdout)["broker_status"]) == ("filled", "Filled")

    resolved = cli(sandbox_url, "resolve", "crosstrade", "--account", "Sim101", "--client-order-id", "paper-1")
    assert resolved.returncode == 0 and fields(resolved.stdout)["order_id"] == "paper-1"


def test_cli_exit_codes_distinguish_rejected_and_invalid(sandbox_url: str) -> None:
    args = (
        "place",
        "topstepx",
        "--account",
        "465",
        "--instrument",
        "CON.F.US.MES.Z25",
        "--side",
        "sell",
        "--quantity",
        "1",
        "--client-order-id",
        "paper-dup",
    )
    assert cli(sandbox_url, *args).returncode == 0
    again = cli(sandbox_url, *args)
    assert again.returncode == 4, again.stderr  # duplicate customTag: OrderRejected
    assert "ORDER_REJECTED" in again.stderr

    invalid = cli(
        sandbox_url,
        "place",
        "sophic",
        "--account",
        "acc_abc123",
        "--instrument",
        "ins_xyz789",
        "--side",
        "buy",
        "--quantity",
        "1",
    )
    assert invalid.returncode == 2 and "cash_amount" in invalid.stderr  # Sophic buys are cash-based

    unsupported = cli(sandbox_url, *args[:-2], "--type", "stop_limit", "--limit-price", "1", "--stop-price", "2")
    assert unsupported.returncode == 3


def test_cli_sophic_cash_buy_as_json(sandbox_url: str) -> None:
    placed = cli(
        sandbox_url,
        "place",
        "sophic",
        "--account",
        "acc_abc123",
        "--instrument",
        "ins_xyz789",
        "--side",
        "buy",
        "--cash-amount",
        "100.00",
        "--json",
    )
    assert placed.returncode == 0, placed.stderr
    assert '"status": "placed"' in placed.stdout


def test_cli_runs_the_rest_of_an_order_s_life(sandbox_url: str) -> None:
    """modify, open-orders, positions, balances, fills, close, flatten on crosstrade; the exit
    codes say whether every item of a flatten was done."""
    base = ("--account", "Sim101")
    start = cli(sandbox_url, "flatten", "crosstrade", *base)  # start flat: the server is shared
    assert start.returncode == 0, (start.stdout, start.stderr)
    bought = cli(
        sandbox_url, "place", "crosstrade", *base, "--instrument", "MES 12-25", "--side", "buy", "--quantity", "2"
    )
    assert bought.returncode == 0, bought.stderr
    rest = cli(
        sandbox_url,
        "place",
        "crosstrade",
        *base,
        *("--instrument", "MES 12-25", "--side", "buy", "--type", "limit", "--quantity", "1"),
        *("--limit-price", "5000.25"),
    )
    order_id = fields(rest.stdout)["order_id"]
    modified = cli(sandbox_url, "modify", "crosstrade", *base, "--order-id", order_id, "--limit-price", "5001.50")
    assert modified.returncode == 0 and fields(modified.stdout)["order_id"] == order_id, modified.stderr
    working = cli(sandbox_url, "open-orders", "crosstrade", *base, "--json")
    assert [row["order_id"] for row in json.loads(working.stdout)] == [order_id], working.stdout
    closed = cli(sandbox_url, "close", "crosstrade", *base, "--instrument", "MES 12-25", "--quantity", "1")
    assert closed.returncode == 0, closed.stderr
    positions = json.loads(cli(sandbox_url, "positions", "crosstrade", *base, "--json").stdout)
    assert [(p["instrument"], p["quantity"]) for p in positions] == [("MES 12-25", "1")], positions
    fills = json.loads(cli(sandbox_url, "fills", "crosstrade", *base, "--json").stdout)
    assert [(f["side"], f["quantity"]) for f in fills][-2:] == [("buy", "2"), ("sell", "1")], fills
    balances = json.loads(cli(sandbox_url, "balances", "crosstrade", *base, "--json").stdout)
    assert balances["currency"] == "USD" and balances["cash"] is not None
    flattened = cli(sandbox_url, "flatten", "crosstrade", *base, "--json")
    assert flattened.returncode == 0, (flattened.stdout, flattened.stderr)
    report = json.loads(flattened.stdout)
    assert report["emulated"] is False and all(item["status"] == "done" for item in report["items"])
    assert json.loads(cli(sandbox_url, "positions", "crosstrade", *base, "--json").stdout) == []
    refused = cli(sandbox_url, "flatten", "topstepx", "--account", "465")
    # The library's advice says emulate=True; the command line names its flag.
    assert refused.returncode == 3 and "pass --emulate" in refused.stderr, refused.stderr
    assert "emulate=True" not in refused.stderr
