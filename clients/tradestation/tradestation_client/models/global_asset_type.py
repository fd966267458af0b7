from enum import StrEnum


class GlobalAssetType(StrEnum):
    EQUITY = "Equity"
    FOREX = "Forex"
    FUTURE = "Future"
    OPTION = "Option"

    def __str__(self) -> str:
        return str(self.value)
