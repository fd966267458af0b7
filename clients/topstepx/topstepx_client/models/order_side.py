from enum import IntEnum


class OrderSide(IntEnum):
    BID = 0
    ASK = 1

    def __str__(self) -> str:
        return str(self.value)
