"""Tests of ``stop_entry`` that use only the orderbridge-sandbox pytest plugin.

``broker_sandbox``: the stateful fake (orders really rest, fill and get recorded; faults make
the broker's answer get lost on purpose). ``spec_router``: every request checked against the
TopstepX spec, every answer one the vendor documents.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from stop_entry import EntryNotPlaced, enter_with_stop

import orderbridge as ob
from orderbridge_sandbox.testing import BrokerSandbox, ResponseCase, error_params

ACCOUNT = "465"
CONTRACT = "CON.F.US.MES.Z25"
STOP = Decimal("6300")


def connect(sandbox: BrokerSandbox) -> ob.Session:
    return ob.connect(
        "topstepx", base_url=sandbox.base_url(), credentials=sandbox.credentials(), transport=sandbox.transport()
    )


def enter(session: ob.Session) -> Any:
    return enter_with_stop(
        session, account=ACCOUNT, instrument=CONTRACT, side="buy", quantity=Decimal("2"), stop_price=STOP
    )


@pytest.mark.broker_sandbox("topstepx")
def test_entry_fills_and_the_stop_rests_until_the_market_reaches_it(broker_sandbox: BrokerSandbox) -> None:
    with connect(broker_sandbox) as session:
        placed = enter(session)
    entry, stop = broker_sandbox.orders()
    assert (entry.order_id, entry.side, entry.quantity, entry.status) == (
        placed.entry.order_id,
        "buy",
        Decimal(2),
        "Filled",
    )
    assert (stop.order_id, stop.side, stop.quantity, stop.status) == (placed.stop.order_id, "sell", Decimal(2), "Open")
    body = broker_sandbox.requests(operation="place_order")[1].json
    assert body["stopPrice"] == 6300 and "stopLossBracket" not in body  # a plain stop, no bracket
    broker_sandbox.fill(stop.order_id)
    assert broker_sandbox.orders()[1].status == "Filled"


@pytest.mark.broker_sandbox("topstepx")
def test_a_lost_answer_is_reconciled_not_resent(broker_sandbox: BrokerSandbox) -> None:
    """The broker records the entry, then the connection drops before the answer."""
    broker_sandbox.add_fault("topstepx:place_order:drop_after_record:1")
    with connect(broker_sandbox) as session:
        placed = enter(session)
    entry, stop = broker_sandbox.orders()
    assert entry.client_order_id == placed.entry.client_order_id
    assert stop.order_id == placed.stop.order_id
    assert len(broker_sandbox.requests(operation="place_order")) == 2  # one entry, one stop: nothing resent


@pytest.mark.broker_sandbox("topstepx")
def test_an_entry_that_never_arrived_is_not_resent(broker_sandbox: BrokerSandbox) -> None:
    """The connection drops before the broker sees the entry: the broker's record says so."""
    broker_sandbox.add_fault("topstepx:place_order:drop:1")
    with connect(broker_sandbox) as session, pytest.raises(EntryNotPlaced):
        enter(session)
    assert broker_sandbox.orders() == []
    assert len(broker_sandbox.requests(operation="place_order")) == 1


def test_every_request_is_one_the_spec_allows(spec_router: Any) -> None:
    router = spec_router("topstepx")
    router.answer("login_key", "success")
    place = router.answer("place_order", "success")
    with ob.connect("topstepx", credentials={"username": "demo", "api_key": "x"}) as session:
        enter(session)
    entry, stop = (call.request for call in place.calls)
    assert b'"type":2' in entry.content.replace(b" ", b"")  # Market
    assert b'"type":4' in stop.content.replace(b" ", b"")  # Stop


@pytest.mark.parametrize("answer", error_params("topstepx", "place_order"))
def test_a_refused_entry_never_places_the_stop(spec_router: Any, answer: ResponseCase) -> None:
    """Every refusal TopstepX documents for Order/place, each answered to the entry."""
    router = spec_router("topstepx", assert_all_called=False)
    router.answer("login_key", "success")
    place = router.answer("place_order", answer)
    router.answer("search_orders", "success")  # the reconcile after an unknown outcome
    refused = (ob.OrderbridgeError, EntryNotPlaced)
    with ob.connect("topstepx", credentials={"username": "demo", "api_key": "x"}) as session, pytest.raises(refused):
        enter(session)
    assert place.call_count == 1  # refused or unknown: the entry is never sent again, no stop follows
