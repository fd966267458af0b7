"""TopstepX brackets: ``Order/place`` with ``takeProfitBracket`` / ``stopLossBracket``.

ProjectX Gateway API docs, Order/place: each bracket is ``{ticks, type}``, a protective order
``ticks`` away from the entry's fill, accepted only when the account uses "Auto OCO Brackets"
(in the default "Position Brackets" mode the order is refused with code 2, and still gets an
order id). The docs do not say which sign a tick count takes; community clients sign it by
direction (a long's stop negative and target positive, the other way round for a short), which
is exactly ``(price - entry price) / tick size``, so that is what is sent (the spec's Source
note 18). The take-profit is a Limit (type 1), the stop-loss a Stop (type 4).

Absolute prices become ticks with the contract's ``tickSize`` (``Contract/searchById``),
measured from the entry's own price (its limit, else its stop price); a market entry has no
price to measure from and is refused before anything is sent. A price that is not a whole
number of ticks away is refused, naming it; nothing is rounded. The Gateway has no OCO between
two orders, so ``place_oco`` is not offered here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Protocol

import attrs
from topstepx_client.api.contract import search_contract_by_id
from topstepx_client.models import SearchContractByIdErrorCode, SearchContractByIdRequest

from ..._account import exact_json, to_wire_decimal
from ..._adapter import Placing
from ..._errors import InvalidOrder, OrderbridgeError, rejected, unexpected
from ..._groups import BracketPlan, BracketResult, Leg, LegRole, ticks
from ..._models import Settings
from ..._wire import Call, Flow, Sent, enum_name


class _Placing(Placing, Protocol):
    """What this broker's group flows need beyond :class:`~orderbridge._adapter.Placing`."""

    def fail(self, sent: Sent, what: str, *, money_moving: bool) -> OrderbridgeError: ...


TAKE_PROFIT_TYPE = 1
"""``OrderType`` Limit (ProjectX docs, Order/place)."""
STOP_LOSS_TYPE = 4
"""``OrderType`` Stop."""
INT32_MAX = 2**31 - 1


def place_bracket(adapter: _Placing, plan: BracketPlan, account: str, settings: Settings) -> Flow[BracketResult]:
    """The flow of :meth:`Session.place_bracket` at TopstepX (see the module docstring)."""
    reference = plan.reference
    if reference is None:
        raise InvalidOrder(
            "TopstepX brackets are tick offsets from the entry's price, and a market entry has none: "
            "use a limit or stop entry",
            field="type",
            broker=adapter.name,
        )
    for key in ("takeProfitBracket", "stopLossBracket"):
        if key in plan.entry.extras:
            raise InvalidOrder(f"extras {key} is set by place_bracket; remove it", field="extras", broker=adapter.name)
    instrument = plan.entry.instrument
    what = "Contract/searchById"
    request = SearchContractByIdRequest(contract_id=instrument)
    sent = yield Call.read(search_contract_by_id, {"body": request}, what)
    tick = _tick_size(adapter, sent, what)
    extras: dict[str, Any] = dict(plan.entry.extras)
    for field, leg, key, type_code in (
        ("take_profit", plan.take_profit, "takeProfitBracket", TAKE_PROFIT_TYPE),
        ("stop_loss", plan.stop_loss, "stopLossBracket", STOP_LOSS_TYPE),
    ):
        if leg is None:
            continue
        price = leg.limit_price if type_code == TAKE_PROFIT_TYPE else leg.stop_price
        assert price is not None
        count = ticks(price, reference, tick, field, instrument)
        if abs(count) > INT32_MAX:
            raise InvalidOrder(f"{field} is too many ticks away for TopstepX", field=field, broker=adapter.name)
        extras[key] = {"ticks": count, "type": type_code}
    placed = yield from adapter.place(attrs.evolve(plan.entry, extras=extras), account, settings)
    legs = [Leg(role=LegRole.ENTRY, order=plan.entry, result=placed)]
    legs += [Leg(role=role, order=order) for role, order in plan.legs if role is not LegRole.ENTRY]
    return BracketResult(broker=adapter.name, account=account, legs=tuple(legs), raw=placed.raw)


def _tick_size(adapter: _Placing, sent: Sent, what: str) -> Decimal:
    """The contract's ``tickSize``, read from the exact JSON text (never through a float)."""
    if sent.status != 200:
        raise adapter.fail(sent, what, money_moving=False)
    body = exact_json(sent, adapter.name, what)
    if not isinstance(body, dict) or not isinstance(body.get("success"), bool):
        raise unexpected(adapter.name, what, sent.status, sent.content)
    code = body.get("errorCode")
    if body["success"] is not True:
        raise rejected(
            adapter.name,
            what,
            code=code,
            code_name=enum_name(SearchContractByIdErrorCode, code),
            broker_message=body.get("errorMessage") if isinstance(body.get("errorMessage"), str) else None,
        )
    contract = body.get("contract")
    raw = contract.get("tickSize") if isinstance(contract, dict) else None
    # A JSON number only (the spec's type), read from the broker's own digits.
    tick = to_wire_decimal(raw) if isinstance(raw, (int, float)) else None
    if tick is None or not tick > 0:
        raise unexpected(adapter.name, f"{what}: contract.tickSize", sent.status, sent.content)
    return tick
