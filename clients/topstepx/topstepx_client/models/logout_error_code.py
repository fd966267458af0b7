from enum import IntEnum


class LogoutErrorCode(IntEnum):
    SUCCESS = 0
    INVALID_SESSION = 1
    UNKNOWN_ERROR = 2

    def __str__(self) -> str:
        return str(self.value)
