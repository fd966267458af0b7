from enum import IntEnum


class ListAvailableContractErrorCode(IntEnum):
    SUCCESS = 0

    def __str__(self) -> str:
        return str(self.value)
