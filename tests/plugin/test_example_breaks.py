"""The example's test suite catches a broken component: a copy of ``examples/stop_entry`` is
patched on purpose, and its own tests (which use only the plugin) must fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ._run import run_pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "stop_entry"


def copy_example(tmp_path: Path, old: str = "", new: str = "") -> Path:
    target = tmp_path / "stop_entry"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    if old:
        source = target / "stop_entry.py"
        text = source.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"the patch no longer applies: {old!r}"
        source.write_text(text.replace(old, new), encoding="utf-8")
    return target


def test_the_unbroken_example_passes(tmp_path: Path) -> None:
    """The control: without a patch the same suite passes, so the failures below are the patches'."""
    result = run_pytest(copy_example(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_field_the_spec_does_not_allow_fails_the_example(tmp_path: Path) -> None:
    """The stop goes out with ``reduceOnly``, a field TopstepX's Order/place does not have."""
    broken = copy_example(
        tmp_path,
        "        stop_price=stop_price,\n",
        '        stop_price=stop_price,\n        extras={"reduceOnly": True},\n',
    )
    result = run_pytest(broken)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "reduceOnly" in output
    assert "test_entry_fills_and_the_stop_rests_until_the_market_reaches_it FAILED" in output or (
        "FAILED test_stop_entry.py::test_entry_fills_and_the_stop_rests_until_the_market_reaches_it" in output
    )
    assert "FAILED test_stop_entry.py::test_every_request_is_one_the_spec_allows" in output


@pytest.mark.parametrize(
    "resend",
    [
        pytest.param("        return session.place_order(order, account=account)\n", id="same-client-order-id"),
        pytest.param(
            "        return session.place_order(\n"
            "            ob.Order(\n"
            "                instrument=order.instrument, side=order.side, type=order.type, quantity=order.quantity,\n"
            "                stop_price=order.stop_price, client_order_id=ob.new_client_order_id(),\n"
            "            ),\n"
            "            account=account,\n"
            "        )\n",
            id="new-client-order-id",
        ),
    ],
)
def test_resending_after_an_unknown_outcome_fails_the_example(tmp_path: Path, resend: str) -> None:
    """The component sends the order again instead of asking the broker (``resolve``)."""
    broken = copy_example(tmp_path, "        return session.resolve(order.client_order_id, account=account)\n", resend)
    result = run_pytest(broken)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "FAILED test_stop_entry.py::test_a_lost_answer_is_reconciled_not_resent" in output
    assert "FAILED test_stop_entry.py::test_an_entry_that_never_arrived_is_not_resent" in output
