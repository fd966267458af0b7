from enum import StrEnum


class ActivationPredicate(StrEnum):
    GT = "Gt"
    GTE = "Gte"
    LT = "Lt"
    LTE = "Lte"

    def __str__(self) -> str:
        return str(self.value)
