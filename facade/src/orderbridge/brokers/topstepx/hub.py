"""TopstepX's user hub as data for the push feed (:mod:`orderbridge._push`): where it is, what to
subscribe to, and how each pushed payload reads.

The gateway (ProjectX Gateway API docs, "Real Time Data Overview", user hub
``https://rtc.topstepx.com/hubs/user``): SignalR over WebSockets, the session token as
``?access_token=``; the client invokes ``SubscribeAccounts()``, ``SubscribeOrders(accountId)``,
``SubscribePositions(accountId)`` and ``SubscribeTrades(accountId)``, and must invoke them again
after every reconnect (subscriptions belong to a connection; the vendor's sample resubscribes
in ``onreconnected``). The server sends ``GatewayUserAccount``, ``GatewayUserOrder``,
``GatewayUserPosition`` and ``GatewayUserTrade`` with one argument mirroring the REST models
(``TradingAccountModel``, ``OrderModel``, ``PositionModel``, ``HalfTradeModel``). Community
clients have seen the argument bare and wrapped as ``{"action": n, "data": {...}}``; both are
read. There are no sequence numbers and no replay: what a reconnect missed is read back by REST.
A position pushed with ``size`` 0 is read as closed (the vendor does not document how a flat
position is signalled).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlsplit

from ..._account import Balance, Position, Reader
from ..._adapter import Adapter, BrokerOrder
from ..._errors import ConfigurationError, OrderbridgeError, bad_row
from ..._models import Settings
from . import DESCRIPTION

PRODUCTION_HUB = "https://rtc.topstepx.com/hubs/user"
"""The vendor's user hub."""
HUB_PATH = "/hubs/user"
"""Below a non-production base URL (the sandbox: ``http://127.0.0.1:N/topstepx/hubs/user``)."""
ENV = "ORDERBRIDGE_TOPSTEPX_HUB_URL"

Fact = BrokerOrder | Position | Balance | Any


def hub_url(settings: Settings, explicit: str | None = None) -> str:
    """The user hub's URL: ``explicit`` (``connect(..., hub_url=...)``), else
    ``ORDERBRIDGE_TOPSTEPX_HUB_URL``, else the vendor's hub when the base URL is the production
    one, else ``<base_url>/hubs/user`` (so pointing the base URL at the sandbox is enough).

    Raises:
        ConfigurationError: naming ``hub_url`` — not an absolute http(s)/ws(s) URL.
    """
    url = explicit or os.environ.get(ENV) or ""
    if not url:
        production = settings.base_url.rstrip("/") == DESCRIPTION.production_url.rstrip("/")
        url = PRODUCTION_HUB if production else settings.base_url.rstrip("/") + HUB_PATH
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "ws", "wss") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigurationError(
            "hub_url must be an absolute http(s) or ws(s) URL without query or fragment", broker=DESCRIPTION.name
        )
    return url


def subscriptions(accounts: Sequence[str]) -> list[tuple[str, list[Any]]]:
    """The invocations that subscribe ``accounts`` (sent on every (re)connection)."""
    calls: list[tuple[str, list[Any]]] = [("SubscribeAccounts", [])]
    for account in accounts:
        number = int(account)
        calls += [(name, [number]) for name in ("SubscribeOrders", "SubscribePositions", "SubscribeTrades")]
    return calls


def unwrap(argument: Any) -> Mapping[str, Any] | None:
    """The payload object, bare or wrapped as ``{"action": n, "data": {...}}``; ``None`` when it
    is neither."""
    if isinstance(argument, Mapping) and "data" in argument and "action" in argument:
        argument = argument["data"]
    return argument if isinstance(argument, Mapping) else None


def _account(row: Mapping[str, Any], accounts: Sequence[str]) -> str | None:
    value = row.get("accountId", row.get("id"))
    text = str(value) if isinstance(value, int) and not isinstance(value, bool) else None
    return text if text in accounts else None


def read(target: str, argument: Any, adapter: Adapter, accounts: Sequence[str]) -> list[Fact]:
    """What one push says, as the facade's models; ``[]`` for another account or target.

    Raises:
        OrderbridgeError: (:class:`~orderbridge.UnexpectedResponse`) a payload the result
            needs a field of is malformed; the feed treats it as a possible loss (a ``Gap``).
    """
    from .adapter import fill_of, position_of

    row = unwrap(argument)
    what = f"user hub {target}"
    if row is None:
        raise bad_row(adapter.name, what, "the payload is not an object")
    if target == "GatewayUserAccount":
        account = _account(row, accounts)
        if account is None:
            return []
        reader = Reader(row, adapter.name, what)
        cash = reader.maybe_decimal("balance")
        return [Balance(broker=adapter.name, account=account, currency="USD", cash=cash, raw=row)]
    account = _account(row, accounts)
    if account is None:
        return []
    reader = Reader(row, adapter.name, what)
    if target == "GatewayUserOrder":
        order_id = adapter.usable_order_id(row.get("id"))
        if order_id is None:
            reader.need_text("id")
            return []
        from .orders import ORDER_SHAPE

        return [adapter.broker_order(ORDER_SHAPE, dict(row), account=account, order_id=order_id, raw=row)]
    if target == "GatewayUserTrade":
        return [] if row.get("voided") is True else [fill_of(reader, adapter.name, account)]
    if target == "GatewayUserPosition":
        if reader.maybe_decimal("size") == 0:  # closed
            instrument = reader.need_text("contractId")
            return [Position(broker=adapter.name, account=account, instrument=instrument, quantity=Decimal(0), raw=row)]
        return [position_of(reader, adapter.name, account)]
    return []


TARGETS = ("GatewayUserAccount", "GatewayUserOrder", "GatewayUserPosition", "GatewayUserTrade")
"""The server-to-client methods the feed listens to."""

__all__ = ["ENV", "PRODUCTION_HUB", "TARGETS", "OrderbridgeError", "hub_url", "read", "subscriptions", "unwrap"]
