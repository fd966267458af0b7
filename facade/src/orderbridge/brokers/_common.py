"""Mechanism the broker packages share; it names no broker (each broker's facts stay in its package).

What an answer needs before the flow reads it (``usable(parsed, data)``, the check an
:class:`~orderbridge._flow.Operation` runs on a 2xx answer): its outcome fields, read by the
broker's own reader, and, for an acceptance that names an order, an order id this SDK can act on
(the broker's :class:`~orderbridge._capabilities.OrderIdRule`). One rule for every broker: a
body missing what the outcome needs is never an acceptance; every other field stays best-effort.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from .._adapter import M, build_request, merge_extras
from .._capabilities import OrderIdRule, order_id_from_wire
from .._config import Settings
from .._flow import Flow, Undecoded
from .._models import Order, PlacedOrder


def wire_fields(source: object, names: Mapping[str, str], convert: Callable[[Any, str], object]) -> dict[str, object]:
    """The broker's wire fields for the optional fields ``names`` lists (ours -> the broker's) that
    are set on ``source`` (an :class:`~orderbridge.Order` or a modification), each converted by
    ``convert(value, our field name)``, the broker's number rule (which names the field in the
    error it raises); unset fields are left out, in ``names``' order."""
    values = {field: getattr(source, field) for field in names}
    return {key: convert(values[field], field) for field, key in names.items() if values[field] is not None}


def order_body(
    model: type[M],
    wire: dict[str, Any],
    order: Order,
    *,
    prices: Mapping[str, str],
    number: Callable[[Any, str], object],
    extras: tuple[str, ...],
    broker: str,
) -> M:
    """A placement body: the broker's fields for ``order`` (``wire``), its set prices
    (:func:`wire_fields`), then the ``extras`` the broker allows (``merge_extras``), parsed into
    the generated ``model`` (``build_request``).

    Raises:
        InvalidOrder: a price the broker's number rule cannot carry, or a bad extra.
    """
    wire = merge_extras({**wire, **wire_fields(order, prices, number)}, order.extras, extras, broker=broker)
    return build_request(model, wire, broker, extras=bool(order.extras))


Outcome = Callable[[Any, Any], object]
"""``outcome(parsed, data)``: the outcome fields of an answer (typed model or ``Undecoded``, and
the decoded JSON), or ``None`` when they are missing or of the wrong JSON type."""

Acceptance = Callable[[Any, Any], "tuple[bool, object] | None"]
"""``acceptance(parsed, data)``: ``(accepted, order id as sent)`` of an answer, or ``None`` when
its outcome fields are missing or of the wrong JSON type."""


def answered(outcome: Outcome) -> Callable[[Any, Any], bool]:
    """A ``usable`` check: the answer is usable when ``outcome`` finds its outcome fields."""

    def usable(parsed: Any, data: Any) -> bool:
        return outcome(parsed, data) is not None

    return usable


def answered_with_id(acceptance: Acceptance, rule: OrderIdRule) -> Callable[[Any, Any], bool]:
    """A ``usable`` check for an answer that names the order it accepted: its outcome fields are
    there, and an acceptance carries an order id usable under ``rule`` (a refusal need not)."""

    def usable(parsed: Any, data: Any) -> bool:
        fields = acceptance(parsed, data)
        if fields is None:
            return False
        accepted, raw_id = fields
        return not accepted or order_id_from_wire(rule, raw_id) is not None

    return usable


def as_sent(parsed: object) -> object:
    """The answer as the broker sent it, for ``raw``: the typed model, or the decoded JSON when
    the body did not parse into the model (``Undecoded``)."""
    return parsed.data if isinstance(parsed, Undecoded) else parsed


class Placing(Protocol):
    """What a broker's order-group flow (its ``groups`` module) needs from the broker's adapter: a
    protocol, so that module does not import the adapter that imports it. A broker whose groups
    need more extends it."""

    @property
    def name(self) -> str: ...

    def place(self, order: Order, account: str, settings: Settings) -> Flow[PlacedOrder]: ...
