from enum import StrEnum


class FundSource(StrEnum):
    CASH = "Cash"
    MARGIN = "Margin"
    NEGOTIATEDMARGIN = "NegotiatedMargin"
    STANDARDMARGIN = "StandardMargin"

    def __str__(self) -> str:
        return str(self.value)
