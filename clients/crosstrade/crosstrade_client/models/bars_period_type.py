from enum import StrEnum


class BarsPeriodType(StrEnum):
    MINUTE = "minute"
    RANGE = "range"
    RENKO = "renko"
    SECOND = "second"
    TICK = "tick"

    def __str__(self) -> str:
        return str(self.value)
