from enum import StrEnum


class PositionAssetType(StrEnum):
    EQ = "EQ"
    FU = "Fu"
    OP = "Op"

    def __str__(self) -> str:
        return str(self.value)
