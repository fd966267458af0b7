from enum import StrEnum


class PriceType(StrEnum):
    MONEY = "money"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
