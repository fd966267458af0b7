from enum import StrEnum


class PlaceOrderType(StrEnum):
    MARKET = "market"

    def __str__(self) -> str:
        return str(self.value)
