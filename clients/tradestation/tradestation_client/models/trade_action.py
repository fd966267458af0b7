from enum import StrEnum


class TradeAction(StrEnum):
    BUY = "BUY"
    BUYTOCLOSE = "BUYTOCLOSE"
    BUYTOCOVER = "BUYTOCOVER"
    BUYTOOPEN = "BUYTOOPEN"
    SELL = "SELL"
    SELLSHORT = "SELLSHORT"
    SELLTOCLOSE = "SELLTOCLOSE"
    SELLTOOPEN = "SELLTOOPEN"

    def __str__(self) -> str:
        return str(self.value)
