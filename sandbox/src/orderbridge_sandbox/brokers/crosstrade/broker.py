"""CrossTrade REST v1, the NinjaTrader 8 bridge (``specs/crosstrade.yaml``): NT8 accounts,
dated futures instruments, orders, positions and executions.

Rules (CrossTrade API docs, crosstrade.io/docs/api):

* ``Authorization: Bearer demo-token`` (the secret key; no login, no expiry); anything else 401.
* Account names match case-insensitively and are echoed canonically (``sim101`` -> ``Sim101``).
* Instruments: the NT8 dated form (``MES 12-25``), a bare root (front month), a TradingView
  continuous symbol (``ES1!``) or a CME code (``ESZ25`` / ``ESZ5``).
* ``orders/place``: a caller-chosen ``orderId`` *is* the order's id, so ``GET orders/{orderId}``
  finds it; reusing one in the same account is refused (400 ``duplicate_order_id``, nothing
  placed). ``requireMarketPosition`` and ``maxPositions`` guards answer 400. Market orders fill at
  the reference price; others rest as ``Working``.
* ``orders/flatplace`` cancels the instrument's working orders and closes its position (even
  when flat), then places the order.
* Unknown order on GET is 404; cancel/change of an unknown or finished order is 400 with the
  stable message ``Order linked to '<id>' not found or already terminal.``
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

from ...book import BookOrder, Instrument, Kind, OrderBook, Position, Side, State
from ...formats import epoch_ms, us_timestamp
from ...wire import Call, Reply, json_reply
from ..base import Broker, Host, RecordedOrder, operation
from .dialect import CrossTradeDialect
from .rpc import STREAM_PATH, RpcEndpoint
from .seeds import ACCOUNTS, INSTRUMENTS, TOKENS

FEE_PER_CONTRACT = Decimal("0")
MAX_BARS = 500
"""The sandbox caps synthetic bar answers at this many bars."""

ACTIONS = {"BUY": Side.BUY, "SELL": Side.SELL}
KINDS = {"MARKET": Kind.MARKET, "LIMIT": Kind.LIMIT, "STOPMARKET": Kind.STOP, "STOPLIMIT": Kind.STOP_LIMIT}
NT_TYPES = {Kind.MARKET: "Market", Kind.LIMIT: "Limit", Kind.STOP: "StopMarket", Kind.STOP_LIMIT: "StopLimit"}
NT_STATES = {
    State.PENDING: "Submitted",
    State.WORKING: "Working",
    State.PENDING_CANCEL: "CancelPending",
    State.FILLED: "Filled",
    State.CANCELLED: "Cancelled",
    State.REJECTED: "Rejected",
    State.EXPIRED: "Cancelled",  # NinjaTrader has no expired state: a lapsed GTD order is cancelled
    State.REPLACED: "Cancelled",
}
"""Book state -> NinjaTrader 8 ``OrderState`` (NinjaTrader 8 Help Guide, OrderState)."""


def nt_state(o: BookOrder) -> str:
    """The order's NinjaTrader state: an untriggered stop is Accepted, a working order with a
    fill is PartFilled."""
    if o.state is State.WORKING and o.filled > 0:
        return "PartFilled"
    if o.state is State.WORKING and o.kind is Kind.STOP:
        return "Accepted"
    return NT_STATES[o.state]


MONTH_CODES = "FGHJKMNQUVXZ"
TERMINAL_MESSAGE = "Order linked to '{}' not found or already terminal."


class CrossTrade(Broker):
    name = "crosstrade"
    dialect_class = CrossTradeDialect
    stream_path = STREAM_PATH
    dialect: CrossTradeDialect

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.accounts = {name: dict(a) for name, a in ACCOUNTS.items()}
        self.meta = {name: (desc, exp) for name, desc, _, _, _, exp in INSTRUMENTS}
        instruments = {
            name: Instrument(name, Decimal(tick), Decimal(pv), Decimal(px), desc, FEE_PER_CONTRACT)
            for name, desc, tick, pv, px, _ in INSTRUMENTS
        }
        self.book = OrderBook(
            self.clock,
            instruments,
            lambda: self.ids.hex32("crosstrade:execution"),
            lambda: self.ids.hex32("crosstrade:position"),
        )
        self.strategies: dict[str, dict[str, str]] = {}

    def stream_endpoint(self, host: Host, origin: str) -> RpcEndpoint:
        """CrossTrade's WebSocket RPC (``/ws/stream``), answered through ``host``'s pipeline."""
        return RpcEndpoint(host, origin)

    def auth_failure(self, call: Call, token: str | None) -> str | None:
        if token is None:
            return "missing"
        return None if token in TOKENS else "invalid"

    # -- lookups ----------------------------------------------------------------------------------
    def account_name(self, text: str | None) -> str | None:
        """Canonical account name for ``text`` (case-insensitive), or None."""
        for name in self.accounts:
            if text is not None and name.lower() == text.lower():
                return name
        return None

    def resolve(self, text: str) -> str | None:
        """The dated instrument ``text`` refers to (dated name, root, ``ROOT1!`` or CME code)."""
        text = text.strip().upper()
        names = [name for name, *_ in INSTRUMENTS]
        if text in names:
            return text
        root = text[:-2] if text.endswith("1!") else text
        fronts = [n for n in names if n.split()[0] == root]
        if fronts:
            return fronts[0]
        for n in names:  # CME code: ROOT + month letter + 1 or 2 year digits
            r, mmyy = n.split()
            month, year = int(mmyy[:2]), mmyy[3:]
            if text in (f"{r}{MONTH_CODES[month - 1]}{year}", f"{r}{MONTH_CODES[month - 1]}{year[-1]}"):
                return n
        return None

    def _no_account(self, name: str, status: int = 400) -> Reply:
        return self.dialect.error(status, "invalid_account", f"Account {name} not found")

    # -- shapes -----------------------------------------------------------------------------------
    def _order_json(self, o: BookOrder) -> dict[str, Any]:
        price = o.limit_price if o.limit_price is not None else Decimal(0)
        return {
            "account": o.account,
            "orderId": o.id,
            "instrument": o.symbol,
            "instrumentType": "Future",
            "orderType": NT_TYPES[o.kind],
            "orderState": nt_state(o),
            "quantity": int(o.quantity),
            "averageFillPrice": o.average_price or Decimal(0),
            "filled": int(o.filled),
            "fromEntrySignal": None,
            "gtd": "2099-12-01T00:00:00.0000000",
            "hasOverfill": False,
            "isBacktestOrder": False,
            "limitPrice": price,
            "limitPriceChanged": price,
            "stopPrice": o.stop_price if o.stop_price is not None else Decimal(0),
            "action": o.side.value.title(),
            "timeInForce": o.wire.get("timeInForce", "DAY").title(),
            "oco": o.wire.get("ocoId") or "",
            "name": o.wire.get("name", "Entry"),
            "time": us_timestamp(o.created_at),
            "epoch": epoch_ms(o.created_at),
        }

    def _position_json(self, p: Position, **extra: Any) -> dict[str, Any]:
        price = self.book.instruments[p.symbol].price
        unrealized = (price - p.average_price) * p.quantity * self.book.instruments[p.symbol].point_value
        return {
            "type": "NinjaTrader.Cbi.Position",
            "account": p.account,
            "instrument": p.symbol,
            "instrumentType": "Future",
            "marketPosition": "Long" if p.long else "Short",
            "quantity": int(p.size),
            "averagePrice": p.average_price,
            "marketPrice": price,
            "unrealizedProfitLoss": unrealized,
            "tag": None,
            **extra,
        }

    def _account_json(self, name: str, **extra: Any) -> dict[str, Any]:
        a = self.accounts[name]
        realized = sum((f.realized or Decimal(0)) for f in self.book.ledger.fills if f.account == name)
        unrealized = sum(
            Decimal(str(self._position_json(p)["unrealizedProfitLoss"])) for p in self.book.ledger.positions(name)
        )
        cash = a["cash"] + realized
        item = {
            "buyingPower": cash,
            "cashValue": cash,
            "netLiquidation": cash + unrealized,
            "realizedProfitLoss": realized,
            "unrealizedProfitLoss": unrealized,
            "totalCashBalance": cash,
        }
        fields = {k: v for k, v in a.items() if k != "cash"}
        return {**fields, "connection": "Simulated Data Feed", "connectionStatus": "Connected", "item": item, **extra}

    def _quote_json(self, name: str) -> dict[str, Any]:
        i = self.book.instruments[name]
        desc, expiration = self.meta[name]
        now = self.now()
        return {
            "instrument": name,
            "description": desc,
            "type": "Future",
            "tickSize": i.tick_size,
            "pointValue": i.point_value,
            "tickValue": i.tick_size * i.point_value,
            "exchange": "Globex",
            "expiration": expiration,
            "tradingHours": "CME US Index Futures ETH",
            "bid": i.price - i.tick_size,
            "ask": i.price,
            "last": i.price,
            "open": i.price,
            "high": i.price + i.tick_size,
            "low": i.price - i.tick_size,
            "close": i.price,
            "volume": 0,
            "quoteTime": us_timestamp(now),
            "quoteTimeUtc": f"{now:%Y-%m-%d %H:%M:%S}",
            "epoch": int(now.timestamp()),
            "dataSource": {"status": "Simulated", "connectedFeeds": ["Simulated"]},
            "isMarketOpen": True,
        }

    # -- placing ----------------------------------------------------------------------------------
    def _market_position(self, account: str, symbol: str) -> str:
        pos = self.book.ledger.position(account, symbol)
        return "flat" if pos is None else ("long" if pos.long else "short")

    def _check_place(self, account: str, body: dict[str, Any]) -> tuple[Reply | None, str]:
        """Validate a PlaceOrderRequest against state; returns (error reply or None, instrument)."""
        error = self.dialect.error
        symbol = self.resolve(body["instrument"])
        if symbol is None:
            return error(400, "invalid_instrument", f"Instrument '{body['instrument']}' not found"), ""
        instrument = self.book.instruments[symbol]
        kind = KINDS[body["orderType"]]
        for key, needed in (
            ("limitPrice", kind in (Kind.LIMIT, Kind.STOP_LIMIT)),
            ("stopPrice", kind in (Kind.STOP, Kind.STOP_LIMIT)),
        ):
            value = body.get(key)
            if needed and value is None:
                return error(400, f"{key} is required for {body['orderType']} orders"), symbol
            if value is not None and (Decimal(str(value)) <= 0 or not instrument.aligned(Decimal(str(value)))):
                return error(
                    400, f"Invalid {key} {value}: not a multiple of the tick size {instrument.tick_size}"
                ), symbol
        current = self._market_position(account, symbol)
        required = body.get("requireMarketPosition")
        if required:
            allowed = {part.strip().lower() for part in required.split(",")}
            if current not in allowed:
                return error(
                    400,
                    "market_position_requirement_not_met",
                    f"Account {account} is {current} in {symbol}; required: {required}",
                ), symbol
        limit = body.get("maxPositions")
        if limit is not None and current == "flat" and len(self.book.ledger.positions(account)) >= limit:
            return error(
                400, "max_positions_reached", f"Account {account} already holds {limit} or more positions"
            ), symbol
        custom = body.get("orderId")
        if custom is not None and self.book.get(custom) is not None:
            return error(400, "duplicate_order_id", f"An order with id '{custom}' already exists"), symbol
        return None, symbol

    def _submit(self, account: str, symbol: str, body: dict[str, Any]) -> BookOrder:
        wire = {"timeInForce": body["timeInForce"], "ocoId": body.get("ocoId"), "strategy": body.get("strategy")}
        order = BookOrder(
            body.get("orderId") or self.ids.hex32("crosstrade:order"),
            account,
            symbol,
            ACTIONS[body["action"]],
            KINDS[body["orderType"]],
            Decimal(body["quantity"]),
            self.now(),
            limit_price=None if body.get("limitPrice") is None else Decimal(str(body["limitPrice"])),
            stop_price=None if body.get("stopPrice") is None else Decimal(str(body["stopPrice"])),
            client_id=body.get("orderId"),
            wire=wire,
        )
        self.book.submit(order)
        if body.get("strategy"):
            strategy_id = str(300000000 + self.ids.next("crosstrade:strategy"))
            self.strategies[strategy_id] = {"account": account, "instrument": symbol, "template": body["strategy"]}
            order.wire["strategyId"] = strategy_id
        oco = body.get("ocoId")
        if oco and order.state is State.FILLED:
            for other in self.book.select(account=account, working=True):
                if other.wire.get("ocoId") == oco:
                    self.book.cancel(other)
        return order

    def _market(self, account: str, symbol: str, side: Side, quantity: Decimal, name: str) -> BookOrder:
        order = BookOrder(
            self.ids.hex32("crosstrade:order"),
            account,
            symbol,
            side,
            Kind.MARKET,
            quantity,
            self.now(),
            wire={"timeInForce": "DAY", "name": name},
        )
        return self.book.submit(order)

    def _close(
        self, account: str, symbol: str, quantity: Decimal | None = None
    ) -> tuple[BookOrder, dict[str, Any]] | None:
        """Close (part of) a position with a market order; returns the order and the position
        as it was before."""
        pos = self.book.ledger.position(account, symbol)
        exit_ = self.book.exit_for(account, symbol, quantity)
        if pos is None or exit_ is None:
            return None
        before = self._position_json(pos)
        return self._market(account, symbol, *exit_, name="Exit"), before

    def _cancel_working(self, account: str | None, symbol: str | None = None) -> list[str]:
        orders = self.book.select(account=account, symbol=symbol, working=True)
        return [o.id for o in orders if self.book.cancel(o)]

    @operation("place_order")
    def place_order(self, call: Call) -> Reply:
        """``POST /v1/api/accounts/{account}/orders/place`` (PlaceOrderRequest) -> {orderId, success}."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"])
        error, symbol = self._check_place(account, call.body)
        if error:
            return error
        order = self._submit(account, symbol, call.body)
        return json_reply({"orderId": order.id, "success": True})

    @operation("flat_place_order")
    def flat_place_order(self, call: Call) -> Reply:
        """``POST .../orders/flatplace``: cancel the instrument's working orders, close its position
        (even when flat), then place -> {orderId, success}."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"])
        symbol = self.resolve(call.body["instrument"])
        if symbol is not None:
            self._cancel_working(account, symbol)
            self._close(account, symbol)
        error, symbol = self._check_place(account, call.body)
        if error:
            return error
        return json_reply({"orderId": self._submit(account, symbol, call.body).id, "success": True})

    @operation("reverse_position_and_place")
    def reverse_position_and_place(self, call: Call) -> Reply:
        """``POST .../positions/reverseposition``: close the open position, then place the body's
        order; 400 when flat."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"])
        symbol = self.resolve(call.body["instrument"]) or call.body["instrument"]
        if self.book.ledger.position(account, symbol) is None:
            return self.dialect.error(
                400, f"No position found for instrument '{symbol}' in account '{call.path['account']}'"
            )
        error, symbol = self._check_place(account, call.body)
        if error:
            return error
        self._close(account, symbol)
        return json_reply({"orderId": self._submit(account, symbol, call.body).id, "success": True})

    # -- orders -----------------------------------------------------------------------------------
    def _account_order(self, call: Call) -> tuple[str | None, BookOrder | None]:
        account = self.account_name(call.path["account"])
        order = self.book.get(call.path["orderId"])
        if account is None or order is None or order.account != account:
            return account, None
        return account, order

    @operation("list_orders")
    def list_orders(self, call: Call) -> Reply:
        """``GET .../orders[?activeOnly=true]`` -> {orders, count, success}."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"], 404)
        working = True if call.query.get("activeOnly", "").lower() == "true" else None
        orders = [self._order_json(o) for o in self.book.select(account=account, working=working)]
        return json_reply({"orders": orders, "count": len(orders), "success": True})

    @operation("get_order")
    def get_order(self, call: Call) -> Reply:
        """``GET .../orders/{orderId}`` (CrossTrade id or custom id) -> Order; unknown is 404."""
        account, order = self._account_order(call)
        if account is None:
            return self._no_account(call.path["account"], 404)
        if order is None:
            return self.dialect.error(
                404, "not_found", f"Order '{call.path['orderId']}' not found in account {account}"
            )
        return json_reply({**self._order_json(order), "success": True})

    @operation("change_order")
    def change_order(self, call: Call) -> Reply:
        """``PUT .../orders/{orderId}/change`` {quantity?, limitPrice?, stopPrice?} -> {orderId, success}."""
        _, order = self._account_order(call)
        if order is None or not order.working:
            return self.dialect.error(400, TERMINAL_MESSAGE.format(call.path["orderId"]))
        instrument = self.book.instruments[order.symbol]
        for key in ("limitPrice", "stopPrice"):
            value = call.field(key)
            if value is not None and not instrument.aligned(Decimal(str(value))):
                return self.dialect.error(
                    400, f"Invalid {key} {value}: not a multiple of the tick size {instrument.tick_size}"
                )
        if call.field("quantity") is not None:
            order.quantity = Decimal(call.field("quantity"))
        if call.field("limitPrice") is not None:
            order.limit_price = Decimal(str(call.field("limitPrice")))
        if call.field("stopPrice") is not None:
            order.stop_price = Decimal(str(call.field("stopPrice")))
        order.updated_at = self.now()
        return json_reply({"orderId": order.id, "success": True})

    @operation("cancel_order")
    def cancel_order(self, call: Call) -> Reply:
        """``POST .../orders/{orderId}/cancel`` {} -> {orderId, success}; unknown or finished: 400."""
        _, order = self._account_order(call)
        if order is None or not self.book.cancel(order):
            return self.dialect.error(400, TERMINAL_MESSAGE.format(call.path["orderId"]))
        return json_reply({"orderId": order.id, "success": True})

    @operation("cancel_orders")
    def cancel_orders(self, call: Call) -> Reply:
        """``POST .../orders/cancel`` {instrument?} -> {orderIds, success}."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"])
        symbol = self.resolve(call.field("instrument")) if call.field("instrument") else None
        if call.field("instrument") and symbol is None:
            return self.dialect.error(400, "invalid_instrument", f"Instrument '{call.field('instrument')}' not found")
        return json_reply({"orderIds": self._cancel_working(account, symbol), "success": True})

    @operation("cancel_all_orders")
    def cancel_all_orders(self, call: Call) -> Reply:
        """``POST /v1/api/orders/cancelall`` {} -> {orderIds, success} across every account."""
        return json_reply({"orderIds": self._cancel_working(None), "success": True})

    # -- positions --------------------------------------------------------------------------------
    @operation("list_positions")
    def list_positions(self, call: Call) -> Reply:
        """``GET .../positions`` -> {positions, count, success}."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"], 404)
        rows = [self._position_json(p) for p in self.book.ledger.positions(account)]
        return json_reply({"positions": rows, "count": len(rows), "success": True})

    @operation("get_position")
    def get_position(self, call: Call) -> Reply:
        """``GET .../position?instrument=`` -> Position + success; none is 400."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"], 404)
        text = call.query["instrument"]
        pos = self.book.ledger.position(account, self.resolve(text) or text)
        if pos is None:
            return self.dialect.error(
                400, f"No position found for instrument '{text}' in account '{call.path['account']}'"
            )
        return json_reply(self._position_json(pos, success=True))

    @operation("list_all_positions")
    def list_all_positions(self, call: Call) -> Reply:
        """``GET /v1/api/positions?includeFlat=`` -> {positions, count, success} (the sandbox keeps no
        flat rows)."""
        rows = [self._position_json(p) for p in self.book.ledger.positions()]
        return json_reply({"positions": rows, "count": len(rows), "success": True})

    @operation("close_position")
    def close_position(self, call: Call) -> Reply:
        """``POST .../positions/close`` {instrument, quantity? | percent?} -> {closedPositions, success}."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"])
        text = call.body["instrument"]
        symbol = self.resolve(text) or text
        pos = self.book.ledger.position(account, symbol)
        if pos is None:
            return self.dialect.error(400, f"No positions found for instrument '{text}'")
        quantity = call.field("quantity")
        if quantity is None and call.field("percent") is not None:
            quantity = max(1, math.ceil(pos.size * Decimal(str(call.field("percent")))))
        closed = self._close(account, symbol, None if quantity is None else Decimal(quantity))
        assert closed is not None
        return json_reply({"closedPositions": [closed[1]], "success": True})

    def _flatten(
        self, account: str | None, symbol: str | None, side: str | None = None
    ) -> tuple[list[str], list[dict[str, Any]]]:
        order_ids, closed = [], []
        for pos in list(self.book.ledger.positions(account)):
            if symbol not in (None, pos.symbol) or side not in (None, "long" if pos.long else "short"):
                continue
            self._cancel_working(pos.account, pos.symbol)
            result = self._close(pos.account, pos.symbol)
            if result:
                order_ids.append(result[0].id)
                closed.append(result[1])
        return order_ids, closed

    @operation("flatten_positions")
    def flatten_positions(self, call: Call) -> Reply:
        """``POST .../positions/flatten`` {instrument?} -> {closedPositions, success, warning?}."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"])
        text = call.field("instrument")
        _, closed = self._flatten(account, (self.resolve(text) or text) if text else None)
        body: dict[str, Any] = {"closedPositions": closed, "success": True}
        if not closed:
            body["warning"] = "Nothing to flatten"
        return json_reply(body)

    @operation("flatten_everything")
    def flatten_everything(self, call: Call) -> Reply:
        """``POST /v1/api/positions/flatten`` {account?, instrument?, marketPosition?}; an empty body
        flattens every account -> {orderIds, closedPositions, success}."""
        account = call.field("account")
        name = self.account_name(account) if account else None
        if account and name is None:
            return self._no_account(account)
        text = call.field("instrument")
        ids, closed = self._flatten(name, (self.resolve(text) or text) if text else None, call.field("marketPosition"))
        body: dict[str, Any] = {"orderIds": ids, "closedPositions": closed, "success": True}
        if not closed:
            body["warning"] = "Nothing to flatten"
        return json_reply(body)

    @operation("reverse_position")
    def reverse_position(self, call: Call) -> Reply:
        """``POST .../positions/reverse`` {instrument} -> {orderId, success}; flat is 400."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"])
        text = call.body["instrument"]
        symbol = self.resolve(text) or text
        pos = self.book.ledger.position(account, symbol)
        if pos is None:
            return self.dialect.error(
                400, f"No position found for instrument '{text}' in account '{call.path['account']}'"
            )
        side = Side.SELL if pos.long else Side.BUY
        return json_reply({"orderId": self._market(account, symbol, side, pos.size * 2, "Reverse").id, "success": True})

    # -- executions, strategies -------------------------------------------------------------------
    def _execution_json(self, f: Any) -> dict[str, Any]:
        after = f.position_after
        return {
            "id": f.id,
            "type": "NinjaTrader.Cbi.Execution",
            "time": f"{f.time:%Y-%m-%dT%H:%M:%S}.{f.time.microsecond:06d}0",
            "epoch": epoch_ms(f.time),
            "name": "Entry" if f.realized is None else "Exit",
            "orderId": f.order_id,
            "account": f.account,
            "serverName": "ORDERBRIDGE-SANDBOX",
            "instrument": f.symbol,
            "instrumentType": "Future",
            "position": int(abs(after)),
            # NinjaTrader's Execution.MarketPosition is the execution's direction (Long = buy,
            # Short = sell), not the position left after it.
            "marketPosition": "Long" if f.side is Side.BUY else "Short",
            "price": f.price,
            "quantity": int(f.quantity),
        }

    @operation("list_executions")
    def list_executions(self, call: Call) -> Reply:
        """``GET .../executions?lookbackTime=`` -> {executions} of the last ``lookbackTime`` s (320)."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"], 404)
        since = self.now() - dt.timedelta(seconds=int(call.query.get("lookbackTime", "320")))
        rows = [self._execution_json(f) for f in self.book.ledger.fills if f.account == account and f.time >= since]
        return json_reply({"executions": rows, "success": True})

    @operation("get_execution")
    def get_execution(self, call: Call) -> Reply:
        """``GET .../executions/{executionId}`` -> Execution; unknown is 404."""
        account = self.account_name(call.path["account"])
        for f in self.book.ledger.fills:
            if f.id == call.path["executionId"] and f.account == account:
                return json_reply({**self._execution_json(f), "success": True})
        return self.dialect.error(404, "not_found", f"Execution '{call.path['executionId']}' not found")

    @operation("close_strategy")
    def close_strategy(self, call: Call) -> Reply:
        """``POST .../strategies/{strategyId}/close`` {} -> {strategyId, success}: flattens the
        strategy's instrument; unknown strategy is 400."""
        strategy = self.strategies.pop(call.path["strategyId"], None)
        account = self.account_name(call.path["account"])
        if strategy is None or strategy["account"] != account:
            return self.dialect.error(400, f"Strategy '{call.path['strategyId']}' not found")
        self._flatten(account, strategy["instrument"])
        return json_reply({"strategyId": call.path["strategyId"], "success": True})

    # -- accounts and market data -----------------------------------------------------------------
    @operation("list_accounts")
    def list_accounts(self, call: Call) -> Reply:
        """``GET /v1/api/accounts`` -> {accounts, count, success}."""
        rows = [self._account_json(name) for name in self.accounts]
        return json_reply({"accounts": rows, "count": len(rows), "success": True})

    @operation("get_account_snapshot")
    def get_account_snapshot(self, call: Call) -> Reply:
        """``GET /v1/api/accounts/snapshot`` -> every account with its positions."""
        now = self.now()
        entries = [
            {
                "account": self._account_json(
                    name, type="NinjaTrader.Cbi.Account", isAccountFlat=not self.book.ledger.positions(name)
                ),
                "positions": [self._position_json(p) for p in self.book.ledger.positions(name)],
            }
            for name in self.accounts
        ]
        return json_reply(
            {
                "type": "snapshot",
                "timestamp": us_timestamp(now),
                "epoch": epoch_ms(now),
                "accounts": entries,
                "success": True,
            }
        )

    @operation("get_account")
    def get_account(self, call: Call) -> Reply:
        """``GET /v1/api/accounts/{account}`` -> Account + item + success; unknown is 404."""
        account = self.account_name(call.path["account"])
        if account is None:
            return self._no_account(call.path["account"], 404)
        return json_reply(self._account_json(account, success=True))

    def _quotes(self, text: str) -> list[dict[str, Any]] | Reply:
        rows = []
        for part in text.split(","):
            symbol = self.resolve(part)
            if symbol is None:
                return self.dialect.error(400, "invalid_instrument", f"Instrument '{part.strip()}' not found")
            rows.append(self._quote_json(symbol))
        return rows

    @operation("get_account_quote")
    def get_account_quote(self, call: Call) -> Reply:
        """``GET .../quote?instrument=`` (deprecated) -> Quote + success."""
        if self.account_name(call.path["account"]) is None:
            return self._no_account(call.path["account"], 404)
        rows = self._quotes(call.query["instrument"])
        return rows if isinstance(rows, Reply) else json_reply({**rows[0], "success": True})

    @operation("get_quote")
    def get_quote(self, call: Call) -> Reply:
        """``GET /v1/api/market/quote?instrument=`` -> a Quote, or an array for a comma list."""
        text = call.query["instrument"]
        rows = self._quotes(text)
        if isinstance(rows, Reply):
            return rows
        return json_reply(rows if "," in text else rows[0])

    @operation("get_bars")
    def get_bars(self, call: Call) -> Reply:
        """``POST /v1/api/market/bars`` -> flat synthetic bars (most recent ``limit``, oldest first)."""
        b = call.body
        symbol = self.resolve(b["instrument"])
        if symbol is None:
            return self.dialect.error(400, "invalid_instrument", f"Instrument '{b['instrument']}' not found")
        # JSON Schema counts 55.0 as an integer; the body decodes it as Decimal("55.0")
        period, kind = int(b.get("period", 1)), b.get("periodType", "minute")
        try:
            step = dt.timedelta(seconds=period) if kind == "second" else dt.timedelta(minutes=period)
        except OverflowError:  # the spec sets no maximum; a bar longer than the calendar is refused
            return self.dialect.error(400, "invalid_request", f"period: {period} {kind}s is longer than any date range")
        end = self.now().replace(second=0, microsecond=0)
        # More days than bars can fill change nothing; the cap keeps timedelta in range.
        span = dt.timedelta(days=min(int(b.get("daysBack", 1)), 1_000_000))
        if b.get("from") and b.get("to"):
            try:
                start, end = (dt.datetime.fromisoformat(b[k].replace("Z", "+00:00")) for k in ("from", "to"))
                span = end - start
            except (ValueError, TypeError):  # not ISO 8601, or one naive and one aware
                return self.dialect.error(400, "invalid_request", "from and to must be UTC date-times")
        count = max(0, min(int(b.get("limit", 5000)), MAX_BARS, int(span / step)))
        px = self.book.instruments[symbol].price
        try:
            times = [end - step * k for k in range(count - 1, -1, -1)]
        except OverflowError:  # the earliest bar would start before year 1
            return self.dialect.error(
                400, "invalid_request", "period, daysBack: the bars would start before the first representable date"
            )
        bars = [
            {
                "time": f"{t:%Y-%m-%dT%H:%M:%S}.0000000Z",
                "epoch": epoch_ms(t),
                "open": px,
                "high": px,
                "low": px,
                "close": px,
                "volume": 1,
            }
            for t in times
        ]
        return json_reply(
            {"instrument": symbol, "periodType": kind, "period": period, "count": len(bars), "bars": bars}
        )

    def recorded_orders(self) -> list[RecordedOrder]:
        return self.book_orders(self.book, nt_state)
