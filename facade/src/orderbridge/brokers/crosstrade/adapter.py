"""CrossTrade (NinjaTrader 8 bridge) adapter (``specs/crosstrade.yaml``; CrossTrade API docs, crosstrade.io/docs/api).

Wire facts this module encodes:

* ``POST /v1/api/accounts/{account}/orders/place`` (or ``/flatplace`` for
  ``Order.flatten_first``: close the instrument's position and working orders, then place);
* ``action`` BUY/SELL, ``orderType`` MARKET/LIMIT/STOPMARKET/STOPLIMIT, ``timeInForce`` DAY/GTC
  (required; ``None`` on the Order means DAY), integer ``quantity``, prices as JSON numbers;
* our client order id goes in the custom ``orderId`` field and can be used to read the order
  back (CrossTrade docs: PlaceOrder), which is how :meth:`resolve` works;
* errors are ``{"error": ...}`` (optionally ``success``/``detail``); 400 is a definitive
  refusal; 408 means the NinjaTrader bridge did not answer in time — the outcome is unknown;
* the bearer token is the user's fixed secret key: no login request.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

from crosstrade_client import AuthenticatedClient
from crosstrade_client.api.accounts import get_account
from crosstrade_client.api.executions import list_executions
from crosstrade_client.api.orders import (
    cancel_order,
    cancel_orders,
    change_order,
    flat_place_order,
    get_order,
    list_orders,
    place_order,
)
from crosstrade_client.api.positions import close_position, flatten_positions, list_positions
from crosstrade_client.models import (
    Account,
    CancelOrdersRequest,
    CancelOrdersResponse,
    ChangeOrderRequest,
    ClosedPositionsResponse,
    ClosePositionRequest,
    EmptyRequest,
    ErrorResponse,
    ExecutionList,
    FlattenPositionsRequest,
    OrderIdResponse,
    OrderList,
    PlaceOrderRequest,
    PositionList,
)
from crosstrade_client.models import Order as CrossTradeOrder

from ..._account import (
    Balance,
    Fill,
    ItemOutcome,
    Modification,
    Position,
    PositionFields,
    Reader,
    by_time,
    exact_json,
    fill_from,
    position_from,
)
from ..._adapter import (
    Adapter,
    BrokerOrder,
    answered,
    answered_with_id,
    as_sent,
    build_request,
    order_body,
    placement_found,
    wire_fields,
)
from ..._errors import OrderNotFound, OrderRejected, rejected, unexpected, unknown
from ..._groups import GroupResult
from ..._models import Order, OrderType, PlacedOrder, Settings, Side, TimeInForce
from ..._orders import object_at
from ..._wire import Call, Flow, Grant, Sent, Undecoded, answer_field, operation, plain, wire_number
from . import DESCRIPTION, groups
from .orders import ORDER_SHAPE

ACTIONS = {Side.BUY: "BUY", Side.SELL: "SELL"}
TYPES = {
    OrderType.MARKET: "MARKET",
    OrderType.LIMIT: "LIMIT",
    OrderType.STOP: "STOPMARKET",
    OrderType.STOP_LIMIT: "STOPLIMIT",
}
TIME_IN_FORCE = {TimeInForce.DAY: "DAY", TimeInForce.GTC: "GTC"}
PRICES = {"limit_price": "limitPrice", "stop_price": "stopPrice"}
"""Prices, sent as JSON numbers (:meth:`number`)."""
EXTRAS = ("ocoId", "strategy", "requireMarketPosition", "maxPositions")

_MACHINE_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
_NOT_FOUND = re.compile(r"not found", re.IGNORECASE)
NOT_FOUND_CODES = frozenset({"not_found", "order_not_found"})
DOCUMENTED_CODES = frozenset({"invalid_account"})
"""Machine codes the CrossTrade error reference documents (``specs/crosstrade.yaml``: only
``invalid_account`` is known); any other is quoted in no ``str()``."""


class CrossTradeAdapter(Adapter):
    """CrossTrade REST v1: the flows of specs/crosstrade.yaml (see the module docstring).

    The whole order life in one class: place, get, cancel, resolve, and modify, open orders, positions,
    balances, fills, close, cancel-all and flatten (specs/crosstrade.yaml).

    Balances come from ``GET accounts/{account}``: ``cash`` is NinjaTrader's ``CashValue``,
    ``buying_power`` its ``BuyingPower`` and ``equity`` its ``NetLiquidation`` (all under
    ``item``), in the account's ``denomination``.
    """

    description = DESCRIPTION
    client_class = AuthenticatedClient

    def validate(self, order: Order, account: str) -> None:
        wire_fields(order, PRICES, self.number)

    def number(self, value: Decimal, field: str) -> float:
        """A price as the JSON number CrossTrade takes (exactly, or :class:`InvalidOrder`)."""
        return wire_number(value, field, self.name)

    def login(self, settings: Settings, current: str | None) -> Flow[Grant]:
        return (yield from self.static_token(settings, "token"))

    def place_request(self, order: Order) -> PlaceOrderRequest:
        """The ``PlaceOrderRequest`` body shared by ``place_order`` and ``flat_place_order``."""
        assert order.quantity is not None and order.client_order_id is not None
        wire: dict[str, Any] = {
            "instrument": order.instrument,
            "action": ACTIONS[order.side],
            "quantity": int(order.quantity),
            "orderType": TYPES[order.type],
            "timeInForce": TIME_IN_FORCE[order.time_in_force or TimeInForce.DAY],
            "orderId": order.client_order_id,
        }
        return order_body(
            PlaceOrderRequest, wire, order, prices=PRICES, number=self.number, extras=EXTRAS, broker=self.name
        )

    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]:
        cid = order.client_order_id
        operation, what = (
            (FLAT_PLACE_ORDER, "orders/flatplace") if order.flatten_first else (PLACE_ORDER, "orders/place")
        )
        sent = yield Call.moving(operation, {"account": account, "body": self.place_request(order)}, what)
        body = sent.parsed
        if sent.status == 200:
            fields = _id_response(body)
            if fields is None:
                raise unknown(self.name, cid, "decode", what, status_code=200)
            success, raw_id = fields
            if success is not True:
                raise unknown(self.name, cid, "inconsistent", what, status_code=200)
            order_id = self.usable_order_id(raw_id)
            if order_id is None:
                raise unknown(self.name, cid, "unusable_order_id", what, status_code=200)
            return self.placed(sent, what, OrderIdResponse, account=account, order_id=order_id, cid=cid)
        if sent.status in (400, 404) and isinstance(body, ErrorResponse):
            raise self._refusal(sent, body, what, cid)
        raise self.fail(sent, what, money_moving=True, client_order_id=cid)

    def place_oco(self, pair: tuple[Order, Order], account: str, settings: Settings) -> Flow[GroupResult]:
        """Two placements sharing one new ``ocoId`` (:mod:`.groups`)."""
        return (yield from groups.place_oco(self, pair, account, settings))

    def get_order(self, order_id: str, account: str, settings: Settings) -> Flow[BrokerOrder]:
        what = "orders/get"
        order_id = self.check_order_id(order_id)
        sent = yield Call.read(GET_ORDER, {"account": account, "order_id": order_id}, what)
        body = sent.parsed
        if sent.status == 200 and isinstance(body, (CrossTradeOrder, Undecoded)):
            found = self._broker_order(body, account, self.deviations(what, body, CrossTradeOrder), sent.data)
            if found is not None:
                return found
        if sent.status in (400, 404) and isinstance(body, ErrorResponse):
            raise self._refusal(sent, body, what, None)
        raise self.fail(sent, what, money_moving=False)

    def cancel(self, order_id: str, account: str, settings: Settings) -> Flow[None]:
        what = "orders/cancel"
        order_id = self.check_order_id(order_id)
        sent = yield Call.moving(CANCEL_ORDER, {"account": account, "order_id": order_id, "body": EmptyRequest()}, what)
        body = sent.parsed
        if sent.status == 200:
            fields = _id_response(body)
            if fields is None or fields[0] is not True:
                raise unknown(self.name, None, "decode" if fields is None else "inconsistent", what)
            self.deviations(what, body, OrderIdResponse)
            return None
        if sent.status in (400, 404) and isinstance(body, ErrorResponse):
            raise self._refusal(sent, body, what, None)
        raise self.fail(sent, what, money_moving=True)

    def resolve(
        self, client_order_id: str, account: str, settings: Settings, recorded: Order | None
    ) -> Flow[PlacedOrder | None]:
        try:
            found = yield from self.get_order(client_order_id, account, settings)
        except OrderNotFound:
            return None
        return placement_found(found, client_order_id)

    # -- helpers ----------------------------------------------------------------------------------
    def _refusal(self, sent: Sent, body: ErrorResponse, what: str, cid: str | None) -> OrderRejected:
        """400/404 body -> OrderRejected, or OrderNotFound when it says the order does not exist.

        The newest references send a machine code in ``error`` (``invalid_account``) with the
        text in ``detail``; older pages send only text in ``error`` (CrossTrade docs: errors).
        """
        error = body.error if isinstance(body.error, str) else None
        detail = plain(body.detail)
        machine = error if error and _MACHINE_CODE.match(error) else None
        text = detail if isinstance(detail, str) else (None if machine else error)
        not_found = (
            sent.status == 404
            or (machine in NOT_FOUND_CODES)
            or (machine is None and text is not None and bool(_NOT_FOUND.search(text)))
        )
        # The machine code is the broker's text: quoted in str() only when CrossTrade documents it.
        return rejected(
            self.name,
            what,
            code=sent.status,
            code_name=machine or ("not_found" if not_found else "bad_request"),
            documented=machine is None or machine in DOCUMENTED_CODES,
            not_found=not_found,
            broker_message=text,
            client_order_id=cid,
            raw=body,
        )

    def _broker_order(
        self, body: CrossTradeOrder | Undecoded, account: str, warnings: tuple[str, ...], data: Any = None
    ) -> BrokerOrder | None:
        """The order read (typed, or its decoded JSON); ``None`` when ``orderId`` is unusable.
        Every other field is read best-effort from ``data``, the answer as decoded once (exact
        decimals), through :data:`~orderbridge.brokers.crosstrade.orders.ORDER_SHAPE`."""
        raw_id: object
        raw: object
        if isinstance(body, CrossTradeOrder):
            raw_id, raw = body.order_id, body
        elif isinstance(body.data, dict):
            raw_id, raw = body.data.get("orderId"), body.data
        else:
            return None
        order_id = self.usable_order_id(raw_id)
        if order_id is None:
            return None
        return self.broker_order(
            ORDER_SHAPE, object_at(data), account=account, order_id=order_id, raw=raw, warnings=warnings
        )

    def modify(self, order_id: str, account: str, change: Modification, settings: Settings) -> Flow[BrokerOrder]:
        what = "orders/change"
        wire: dict[str, Any] = {}
        if change.quantity is not None:
            wire["quantity"] = int(change.quantity)
        wire.update(wire_fields(change, PRICES, self.number))
        sent = yield Call.moving(
            CHANGE_ORDER,
            {
                "account": account,
                "order_id": order_id,
                "body": build_request(ChangeOrderRequest, wire, self.name, extras=False),
            },
            what,
        )
        body = sent.parsed
        if sent.status == 200:
            fields = _id_response(body)
            new_id = self.usable_order_id(fields[1]) if fields is not None and fields[0] is True else None
            if new_id is not None:
                return BrokerOrder(
                    broker=self.name,
                    account=account,
                    order_id=new_id,
                    raw=as_sent(body),
                    warnings=self.deviations(what, body, OrderIdResponse),
                )
            raise unknown(self.name, None, "decode", what, status_code=200)
        if sent.status in (400, 404) and isinstance(body, ErrorResponse):
            raise self._refusal(sent, body, what, None)
        raise self.fail(sent, what, money_moving=True)

    def open_orders(self, account: str, settings: Settings) -> Flow[list[BrokerOrder]]:
        what = "orders/list"
        sent = yield Call.read(list_orders, {"account": account}, what)
        rows = self._rows(sent, what, "orders", (OrderList, list))
        out = []
        for row in rows:
            order = self.broker_order(ORDER_SHAPE, row.row, account=account, order_id=row.need_text("orderId"))
            if order.status.is_terminal:
                continue  # an order whose state is undocumented stays listed: it may work
            out.append(order)
        return out

    def positions(self, account: str, settings: Settings) -> Flow[list[Position]]:
        what = "positions/list"
        sent = yield Call.read(list_positions, {"account": account}, what)
        out = []
        for row in self._rows(sent, what, "positions", (PositionList, list)):
            if row.row.get("marketPosition") == "Flat":
                continue
            out.append(position_from(row, POSITION_FIELDS, self.name, account))
        return out

    def balances(self, account: str, settings: Settings) -> Flow[Balance]:
        what = "accounts/get"
        sent = yield Call.read(get_account, {"account": account}, what)
        body = sent.parsed
        if sent.status in (400, 404) and isinstance(body, ErrorResponse):
            raise self._account_refusal(sent, body, what)
        if sent.status != 200 or not isinstance(body, Account):
            raise self.fail(sent, what, money_moving=False)
        data = Reader(exact_json(sent, self.name, what), self.name, what, sent.content)
        item = data.row.get("item")
        money = Reader(item if isinstance(item, dict) else {}, self.name, what, sent.content)
        denomination = data.maybe_text("denomination")
        return Balance(
            broker=self.name,
            account=account,
            currency=CURRENCIES.get(denomination or ""),
            cash=money.maybe_decimal("cashValue", strict=True),
            buying_power=money.maybe_decimal("buyingPower", strict=True),
            equity=money.maybe_decimal("netLiquidation", strict=True),
            raw=body,
        )

    def fills(self, account: str, since: dt.datetime | None, settings: Settings) -> Flow[list[Fill]]:
        """GET executions. ``epoch`` is Unix milliseconds (UTC by definition); one outside
        datetime's range leaves ``time`` ``None`` with a warning on the fill. A ``quantity``
        that is not positive is :class:`UnexpectedResponse` naming ``quantity``."""
        what = "executions/list"
        lookback = MAX_LOOKBACK
        if since is not None:
            seconds = math.ceil((dt.datetime.now(dt.UTC) - since).total_seconds())
            lookback = min(MAX_LOOKBACK, max(1, seconds))
        sent = yield Call.read(list_executions, {"account": account, "lookback_time": lookback}, what)
        out = []
        for row in self._rows(sent, what, "executions", (ExecutionList,)):
            side = row.need_member("marketPosition", EXECUTION_SIDES)
            time = row.maybe_epoch_ms("epoch")
            if since is not None and time is not None and time < since:
                continue
            order_id = row.need_text("orderId")
            out.append(
                fill_from(row, self.name, account, order_id=order_id, side=side, time=time, instrument="instrument")
            )
        return by_time(out)

    def close_position(self, instrument: str, account: str, quantity: Decimal | None, settings: Settings) -> Flow[None]:
        what = "positions/close"
        wire: dict[str, Any] = {"instrument": instrument}
        if quantity is not None:
            wire["quantity"] = int(quantity)
        sent = yield Call.moving(
            close_position,
            {"account": account, "body": build_request(ClosePositionRequest, wire, self.name, extras=False)},
            what,
        )
        self._accepted(sent, what, ClosedPositionsResponse)
        return None

    def cancel_all(self, account: str, settings: Settings) -> Flow[list[ItemOutcome]]:
        what = "orders/cancel (account)"
        sent = yield Call.moving(cancel_orders, {"account": account, "body": CancelOrdersRequest()}, what)
        body = self._accepted(sent, what, CancelOrdersResponse)
        ids = plain(body.order_ids)
        if not isinstance(ids, list):
            return [ItemOutcome.done("cancel", "*")]
        return [ItemOutcome.done("cancel", str(order_id)) for order_id in ids]

    def close_all(self, account: str, settings: Settings) -> Flow[list[ItemOutcome]]:
        what = "positions/flatten"
        sent = yield Call.moving(flatten_positions, {"account": account, "body": FlattenPositionsRequest()}, what)
        self._accepted(sent, what, ClosedPositionsResponse)
        data = exact_json(sent, self.name, what)
        closed = data.get("closedPositions") if isinstance(data, dict) else None
        if not isinstance(closed, list):
            return [ItemOutcome.done("close", "*")]
        items = []
        for row in closed:
            instrument = row.get("instrument") if isinstance(row, dict) else None
            items.append(ItemOutcome.done("close", instrument if isinstance(instrument, str) else "*"))
        return items

    # -- helpers --------------------------------------------------------------------------------
    def _accepted(self, sent: Sent, what: str, body_cls: type) -> Any:
        """A money-moving answer: the body on ``success: true``, else the refusal or unknown."""
        body = sent.parsed
        if sent.status == 200:
            if isinstance(body, body_cls) and getattr(body, "success", None) is True:
                return body
            raise unknown(self.name, None, "decode" if not isinstance(body, body_cls) else "inconsistent", what)
        if sent.status in (400, 404) and isinstance(body, ErrorResponse):
            raise self._refusal(sent, body, what, None)
        raise self.fail(sent, what, money_moving=True)

    def _account_refusal(self, sent: Sent, body: ErrorResponse, what: str) -> OrderRejected:
        """An account-level read refused (unknown account, bad request): never "order not found"."""
        error = self._refusal(sent, body, what, None)
        if isinstance(error, OrderNotFound):
            code_name = error.code_name
            return rejected(
                self.name,
                what,
                code=error.code,
                code_name=code_name,
                documented=code_name in DOCUMENTED_CODES or code_name == "not_found",
                broker_message=error.broker_message,
            )
        return error

    def _rows(self, sent: Sent, what: str, key: str, shapes: tuple[type, ...]) -> list[Reader]:
        """A list read (wrapper object or bare array), each row from the exact JSON text."""
        body = sent.parsed
        if sent.status in (400, 404) and isinstance(body, ErrorResponse):
            raise self._account_refusal(sent, body, what)
        if sent.status != 200 or not isinstance(body, shapes):
            raise self.fail(sent, what, money_moving=False)
        data = exact_json(sent, self.name, what)
        rows = data.get(key) if isinstance(data, dict) else data
        if not isinstance(rows, list):
            raise unexpected(self.name, f"{what}: no {key!r} list", sent.status, sent.content)
        return [Reader(row, self.name, what, sent.content) for row in rows]


# -- the rest of an order's life (modify, reads, close, cancel-all, flatten) -----------------------
POSITION_SIGN = {"Long": 1, "Short": -1}
POSITION_FIELDS = PositionFields(
    side="marketPosition",
    signs=POSITION_SIGN,
    instrument="instrument",
    quantity="quantity",
    average_price="averagePrice",
)
"""A NinjaTrader position row (``positions/list``)."""
EXECUTION_SIDES = {"Long": Side.BUY, "Short": Side.SELL}
"""NinjaTrader ``Execution.MarketPosition`` is the execution's direction: Long for a buy,
Short for a sell (NinjaTrader 8 help, "Execution")."""
MAX_LOOKBACK = 900
"""Seconds of executions the bridge keeps (``lookbackTime`` maximum, CrossTrade get-executions)."""
CURRENCIES = {"UsDollar": "USD", "Euro": "EUR", "BritishPound": "GBP", "CanadianDollar": "CAD", "JapaneseYen": "JPY"}
"""NinjaTrader ``Currency`` names -> ISO 4217."""


def _id_response(body: object) -> tuple[object, object] | None:
    """(success, orderId) of an ``OrderIdResponse``, typed or decoded; ``None`` for another body
    or when ``success`` is not a JSON boolean (the marker the outcome is read from)."""
    success: object
    order_id: object
    if isinstance(body, OrderIdResponse):
        success, order_id = body.success, body.order_id
    elif isinstance(body, Undecoded) and isinstance(body.data, dict):
        success, order_id = body.data.get("success"), body.data.get("orderId")
    else:
        return None
    return (success, order_id) if type(success) is bool else None


def _id_acceptance(parsed: object, data: Any) -> tuple[bool, object] | None:
    """(accepted, orderId) of a 2xx ``{orderId, success}``; ``None`` without a boolean ``success``."""
    fields = _id_response(parsed)
    return None if fields is None else (fields[0] is True, fields[1])


def _order_found(parsed: object, data: Any) -> tuple[bool, object]:
    """A 2xx order read is an order found: it needs a usable ``orderId``."""
    return True, answer_field(parsed, CrossTradeOrder, "order_id", "orderId")


_ID_ANSWER = answered_with_id(_id_acceptance, DESCRIPTION.order_ids)
PLACE_ORDER = operation(place_order, _ID_ANSWER)
FLAT_PLACE_ORDER = operation(flat_place_order, _ID_ANSWER)
GET_ORDER = operation(get_order, answered_with_id(_order_found, DESCRIPTION.order_ids))
CANCEL_ORDER = operation(cancel_order, answered(_id_acceptance))
CHANGE_ORDER = operation(change_order, _ID_ANSWER)
ADAPTER = CrossTradeAdapter()
