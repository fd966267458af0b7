"""`orderbridge watch`: live events as JSON lines from a running sandbox, in another process,
configured only by the ORDERBRIDGE_* variables. Pushed at TopstepX (its user hub), polled at
CrossTrade; Ctrl-C (SIGINT) ends the watch with exit 0; ``--max-events`` bounds it."""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from decimal import Decimal
from typing import Any

from .test_paper_trading_cli import cli, sandbox_url  # noqa: F401  (the module-scoped sandbox)

LINE_WAIT = 30.0
"""Seconds to wait for one line before declaring the watch stuck (a bound, not a timing assert)."""


def watch(url: str, *args: str) -> subprocess.Popen[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("ORDERBRIDGE_")},
        "PYTHONUNBUFFERED": "1",
        "ORDERBRIDGE_TOPSTEPX_BASE_URL": f"{url}/topstepx",
        "ORDERBRIDGE_TOPSTEPX_USERNAME": "demo",
        "ORDERBRIDGE_TOPSTEPX_API_KEY": "demo-api-key",
        "ORDERBRIDGE_CROSSTRADE_BASE_URL": f"{url}/crosstrade",
        "ORDERBRIDGE_CROSSTRADE_TOKEN": "demo-token",
    }
    command = [sys.executable, "-m", "orderbridge.cli", "watch", *args]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


class Lines:
    """The watch's stdout, one decoded JSON object per line, read by a thread."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: list[dict[str, Any]] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        assert process.stdout is not None
        stdout = process.stdout

        def pump() -> None:
            for line in stdout:
                self._queue.put(line)
            self._queue.put(None)

        threading.Thread(target=pump, daemon=True).start()

    def until(self, kind: str) -> dict[str, Any]:
        while True:
            line = self._queue.get(timeout=LINE_WAIT)
            assert line is not None, f"the watch ended; saw {[e['kind'] for e in self.seen]}"
            event: dict[str, Any] = json.loads(line)
            self.seen.append(event)
            if event["kind"] == kind:
                return event


def test_watch_prints_pushed_events_as_json_lines_and_ctrl_c_exits_zero(sandbox_url: str) -> None:  # noqa: F811
    process = watch(sandbox_url, "topstepx", "--account", "465")
    try:
        lines = Lines(process)
        first = lines.until("resynced")  # the first picture, then the marker
        assert first["source"] == "resync" and first["snapshot"]["account"] == "465"
        placed = cli(
            sandbox_url, "place", "topstepx", "--account", "465", "--instrument", "CON.F.US.MES.Z25", "--side", "buy",
            "--quantity", "1", "--json",
        )  # fmt: skip
        assert placed.returncode == 0, placed.stderr
        order_id = json.loads(placed.stdout)["order_id"]
        fill = lines.until("fill")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=LINE_WAIT) == 0
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert fill["source"] == "push" and fill["broker"] == "topstepx" and fill["account"] == "465"
    assert fill["fill"]["order_id"] == order_id
    assert isinstance(fill["fill"]["quantity"], str) and Decimal(fill["fill"]["quantity"]) == 1
    assert isinstance(fill["fill"]["price"], str) and Decimal(fill["fill"]["price"]) > 0
    assert dt.datetime.fromisoformat(fill["received_at"]).tzinfo is not None
    assert dt.datetime.fromisoformat(fill["fill"]["time"]).tzinfo is not None
    assert [e["seq"] for e in lines.seen] == list(range(1, len(lines.seen) + 1))  # gapless
    orders = [e for e in lines.seen if e["kind"] == "order" and e["order"]["order_id"] == order_id]
    assert orders and orders[-1]["order"]["status"] == "filled"
    assert all("raw" not in e for e in lines.seen)


def test_watch_polls_with_the_interval_given_and_stops_after_max_events(sandbox_url: str) -> None:  # noqa: F811
    process = watch(sandbox_url, "crosstrade", "--account", "Sim101", "--interval", "3", "--max-events", "2")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["kind"] for e in events] == ["balance", "resynced"]
    assert events[0]["balance"]["cash"] == "100000" and events[0]["source"] == "resync"


def test_watch_refuses_an_interval_below_the_broker_budget(sandbox_url: str) -> None:  # noqa: F811
    process = watch(sandbox_url, "crosstrade", "--account", "Sim101", "--interval", "0.1", "--max-events", "1")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and out == ""
    assert "interval 0.1 s is below" in err


def test_watch_refuses_max_events_below_one(sandbox_url: str) -> None:  # noqa: F811
    process = watch(sandbox_url, "crosstrade", "--account", "Sim101", "--max-events", "0")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and out == "" and "--max-events" in err
