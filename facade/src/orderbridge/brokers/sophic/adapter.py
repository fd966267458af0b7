"""Sophic Engine adapter (``specs/sophic.yaml``; Sophic Engine docs, docs.engine.usesophic.com).

Wire facts this module encodes:

* ``POST /accounts/{account_id}/orders`` answers ``201`` with the ``Order``; buys are
  cash-based (``cash_amount``), sells unit-based (``quantity``); decimals are strings with at
  most 2 (money) / 4 (quantity) decimal places — more is refused, never rounded (Sophic docs, data formats);
* our client order id is the ``Idempotency-Key`` header: Sophic stores the first result for
  24 h and replays it for the same key and body, so placement is retried on transport
  failures and 5xx, and :meth:`resolve` replays the recorded request (Sophic docs, idempotency);
* errors are ``{code, detail, ...}``: 400/403/404/409 are definitive refusals named by
  ``code``; 500 after the retries is an unknown outcome;
* tokens: client credentials on ``/auth/token``, 15-minute JWTs, no refresh token (Sophic docs, authentication);
* there is no cancel endpoint.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from sophic_client import AuthenticatedClient
from sophic_client.api.accounts import get_account, list_cash_balances
from sophic_client.api.auth import create_token
from sophic_client.api.orders import get_order, list_orders, list_pending_orders, place_order
from sophic_client.api.positions import list_positions
from sophic_client.models import Account as SophicAccount
from sophic_client.models import (
    ClientCredentialsForm,
    Error,
    ErrorCode,
    GrantType,
    OAuthErrorBody,
    OAuthErrorCode,
    OAuthToken,
    PlaceOrderRequest,
)
from sophic_client.models import Order as SophicOrder

from ..._account import Balance, Fill, Position, Reader, by_time, exact_json, fill_from, to_wire_decimal
from ..._adapter import Adapter, BrokerOrder, answered_with_id, as_sent, build_request, merge_extras
from ..._errors import InvalidOrder, auth_refused, rejected, unexpected, unknown
from ..._models import Order, PlacedOrder, Settings, Side, decimal_text
from ..._orders import object_at
from ..._wire import Call, Flow, Grant, Retry, Sent, Token, Undecoded, enum_name, operation, plain
from . import DESCRIPTION
from .orders import ORDER_SHAPE

API_VERSION = "2026-01-01"
MAX_ID = 255
"""IDs are opaque, up to 255 characters (Sophic docs, data formats)."""
SIDES = {"buy": "buy", "sell": "sell"}
EXTRAS = ("automatic_rollover", "quote")
MAX_PLACES = {"cash_amount": 2, "quantity": 4}
"""Decimal places Sophic accepts (Sophic docs, data formats: money 2 dp, quantity up to 4 dp)."""


class SophicAdapter(Adapter):
    """Sophic Engine: the flows of specs/sophic.yaml (see the module docstring).

    The whole order life in one class: place, get, cancel, resolve, and open (pending) orders, positions, cash
    balances and fills (specs/sophic.yaml).
    Balances come from ``GET accounts/{id}/cash-balances``, one row per currency: ``cash`` is
    the row's ``total`` and ``buying_power`` its ``available_for_trading`` (the total minus
    the cash reserved by pending buys); Sophic reports no account equity, so that is ``None``.
    With several currencies the account's ``base_currency`` (``GET accounts/{id}``) is chosen;
    every row stays in ``raw``. Positions are holdings, always long (``total`` units).
    Fills are the ``trades`` embedded in each order (Sophic has no trade endpoint).
    """

    description = DESCRIPTION
    client_class = AuthenticatedClient

    def validate(self, order: Order, account: str) -> None:
        if len(order.instrument) > MAX_ID:
            raise InvalidOrder(
                f"instrument id is longer than {MAX_ID} characters", field="instrument", broker=self.name
            )
        for field, places in MAX_PLACES.items():
            value = getattr(order, field)
            if value is not None and -value.as_tuple().exponent > places:  # type: ignore[operator]
                raise InvalidOrder(
                    f"{field} {decimal_text(value)} has more than {places} decimal places; Sophic does not round",
                    field=field,
                    broker=self.name,
                )

    def login(self, settings: Settings, current: str | None) -> Flow[Grant]:
        form = ClientCredentialsForm(
            client_id=settings.secret("client_id"),
            client_secret=settings.secret("client_secret"),
            grant_type=GrantType.CLIENT_CREDENTIALS,
        )
        what = "auth/token"
        sent = yield Call.read(create_token, {"body": form, "api_version": API_VERSION}, what, Token.NONE)
        body = sent.parsed
        if sent.status == 200 and isinstance(body, OAuthToken) and isinstance(body.access_token, str):
            lifetime = body.expires_in if isinstance(body.expires_in, int) and body.expires_in > 0 else 900
            return Grant(body.access_token, float(lifetime))
        if sent.status in (400, 401) and isinstance(body, (OAuthErrorBody, Error)):
            code = plain(body.error) if isinstance(body, OAuthErrorBody) else plain(body.code)
            message = plain(body.error_description) if isinstance(body, OAuthErrorBody) else plain(body.detail)
            documented = enum_name(OAuthErrorCode, code) is not None or enum_name(ErrorCode, code) is not None
            raise auth_refused(
                self.name,
                f"{what} (client-credentials grant)",
                code=code,
                code_name=code if isinstance(code, str) else None,
                documented=documented,
                broker_message=message,
            )
        raise self.fail(sent, what, money_moving=False, secret_body=True)

    def place_request(self, order: Order) -> PlaceOrderRequest:
        """The ``PlaceOrderRequest`` for ``order`` (spec operation ``place_order``)."""
        wire: dict[str, Any] = {"instrument": order.instrument, "order_type": "market", "side": SIDES[order.side.value]}
        if order.cash_amount is not None:
            wire["cash_amount"] = decimal_text(order.cash_amount)
        if order.quantity is not None:
            wire["quantity"] = decimal_text(order.quantity)
        wire = merge_extras(wire, order.extras, EXTRAS, broker=self.name, decimals_as_text=True)
        return build_request(PlaceOrderRequest, wire, self.name, extras=bool(order.extras))

    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]:
        cid = order.client_order_id
        what = "accounts/{account_id}/orders"
        sent = yield Call.moving(
            PLACE_ORDER,
            {
                "account_id": account,
                "body": self.place_request(order),
                "idempotency_key": cid,
                "api_version": API_VERSION,
            },
            what,
            retry=Retry.IDEMPOTENT,
        )
        if sent.status == 201:
            fields = _order_fields(sent.parsed)
            order_id = self.usable_order_id(fields[0]) if fields is not None else None
            if fields is None or order_id is None:
                # A 201 without a usable id is an order we cannot act on: never an acceptance.
                raise unknown(self.name, cid, "decode", what, status_code=201)
            return self.placed(sent, what, SophicOrder, account=account, order_id=order_id, cid=cid, status=fields[1])
        raise self._failure(sent, what, cid, money_moving=True)

    def get_order(self, order_id: str, account: str, settings: Settings) -> Flow[BrokerOrder]:
        what = "accounts/{account_id}/orders/{order_id}"
        order_id = self.check_order_id(order_id)
        sent = yield Call.read(
            GET_ORDER, {"account_id": account, "order_id": order_id, "api_version": API_VERSION}, what
        )
        fields = _order_fields(sent.parsed) if sent.status == 200 else None
        found_id = self.usable_order_id(fields[0]) if fields is not None else None
        if fields is not None and found_id is not None:
            return self.broker_order(
                ORDER_SHAPE,
                object_at(sent.data),
                account=account,
                order_id=found_id,
                raw=as_sent(sent.parsed),
                warnings=self.deviations(what, sent.parsed, SophicOrder),
            )
        raise self._failure(sent, what, None, money_moving=False)

    def cancel(self, order_id: str, account: str, settings: Settings) -> Flow[None]:
        yield from ()
        raise self.not_supported("cancel_order", "the Sophic Engine API has no cancel endpoint (Sophic OpenAPI)")

    def resolve(
        self, client_order_id: str, account: str, settings: Settings, recorded: Order | None
    ) -> Flow[PlacedOrder | None]:
        if recorded is None:
            yield from ()
            raise self.not_supported(
                "resolve",
                "Sophic has no lookup by Idempotency-Key; it replays a placement sent again with the same key and body "
                "for 24 h. This session has no record of that client_order_id: place the same Order again with the "
                "same client_order_id to get the original result",
            )
        return (yield from self.place(recorded, account, settings))

    def _failure(self, sent: Sent, what: str, cid: str | None, *, money_moving: bool) -> Exception:
        body = sent.parsed
        if sent.status in (400, 403, 404, 409) and isinstance(body, Error):
            code = plain(body.code)
            not_found = sent.status == 404 and not money_moving
            return rejected(
                self.name,
                what,
                code=code,
                code_name=str(code),
                documented=enum_name(ErrorCode, code) is not None,  # Sophic's codes are open-ended
                not_found=not_found,
                broker_message=plain(body.detail),
                client_order_id=None if not_found else cid,
                raw=None if not_found else body,
            )
        return self.fail(sent, what, money_moving=money_moving, client_order_id=cid)

    def open_orders(self, account: str, settings: Settings) -> Flow[list[BrokerOrder]]:
        what = "accounts/{account_id}/pending-orders"
        sent = yield Call.read(list_pending_orders, {"account_id": account, "api_version": API_VERSION}, what)
        return [
            self.broker_order(ORDER_SHAPE, row.row, account=account, order_id=row.need_text("id"))
            for row in self._rows(sent, what)
        ]

    def positions(self, account: str, settings: Settings) -> Flow[list[Position]]:
        what = "accounts/{account_id}/positions"
        sent = yield Call.read(
            list_positions, {"account_id": account, "open_only": True, "api_version": API_VERSION}, what
        )
        out = []
        for row in self._rows(sent, what):
            if row.maybe_text("status") not in (None, "open"):
                continue
            out.append(
                Position(
                    broker=self.name,
                    account=account,
                    instrument=_instrument_id(row),
                    quantity=row.need_decimal("total"),
                    average_price=row.maybe_decimal("average_price"),
                    raw=row.row,
                )
            )
        return out

    def reserved(self, position: Position) -> Decimal:
        """Units held back for pending sell orders: ``total`` minus ``available_for_trading`` (the
        Position schema of the Sophic Engine API: "Units a new sell order can use"), else the
        row's ``reserved``, else none. A pending sell cannot be cancelled at Sophic, so an
        emulated flatten sells only the units still available and reports the rest."""
        row = position.raw if isinstance(position.raw, dict) else {}
        available = to_wire_decimal(row.get("available_for_trading"))
        if available is not None:
            return max(position.quantity - available, Decimal(0))
        reserved = to_wire_decimal(row.get("reserved"))
        return reserved if reserved is not None and reserved > 0 else Decimal(0)

    def balances(self, account: str, settings: Settings) -> Flow[Balance]:
        what = "accounts/{account_id}/cash-balances"
        sent = yield Call.read(list_cash_balances, {"account_id": account, "api_version": API_VERSION}, what)
        rows = self._rows(sent, what)
        chosen = rows[0] if len(rows) == 1 else None
        if len(rows) > 1:
            base = yield from self._base_currency(account)
            chosen = next((row for row in rows if row.maybe_text("currency") == base), None)
        if chosen is None:
            return Balance(broker=self.name, account=account, raw=[row.row for row in rows])
        return Balance(
            broker=self.name,
            account=account,
            currency=chosen.need_text("currency"),
            cash=chosen.need_decimal("total"),
            buying_power=chosen.need_decimal("available_for_trading"),
            equity=None,
            raw=[row.row for row in rows],
        )

    def fills(self, account: str, since: dt.datetime | None, settings: Settings) -> Flow[list[Fill]]:
        """The trades embedded in GET accounts/{id}/orders. ``executed_at`` is an RFC 3339 UTC
        timestamp in the Sophic Engine API reference; one sent without an offset is read as
        UTC. A trade ``quantity`` that is not positive is :class:`UnexpectedResponse` naming
        ``quantity``."""
        what = "accounts/{account_id}/orders"
        sent = yield Call.read(list_orders, {"account_id": account, "api_version": API_VERSION}, what)
        out = []
        for order in self._rows(sent, what):
            order_id = order.need_text("id")
            trades = order.row.get("trades")
            if not isinstance(trades, list):
                raise unexpected(self.name, f"{what}: an order has no trades list", sent.status, sent.content)
            for item in trades:
                trade = Reader(item, self.name, what, sent.content)
                side = trade.need_member("side", FILL_SIDES)
                time = trade.maybe_time("executed_at", naive_zone=dt.UTC)
                if since is not None and time is not None and time < since:
                    continue
                fill = fill_from(
                    trade, self.name, account, order_id=order_id, side=side, time=time, instrument=_instrument_id
                )
                out.append(fill)
        return by_time(out)

    # -- helpers --------------------------------------------------------------------------------
    def _base_currency(self, account: str) -> Flow[str | None]:
        what = "accounts/{id_or_reference}"
        sent = yield Call.read(get_account, {"id_or_reference": account, "api_version": API_VERSION}, what)
        if sent.status != 200 or not isinstance(sent.parsed, SophicAccount):
            raise self._failure(sent, what, None, money_moving=False)
        currency = plain(sent.parsed.base_currency)
        return currency if isinstance(currency, str) else None

    def _rows(self, sent: Sent, what: str) -> list[Reader]:
        if sent.status != 200 or not isinstance(sent.parsed, list):
            raise self._failure(sent, what, None, money_moving=False)
        data = exact_json(sent, self.name, what)
        if not isinstance(data, list):
            raise unexpected(self.name, f"{what}: not a list", sent.status, sent.content)
        return [Reader(row, self.name, what, sent.content) for row in data]


def _order_fields(parsed: object) -> tuple[object, str | None, object] | None:
    """(id, status, traded_quantity) of an ``Order`` answer: from the typed model, or from the
    decoded JSON when a field the outcome does not need failed to parse. ``None``: not an order."""
    if isinstance(parsed, SophicOrder):
        status = plain(parsed.status)
        return parsed.id, status if isinstance(status, str) else None, parsed.traded_quantity
    if isinstance(parsed, Undecoded) and isinstance(parsed.data, dict):
        data = parsed.data
        status = data.get("status")
        return data.get("id"), status if isinstance(status, str) else None, data.get("traded_quantity")
    return None


def _decimal(value: object) -> Decimal | None:
    if not isinstance(value, str):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _order_named(parsed: object, data: Any) -> tuple[bool, object] | None:
    """A 2xx ``Order`` answer always names an order: (True, its id)."""
    fields = _order_fields(parsed)
    return None if fields is None else (True, fields[0])


_ORDER_ANSWER = answered_with_id(_order_named, DESCRIPTION.order_ids)
PLACE_ORDER = operation(place_order, _ORDER_ANSWER)
GET_ORDER = operation(get_order, _ORDER_ANSWER)


# -- the rest of an order's life (reads) -----------------------------------------------------------
FILL_SIDES = {"buy": Side.BUY, "sell": Side.SELL}


def _instrument_id(row: Reader) -> str:
    """The instrument's id: an embedded object's ``id``, or the id itself."""
    value = row.row.get("instrument")
    if isinstance(value, dict):
        return Reader(value, row.broker, row.what, row.content).need_text("id")
    return row.need_text("instrument")


ADAPTER = SophicAdapter()
