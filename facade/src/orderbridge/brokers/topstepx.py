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
from topstepx_client.api.auth import login_key, validate_session
from topstepx_client.api.order import cancel_order, place_order, search_order_by_id, search_orders
from topstepx_client.models import (
    CancelOrderErrorCode,
    CancelOrderRequest,
    CancelOrderResponse,
    LoginApiKeyRequest,
    LoginErrorCode,
    LoginResponse,
    OrderModel,
    OrderStatus,
    PlaceOrderErrorCode,
    PlaceOrderRequest,
    PlaceOrderResponse,
    ProblemDetails,
    SearchOrderByIdErrorCode,
    SearchOrderByIdRequest,
    SearchOrderByIdResponse,
    SearchOrderErrorCode,
    SearchOrderRequest,
    SearchOrderResponse,
    ValidateResponse,
)

from .._adapter import Adapter, BrokerOrder
from .._config import Settings
from .._conform import build_request
from .._errors import AuthenticationError, InvalidOrder, OrderNotFound, OrderRejected
from .._extras import merge_extras
from .._flow import Call, Flow, Grant, Retry, Sent, Token, enum_name, plain, rejected, unknown, wire_number
from .._models import Order, OrderType, PlacedOrder, Side

TOKEN_LIFETIME = 24 * 3600.0
"""Session token lifetime in seconds (ProjectX docs, authenticate)."""
RESOLVE_LOOKBACK = dt.timedelta(days=7)
"""How far back ``resolve`` searches orders for the customTag."""

INT32_MAX = 2**31 - 1
INT64_MAX = 2**63 - 1
SIDES = {Side.BUY: 0, Side.SELL: 1}
TYPES = {OrderType.LIMIT: 1, OrderType.MARKET: 2, OrderType.STOP: 4, OrderType.TRAILING_STOP: 5}
EXTRAS = ("stopLossBracket", "takeProfitBracket", "linkedOrderId")

# Outcome tables: which documented errorCodes are definitive refusals. Every other code —
# the documented pending/unknown ones and any code we do not know — is OutcomeUnknown.
PLACE_DEFINITIVE = frozenset({1, 2, 3, 4, 5, 8, 9, 10})
CANCEL_DEFINITIVE = frozenset({1, 2, 3, 6})
NOT_FOUND_NAMES = frozenset({"ORDER_NOT_FOUND"})


