from enum import IntEnum


class OptionApprovalLevel(IntEnum):
    LEVEL_0 = 0
    LEVEL_1 = 1
    LEVEL_2 = 2
    LEVEL_3 = 3
    LEVEL_4 = 4
    LEVEL_5 = 5

    def __str__(self) -> str:
        return str(self.value)
