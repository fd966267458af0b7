"""TradeStation WebAPI v2 (``specs/tradestation.yaml``): OAuth refresh-token grant, orders in
both body generations, OrderConfirmId duplicate detection, account reads.

Rules (TradeStation WebAPI v2 docs, tradestation.github.io/api-docs):

* ``POST /v2/security/authorize`` with ``grant_type=refresh_token``, ``client_id=demo-client``,
  ``client_secret=demo-secret``, ``refresh_token=demo-refresh`` returns a 20-minute access token
  for user ``testUser``; unknown client -> 401 "Invalid API Key", wrong secret -> 401 "API key
  failure", unknown refresh token -> 401 "Invalid refresh token"; the authorization-code grant
  always answers 401 "Authorization code expired" (the sandbox has no browser step).
* ``APIVersion`` selects the body: ``20160101`` and ``20101026`` (the default) take
  ``OrderRequest``; ``20150101``/``20150601`` take the global ``GlobalOrderRequest`` (TradeStation global docs).
  The place result is a single object for ``20160101`` (TS-OAS) and an array otherwise (legacy
  docs); the global versions answer in the global shape (``Id``, ``Status``).
* **Duplicate ``OrderConfirmId``** (same API key, same user): nothing new is placed; the answer
  is HTTP 200 with ``OrderStatus: "Failed"`` (global: ``Status: "Failed"``), the *original*
  order's id in ``OrderID`` (``Id``) and ``Message`` "Order failed. Reason: Duplicate
  OrderConfirmId '<id>'; it was already used by order <id>".
* An unknown symbol is accepted by the API and fails in the engine: HTTP 200 ``Failed`` with a
  new order id, listed afterwards with status ``REJ``.
* Market orders fill at the symbol's reference price (status ``FLL``); others rest (``OPN``).
  Account-order listings carry the ``OrderConfirmId`` of each order as an extra key.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import httpx

from ...book import BookOrder, Instrument, Kind, OrderBook, Side, State
from ...formats import fixed, plain, us_timestamp
from ...tokens import TokenIssuer, TokenState
from ...wire import Call, Reply, json_reply
from ..base import Broker, RecordedOrder, operation
from .dialect import INCOMPLETE, TradeStationDialect
from .leniency import LENIENCY
from .seeds import ACCOUNTS, CLIENTS, STARTING_CASH, SYMBOLS, USER_ACCOUNTS

COMMISSION = Decimal("1.00")
TOKEN_LIFETIME = dt.timedelta(minutes=20)
FIRST_ORDER_ID = 207887693  # the order id of the TradeStation docs' example
GLOBAL_VERSIONS = ("20150101", "20150601")
DEFAULT_VERSION = "20101026"

BUY_ACTIONS = {"BUY": "Buy", "BUYTOCOVER": "Buy to Cover", "BUYTOOPEN": "Buy", "BUYTOCLOSE": "Buy"}
SELL_ACTIONS = {"SELL": "Sell", "SELLSHORT": "Sell Short", "SELLTOOPEN": "Sell", "SELLTOCLOSE": "Sell"}
GLOBAL_SIDES = {
    "Buy": (Side.BUY, "Buy"),
    "BuyToOpen": (Side.BUY, "Buy"),
    "BuyToClose": (Side.BUY, "Buy"),
    "Genbiki": (Side.BUY, "Buy"),
    "Sell": (Side.SELL, "Sell"),
    "Short": (Side.SELL, "Sell Short"),
    "SellShortExempt": (Side.SELL, "Sell Short"),
    "Genwatashi": (Side.SELL, "Sell"),
}
KINDS = {"Market": Kind.MARKET, "Limit": Kind.LIMIT, "StopMarket": Kind.STOP, "StopLimit": Kind.STOP_LIMIT}
KIND_TEXT = {Kind.MARKET: "Market", Kind.LIMIT: "Limit", Kind.STOP: "Stop Market", Kind.STOP_LIMIT: "Stop Limit"}
DURATIONS = {
    "DYP": "DAY+",
    "GCP": "GTC+",
    "GDP": "GTD+",
    "Day": "DAY",
    "DayPlus": "DAY+",
    "GoodTillCancel": "GTC",
    "GoodTillCancelPlus": "GTC+",
    "GoodTillDate": "GTD",
    "GoodTillDatePlus": "GTD+",
    "ImmediateOrCancel": "IOC",
    "FillorKill": "FOK",
    "AtTheOpening": "OPG",
    "AtTheClose": "CLO",
}
STATUS = {
    State.PENDING: ("DIS", "Dispatched"),
    State.WORKING: ("OPN", "Sent"),
    State.PENDING_CANCEL: ("UCN", "Cancel Sent"),
    State.FILLED: ("FLL", "Filled"),
    State.CANCELLED: ("OUT", "UROut"),
    State.REJECTED: ("REJ", "Rejected"),
    State.EXPIRED: ("EXP", "Expired"),
    State.REPLACED: ("UCH", "Replaced"),
}


def status_of(o: BookOrder) -> tuple[str, str]:
    """(``Status``, ``StatusDescription``) of a listed order (TradeStation WebAPI v2, Order
    Detail, Order Status Categories): a working order with a fill is FPR, a cancelled one with
    a fill is FLP ("partial fill, order complete")."""
    if o.state is State.WORKING and o.filled > 0:
        return "FPR", "Partial Fill (Alive)"
    if o.state is State.CANCELLED and o.filled > 0:
        return "FLP", "Partial Fill (UROut)"
    return STATUS[o.state]


LEG_SIDES = {"Buy": "B", "Sell": "S", "Sell Short": "T", "Buy to Cover": "C"}

ACTIVATION_TRIGGERS = [
    {"Key": "STT", "Name": "Single Trade Tick", "Description": "One trade tick must print within your stop price."},
    {"Key": "DTT", "Name": "Double Trade Tick", "Description": "Two consecutive trade ticks must print."},
    {"Key": "TTT", "Name": "Triple Trade Tick", "Description": "Three consecutive trade ticks must print."},
]
EXCHANGES = [
    {"AssetType": "EQ", "Id": "Intelligent", "Name": "Intelligent"},
    {"AssetType": "EQ", "Id": "ARCA", "Name": "ARCA"},
    {"AssetType": "OP", "Id": "CBOE", "Name": "CBOE"},
]


class Rejection(Exception):
    """A request-level refusal (HTTP 400 ``Message``)."""


class TradeStation(Broker):
    name = "tradestation"
    dialect_class = TradeStationDialect
    leniency = LENIENCY
    dialect: TradeStationDialect

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        instruments = {s: Instrument(s, Decimal("0.01"), Decimal(1), Decimal(px), s) for s, (_, px) in SYMBOLS.items()}
        self.book = OrderBook(
            self.clock,
            instruments,
            lambda: str(self.ids.next("tradestation:fill")),
            lambda: str(self.ids.next("tradestation:position")),
        )
        self.tokens = TokenIssuer("orderbridge-sandbox/tradestation", self.clock, self.ids)
        self.confirm_ids: dict[tuple[str, str, str], str] = {}
        """(API key, user, OrderConfirmId) -> order id."""

    # -- auth -------------------------------------------------------------------------------------
    def token_of(self, call: Call) -> str | None:
        if call.operation == "place_order_jsonp":
            return call.query.get("oauth_token") or call.bearer()
        return call.bearer()

    def auth_failure(self, call: Call, token: str | None) -> str | None:
        if token is None:
            return "missing"
        state, _ = self.tokens.check(token)
        return None if state is TokenState.VALID else ("expired" if state is TokenState.EXPIRED else "invalid")

    def for_validation(self, call: Call) -> httpx.Request:
        """JSONP carries its token in ``oauth_token``, yet the spec declares bearerAuth on the
        route (a spec gap: browsers cannot send the header), so the header is filled in from the
        query before validating."""
        request = call.request
        if call.operation == "place_order_jsonp" and "authorization" not in request.headers:
            headers = {**request.headers, "Authorization": f"Bearer {call.query.get('oauth_token', '')}"}
            return httpx.Request(request.method, request.url, headers=headers, content=request.content)
        return request

    def _session(self, call: Call) -> tuple[str, str]:
        """(API key, user id) of the caller's token."""
        _, token = self.tokens.check(self.token_of(call))
        assert token is not None
        return str(token.claims["client_id"]), token.subject

    @operation("authorize")
    def authorize(self, call: Call) -> Reply:
        """``POST /v2/security/authorize`` (form) -> {access_token, expires_in: 1200, token_type, userid}."""
        form = call.body

        def failed(message: str) -> Reply:
            return json_reply({"Message": message, "StatusCode": 401}, 401)

        if form["grant_type"] == "authorization_code":
            return failed("Authorization code expired")
        client = CLIENTS.get(form["client_id"])
        if client is None:
            return failed("Invalid API Key")
        if client["secret"] != form["client_secret"]:
            return failed("API key failure")
        user = client["refresh_tokens"].get(form["refresh_token"])
        if user is None:
            return failed("Invalid refresh token")
        token = self.tokens.issue(user, TOKEN_LIFETIME, client_id=form["client_id"])
        return json_reply(
            {
                "access_token": token.value,
                "expires_in": token.lifetime_seconds,
                "token_type": "AccessToken",
                "userid": user,
            }
        )

    # -- orders -----------------------------------------------------------------------------------
    def _normalise(self, body: dict[str, Any], version: str) -> dict[str, Any]:
        """One order body (either generation) as neutral fields; raises :class:`Rejection`."""
        if version in GLOBAL_VERSIONS:
            if "AccountId" not in body:
                raise Rejection(f"{INCOMPLETE}: AccountId (APIVersion {version} takes the global order shape)")
            side, display = GLOBAL_SIDES[body["Side"]]
            fields = {
                "account": str(body["AccountId"]),
                "type": body["Type"],
                "tif": body["TimeInForce"],
                "asset": {"Equity": "EQ", "Option": "OP", "Future": "FU", "Forex": "FX"}[body["AssetType"]],
            }
        else:
            if "AccountKey" not in body:
                raise Rejection(f"{INCOMPLETE}: AccountKey")
            action = str(body["TradeAction"]).upper()
            side = Side.BUY if action in BUY_ACTIONS else Side.SELL
            display = {**BUY_ACTIONS, **SELL_ACTIONS}.get(action, action.title())
            fields = {
                "account": str(body["AccountKey"]),
                "type": body["OrderType"],
                "tif": body["Duration"],
                "asset": body.get("AssetType", "EQ"),
            }
        kind = KINDS.get(fields["type"])
        if kind is None:
            raise Rejection("Invalid order type.")
        quantity = Decimal(str(body["Quantity"]))
        if quantity <= 0:
            raise Rejection(f"{INCOMPLETE}: Quantity (must be more than 0)")
        limit = None if body.get("LimitPrice") in (None, "") else Decimal(str(body["LimitPrice"]))
        stop = None if body.get("StopPrice") in (None, "") else Decimal(str(body["StopPrice"]))
        if kind in (Kind.LIMIT, Kind.STOP_LIMIT) and not limit:
            raise Rejection("Missing order limit price.")
        if kind in (Kind.STOP, Kind.STOP_LIMIT) and not stop:
            raise Rejection("Missing order stop price.")
        return {
            **fields,
            "side": side,
            "display": display,
            "kind": kind,
            "quantity": quantity,
            "symbol": body["Symbol"],
            "limit": limit if kind in (Kind.LIMIT, Kind.STOP_LIMIT) else None,
            "stop": stop if kind in (Kind.STOP, Kind.STOP_LIMIT) else None,
            "route": body.get("Route") or "Intelligent",
            "confirm_id": body.get("OrderConfirmId"),
            "osos": body.get("OSOs") or [],
            "duration": DURATIONS.get(fields["tif"], fields["tif"]),
        }

    def _check_account(self, call: Call, account: str) -> None:
        _, user = self._session(call)
        if account not in USER_ACCOUNTS.get(user, []):
            raise Rejection("Invalid account.")

    def _summary(self, o: dict[str, Any]) -> str:
        qty = f"{int(o['quantity']):,}" if o["quantity"] == o["quantity"].to_integral_value() else plain(o["quantity"])
        price = o["limit"] if o["limit"] is not None else o["stop"]
        where = "Market" if o["kind"] is Kind.MARKET else f"{fixed(price, 2)} {KIND_TEXT[o['kind']]}"
        return f"{o['display']} {qty} {o['symbol']} @ {where}"

    def _submit(self, call: Call, o: dict[str, Any], version: str) -> dict[str, Any]:
        """Place one normalised order; returns its result object in the version's shape."""
        api_key, user = self._session(call)
        confirm = o["confirm_id"]
        if confirm is not None and (api_key, user, confirm) in self.confirm_ids:
            original = self.confirm_ids[(api_key, user, confirm)]
            message = (
                f"Order failed. Reason: Duplicate OrderConfirmId '{confirm}'; it was already used by order {original}"
            )
            return self._result(version, original, False, message, confirm)
        oid = str(FIRST_ORDER_ID - 1 + self.ids.next("tradestation:order"))
        order = BookOrder(
            oid,
            o["account"],
            o["symbol"],
            o["side"],
            o["kind"],
            o["quantity"],
            self.now(),
            limit_price=o["limit"],
            stop_price=o["stop"],
            client_id=confirm,
            wire={"display": o["display"], "duration": o["duration"], "route": o["route"], "asset": o["asset"]},
        )
        if confirm is not None:
            self.confirm_ids[(api_key, user, confirm)] = oid
        if o["symbol"] not in SYMBOLS:
            order.state = State.REJECTED
            order.wire["reject_reason"] = f"Invalid symbol {o['symbol']}"
            self.book.submit(order)
            return self._result(version, oid, False, f"Order failed. Reason: Invalid symbol {o['symbol']}", confirm)
        self.book.submit(order)
        if order.state is State.FILLED:
            for group in o["osos"]:  # Order-Sends-Order children fire once the parent filled
                for child in group.get("Orders", []):
                    self._submit(call, self._normalise(child, "20160101"), version)
        text = (
            f"Sent order: {o['display']} {plain(o['quantity'])} {o['symbol']}"
            if version in GLOBAL_VERSIONS
            else f"Sent order: {self._summary(o)}"
        )
        return self._result(version, oid, True, text, confirm)

    @staticmethod
    def _result(version: str, order_id: str, ok: bool, message: str, confirm: str | None) -> dict[str, Any]:
        if version in GLOBAL_VERSIONS:
            result: dict[str, Any] = {"Message": message, "Id": int(order_id), "Status": "Success" if ok else "Failed"}
            if confirm is not None:
                result["OrderConfirmId"] = confirm
            return result
        return {"Message": message, "OrderID": order_id, "OrderStatus": "Ok" if ok else "Failed"}

    @staticmethod
    def _results(version: str, results: list[dict[str, Any]]) -> Any:
        return results[0] if version == "20160101" and len(results) == 1 else results

    def _version(self, call: Call) -> str:
        return call.query.get("APIVersion") or DEFAULT_VERSION

    def _place_one(self, call: Call, body: dict[str, Any]) -> dict[str, Any]:
        version = self._version(call)
        order = self._normalise(body, version)
        self._check_account(call, order["account"])
        return self._submit(call, order, version)

    @operation("place_order")
    def place_order(self, call: Call) -> Reply:
        """``POST /v2/orders?APIVersion=`` (OrderRequest or GlobalOrderRequest) -> OrderResult
        (object for 20160101, array otherwise); 400 ``{TraceId, StatusCode, Message}`` on bad input."""
        try:
            result = self._place_one(call, call.body)
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        return json_reply(self._results(self._version(call), [result]))

    @operation("place_order_jsonp")
    def place_order_jsonp(self, call: Call) -> Reply:
        """``GET /v2/jsonp/orders/send?data=&callback=&oauth_token=`` -> ``callback([result])``,
        always HTTP 200 (errors inside the callback)."""
        try:
            body = json.loads(call.query["data"])
            if not isinstance(body, dict):
                raise ValueError
            if "TradeAction" in body:
                body["TradeAction"] = str(body["TradeAction"]).upper()
            result = self._place_one(call, body)
        except (ValueError, KeyError):
            return self.dialect.jsonp(call, {"Message": "Please provide valid order input.", "StatusCode": 400})
        except Rejection as exc:
            return self.dialect.jsonp(call, {"Message": str(exc), "StatusCode": 400})
        return self.dialect.jsonp(call, [result])

    def _confirmation(self, call: Call, body: dict[str, Any]) -> dict[str, Any]:
        o = self._normalise(body, "20160101")
        self._check_account(call, o["account"])
        price = (
            o["limit"]
            or o["stop"]
            or self.book.instruments.get(o["symbol"], Instrument("", Decimal(1), Decimal(1), Decimal(0))).price
        )
        cost = price * o["quantity"]
        return {
            "Route": o["route"],
            "Duration": o["duration"].title(),
            "Account": o["account"],
            "SummaryMessage": self._summary(o),
            "OrderConfirmId": self.ids.digest("tradestation:confirm")[:22],
            "EstimatedPrice": price,
            "EstimatedPriceDisplay": fixed(price, 2),
            "EstimatedCost": cost,
            "EstimatedCostDisplay": f"{cost:,.2f}",
            "EstimatedCommission": COMMISSION,
            "EstimatedCommissionDisplay": fixed(COMMISSION, 2),
            "DebitCreditEstimatedCost": cost + COMMISSION,
            "DebitCreditEstimatedCostDisplay": f"{cost + COMMISSION:,.2f}",
        }

    @operation("confirm_order")
    def confirm_order(self, call: Call) -> Reply:
        """``POST /v2/orders/confirm`` -> OrderConfirmation (object for 20160101, array otherwise)."""
        try:
            confirmation = self._confirmation(call, call.body)
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        return json_reply(self._results(self._version(call), [confirmation]))

    def _group(self, call: Call) -> list[dict[str, Any]]:
        group = call.body
        if group["Type"] in ("OCO", "BRK") and len(group["Orders"]) < 2:
            raise Rejection("Group order must include at least one pair of orders.")
        orders = [self._normalise(child, "20160101") for child in group["Orders"]]
        for o in orders:
            self._check_account(call, o["account"])
        return orders

    @operation("place_group_order")
    def place_group_order(self, call: Call) -> Reply:
        """``POST /v2/orders/groups`` {Type, Orders} -> one OrderResult per child (array). In an
        OCO/BRK group a child that fills cancels its working siblings."""
        try:
            orders = self._group(call)
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        results = [self._submit(call, o, "20160101") for o in orders]
        if call.body["Type"] in ("OCO", "BRK"):
            placed = [self.book.get(r["OrderID"]) for r in results if r["OrderStatus"] == "Ok"]
            if any(p is not None and p.state is State.FILLED for p in placed):
                for p in placed:
                    if p is not None:
                        self.book.cancel(p)
        return json_reply(results)

    @operation("confirm_group_order")
    def confirm_group_order(self, call: Call) -> Reply:
        """``POST /v2/orders/groups/confirm`` -> one OrderConfirmation per child (array)."""
        try:
            self._group(call)
            return json_reply([self._confirmation(call, child) for child in call.body["Orders"]])
        except Rejection as exc:
            return self.dialect.error(400, str(exc))

    def _own_order(self, call: Call) -> BookOrder:
        order = self.book.get(call.path["order_id"])
        _, user = self._session(call)
        if order is None or order.account not in USER_ACCOUNTS.get(user, []):
            raise Rejection("Invalid order ID.")
        if not order.working:
            raise Rejection("Not an open order.")
        return order

    @operation("cancel_order")
    def cancel_order(self, call: Call) -> Reply:
        """``DELETE /v2/orders/{order_id}`` -> {Message: null, OrderID, OrderStatus: Ok}; 400
        "Invalid order ID." / "Not an open order."."""
        try:
            order = self._own_order(call)
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        self.book.cancel(order)
        return json_reply({"Message": None, "OrderID": order.id, "OrderStatus": "Ok"})

    @operation("replace_order")
    def replace_order(self, call: Call) -> Reply:
        """``PUT /v2/orders/{order_id}`` (CancelReplaceRequest): new quantity/prices; a limit may
        become a market order (which then fills)."""
        try:
            order = self._own_order(call)
            kind = KINDS[call.body["OrderType"]]
            if kind is not order.kind and not (order.kind is Kind.LIMIT and kind is Kind.MARKET):
                raise Rejection("Invalid order type.")
            quantity = Decimal(call.body["Quantity"])
            if quantity <= 0:
                raise Rejection("Missing order quantity.")
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        changes: dict[str, Any] = {"quantity": quantity}
        if call.field("LimitPrice"):
            changes["limit_price"] = Decimal(call.field("LimitPrice"))
        if call.field("StopPrice"):
            changes["stop_price"] = Decimal(call.field("StopPrice"))
        if kind is Kind.MARKET and order.kind is not Kind.MARKET:
            changes.update(kind=Kind.MARKET, limit_price=None)
        # Cancel/replace: the original ends replaced (UCH) and the replacement works under a NEW
        # OrderID (TradeStation WebAPI v2, "Cancel and replace an order").
        oid = str(FIRST_ORDER_ID - 1 + self.ids.next("tradestation:order"))
        replacement = self.book.replace(order, oid, **changes)
        if replacement.kind is Kind.MARKET:
            self.book.fill(replacement)
        return json_reply({"Message": "Cancel/Replace order sent.", "OrderID": replacement.id, "OrderStatus": "Ok"})

    # -- account reads ----------------------------------------------------------------------------
    def _keys(self, call: Call) -> list[str]:
        keys = [k.strip() for k in call.path["account_keys"].split(",")]
        _, user = self._session(call)
        if not 1 <= len(keys) <= 25 or any(k not in USER_ACCOUNTS.get(user, []) for k in keys):
            raise Rejection("Invalid account.")
        return keys

    def _order_json(self, o: BookOrder) -> dict[str, Any]:
        status, description = status_of(o)
        done = us_timestamp(o.updated_at or o.created_at) if not o.working else ""
        price = self.book.instruments[o.symbol].price if o.symbol in self.book.instruments else Decimal(0)
        limit, stop, filled = o.limit_price or Decimal(0), o.stop_price or Decimal(0), o.average_price or Decimal(0)
        leg = {
            "Ask": price,
            "Bid": price,
            "ExecPrice": filled,
            "ExecQuantity": o.filled,
            "Leaves": o.remaining,
            "LegNumber": 1,
            "LimitPrice": limit,
            "LimitPriceDisplay": plain(limit),
            "OpenOrClose": "O",
            "OrderID": int(o.id),
            "OrderType": KIND_TEXT[o.kind],
            "OrderTypeDescription": KIND_TEXT[o.kind],
            "Quantity": o.quantity,
            "Side": LEG_SIDES.get(o.wire["display"], "B"),
            "StopPrice": stop,
            "StopPriceDisplay": plain(stop),
            "Symbol": o.symbol,
            "TimeExecuted": done if o.filled else "",
        }
        row: dict[str, Any] = {
            "AccountID": o.account,
            "AssetType": o.wire["asset"],
            "CommissionFee": COMMISSION if o.filled else 0,
            "Duration": o.wire["duration"],
            "ExecuteQuantity": o.filled,
            "FilledCanceled": done,
            "FilledPrice": filled,
            "FilledPriceText": f"{filled:.10f}",
            "GroupName": "",
            "Legs": [leg],
            "LimitPrice": limit,
            "LimitPriceText": plain(limit),
            "OrderID": int(o.id),
            "Originator": 543061,
            "Quantity": o.quantity,
            "QuantityLeft": o.remaining,
            "Routing": o.wire["route"],
            "Status": status,
            "StatusDescription": description,
            "StopPrice": stop,
            "StopPriceText": plain(stop),
            "Symbol": o.symbol,
            "TimeStamp": us_timestamp(o.created_at),
            "TriggeredBy": "",
            "Type": o.wire["display"],
            "OrderConfirmId": o.client_id or "",
        }
        if o.state is State.REJECTED:
            row["RejectReason"] = o.wire.get("reject_reason", "")
        return row

    @operation("list_account_orders")
    def list_account_orders(self, call: Call) -> Reply:
        """``GET /v2/accounts/{account_keys}/orders?since=&pageSize=&pageNum=`` -> orders newest
        first. Without ``since``: working orders and today's (UTC) orders; with ``since``
        (MM-DD-YYYY): orders created from that day on. ``pageNum`` is 1-based (0 is taken as 1);
        a page past the end is ``[]``."""
        try:
            keys = self._keys(call)
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        since_text = call.query.get("since")
        if since_text:
            try:
                since = dt.datetime.strptime(since_text, "%m-%d-%Y").replace(tzinfo=dt.UTC)
            except ValueError:  # the spec's pattern admits a day the month lacks (02-30-2026)
                return self.dialect.error(400, f"Invalid since date {since_text}; expected MM-DD-YYYY.")
        else:
            since = self.now().replace(hour=0, minute=0, second=0, microsecond=0)
        rows = [o for o in self.book.select() if o.account in keys and (o.created_at >= since or o.working)]
        rows.reverse()
        size = int(call.query.get("pageSize", "600"))
        page = max(int(call.query.get("pageNum", "1")), 1)
        return json_reply([self._order_json(o) for o in rows[(page - 1) * size : page * size]])

    def _cash(self, key: str) -> Decimal:
        spent = sum(
            (f.price * f.quantity * f.side.sign for f in self.book.ledger.fills if f.account == key), Decimal(0)
        )
        return STARTING_CASH - spent

    @operation("get_account_balances")
    def get_account_balances(self, call: Call) -> Reply:
        """``GET /v2/accounts/{account_keys}/balances`` -> one balance per key."""
        try:
            keys = self._keys(call)
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        rows = []
        for key in keys:
            value = sum(
                (p.quantity * self.book.instruments[p.symbol].price for p in self.book.ledger.positions(key)),
                Decimal(0),
            )
            cash = self._cash(key)
            rows.append(
                {
                    "Key": int(key),
                    "Name": key,
                    "DisplayName": key,
                    "Alias": ACCOUNTS[key]["Alias"],
                    "Type": ACCOUNTS[key]["Type"],
                    "TypeDescription": ACCOUNTS[key]["TypeDescription"],
                    "Status": "A",
                    "StatusDescription": "Active",
                    "BODAccountBalance": STARTING_CASH,
                    "BODEquity": STARTING_CASH,
                    "BODNetCash": STARTING_CASH,
                    "RealTimeAccountBalance": cash,
                    "RealTimeBuyingPower": cash,
                    "RealTimeEquity": cash + value,
                    "RealTimeRealizedProfitLoss": 0,
                    "RealTimeUnrealizedProfitLoss": 0,
                    "MarketValue": value,
                }
            )
        return json_reply(rows)

    @operation("get_account_positions")
    def get_account_positions(self, call: Call) -> Reply:
        """``GET /v2/accounts/{account_keys}/positions?$filter=Symbol eq 'X'`` -> open positions."""
        try:
            keys = self._keys(call)
        except Rejection as exc:
            return self.dialect.error(400, str(exc))
        wanted = None
        if call.query.get("$filter"):
            found = re.fullmatch(r"\s*Symbol\s+eq\s+'([^']*)'\s*", call.query["$filter"])
            if found is None:
                return self.dialect.error(400, "Invalid Request")
            wanted = found.group(1)
        rows = []
        for key in keys:
            for p in self.book.ledger.positions(key):
                if wanted not in (None, p.symbol):
                    continue
                last = self.book.instruments[p.symbol].price
                rows.append(
                    {
                        "AccountID": key,
                        "Key": int(self.ids.next("tradestation:position-key")),
                        "Symbol": p.symbol,
                        "AssetType": SYMBOLS[p.symbol][0],
                        "LongShort": "Long" if p.long else "Short",
                        "Quantity": p.size,
                        "AveragePrice": p.average_price,
                        "LastPrice": last,
                        "MarketValue": last * p.quantity,
                        "TotalCost": p.average_price * p.quantity,
                        "OpenProfitLoss": (last - p.average_price) * p.quantity,
                    }
                )
        return json_reply(rows)

    @operation("list_user_accounts")
    def list_user_accounts(self, call: Call) -> Reply:
        """``GET /v2/users/{user_id}/accounts`` -> the user's accounts (``Key`` is a number); another
        user's id is 404."""
        _, user = self._session(call)
        if call.path["user_id"] != user:
            return self.dialect.error(404, "Not Found")
        return json_reply(
            [
                {
                    "Alias": a["Alias"],
                    "AltId": "",
                    "DisplayName": key,
                    "IsStockLocateEligible": False,
                    "Key": int(key),
                    "Name": key,
                    "Type": a["Type"],
                    "TypeDescription": a["TypeDescription"],
                    "Status": "A",
                    "StatusDescription": "Active",
                }
                for key, a in ACCOUNTS.items()
                if key in USER_ACCOUNTS[user]
            ]
        )

    @operation("list_activation_triggers")
    def list_activation_triggers(self, call: Call) -> Reply:
        """``GET /v2/orderexecution/activationtriggers`` -> {ActivationTriggers}."""
        return json_reply({"ActivationTriggers": ACTIVATION_TRIGGERS})

    @operation("list_exchanges")
    def list_exchanges(self, call: Call) -> Reply:
        """``GET /v2/orderexecution/exchanges`` -> {Exchange} (route ids)."""
        return json_reply({"Exchange": EXCHANGES})

    def recorded_orders(self) -> list[RecordedOrder]:
        return self.book_orders(self.book, lambda o: status_of(o)[0])
