from enum import StrEnum


class TriggerKey(StrEnum):
    DAB = "DAB"
    DBA = "DBA"
    DTT = "DTT"
    DTTN = "DTTN"
    SAB = "SAB"
    SBA = "SBA"
    STT = "STT"
    STTN = "STTN"
    TAB = "TAB"
    TBA = "TBA"
    TTT = "TTT"
    TTTN = "TTTN"

    def __str__(self) -> str:
        return str(self.value)
