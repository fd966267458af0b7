from enum import IntEnum


class PositionType(IntEnum):
    UNDEFINED = 0
    LONG = 1
    SHORT = 2

    def __str__(self) -> str:
        return str(self.value)
