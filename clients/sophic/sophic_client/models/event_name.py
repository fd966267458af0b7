from enum import StrEnum


class EventName(StrEnum):
    ACCOUNT_ACTIVATED = "account.activated"
    ACCOUNT_CLOSED = "account.closed"
    ACCOUNT_CLOSING = "account.closing"
    ACCOUNT_OPENED = "account.opened"
    ACCOUNT_SUSPENDED = "account.suspended"
    CUSTOMER_AUTHORITY_REVOKED = "customer_authority.revoked"
    CUSTOMER_CLOSED = "customer.closed"
    ORDER_CANCELLED = "order.cancelled"
    ORDER_EXECUTING = "order.executing"
    ORDER_FILLED = "order.filled"
    ORDER_PENDING = "order.pending"
    ORDER_PLACED = "order.placed"
    ORDER_SETTLED = "order.settled"
    POSITION_CLOSED = "position.closed"
    POSITION_CLOSING = "position.closing"
    POSITION_OPENED = "position.opened"
    TRADE_EXECUTED = "trade.executed"
    TRADE_SETTLED = "trade.settled"

    def __str__(self) -> str:
        return str(self.value)
