"""An acceptance is a 2xx, the broker's success markers and a usable order id (issue 11).

* hostile ids and hostile success markers in an otherwise successful answer are
  ``OutcomeUnknown``, never a ``PlacedOrder`` and never a rejection;
* a success whose other fields do not match the spec is still a ``PlacedOrder``: ``raw`` holds
  the decoded JSON, ``warnings`` says what deviated, and a WARNING is logged without secrets;
* the id rule is one rule: every id an answer may carry is accepted by ``get_order`` and
  ``cancel_order`` (and by the session's own path-segment check), and hostile ids given to
  them are refused before anything is sent.
"""

from __future__ import annotations

import copy
import json
import logging
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import orderbridge as ob
from orderbridge.brokers import BROKERS, describe
from orderbridge.testing import INT64_MAX, MAX_ID_LENGTH, check_order_id, order_id_from_wire
from tests._support import cases

from . import helpers as h

CID = "acceptance-cid-01"


def _raw_json(value: Any) -> bytes:
    """JSON text that may hold NaN / huge integers exactly as a hostile broker would send them."""
    return json.dumps(value, allow_nan=True).encode()


NAN = float("nan")
COMMON_TEXT_HOSTILE: list[object] = [
    "",
    "   ",
    " ord_1",
    "ord_1 ",
    "ord\n1",
    "ord\x001",
    "ord\x7f1",
    ".",
    "..",
    None,
    [],
    {},
    NAN,
]

HOSTILE: dict[str, list[Any]] = {
    "topstepx": [0, -1, 2**63, 2**64, True, False, "9056", 9056.0, 1.5, [9056], {"id": 9056}, None, NAN],
    "crosstrade": [*COMMON_TEXT_HOSTILE, "a" * 65, "ab/cd", "ab cd", "ab?cd", 123, True],
    "tradestation": [*COMMON_TEXT_HOSTILE, "0", "-5", "00123", "12a", str(2**63), 0, -1, 2**63, True, 1.5],
    "sophic": [*COMMON_TEXT_HOSTILE, "a" * 256, "ord m4", "ord_é", 12, True],
}


def _success(case: h.Case, order_id: Any) -> h.Reply:
    if case.broker == "topstepx":
        return h.Reply(200, content=_raw_json({"orderId": order_id, "success": True, "errorCode": 0}))
    if case.broker == "crosstrade":
        return h.Reply(200, content=_raw_json({"orderId": order_id, "success": True}))
    if case.broker == "tradestation":
        key = "Id" if case.api_version == "20150101" else "OrderID"
        status = "Success" if case.api_version == "20150101" else "Ok"
        return h.Reply(200, content=_raw_json([{"Message": "Sent order", key: order_id, "OrderStatus": status}]))
    body = {**h.sophic_order(), "id": order_id}
    return h.Reply(201, content=_raw_json(body), headers={"content-type": "application/json"})


HOSTILE_CASES = [
    pytest.param(case, value, id=f"{case.id}-{value!r:.30}")
    for case in (h.TOPSTEPX, h.CROSSTRADE, h.TRADESTATION, h.TRADESTATION_GLOBAL, h.SOPHIC)
    for value in HOSTILE[case.broker]
]


@pytest.mark.parametrize(("case", "order_id"), HOSTILE_CASES)
def test_success_with_an_unusable_order_id_is_unknown(case: h.Case, order_id: Any) -> None:
    outcome = h.place(case, case.recorder(_success(case, order_id)), case.order_with(CID))
    assert type(outcome) is ob.PlacementUnknown, outcome
    assert outcome.order_may_exist is True
    assert outcome.client_order_id == CID
    assert outcome.origin in ("unusable_order_id", "decode")


@pytest.mark.parametrize(
    "envelope",
    [
        {"orderId": 9056, "success": True, "errorCode": False},
        {"orderId": 9056, "success": True, "errorCode": True},
        {"orderId": 9056, "success": False, "errorCode": True},
        {"orderId": 9056, "success": True, "errorCode": "0"},
        {"orderId": 9056, "success": True, "errorCode": 0.0},
        {"orderId": 9056, "success": "true", "errorCode": 0},
        {"orderId": 9056, "success": 1, "errorCode": 0},
        {"orderId": 9056, "success": True, "errorCode": 3},
        {"orderId": 9056, "success": None, "errorCode": 0},
    ],
)
def test_topstepx_hostile_success_markers_are_unknown(envelope: dict[str, Any]) -> None:
    """A boolean where an integer ``errorCode`` is documented must not pass as code 0 or 1."""
    outcome = h.place(h.TOPSTEPX, h.TOPSTEPX.recorder(h.reply(json=envelope)), h.TOPSTEPX.order_with(CID))
    assert type(outcome) is ob.PlacementUnknown, outcome


