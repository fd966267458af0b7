from enum import StrEnum


class OrderPurpose(StrEnum):
    BACKFILL = "backfill"
    ROLLOVER = "rollover"
    SQUARE_OFF = "square_off"
    USER_REQUEST = "user_request"

    def __str__(self) -> str:
        return str(self.value)
