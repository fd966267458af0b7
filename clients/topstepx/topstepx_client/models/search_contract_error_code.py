from enum import IntEnum


class SearchContractErrorCode(IntEnum):
    SUCCESS = 0

    def __str__(self) -> str:
        return str(self.value)
