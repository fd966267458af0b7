from enum import StrEnum


class AdvancedOptionsDisplay(StrEnum):
    ACTIVATION_RULE = "Activation Rule"
    ADD_LIQUIDITY = "Add Liquidity"
    ALL_OR_NONE = "All or None"
    BOOK_ONLY = "Book Only"
    DISCRETIONARY = "Discretionary"
    IF_TOUCHED = "If Touched"
    NON_DISPLAY = "Non-Display"
    PEG = "Peg"
    SHOW_ONLY = "Show Only"
    TRAILING_STOP = "Trailing Stop"

    def __str__(self) -> str:
        return str(self.value)
