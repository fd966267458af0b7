from enum import StrEnum


class PriceQuality(StrEnum):
    CLOSING = "closing"
    DELAYED = "delayed"
    INTRADAY = "intraday"
    REALTIME = "realtime"

    def __str__(self) -> str:
        return str(self.value)
