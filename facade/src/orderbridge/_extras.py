"""Merging ``Order.extras`` (broker-native fields) into a request body, for every adapter.

Each adapter lists the native fields it passes through; a key outside that list, or one that
would overwrite a field the facade maps itself, is refused with :class:`InvalidOrder` rather
than sent and silently ignored by the broker.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ._errors import InvalidOrder
from ._models import check_bounds, decimal_text


def merge_extras(
    wire: dict[str, Any],
    extras: Mapping[str, Any],
    allowed: Iterable[str],
    *,
    broker: str,
    decimals_as_text: bool = False,
) -> dict[str, Any]:
    """Return ``wire`` updated with ``extras``.

    Args:
        wire: the body the adapter built (broker field names).
        extras: ``Order.extras``.
        allowed: the broker-native field names that may be passed through.
        decimals_as_text: send ``Decimal`` extras as decimal strings (Sophic, TradeStation);
            otherwise a ``Decimal`` extra is refused (it would need a JSON number).

    Raises:
        InvalidOrder: ``field="extras"``, naming the key.
    """
    allowed_set = set(allowed)
    out = dict(wire)
    for key, value in extras.items():
        if key in wire:
            raise InvalidOrder(
                f"extras[{key!r}] would overwrite a field orderbridge maps from the Order; set it on the Order",
                field="extras",
                broker=broker,
            )
        if key not in allowed_set:
            known = ", ".join(sorted(allowed_set)) or "none"
            raise InvalidOrder(
                f"extras[{key!r}] is not a field {broker} accepts here (accepted: {known})",
                field="extras",
                broker=broker,
            )
        out[key] = _plain_json(value, key, broker, decimals_as_text)
    return out


def _plain_json(value: Any, key: str, broker: str, decimals_as_text: bool) -> Any:
    """Walk nested dicts/lists: Decimals become decimal text (text brokers) or are refused
    (JSON-number brokers); floats are refused everywhere; so are empty strings, lists and
    objects — the specs require at least one item or character where those appear
    (TradeStation ``OSOs`` minItems 1, ``Route`` minLength 1), and "nothing" is expressed by
    omitting the key."""
    if isinstance(value, (str, Mapping, list, tuple)) and len(value) == 0:
        raise InvalidOrder(f"extras[{key!r}] contains an empty value; omit it instead", field="extras", broker=broker)
    if isinstance(value, Mapping):
        return {k: _plain_json(v, key, broker, decimals_as_text) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_json(v, key, broker, decimals_as_text) for v in value]
    if isinstance(value, float):
        raise InvalidOrder(
            f"extras[{key!r}] contains a float; pass a Decimal, int or str", field="extras", broker=broker
        )
    if isinstance(value, Decimal):
        if not decimals_as_text:
            raise InvalidOrder(
                f"extras[{key!r}]: pass an int or str here, not a Decimal", field="extras", broker=broker
            )
        if not value.is_finite():
            raise InvalidOrder(f"extras[{key!r}] contains a non-finite number", field="extras", broker=broker)
        return decimal_text(check_bounds(value, "extras"))
    return value
