from enum import StrEnum


class LegSide(StrEnum):
    B = "B"
    C = "C"
    S = "S"
    T = "T"

    def __str__(self) -> str:
        return str(self.value)
