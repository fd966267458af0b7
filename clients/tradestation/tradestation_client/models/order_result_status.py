from enum import StrEnum


class OrderResultStatus(StrEnum):
    FAILED = "Failed"
    OK = "Ok"

    def __str__(self) -> str:
        return str(self.value)
