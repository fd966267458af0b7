"""TradeStation WebAPI v2 adapter (``specs/tradestation.yaml``; tradestation.github.io/api-docs).

Wire facts this module encodes:

* ``POST /v2/orders?APIVersion=<version>``; the body shape follows the version: ``20160101``
  (default) sends ``OrderRequest`` (AccountKey, TradeAction BUY/SELL, OrderType
  Market/Limit/StopMarket/StopLimit, Duration DAY/GTC/IOC/FOK/GTD + GTDDate MM/DD/YYYY);
  ``20150101`` sends the ``GlobalOrderRequest`` of the WebAPI v2 "Place Order" page
  (AccountId, Side Buy/Sell, Type, TimeInForce Day/GoodTillCancel/ImmediateOrCancel/FillorKill).
  Prices and quantities are decimal strings, exactly the digits given (TradeStation spec ``OrderRequestDefinition``);
* our client order id is ``OrderConfirmId`` (≤ 22 chars), which TradeStation uses to detect
  duplicates — so placement is retried on transport failures and 5xx, and a rejection of a
  *retried* attempt is reported as unknown (it may be our own first attempt's duplicate);
* results come as one object or an array of them; ``OrderStatus: Failed`` (or ``Status:
  Failed`` in the 20150101 shape) is a rejection even though the HTTP status is 200
  (TradeStation docs, order result);
* 403 with the HTML body "Quota Exceeded" is throttling, not an authorisation failure
  (TradeStation docs, rate limiting);
* tokens: a given access token is used as is; otherwise the refresh-token grant on
  ``/v2/security/authorize`` issues 20-minute access tokens (TradeStation docs, authentication).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from tradestation_client import AuthenticatedClient
from tradestation_client.api.accounts import get_account_balances, get_account_positions, list_account_orders
from tradestation_client.api.authentication import authorize
from tradestation_client.api.orders import cancel_order, place_order, replace_order
from tradestation_client.models import (
    AccountOrder,
    ApiVersion,
    CancelReplaceRequest,
    Error,
    GlobalOrderRequest,
    OrderRequest,
    OrderResult,
    RefreshTokenRequest,
    TokenResponse,
)

from ..._account import Balance, Modification, Position, PositionFields, Reader, exact_json, position_from
from ..._adapter import (
    Adapter,
    BrokerOrder,
    answered,
    answered_with_id,
    as_sent,
    build_request,
    merge_extras,
    wire_fields,
)
from ..._errors import NotSupported, auth_refused, rate_limited, rejected, unexpected, unknown
from ..._groups import BracketPlan, BracketResult, GroupResult
from ..._models import Order, OrderType, PlacedOrder, Settings, Side, TimeInForce, decimal_text
from ..._orders import object_at
from ..._wire import Call, Flow, Grant, Retry, Sent, Token, operation, plain, retry_after
from . import DESCRIPTION, groups
from .orders import ORDER_SHAPE

DEFAULT_VERSION = "20160101"
"""The ``APIVersion`` sent when the session names none (official v2)."""

# 20160101 (official v2) shape.
TRADE_ACTIONS = {Side.BUY: "BUY", Side.SELL: "SELL"}
ORDER_TYPES = {
    OrderType.MARKET: "Market",
    OrderType.LIMIT: "Limit",
    OrderType.STOP: "StopMarket",
    OrderType.STOP_LIMIT: "StopLimit",
}
DURATIONS = {
    TimeInForce.DAY: "DAY",
    TimeInForce.GTC: "GTC",
    TimeInForce.IOC: "IOC",
    TimeInForce.FOK: "FOK",
    TimeInForce.GTD: "GTD",
}
EXTRAS_V2 = ("AssetType", "Route", "AdvancedOptions", "OSOs", "Legs")

# 20150101 (global, "Place Order" page) shape.
GLOBAL_SIDES = {Side.BUY: "Buy", Side.SELL: "Sell"}
GLOBAL_TIME_IN_FORCE = {
    TimeInForce.DAY: "Day",
    TimeInForce.GTC: "GoodTillCancel",
    TimeInForce.IOC: "ImmediateOrCancel",
    TimeInForce.FOK: "FillorKill",
}
EXTRAS_GLOBAL = (
    "AssetType",
    "Route",
    "FundSource",
    "TaxationMethod",
    "CostBasisMethod",
    "LotSelectionStrategy",
    "Condition",
    "ClientTag",
    "ExchangeCode",
)

PRICES = {"limit_price": "LimitPrice", "stop_price": "StopPrice"}
"""Prices, sent as decimal strings (both API versions)."""

ACCEPTED = frozenset({"Ok", "Success"})
FAILED = frozenset({"Failed"})
QUOTA_TEXT = "quota exceeded"


class TradeStationAdapter(Adapter):
    """TradeStation WebAPI v2: the flows of specs/tradestation.yaml (see the module docstring).

    The whole order life in one class: place, get, cancel, resolve, and modify (cancel/replace), open orders,
    positions and balances (specs/tradestation.yaml).
    Balances come from ``GET accounts/{key}/balances``: ``cash`` is ``RealTimeAccountBalance``
    (the real-time cash balance), ``buying_power`` is ``RealTimeBuyingPower`` (what can be
    spent now, margin included for margin accounts) and ``equity`` is ``RealTimeEquity``
    (cash plus the market value of positions). v2 states no currency, so it is ``None``.
    """

    description = DESCRIPTION
    client_class = AuthenticatedClient

    # -- auth ---------------------------------------------------------------------------------
    def login(self, settings: Settings, current: str | None) -> Flow[Grant]:
        if settings.has("access_token"):
            return (yield from self.static_token(settings, "access_token"))
        request = RefreshTokenRequest(
            grant_type="refresh_token",
            client_id=settings.secret("client_id"),
            client_secret=settings.secret("client_secret"),
            refresh_token=settings.secret("refresh_token"),
        )
        what = "security/authorize"
        sent = yield Call.read(authorize, {"body": request}, what, Token.NONE)
        body = sent.parsed
        if sent.status == 200 and isinstance(body, TokenResponse) and isinstance(body.access_token, str):
            lifetime = body.expires_in if isinstance(body.expires_in, int) and body.expires_in > 0 else 1200
            return Grant(body.access_token, float(lifetime))
        if sent.status in (400, 401):
            message = plain(body.message) if isinstance(body, Error) else None
            raise auth_refused(
                self.name,
                f"{what} (refresh-token grant)",
                code=sent.status,
                broker_message=message,
            )
        raise self.fail(sent, what, money_moving=False, secret_body=True)

    # -- place --------------------------------------------------------------------------------
    def place_request(self, order: Order, account: str, api_version: str) -> OrderRequest | GlobalOrderRequest:
        """The request body for ``api_version`` (``20160101`` -> ``OrderRequest``,
        ``20150101`` -> ``GlobalOrderRequest``)."""
        assert order.quantity is not None and order.client_order_id is not None
        wire: dict[str, Any]
        allowed: tuple[str, ...]
        model: type[OrderRequest] | type[GlobalOrderRequest]
        if api_version == "20150101":
            if order.time_in_force is TimeInForce.GTD:
                raise NotSupported(
                    "time in force 'gtd' is not supported with APIVersion 20150101 (it takes a date-time "
                    "expiration); use 20160101",
                    feature="time_in_force",
                    broker=self.name,
                )
            wire = {
                "AccountId": account,
                "Symbol": order.instrument,
                "Quantity": decimal_text(order.quantity),
                "Type": ORDER_TYPES[order.type],
                "TimeInForce": GLOBAL_TIME_IN_FORCE[order.time_in_force or TimeInForce.DAY],
                "Side": GLOBAL_SIDES[order.side],
                "OrderConfirmId": order.client_order_id,
            }
            default_asset, allowed, model = "Equity", EXTRAS_GLOBAL, GlobalOrderRequest
        else:
            wire = {
                "AccountKey": account,
                "Symbol": order.instrument,
                "Quantity": decimal_text(order.quantity),
                "OrderType": ORDER_TYPES[order.type],
                "TradeAction": TRADE_ACTIONS[order.side],
                "Duration": DURATIONS[order.time_in_force or TimeInForce.DAY],
                "OrderConfirmId": order.client_order_id,
            }
            if order.expire_date is not None:
                d = order.expire_date
                wire["GTDDate"] = f"{d.month:02d}/{d.day:02d}/{d.year:04d}"  # MM/DD/YYYY, always 4-digit year
            default_asset, allowed, model = "EQ", EXTRAS_V2, OrderRequest
        wire.update(wire_fields(order, PRICES, _text))
        wire = merge_extras(wire, order.extras, allowed, broker=self.name, decimals_as_text=True)
        wire.setdefault("AssetType", default_asset)
        return build_request(model, wire, self.name, extras=bool(order.extras))

    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]:
        cid = order.client_order_id
        version = _version(settings)
        what = f"orders (APIVersion {version})"
        sent = yield Call.moving(
            PLACE_ORDER,
            {"body": self.place_request(order, account, version), "api_version": ApiVersion(version)},
            what,
            retry=Retry.IDEMPOTENT,
        )
        status, raw_id, message = self._accepted(sent, what, cid, refusal="OrderFailed", placement=True)
        order_id = self.usable_order_id(raw_id)
        if order_id is None:
            raise unknown(self.name, cid, "unusable_order_id", what, code=status, broker_message=message)
        return self.placed(sent, what, OrderResult, account=account, order_id=order_id, cid=cid, status=status)

    def place_bracket(self, plan: BracketPlan, account: str, settings: Settings) -> Flow[BracketResult]:
        """The entry with its exits in ``OSOs`` (:mod:`.groups`)."""
        return (yield from groups.place_bracket(self, plan, account, settings))

    def place_oco(self, pair: tuple[Order, Order], account: str, settings: Settings) -> Flow[GroupResult]:
        """``POST /v2/orders/groups`` with ``Type: OCO`` (:mod:`.groups`)."""
        return (yield from groups.place_oco(self, pair, account, settings))

    def failure(self, sent: Sent, what: str, cid: str | None, *, money_moving: bool) -> Exception:
        """The error for an answer that is not a 200 result (quota, refusal, ...)."""
        return self._failure(sent, what, cid, money_moving=money_moving)

    # -- reads and cancel ---------------------------------------------------------------------
    def get_order(self, order_id: str, account: str, settings: Settings) -> Flow[BrokerOrder]:
        what = "accounts/{account_keys}/orders"
        order_id = self.check_order_id(order_id)
        sent = yield from self._account_read(LIST_ACCOUNT_ORDERS, what, account, settings)
        listing = _listing(sent.parsed) if sent.status == 200 else None
        if listing is None:
            raise self._failure(sent, what, None, money_moving=False)
        for index, item in enumerate(listing):
            raw_id, _status, _filled = _listed_fields(item)
            if self.usable_order_id(raw_id) == order_id:
                return self.broker_order(
                    ORDER_SHAPE,
                    _same_order(object_at(sent.data, index), raw_id),
                    account=account,
                    order_id=order_id,
                    raw=item,
                    warnings=self.deviations(what, sent.parsed, AccountOrder),
                )
        raise rejected(
            self.name,
            f"{what} ({order_id} not in the account listing)",
            code=404,
            code_name="not_found",
            not_found=True,
        )

    def cancel(self, order_id: str, account: str, settings: Settings) -> Flow[None]:
        what = "orders/{order_id} DELETE"
        order_id = self.check_order_id(order_id)
        sent = yield Call.moving(
            CANCEL_ORDER, {"order_id": order_id, "api_version": ApiVersion(_version(settings))}, what
        )
        self._accepted(sent, what, None, refusal="CancelFailed", placement=False)
        self.deviations(what, sent.parsed, OrderResult)

    def resolve(
        self, client_order_id: str, account: str, settings: Settings, recorded: Order | None
    ) -> Flow[PlacedOrder | None]:
        yield from ()
        raise NotSupported(
            "resolve is not supported: TradeStation WebAPI v2 has no lookup by OrderConfirmId. Placement is "
            "deduplicated on it, so send the same order again with the same client_order_id: it cannot create a "
            "second order",
            feature="resolve",
            broker=self.name,
        )

    # -- helpers ----------------------------------------------------------------------------------
    def _account_read(self, operation: Any, what: str, account: str, settings: Settings) -> Flow[Sent]:
        """A read under ``accounts/{account_keys}`` at the session's API version."""
        return (
            yield Call.read(operation, {"account_keys": account, "api_version": ApiVersion(_version(settings))}, what)
        )

    def _accepted(
        self, sent: Sent, what: str, cid: str | None, *, refusal: str, placement: bool
    ) -> tuple[str | None, object, str | None]:
        """(status, order id as sent, message) of a place, cancel or replace answer the broker accepted.

        Anything else raises: a ``FAILED`` status is :class:`OrderRejected` with ``refusal`` as
        its code name (a placement's also carries the order id, client order id and body); an
        unreadable 200 or an unknown status is :class:`OutcomeUnknown`; another HTTP status is
        :meth:`_failure`'s error."""
        if sent.status != 200:
            raise self._failure(sent, what, cid, money_moving=True)
        result = _single_result(sent.parsed)
        if result is None:
            raise unknown(self.name, cid, "decode", what, status_code=200)
        status, raw_id, message = result
        if status in ACCEPTED:
            return result
        if status in FAILED:
            detail: dict[str, Any] = (
                {"order_id": self.usable_order_id(raw_id), "client_order_id": cid, "raw": as_sent(sent.parsed)}
                if placement
                else {}
            )
            raise rejected(self.name, what, code=status, code_name=refusal, broker_message=message, **detail)
        raise unknown(self.name, cid, "unknown_code", what, code=status, broker_message=message)

    def _failure(self, sent: Sent, what: str, cid: str | None, *, money_moving: bool) -> Exception:
        body = sent.parsed
        text = body if isinstance(body, str) else None
        if sent.status == 403 and text is not None:
            if QUOTA_TEXT in text.lower():
                if money_moving:
                    return unknown(self.name, cid, "rate_limited", what, status_code=403)
                return rate_limited(self.name, f"{what}: quota exceeded", sent.status, retry_after(sent.headers))
            # Any other 403 is an authorisation refusal; the generated client hands the body
            # over as text because the spec lists text/html first for 403.
            return rejected(
                self.name,
                what,
                code=403,
                code_name="Forbidden",
                broker_message=_message_of(text),
                client_order_id=cid,
            )
        if sent.status in (400, 403, 404) and isinstance(body, Error):
            message = plain(body.message)
            if sent.status == 404 or (isinstance(message, str) and "invalid order id" in message.lower()):
                return rejected(
                    self.name,
                    what,
                    code=sent.status,
                    code_name="not_found",
                    not_found=True,
                    broker_message=message,
                    client_order_id=cid,
                )
            return rejected(
                self.name,
                what,
                code=sent.status,
                code_name="BadRequest" if sent.status == 400 else "Forbidden",
                broker_message=message,
                client_order_id=cid,
                raw=body,
            )
        if sent.status == 400:
            return rejected(self.name, what, code=400, code_name="BadRequest", client_order_id=cid, raw=body)
        return self.fail(sent, what, money_moving=money_moving, client_order_id=cid)

    def modify(self, order_id: str, account: str, change: Modification, settings: Settings) -> Flow[BrokerOrder]:
        version = ApiVersion(_version(settings))
        current = yield from self._order_row(order_id, account, settings)
        legs = current.row.get("Legs")
        leg = Reader(legs[0], self.name, "orders", current.content) if isinstance(legs, list) and legs else None
        # The listing's leg names the type in OrderTypeDescription ("Limit"); OrderType itself
        # is a numeric code in the vendor's example, text elsewhere.
        type_text = None
        if leg is not None:
            type_text = leg.maybe_text("OrderTypeDescription") or leg.maybe_text("OrderType")
        order_type = REPLACE_TYPES.get(type_text or "")
        if order_type is None:
            raise NotSupported(
                f"modify_order: cannot tell order {order_id}'s type from the listing ({type_text!r})",
                feature="modify_order",
                broker=self.name,
            )
        quantity = change.quantity if change.quantity is not None else current.need_decimal("Quantity")
        wire: dict[str, Any] = {
            "AccountKey": account,
            "OrderID": order_id,
            "Symbol": current.need_text("Symbol"),
            "OrderType": order_type,
            "Quantity": decimal_text(quantity),
        }
        wire.update(wire_fields(change, PRICES, _text))
        what = "orders/{order_id} PUT"
        sent = yield Call.moving(
            REPLACE_ORDER,
            {
                "order_id": order_id,
                "body": build_request(CancelReplaceRequest, wire, self.name, extras=False),
                "api_version": version,
            },
            what,
        )
        status, raw_id, _ = self._accepted(sent, what, None, refusal="ReplaceFailed", placement=False)
        new_id = self.usable_order_id(raw_id)
        if new_id is None:
            raise unknown(self.name, None, "decode", what, code=status)
        # Cancel/replace: OrderID is the id the order has from now on (it may differ).
        return BrokerOrder(
            broker=self.name,
            account=account,
            order_id=new_id,
            raw=as_sent(sent.parsed),
            warnings=self.deviations(what, sent.parsed, OrderResult),
        )

    def open_orders(self, account: str, settings: Settings) -> Flow[list[BrokerOrder]]:
        out = []
        for row in (yield from self._order_rows(account, settings)):
            if row.maybe_text("AccountID") not in (None, account):
                continue
            order = self.broker_order(ORDER_SHAPE, row.row, account=account, order_id=row.need_text("OrderID"))
            if not order.status.is_terminal:  # an undocumented status stays listed: it may work
                out.append(order)
        return out

    def positions(self, account: str, settings: Settings) -> Flow[list[Position]]:
        what = "accounts/{account_keys}/positions"
        sent = yield from self._account_read(get_account_positions, what, account, settings)
        out = []
        for row in self._rows(sent, what):
            if row.maybe_text("AccountID") not in (None, account):
                continue
            out.append(position_from(row, POSITION_FIELDS, self.name, account))
        return out

    def balances(self, account: str, settings: Settings) -> Flow[Balance]:
        what = "accounts/{account_keys}/balances"
        sent = yield from self._account_read(get_account_balances, what, account, settings)
        rows = self._rows(sent, what)
        for row in rows:
            if row.maybe_text("Key") in (None, account) or row.maybe_text("Name") == account:
                return Balance(
                    broker=self.name,
                    account=account,
                    currency=None,
                    cash=row.maybe_decimal("RealTimeAccountBalance", strict=True),
                    buying_power=row.maybe_decimal("RealTimeBuyingPower", strict=True),
                    equity=row.maybe_decimal("RealTimeEquity", strict=True),
                    raw=row.row,
                )
        raise unexpected(self.name, f"{what}: no balance row for the account", sent.status, sent.content)

    def exit_refusal(self, position: Position) -> str | None:
        """A short equity is closed with TradeAction BUYTOCOVER, which ``place_order`` (side
        buy -> ``BUY``) does not send; a plain BUY is not a cover (TradeStation v2 order
        request, TradeAction)."""
        asset = position.raw.get("AssetType") if isinstance(position.raw, dict) else None
        if position.quantity < 0 and asset in (None, "EQ", "STK", "Equity"):
            return "covering a short equity needs TradeAction BUYTOCOVER; close it with the typed client"
        return None

    # -- helpers --------------------------------------------------------------------------------
    def _order_rows(self, account: str, settings: Settings) -> Flow[list[Reader]]:
        what = "accounts/{account_keys}/orders"
        sent = yield from self._account_read(LIST_ACCOUNT_ORDERS, what, account, settings)
        return self._rows(sent, what)

    def _order_row(self, order_id: str, account: str, settings: Settings) -> Flow[Reader]:
        for row in (yield from self._order_rows(account, settings)):
            if row.maybe_text("OrderID") == order_id:
                return row
        raise rejected(
            self.name,
            f"modify_order ({order_id} not in the account listing)",
            code=404,
            code_name="not_found",
            not_found=True,
        )

    def _rows(self, sent: Sent, what: str) -> list[Reader]:
        if sent.status != 200 or _listing(sent.parsed) is None:
            raise self._failure(sent, what, None, money_moving=False)
        data = exact_json(sent, self.name, what)
        if not isinstance(data, list):
            raise unexpected(self.name, f"{what}: not a list", sent.status, sent.content)
        return [Reader(row, self.name, what, sent.content) for row in data]