class TopstepXAdapter(Adapter):
    """TopstepX / ProjectX Gateway: the flows of specs/topstepx.yaml (see the module docstring)."""

    name = "topstepx"
    client_class = AuthenticatedClient

    def validate(self, order: Order, account: str) -> None:
        _account_id(account)
        if order.quantity is not None and order.quantity > INT32_MAX:
            raise InvalidOrder(
                f"quantity {order.quantity} exceeds TopstepX's int32 size", field="quantity", broker=self.name
            )
        for field in ("limit_price", "stop_price", "trail_price"):
            value = getattr(order, field)
            if value is not None:
                wire_number(value, field, self.name)

    # -- auth ---------------------------------------------------------------------------------
    def login(self, settings: Settings, current: str | None) -> Flow[Grant]:
        if current:
            sent = yield Call(
                validate_session, {}, money_moving=False, retry=Retry.READ, name="Auth/validate", token=Token.CURRENT
            )
            body = sent.parsed
            if sent.status == 200 and isinstance(body, ValidateResponse) and body.success is True:
                token = plain(body.new_token)
                if isinstance(token, str) and token:
                    return Grant(token, TOKEN_LIFETIME)
        request = LoginApiKeyRequest(user_name=settings.secret("username"), api_key=settings.secret("api_key"))
        sent = yield Call(
            login_key,
            {"body": request},
            money_moving=False,
            retry=Retry.READ,
            name="Auth/loginKey",
            token=Token.NONE,
        )
        body = sent.parsed
        if sent.status == 200 and isinstance(body, LoginResponse):
            token = plain(body.token)
            if body.success is True and isinstance(token, str) and token:
                return Grant(token, TOKEN_LIFETIME)
            code = plain(body.error_code)
            raise AuthenticationError(
                f"Auth/loginKey refused: {enum_name(LoginErrorCode, code) or 'code'} ({code})",
                broker=self.name,
                code=code,
                code_name=enum_name(LoginErrorCode, code),
                broker_message=plain(body.error_message),
            )
        if sent.status == 400:
            raise AuthenticationError("Auth/loginKey refused the request body (HTTP 400)", broker=self.name)
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
        for field, key in (("limit_price", "limitPrice"), ("stop_price", "stopPrice"), ("trail_price", "trailPrice")):
            value = getattr(order, field)
            if value is not None:
                wire[key] = wire_number(value, field, self.name)
        wire = merge_extras(wire, order.extras, EXTRAS, broker=self.name)
        return build_request(PlaceOrderRequest, wire, self.name, extras=bool(order.extras))

    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]:
        cid = order.client_order_id
        what = "Order/place"
        sent = yield Call(
            place_order, {"body": self.place_request(order, account)}, money_moving=True, retry=Retry.NEVER, name=what
        )
        body = sent.parsed
        if sent.status == 400:
            raise self._bad_request(sent, what, cid)
        if sent.status != 200:
            raise self.fail(sent, what, money_moving=True, client_order_id=cid)
        if not isinstance(body, PlaceOrderResponse) or not isinstance(body.success, bool):
            raise unknown(self.name, cid, "decode", what, status_code=200)
        code = plain(body.error_code)
        name = enum_name(PlaceOrderErrorCode, code)
        order_id = plain(body.order_id)
        message = plain(body.error_message)
        if body.success and code == 0 and isinstance(order_id, int) and not isinstance(order_id, bool):
            return PlacedOrder(
                broker=self.name, account=account, order_id=str(order_id), client_order_id=cid or "", raw=body
            )
        if body.success or code == 0:
            raise unknown(self.name, cid, "inconsistent", what, code=code, code_name=name, broker_message=message)
        if code in PLACE_DEFINITIVE:
            raise rejected(
                self.name,
                what,
                code=code,
                code_name=name,
                broker_message=message,
                order_id=str(order_id) if isinstance(order_id, int) else None,
                client_order_id=cid,
                raw=body,
            )
        raise unknown(self.name, cid, "unknown_code", what, code=code, code_name=name, broker_message=message)

    # -- reads and cancel ---------------------------------------------------------------------
    def get_order(self, order_id: str, account: str, settings: Settings) -> Flow[BrokerOrder]:
        what = "Order/searchById"
        request = SearchOrderByIdRequest(account_id=_account_id(account), order_id=_order_id(order_id))
        sent = yield Call(search_order_by_id, {"body": request}, money_moving=False, retry=Retry.READ, name=what)
        body = sent.parsed
        if sent.status != 200:
            raise self.fail(sent, what, money_moving=False)
        if not isinstance(body, SearchOrderByIdResponse):
            raise self.fail(sent, what, money_moving=False)
        if body.success is True and isinstance(body.order, OrderModel):
            return self._broker_order(body.order, account)
        code = plain(body.error_code)
        name = enum_name(SearchOrderByIdErrorCode, code)
        cls = OrderNotFound if name in NOT_FOUND_NAMES else OrderRejected
        raise cls(
            f"{what} refused: {name or 'code'} ({code})",
            broker=self.name,
            code=code,
            code_name=name,
            broker_message=plain(body.error_message),
        )

    def cancel(self, order_id: str, account: str, settings: Settings) -> Flow[None]:
        what = "Order/cancel"
        request = CancelOrderRequest(account_id=_account_id(account), order_id=_order_id(order_id))
        sent = yield Call(cancel_order, {"body": request}, money_moving=True, retry=Retry.NEVER, name=what)
        body = sent.parsed
        if sent.status == 400:
            raise self._bad_request(sent, what, None)
        if sent.status != 200:
            raise self.fail(sent, what, money_moving=True)
        if not isinstance(body, CancelOrderResponse) or not isinstance(body.success, bool):
            raise unknown(self.name, None, "decode", what, status_code=200)
        code = plain(body.error_code)
        name = enum_name(CancelOrderErrorCode, code)
        if body.success and code == 0:
            return None
        if not body.success and code in CANCEL_DEFINITIVE:
            cls = OrderNotFound if name in NOT_FOUND_NAMES else OrderRejected
            raise cls(
                f"{what} refused: {name} ({code})",
                broker=self.name,
                code=code,
                code_name=name,
                broker_message=plain(body.error_message),
            )
        raise unknown(self.name, None, "unknown_code", what, code=code, code_name=name)

    def resolve(
        self, client_order_id: str, account: str, settings: Settings, recorded: Order | None
    ) -> Flow[PlacedOrder | None]:
        what = "Order/search"
        start = dt.datetime.now(dt.UTC) - RESOLVE_LOOKBACK
        request = SearchOrderRequest(account_id=_account_id(account), start_timestamp=start)
        sent = yield Call(search_orders, {"body": request}, money_moving=False, retry=Retry.READ, name=what)
        body = sent.parsed
        if sent.status != 200 or not isinstance(body, SearchOrderResponse):
            raise self.fail(sent, what, money_moving=False)
        if body.success is not True:
            code = plain(body.error_code)
            raise OrderRejected(
                f"{what} refused: {enum_name(SearchOrderErrorCode, code) or 'code'} ({code})",
                broker=self.name,
                code=code,
                code_name=enum_name(SearchOrderErrorCode, code),
                broker_message=plain(body.error_message),
            )
        orders = plain(body.orders)
        if not isinstance(orders, list):
            # A missing list means "unknown", not "no orders" (ProjectX ``Order/search``).
            raise self.fail(sent, what, money_moving=False)
        for item in orders:
            if isinstance(item, OrderModel) and plain(item.custom_tag) == client_order_id:
                found = self._broker_order(item, account)
                return PlacedOrder(
                    broker=self.name,
                    account=account,
                    order_id=found.order_id,
                    client_order_id=client_order_id,
                    status=found.status,
                    raw=item,
                )
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

    def _broker_order(self, model: OrderModel, account: str) -> BrokerOrder:
        status = plain(model.status)
        fill = plain(model.fill_volume)
        return BrokerOrder(
            broker=self.name,
            account=account,
            order_id=str(model.id),
            client_order_id=plain(model.custom_tag),
            status=enum_name(OrderStatus, status) or (str(status) if status is not None else None),
            filled_quantity=Decimal(fill) if isinstance(fill, int) else None,
            raw=model,
        )


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
    try:
        value = int(order_id)
    except (TypeError, ValueError):
        raise InvalidOrder(
            f"TopstepX order ids are integers, got {order_id!r}", field="order_id", broker="topstepx"
        ) from None
    if not 0 < value <= INT64_MAX:
        raise InvalidOrder(f"TopstepX order id out of range: {order_id!r}", field="order_id", broker="topstepx")
    return value


ADAPTER = TopstepXAdapter()
