"""The README's trading loop runs as written against a sandbox on loopback, configured only
through the documented ORDERBRIDGE_* variables, and ends flat."""

from __future__ import annotations

import contextlib
import io
import pathlib
import re
from decimal import Decimal

import pytest

import orderbridge as ob
from orderbridge_sandbox import Sandbox, start

README = pathlib.Path(__file__).resolve().parents[2] / "README.md"


def _loop_source() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## The rest of an order's life", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "README lost its trading-loop example"
    return match.group(1)


def test_readme_trading_loop_runs_and_ends_flat(monkeypatch: pytest.MonkeyPatch) -> None:
    sandbox = Sandbox(strict=True)
    with start(sandbox, port=0) as server:
        monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_BASE_URL", server.broker_url("topstepx"))
        monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_USERNAME", "demo")
        monkeypatch.setenv("ORDERBRIDGE_TOPSTEPX_API_KEY", "demo-api-key")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(_loop_source(), str(README), "exec"), {})
        with ob.connect("topstepx") as broker:
            assert broker.positions(account="465") == []
            assert broker.open_orders(account="465") == []
    lines = out.getvalue().splitlines()
    assert any(line.startswith("buy 1 @ ") for line in lines), lines  # the market fill was read
    assert not any(line.startswith("check:") for line in lines), lines  # every flatten item done
    resting = sandbox.broker("topstepx").book.select(account="465")  # type: ignore[attr-defined]
    # The limit order was modified to the README's new price before the flatten cancelled it.
    assert [o.limit_price for o in resting if o.limit_price is not None] == [Decimal("5001.50")]
