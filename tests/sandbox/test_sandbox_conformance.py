"""Every operation of every spec is implemented, and every answer validates against its spec."""

from __future__ import annotations

import httpx
import pytest

from orderbridge_sandbox import ManualClock, Sandbox, SpecViolation
from orderbridge_sandbox.brokers import BROKER_CLASSES
from orderbridge_sandbox.routes import declared_statuses, table
from orderbridge_sandbox.spec import BROKERS
from orderbridge_sandbox.wire import json_reply

from ._sandbox_support import example_requests, login


@pytest.mark.parametrize("broker", BROKERS)
def test_every_spec_operation_has_a_handler(broker: str) -> None:
    assert set(table(broker).operations) == set(BROKER_CLASSES[broker].handlers)


@pytest.mark.parametrize("broker", BROKERS)
def test_every_spec_example_request_gets_a_declared_answer_that_validates(broker: str) -> None:
    """Send each operation's example requests twice (the second round sees the state the first
    left) to a strict sandbox: no response may violate the spec, none may be a 5xx."""
    sandbox = Sandbox(strict=True, clock=ManualClock())
    for _ in range(2):
        for label, request in example_requests(broker, login(sandbox, broker)):
            response = sandbox.handle(request)  # strict: raises SpecViolation on a bad answer
            assert response.status_code < 500, label
            operation = sandbox.log[-1].operation
            assert response.status_code in declared_statuses(broker, operation), label


def test_strict_mode_refuses_an_answer_outside_the_spec(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    broker = sandbox.broker("topstepx")
    monkeypatch.setattr(type(broker), "ping", lambda self, call: json_reply({"pong": True}))
    with pytest.raises(SpecViolation, match=r"Status/ping"):
        sandbox.handle(httpx.Request("GET", "http://127.0.0.1/topstepx/api/Status/ping"))


def test_the_same_requests_give_the_same_answers() -> None:
    """Clock and ids are injected: two sandboxes fed the same requests answer identically."""
    answers = []
    for _ in range(2):
        sandbox = Sandbox(clock=ManualClock())
        texts = []
        for broker in BROKERS:
            for _, request in example_requests(broker, login(sandbox, broker)):
                texts.append(sandbox.handle(request).text)
        answers.append(texts)
    assert answers[0] == answers[1]


def test_unknown_broker_prefix_is_404(sandbox: Sandbox) -> None:
    response = sandbox.handle(httpx.Request("GET", "http://127.0.0.1/nobroker/x"))
    assert response.status_code == 404
    assert "/topstepx" in response.text
