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

from decimal import Decimal, InvalidOperation
from typing import Any

from sophic_client import AuthenticatedClient
from sophic_client.api.auth import create_token
from sophic_client.api.orders import get_order, place_order
from sophic_client.models import (
    ClientCredentialsForm,
    Error,
    GrantType,
    OAuthErrorBody,
    OAuthToken,
    PlaceOrderRequest,
)
from sophic_client.models import Order as SophicOrder

from .._adapter import Adapter, BrokerOrder
from .._config import Settings
from .._conform import build_request
from .._errors import AuthenticationError, InvalidOrder, OrderNotFound, clean
from .._extras import merge_extras
from .._flow import Call, Flow, Grant, Retry, Sent, Token, plain, rejected, unknown
from .._models import Order, PlacedOrder, decimal_text
from .._order_ids import order_id_from_wire
from .._tolerant import Undecoded, tolerant

API_VERSION = "2026-01-01"
MAX_ID = 255
"""IDs are opaque, up to 255 characters (Sophic docs, data formats)."""
SIDES = {"buy": "buy", "sell": "sell"}
EXTRAS = ("automatic_rollover", "quote")
MAX_PLACES = {"cash_amount": 2, "quantity": 4}
"""Decimal places Sophic accepts (Sophic docs, data formats: money 2 dp, quantity up to 4 dp)."""


class SophicAdapter(Adapter):
    """Sophic Engine: the flows of specs/sophic.yaml (see the module docstring)."""

    name = "sophic"
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
        sent = yield Call(
            create_token,
            {"body": form, "api_version": API_VERSION},
            money_moving=False,
            retry=Retry.READ,
            name=what,
            token=Token.NONE,
        )
        body = sent.parsed
        if sent.status == 200 and isinstance(body, OAuthToken) and isinstance(body.access_token, str):
            lifetime = body.expires_in if isinstance(body.expires_in, int) and body.expires_in > 0 else 900
            return Grant(body.access_token, float(lifetime))
        if sent.status in (400, 401) and isinstance(body, (OAuthErrorBody, Error)):
            code = plain(body.error) if isinstance(body, OAuthErrorBody) else plain(body.code)
            message = plain(body.error_description) if isinstance(body, OAuthErrorBody) else plain(body.detail)
            raise AuthenticationError(
                f"{what}: client-credentials grant refused: {clean(code)}",
                broker=self.name,
                code=code,
                code_name=code,
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
        sent = yield Call(
            PLACE_ORDER,
            {
                "account_id": account,
                "body": self.place_request(order),
                "idempotency_key": cid,
                "api_version": API_VERSION,
            },
            money_moving=True,
            retry=Retry.IDEMPOTENT,
            name=what,
        )
        if sent.status == 201:
            fields = _order_fields(sent.parsed)
            order_id = self.usable_order_id(fields[0]) if fields is not None else None
            if fields is None or order_id is None:
                # A 201 without a usable id is an order we cannot act on: never an acceptance.
                raise unknown(self.name, cid, "decode", what, status_code=201)
            return PlacedOrder(
                broker=self.name,
                account=account,
                order_id=order_id,
                client_order_id=cid or "",
                status=fields[1],
                raw=_raw(sent.parsed),
                warnings=self.deviations(what, sent.parsed, SophicOrder),
            )
        raise self._failure(sent, what, cid, money_moving=True)

    def get_order(self, order_id: str, account: str, settings: Settings) -> Flow[BrokerOrder]:
        what = "accounts/{account_id}/orders/{order_id}"
        order_id = self.check_order_id(order_id)
        sent = yield Call(
            GET_ORDER,
            {"account_id": account, "order_id": order_id, "api_version": API_VERSION},
            money_moving=False,
            retry=Retry.READ,
            name=what,
        )
        fields = _order_fields(sent.parsed) if sent.status == 200 else None
        found_id = self.usable_order_id(fields[0]) if fields is not None else None
        if fields is not None and found_id is not None:
            return BrokerOrder(
                broker=self.name,
                account=account,
                order_id=found_id,
                status=fields[1],
                filled_quantity=_decimal(fields[2]),
                raw=_raw(sent.parsed),
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
            if sent.status == 404 and not money_moving:
                return OrderNotFound(
                    f"{what}: not found",
                    broker=self.name,
                    code=code,
                    code_name=str(code),
                    broker_message=plain(body.detail),
                )
            return rejected(
                self.name,
                what,
                code=code,
                code_name=str(code),
                broker_message=plain(body.detail),
                client_order_id=cid,
                raw=body,
            )
        return self.fail(sent, what, money_moving=money_moving, client_order_id=cid)


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


def _raw(parsed: object) -> object:
    return parsed.data if isinstance(parsed, Undecoded) else parsed


def _decimal(value: object) -> Decimal | None:
    if not isinstance(value, str):
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _usable_order(parsed: object, content: bytes) -> bool:
    """A 2xx ``Order`` answer is usable when it carries an order id this SDK can act on."""
    fields = _order_fields(parsed)
    return fields is not None and order_id_from_wire("sophic", fields[0]) is not None


PLACE_ORDER = tolerant(place_order, _usable_order)
GET_ORDER = tolerant(get_order, _usable_order)
ADAPTER = SophicAdapter()
