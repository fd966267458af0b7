from enum import StrEnum


class OrderTradeStatus(StrEnum):
    EXECUTED = "executed"
    SETTLED = "settled"

    def __str__(self) -> str:
        return str(self.value)
