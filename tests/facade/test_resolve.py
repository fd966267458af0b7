"""resolve(client_order_id) after an unknown outcome (issue 4, "Done when" 7)."""

from __future__ import annotations

import asyncio
import datetime as dt
from decimal import Decimal

import attrs
import httpx
import pytest

import orderbridge as ob
from orderbridge_sandbox.spec import validate_request

from . import helpers as h

CID = "resolve-cid-0000000001"


def _search_answer(tags: list[str | None]) -> dict[str, object]:
    answer: dict[str, object] = h.spec_example("topstepx", "/api/Order/search", "post", "200", "success")
    row = answer["orders"][0]  # type: ignore[index]
    answer["orders"] = [{**row, "id": 36598 + i, "customTag": tag} for i, tag in enumerate(tags)]
    return answer


# -- TopstepX: Order/search, matched on customTag -----------------------------------------------------


def test_topstepx_finds_the_order_by_custom_tag() -> None:
    rec = h.TOPSTEPX.recorder()
    rec.set("POST", "/api/Order/search", h.reply(json=_search_answer([None, "someone-else", CID])))
    found = h.run(h.open_session(h.TOPSTEPX, rec), "resolve", CID, account="465")
    assert isinstance(found, ob.PlacedOrder)
    assert (found.broker, found.account, found.order_id, found.client_order_id) == ("topstepx", "465", "36600", CID)
    assert found.status == "FILLED"
    search = rec.to("/api/Order/search")
    assert len(search) == 1
    validate_request("topstepx", search[0])
    sent = h.body(search[0])
    assert sent["accountId"] == 465
    start = dt.datetime.fromisoformat(sent["startTimestamp"].replace("Z", "+00:00"))
    age = dt.datetime.now(dt.UTC) - start
    assert dt.timedelta(hours=24) <= age <= dt.timedelta(days=31)  # a lookback window, not "now"


def test_topstepx_returns_none_when_no_order_carries_the_tag() -> None:
    rec = h.TOPSTEPX.recorder()
    rec.set("POST", "/api/Order/search", h.reply(json=_search_answer(["a", None])))
    assert h.run(h.open_session(h.TOPSTEPX, rec), "resolve", CID, account="465") is None


def test_topstepx_missing_order_list_is_not_taken_as_absent() -> None:
    rec = h.TOPSTEPX.recorder()
    rec.set(
        "POST",
        "/api/Order/search",
        h.reply(json={"orders": None, "success": True, "errorCode": 0, "errorMessage": None}),
    )
    outcome = h.run(h.open_session(h.TOPSTEPX, rec), "resolve", CID, account="465")
    assert isinstance(outcome, ob.OrderbridgeError)  # never None: "no list" is not "no order"


def test_topstepx_resolve_lookup_is_retried_on_5xx() -> None:
    rec = h.TOPSTEPX.recorder()
    rec.set("POST", "/api/Order/search", [h.reply(503), h.reply(json=_search_answer([CID]))])
    found = h.run(h.open_session(h.TOPSTEPX, rec), "resolve", CID, account="465")
    assert isinstance(found, ob.PlacedOrder)
    assert len(rec.to("/api/Order/search")) == 2


def test_topstepx_unknown_outcome_then_resolve() -> None:
    rec = h.TOPSTEPX.recorder(h.Raise(httpx.ReadTimeout))
    rec.set("POST", "/api/Order/search", h.reply(json=_search_answer([CID])))
    with h.open_session(h.TOPSTEPX, rec) as session:
        with pytest.raises(ob.OutcomeUnknown) as caught:
            session.place_order(attrs.evolve(h.TOPSTEPX.order, client_order_id=CID), account="465")
        assert caught.value.client_order_id is not None
        found = session.resolve(caught.value.client_order_id, account="465")
    assert found is not None and found.client_order_id == CID


# -- CrossTrade: GET orders/{orderId} with our custom id -----------------------------------------------


def test_crosstrade_reads_the_order_by_our_id() -> None:
    rec = h.CROSSTRADE.recorder()
    answer = h.spec_example("crosstrade", "/v1/api/accounts/{account}/orders/{orderId}", "get", "200", "cancel_pending")
    rec.set("GET", f"/v1/api/accounts/Sim101/orders/{CID}", h.reply(json=answer))
    found = h.run(h.open_session(h.CROSSTRADE, rec), "resolve", CID, account="Sim101")
    assert isinstance(found, ob.PlacedOrder)
    assert found.order_id == answer["orderId"]
    assert found.client_order_id == CID
    assert found.status == "CancelPending"
    (request,) = rec.requests
    assert request.method == "GET"
    assert request.headers["authorization"] == f"Bearer {h.CROSSTRADE.token}"
    validate_request("crosstrade", request)


