from enum import StrEnum


class ResourceType(StrEnum):
    ACCOUNT = "account"
    CUSTOMER = "customer"
    CUSTOMER_AUTHORITY = "customer_authority"
    ORDER = "order"
    POSITION = "position"
    TRADE = "trade"

    def __str__(self) -> str:
        return str(self.value)