@pytest.mark.parametrize("success", ["true", 1, None, False])
def test_crosstrade_hostile_success_markers_are_unknown(success: Any) -> None:
    payload = {"orderId": "cb1fc8d4e1a84d29ae38fea964aaac8c", "success": success}
    outcome = h.place(h.CROSSTRADE, h.CROSSTRADE.recorder(h.reply(json=payload)), h.CROSSTRADE.order_with(CID))
    assert type(outcome) is ob.PlacementUnknown, outcome


# -- tolerant reading of fields the outcome does not need -----------------------------------------


def _sophic_with(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = copy.deepcopy(h.sophic_order())
    body.update(changes)
    return body


def _tolerated() -> list[Any]:
    """Acceptances whose other fields are malformed (read from the Sophic example while collecting)."""
    return [
        pytest.param(
            h.SOPHIC, h.Reply(201, json=_sophic_with(created_at="yesterday-ish")), "ord_m4k7r9s2", id="sophic-bad-date"
        ),
        pytest.param(
            h.SOPHIC, h.Reply(201, json=_sophic_with(instrument="ins_xyz789")), "ord_m4k7r9s2", id="sophic-bad-nested"
        ),
        pytest.param(
            h.SOPHIC,
            h.Reply(201, json={k: v for k, v in h.sophic_order().items() if k not in ("trades", "fees", "purpose")}),
            "ord_m4k7r9s2",
            id="sophic-missing-fields",
        ),
    ]


@cases(("case", "answer", "order_id"), _tolerated)
@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_success_with_malformed_other_fields_is_still_a_placed_order(
    case: h.Case, answer: h.Reply, order_id: str, async_: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="orderbridge")
    rec = case.recorder(answer)
    placed = h.place(case, rec, case.order_with(CID), async_=async_)
    assert isinstance(placed, ob.PlacedOrder), placed
    assert placed.order_id == order_id
    assert len(case.places(rec)) == 1, "an acceptance is final on the first attempt"
    assert isinstance(placed.raw, dict), "raw falls back to the decoded JSON"
    assert placed.warnings and all("did not match" in w for w in placed.warnings)
    logged = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "orderbridge"]
    assert logged, "the deviation is logged at WARNING"
    for record in logged:
        text = record.getMessage()
        assert case.token not in text
        for secret in case.credentials.values():
            assert secret not in text


def test_a_matching_answer_has_no_warnings(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="orderbridge")
    placed = h.place(h.SOPHIC, h.SOPHIC.recorder(), h.SOPHIC.order_with(CID))
    assert isinstance(placed, ob.PlacedOrder)
    assert placed.warnings == ()
    assert not [r for r in caplog.records if r.name == "orderbridge"]


def test_sophic_get_order_with_a_malformed_timestamp_still_reads_the_order() -> None:
    rec = h.SOPHIC.recorder()
    rec.set("GET", "/accounts/acc_abc123/orders/ord_m4k7r9s2", h.reply(json=_sophic_with(modified_at="soon")))
    found = h.run(h.open_session(h.SOPHIC, rec), "get_order", "ord_m4k7r9s2", account=h.SOPHIC.account)
    assert isinstance(found, ob.BrokerOrder), found
    assert found.order_id == "ord_m4k7r9s2"
    assert (found.status, found.broker_status) == (ob.OrderStatus.OPEN, "placed")
    assert found.warnings


def test_sophic_get_order_with_an_unusable_id_is_unexpected() -> None:
    rec = h.SOPHIC.recorder()
    rec.set("GET", "/accounts/acc_abc123/orders/ord_m4k7r9s2", h.reply(json=_sophic_with(id="")))
    error = h.run(h.open_session(h.SOPHIC, rec), "get_order", "ord_m4k7r9s2", account=h.SOPHIC.account)
    assert isinstance(error, ob.UnexpectedResponse), error


# -- one id rule, both directions -------------------------------------------------------------------


def _wire_ids(broker: str) -> st.SearchStrategy[Any]:
    rule = describe(broker).order_ids
    if rule.kind == "integer":
        return st.integers(min_value=-5, max_value=INT64_MAX + 5)
    alphabet = st.characters(codec="utf-8")
    return st.text(alphabet=alphabet, max_size=rule.max_length + 3)


@pytest.mark.parametrize("broker", sorted(BROKERS))
@given(data=st.data())
def test_every_usable_answer_id_is_accepted_by_get_and_cancel(broker: str, data: st.DataObject) -> None:
    """Property: whatever text ``order_id_from_wire`` returns, ``check_order_id`` accepts unchanged,
    and it also passes the session's own path-segment check."""
    value = data.draw(_wire_ids(broker))
    rule = describe(broker).order_ids
    text = order_id_from_wire(rule, value)
    if text is None:
        return
    assert check_order_id(rule, text, broker) == text
    assert text.strip() and len(text) <= MAX_ID_LENGTH and text not in (".", "..")
    assert not any(ord(c) < 32 or ord(c) == 127 for c in text)


