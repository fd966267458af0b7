from enum import IntEnum


class SearchContractByIdErrorCode(IntEnum):
    SUCCESS = 0
    CONTRACT_NOT_FOUND = 1

    def __str__(self) -> str:
        return str(self.value)
