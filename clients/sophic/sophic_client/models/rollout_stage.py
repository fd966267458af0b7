from enum import StrEnum


class RolloutStage(StrEnum):
    BETA = "beta"
    GA = "ga"
    PROVISIONAL = "provisional"

    def __str__(self) -> str:
        return str(self.value)
