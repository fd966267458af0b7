"""Small formatting helpers the brokers share (timestamps and decimals in broker styles)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


def us_timestamp(when: dt.datetime) -> str:
    """``8/3/2011 2:04:20 PM`` (TradeStation listings, NinjaTrader locale time)."""
    hour = when.hour % 12 or 12
    return f"{when.month}/{when.day}/{when.year} {hour}:{when:%M:%S} {'AM' if when.hour < 12 else 'PM'}"


def iso_z(when: dt.datetime) -> str:
    """``2026-03-12T14:30:00Z`` (whole seconds, UTC)."""
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def epoch_ms(when: dt.datetime) -> int:
    return int(when.timestamp() * 1000)


def fixed(value: Decimal, places: int) -> str:
    """``value`` rounded half-up to ``places`` decimals, as plain text (``"99.50"``)."""
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def plain(value: Decimal) -> str:
    """``value`` without exponent or trailing zeros (``"100"``, ``"20.5"``)."""
    text = format(value.normalize(), "f")
    return text


def floor_to(value: Decimal, step: Decimal) -> Decimal:
    """``value`` rounded down to a whole multiple of ``step``."""
    return (value / step).to_integral_value(rounding=ROUND_DOWN) * step
