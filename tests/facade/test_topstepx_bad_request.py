"""TopstepX answers a body that fails model validation with 400 ProblemDetails before the
endpoint runs (specs/topstepx.yaml components/responses/BadRequest): a definitive refusal."""

from __future__ import annotations

import httpx
import pytest

import orderbridge as ob

PROBLEM = {
    "type": "about:blank",
    "title": "One or more validation errors occurred.",
    "status": 400,
    "detail": "The size field is required.",
}


def _transport(calls: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if request.url.path.endswith("/Auth/loginKey"):
            return httpx.Response(200, json={"success": True, "errorCode": 0, "errorMessage": None, "token": "t"})
        return httpx.Response(400, json=PROBLEM, headers={"content-type": "application/problem+json"})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("action", ["place", "cancel"])
def test_400_problem_details_is_a_definitive_rejection_sent_once(action: str) -> None:
    calls: list[httpx.Request] = []
    creds = {"username": "u", "api_key": "k"}
    broker = ob.connect("topstepx", credentials=creds, transport=_transport(calls))
    with broker, pytest.raises(ob.OrderRejected) as info:
        if action == "place":
            broker.place_order(ob.Order(instrument="CON.F.US.MES.Z25", side="buy", quantity=1), account="465")
        else:
            broker.cancel_order("9056", account="465")
    error = info.value
    assert type(error) is ob.OrderRejected
    assert (error.code, error.code_name) == (400, "BadRequest")
    assert error.order_may_exist is False
    assert error.broker_message == "The size field is required."
    assert "size field" not in str(error)
    assert sum(1 for c in calls if not c.url.path.endswith("/Auth/loginKey")) == 1
