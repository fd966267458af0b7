from enum import StrEnum


class InstrumentType(StrEnum):
    AMC = "amc"
    BILL = "bill"
    BOND = "bond"
    CURRENCY_PAIR = "currency_pair"
    ETF = "etf"
    MONEY_MARKET_FUND = "money_market_fund"
    MUTUAL_FUND = "mutual_fund"
    STOCK = "stock"

    def __str__(self) -> str:
        return str(self.value)
