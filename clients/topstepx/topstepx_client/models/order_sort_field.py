from enum import IntEnum


class OrderSortField(IntEnum):
    CREATED_AT = 0
    ID = 1

    def __str__(self) -> str:
        return str(self.value)
