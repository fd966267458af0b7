from enum import StrEnum


class CostBasisMethod(StrEnum):
    FIFO = "FIFO"
    LARGESTLOSS = "LargestLoss"
    LARGESTPROFIT = "LargestProfit"
    LIFO = "LIFO"

    def __str__(self) -> str:
        return str(self.value)
