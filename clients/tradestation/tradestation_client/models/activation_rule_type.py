from enum import StrEnum


class ActivationRuleType(StrEnum):
    PRICE = "Price"

    def __str__(self) -> str:
        return str(self.value)
