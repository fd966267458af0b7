from enum import IntEnum


class SortDirection(IntEnum):
    ASC = 0
    DESC = 1

    def __str__(self) -> str:
        return str(self.value)
