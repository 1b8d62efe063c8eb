"""What the report and the next-call choice need to know of each scenario, read once from the scenarios.

A ``ScenarioSummary`` is a small, plain value (no pydantic model, no file), so the report and
``recommend_next`` stay pure functions of summaries and saved results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from game.engine.scenario.models import Scenario

# A debtor this angry at the start trains a calm tone.
ANGRY_START = 40.0


@dataclass(frozen=True)
class ScenarioSummary:
    """One scenario as the report and the next-call choice see it.

    ``can_promise`` is false where the call's goal is not a promise to pay (a gatekeeper, a dispute);
    ``trains`` names the principles this persona is built to exercise beyond those every call scores.
    """

    id: str
    title: str
    difficulty: int
    archetype: str
    can_promise: bool
    trains: frozenset[str]
    language: str = "en"


def summarize_scenarios(scenarios: Iterable[Scenario]) -> dict[str, ScenarioSummary]:
    """Summaries by id. A principle scored on every scenario trains nothing in particular, so it is
    left out of ``trains`` unless the persona's data call for it (an angry start, a debtor who goes
    quiet after the ask)."""
    from scoring.goal import goal_of
    from scoring.principles import PRINCIPLES

    items = list(scenarios)
    applies = {s.id: {p.key for p in PRINCIPLES if p.applies(s)} for s in items}
    everywhere = set.intersection(*applies.values()) if applies else set()
    summaries = {}
    for s in items:
        trains = applies[s.id] - everywhere
        mood, after_ask = s.persona.mood, s.persona.after_ask
        if mood is not None and mood.anger >= ANGRY_START:
            trains.add("calm_tone")
        if after_ask is not None and after_ask.behaviour == "quiet":
            trains.add("stay_quiet")
        summaries[s.id] = ScenarioSummary(
            id=s.id,
            title=s.title,
            difficulty=s.difficulty,
            archetype=s.persona.archetype,
            can_promise=goal_of(s) in ("promise", "plan"),
            trains=frozenset(trains),
            language=s.language,
        )
    return summaries


def scenario_catalogue() -> dict[str, ScenarioSummary]:
    """Summaries of every valid scenario found (shipped and the authors' own); invalid files are skipped."""
    from game.engine.scenario.library import load_all

    return summarize_scenarios(item.scenario for item in load_all() if item.scenario is not None)
