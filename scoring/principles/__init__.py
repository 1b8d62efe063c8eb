"""The scored principles, one module each, in the order the scorecard lists them.

Each module has ``KEY``, ``assess(facts) -> Assessment`` and ``applies(scenario) -> bool``. The first
five are on every card; the others only when the scenario calls for them. A principle starts at 100
and its marks move it, so every point has a turn and a reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from game.engine.scenario.models import Scenario
from scoring.facts import CallFacts
from scoring.principles import (
    abuse_handling,
    calm_tone,
    commitment,
    empathy,
    excuse_handling,
    politeness,
    repeat_amount,
    right_party,
    stay_quiet,
)
from scoring.principles.base import Assessment


class Principle(NamedTuple):
    key: str
    assess: Callable[[CallFacts], Assessment]
    applies: Callable[[Scenario], bool]


PRINCIPLES: tuple[Principle, ...] = tuple(
    Principle(m.KEY, m.assess, m.applies)
    for m in (
        calm_tone,
        repeat_amount,
        commitment,
        stay_quiet,
        politeness,
        right_party,
        excuse_handling,
        empathy,
        abuse_handling,
    )
)
KEYS: tuple[str, ...] = tuple(p.key for p in PRINCIPLES)
CORE: tuple[str, ...] = KEYS[:5]

__all__ = ["CORE", "KEYS", "PRINCIPLES", "Assessment", "Principle"]
