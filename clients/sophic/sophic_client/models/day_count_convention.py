from enum import StrEnum


class DayCountConvention(StrEnum):
    ACTUAL_360 = "actual_360"
    ACTUAL_365_FIXED = "actual_365_fixed"
    ACTUAL_ACTUAL = "actual_actual"
    THIRTY_360 = "30_360"

    def __str__(self) -> str:
        return str(self.value)
