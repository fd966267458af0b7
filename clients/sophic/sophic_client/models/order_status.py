from enum import StrEnum


class OrderStatus(StrEnum):
    CANCELLED = "cancelled"
    CANCELLING = "cancelling"
    EXECUTING = "executing"
    FILLED = "filled"
    HELD = "held"
    PENDING = "pending"
    PLACED = "placed"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
