from enum import StrEnum


class PositionStatus(StrEnum):
    CLOSED = "closed"
    CLOSING = "closing"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
