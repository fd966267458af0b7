from enum import StrEnum


class LegTradeType(StrEnum):
    BUY = "Buy"
    BUY_TO_COVER = "Buy to Cover"
    SELL = "Sell"
    SELL_SHORT = "Sell Short"

    def __str__(self) -> str:
        return str(self.value)
