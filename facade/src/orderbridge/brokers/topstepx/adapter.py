"""TopstepX / ProjectX Gateway adapter (``specs/topstepx.yaml``; ProjectX Gateway API docs, gateway.docs.projectx.com).

Wire facts this module encodes:

* every call is ``POST /api/...`` with a JSON body; business errors are HTTP 200 with
  ``success: false`` and an endpoint-specific integer ``errorCode`` (ProjectX docs, response envelope) — a 200 is
  never taken as success on its own, and a rejected place may still carry an ``orderId``;
* side 0 Bid (buy) / 1 Ask (sell); type 1 Limit, 2 Market, 4 Stop, 5 TrailingStop (3
  StopLimit is not documented as placeable); integer ``size``; no time in force; prices are
  JSON numbers; the client order id goes in ``customTag`` (unique per account);
* tokens: ``Auth/loginKey`` once, valid 24 h, renewed with ``Auth/validate`` (``newToken``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from topstepx_client import AuthenticatedClient
from topstepx_client.api.account import search_accounts
from topstepx_client.api.auth import login_key, validate_session
from topstepx_client.api.order import (
    cancel_order,
    modify_order,
    place_order,
    search_open_orders,
    search_order_by_id,
    search_orders,
)
from topstepx_client.api.position import close_position, partial_close_position, search_open_positions
from topstepx_client.api.trade import search_trades
from topstepx_client.models import (
    CancelOrderErrorCode,
    CancelOrderRequest,
    CancelOrderResponse,
    CloseContractPositionRequest,
    ClosePositionErrorCode,
    ClosePositionResponse,
    LoginApiKeyRequest,
    LoginErrorCode,
    LoginResponse,
    ModifyOrderErrorCode,
    ModifyOrderRequest,
    ModifyOrderResponse,
    OrderModel,
    PartialCloseContractPositionRequest,
    PartialClosePositionErrorCode,
    PartialClosePositionResponse,
    PlaceOrderErrorCode,
    PlaceOrderRequest,
    PlaceOrderResponse,
    ProblemDetails,
    SearchAccountErrorCode,
    SearchAccountRequest,
    SearchAccountResponse,
    SearchHalfTradeResponse,
    SearchOpenOrderRequest,
    SearchOrderByIdErrorCode,
    SearchOrderByIdRequest,
    SearchOrderByIdResponse,
    SearchOrderErrorCode,
    SearchOrderRequest,
    SearchOrderResponse,
    SearchPositionErrorCode,
    SearchPositionRequest,
    SearchPositionResponse,
    SearchTradeErrorCode,
    SearchTradeRequest,
    ValidateResponse,
)

from ..._account import Balance, Fill, Modification, Position, Reader, by_time, exact_json
from ..._adapter import (
    Adapter,
    BrokerOrder,
    answered,
    answered_with_id,
    build_request,
    order_body,
    placement_found,
    wire_fields,
)
from ..._errors import InvalidOrder, OrderRejected, auth_refused, rejected, unexpected, unknown
from ..._groups import BracketPlan, BracketResult
from ..._models import Order, OrderType, PlacedOrder, Settings, Side, check_order_id
from ..._orders import object_at
from ..._wire import (
    Call,
    Flow,
    Grant,
    Sent,
    Token,
    Undecoded,
    Usable,
    answer_field,
    enum_name,
    operation,
    plain,
    wire_number,
)
from . import DESCRIPTION, groups
from .orders import ORDER_SHAPE

TOKEN_LIFETIME = 24 * 3600.0
"""Session token lifetime in seconds (ProjectX docs, authenticate)."""
RESOLVE_LOOKBACK = dt.timedelta(days=7)
"""How far back ``resolve`` searches orders for the customTag."""

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
SIDES = {Side.BUY: 0, Side.SELL: 1}
TYPES = {OrderType.LIMIT: 1, OrderType.MARKET: 2, OrderType.STOP: 4, OrderType.TRAILING_STOP: 5}
PRICES = {"limit_price": "limitPrice", "stop_price": "stopPrice", "trail_price": "trailPrice"}
"""Prices, sent as JSON numbers (:meth:`number`)."""
EXTRAS = ("stopLossBracket", "takeProfitBracket", "linkedOrderId")

# Outcome tables: which documented errorCodes are definitive refusals. Every other code —
# the documented pending/unknown ones and any code we do not know — is OutcomeUnknown.
# *_UNKNOWN lists the documented codes left unknown on purpose, so that every code of the spec's
# enum is classified one way or the other (tools/facade_ties.py checks it against the spec).
PLACE_DEFINITIVE = frozenset({1, 2, 3, 4, 5, 8, 9, 10})
PLACE_UNKNOWN = frozenset({6, 7})  # OrderPending, UnknownError
CANCEL_DEFINITIVE = frozenset({1, 2, 3, 6})
CANCEL_UNKNOWN = frozenset({4, 5})  # Pending, UnknownError
NOT_FOUND_NAMES = frozenset({"ORDER_NOT_FOUND"})


class TopstepXAdapter(Adapter):
    """TopstepX / ProjectX Gateway: the flows of specs/topstepx.yaml (see the module docstring).

    The whole order life in one class: place, get, cancel, resolve, and modify, open orders, positions,
    balances, fills and close (specs/topstepx.yaml).
    Balances come from ``Account/search``: ``balance`` is the account's cash balance in USD
    (the Gateway's only money field); TopstepX reports no buying power or equity, so those are
    ``None``.
    """

    description = DESCRIPTION
    client_class = AuthenticatedClient

    def validate(self, order: Order, account: str) -> None:
        _account_id(account)
        if order.quantity is not None and order.quantity > INT32_MAX:
            raise InvalidOrder(
                f"quantity {order.quantity} exceeds TopstepX's int32 size", field="quantity", broker=self.name
            )
        wire_fields(order, PRICES, self.number)

    def number(self, value: Decimal, field: str) -> float:
        """A price as the JSON number the Gateway takes (exactly, or :class:`InvalidOrder`)."""
        return wire_number(value, field, self.name)

    # -- auth ---------------------------------------------------------------------------------
    def login(self, settings: Settings, current: str | None) -> Flow[Grant]:
        if current:
            sent = yield Call.read(validate_session, {}, "Auth/validate", Token.CURRENT)
            body = sent.parsed
            if sent.status == 200 and isinstance(body, ValidateResponse) and body.success is True:
                token = plain(body.new_token)
                if isinstance(token, str) and token:
                    return Grant(token, TOKEN_LIFETIME)
        request = LoginApiKeyRequest(user_name=settings.secret("username"), api_key=settings.secret("api_key"))
        sent = yield Call.read(login_key, {"body": request}, "Auth/loginKey", Token.NONE)
        body = sent.parsed
        if sent.status == 200 and isinstance(body, LoginResponse):
            token = plain(body.token)
            if body.success is True and isinstance(token, str) and token:
                return Grant(token, TOKEN_LIFETIME)
            code = plain(body.error_code)
            name = enum_name(LoginErrorCode, code)
            raise auth_refused(
                self.name,
                "Auth/loginKey",
                code=code,
                code_name=name,
                documented=name is not None,
                broker_message=plain(body.error_message),
            )
        if sent.status == 400:
            raise auth_refused(self.name, "Auth/loginKey (the request body)", code=400, code_name="BadRequest")
        raise self.fail(sent, "Auth/loginKey", money_moving=False, secret_body=True)

    # -- place --------------------------------------------------------------------------------
    def place_request(self, order: Order, account: str) -> PlaceOrderRequest:
        """The ``PlaceOrderRequest`` for ``order`` (spec operation ``place_order``)."""
        assert order.quantity is not None and order.client_order_id is not None
        wire: dict[str, Any] = {
            "accountId": _account_id(account),
            "contractId": order.instrument,
            "type": TYPES[order.type],
            "side": SIDES[order.side],
            "size": int(order.quantity),
            "customTag": order.client_order_id,
        }
        return order_body(
            PlaceOrderRequest, wire, order, prices=PRICES, number=self.number, extras=EXTRAS, broker=self.name
        )

    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]:
        cid = order.client_order_id
        what = "Order/place"
        sent = yield Call.moving(PLACE_ORDER, {"body": self.place_request(order, account)}, what)
        if sent.status == 400:
            raise self._bad_request(sent, what, cid)
        if sent.status != 200:
            raise self.fail(sent, what, money_moving=True, client_order_id=cid)
        envelope = _envelope(sent.parsed, sent.data, PlaceOrderResponse)
        if envelope is None:
            raise unknown(self.name, cid, "decode", what, status_code=200)
        success, code, message, data = envelope
        name = enum_name(PlaceOrderErrorCode, code)
        raw_id = body_order_id(sent.parsed)
        if success and code == 0:
            order_id = self.usable_order_id(raw_id)
            if order_id is None:
                raise unknown(self.name, cid, "unusable_order_id", what, code=code, code_name=name)
            return self.placed(sent, what, PlaceOrderResponse, account=account, order_id=order_id, cid=cid)
        if success or code == 0:
            raise unknown(self.name, cid, "inconsistent", what, code=code, code_name=name, broker_message=message)
        if code in PLACE_DEFINITIVE:
            raise rejected(
                self.name,
                what,
                code=code,
                code_name=name,
                broker_message=message,
                order_id=self.usable_order_id(raw_id),
                client_order_id=cid,
                raw=data,
            )
        raise unknown(self.name, cid, "unknown_code", what, code=code, code_name=name, broker_message=message)

    def place_bracket(self, plan: BracketPlan, account: str, settings: Settings) -> Flow[BracketResult]:
        """Entry with ``takeProfitBracket`` / ``stopLossBracket`` ticks (:mod:`.groups`)."""
        return (yield from groups.place_bracket(self, plan, account, settings))

    # -- reads and cancel ---------------------------------------------------------------------
    def get_order(self, order_id: str, account: str, settings: Settings) -> Flow[BrokerOrder]:
        what = "Order/searchById"
        request = SearchOrderByIdRequest(account_id=_account_id(account), order_id=_order_id(order_id))
        sent = yield Call.read(SEARCH_ORDER_BY_ID, {"body": request}, what)
        success, code, message = self._read_envelope(sent, what, SearchOrderByIdResponse)
        if success and code == 0:
            item = _order_item(sent.parsed)
            found = self._broker_order(
                item,
                account,
                self.deviations(what, sent.parsed, SearchOrderByIdResponse),
                object_at(sent.data, "order"),
            )
            if found is None:
                raise self.fail(sent, what, money_moving=False)
            return found
        if success:
            raise self.fail(sent, what, money_moving=False)
        raise _refused(what, SearchOrderByIdErrorCode, code, message)

    def cancel(self, order_id: str, account: str, settings: Settings) -> Flow[None]:
        what = "Order/cancel"
        request = CancelOrderRequest(account_id=_account_id(account), order_id=_order_id(order_id))
        sent = yield Call.moving(CANCEL_ORDER, {"body": request}, what)
        self._money_envelope(sent, what, CancelOrderResponse, CancelOrderErrorCode, CANCEL_DEFINITIVE)

    def resolve(
        self, client_order_id: str, account: str, settings: Settings, recorded: Order | None
    ) -> Flow[PlacedOrder | None]:
        what = "Order/search"
        start = dt.datetime.now(dt.UTC) - RESOLVE_LOOKBACK
        request = SearchOrderRequest(account_id=_account_id(account), start_timestamp=start)
        sent = yield Call.read(SEARCH_ORDERS, {"body": request}, what)
        success, code, message = self._read_envelope(sent, what, SearchOrderResponse)
        if not success or code != 0:
            raise _refused(what, SearchOrderErrorCode, code, message)
        orders: object = None
        if isinstance(sent.parsed, SearchOrderResponse):
            orders = plain(sent.parsed.orders)
        elif isinstance(sent.parsed, Undecoded) and isinstance(sent.parsed.data, dict):
            orders = sent.parsed.data.get("orders")
        if not isinstance(orders, list):
            # A missing list means "unknown", not "no orders" (ProjectX ``Order/search``).
            raise self.fail(sent, what, money_moving=False)
        warnings = self.deviations(what, sent.parsed, SearchOrderResponse)
        for index, item in enumerate(orders):
            tag = plain(item.custom_tag) if isinstance(item, OrderModel) else None
            if isinstance(item, dict):
                tag = item.get("customTag")
            if tag != client_order_id:
                continue
            found = self._broker_order(item, account, warnings, object_at(sent.data, "orders", index))
            if found is None:
                # Our order, but without an id this SDK could act on: never an acceptance.
                raise self.fail(sent, what, money_moving=False)
            return placement_found(found, client_order_id, warnings)
        return None

    def _bad_request(self, sent: Sent, what: str, cid: str | None) -> OrderRejected:
        """400 ProblemDetails: the body failed the gateway's validation; nothing was processed."""
        body = sent.parsed
        detail = plain(body.detail) if isinstance(body, ProblemDetails) else None
        title = plain(body.title) if isinstance(body, ProblemDetails) else None
        return rejected(
            self.name,
            what,
            code=400,
            code_name="BadRequest",
            broker_message=detail if isinstance(detail, str) else (title if isinstance(title, str) else None),
            client_order_id=cid,
            raw=body,
        )

    def _broker_order(
        self, item: object, account: str, warnings: tuple[str, ...], row: object = None
    ) -> BrokerOrder | None:
        """An ``OrderModel`` (typed, or its decoded JSON) as a :class:`BrokerOrder`; ``None``
        when its ``id`` is not a usable order id. ``row`` is the same order decoded with exact
        decimals (the typed model holds floats); its other fields are read best-effort through
        :data:`~orderbridge.brokers.topstepx.orders.ORDER_SHAPE`."""
        raw_id: object
        if isinstance(item, OrderModel):
            raw_id, tag = item.id, plain(item.custom_tag)
        elif isinstance(item, dict):
            raw_id, tag = item.get("id"), item.get("customTag")
        else:
            return None
        order_id = self.usable_order_id(raw_id)
        if order_id is None:
            return None
        exact = row if isinstance(row, dict) and row.get("id") == raw_id else {}
        return self.broker_order(
            ORDER_SHAPE,
            exact,
            account=account,
            order_id=order_id,
            raw=item,
            warnings=warnings,
            client_order_id=tag if isinstance(tag, str) else None,
        )

    def modify(self, order_id: str, account: str, change: Modification, settings: Settings) -> Flow[BrokerOrder]:
        what = "Order/modify"
        wire: dict[str, Any] = {"accountId": _account_id(account), "orderId": _order_id(order_id)}
        if change.quantity is not None:
            if change.quantity > INT32_MAX:
                raise InvalidOrder("quantity exceeds TopstepX's int32 size", field="quantity", broker=self.name)
            wire["size"] = int(change.quantity)
        wire.update(wire_fields(change, PRICES, self.number))
        request = build_request(ModifyOrderRequest, wire, self.name, extras=False)
        sent = yield Call.moving(MODIFY_ORDER, {"body": request}, what)
        self._money_envelope(sent, what, ModifyOrderResponse, ModifyOrderErrorCode, MODIFY_DEFINITIVE)
        # Order/modify amends in place: the id stays; the envelope carries no order.
        return BrokerOrder(broker=self.name, account=account, order_id=order_id, raw=sent.parsed)

    def open_orders(self, account: str, settings: Settings) -> Flow[list[BrokerOrder]]:
        what = "Order/searchOpen"
        request = SearchOpenOrderRequest(account_id=_account_id(account))
        sent = yield Call.read(search_open_orders, {"body": request}, what)
        rows = self._rows(sent, what, SearchOrderResponse, SearchOrderErrorCode, "orders")
        models = plain(sent.parsed.orders)
        out = []
        for index, row in enumerate(rows):
            row.need_text("id")
            model = models[index] if isinstance(models, list) and index < len(models) else None
            found = self._broker_order(model, account, (), row.row) if isinstance(model, OrderModel) else None
            if found is None:
                # No usable order id (or the generated parse and the exact parse disagree).
                raise unexpected(self.name, what, sent.status, sent.content)
            out.append(found)
        return out

    def positions(self, account: str, settings: Settings) -> Flow[list[Position]]:
        what = "Position/searchOpen"
        request = SearchPositionRequest(account_id=_account_id(account))
        sent = yield Call.read(search_open_positions, {"body": request}, what)
        rows = self._rows(sent, what, SearchPositionResponse, SearchPositionErrorCode, "positions")
        models = plain(sent.parsed.positions) or []
        return [
            position_of(row, self.name, account, models[index] if index < len(models) else None)
            for index, row in enumerate(rows)
        ]

    def balances(self, account: str, settings: Settings) -> Flow[Balance]:
        what = "Account/search"
        request = SearchAccountRequest(only_active_accounts=False)
        sent = yield Call.read(search_accounts, {"body": request}, what)
        rows = self._rows(sent, what, SearchAccountResponse, SearchAccountErrorCode, "accounts")
        wanted = _account_id(account)
        for row in rows:
            if row.row.get("id") == wanted:
                return Balance(
                    broker=self.name,
                    account=account,
                    currency="USD",
                    cash=row.maybe_decimal("balance", strict=True),
                    raw=row.row,
                )
        # Account/search lists the user's accounts; one missing from it is refused like the
        # gateway's own AccountNotFound (code 1).
        raise rejected(
            self.name, f"{what} (account not among this user's accounts)", code=1, code_name="AccountNotFound"
        )

    def fills(self, account: str, since: dt.datetime | None, settings: Settings) -> Flow[list[Fill]]:
        """Trade/search half-turns, voided ones skipped. ``creationTimestamp`` is UTC (the ProjectX
        Gateway API documents UTC timestamps); one sent without an offset is read as UTC. A
        ``size`` that is not positive is :class:`UnexpectedResponse` naming ``size``."""
        what = "Trade/search"
        start = since if since is not None else dt.datetime.now(dt.UTC) - FILLS_LOOKBACK
        request = SearchTradeRequest(account_id=_account_id(account), start_timestamp=start)
        sent = yield Call.read(search_trades, {"body": request}, what)
        rows = self._rows(sent, what, SearchHalfTradeResponse, SearchTradeErrorCode, "trades")
        # A voided half-turn did not happen.
        return by_time([fill_of(row, self.name, account) for row in rows if row.row.get("voided") is not True])

    def close_position(self, instrument: str, account: str, quantity: Decimal | None, settings: Settings) -> Flow[None]:
        if quantity is None:
            what = "Position/closeContract"
            request: Any = CloseContractPositionRequest(account_id=_account_id(account), contract_id=instrument)
            sent = yield Call.moving(CLOSE_POSITION, {"body": request}, what)
            self._money_envelope(sent, what, ClosePositionResponse, ClosePositionErrorCode, CLOSE_DEFINITIVE)
            return None
        what = "Position/partialCloseContract"
        if quantity > INT32_MAX:
            raise InvalidOrder("quantity exceeds TopstepX's int32 size", field="quantity", broker=self.name)
        request = PartialCloseContractPositionRequest(
            account_id=_account_id(account), contract_id=instrument, size=int(quantity)
        )
        sent = yield Call.moving(PARTIAL_CLOSE_POSITION, {"body": request}, what)
        self._money_envelope(
            sent, what, PartialClosePositionResponse, PartialClosePositionErrorCode, PARTIAL_CLOSE_DEFINITIVE
        )
        return None

    # -- helpers --------------------------------------------------------------------------------
    def _money_envelope(
        self, sent: Sent, what: str, body_cls: type[_Envelope], codes: Any, definitive: frozenset[int]
    ) -> None:
        """A money-moving envelope: return on success, raise the refusal or OutcomeUnknown.

        ``success`` and ``errorCode`` are read strictly typed (:func:`_envelope`, the rule
        placement and cancel use); a body missing them is ``OutcomeUnknown(origin="decode")``."""
        if sent.status == 400:
            raise self._bad_request(sent, what, None)
        if sent.status != 200:
            raise self.fail(sent, what, money_moving=True)
        envelope = _envelope(sent.parsed, sent.data, body_cls)
        if envelope is None:
            raise unknown(self.name, None, "decode", what, status_code=200)
        success, code, message, _ = envelope
        name = enum_name(codes, code)
        if success and code == 0:
            self.deviations(what, sent.parsed, body_cls)
            return
        if not success and code in definitive:
            raise _refused(what, codes, code, message)
        raise unknown(self.name, None, "unknown_code", what, code=code, code_name=name, broker_message=message)

    def _read_envelope(self, sent: Sent, what: str, body_cls: type[_Envelope]) -> tuple[bool, int, str | None]:
        """(success, errorCode, errorMessage) of a read's 200 envelope, strictly typed
        (:func:`_envelope`); any other answer raises the read's failure (:meth:`fail`)."""
        envelope = _envelope(sent.parsed, sent.data, body_cls) if sent.status == 200 else None
        if envelope is None:
            raise self.fail(sent, what, money_moving=False)
        return envelope[0], envelope[1], envelope[2]

    def _rows(self, sent: Sent, what: str, body_cls: type, codes: Any, key: str) -> list[Reader]:
        """A read envelope's list, each row from the exact JSON text; a missing list is unknown."""
        body = sent.parsed
        if sent.status != 200 or not isinstance(body, body_cls):
            raise self.fail(sent, what, money_moving=False)
        if body.success is not True:  # type: ignore[attr-defined]
            code = plain(body.error_code)  # type: ignore[attr-defined]
            raise _refused(what, codes, code, plain(body.error_message))  # type: ignore[attr-defined]
        data = exact_json(sent, self.name, what)
        rows = data.get(key) if isinstance(data, dict) else None
        if not isinstance(rows, list):
            # A missing or null list means "unknown", never "none": treating it as an empty book would
            # let a kill switch report success over orders it never saw.
            raise unexpected(self.name, f"{what}: no {key!r} list", sent.status, sent.content)
        return [Reader(row, self.name, what, sent.content) for row in rows]


_Envelope = (
    PlaceOrderResponse
    | CancelOrderResponse
    | SearchOrderByIdResponse
    | SearchOrderResponse
    | ModifyOrderResponse
    | ClosePositionResponse
    | PartialClosePositionResponse
)


def _refused(what: str, codes: Any, code: object, message: str | None) -> OrderRejected:
    """A definitive ``success: false`` answer: its code is named from the operation's own
    generated enum (``codes``); a code outside it is undocumented and stays out of ``str()``."""
    name = enum_name(codes, code)
    return rejected(
        DESCRIPTION.name,
        what,
        verb="refused",
        code=code if isinstance(code, (int, str)) else None,
        code_name=name,
        documented=name is not None,
        not_found=name in NOT_FOUND_NAMES,
        broker_message=message,
    )


def _envelope(parsed: object, data: Any, model: type[_Envelope]) -> tuple[bool, int, str | None, object] | None:
    """(success, errorCode, errorMessage, raw) of a TopstepX envelope, strictly typed: ``success``
    a JSON boolean and ``errorCode`` a JSON integer (not a boolean), as the gateway documents.
    Read from the typed model, or from the decoded JSON when another field did not parse; the
    JSON types are checked on the wire body too, because the generated enum parser turns a JSON
    ``false`` into error code 0. ``None``: the outcome fields are missing or of the wrong type."""
    if isinstance(parsed, model):
        success: object = parsed.success
        code: object = plain(parsed.error_code)
        message: object = plain(parsed.error_message)
        raw: object = parsed
    elif isinstance(parsed, Undecoded) and isinstance(parsed.data, dict):
        success, code, message, raw = (
            parsed.data.get("success"),
            parsed.data.get("errorCode"),
            parsed.data.get("errorMessage"),
            parsed.data,
        )
    else:
        return None
    if not _typed_on_wire(data):
        return None
    if type(success) is not bool or type(code) is not int:
        return None
    return success, code, message if isinstance(message, str) else None, raw


def _typed_on_wire(data: Any) -> bool:
    """Whether the decoded body's ``success`` is a JSON boolean and its ``errorCode`` a JSON
    integer (the decode the flow was handed, so nothing is decoded again)."""
    return isinstance(data, dict) and type(data.get("success")) is bool and type(data.get("errorCode")) is int


def body_order_id(parsed: object) -> object:
    """The ``orderId`` of a place answer as sent (typed model or decoded JSON), unchecked."""
    return answer_field(parsed, PlaceOrderResponse, "order_id", "orderId")


def _account_id(account: str) -> int:
    try:
        value = int(account)
    except (TypeError, ValueError):
        raise InvalidOrder(
            f"TopstepX account ids are integers, got {account!r}", field="account", broker="topstepx"
        ) from None
    if value <= 0 or value > INT32_MAX:
        raise InvalidOrder(f"TopstepX account id out of range: {account!r}", field="account", broker="topstepx")
    return value


def _order_id(order_id: str) -> int:
    """A caller's TopstepX order id as the int64 the gateway takes (shared rule, see
    :mod:`orderbridge._models`)."""
    return int(check_order_id(DESCRIPTION.order_ids, order_id, DESCRIPTION.name))


def _order_item(parsed: object) -> object:
    """The ``order`` of an Order/searchById answer (typed model or decoded JSON), unchecked."""
    return answer_field(parsed, SearchOrderByIdResponse, "order", "order")


def _item_id(item: object) -> object:
    if isinstance(item, OrderModel):
        return item.id
    return item.get("id") if isinstance(item, dict) else None


def _placed(parsed: object, data: Any) -> tuple[bool, object] | None:
    """(accepted, orderId) of a 200 Order/place answer with a strictly typed envelope."""
    envelope = _envelope(parsed, data, PlaceOrderResponse)
    return None if envelope is None else (envelope[0] and envelope[1] == 0, body_order_id(parsed))


def _found(parsed: object, data: Any) -> tuple[bool, object] | None:
    """(found, the order's id) of a 200 Order/searchById answer with a strictly typed envelope."""
    envelope = _envelope(parsed, data, SearchOrderByIdResponse)
    return None if envelope is None else (envelope[0] and envelope[1] == 0, _item_id(_order_item(parsed)))


def _usable_envelope(model: type[_Envelope]) -> Usable:
    return answered(lambda parsed, data: _envelope(parsed, data, model))


PLACE_ORDER = operation(place_order, answered_with_id(_placed, DESCRIPTION.order_ids))
CANCEL_ORDER = operation(cancel_order, _usable_envelope(CancelOrderResponse))
SEARCH_ORDER_BY_ID = operation(search_order_by_id, answered_with_id(_found, DESCRIPTION.order_ids))
SEARCH_ORDERS = operation(search_orders, _usable_envelope(SearchOrderResponse))
MODIFY_ORDER = operation(modify_order, _usable_envelope(ModifyOrderResponse))
CLOSE_POSITION = operation(close_position, _usable_envelope(ClosePositionResponse))
PARTIAL_CLOSE_POSITION = operation(partial_close_position, _usable_envelope(PartialClosePositionResponse))


# -- the rest of an order's life (modify, reads, close) -------------------------------------------
# Money-moving envelopes: codes that are definitive refusals; every other code is unknown.
MODIFY_DEFINITIVE = frozenset({1, 2, 3, 6, 7})
CLOSE_DEFINITIVE = frozenset({1, 2, 3, 4, 5, 8})
PARTIAL_CLOSE_DEFINITIVE = frozenset({1, 2, 3, 4, 5, 6, 9})
POSITION_SIGN = {1: 1, 2: -1}
"""PositionType 1 Long, 2 Short (0 Undefined is not a usable direction)."""
FILL_SIDES = {0: Side.BUY, 1: Side.SELL}


FILLS_LOOKBACK = dt.timedelta(days=7)
"""How far back ``fills()`` without ``since`` reads Trade/search."""


ADAPTER = TopstepXAdapter()


def position_of(row: Reader, broker: str, account: str, raw: Any = None) -> Position:
    """A ``PositionModel`` row (``Position/searchOpen``, and the user hub's
    ``GatewayUserPosition``) as a :class:`Position`: ``type`` 1 long / 2 short, ``size`` > 0."""
    sign = row.need_member("type", POSITION_SIGN)
    return Position(
        broker=broker,
        account=account,
        instrument=row.need_text("contractId"),
        quantity=sign * row.need_positive_decimal("size"),
        average_price=row.maybe_decimal("averagePrice"),
        raw=row.row if raw is None else raw,
    )


def fill_of(row: Reader, broker: str, account: str) -> Fill:
    """A ``HalfTradeModel`` row (``Trade/search``, and the user hub's ``GatewayUserTrade``) as a
    :class:`Fill`. ``creationTimestamp`` is UTC (one sent without an offset is read as UTC)."""
    return Fill(
        broker=broker,
        account=account,
        order_id=row.need_text("orderId"),
        fill_id=row.need_text("id"),
        instrument=row.need_text("contractId"),
        side=row.need_member("side", FILL_SIDES),
        quantity=row.need_positive_decimal("size"),
        price=row.need_decimal("price"),
        time=row.maybe_time("creationTimestamp", naive_zone=dt.UTC),
        raw=row.row,
        warnings=tuple(row.warnings),
    )
