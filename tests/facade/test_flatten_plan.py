"""The flatten plan as a sans-IO state machine (like the attempt policy): driven with plain
values, it attempts every order and every position whatever each step answers, and reports
exactly one item per attempt with the status its error implies."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import orderbridge as ob
from orderbridge._adapter import get_adapter
from orderbridge._config import resolve_settings
from orderbridge._lifecycle import PlaceStep, StepResult, flatten_plan

FAILURES = {
    "ok": None,
    "unknown": ob.OutcomeUnknown("x", broker="b", origin="timeout"),
    "rejected": ob.OrderRejected("x", broker="b", code=3),
    "unavailable": ob.BrokerUnavailable("x", broker="b"),
}
EXPECTED = {"ok": ob.ItemStatus.DONE, "unknown": ob.ItemStatus.UNKNOWN}


def _drive(broker: str, orders: int, positions: list[int], answers: list[str]) -> tuple[ob.FlattenReport, list[str]]:
    adapter = get_adapter(broker)
    settings = resolve_settings(broker, credentials={}, environ={})
    plan = flatten_plan(adapter, "1", settings)
    steps: list[str] = []
    replies = iter(answers)
    result: StepResult | None = None
    try:
        step = next(plan)
        while True:
            if isinstance(step, PlaceStep):
                name, value = "place", ob.PlacedOrder(broker=broker, account="1", order_id="n", client_order_id="c")
            else:
                name = step.gi_code.co_name  # which adapter flow the plan asked for
                step.close()
                value = None
            steps.append(name)
            if name == "open_orders":
                result = StepResult(
                    [ob.BrokerOrder(broker=broker, account="1", order_id=str(i)) for i in range(orders)]
                )
            elif name == "positions":
                rows = [
                    ob.Position(broker=broker, account="1", instrument=f"I{i}", quantity=Decimal(q))
                    for i, q in enumerate(positions)
                ]
                result = StepResult(rows)
            else:
                error = FAILURES[next(replies, "ok")]
                result = StepResult(error=error) if error is not None else StepResult(value)
            step = plan.send(result)
    except StopIteration as stop:
        return stop.value, steps
    raise AssertionError("unreachable")


@given(
    orders=st.integers(0, 4),
    positions=st.lists(st.integers(-3, 3), max_size=3),
    answers=st.lists(st.sampled_from(sorted(FAILURES)), max_size=8),
    broker=st.sampled_from(["topstepx", "tradestation"]),
)
def test_every_item_is_attempted_and_reported(
    orders: int, positions: list[int], answers: list[str], broker: str
) -> None:
    report, steps = _drive(broker, orders, positions, answers)
    open_positions = [q for q in positions if q != 0]
    close_step = "close_position" if broker == "topstepx" else "place"
    assert steps == ["open_orders", *["cancel"] * orders, "positions", *[close_step] * len(open_positions)]
    assert [i.action for i in report.items] == ["cancel"] * orders + ["close"] * len(open_positions)
    replies = [*answers, *["ok"] * 8][: orders + len(open_positions)]
    for item, answer in zip(report.items, replies, strict=True):
        assert item.status is EXPECTED.get(answer, ob.ItemStatus.REFUSED), (item, answer)
        assert (item.error is None) is (answer == "ok")
    assert report.complete is all(a == "ok" for a in replies)
