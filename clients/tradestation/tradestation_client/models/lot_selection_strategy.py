from enum import StrEnum


class LotSelectionStrategy(StrEnum):
    FIRSTINFIRSTOUT = "FirstInFirstOut"
    LASTINFIRSTOUT = "LastInFirstOut"

    def __str__(self) -> str:
        return str(self.value)
