"""The flatten plan as a sans-IO state machine (like the attempt policy): driven with plain
values, it attempts every order and every position whatever each step answers, and reports
exactly one item per attempt with the status its error implies."""

from __future__ import annotations

import types
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import orderbridge as ob
from orderbridge.testing import PlaceStep, StepResult, flatten_plan_for

FAILURES = {
    "ok": None,
    "unknown": ob.OutcomeUnknown("x", broker="b", origin="timeout"),
    "rejected": ob.OrderRejected("x", broker="b", code=3),
    "unavailable": ob.BrokerUnavailable("x", broker="b"),
}
EXPECTED = {"ok": ob.ItemStatus.DONE, "unknown": ob.ItemStatus.UNKNOWN, "unavailable": ob.ItemStatus.NOT_ATTEMPTED}
"""The status each answer implies; a refusal (or a close the facade refuses) is REFUSED. An
unreachable broker is NOT_ATTEMPTED: nothing was asked of it, nothing was refused."""


def _drive(broker: str, orders: int, positions: list[int], answers: list[str]) -> tuple[ob.FlattenReport, list[str]]:
    plan = flatten_plan_for(broker, "1")
    steps: list[str] = []
    replies = iter(answers)
    result: StepResult | None = None
    try:
        step = next(plan)
        while True:
            if isinstance(step, PlaceStep):
                name, value = "place", ob.PlacedOrder(broker=broker, account="1", order_id="n", client_order_id="c")
            else:
                assert isinstance(step, types.GeneratorType)
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
    # TradeStation cannot cover a short equity with a plain BUY: refused without a request.
    blocked = [q < 0 and broker == "tradestation" for q in open_positions]
    close_step = "close_position" if broker == "topstepx" else "place"
    sent_closes = [close_step] * blocked.count(False)
    assert steps == ["open_orders", *["cancel"] * orders, "positions", *sent_closes]
    assert [i.action for i in report.items] == ["cancel"] * orders + ["close"] * len(open_positions)
    replies = iter([*answers, *["ok"] * 8])
    expected = [next(replies) for _ in range(orders)] + ["blocked" if b else next(replies) for b in blocked]
    for item, answer in zip(report.items, expected, strict=True):
        assert item.status is EXPECTED.get(answer, ob.ItemStatus.REFUSED), (item, answer)
        assert (item.error is None) is (answer == "ok")
        if answer == "blocked":
            assert type(item.error) is ob.NotSupported
    assert report.complete is all(a == "ok" for a in expected)
