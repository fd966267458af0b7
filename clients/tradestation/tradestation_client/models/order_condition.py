from enum import StrEnum


class OrderCondition(StrEnum):
    BASIC = "Basic"
    BRACKET = "Bracket"
    ORDERCANCELORDER = "OrderCancelOrder"
    ORDERSENDORDER = "OrderSendOrder"

    def __str__(self) -> str:
        return str(self.value)
