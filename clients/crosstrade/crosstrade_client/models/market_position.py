from enum import StrEnum


class MarketPosition(StrEnum):
    FLAT = "Flat"
    LONG = "Long"
    SHORT = "Short"

    def __str__(self) -> str:
        return str(self.value)
