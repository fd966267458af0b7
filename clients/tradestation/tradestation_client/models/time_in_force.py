from enum import StrEnum


class TimeInForce(StrEnum):
    AMONLY = "AMOnly"
    ATTHECLOSE = "AtTheClose"
    ATTHEOPENING = "AtTheOpening"
    DAY = "Day"
    DAYPLUS = "DayPlus"
    FILLORKILL = "FillorKill"
    GOODTILL1MINUTE = "GoodTill1Minute"
    GOODTILL1MONTH = "GoodTill1Month"
    GOODTILL1WEEK = "GoodTill1Week"
    GOODTILL3MINUTE = "GoodTill3Minute"
    GOODTILL5MINUTE = "GoodTill5Minute"
    GOODTILLCANCEL = "GoodTillCancel"
    GOODTILLCANCELPLUS = "GoodTillCancelPlus"
    GOODTILLCROSSING = "GoodTillCrossing"
    GOODTILLDATE = "GoodTillDate"
    GOODTILLDATEPLUS = "GoodTillDatePlus"
    IMMEDIATEORCANCEL = "ImmediateOrCancel"
    PMONLY = "PMOnly"

    def __str__(self) -> str:
        return str(self.value)
