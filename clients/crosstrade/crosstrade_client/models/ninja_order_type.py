from enum import StrEnum


class NinjaOrderType(StrEnum):
    LIMIT = "Limit"
    MARKET = "Market"
    MIT = "MIT"
    STOPLIMIT = "StopLimit"
    STOPMARKET = "StopMarket"
    UNKNOWN = "Unknown"

    def __str__(self) -> str:
        return str(self.value)
