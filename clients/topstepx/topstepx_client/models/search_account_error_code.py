from enum import IntEnum


class SearchAccountErrorCode(IntEnum):
    SUCCESS = 0

    def __str__(self) -> str:
        return str(self.value)
