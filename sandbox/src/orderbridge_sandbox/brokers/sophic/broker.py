"""Sophic Engine (``specs/sophic.yaml``): client-credentials tokens, an instrument catalog,
one account with cash and positions, cash-based buys and unit-based sells whose lifecycle
advances as the order is read, idempotent placement, events and webhooks.

Rules (Sophic Engine docs, docs.engine.usesophic.com):

* ``POST /auth/token`` (form) with ``demo-client`` / ``demo-secret`` -> a 15-minute bearer
  token; a wrong client or secret is 401 ``invalid_client``; another grant is 400
  ``unsupported_grant_type``. Missing / unknown-or-expired tokens: 401 ``missing_token`` /
  ``invalid_token``. ``Api-Version`` other than ``2026-01-01`` is 400 ``api_version_unsupported``.
* Buys carry ``cash_amount`` and sells ``quantity``; the other field is 400 ``invalid_param``
  (schema). Buys reserve cash (``insufficient_funds``), sells reserve units (``insufficient_units``).
  Fee: 0.5% of a buy's cash amount (at least 0.50), 0.50 per sell.
* Placement answers 201 ``status: placed``. Each later ``GET .../orders/{order_id}`` moves the
  order one step: placed -> executing -> filled -> settled. Sandbox triggers (exact strings):
  buy ``cash_amount`` ``"5001"`` ends ``cancelled`` unfilled; ``"5002"`` fills 40% and ends
  ``filled``; sell ``quantity`` ``"20"`` fills 25% and ends ``filled``; anything else fills fully.
  Buys execute at the ask, sells at the bid, rounded down to the trading increment.
* ``Idempotency-Key`` (per account): within 24 h the same key and body replay the stored 201
  (the order as it was when placed, nothing new is placed); the same key with another body is
  409 ``idempotency_key_conflict``; after 24 h it is 409 ``idempotency_key_expired``. A request
  refused with 400/403/404 does not store its key.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import ipaddress
import operator
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from ...book import Ledger, Position, Side
from ...formats import fixed, floor_to, iso_z, plain
from ...tokens import TokenIssuer, TokenState
from ...wire import Call, Reply, json_reply
from ..base import Broker, RecordedOrder, operation
from .dialect import SophicDialect
from .idempotency import IdempotencyStore, KeyState, fingerprint
from .seeds import ACCOUNTS, CASH, CLIENTS, INSTRUMENTS, POSITIONS, PRICES
from .webhooks import DeliveryAttempt, WebhookDelivery

API_VERSION = "2026-01-01"
TOKEN_LIFETIME = dt.timedelta(minutes=15)
QUOTE_LIFETIME = dt.timedelta(minutes=5)
SELL_FEE = Decimal("0.50")
BUY_FEE_RATE, MIN_BUY_FEE = Decimal("0.005"), Decimal("0.50")


TRIGGERS: dict[tuple[str, str], list[tuple[str, Decimal]]] = {
    # (side, exact amount text) -> lifecycle after "placed" (Sophic docs, sandbox testing scenarios)
    ("buy", "5001"): [("executing", Decimal(0)), ("cancelled", Decimal(0))],
    ("buy", "5002"): [("executing", Decimal(0)), ("filled", Decimal("0.4")), ("settled", Decimal(0))],
    ("sell", "20"): [("executing", Decimal(0)), ("filled", Decimal("0.25")), ("settled", Decimal(0))],
}
DEFAULT_SCRIPT = [("executing", Decimal(0)), ("filled", Decimal(1)), ("settled", Decimal(0))]
NOT_EXECUTED = "The order could not be executed."


@dataclasses.dataclass
class SophicOrder:
    id: str
    account: str
    side: Side
    instrument: str
    created_at: dt.datetime
    cash_amount: str | None
    quantity: str | None
    fees: Decimal
    quote: str | None
    automatic_rollover: bool | None
    idempotency_key: str | None
    script: list[tuple[str, Decimal]]
    status: str = "placed"
    modified_at: dt.datetime | None = None
    traded_quantity: Decimal = Decimal(0)
    traded_notional: Decimal = Decimal(0)
    position: str | None = None
    trades: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    filled_at: dt.datetime | None = None
    settled_at: dt.datetime | None = None
    cancelled_at: dt.datetime | None = None


class Sophic(Broker):
    name = "sophic"
    dialect_class = SophicDialect
    dialect: SophicDialect

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.accounts = copy.deepcopy(ACCOUNTS)
        self.cash = {acc: dict(c) for acc, c in CASH.items()}
        self.reserved: dict[tuple[str, str], Decimal] = {}
        self.instruments = {i["id"]: i for i in copy.deepcopy(INSTRUMENTS)}
        self.ledger = Ledger(self.clock, lambda _: Decimal(1), lambda: self.ids.prefixed("pos", "sophic:position"))
        self.position_extra: dict[str, dict[str, Any]] = {}
        for seed in POSITIONS:
            pos = self.ledger.record(
                fill_id=f"trd_seed_{seed['id'][4:]}",
                order_id="seed",
                account=seed["account"],
                symbol=seed["instrument"],
                side=Side.BUY,
                quantity=Decimal(seed["total"]),
                price=Decimal(seed["price"]),
            )
            position = self.ledger.position(seed["account"], seed["instrument"])
            assert position is not None and pos is not None
            position.id = seed["id"]
            position.opened_at = position.updated_at = dt.datetime.fromisoformat(seed["opened_at"])
            self.position_extra[seed["id"]] = {
                "settled": Decimal(seed["total"]),
                "reserved": Decimal(0),
                "buys": 1,
                "automatic_rollover": seed["automatic_rollover"],
                "closed_at": None,
                "automatic_rollover_cutoff": seed.get("automatic_rollover_cutoff"),
                "most_recent_maturity_period": seed.get("most_recent_maturity_period"),
            }
        self.orders: dict[str, SophicOrder] = {}
        self.quotes: dict[str, dict[str, Any]] = {}
        self.events: list[dict[str, Any]] = []
        self.webhooks: dict[str, dict[str, Any]] = {}
        self._unpushed: list[dict[str, Any]] = []
        """Events recorded since the last :meth:`push` (webhook deliveries not made yet)."""
        self.tokens = TokenIssuer("orderbridge-sandbox/sophic", self.clock, self.ids)
        self.idempotency = IdempotencyStore(self.clock)

    # -- auth and headers -------------------------------------------------------------------------
    def auth_failure(self, call: Call, token: str | None) -> str | None:
        if token is None:
            return "missing"
        state, _ = self.tokens.check(token)
        return None if state is TokenState.VALID else ("expired" if state is TokenState.EXPIRED else "invalid")

    def admit(self, call: Call) -> Reply | None:
        version = call.headers.get("api-version")
        if version and len(version) == 10 and version[4] == version[7] == "-" and version != API_VERSION:
            return self.dialect.error(400, "api_version_unsupported")
        return super().admit(call)

    def finish(self, call: Call, reply: Reply) -> Reply:
        reply.headers.setdefault("Request-Id", self.ids.prefixed("req", "sophic:request", 12))
        return reply

    @operation("create_token")
    def create_token(self, call: Call) -> Reply:
        """``POST /auth/token`` (form: client_id, client_secret, grant_type=client_credentials, scope?)
        -> {access_token, token_type: bearer, expires_in: 900, scope, refresh_token: null}."""
        form = call.body
        if CLIENTS.get(form["client_id"]) != form["client_secret"]:
            return self.dialect.oauth(401, "invalid_client", "Client authentication failed.")
        scope = form.get("scope", "")
        token = self.tokens.issue(form["client_id"], TOKEN_LIFETIME, scope=scope)
        return json_reply(
            {
                "access_token": token.value,
                "token_type": "bearer",
                "expires_in": token.lifetime_seconds,
                "scope": scope,
                "refresh_token": None,
            }
        )

    @operation("get_me")
    def get_me(self, call: Call) -> Reply:
        """``GET /me`` -> the service actor behind the client-credentials token."""
        _, token = self.tokens.check(call.bearer())
        assert token is not None
        return json_reply(
            {
                "id": "svc_sandbox1",
                "name": f"orderbridge sandbox ({token.subject})",
                "created_at": "2026-01-05T09:00:00Z",
                "modified_at": "2026-01-05T09:00:00Z",
            }
        )

    # -- instruments ------------------------------------------------------------------------------
    def _instrument(self, key: str) -> dict[str, Any] | None:
        for item in self.instruments.values():
            if key in (item["id"], item["symbol"], item.get("isin")):
                return item
        return None

    @operation("list_instruments")
    def list_instruments(self, call: Call) -> Reply:
        """``GET /instruments?instrument_type=&trading_status=`` (repeated keys) -> bare array."""
        types = call.query.get_list("instrument_type")
        statuses = call.query.get_list("trading_status")
        return json_reply(
            [
                i
                for i in self.instruments.values()
                if (not types or i["instrument_type"] in types) and (not statuses or i["trading_status"] in statuses)
            ]
        )

    @operation("get_instrument")
    def get_instrument(self, call: Call) -> Reply:
        """``GET /instruments/{id_or_symbol}`` -> the instrument; unknown is 404."""
        item = self._instrument(call.path["id_or_symbol"])
        return json_reply(item) if item else self.dialect.error(404, "not_found")

    @operation("list_prices")
    def list_prices(self, call: Call) -> Reply:
        """``GET /prices?symbol=&asof=`` -> one Price per known symbol."""
        rows = []
        for symbol in call.query.get_list("symbol"):
            item = self._instrument(symbol)
            if item is None:
                continue
            bid, ask = (Decimal(p) for p in PRICES[item["id"]])
            places = 5 if item["instrument_type"] == "currency_pair" else 4
            row = {
                "symbol": item["symbol"],
                "price_type": item["price_type"],
                "quality": "realtime" if places == 5 else "intraday",
                "currency": item.get("trading_currency") or item.get("quote_currency"),
                "bid": fixed(bid, places),
                "ask": fixed(ask, places),
                "mid": fixed((bid + ask) / 2, places),
                "timestamp": iso_z(self.now()),
            }
            rows.append(row)
        return json_reply(rows)

    # -- accounts, cash, positions ----------------------------------------------------------------
    def _account(self, key: str) -> dict[str, Any] | None:
        for account in self.accounts.values():
            if key in (account["id"], account["reference"]):
                return account
        return None

    @operation("get_account")
    def get_account(self, call: Call) -> Reply:
        """``GET /accounts/{id_or_reference}`` -> Account; unknown is 404."""
        account = self._account(call.path["id_or_reference"])
        return json_reply(account) if account else self.dialect.error(404, "not_found")

    def _available(self, account: str, currency: str) -> Decimal:
        return self.cash[account].get(currency, Decimal(0)) - self.reserved.get((account, currency), Decimal(0))

    @operation("list_cash_balances")
    def list_cash_balances(self, call: Call) -> Reply:
        """``GET /accounts/{account_id}/cash-balances`` -> one balance per currency."""
        account = call.path["account_id"]
        if account not in self.accounts:
            return self.dialect.error(404, "not_found")
        rows = []
        for currency, total in self.cash[account].items():
            reserved = self.reserved.get((account, currency), Decimal(0))
            rows.append(
                {
                    "currency": currency,
                    "total": fixed(total, 2),
                    "available_for_trading": fixed(total - reserved, 2),
                    "available_for_withdrawal": fixed(total - reserved, 2),
                    "reserved": fixed(reserved, 2),
                }
            )
        return json_reply(rows)

    def _position_json(self, p: Position) -> dict[str, Any]:
        extra = self.position_extra[p.id]
        instrument = self.instruments[p.symbol]
        rollover_ok = bool(instrument.get("supports_automatic_rollover"))
        closed = extra["closed_at"] is not None
        return {
            "id": p.id,
            "account": p.account,
            "status": "closed" if closed else "open",
            "instrument": instrument,
            "total": plain(p.size),
            "available_for_trading": plain(p.size - extra["reserved"]),
            "settled": plain(extra["settled"]),
            "unsettled": plain(p.size - extra["settled"]),
            "reserved": plain(extra["reserved"]),
            "automatic_rollover": extra["automatic_rollover"],
            "automatic_rollover_cutoff": extra.get("automatic_rollover_cutoff"),
            "can_update_automatic_rollover": rollover_ok and not closed,
            "average_price": fixed(p.average_price, 4),
            "most_recent_maturity_period": extra.get("most_recent_maturity_period"),
            "ytm": None,
            "total_buy_trades": extra["buys"],
            "opened_at": iso_z(p.opened_at),
            "closed_at": iso_z(extra["closed_at"]) if closed else None,
            "created_at": iso_z(p.opened_at),
            "modified_at": iso_z(p.updated_at),
        }

    def _all_positions(self, account: str | None = None) -> list[Position]:
        found = self.ledger.positions(account) + [p for p in self.ledger.closed if account in (None, p.account)]
        return [p for p in found if p.id in self.position_extra]

    @operation("list_positions")
    def list_positions(self, call: Call) -> Reply:
        """``GET /accounts/{account_id}/positions?open_only=`` -> positions (closed ones too unless
        ``open_only``)."""
        account = call.path["account_id"]
        if account not in self.accounts:
            return self.dialect.error(404, "not_found")
        open_only = call.query.get("open_only", "false").lower() == "true"
        rows = [self._position_json(p) for p in self._all_positions(account)]
        return json_reply([r for r in rows if r["status"] == "open" or not open_only])

    @operation("get_position")
    def get_position(self, call: Call) -> Reply:
        """``GET /accounts/{account_id}/positions/{position_id}`` -> Position; unknown is 404."""
        for p in self._all_positions(call.path["account_id"]):
            if p.id == call.path["position_id"]:
                return json_reply(self._position_json(p))
        return self.dialect.error(404, "not_found")

    @operation("update_position")
    def update_position(self, call: Call) -> Reply:
        """``PUT /positions/{id}`` {automatic_rollover} -> Position; rollover needs a bill that
        supports it (400 ``invalid_param``); a closed position is 400 ``position_not_open``."""
        for p in self._all_positions():
            if p.id != call.path["id"]:
                continue
            extra = self.position_extra[p.id]
            if extra["closed_at"] is not None:
                return self.dialect.error(
                    400, "position_not_open", "The position is not open.", context={"position_id": p.id}
                )
            if not self.instruments[p.symbol].get("supports_automatic_rollover"):
                return self.dialect.error(
                    400,
                    "invalid_param",
                    params=[
                        {
                            "path": ["body", "automatic_rollover"],
                            "code": "invalid_param",
                            "detail": "The instrument does not support automatic rollover.",
                        }
                    ],
                )
            extra["automatic_rollover"] = call.body["automatic_rollover"]
            p.updated_at = self.now()
            return json_reply(self._position_json(p))
        return self.dialect.error(404, "not_found")

    # -- quotes -----------------------------------------------------------------------------------
    @staticmethod
    def _unit_price(instrument: dict[str, Any], price: Decimal) -> Decimal:
        return price / 100 if instrument["price_type"] == "percent" else price

    @staticmethod
    def _buy_fee(cash: Decimal) -> Decimal:
        return max(MIN_BUY_FEE, Decimal(fixed(cash * BUY_FEE_RATE, 2)))

    def _estimate(self, instrument: dict[str, Any], side: Side, amount: Decimal) -> dict[str, Decimal]:
        bid, ask = (Decimal(p) for p in PRICES[instrument["id"]])
        step = Decimal(instrument["trading_increment"])
        if side is Side.BUY:
            fees = self._buy_fee(amount)
            quantity = floor_to((amount - fees) / self._unit_price(instrument, ask), step)
            return {"price": ask, "fees": fees, "quantity": quantity, "cash": amount - fees}
        cash = amount * self._unit_price(instrument, bid)
        return {"price": bid, "fees": SELL_FEE, "quantity": amount, "cash": cash - SELL_FEE}

    @operation("create_order_quote")
    def create_order_quote(self, call: Call) -> Reply:
        """``POST /accounts/{account_id}/order-quotes`` -> OrderQuote (200). Security quotes are
        stored for 5 minutes (non-binding); currency-pair previews have no id."""
        if call.path["account_id"] not in self.accounts:
            return self.dialect.error(404, "not_found")
        b = call.body
        instrument = self.instruments.get(b["instrument_id"])
        if instrument is None:
            return self.dialect.error(
                400, "not_found", "The instrument was not found.", context={"instrument_id": b["instrument_id"]}
            )
        side = Side(b["side"])
        amount = Decimal(b["cash_amount"] if side is Side.BUY else b["quantity"])
        est = self._estimate(instrument, side, amount)
        places = 5 if instrument["instrument_type"] == "currency_pair" else 4
        quote: dict[str, Any] = {
            "id": None,
            "expires_at": None,
            "instrument": instrument["id"],
            "side": side.value,
            "cash_amount": b.get("cash_amount"),
            "net_cash_amount": fixed(est["cash"], 2) if side is Side.BUY else None,
            "quantity": b.get("quantity"),
            "fees": fixed(est["fees"], 2),
            "estimated_price": fixed(est["price"], places),
            "estimated_quantity": plain(est["quantity"]),
            "estimated_cash": fixed(est["cash"], 2),
            "is_binding": False,
            "limit_price": None,
            "max_cost": None,
            "min_proceeds": None,
        }
        if instrument["instrument_type"] != "currency_pair":
            quote["id"] = self.ids.prefixed("quo", "sophic:quote")
            quote["expires_at"] = iso_z(self.now() + QUOTE_LIFETIME)
            self.quotes[quote["id"]] = {
                **quote,
                "account": call.path["account_id"],
                "used": False,
                "expires": self.now() + QUOTE_LIFETIME,
            }
        return json_reply(quote)

    # -- orders -----------------------------------------------------------------------------------
    def _event(self, name: str, resource_id: str, resource_type: str) -> None:
        """Record an event (served by ``GET /events``) and queue it for the webhooks (:meth:`push`)."""
        event = {
            "id": self.ids.prefixed("evt", "sophic:event"),
            "name": name,
            "resource": {"id": resource_id, "resource_type": resource_type},
            "data": {},
            "created_at": iso_z(self.now()),
        }
        self.events.append(event)
        self._unpushed.append(event)

    def push(self, delivery: WebhookDelivery | None) -> list[DeliveryAttempt]:
        """Deliver the events recorded since the last call to every active webhook (signed
        POSTs, see :mod:`.webhooks`), oldest first; without a ``delivery`` they are only kept
        for ``GET /events``."""
        made: list[DeliveryAttempt] = []
        while self._unpushed:
            event = self._unpushed.pop(0)
            if delivery is not None:
                made.extend(delivery.deliver(event, list(self.webhooks.values()), clock=self.clock, ids=self.ids))
        return made

    def _currency(self, instrument: dict[str, Any]) -> tuple[str, str]:
        """(order currency, cash currency): FX orders are in the base currency, paid in the quote one."""
        if instrument["instrument_type"] == "currency_pair":
            return instrument["base_currency"], instrument["quote_currency"]
        return instrument["trading_currency"], instrument["trading_currency"]

    def _order_json(self, o: SophicOrder) -> dict[str, Any]:
        instrument = self.instruments[o.instrument]
        net = fixed(Decimal(o.cash_amount) - o.fees, 2) if o.cash_amount is not None else None
        return {
            "id": o.id,
            "account": o.account,
            "status": o.status,
            "order_type": "market",
            "purpose": "user_request",
            "position": o.position,
            "side": o.side.value,
            "instrument": instrument,
            "cash_amount": o.cash_amount,
            "net_cash_amount": net,
            "quantity": o.quantity,
            "limit_price": None,
            "quote": o.quote,
            "traded_quantity": plain(o.traded_quantity),
            "traded_notional": plain(o.traded_notional),
            "fees": fixed(o.fees, 2),
            "currency": self._currency(instrument)[0],
            "automatic_rollover": o.automatic_rollover,
            "is_cancellable": False,
            "cancelled_reason": NOT_EXECUTED if o.status == "cancelled" else None,
            "filled_at": o.filled_at and iso_z(o.filled_at),
            "settled_at": o.settled_at and iso_z(o.settled_at),
            "cancelled_at": o.cancelled_at and iso_z(o.cancelled_at),
            "trades": o.trades,
            "created_at": iso_z(o.created_at),
            "modified_at": iso_z(o.modified_at or o.created_at),
        }

    def _refuse(self, call: Call, instrument: dict[str, Any] | None) -> Reply | None:
        """Business validation of a place-order request; None when it may be placed."""
        b, account = call.body, self.accounts[call.path["account_id"]]
        error = self.dialect.error
        if instrument is None:
            return error(400, "not_found", "The instrument was not found.", context={"instrument_id": b["instrument"]})
        side = Side(b["side"])
        status = instrument["trading_status"]
        if (
            status == "not_trading"
            or (side is Side.BUY and status == "sell_only")
            or (side is Side.SELL and status == "buy_only")
        ):
            return error(
                400,
                "instrument_not_trading",
                "The instrument is not currently tradable.",
                context={"instrument_id": instrument["id"]},
            )
        if instrument["pro_traders_only"] and not account["is_primary_owner_mifid_pro"]:
            return error(
                403,
                "professional_trader_required",
                "This instrument is only available to professional traders.",
                context={"instrument_id": instrument["id"]},
            )
        if not account["can_place_buy_order" if side is Side.BUY else "can_place_sell_order"]:
            code = "buy_order_forbidden" if side is Side.BUY else "sell_order_forbidden"
            return error(403, code, f"The account is not allowed to place {side.value} orders.")
        if b.get("automatic_rollover") and (side is Side.SELL or not instrument.get("supports_automatic_rollover")):
            return error(
                400,
                "invalid_param",
                params=[
                    {
                        "path": ["body", "automatic_rollover"],
                        "code": "invalid_param",
                        "detail": "The instrument does not support automatic rollover.",
                    }
                ],
            )
        if b.get("quote") is not None:
            quote = self.quotes.get(b["quote"])
            if (
                quote is None
                or quote["expires"] <= self.now()
                or quote["instrument"] != instrument["id"]
                or quote["side"] != side.value
                or quote["account"] != account["id"]
            ):
                return error(400, "quote_invalid", "The quote is invalid or has expired.")
            if quote["used"]:
                return error(400, "quote_already_consumed", "The quote was already used.")
        if side is Side.BUY:
            available = self._available(account["id"], self._currency(instrument)[1])
            if Decimal(b["cash_amount"]) > available:
                return error(
                    400,
                    "insufficient_funds",
                    "The account has insufficient funds to cover the requested operation.",
                    context={"available": fixed(available, 2)},
                )
        else:
            pos = self.ledger.position(account["id"], instrument["id"])
            units = pos.size - self.position_extra[pos.id]["reserved"] if pos else Decimal(0)
            if Decimal(b["quantity"]) > units:
                return error(
                    400,
                    "insufficient_units",
                    "The position has insufficient units to cover the requested operation.",
                    context={"available": plain(units)},
                )
        return None

    @operation("place_order")
    def place_order(self, call: Call) -> Reply:
        """``POST /accounts/{account_id}/orders`` (PlaceOrderRequest; ``Idempotency-Key``) -> 201
        Order with ``status: placed``. See the module docstring for idempotency and triggers."""
        account_id, b = call.path["account_id"], call.body
        if account_id not in self.accounts:
            return self.dialect.error(404, "not_found")
        key = call.headers.get("idempotency-key")
        print_ = fingerprint(account_id, b)
        if key is not None:
            state, stored = self.idempotency.lookup(account_id, key, print_)
            if state is KeyState.REPLAY and stored is not None:
                return stored
            if state is KeyState.CONFLICT:
                return self.dialect.error(
                    409,
                    "idempotency_key_conflict",
                    "The idempotency key was already used with different request parameters.",
                )
            if state is KeyState.EXPIRED:
                return self.dialect.error(409, "idempotency_key_expired", "The idempotency key has expired.")
        instrument = self.instruments.get(b["instrument"])
        refusal = self._refuse(call, instrument)
        if refusal is not None:
            return refusal
        assert instrument is not None
        side = Side(b["side"])
        amount_text = b["cash_amount"] if side is Side.BUY else b["quantity"]
        order = SophicOrder(
            self.ids.prefixed("ord", "sophic:order"),
            account_id,
            side,
            instrument["id"],
            self.now(),
            b.get("cash_amount"),
            b.get("quantity"),
            self._buy_fee(Decimal(amount_text)) if side is Side.BUY else SELL_FEE,
            b.get("quote"),
            bool(b.get("automatic_rollover")) if side is Side.BUY else None,
            key,
            list(TRIGGERS.get((side.value, amount_text), DEFAULT_SCRIPT)),
        )
        if side is Side.BUY:
            reserve = (account_id, self._currency(instrument)[1])
            self.reserved[reserve] = self.reserved.get(reserve, Decimal(0)) + Decimal(amount_text)
        else:
            pos = self.ledger.position(account_id, instrument["id"])
            assert pos is not None
            self.position_extra[pos.id]["reserved"] += Decimal(amount_text)
            order.position = pos.id
        if b.get("quote") is not None:
            self.quotes[b["quote"]]["used"] = True
        self.orders[order.id] = order
        self._event("order.placed", order.id, "order")
        reply = json_reply(self._order_json(order), 201)
        if key is not None:
            self.idempotency.remember(account_id, key, print_, reply)
        return reply

    def fill_now(self, order_id: str, quantity: Decimal | None, price: Decimal | None) -> None:
        """Sophic orders fill along their own scripted lifecycle: run it to its end
        (``filled``/``settled``, or ``cancelled`` for the documented trigger amounts).

        Raises:
            KeyError: no such order.
            ValueError: a ``quantity`` or ``price`` was given, or the order's lifecycle is over.
        """
        if quantity is not None or price is not None:
            raise ValueError("sophic orders fill along their own lifecycle; give no quantity or price")
        order = self.orders.get(order_id)
        if order is None:
            raise KeyError(f"sophic has no order {order_id!r}")
        if not order.script:
            raise ValueError(f"sophic order {order_id!r} is already {order.status}")
        while order.script:
            self._advance(order)

    def _advance(self, o: SophicOrder) -> None:
        """Apply the next lifecycle step of ``o`` (one per read)."""
        if not o.script:
            return
        step, fraction = o.script.pop(0)
        now = self.now()
        o.modified_at = now
        instrument = self.instruments[o.instrument]
        cash_currency = self._currency(instrument)[1]
        if step == "executing":
            o.status = "executing"
        elif step == "cancelled":
            o.status, o.cancelled_at = "cancelled", now
            self._release(o, cash_currency)
        elif step == "filled":
            self._fill(o, instrument, fraction, cash_currency)
        elif step == "settled":
            o.status, o.settled_at = "settled", now
            for trade in o.trades:
                trade.update(status="settled", settled_at=iso_z(now), modified_at=iso_z(now))
                self._event("trade.settled", trade["id"], "trade")
            if o.position and o.position in self.position_extra and o.side is Side.BUY:
                self.position_extra[o.position]["settled"] += o.traded_quantity
        self._event(f"order.{o.status}", o.id, "order")

    def _release(self, o: SophicOrder, cash_currency: str) -> None:
        if o.side is Side.BUY and o.cash_amount is not None:
            self.reserved[(o.account, cash_currency)] -= Decimal(o.cash_amount)
        elif o.position:
            self.position_extra[o.position]["reserved"] -= Decimal(o.quantity or "0")

    def _fill(self, o: SophicOrder, instrument: dict[str, Any], fraction: Decimal, cash_currency: str) -> None:
        amount = Decimal((o.cash_amount if o.side is Side.BUY else o.quantity) or "0")
        est = self._estimate(instrument, o.side, amount)
        quantity = floor_to(est["quantity"] * fraction, Decimal(instrument["trading_increment"]))
        now = self.now()
        self._release(o, cash_currency)
        if quantity <= 0:
            o.status, o.cancelled_at = "cancelled", now
            return
        notional = Decimal(fixed(quantity * self._unit_price(instrument, est["price"]), 2))
        existing = self.ledger.position(o.account, o.instrument)
        fill = self.ledger.record(
            fill_id=self.ids.prefixed("trd", "sophic:trade"),
            order_id=o.id,
            account=o.account,
            symbol=o.instrument,
            side=o.side,
            quantity=quantity,
            price=est["price"],
        )
        position = self.ledger.position(o.account, o.instrument) or existing
        assert position is not None
        if position.id not in self.position_extra:
            self.position_extra[position.id] = {
                "settled": Decimal(0),
                "reserved": Decimal(0),
                "buys": 0,
                "automatic_rollover": bool(o.automatic_rollover),
                "closed_at": None,
            }
            self._event("position.opened", position.id, "position")
        extra = self.position_extra[position.id]
        if o.side is Side.BUY:
            extra["buys"] += 1
            self.cash[o.account][cash_currency] -= notional + o.fees
        else:
            extra["settled"] = max(Decimal(0), extra["settled"] - quantity)
            self.cash[o.account][cash_currency] = (
                self.cash[o.account].get(cash_currency, Decimal(0)) + notional - o.fees
            )
            if fill.position_after == 0:
                extra["closed_at"] = now
                self._event("position.closed", position.id, "position")
        o.status, o.filled_at, o.position = "filled", now, position.id
        o.traded_quantity, o.traded_notional = quantity, notional
        trade = {
            "id": fill.id,
            "created_at": iso_z(now),
            "modified_at": iso_z(now),
            "order": o.id,
            "account": o.account,
            "position": position.id,
            "instrument": instrument,
            "side": o.side.value,
            "status": "executed",
            "price": fixed(est["price"], 5 if instrument["instrument_type"] == "currency_pair" else 4),
            "quantity": plain(quantity),
            "quantity_currency": None,
            "notional": fixed(notional, 2),
            "notional_currency": cash_currency,
            "accrued_interest": None,
            "ytm": None,
            "counterparty": None,
            "trading_venue": instrument.get("exchange"),
            "tvtic": None,
            "execution_reference": f"SBX-{len(self.ledger.fills):04d}-{o.cash_amount or o.quantity}",
            "execution_broker": "sandbox",
            "execution_audit_trail": None,
            "settlement_batch_id": None,
            "is_reportable": False,
            "settlement_date": (now + dt.timedelta(days=2)).date().isoformat(),
            "executed_at": iso_z(now),
            "settled_at": None,
            "meta": {},
        }
        o.trades.append(trade)
        self._event("trade.executed", fill.id, "trade")

    @operation("list_orders")
    def list_orders(self, call: Call) -> Reply:
        """``GET /accounts/{account_id}/orders`` -> every order (bare array; reading the list does
        not advance orders)."""
        if call.path["account_id"] not in self.accounts:
            return self.dialect.error(404, "not_found")
        return json_reply([self._order_json(o) for o in self.orders.values() if o.account == call.path["account_id"]])

    @operation("list_pending_orders")
    def list_pending_orders(self, call: Call) -> Reply:
        """``GET /accounts/{account_id}/pending-orders`` -> orders neither settled nor cancelled."""
        if call.path["account_id"] not in self.accounts:
            return self.dialect.error(404, "not_found")
        return json_reply(
            [
                self._order_json(o)
                for o in self.orders.values()
                if o.account == call.path["account_id"] and o.status not in ("settled", "cancelled")
            ]
        )

    @operation("get_order")
    def get_order(self, call: Call) -> Reply:
        """``GET /accounts/{account_id}/orders/{order_id}`` -> Order, after moving it one
        lifecycle step (placed -> executing -> filled -> settled, or -> cancelled)."""
        order = self.orders.get(call.path["order_id"])
        if order is None or order.account != call.path["account_id"]:
            return self.dialect.error(404, "not_found")
        self._advance(order)
        return json_reply(self._order_json(order))

    # -- events and webhooks ----------------------------------------------------------------------
    @operation("list_events")
    def list_events(self, call: Call) -> Reply:
        """``GET /events?name=&resource[id]=&created[gt|gte|lt|lte]=`` -> events (oldest first)."""
        q = call.query
        rows = self.events
        if q.get("name"):
            rows = [e for e in rows if e["name"] == q["name"]]
        if q.get("resource[id]"):
            rows = [e for e in rows if e["resource"]["id"] == q["resource[id]"]]
        bounds = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}
        for op, test in bounds.items():
            value = q.get(f"created[{op}]")
            if value:
                limit = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
                rows = [
                    e for e in rows if test(dt.datetime.fromisoformat(e["created_at"].replace("Z", "+00:00")), limit)
                ]
        return json_reply(rows)

    @operation("get_event")
    def get_event(self, call: Call) -> Reply:
        """``GET /events/{event_id}`` -> Event; unknown is 404."""
        for event in self.events:
            if event["id"] == call.path["event_id"]:
                return json_reply(event)
        return self.dialect.error(404, "not_found")

    def _url_problem(self, url: str, exclude: str | None = None) -> Reply | None:
        host = urlsplit(url).hostname or ""
        try:
            ipaddress.ip_address(host)
            return self.dialect.error(
                400,
                "invalid_param",
                params=[
                    {
                        "path": ["body", "url"],
                        "detail": "URL must use a host name, not an IP address.",
                        "code": "invalid_param",
                    }
                ],
            )
        except ValueError:
            pass
        if any(w["url"] == url and w["id"] != exclude for w in self.webhooks.values()):
            return self.dialect.error(409, "duplicate_webhook", "A webhook with this URL already exists.")
        return None

    @staticmethod
    def _public(webhook: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in webhook.items() if k != "secret"}

    @operation("create_webhook")
    def create_webhook(self, call: Call) -> Reply:
        """``POST /webhooks`` {url, description?} -> 201 webhook with its signing ``secret``."""
        problem = self._url_problem(call.body["url"])
        if problem:
            return problem
        now = iso_z(self.now())
        webhook = {
            "id": self.ids.prefixed("wh", "sophic:webhook"),
            "url": call.body["url"],
            "description": call.body.get("description"),
            "is_active": True,
            "secret": self.ids.digest("sophic:webhook-secret"),
            "created_at": now,
            "modified_at": now,
        }
        self.webhooks[webhook["id"]] = webhook
        return json_reply(webhook, 201)

    @operation("list_webhooks")
    def list_webhooks(self, call: Call) -> Reply:
        """``GET /webhooks`` -> webhooks without secrets."""
        return json_reply([self._public(w) for w in self.webhooks.values()])

    @operation("get_webhook")
    def get_webhook(self, call: Call) -> Reply:
        """``GET /webhooks/{webhook_id}`` -> webhook without secret; unknown is 404."""
        webhook = self.webhooks.get(call.path["webhook_id"])
        return json_reply(self._public(webhook)) if webhook else self.dialect.error(404, "not_found")

    @operation("update_webhook")
    def update_webhook(self, call: Call) -> Reply:
        """``PUT /webhooks/{webhook_id}`` {url?, description?, is_active?} -> webhook."""
        webhook = self.webhooks.get(call.path["webhook_id"])
        if webhook is None:
            return self.dialect.error(404, "not_found")
        if "url" in call.body:
            problem = self._url_problem(call.body["url"], exclude=webhook["id"])
            if problem:
                return problem
        webhook.update({k: call.body[k] for k in ("url", "description", "is_active") if k in call.body})
        webhook["modified_at"] = iso_z(self.now())
        return json_reply(self._public(webhook))

    @operation("test_webhook")
    def test_webhook(self, call: Call) -> Reply:
        """``POST /webhooks/{webhook_id}/test`` -> 202 delivery (``pending``, ``event`` null);
        unknown is 404, inactive is 400 ``webhook_not_active``."""
        webhook = self.webhooks.get(call.path["webhook_id"])
        if webhook is None:
            return self.dialect.error(404, "not_found")
        if not webhook["is_active"]:
            return self.dialect.error(400, "webhook_not_active", "The webhook is not active.")
        now = iso_z(self.now())
        delivery = {
            "id": self.ids.prefixed("whd", "sophic:delivery"),
            "webhook": webhook["id"],
            "event": None,
            "status": "pending",
            "attempts": [],
            "created_at": now,
            "modified_at": now,
        }
        return json_reply(delivery, 202)

    def recorded_orders(self) -> list[RecordedOrder]:
        return [
            RecordedOrder(
                self.name,
                o.account,
                o.id,
                o.idempotency_key,
                o.instrument,
                o.side.value,
                None if o.quantity is None else Decimal(o.quantity),
                o.status,
                o.created_at,
                None if o.cash_amount is None else Decimal(o.cash_amount),
            )
            for o in self.orders.values()
        ]
