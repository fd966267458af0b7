from enum import StrEnum


class TokenResponseType(StrEnum):
    TOKEN = "token"

    def __str__(self) -> str:
        return str(self.value)
