"""Archetype defaults, and resolving a scenario against them.

An author writes only what makes a persona theirs; ``resolve`` fills every other persona setting
(key by key inside each block) from the archetype, and every beat the scenario has no lines for
from the shared fallback lines.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field

from game.engine.scenario.checking import check_model
from game.engine.scenario.located_yaml import read_yaml
from game.engine.scenario.models import (
    AfterAsk,
    CommitRule,
    CommitTerms,
    Goal,
    HangUpRule,
    LinePool,
    MoodDelta,
    MoodValues,
    Scenario,
    Strict,
    Traits,
)

DEFAULTS_DIR = Path(__file__).parent / "defaults"


class ArchetypeDefaults(Strict):
    """What one archetype supplies to the scenarios that name it."""

    mood: MoodValues
    reactions: dict[str, MoodDelta] = Field(default_factory=dict)
    commit_when: CommitRule
    hang_up: HangUpRule
    after_ask: AfterAsk
    commitment: CommitTerms
    goal: Goal = "promise"
    traits: Traits


class _LineFile(Strict):
    lines: list[LinePool]


class DefaultsError(RuntimeError):
    """The shipped defaults are broken: a packaging fault, not an author's."""


@cache
def archetype_defaults() -> dict[str, ArchetypeDefaults]:
    doc = read_yaml(DEFAULTS_DIR / "archetypes.yaml")
    out: dict[str, ArchetypeDefaults] = {}
    for name in doc.data:
        sub = type(doc)(path=doc.path, data=doc.data[name])
        model, problems = check_model(ArchetypeDefaults, sub)
        if model is None:
            raise DefaultsError("; ".join(map(str, problems)))
        out[name] = model
    return out


def archetype_names() -> tuple[str, ...]:
    """The archetypes a scenario may name, in the order the defaults file lists them."""
    return tuple(archetype_defaults())


@cache
def fallback_lines(language: str = "en") -> tuple[LinePool, ...]:
    """The shared lines for beats a scenario has none for, in the call's language."""
    doc = read_yaml(DEFAULTS_DIR / ("lines.yaml" if language == "en" else f"lines_{language}.yaml"))
    wrapped = type(doc)(path=doc.path, data={"lines": doc.data})
    model, problems = check_model(_LineFile, wrapped)
    if model is None:
        raise DefaultsError("; ".join(map(str, problems)))
    return tuple(model.lines)


B = TypeVar("B", bound=BaseModel)


def _merged(base: B, own: B | None) -> B:
    """The archetype's block with the keys the author wrote replaced, and only those."""
    if own is None:
        return base
    return base.model_copy(update={name: getattr(own, name) for name in own.model_fields_set})


def traits_of(scenario: Scenario) -> Traits:
    """The persona's traits, its own over its archetype's, for a scenario resolved or not (an unknown
    archetype, which the validator reports, contributes the traits' defaults)."""
    base = archetype_defaults().get(scenario.persona.archetype)
    return _merged(base.traits if base else Traits(), scenario.persona.traits)


def resolve(scenario: Scenario) -> Scenario:
    """The scenario with every persona setting and beat filled from its archetype's defaults."""
    base = archetype_defaults()[scenario.persona.archetype]
    persona = scenario.persona
    update: dict[str, Any] = {
        "mood": persona.mood or base.mood,
        "reactions": {**base.reactions, **persona.reactions},
        "commit_when": _merged(base.commit_when, persona.commit_when),
        "hang_up": _merged(base.hang_up, persona.hang_up),
        "after_ask": _merged(base.after_ask, persona.after_ask),
        "commitment": _merged(base.commitment, persona.commitment),
        "traits": _merged(base.traits, persona.traits),
    }
    own_beats = {pool.on for pool in scenario.lines}
    lines = list(scenario.lines) + [p for p in fallback_lines(scenario.language) if p.on not in own_beats]
    return scenario.model_copy(update={"persona": persona.model_copy(update=update), "lines": lines})
