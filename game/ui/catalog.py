"""The scenarios the window offers, read once and re-read on demand (F5 in the picker).

Reading every file takes a moment, so a reload runs as a background job; the picker shows the old
list until the new one arrives. Broken files stay in the list with their problems, as error cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from game.engine.scenario import Loaded, Scenario, load_all
from game.i18n import N_, _
from game.store.catalogue import summarize_scenarios
from game.store.next_call import NextCall, PastCall, recommend_next
from game.ui.names import principle_name

WHY = {
    "first_call": N_("Your first call: the easiest to start with"),
    "easiest_not_passed": N_("Not yet passed, easiest left"),
    "all_passed": N_("All passed: your lowest best score, to polish"),
}


@dataclass(frozen=True)
class Suggestion:
    """The call to take next and the recommendation behind it."""

    scenario: Scenario
    choice: NextCall

    @property
    def why(self) -> str:
        """Why this call, in the trainee's words: "Not yet passed, easiest left", "Trains your weakest: ..."."""
        if self.choice.reason == "weakest_principle" and self.choice.principle is not None:
            return _("Trains your weakest: {principle}").format(principle=principle_name(self.choice.principle))
        return _(WHY.get(self.choice.reason, WHY["easiest_not_passed"]))


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

    def next_up(self, history: Sequence[PastCall], besides: str | None = None) -> Scenario | None:
        """The call to take next (see ``suggest``)."""
        found = self.suggest(history, besides)
        return found.scenario if found is not None else None

    def suggest(self, history: Sequence[PastCall], besides: str | None = None) -> Suggestion | None:
        """The call to take next, by the trainee's own finished calls: the easiest not yet passed, or
        the persona that trains their weakest principle (``recommend_next``); never ``besides``, the
        call just taken, while there is another."""
        summaries = list(summarize_scenarios(self.scenarios()).values())
        offered = [s for s in summaries if s.id != besides] or summaries
        choice = recommend_next(offered, history)
        scenario = self.find(choice.scenario) if choice is not None else None
        return Suggestion(scenario, choice) if scenario is not None and choice is not None else None
