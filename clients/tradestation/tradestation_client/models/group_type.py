from enum import StrEnum


class GroupType(StrEnum):
    BRK = "BRK"
    NORMAL = "NORMAL"
    OCO = "OCO"

    def __str__(self) -> str:
        return str(self.value)