def _message_of(text: str) -> str | None:
    try:
        data = json.loads(text)
    except ValueError:
        return text or None
    message = data.get("Message") if isinstance(data, dict) else None
    return message if isinstance(message, str) else text


def _text(value: Decimal, field: str) -> str:
    """A price or quantity as the exact decimal string TradeStation takes."""
    return decimal_text(value)


def _version(settings: Settings) -> str:
    """The session's ``APIVersion``: the configured one, else ``20160101`` (official v2)."""
    return settings.api_version or DEFAULT_VERSION


def _single_result(parsed: object) -> tuple[str | None, object, str | None] | None:
    """(status, order id as sent, message) of the one result of a place / cancel answer, from
    either shape (``OrderStatus``/``OrderID`` or ``Status``/``Id``), typed or decoded JSON;
    ``None`` unless the answer is exactly one result object (alone or in a one-item array)."""
    item: object = as_sent(parsed)
    if isinstance(item, list):
        if len(item) != 1:
            return None
        item = item[0]
    status: object
    order_id: object
    message: object
    if isinstance(item, OrderResult):
        status = plain(item.order_status) if item.order_status is not None else None
        status = status if status is not None else plain(item.status)
        order_id = plain(item.order_id)
        order_id = order_id if order_id is not None else plain(item.id)
        message = plain(item.message)
    elif isinstance(item, dict):
        status = item.get("OrderStatus", item.get("Status"))
        order_id = item.get("OrderID", item.get("Id"))
        message = item.get("Message")
    else:
        return None
    return (
        status if isinstance(status, str) else None,
        order_id,
        message if isinstance(message, str) else None,
    )


