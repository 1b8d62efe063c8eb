"""right_party: with a gatekeeper on the line, ask for the debtor and leave only a call-back message.

The source: 要找对人 - reach the decision maker; the people around them cannot pay. The law adds that
the debt is discussed with nobody else: a secretary or a relative hears a name, a number and a request
to call back, never the debt. Scored on gatekeeper calls: asking for the debtor by name, telling the
gatekeeper nothing about the debt, and leaving a call-back message.
"""

from __future__ import annotations

from game.engine.scenario.defaults import traits_of
from game.engine.scenario.models import Scenario
from scoring.card import Mark
from scoring.facts import CallFacts
from scoring.principles.base import Assessment

KEY = "right_party"


def applies(scenario: Scenario) -> bool:
    return traits_of(scenario).third_party


def assess(facts: CallFacts) -> Assessment:
    spoken = facts.trainee
    marks: list[Mark] = []
    disclosed = [s for s in spoken if facts.discloses(s)]
    for n, said in enumerate(disclosed):
        marks.append(Mark(f"{KEY}.disclosed", said.index, -50 if n == 0 else -15))
    if facts.final and spoken:
        if not any(s.has("verify_identity") or s.named for s in spoken):
            marks.append(Mark(f"{KEY}.no_request", spoken[0].index, -25))
        if not any(s.cues.callback for s in spoken):
            marks.append(Mark(f"{KEY}.no_message", spoken[-1].index, -15))
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks))
