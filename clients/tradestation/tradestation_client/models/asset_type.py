from enum import StrEnum


class AssetType(StrEnum):
    EQ = "EQ"
    FU = "FU"
    OP = "OP"

    def __str__(self) -> str:
        return str(self.value)
