"""The scenarios the window offers, read once and re-read on demand (F5 in the picker).

Reading every file takes a moment, so a reload runs as a background job; the picker shows the old
list until the new one arrives. Broken files stay in the list with their problems, as error cards.
"""

from __future__ import annotations

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

    def after(self, scenario_id: str) -> Scenario | None:
        """The scenario after this one in the list (wrapping), for the scorecard's Next."""
        found = self.scenarios()
        ids = [s.id for s in found]
        if scenario_id not in ids or len(found) < 2:
            return found[0] if found and scenario_id not in ids else None
        return found[(ids.index(scenario_id) + 1) % len(found)]