@pytest.mark.parametrize(
    ("case", "order_id"),
    [
        (h.TOPSTEPX, "0"),
        (h.TOPSTEPX, "-3"),
        (h.TOPSTEPX, str(2**63)),
        (h.TOPSTEPX, "12 "),
        (h.TOPSTEPX, "0x10"),
        (h.CROSSTRADE, "ab/cd"),
        (h.CROSSTRADE, "a" * 65),
        (h.CROSSTRADE, "."),
        (h.TRADESTATION, "12a"),
        (h.TRADESTATION, "007"),
        (h.SOPHIC, "ord m4"),
        (h.SOPHIC, "a" * 256),
    ],
    ids=lambda v: v.id if isinstance(v, h.Case) else repr(v)[:24],
)
@pytest.mark.parametrize("method", ["get_order", "cancel_order"])
def test_hostile_ids_are_refused_before_sending(case: h.Case, order_id: str, method: str) -> None:
    rec = case.recorder()
    error = h.run(h.open_session(case, rec), method, order_id, account=case.account)
    if case.broker == "sophic" and method == "cancel_order":
        assert isinstance(error, (ob.NotSupported, ob.InvalidOrder)), error  # no cancel endpoint at all
    else:
        assert isinstance(error, ob.InvalidOrder), error
        assert error.field == "order_id"
    assert [r for r in rec.requests if r.url.path != case.login_path] == []
    if case.login_path is None:
        h.assert_nothing_sent(rec)


@pytest.mark.parametrize("async_", [False, True], ids=["sync", "async"])
def test_the_sophic_order_guide_201_is_a_placed_order_on_the_first_attempt(async_: bool) -> None:
    """Outside truth: the 201 body of Sophic's order guide, verbatim from the payload corpus
    (it has no ``is_cancellable``, which the vendor's OpenAPI document requires)."""
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "payloads" / "sophic" / "place_order_201_guide.json"
    guide = json.loads(corpus.read_text(encoding="utf-8"))["body"]
    assert "is_cancellable" not in guide
    rec = h.SOPHIC.recorder(h.reply(201, json=guide))
    placed = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID), async_=async_)
    assert isinstance(placed, ob.PlacedOrder), placed
    assert (placed.order_id, placed.status, placed.client_order_id) == ("ord_m4k7r9s2", "placed", CID)
    assert placed.warnings == ()
    assert len(h.SOPHIC.places(rec)) == 1


def test_an_unusable_answer_goes_through_the_attempt_policy() -> None:
    """Sophic replays a placement for the same Idempotency-Key, so an answer without a usable id
    is retried like an undecodable one; TopstepX does not deduplicate, so it is never retried."""
    rec = h.SOPHIC.recorder([h.reply(201, json={**h.sophic_order(), "id": ""}), h.reply(201, json=h.sophic_order())])
    placed = h.place(h.SOPHIC, rec, h.SOPHIC.order_with(CID))
    assert isinstance(placed, ob.PlacedOrder) and placed.order_id == "ord_m4k7r9s2"
    assert [h.SOPHIC.cid_of(r) for r in h.SOPHIC.places(rec)] == [CID, CID]
    rec = h.TOPSTEPX.recorder(
        [
            h.reply(json={"orderId": 0, "success": True, "errorCode": 0}),
            h.TOPSTEPX.routes[("POST", h.TOPSTEPX.place_path)],
        ]
    )
    outcome = h.place(h.TOPSTEPX, rec, h.TOPSTEPX.order_with(CID))
    assert type(outcome) is ob.PlacementUnknown
    assert len(h.TOPSTEPX.places(rec)) == 1


def test_tradestation_listing_with_one_malformed_order_still_reads_the_order() -> None:
    listing = [
        {"OrderID": 207887693, "Status": "OPN", "ExecuteQuantity": 0, "Symbol": "MSFT", "Legs": "not-a-list"},
        {"OrderID": 207887700, "Status": "FLL", "ExecuteQuantity": 10, "Symbol": "MSFT"},
    ]
    rec = h.TRADESTATION.recorder()
    rec.set("GET", "/v2/accounts/123456/orders", h.reply(json=listing))
    found = h.run(h.open_session(h.TRADESTATION, rec), "get_order", "207887700", account=h.TRADESTATION.account)
    assert isinstance(found, ob.BrokerOrder), found
    assert (found.order_id, found.broker_status, found.filled_quantity) == ("207887700", "FLL", Decimal(10))
    assert found.warnings and isinstance(found.raw, dict)
