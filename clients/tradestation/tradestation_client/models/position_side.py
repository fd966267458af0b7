from enum import StrEnum


class PositionSide(StrEnum):
    LONG = "Long"
    SHORT = "Short"

    def __str__(self) -> str:
        return str(self.value)
