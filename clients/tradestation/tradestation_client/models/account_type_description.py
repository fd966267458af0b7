from enum import StrEnum


class AccountTypeDescription(StrEnum):
    CASH = "Cash"
    DVP = "DVP"
    FUTURES = "Futures"
    MARGIN = "Margin"

    def __str__(self) -> str:
        return str(self.value)
