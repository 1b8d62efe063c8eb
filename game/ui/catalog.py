"""The scenarios the window offers, read once and re-read on demand (F5 in the picker).

Reading every file takes a moment, so a reload runs as a background job; the picker shows the old
list until the new one arrives. Broken files stay in the list with their problems, as error cards.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from game.engine.scenario import Loaded, Scenario, load_all


class Catalog:
    """Loaded scenario files in display order: shipped first, then the user's own."""

    def __init__(self, dirs: list[Path] | None = None) -> None:
        self.dirs = dirs
        self.items: list[Loaded] = []
        self.generation = 0

    def read(self) -> list[Loaded]:
        """Read every file (slow: call it from a background job)."""
        return load_all(self.dirs)

    def set(self, items: list[Loaded]) -> None:
        self.items = items
        self.generation += 1

    def scenarios(self) -> list[Scenario]:
        return [item.scenario for item in self.items if item.scenario is not None]

    def broken(self) -> list[Loaded]:
        return [item for item in self.items if item.scenario is None]

    def find(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios() if s.id == scenario_id), None)

    def next_up(self, passed: Collection[str], besides: str | None = None) -> Scenario | None:
        """The call to take next: the easiest not yet passed (other than ``besides``, the one just
        taken, when there is another), else the easiest of all."""
        ranked = sorted(self.scenarios(), key=lambda s: (s.difficulty, s.title, s.id))
        open_ = [s for s in ranked if s.id not in passed]
        others = [s for s in open_ if s.id != besides]
        for choice in (others, open_, ranked):
            if choice:
                return choice[0]
        return None
