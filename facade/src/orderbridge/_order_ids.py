"""What makes a broker order id usable: one rule set, per-broker limits as data.

An acceptance is only an acceptance when it carries an order id the caller can act on: one that
this SDK's own ``get_order`` and ``cancel_order`` accept. Both directions go through this module,
so the two can never disagree:

* :func:`order_id_from_wire` reads the id a broker answered with (placement, order reads,
  resolve) and returns its text, or ``None`` when it is unusable — the adapter then reports the
  outcome as unknown instead of building a ``PlacedOrder``;
* :func:`check_order_id` checks the id a caller passes to ``get_order`` / ``cancel_order``
  before anything is sent, and raises :class:`~orderbridge.InvalidOrder` naming ``order_id``.

Rules every broker shares: text (or, for integer ids, a JSON integer that is not a bool), not
blank, no surrounding whitespace, no control characters, not ``.`` / ``..`` (URL normalisation
folds those path segments away), within the broker's length and charset (each broker's
:class:`OrderIdRule` is part of its description, ``orderbridge/brokers/<broker>/__init__.py``).
"""

from __future__ import annotations

import re
from typing import Literal

import attrs

from ._errors import InvalidOrder

INT64_MAX = 2**63 - 1


@attrs.frozen
class OrderIdRule:
    """One broker's order id format.

    Attributes:
        kind: ``"integer"`` — a positive int64, decimal text in the SDK; ``"text"`` — a string
            of ``charset`` characters.
        max_length: longest accepted text.
        charset: regular expression one character must match (``"text"`` ids).
        wire_text: an ``"integer"`` id may also arrive as a JSON string of digits
            (TradeStation ``OrderID`` is a string, its 20150101 ``Id`` a JSON number).
        source: the vendor document the rule comes from.
    """

    kind: Literal["integer", "text"]
    max_length: int
    charset: str = r"[0-9]"
    wire_text: bool = False
    source: str = ""
    pattern: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    """``charset`` repeated 1 to ``max_length`` times, compiled once per rule."""

    @pattern.default
    def _compile(self) -> re.Pattern[str]:
        return re.compile(f"(?:{self.charset}){{1,{self.max_length}}}")


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""C0 controls, DEL and C1 controls (code points below 32 and 127 to 159)."""


def _text_problem(rule: OrderIdRule, text: str) -> str | None:
    if not text.strip():
        return "is blank"
    if text != text.strip():
        return "has surrounding whitespace"
    if _CONTROL.search(text):
        return "contains control characters"
    if text in (".", ".."):
        return "is a dot path segment"
    if len(text) > rule.max_length:
        return f"is longer than {rule.max_length} characters"
    if not rule.pattern.fullmatch(text):
        return "has characters outside the broker's id charset"
    if rule.kind == "integer" and (text.startswith("0") or not 0 < int(text) <= INT64_MAX):
        return "is not a positive int64 in canonical decimal form"
    return None


def order_id_problem(rule: OrderIdRule, value: object) -> str | None:
    """Why ``value`` (as the broker sent it) is not a usable order id, or ``None`` if it is."""
    if isinstance(value, bool):
        return "is a boolean"
    if isinstance(value, int):
        if rule.kind != "integer":
            return "is a number where the broker documents a string"
        if not 0 < value <= INT64_MAX:
            return "is not a positive int64"
        return None
    if not isinstance(value, str):
        return f"is a {type(value).__name__}"
    if rule.kind == "integer" and not rule.wire_text:
        return "is a string where the broker documents an integer"
    return _text_problem(rule, value)


def order_id_from_wire(rule: OrderIdRule, value: object) -> str | None:
    """The text of a usable order id the broker answered with, or ``None`` if unusable."""
    if order_id_problem(rule, value) is not None:
        return None
    return str(value)


def check_order_id(rule: OrderIdRule, order_id: object, broker: str) -> str:
    """``order_id`` as a caller passed it to ``get_order`` / ``cancel_order``, checked.

    Accepts exactly the text :func:`order_id_from_wire` produces for this broker.

    Raises:
        InvalidOrder: naming ``order_id``; nothing is sent.
    """
    if not isinstance(order_id, str):
        raise InvalidOrder(f"order_id must be a string, got {type(order_id).__name__}", field="order_id", broker=broker)
    problem = _text_problem(rule, order_id)
    if problem is not None:
        shown = order_id if len(order_id) <= 40 else order_id[:40] + "..."
        raise InvalidOrder(
            f"order_id {shown!r} {problem} (expected {rule.kind}, at most {rule.max_length} characters)",
            field="order_id",
            broker=broker,
        )
    return order_id
