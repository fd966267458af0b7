from enum import StrEnum


class ExchangeCode(StrEnum):
    CHIX = "ChiX"
    CME = "CME"
    FK = "FK"
    FOREX = "Forex"
    GR = "GR"
    HC = "HC"
    HONGKONG = "HongKong"
    JPN = "JPN"
    JQ = "JQ"
    NASDAQ = "NASDAQ"
    NG = "NG"
    NYSE = "NYSE"
    OSE = "OSE"
    OTHERFOREIGNMARKET = "OtherForeignMarket"
    OUTSIDEMARKET = "OutsideMarket"
    SHANGHAI = "Shanghai"
    SHENZHEN = "Shenzhen"
    SP = "SP"
    TS = "TS"

    def __str__(self) -> str:
        return str(self.value)