def _listing(parsed: object) -> list[object] | None:
    """The orders of an account listing: the typed list, or the decoded JSON array when one
    item did not parse. ``None``: not a listing."""
    data = as_sent(parsed)
    return list(data) if isinstance(data, list) else None


def _listed_fields(item: object) -> tuple[object, object, object]:
    """(OrderID, Status, ExecuteQuantity) of one listed order, typed or decoded, unchecked."""
    if isinstance(item, AccountOrder):
        return plain(item.order_id), plain(item.status), plain(item.execute_quantity)
    if isinstance(item, dict):
        return item.get("OrderID"), item.get("Status"), item.get("ExecuteQuantity")
    return None, None, None


def _same_order(row: dict[str, Any], raw_id: object) -> dict[str, Any]:
    """``row`` when it is the listed order ``raw_id`` (else ``{}``: its fields read as ``None``)."""
    return row if str(row.get("OrderID")) == str(raw_id) else {}


def _quantity(value: object) -> Decimal | None:
    """A JSON number from the account listing as ``Decimal`` (via its shortest repr)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = Decimal(repr(value))
    return number if number.is_finite() else None


def _acceptance(parsed: object, data: Any) -> tuple[bool, object] | None:
    """(accepted, order id) of a 200 place / cancel / replace answer: exactly one result."""
    result = _single_result(parsed)
    return None if result is None else (result[0] in ACCEPTED, result[1])


_PLACED = answered_with_id(_acceptance, DESCRIPTION.order_ids)
PLACE_ORDER = operation(place_order, _PLACED)
LIST_ACCOUNT_ORDERS = operation(list_account_orders, answered(lambda parsed, data: _listing(parsed)))
CANCEL_ORDER = operation(cancel_order, answered(_acceptance))
REPLACE_ORDER = operation(replace_order, _PLACED)


# -- the rest of an order's life (modify, reads) ----------------------------------------------------
REPLACE_TYPES = {"Market": "Market", "Limit": "Limit", "Stop Limit": "StopLimit", "Stop Market": "StopMarket"}
"""``Legs[].OrderType`` text (account listing) -> the ``OrderType`` a cancel/replace sends."""
POSITION_SIGN = {"Long": 1, "Short": -1}
POSITION_FIELDS = PositionFields(
    side="LongShort", signs=POSITION_SIGN, instrument="Symbol", quantity="Quantity", average_price="AveragePrice"
)
"""A TradeStation v2 position row (``accounts/{account_keys}/positions``)."""


ADAPTER = TradeStationAdapter()
