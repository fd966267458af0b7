from enum import StrEnum


class GlobalSide(StrEnum):
    BUY = "Buy"
    BUYTOCLOSE = "BuyToClose"
    BUYTOOPEN = "BuyToOpen"
    GENBIKI = "Genbiki"
    GENWATASHI = "Genwatashi"
    SELL = "Sell"
    SELLSHORTEXEMPT = "SellShortExempt"
    SHORT = "Short"

    def __str__(self) -> str:
        return str(self.value)
