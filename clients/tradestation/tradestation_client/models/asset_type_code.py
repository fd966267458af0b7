from enum import StrEnum


class AssetTypeCode(StrEnum):
    EQ = "EQ"
    FU = "FU"
    FX = "FX"
    OP = "OP"

    def __str__(self) -> str:
        return str(self.value)
