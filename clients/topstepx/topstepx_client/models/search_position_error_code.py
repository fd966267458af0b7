from enum import IntEnum


class SearchPositionErrorCode(IntEnum):
    SUCCESS = 0
    ACCOUNT_NOT_FOUND = 1

    def __str__(self) -> str:
        return str(self.value)
