from enum import StrEnum


class OrderState(StrEnum):
    ACCEPTED = "Accepted"
    CANCELLED = "Cancelled"
    CANCELPENDING = "CancelPending"
    CANCELSUBMITTED = "CancelSubmitted"
    CHANGEPENDING = "ChangePending"
    CHANGESUBMITTED = "ChangeSubmitted"
    FILLED = "Filled"
    INITIALIZED = "Initialized"
    PARTFILLED = "PartFilled"
    REJECTED = "Rejected"
    SUBMITTED = "Submitted"
    TRIGGERPENDING = "TriggerPending"
    UNKNOWN = "Unknown"
    WORKING = "Working"

    def __str__(self) -> str:
        return str(self.value)
