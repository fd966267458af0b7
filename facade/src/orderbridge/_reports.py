"""Folding a newer report about an order into what is already known: :func:`apply_report`,
the one rule the account snapshot and the live event feed share (built on the transition table
of :mod:`orderbridge._status`)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from ._adapter import BrokerOrder
from ._status import OrderStatus, merge_status, refine


def _most(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def apply_report(current: BrokerOrder, report: BrokerOrder) -> BrokerOrder:
    """Fold ``report`` (a newer read or event about the same order) into ``current``.

    The rules, in one place (the snapshot and the live feed both use them):

    * the status moves only along the transition table (:func:`merge_status`): a fill after a
      cancel leaves the order cancelled, a cancel acknowledgement after the fill leaves it
      filled, a late ``open`` never reopens a filled order;
    * a fill is never lost: ``filled_quantity`` is the larger of the two, and the average
      fill price comes from whichever side reports the larger filled quantity;
    * when the report is accepted, its other fields replace the current ones where it states
      them (``None`` in the report keeps the current value); when it is refused as stale,
      only the fill information above is taken from it;
    * ``open`` with a positive filled quantity becomes ``partially_filled``.

    Raises:
        ValueError: the two describe different orders (broker, account or order id differ).
    """
    if (current.broker, current.account, current.order_id) != (report.broker, report.account, report.order_id):
        raise ValueError("apply_report: the report is about another order")
    status = merge_status(current.status, report.status)
    filled = _most(current.filled_quantity, report.filled_quantity)
    richer = report if (report.filled_quantity or 0) >= (current.filled_quantity or 0) else current
    average = richer.average_fill_price or current.average_fill_price or report.average_fill_price
    status = refine(status, filled)
    accepted = report.status is not OrderStatus.UNKNOWN and report.status.can_follow(current.status)
    base, fallback = (report, current) if accepted else (current, report)
    changes = {
        name: getattr(base, name) if getattr(base, name) is not None else getattr(fallback, name)
        for name in _DESCRIPTIVE
    }
    return attrs.evolve(
        current,
        status=status,
        broker_status=base.broker_status,
        filled_quantity=filled,
        average_fill_price=average,
        raw=base.raw,
        warnings=current.warnings + tuple(w for w in report.warnings if w not in current.warnings),
        **changes,
    )


_DESCRIPTIVE = (
    "client_order_id",
    "instrument",
    "side",
    "type",
    "quantity",
    "limit_price",
    "stop_price",
    "trail_price",
    "time_in_force",
    "created_at",
    "updated_at",
)
"""The fields :func:`apply_report` takes from the accepted side (the rest it merges)."""


__all__ = ["apply_report"]
