from enum import StrEnum


class AccountOrderStatus(StrEnum):
    ACK = "ACK"
    BRC = "BRC"
    BRO = "BRO"
    CAN = "CAN"
    CHG = "CHG"
    CND = "CND"
    COR = "COR"
    DIS = "DIS"
    DOA = "DOA"
    DON = "DON"
    ECN = "ECN"
    EXP = "Exp"
    FLL = "FLL"
    FLP = "FLP"
    FPR = "FPR"
    LAT = "LAT"
    OPN = "OPN"
    OSO = "OSO"
    OUT = "OUT"
    REC = "REC"
    REJ = "REJ"
    RJC = "RJC"
    RJR = "RJR"
    SCN = "SCN"
    STP = "STP"
    STT = "STT"
    TSC = "TSC"
    UCH = "UCH"
    UCN = "UCN"

    def __str__(self) -> str:
        return str(self.value)
