from enum import StrEnum


class OrderType(StrEnum):
    LIMIT = "LIMIT"
    MARKET = "MARKET"
    STOPLIMIT = "STOPLIMIT"
    STOPMARKET = "STOPMARKET"

    def __str__(self) -> str:
        return str(self.value)
