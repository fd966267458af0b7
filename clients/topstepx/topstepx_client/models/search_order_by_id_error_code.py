from enum import IntEnum


class SearchOrderByIdErrorCode(IntEnum):
    SUCCESS = 0
    ORDER_NOT_FOUND = 1

    def __str__(self) -> str:
        return str(self.value)
