"""The call's goal, and whether it was reached: a pass means the job was done.

A scenario names its goal (``goal:``), else its archetype does (``archetypes.yaml``): a confirmed
promise to pay; for hardship a promise on a plan; for a disputer the dispute noted and verification
offered; for a gatekeeper a call-back arranged with nothing disclosed. Two lawful reasons excuse a goal
not reached, as a QA lead would accept them: the debtor hung up on a well-run call, or the debtor
disputed the debt and the trainee took the dispute (collecting must then stop).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from game.engine.scenario.defaults import archetype_defaults
from game.engine.scenario.models import Scenario
from game.i18n import N_
from scoring.facts import ASKS, CallFacts

GOALS: Final = {
    "promise": N_("a confirmed promise to pay"),
    "plan": N_("a confirmed promise on a payment plan"),
    "dispute_taken": N_("the dispute noted and verification offered"),
    "callback": N_("a call-back arranged with nothing disclosed"),
}
# What a well-run call needs, for a hang-up to be the debtor's choice and not the trainee's doing.
WELL_RUN_CALM = 80
WELL_RUN_POLITE = 70


@dataclass(frozen=True)
class Goal:
    """The goal's key, whether it was reached, and a lawful reason when it was not (else None)."""

    key: str
    reached: bool
    reason: str | None = None

    @property
    def excused(self) -> bool:
        """Reached, or not reached for a lawful, documented reason."""
        return self.reached or self.reason is not None

    @property
    def text(self) -> str:
        return GOALS[self.key]

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "text": self.text, "reached": self.reached, "reason": self.reason}


def goal_of(scenario: Scenario) -> str:
    """The scenario's goal, else its archetype's."""
    return scenario.goal or archetype_defaults()[scenario.persona.archetype].goal


def _dispute_at(facts: CallFacts) -> int | None:
    return next((s.index for s in facts.said if s.beat == "dispute"), None)


def _dispute_taken(facts: CallFacts) -> bool:
    """The debtor disputed, the trainee offered verification and asked for no payment after it."""
    at = _dispute_at(facts)
    if at is None:
        return False
    after = [s for s in facts.trainee if s.index > at]
    return any(s.cues.verification for s in after) and not any(s.has(*ASKS) for s in after)


def _promise_confirmed(facts: CallFacts) -> bool:
    commitment = facts.record.commitment
    return commitment is not None and commitment.confirmed


def _reached(key: str, facts: CallFacts) -> bool:
    if key == "promise":
        return _promise_confirmed(facts)
    if key == "plan":
        return _promise_confirmed(facts) and any(s.has("propose_plan") for s in facts.trainee)
    if key == "dispute_taken":
        return _dispute_taken(facts)
    return (
        facts.record.outcome != "hung_up"
        and any(s.cues.callback for s in facts.trainee)
        and not any(facts.discloses(s) for s in facts.trainee)
    )


def judge(facts: CallFacts, *, lawful: bool, calm: int, polite: int) -> Goal:
    """The goal of the call and whether it was reached; ``lawful``: no compliance finding; ``calm`` and
    ``polite``: the call's calm-tone and politeness scores (a hang-up excuses only a well-run call)."""
    key = goal_of(facts.scenario)
    if _reached(key, facts):
        return Goal(key, True)
    reason = None
    if lawful and key != "dispute_taken" and _dispute_taken(facts):
        reason = N_("The debtor disputed the debt and the dispute was taken: collecting stops until it is verified.")
    elif (
        lawful
        and facts.record.outcome == "hung_up"
        and calm >= WELL_RUN_CALM
        and polite >= WELL_RUN_POLITE
        and any(s.has(*ASKS) or s.cues.callback for s in facts.trainee)
    ):
        reason = N_("The debtor hung up on a well-run call.")
    return Goal(key, False, reason)
