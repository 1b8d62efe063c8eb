"""right_party: make sure who is on the line before the debt is told; with a gatekeeper, ask for the
debtor and leave only a call-back message.

The source: 要找对人 - reach the decision maker; the people around them cannot pay. The law adds that
the debt is discussed with nobody else: a secretary or a relative hears a name, a number and a request
to call back, never the debt. Scored on gatekeeper calls: asking for the debtor by name, telling the
gatekeeper nothing about the debt, and leaving a call-back message. On a call the debtor answers, it
is on the card only when the debt was told before the person said who they were (the voice that
answers may be a spouse's); then it costs, quoting the line.
"""

from __future__ import annotations

from game.engine.scenario.defaults import traits_of
from game.engine.scenario.models import Scenario
from scoring.card import Mark
from scoring.facts import CallFacts, Said
from scoring.principles.base import Assessment

KEY = "right_party"


def applies(scenario: Scenario) -> bool:
    return True


# A debtor turn that says who is on the line.
_CONFIRMING = frozenset({"identity_confirm", "identity_answer"})
# What tells the debt: its amount or the purpose of the call.
_TELLING = frozenset({"state_amount", "state_purpose"})


# A reply that does not answer to the name.
_NOT_CONFIRMING = frozenset({"who_is_calling", "identity_refused", "gatekeeper"})


def _told_before_verified(facts: CallFacts) -> Said | None:
    """The first trainee line that told the debt before the debtor confirmed who they were: a yes to
    "am I speaking with…", a detail given, or a reply to a greeting by name ("孙总您好" - "你好你好")."""
    addressed = False
    for said in facts.said:
        if said.trainee:
            if said.acts & _TELLING or said.amounts:
                return said
            addressed = addressed or said.named or said.has("verify_identity")
        elif said.beat in _CONFIRMING or (addressed and said.beat not in _NOT_CONFIRMING):
            return None
    return None


def assess(facts: CallFacts) -> Assessment:
    if not traits_of(facts.scenario).third_party:
        early = _told_before_verified(facts)
        if early is None:
            return Assessment((), counted=False, shown=False)
        return Assessment((Mark(f"{KEY}.unverified", early.index, -40),))
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
