"""Counters shared by every reliability test and printed at the end of the run (conftest's
``pytest_terminal_summary``). Module state on purpose: one pytest process, one summary."""

from __future__ import annotations

import dataclasses
from collections import Counter


@dataclasses.dataclass
class Stats:
    faults_injected: int = 0
    """Faults that actually fired: sandbox faults (``Exchange.faults``) plus test-transport faults."""
    fault_runs: int = 0
    """Randomized placement runs of the no-duplicates invariant."""
    placements_checked: int = 0
    """Logical place_order calls whose sandbox record was checked for duplicates."""
    duplicates: int = 0
    """Logical place_order calls for which the sandbox held two or more orders."""
    dedup_proofs: int = 0
    """Placements that were retried (TradeStation/Sophic) and still left exactly one order."""
    ambiguous_resolved: int = 0
    """OutcomeUnknown results reconciled against the sandbox (resolve found / did not find)."""
    lifecycle_checked: int = 0
    """Money-moving lifecycle calls (modify, close, cancel-all, flatten) run under a fault."""
    lifecycle_duplicates: int = 0
    """Of those, calls that left a second exit order or flipped the position (a duplicate close)."""
    unclassified: int = 0
    """Exceptions outside the orderbridge hierarchy that escaped a public call."""
    unclassified_where: Counter[str] = dataclasses.field(default_factory=Counter)
    """The same, by the public call they escaped from."""
    fuzz_examples: Counter[str] = dataclasses.field(default_factory=Counter)
    """Hypothesis examples executed, per test family and broker."""
    secrets_scanned: int = 0
    """Log records, reprs, messages and CLI outputs scanned for secrets."""
    secrets_leaked: int = 0
    details: Counter[str] = dataclasses.field(default_factory=Counter)
    """Distinct notes (first 50), with how often each occurred."""
    touched: bool = False

    def unclassified_in(self, where: str, exc: BaseException) -> None:
        self.unclassified += 1
        self.unclassified_where[where] += 1
        self.note(f"unclassified in {where}: {type(exc).__module__}.{type(exc).__name__}: {exc!s:.120}")

    def note(self, text: str) -> None:
        if text in self.details or len(self.details) < 50:
            self.details[text] += 1


STATS = Stats()
