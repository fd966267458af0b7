from enum import StrEnum


class AccountTypeCode(StrEnum):
    C = "C"
    D = "D"
    F = "F"
    M = "M"

    def __str__(self) -> str:
        return str(self.value)
