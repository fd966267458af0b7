from enum import StrEnum


class LogicOperator(StrEnum):
    AND = "And"
    OR = "Or"

    def __str__(self) -> str:
        return str(self.value)
