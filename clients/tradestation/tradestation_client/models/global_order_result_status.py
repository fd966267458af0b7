from enum import StrEnum


class GlobalOrderResultStatus(StrEnum):
    FAILED = "Failed"
    SUCCESS = "Success"

    def __str__(self) -> str:
        return str(self.value)
