from enum import StrEnum


class TimeInForce(StrEnum):
    DAY = "DAY"
    GTC = "GTC"

    def __str__(self) -> str:
        return str(self.value)
