"""A market entry protected by a resting stop, written the way a strategy author would.

No bracket: the entry is a market order, then a separate stop order on the other side guards
the position. Neither order is ever sent twice. When the broker's answer is lost
(``orderbridge.OutcomeUnknown``) the order may exist, so the component asks the broker with
``session.resolve(client_order_id, ...)`` instead of resending it.

    with orderbridge.connect("topstepx") as session:
        placed = enter_with_stop(session, account="465", instrument="CON.F.US.MES.Z25",
                                 side="buy", quantity=Decimal("1"), stop_price=Decimal("6300"))
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import orderbridge as ob


class EntryNotPlaced(Exception):
    """The broker has no entry order: nothing was opened, nothing needs protecting.

    Attributes:
        client_order_id: the id the entry was sent with (the broker knows no order with it).
    """

    def __init__(self, client_order_id: str) -> None:
        super().__init__(f"the entry {client_order_id} never reached the broker; nothing was opened")
        self.client_order_id = client_order_id


class StopNotPlaced(Exception):
    """The entry exists but its protective stop does not: the position is unprotected.

    Attributes:
        entry: the entry order the broker accepted.
    """

    def __init__(self, entry: ob.PlacedOrder) -> None:
        super().__init__(f"entry {entry.order_id} is open WITHOUT its protective stop")
        self.entry = entry


@dataclasses.dataclass(frozen=True)
class ProtectedEntry:
    """The entry order and the stop that protects it, both as the broker accepted them."""

    entry: ob.PlacedOrder
    stop: ob.PlacedOrder


def enter_with_stop(
    session: ob.Session,
    *,
    account: str,
    instrument: str,
    side: str,
    quantity: Decimal,
    stop_price: Decimal,
) -> ProtectedEntry:
    """Buy (or sell) ``quantity`` at market, then rest a stop for the same quantity on the
    other side at ``stop_price``.

    Raises:
        EntryNotPlaced: the entry's outcome was unknown and the broker has no such order.
        StopNotPlaced: the entry exists, the stop does not (act on it: the position is naked).
        orderbridge.OrderRejected: the broker refused the entry.
        orderbridge.OrderbridgeError: anything else the facade raises (nothing was resent).
    """
    entry_order = ob.Order(
        instrument=instrument, side=side, type="market", quantity=quantity, client_order_id=ob.new_client_order_id()
    )
    entry = place_once(session, entry_order, account=account)
    if entry is None:
        raise EntryNotPlaced(str(entry_order.client_order_id))
    opposite = "sell" if entry_order.side is ob.Side.BUY else "buy"
    stop_order = ob.Order(
        instrument=instrument,
        side=opposite,
        type="stop",
        quantity=quantity,
        stop_price=stop_price,
        client_order_id=ob.new_client_order_id(),
    )
    try:
        stop = place_once(session, stop_order, account=account)
    except ob.OrderbridgeError as exc:
        raise StopNotPlaced(entry) from exc
    if stop is None:
        raise StopNotPlaced(entry)
    return ProtectedEntry(entry, stop)


def place_once(session: ob.Session, order: ob.Order, *, account: str) -> ob.PlacedOrder | None:
    """Place ``order`` (which carries its ``client_order_id``) exactly once. After an unknown
    outcome, reconcile: the broker's own record decides (the order if it exists, None if it
    never arrived); never resend."""
    if order.client_order_id is None:
        raise ValueError("give the order a client_order_id: it is how an unknown outcome is reconciled")
    try:
        return session.place_order(order, account=account)
    except ob.OutcomeUnknown:
        return session.resolve(order.client_order_id, account=account)
