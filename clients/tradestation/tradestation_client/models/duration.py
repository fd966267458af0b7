from enum import StrEnum


class Duration(StrEnum):
    CLO = "CLO"
    DAY = "DAY"
    DYP = "DYP"
    FOK = "FOK"
    GCP = "GCP"
    GDP = "GDP"
    GTC = "GTC"
    GTD = "GTD"
    IOC = "IOC"
    OPG = "OPG"
    VALUE_1 = "1"
    VALUE_1_MIN = "1 MIN"
    VALUE_3 = "3"
    VALUE_3_MIN = "3 MIN"
    VALUE_5 = "5"
    VALUE_5_MIN = "5 MIN"

    def __str__(self) -> str:
        return str(self.value)
