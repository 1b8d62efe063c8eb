"""empathy: for a debtor in real hardship, acknowledge it, then offer a way to pay.

The source: 如果对方属非恶意拖欠 - when the debtor is not acting in bad faith, show understanding and
help them arrange payment. Scored on hardship calls and wherever a real reason (an excuse marked
``real``) comes up: an acknowledgement, a concrete plan (instalments, a smaller first payment), the
acknowledgement before the plan, and no pressing with consequences or demands for payment today once
the hardship is heard (asking for the soonest date a plan allows is fine). Sympathy about oneself ("my
cousin lost his job too"), making the trouble small ("lots of folks are in the same boat") and
pressing the debtor to borrow are not empathy: they do not count as the acknowledgement, and cost.
"""

from __future__ import annotations

from game.engine.scenario.defaults import traits_of
from game.engine.scenario.models import Scenario
from scoring.card import Mark
from scoring.facts import CallFacts, Said
from scoring.principles.base import Assessment

KEY = "empathy"


def applies(scenario: Scenario) -> bool:
    return traits_of(scenario).hardship or any(e.real for e in scenario.excuses)


def _where_it_belonged(facts: CallFacts, since: int, hollow: list[Said]) -> int | None:
    """The line that should have acknowledged the hardship: a hollow attempt, else the first reply after
    the debtor voiced it (for a hardship persona, after their first excuse or objection)."""
    if hollow:
        return hollow[0].index
    voiced = since if since >= 0 else next((s.index for s in facts.said if s.beat.startswith("excuse:")), None)
    if voiced is None:
        return None
    return next((s.index for s in facts.trainee if s.index > voiced), None)


def assess(facts: CallFacts) -> Assessment:
    since = facts.hardship_at
    if since is None:
        return Assessment((), counted=False)
    after = [s for s in facts.trainee if s.index > since]
    marks: list[Mark] = []
    hollow = [s for s in after if s.cues.not_empathy or s.cues.borrow]
    acknowledged = next((s for s in after if s.has("empathize") and s not in hollow), None)
    plan = next((s for s in after if s.has("propose_plan")), None)
    if acknowledged is None and facts.final:
        marks.append(Mark(f"{KEY}.no_acknowledgement", _where_it_belonged(facts, since, hollow), -40))
    if plan is None and facts.final:
        marks.append(Mark(f"{KEY}.no_plan", None, -35))
    if plan is not None and (acknowledged is None or acknowledged.index > plan.index):
        marks.append(Mark(f"{KEY}.plan_first", plan.index, -10))
    for said in after:
        if said.has("consequence") or said.cues.today:
            marks.append(Mark(f"{KEY}.pressure", said.index, -10))
    for said in hollow:
        words = (said.cues.not_empathy or said.cues.borrow)[0]
        marks.append(Mark(f"{KEY}.hollow", said.index, -15, {"words": words}))
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks))
