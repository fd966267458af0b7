"""TopstepX / ProjectX Gateway (``specs/topstepx.yaml``): accounts, contracts, orders, positions,
half-turn trades and 24-hour session tokens.

Rules (ProjectX Gateway API docs, gateway.docs.projectx.com):

* ``Auth/loginKey`` with ``demo`` / ``demo-api-key`` returns a 24 h token; wrong credentials
  are HTTP 200 ``success:false`` errorCode 3. ``Auth/validate`` returns a new token (the old one
  stays valid); an expired token there is errorCode 3 ExpiredToken; anywhere else 401.
* Business failures are HTTP 200 with ``success:false`` and the endpoint's own errorCode.
* ``Order/place``: ``customTag`` is unique per account (a duplicate is errorCode 2, nothing is
  recorded); prices must be tick-aligned; brackets are rejected as in the default "Position
  Brackets" mode, yet the rejected order gets an ``orderId`` (ProjectX docs, Order/place). Market orders fill at
  the contract's reference price; the other types rest until cancelled (``Sandbox.fill`` fills one).
* An account in "Auto OCO Brackets" mode (seeded: account 9001, ``seeds.AUTO_OCO_BRACKETS``; any
  account with :meth:`TopstepX.set_bracket_mode`) takes an order with brackets: its stop-loss and
  take-profit legs are recorded as child orders (``parentOrderId``), opposite side, ``abs(ticks)``
  ticks away from the entry price (the tick sign is undocumented). They are Suspended (status 8)
  until the entry fills, then Open; they stay out of ``Order/searchOpen`` while Suspended, as
  documented; cancelling a working entry cancels its Suspended legs; once one leg fills the other
  is cancelled (one-cancels-other).
* The first order id is 9056 (the ProjectX docs' example), then 9057, ...
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ...book import BookOrder as Order
from ...book import Fill, Instrument, Kind, OrderBook, Position, Side, State
from ...faults import register_stream_operations
from ...problems import FieldError
from ...tokens import TokenIssuer, TokenState
from ...wire import Call, Reply, json_reply, text_reply
from ..base import Broker, RecordedOrder, operation
from .budget import BUDGET
from .dialect import TopstepXDialect
from .leniency import LENIENCY
from .seeds import ACCOUNTS, AUTO_OCO_BRACKETS, CONTRACTS, USERS

TOKEN_LIFETIME = dt.timedelta(hours=24)
FIRST_ORDER_ID, FIRST_TRADE_ID, FIRST_POSITION_ID = 9056, 8603, 6124
MAX_TRAIL_TICKS = 1000

# Wire enums (integers, ProjectX docs, Order/place).
SIDES = {0: Side.BUY, 1: Side.SELL}
SIDE_CODES = {Side.BUY: 0, Side.SELL: 1}
KINDS = {1: Kind.LIMIT, 2: Kind.MARKET, 4: Kind.STOP, 5: Kind.TRAILING_STOP, 6: Kind.LIMIT, 7: Kind.LIMIT}
STATUS_CODES = {
    State.PENDING: 6,  # Pending
    State.WORKING: 1,  # Open (fillVolume says how much filled)
    State.PENDING_CANCEL: 7,  # PendingCancellation
    State.FILLED: 2,
    State.CANCELLED: 3,
    State.REJECTED: 5,
    State.EXPIRED: 4,
    State.REPLACED: 3,  # TopstepX modifies in place; a replaced book order reads as cancelled
}
"""Book state -> ProjectX Gateway ``OrderStatus`` code."""
STATUS_NAMES = {
    1: "Open",
    2: "Filled",
    3: "Cancelled",
    4: "Expired",
    5: "Rejected",
    6: "Pending",
    7: "PendingCancellation",
    8: "Suspended",
}
SUSPENDED = 8
"""OrderStatus of a bracket leg waiting for its entry to fill."""
BRACKETS = ("stopLossBracket", "takeProfitBracket")
BRACKET_MESSAGE = "Brackets cannot be used with Position Brackets. You must enable Auto OCO Brackets."


def _decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _when(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


# The hubs' pushed methods: what a stream fault may name (``topstepx:GatewayUserTrade:event_loss:1``).
register_stream_operations(
    "topstepx",
    ("GatewayUserAccount", "GatewayUserOrder", "GatewayUserPosition", "GatewayUserTrade", "GatewayQuote"),
)


class TopstepX(Broker):
    name = "topstepx"
    dialect_class = TopstepXDialect
    budget = BUDGET
    leniency = LENIENCY
    dialect: TopstepXDialect
    hub_wrapped = False
    """Send user-hub payloads wrapped as ``{"action": n, "data": {...}}`` (see ``.hub``)."""
    hub_keepalive = 15.0
    """Seconds between the user hub's keep-alive pings (ASP.NET Core's default interval)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.accounts = {a["id"]: dict(a) for a in ACCOUNTS}
        self.auto_oco_brackets: set[int] = set(AUTO_OCO_BRACKETS)
        """Accounts in "Auto OCO Brackets" mode (:meth:`set_bracket_mode`); the rest refuse brackets."""
        self.legs: dict[str, list[Order]] = {}
        """Entry order id -> its bracket legs (Auto OCO Brackets accounts)."""
        self.parents: dict[str, str] = {}
        """Bracket leg id -> its entry order id."""
        self.contracts = {c[0]: c for c in CONTRACTS}
        instruments = {
            cid: Instrument(cid, Decimal(tick), Decimal(value) / Decimal(tick), Decimal(price), desc, Decimal(fee))
            for cid, _, desc, tick, value, _, price, fee in CONTRACTS
        }
        self.book = OrderBook(
            self.clock,
            instruments,
            new_fill_id=lambda: str(FIRST_TRADE_ID - 1 + self.ids.next("topstepx:trade")),
            new_position_id=lambda: str(FIRST_POSITION_ID - 1 + self.ids.next("topstepx:position")),
        )
        self.tokens = TokenIssuer("orderbridge-sandbox/topstepx", self.clock, self.ids)

    # -- auth -------------------------------------------------------------------------------------
    def auth_failure(self, call: Call, token: str | None) -> str | None:
        if token is None:
            return "missing"
        state, _ = self.tokens.check(token)
        if state is TokenState.VALID or (state is TokenState.EXPIRED and call.operation == "validate_session"):
            return None
        return "expired" if state is TokenState.EXPIRED else "invalid"

    def _ok(self, call: Call, **payload: Any) -> Reply:
        return self.dialect.envelope(call.operation, 0, None, **payload)

    def _fail(self, call: Call, code: int, message: str | None = None) -> Reply:
        return self.dialect.envelope(call.operation, code, message)

    @operation("login_key")
    def login_key(self, call: Call) -> Reply:
        """``POST /api/Auth/loginKey`` {userName, apiKey} -> {token, success, errorCode, errorMessage}."""
        user, key = call.field("userName"), call.field("apiKey")
        if USERS.get(user) != key:
            return self._fail(call, 3)  # InvalidCredentials
        return self._ok(call, token=self.tokens.issue(user, TOKEN_LIFETIME).value)

    @operation("login_app")
    def login_app(self, call: Call) -> Reply:
        """``POST /api/Auth/loginApp``: the sandbox registers no applications -> errorCode 4 AppNotFound."""
        return self._fail(call, 4)

    @operation("validate_session")
    def validate_session(self, call: Call) -> Reply:
        """``POST /api/Auth/validate`` -> {newToken}; an expired token is errorCode 3 ExpiredToken."""
        state, token = self.tokens.check(call.bearer())
        if state is not TokenState.VALID or token is None:
            return self._fail(call, 3, None)
        return self._ok(call, newToken=self.tokens.issue(token.subject, TOKEN_LIFETIME).value)

    @operation("logout")
    def logout(self, call: Call) -> Reply:
        """``POST /api/Auth/logout``: revokes the token."""
        self.tokens.revoke(call.bearer() or "")
        return self._ok(call)

    # -- accounts and contracts -------------------------------------------------------------------
    @operation("search_accounts")
    def search_accounts(self, call: Call) -> Reply:
        """``POST /api/Account/search`` {onlyActiveAccounts} -> {accounts: [TradingAccountModel]}."""
        only_active = call.field("onlyActiveAccounts")
        accounts = [a for a in self.accounts.values() if a["canTrade"] or not only_active]
        return self._ok(call, accounts=accounts)

    def _contract_json(self, contract_id: str) -> dict[str, Any]:
        cid, name, desc, tick, value, symbol, _, _ = self.contracts[contract_id]
        return {
            "id": cid,
            "name": name,
            "description": desc,
            "tickSize": Decimal(tick),
            "tickValue": Decimal(value),
            "activeContract": True,
            "symbolId": symbol,
        }

    @operation("search_contracts")
    def search_contracts(self, call: Call) -> Reply:
        """``POST /api/Contract/search`` {searchText, live} -> at most 20 contracts whose *name*
        (``ESZ5``) contains the text, case-insensitively. The spec says names only: matching the
        description too made ``EP`` find the British Pound ("S-ep-tember") first."""
        text = str(call.field("searchText", "")).lower()
        found = [self._contract_json(cid) for cid, c in self.contracts.items() if text in c[1].lower()]
        return self._ok(call, contracts=found[:20])

    @operation("search_contract_by_id")
    def search_contract_by_id(self, call: Call) -> Reply:
        """``POST /api/Contract/searchById`` {contractId} -> {contract}; unknown is errorCode 1."""
        cid = call.field("contractId")
        if cid not in self.contracts:
            return self._fail(call, 1)
        return self._ok(call, contract=self._contract_json(cid))

    @operation("available_contracts")
    def available_contracts(self, call: Call) -> Reply:
        """``POST /api/Contract/available`` {live} -> every contract."""
        return self._ok(call, contracts=[self._contract_json(cid) for cid in self.contracts])

    @operation("retrieve_bars")
    def retrieve_bars(self, call: Call) -> Reply:
        """``POST /api/History/retrieveBars``: flat synthetic bars around the reference price,
        newest first, at most ``limit`` of them (codes 1-4 for a bad contract/unit/number/limit)."""
        b = call.body
        if b["contractId"] not in self.contracts:
            return self._fail(call, 1)
        steps = {
            1: dt.timedelta(seconds=1),
            2: dt.timedelta(minutes=1),
            3: dt.timedelta(hours=1),
            4: dt.timedelta(days=1),
            5: dt.timedelta(weeks=1),
            6: dt.timedelta(days=30),
        }
        if b["unit"] not in steps:
            return self._fail(call, 2)
        if b["unitNumber"] < 1:
            return self._fail(call, 3)
        if not 1 <= b["limit"] <= 20000:
            return self._fail(call, 4)
        start, end = _when(b["startTime"]), _when(b["endTime"])
        assert start is not None and end is not None
        try:
            step = steps[b["unit"]] * b["unitNumber"]
            t = end - step
        except OverflowError:  # a bar longer than the calendar (int32 unitNumber): no whole bar fits
            return self._ok(call, bars=[])
        instrument = self.book.instruments[b["contractId"]]
        bars: list[dict[str, Any]] = []
        while t >= start and len(bars) < b["limit"]:
            px = instrument.price
            bars.append(
                {
                    "t": t.isoformat(),
                    "o": px,
                    "h": px + instrument.tick_size,
                    "l": px - instrument.tick_size,
                    "c": px,
                    "v": 100,
                }
            )
            if t - dt.datetime.min.replace(tzinfo=t.tzinfo) < step:
                break  # the next bar would start before year 1
            t -= step
        return self._ok(call, bars=bars)

    # -- orders -----------------------------------------------------------------------------------
    def _order_json(self, o: Order) -> dict[str, Any]:
        return {
            "id": int(o.id),
            "accountId": int(o.account),
            "contractId": o.symbol,
            "symbolId": self.contracts[o.symbol][5],
            "creationTimestamp": o.created_at.isoformat(),
            "updateTimestamp": (o.updated_at or o.created_at).isoformat(),
            "status": self._status(o),
            "type": o.wire["type"],
            "side": SIDE_CODES[o.side],
            "size": int(o.quantity),
            "limitPrice": o.limit_price,
            "stopPrice": o.stop_price,
            "fillVolume": int(o.filled),
            "filledPrice": o.average_price,
            "customTag": o.client_id,
            "trailDistance": o.wire.get("trailDistance"),
            "trailPrice": o.wire.get("trailPrice"),
            "parentOrderId": int(self.parents[o.id]) if o.id in self.parents else None,
            "linkedOrderId": o.wire.get("linkedOrderId"),
        }

    def _status(self, o: Order) -> int:
        """The order's OrderStatus: Suspended for a bracket leg whose entry has not filled."""
        parent = self.book.get(self.parents[o.id]) if o.id in self.parents else None
        if o.working and parent is not None and parent.state is not State.FILLED:
            return SUSPENDED
        return STATUS_CODES[o.state]

    def _new_order(
        self, account: int, contract: str, side: Side, kind: Kind, size: Decimal, type_code: int, **fields: Any
    ) -> Order:
        oid = str(FIRST_ORDER_ID - 1 + self.ids.next("topstepx:order"))
        wire = {"type": type_code, **fields.pop("wire", {})}
        return Order(oid, str(account), contract, side, kind, size, self.now(), wire=wire, **fields)

    def _price_error(self, instrument: Instrument, name: str, value: Decimal | None) -> str | None:
        if value is None:
            return f"Invalid {name} price."
        if value <= 0 or not instrument.aligned(value):
            return f"Invalid {name} price. Price is not aligned to tick size."
        return None

    @operation("place_order")
    def place_order(self, call: Call) -> Reply:
        """``POST /api/Order/place`` (PlaceOrderRequest) -> {orderId}; errorCode 1 account, 2 rejected
        (bad type/size/price, duplicate customTag, brackets), 8 contract not found."""
        b = call.body
        account, contract, type_code = b["accountId"], b["contractId"], b["type"]
        if account not in self.accounts:
            return self._fail(call, 1)
        if contract not in self.contracts:
            return self._fail(call, 8)
        instrument = self.book.instruments[contract]
        tag = b.get("customTag")
        if tag is not None and self.book.find_client_id(str(account), tag):
            return self._fail(call, 2, f"Custom tag '{tag}' is already in use on this account.")
        if type_code not in KINDS:
            return self._fail(call, 2, "Invalid order type.")
        if b["size"] < 1:
            return self._fail(call, 2, "Invalid order size.")
        kind, side, size = KINDS[type_code], SIDES[b["side"]], Decimal(b["size"])
        limit, stop, trail = _decimal(b.get("limitPrice")), _decimal(b.get("stopPrice")), _decimal(b.get("trailPrice"))
        wire: dict[str, Any] = {"linkedOrderId": b.get("linkedOrderId")}
        error = None
        if type_code == 1:
            error = self._price_error(instrument, "limit", limit)
        elif type_code == 4:
            error = self._price_error(instrument, "stop", stop)
        elif type_code in (6, 7):  # JoinBid / JoinAsk: a limit one tick off the reference price
            limit = instrument.price + (-instrument.tick_size if type_code == 6 else instrument.tick_size)
        elif type_code == 5:
            if trail is None:
                error = "Trail Distance not set."
            elif not instrument.aligned(trail):
                error = "Invalid trail price. Price is not aligned to tick size."
            else:
                ticks = int(abs(instrument.price - trail) / instrument.tick_size)
                if ticks > MAX_TRAIL_TICKS:
                    error = f"Trail Distance exceeds maximum ({MAX_TRAIL_TICKS})"
                wire.update(trailDistance=ticks, trailPrice=abs(instrument.price - trail))
        if error:
            return self._fail(call, 2, error)
        order = self._new_order(
            account, contract, side, kind, size, type_code, limit_price=limit, stop_price=stop, client_id=tag, wire=wire
        )
        brackets = {name: b[name] for name in BRACKETS if b.get(name)}
        if brackets and account not in self.auto_oco_brackets:
            order.state = State.REJECTED
            self.book.submit(order)
            return self.dialect.envelope(call.operation, 2, BRACKET_MESSAGE, orderId=int(order.id))
        if any(leg["type"] not in KINDS for leg in brackets.values()):
            return self._fail(call, 2, "Invalid bracket order type.")
        self.book.submit(order)
        if brackets:
            self._bracket_legs(order, instrument, brackets)
        return self._ok(call, orderId=int(order.id))

    def set_bracket_mode(self, account: int, mode: str) -> None:
        """Set an account's bracket mode: ``"position"`` (Position Brackets: an order carrying
        brackets is refused with code 2) or ``"auto_oco"`` (Auto OCO Brackets: they ride on
        the order as Suspended legs)."""
        if mode not in ("position", "auto_oco"):
            raise ValueError(f"bracket mode must be 'position' or 'auto_oco', got {mode!r}")
        (self.auto_oco_brackets.add if mode == "auto_oco" else self.auto_oco_brackets.discard)(account)

    def _bracket_legs(self, entry: Order, instrument: Instrument, brackets: dict[str, dict[str, Any]]) -> None:
        """Record the stop-loss and take-profit legs of ``entry`` (an Auto OCO Brackets account)."""
        base = entry.average_price or entry.limit_price or entry.stop_price or instrument.price
        # Protective legs sit on the side of the entry price that closes the position at a loss
        # (stop loss) or a gain (take profit); the vendor leaves the tick sign undocumented.
        away = {"stopLossBracket": -1, "takeProfitBracket": 1}
        direction = 1 if entry.side is Side.BUY else -1
        exit_side = Side.SELL if entry.side is Side.BUY else Side.BUY
        legs = []
        for name, leg in brackets.items():
            price = base + away[name] * direction * abs(int(leg["ticks"])) * instrument.tick_size
            kind = KINDS[leg["type"]]
            prices = {"limit_price": price} if kind is Kind.LIMIT else {"stop_price": price}
            child = self._new_order(
                int(entry.account), entry.symbol, exit_side, kind, entry.quantity, leg["type"], **prices
            )
            self.book.link(f"bracket-{entry.id}", child)  # one leg filled cancels the other
            self.book.submit(child)
            self.parents[child.id] = entry.id
            legs.append(child)
        self.legs[entry.id] = legs

    def _account_order(self, account: int, order_id: int) -> Order | None:
        order = self.book.get(str(order_id))
        return order if order is not None and order.account == str(account) else None

    @operation("modify_order")
    def modify_order(self, call: Call) -> Reply:
        """``POST /api/Order/modify``: change size/prices of a working order (2 OrderNotFound,
        3 Rejected for a price off the tick grid)."""
        b = call.body
        if b["accountId"] not in self.accounts:
            return self._fail(call, 1)
        order = self._account_order(b["accountId"], b["orderId"])
        if order is None or not order.working:
            return self._fail(call, 2)
        instrument = self.book.instruments[order.symbol]
        for key in ("limitPrice", "stopPrice", "trailPrice"):
            value = _decimal(b.get(key))
            if value is not None and not instrument.aligned(value):
                return self._fail(call, 3, f"Invalid {key[:-5]} price. Price is not aligned to tick size.")
        if b.get("size") is not None:
            if b["size"] < 1:
                return self._fail(call, 3, "Invalid order size.")
            order.quantity = Decimal(b["size"])
        if b.get("limitPrice") is not None:
            order.limit_price = _decimal(b["limitPrice"])
        if b.get("stopPrice") is not None:
            order.stop_price = _decimal(b["stopPrice"])
        order.updated_at = self.now()
        self.book.changed("order", order)
        return self._ok(call)

    @operation("cancel_order")
    def cancel_order(self, call: Call) -> Reply:
        """``POST /api/Order/cancel``: cancel a working order (1 AccountNotFound, 2 OrderNotFound)."""
        b = call.body
        if b["accountId"] not in self.accounts:
            return self._fail(call, 1)
        order = self._account_order(b["accountId"], b["orderId"])
        if order is None or not self.book.cancel(order):
            return self._fail(call, 2)
        for leg in self.legs.get(order.id, []):  # Suspended legs go with their entry
            self.book.cancel(leg)
        return self._ok(call)

    def _orders(self, account: int) -> list[Order]:
        return self.book.select(account=str(account))

    @operation("search_orders")
    def search_orders(self, call: Call) -> Reply:
        """``POST /api/Order/search`` {accountId, startTimestamp, endTimestamp?} -> orders created in
        the window, any status (the way to find an order by customTag)."""
        b = call.body
        if b["accountId"] not in self.accounts:
            return self._fail(call, 1)
        start, end = _when(b["startTimestamp"]), _when(b.get("endTimestamp"))
        assert start is not None
        found = [
            o for o in self._orders(b["accountId"]) if o.created_at >= start and (end is None or o.created_at <= end)
        ]
        return self._ok(call, orders=[self._order_json(o) for o in found])

    @operation("search_open_orders")
    def search_open_orders(self, call: Call) -> Reply:
        """``POST /api/Order/searchOpen`` {accountId} -> working orders."""
        account = call.field("accountId")
        if account not in self.accounts:
            return self._fail(call, 1)
        found = [o for o in self._orders(account) if o.working and self._status(o) != SUSPENDED]
        return self._ok(call, orders=[self._order_json(o) for o in found])

    @operation("search_order_by_id")
    def search_order_by_id(self, call: Call) -> Reply:
        """``POST /api/Order/searchById`` {accountId, orderId} -> {order}; unknown is errorCode 1."""
        order = self._account_order(call.field("accountId"), call.field("orderId"))
        if order is None:
            return self._fail(call, 1)
        return self._ok(call, order=self._order_json(order))

    @operation("query_orders_v2")
    def query_orders_v2(self, call: Call) -> Reply:
        """``POST /api/Order/v2/query``: filter (account, statuses, contract, created window), sort,
        page (offset 0-based; default page size 100, no maximum: the gateway documents none);
        a page size below 1 or a negative offset is a 400 (the spec's minimums)."""
        b, f = call.body, call.body["filter"]
        size, offset = b.get("pageSize"), b.get("pageOffset")
        bad = [
            name
            for name, value, low in (("pageSize", size, 1), ("pageOffset", offset, 0))
            if value is not None and value < low
        ]
        if bad:
            return self.dialect.problem(tuple(FieldError("body", (n,), "invalid", "out of range") for n in bad))
        if f["accountId"] not in self.accounts:
            return self.dialect.envelope(call.operation, 1, None, totalCount=None)
        after, before = _when(f.get("createdAfter")), _when(f.get("createdBefore"))
        statuses = f.get("statuses")
        found = [
            o
            for o in self._orders(f["accountId"])
            if (not statuses or self._status(o) in statuses)
            and (not f.get("contractId") or o.symbol == f["contractId"])
            and (after is None or o.created_at >= after)
            and (before is None or o.created_at <= before)
        ]
        if b.get("sortBy") == 1:
            found.sort(key=lambda o: int(o.id))
        if b.get("sortDirection") == 1:
            found.reverse()
        start = offset or 0
        page = found[start : start + (size or 100)]
        total = len(found) if b.get("includeTotalCount") else None
        return self._ok(call, orders=[self._order_json(o) for o in page], totalCount=total)

    # -- positions and trades ---------------------------------------------------------------------
    @operation("search_open_positions")
    def search_open_positions(self, call: Call) -> Reply:
        """``POST /api/Position/searchOpen`` {accountId} -> positions (type 1 long / 2 short, size > 0)."""
        account = call.field("accountId")
        if account not in self.accounts:
            return self._fail(call, 1)
        positions = [self._position_json(p) for p in self.book.ledger.positions(str(account))]
        return self._ok(call, positions=positions)

    def _position_json(self, p: Position) -> dict[str, Any]:
        """A ``PositionModel`` row (also the user hub's ``GatewayUserPosition`` payload; a
        closed position is sent there with size 0)."""
        return {
            "id": int(p.id),
            "accountId": int(p.account),
            "contractId": p.symbol,
            "contractDisplayName": self.contracts[p.symbol][1],
            "creationTimestamp": p.opened_at.isoformat(),
            "type": 1 if p.long else 2,
            "size": int(p.size),
            "averagePrice": p.average_price,
        }

    def _close(self, call: Call, size: Decimal | None) -> Reply:
        b = call.body
        account, contract = b["accountId"], b["contractId"]
        if account not in self.accounts:
            return self._fail(call, 1)
        if contract not in self.contracts:
            return self._fail(call, 3)
        exit_ = self.book.exit_for(str(account), contract)
        if exit_ is None:
            return self._fail(call, 2)
        side, open_size = exit_
        if size is not None and not 1 <= size <= open_size:
            return self._fail(call, 5)  # InvalidCloseSize (partial close only)
        self.book.submit(self._new_order(account, contract, side, Kind.MARKET, size or open_size, 2))
        return self._ok(call)

    @operation("close_position")
    def close_position(self, call: Call) -> Reply:
        """``POST /api/Position/closeContract``: flatten with a market order (2 PositionNotFound)."""
        return self._close(call, None)

    @operation("partial_close_position")
    def partial_close_position(self, call: Call) -> Reply:
        """``POST /api/Position/partialCloseContract``: reduce by ``size`` (5 InvalidCloseSize)."""
        return self._close(call, Decimal(call.field("size")))

    @operation("search_trades")
    def search_trades(self, call: Call) -> Reply:
        """``POST /api/Trade/search`` -> half-turns in the window; profitAndLoss null when opening."""
        b = call.body
        if b["accountId"] not in self.accounts:
            return self._fail(call, 1)
        start, end = _when(b["startTimestamp"]), _when(b.get("endTimestamp"))
        assert start is not None
        trades = [
            self._trade_json(f)
            for f in self.book.ledger.fills
            if f.account == str(b["accountId"]) and f.time >= start and (end is None or f.time <= end)
        ]
        return self._ok(call, trades=trades)

    def _trade_json(self, f: Fill) -> dict[str, Any]:
        """A ``HalfTradeModel`` row (also the user hub's ``GatewayUserTrade`` payload)."""
        return {
            "id": int(f.id),
            "accountId": int(f.account),
            "contractId": f.symbol,
            "creationTimestamp": f.time.isoformat(),
            "price": f.price,
            "profitAndLoss": f.realized,
            "fees": f.fees,
            "commissions": Decimal(0),
            "side": SIDE_CODES[f.side],
            "size": int(f.quantity),
            "voided": False,
            "orderId": int(f.order_id),
        }

    # -- the hubs (SignalR push; see .hub) --------------------------------------------------------
    def hub(self, host: Any, path: str, origin: str) -> Any:
        """The SignalR user hub at ``/hubs/user`` and market hub at ``/hubs/market`` (query:
        ``access_token``, ``id``)."""
        from .hub import hub_at

        return hub_at(self, host, path)

    def negotiate(self, path: str) -> dict[str, Any] | None:
        """``POST /hubs/{user,market}/negotiate``: what ASP.NET Core answers (WebSockets only)."""
        from .hub import negotiation

        return negotiation(self, path)

    @operation("ping")
    def ping(self, call: Call) -> Reply:
        """``GET /api/Status/ping`` -> ``pong``: plain text, or the JSON string ``"pong"`` when
        ``Accept`` asks for JSON (the gateway negotiates the media type; spec Source note 2)."""
        accept = call.headers.get("accept", "")
        if "application/json" in accept or "text/json" in accept:
            return json_reply("pong")
        return text_reply("pong")

    def recorded_orders(self) -> list[RecordedOrder]:
        return self.book_orders(self.book, lambda o: STATUS_NAMES[STATUS_CODES[o.state]])
