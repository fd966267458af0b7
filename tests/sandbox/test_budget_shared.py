"""One budget shared between processes through a real Redis server on loopback.

Two Python processes use the same CrossTrade credential with a budget of 6 requests per minute
kept in Redis (``RateLimit(storage="redis://...")``); each tries 6 placements against its own
in-process sandbox. Together they may send 6, and do: the rest are refused before sending.
The server is started here on a free loopback port (``.ci/run`` installs ``redis-server``).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REDIS = shutil.which("redis-server")

WORKER = """
import json, sys
from decimal import Decimal
import orderbridge as ob
from orderbridge_sandbox import Sandbox

url, go = sys.argv[1], sys.argv[2]
budget = ob.Budget(windows={"requests": ob.Window(6, 60)}, default="requests")
sandbox = Sandbox(strict=True)
order = ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=Decimal("1"))
with ob.connect(
    "crosstrade", base_url="http://127.0.0.1/crosstrade", credentials={"token": "demo-token"},
    transport=sandbox.transport(), rate_limit=ob.RateLimit(budget=budget, storage=url), deadline=10,
) as session:
    while not __import__("os").path.exists(go):  # start together
        __import__("time").sleep(0.01)
    results = session.place_orders([("Sim101", order)] * 6)
print(json.dumps({
    "placed": sum(isinstance(r, ob.PlacedOrder) for r in results),
    "refused": sum(isinstance(r, ob.RateLimited) and not r.order_may_exist for r in results),
    "sent": sum(1 for e in sandbox.log if e.operation == "place_order"),
    "other": [repr(r) for r in results if not isinstance(r, (ob.PlacedOrder, ob.RateLimited))],
}))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def redis_url() -> Iterator[str]:
    if REDIS is None:
        pytest.skip("redis-server is not installed here (.ci/run installs it with apt-get)")
    port = _free_port()
    with tempfile.TemporaryDirectory() as workdir:
        server = subprocess.Popen(
            [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workdir],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(200):  # wait until it accepts connections
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                    break
                except OSError:
                    time.sleep(0.02)
            else:
                pytest.fail("redis-server did not start")
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_two_processes_spend_one_budget(redis_url: str, tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, redis_url, str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for _ in range(2)
    ]
    time.sleep(0.5)  # let both import and connect before they start spending
    go.touch()
    outputs = [w.communicate(timeout=120) for w in workers]
    assert all(w.returncode == 0 for w in workers), [err.decode()[-2000:] for _, err in outputs]
    counts = [json.loads(out) for out, _ in outputs]
    assert sum(c["placed"] for c in counts) == 6, counts
    assert sum(c["sent"] for c in counts) == 6
    assert sum(c["refused"] for c in counts) == 6


def test_an_unreachable_shared_budget_fails_before_sending() -> None:
    """A Redis server that is down: ConfigurationError, nothing sent, no raw redis error."""
    from decimal import Decimal

    import orderbridge as ob
    from orderbridge_sandbox import Sandbox

    sandbox = Sandbox()
    budget = ob.Budget(windows={"requests": ob.Window(6, 60)}, default="requests")
    order = ob.Order(instrument="MES 12-25", side="buy", type="market", quantity=Decimal("1"))
    url = f"redis://127.0.0.1:{_free_port()}/0"  # nothing listens there
    with (
        ob.connect(
            "crosstrade",
            base_url="http://127.0.0.1/crosstrade",
            credentials={"token": "demo-token"},
            transport=sandbox.transport(),
            rate_limit=ob.RateLimit(budget=budget, storage=url),
        ) as session,
        pytest.raises(ob.ConfigurationError, match="rate-limit storage 'redis' failed"),
    ):
        session.place_order(order, account="Sim101")
    assert sandbox.log == []
