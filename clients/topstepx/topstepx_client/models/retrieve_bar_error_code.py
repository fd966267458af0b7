from enum import IntEnum


class RetrieveBarErrorCode(IntEnum):
    SUCCESS = 0
    CONTRACT_NOT_FOUND = 1
    UNIT_INVALID = 2
    UNIT_NUMBER_INVALID = 3
    LIMIT_INVALID = 4

    def __str__(self) -> str:
        return str(self.value)
