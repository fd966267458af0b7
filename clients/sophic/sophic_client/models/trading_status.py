from enum import StrEnum


class TradingStatus(StrEnum):
    BUY_ONLY = "buy_only"
    BUY_SELL = "buy_sell"
    NOT_TRADING = "not_trading"
    SELL_ONLY = "sell_only"

    def __str__(self) -> str:
        return str(self.value)
