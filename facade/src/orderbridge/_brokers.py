"""One description per broker: everything the facade knows about a broker *as data*.

Every broker list in the facade derives from :data:`DESCRIPTIONS`: the names (:data:`BROKERS`),
capabilities (:func:`capabilities`), production URLs (each spec's ``servers[0]``), credential
names (``ORDERBRIDGE_<BROKER>_<NAME>``), the adapter module to import, and the broker's codes
for "this idempotency key was already used". Capability sources: ``specs/<broker>.yaml``
(TopstepX ``place_order``, CrossTrade ``place_order``, TradeStation ``place_order``, Sophic
``place_order``) and the vendors' order-placement guides.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from ._capabilities import Capabilities, Support
from ._errors import ConfigurationError
from ._models import OrderType, Side, TimeInForce


@attrs.frozen(kw_only=True)
class BrokerDescription:
    """One broker.

    Attributes:
        name: the broker name used everywhere (``"topstepx"``...).
        production_url: the spec's ``servers[0]`` URL, the default base URL.
        credentials: credential names; ``ORDERBRIDGE_<BROKER>_<NAME upper-cased>`` in the environment.
        module: the adapter module, imported on first use (so ``import orderbridge`` loads no
            generated client).
        capabilities: what ``place_order`` accepts and, per lifecycle operation, whether the
            broker documents it, the facade emulates it, or neither (:class:`Capabilities`).
        key_conflict_codes: error codes meaning "this idempotency key was already used";
            after an ambiguous attempt they mean the order may exist.
    """

    name: str
    production_url: str
    credentials: tuple[str, ...]
    module: str
    capabilities: Capabilities
    key_conflict_codes: frozenset[str] = frozenset()


_BOTH = frozenset({Side.BUY, Side.SELL})
_NONE: frozenset[Side] = frozenset()

Y, E, N = Support.YES, Support.EMULATED, Support.NO
_BY_ORDER = "open_orders, then cancel_order for each working order"
_BY_MARKET = "an opposite market order for the position's size (positions first)"


DESCRIPTIONS: Mapping[str, BrokerDescription] = {
    "topstepx": BrokerDescription(
        name="topstepx",
        production_url="https://api.topstepx.com",
        credentials=("username", "api_key"),
        module="orderbridge.brokers.topstepx",
        capabilities=Capabilities(
            broker="topstepx",
            order_types=frozenset({OrderType.MARKET, OrderType.LIMIT, OrderType.STOP, OrderType.TRAILING_STOP}),
            time_in_force=frozenset(),
            default_time_in_force=None,
            quantity_sides=_BOTH,
            cash_amount_sides=_NONE,
            fractional_quantity=False,
            brackets=True,
            oco=False,
            flatten_first=False,
            client_order_id_field="customTag",
            client_order_id_max_length=22,
            idempotent_placement=False,
            replays_duplicates=False,
            resolve="Order/search over the lookback window, matched on customTag",
            cancel=True,
            notes=(
                "Type 3 StopLimit is not documented as placeable. Brackets (extras stopLossBracket/"
                "takeProfitBracket) need the account's Auto OCO Brackets setting. A duplicate customTag is "
                "rejected with code 2, so a client order id is never reused. Trailing stops: trail_price is sent "
                "as trailPrice, an absolute price level the gateway turns into a tick distance from the last "
                "trade (at most 1000 ticks, tick-aligned); the gateway docs say so, one community SDK treats it "
                "as a distance instead, and no primary source settles it beyond doubt. An order read back "
                "reports trailPrice as a distance."
            ),
            operations={
                "modify_order": (Y, "Order/modify (same order id)"),
                "open_orders": (Y, "Order/searchOpen (status Open; suspended bracket children are not listed)"),
                "positions": (Y, "Position/searchOpen"),
                "balances": (Y, "Account/search (balance)"),
                "fills": (Y, "Trade/search"),
                "close_position": (Y, "Position/closeContract, or Position/partialCloseContract with quantity"),
                "cancel_all_orders": (E, _BY_ORDER),
                "flatten": (E, f"{_BY_ORDER}; then Position/closeContract for each position"),
            },
            modify_fields=frozenset({"quantity", "limit_price", "stop_price", "trail_price"}),
        ),
    ),
    "crosstrade": BrokerDescription(
        name="crosstrade",
        production_url="https://app.crosstrade.io",
        credentials=("token",),
        module="orderbridge.brokers.crosstrade",
        capabilities=Capabilities(
            broker="crosstrade",
            order_types=frozenset({OrderType.MARKET, OrderType.LIMIT, OrderType.STOP, OrderType.STOP_LIMIT}),
            time_in_force=frozenset({TimeInForce.DAY, TimeInForce.GTC}),
            default_time_in_force=TimeInForce.DAY,
            quantity_sides=_BOTH,
            cash_amount_sides=_NONE,
            fractional_quantity=False,
            brackets=True,
            oco=True,
            flatten_first=True,
            client_order_id_field="orderId",
            client_order_id_max_length=22,
            idempotent_placement=False,
            replays_duplicates=False,
            resolve="GET accounts/{account}/orders/{orderId} with the custom orderId",
            cancel=True,
            notes=(
                "Brackets via an ATM template (extras strategy); OCO via extras ocoId. NinjaTrader 8 must be running."
            ),
            operations={
                "modify_order": (Y, "PUT orders/{orderId}/change (same order id)"),
                "open_orders": (Y, "GET orders, working states only"),
                "positions": (Y, "GET positions"),
                "balances": (Y, "GET accounts/{account} (item: cashValue, buyingPower, netLiquidation)"),
                "fills": (Y, "GET executions (at most the last 900 s)"),
                "close_position": (Y, "POST positions/close"),
                "cancel_all_orders": (Y, "POST orders/cancel (this account)"),
                "flatten": (Y, "POST orders/cancel, then POST positions/flatten"),
            },
            modify_fields=frozenset({"quantity", "limit_price", "stop_price"}),
        ),
    ),
    "tradestation": BrokerDescription(
        name="tradestation",
        production_url="https://api.tradestation.com",
        credentials=("access_token", "client_id", "client_secret", "refresh_token"),
        module="orderbridge.brokers.tradestation",
        capabilities=Capabilities(
            broker="tradestation",
            order_types=frozenset({OrderType.MARKET, OrderType.LIMIT, OrderType.STOP, OrderType.STOP_LIMIT}),
            time_in_force=frozenset(
                {TimeInForce.DAY, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.GTD}
            ),
            default_time_in_force=TimeInForce.DAY,
            quantity_sides=_BOTH,
            cash_amount_sides=_NONE,
            fractional_quantity=False,
            brackets=False,
            oco=False,
            flatten_first=False,
            client_order_id_field="OrderConfirmId",
            client_order_id_max_length=22,
            idempotent_placement=True,
            replays_duplicates=False,
            resolve=None,
            cancel=True,
            notes=(
                "No lookup by OrderConfirmId exists in WebAPI v2; placement is deduplicated on it, so re-sending the "
                "same order with the same client_order_id cannot create a second order. Brackets and OCO go through "
                "the group-order endpoint, outside place_order."
            ),
            operations={
                "modify_order": (Y, "PUT /v2/orders/{id} cancel/replace: the result carries the new OrderID"),
                "open_orders": (Y, "GET accounts/{key}/orders, working statuses only"),
                "positions": (Y, "GET accounts/{key}/positions"),
                "balances": (Y, "GET accounts/{key}/balances"),
                "fills": (N, "WebAPI v2 has no executions endpoint (orders carry only an aggregate FilledPrice)"),
                "close_position": (E, f"{_BY_MARKET}; not for a short equity, which needs BUYTOCOVER"),
                "cancel_all_orders": (E, _BY_ORDER),
                "flatten": (
                    E,
                    f"{_BY_ORDER}; then {_BY_MARKET} for each position (short equities reported refused)",
                ),
            },
            modify_fields=frozenset({"quantity", "limit_price", "stop_price"}),
        ),
    ),
    "sophic": BrokerDescription(
        name="sophic",
        production_url="https://api.engine.usesophic.com",
        credentials=("client_id", "client_secret"),
        module="orderbridge.brokers.sophic",
        key_conflict_codes=frozenset({"idempotency_key_conflict", "idempotency_key_expired"}),
        capabilities=Capabilities(
            broker="sophic",
            order_types=frozenset({OrderType.MARKET}),
            time_in_force=frozenset(),
            default_time_in_force=None,
            quantity_sides=frozenset({Side.SELL}),
            cash_amount_sides=frozenset({Side.BUY}),
            fractional_quantity=True,
            brackets=False,
            oco=False,
            flatten_first=False,
            client_order_id_field="Idempotency-Key",
            client_order_id_max_length=255,
            idempotent_placement=True,
            replays_duplicates=True,
            resolve="replay of the recorded placement with the same Idempotency-Key (24 h window)",
            cancel=False,
            notes=(
                "Buys are cash-based (cash_amount, at most 2 decimal places), sells unit-based (quantity, at most 4). "
                "Market orders only (the placement guide). There is no cancel endpoint. extras automatic_rollover "
                "applies to eligible bill buys."
            ),
            operations={
                "modify_order": (N, "the Sophic Engine API has no order amendment"),
                "open_orders": (Y, "GET accounts/{id}/pending-orders"),
                "positions": (Y, "GET accounts/{id}/positions?open_only=true"),
                "balances": (Y, "GET accounts/{id}/cash-balances (the account's base currency)"),
                "fills": (Y, "GET accounts/{id}/orders, the trades embedded in each order"),
                "close_position": (E, "a market sell of the position's units (holdings are long only)"),
                "cancel_all_orders": (N, "the Sophic Engine API has no cancel endpoint"),
                "flatten": (
                    E,
                    "market sells of every position; pending orders cannot be cancelled and are reported refused",
                ),
            },
            modify_fields=frozenset(),
        ),
    ),
}

BROKERS: tuple[str, ...] = tuple(DESCRIPTIONS)
"""The broker names, in documentation order."""


def describe(broker: str) -> BrokerDescription:
    """The :class:`BrokerDescription` of ``broker``.

    Raises:
        ConfigurationError: for an unknown broker name.
    """
    try:
        return DESCRIPTIONS[broker]
    except (KeyError, TypeError):
        raise ConfigurationError(f"unknown broker {broker!r}; expected one of {', '.join(BROKERS)}") from None


def capabilities(broker: str) -> Capabilities:
    """The :class:`Capabilities` of ``broker`` (``"topstepx"``, ``"crosstrade"``,
    ``"tradestation"``, ``"sophic"``).

    Raises:
        ConfigurationError: for an unknown broker name.
    """
    return describe(broker).capabilities


def all_capabilities() -> dict[str, Capabilities]:
    """Capabilities of every broker, keyed by name."""
    return {name: d.capabilities for name, d in DESCRIPTIONS.items()}
