"""The ``broker_sandbox`` fixture: seeds that trade, the facade (sync and async) and a generated
client over its transport, faults, the clock, fills on demand and recorded requests."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import httpx
import pytest
from topstepx_client import AuthenticatedClient
from topstepx_client.api.order import place_order
from topstepx_client.models import OrderSide, OrderType, PlaceOrderRequest, PlaceOrderResponse

import orderbridge as ob
from orderbridge_sandbox import FaultError
from orderbridge_sandbox.testing import SEEDS, BrokerSandbox


def market(broker: str, side: str = "buy") -> ob.Order:
    seed = SEEDS[broker]
    if broker == "sophic":
        return ob.Order(instrument=seed.instrument, side=side, cash_amount=Decimal("100"))
    return ob.Order(instrument=seed.instrument, side=side, quantity=Decimal("1"))


def session(sb: BrokerSandbox, broker: str | None = None) -> ob.Session:
    return ob.connect(
        broker or sb.brokers[0],
        base_url=sb.base_url(broker),
        credentials=sb.credentials(broker),
        transport=sb.transport(),
    )


@pytest.mark.parametrize("broker_sandbox", ob.BROKERS, indirect=True)
def test_each_seed_trades_through_the_facade(broker_sandbox: BrokerSandbox) -> None:
    (broker,) = broker_sandbox.brokers
    with session(broker_sandbox) as s:
        placed = s.place_order(market(broker), account=broker_sandbox.seed().account)
    [recorded] = broker_sandbox.orders()
    assert (recorded.order_id, recorded.client_order_id) == (placed.order_id, placed.client_order_id)
    assert [r.operation for r in broker_sandbox.requests(broker)][-1] == "place_order"


def test_the_async_twin_uses_the_same_transport(broker_sandbox: BrokerSandbox) -> None:
    async def run() -> ob.PlacedOrder:
        async with ob.connect_async(
            "sophic",
            base_url=broker_sandbox.base_url("sophic"),
            credentials=broker_sandbox.credentials("sophic"),
            transport=broker_sandbox.transport(),
        ) as s:
            return await s.place_order(market("sophic"), account=SEEDS["sophic"].account)

    placed = asyncio.run(run())
    assert [o.order_id for o in broker_sandbox.orders("sophic")] == [placed.order_id]


@pytest.mark.broker_sandbox("topstepx")
def test_a_generated_client_works_over_the_transport(broker_sandbox: BrokerSandbox) -> None:
    client = AuthenticatedClient(
        base_url=broker_sandbox.base_url(),
        token=broker_sandbox.token(),
        httpx_args={"transport": broker_sandbox.transport()},
    )
    body = PlaceOrderRequest(
        account_id=465, contract_id="CON.F.US.MES.Z25", type_=OrderType.MARKET, side=OrderSide.BID, size=3
    )
    with client:
        answer = place_order.sync(client=client, body=body)
    assert isinstance(answer, PlaceOrderResponse) and answer.success is True
    [recorded] = broker_sandbox.orders()
    assert (recorded.order_id, recorded.quantity) == (str(answer.order_id), Decimal(3))
    assert broker_sandbox.requests(operation="place_order")[0].json["size"] == 3


@pytest.mark.broker_sandbox("topstepx")
def test_a_stop_rests_until_filled_on_demand(broker_sandbox: BrokerSandbox) -> None:
    stop = ob.Order(
        instrument=SEEDS["topstepx"].instrument,
        side="sell",
        type="stop",
        quantity=Decimal("3"),
        stop_price=Decimal("6300"),
    )
    with session(broker_sandbox) as s:
        placed = s.place_order(stop, account="465")
    assert broker_sandbox.orders()[0].status == "Open"
    broker_sandbox.fill(placed.order_id, quantity=Decimal("1"), price=Decimal("6299.75"))
    assert broker_sandbox.orders()[0].status == "Open"  # partly filled, still working
    with pytest.raises(ValueError, match="what remains"):
        broker_sandbox.fill(placed.order_id, quantity=Decimal("5"))
    broker_sandbox.fill(placed.order_id)
    assert broker_sandbox.orders()[0].status == "Filled"
    with pytest.raises(ValueError, match="not working"):
        broker_sandbox.fill(placed.order_id)
    with pytest.raises(KeyError, match="no order"):
        broker_sandbox.fill("404404")


def test_sophic_fills_on_demand_run_its_lifecycle(broker_sandbox: BrokerSandbox) -> None:
    with session(broker_sandbox, "sophic") as s:
        placed = s.place_order(market("sophic"), account=SEEDS["sophic"].account)
    broker_sandbox.fill(placed.order_id, "sophic")
    assert broker_sandbox.orders("sophic")[0].status == "settled"
    with pytest.raises(ValueError, match="no quantity or price"):
        broker_sandbox.fill(placed.order_id, "sophic", price=Decimal(1))


@pytest.mark.broker_sandbox("topstepx")
def test_latency_moves_the_clock_and_never_sleeps(broker_sandbox: BrokerSandbox) -> None:
    start = broker_sandbox.now()
    broker_sandbox.add_fault("topstepx:place_order:latency=3:1")
    with session(broker_sandbox) as s:
        s.place_order(market("topstepx"), account="465")
    assert broker_sandbox.waits == [3.0]
    assert broker_sandbox.now() - start == dt.timedelta(seconds=3)


@pytest.mark.broker_sandbox("topstepx")
def test_latency_beyond_the_read_timeout_is_a_timeout_after_the_broker_recorded(broker_sandbox: BrokerSandbox) -> None:
    broker_sandbox.add_fault("topstepx:place_order:latency=30:1")
    with (
        ob.connect(
            "topstepx",
            base_url=broker_sandbox.base_url(),
            credentials=broker_sandbox.credentials(),
            transport=broker_sandbox.transport(),
            timeout=5,
        ) as s,
        pytest.raises(ob.OutcomeUnknown),
    ):
        s.place_order(market("topstepx"), account="465")
    assert len(broker_sandbox.orders()) == 1  # the ambiguous outcome: recorded, not answered
    assert broker_sandbox.requests(operation="place_order")[0].status is None


@pytest.mark.broker_sandbox("topstepx")
def test_a_one_broker_sandbox_refuses_other_brokers(broker_sandbox: BrokerSandbox) -> None:
    with (
        httpx.Client(transport=broker_sandbox.transport()) as client,
        pytest.raises(AssertionError, match="/topstepx only"),
    ):
        client.get("http://127.0.0.1/sophic/accounts")
    with pytest.raises(KeyError, match="not 'sophic'"):
        broker_sandbox.orders("sophic")


def test_an_all_broker_sandbox_wants_the_broker_named(broker_sandbox: BrokerSandbox) -> None:
    with pytest.raises(TypeError, match="name the broker"):
        broker_sandbox.base_url()
    assert broker_sandbox.env("crosstrade") == {
        "ORDERBRIDGE_CROSSTRADE_BASE_URL": "http://127.0.0.1/crosstrade",
        "ORDERBRIDGE_CROSSTRADE_TOKEN": "demo-token",
    }


def test_fault_text_is_checked_like_the_cli(broker_sandbox: BrokerSandbox) -> None:
    with pytest.raises(FaultError):
        broker_sandbox.add_fault("topstepx:place_order:explode")


def test_unknown_brokers_are_refused() -> None:
    with pytest.raises(ValueError, match="brokers must be some of"):
        BrokerSandbox(["nyse"])
