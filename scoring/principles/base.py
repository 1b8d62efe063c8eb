"""What every principle returns, and the helpers several of them share."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.scenario.models import Scenario
from scoring.card import Mark


@dataclass(frozen=True)
class Assessment:
    """A principle's marks; ``counted`` is False when the call gave it nothing to judge, ``shown`` False
    when the principle is not on this call's card at all (right_party on a call the debtor answered
    himself, unless the debt was told before he said who he was)."""

    marks: tuple[Mark, ...]
    counted: bool = True
    shown: bool = True


def always(scenario: Scenario) -> bool:
    """The five core principles apply to every scenario."""
    return True


def score_of(marks: tuple[Mark, ...]) -> int:
    """100 moved by the marks, kept within 0-100."""
    return max(0, min(100, 100 + sum(m.points for m in marks)))
