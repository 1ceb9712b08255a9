"""What every pipeline stage returns: counts of what it added, and what it rejected and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class StageReport:
    stage: str
    added: Counter = field(default_factory=Counter)
    rejected: list[tuple[str, str]] = field(default_factory=list)   # (name, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)    # (name, reason): not an error
    unchanged_items: list[str] = field(default_factory=list)

    def add(self, what: str, n: int = 1) -> None:
        self.added[what] += n

    def reject(self, name: str, reason: str) -> None:
        self.rejected.append((name, reason))

    def skip(self, name: str, reason: str) -> None:
        self.skipped.append((name, reason))

    def unchanged(self, name: str) -> None:
        self.unchanged_items.append(name)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def as_json(self) -> dict:
        return {
            "stage": self.stage,
            "added": dict(self.added),
            "unchanged": self.unchanged_items,
            "skipped": [{"name": n, "reason": r} for n, r in self.skipped],
            "rejected": [{"name": n, "reason": r} for n, r in self.rejected],
        }