@pytest.mark.parametrize(
    "payload",
    [
        {"success": False, "error": "not_found", "detail": "Order not found"},
        {"error": "Order linked to 'x' not found or already terminal."},
    ],
    ids=["new-shape", "old-shape"],
)
def test_crosstrade_returns_none_on_404(payload: dict[str, object]) -> None:
    rec = h.CROSSTRADE.recorder()
    rec.set("GET", f"/v1/api/accounts/Sim101/orders/{CID}", h.reply(404, json=payload))
    assert h.run(h.open_session(h.CROSSTRADE, rec), "resolve", CID, account="Sim101") is None


def test_crosstrade_resolve_lookup_is_retried_on_5xx() -> None:
    rec = h.CROSSTRADE.recorder()
    answer = h.spec_example("crosstrade", "/v1/api/accounts/{account}/orders/{orderId}", "get", "200", "cancel_pending")
    rec.set("GET", f"/v1/api/accounts/Sim101/orders/{CID}", [h.reply(502), h.reply(json=answer)])
    assert isinstance(h.run(h.open_session(h.CROSSTRADE, rec), "resolve", CID, account="Sim101"), ob.PlacedOrder)
    assert len(rec.requests) == 2


def test_crosstrade_resolve_does_not_swallow_other_failures() -> None:
    rec = h.CROSSTRADE.recorder()
    rec.set("GET", f"/v1/api/accounts/Sim101/orders/{CID}", h.reply(408, json={"error": "offline"}))
    outcome = h.run(h.open_session(h.CROSSTRADE, rec), "resolve", CID, account="Sim101")
    assert isinstance(outcome, ob.OrderbridgeError)


# -- Sophic: replay of the recorded placement ---------------------------------------------------------


@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_sophic_replays_the_recorded_placement(async_: bool) -> None:
    order = ob.Order(
        instrument="ins_xyz789",
        side="buy",
        cash_amount=Decimal("100.00"),
        client_order_id=CID,
        extras={"automatic_rollover": False},
    )
    rec = h.SOPHIC.recorder(h.Raise(httpx.ReadTimeout))

    attempts_before_resolve: list[int] = []

    def answer_from_now_on() -> None:
        attempts_before_resolve.append(len(h.SOPHIC.places(rec)))
        rec.set("POST", h.SOPHIC.place_path, h.reply(201, json=h.sophic_order()))

    if async_:
        asession = h.open_session(h.SOPHIC, rec, async_=True)

        async def go() -> tuple[object, object]:
            async with asession as session:
                try:
                    first: object = await session.place_order(order, account="acc_abc123")
                except ob.OrderbridgeError as exc:
                    first = exc
                answer_from_now_on()
                return first, await session.resolve(CID, account="acc_abc123")

        first, found = asyncio.run(go())
    else:
        with h.open_session(h.SOPHIC, rec) as sync_session:
            try:
                first = sync_session.place_order(order, account="acc_abc123")
            except ob.OrderbridgeError as exc:
                first = exc
            answer_from_now_on()
            found = sync_session.resolve(CID, account="acc_abc123")
    assert type(first) is ob.PlacementUnknown
    assert isinstance(found, ob.PlacedOrder)
    assert found.order_id == h.sophic_order()["id"]
    assert found.client_order_id == CID
    places = h.SOPHIC.places(rec)
    assert len(places) == attempts_before_resolve[0] + 1  # resolve sent exactly one replay
    assert {r.headers["idempotency-key"] for r in places} == {CID}
    assert {r.content for r in places} == {places[0].content}
    assert b'"automatic_rollover":false' in places[-1].content


def test_sophic_resolve_without_a_record_is_not_supported() -> None:
    rec = h.SOPHIC.recorder()
    error = h.run(h.open_session(h.SOPHIC, rec), "resolve", CID, account="acc_abc123")
    assert type(error) is ob.NotSupported
    assert error.feature == "resolve"
    assert "Idempotency-Key" in str(error)
    h.assert_nothing_sent(rec)


def test_sophic_resolve_is_per_account() -> None:
    rec = h.SOPHIC.recorder()
    with h.open_session(h.SOPHIC, rec) as session:
        session.place_order(attrs.evolve(h.SOPHIC.order, client_order_id=CID), account="acc_abc123")
        before = len(rec.requests)
        with pytest.raises(ob.NotSupported):
            session.resolve(CID, account="acc_other")
    assert len(rec.requests) == before


# -- TradeStation: no lookup by OrderConfirmId ------------------------------------------------------------


@pytest.mark.parametrize("case", [h.TRADESTATION, h.TRADESTATION_GLOBAL], ids=lambda c: c.id)
def test_tradestation_resolve_is_not_supported_with_a_reason(case: h.Case) -> None:
    rec = case.recorder()
    error = h.run(h.open_session(case, rec), "resolve", CID, account="123456")
    assert type(error) is ob.NotSupported
    assert error.feature == "resolve"
    assert error.order_may_exist is False
    assert "OrderConfirmId" in str(error)
    h.assert_nothing_sent(rec)
    assert ob.capabilities("tradestation").resolve is None
