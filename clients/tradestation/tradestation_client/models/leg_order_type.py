from enum import StrEnum


class LegOrderType(StrEnum):
    LIMIT = "Limit"
    MARKET = "Market"
    STOP_LIMIT = "Stop Limit"
    STOP_MARKET = "Stop Market"

    def __str__(self) -> str:
        return str(self.value)
