"""empathy: for a debtor in real hardship, acknowledge it, then offer a way to pay.

The source: 如果对方属非恶意拖欠 - when the debtor is not acting in bad faith, show understanding and
help them arrange payment. Scored on hardship calls and wherever a real reason (an excuse marked
``real``) comes up: an acknowledgement, a concrete plan (instalments, a smaller first payment), the
acknowledgement before the plan, and no pressing with consequences or demands for payment today once
the hardship is heard (asking for the soonest date a plan allows is fine).
"""

from __future__ import annotations

from game.engine.scenario.defaults import traits_of
from game.engine.scenario.models import Scenario
from scoring.card import Mark
from scoring.facts import CallFacts
from scoring.principles.base import Assessment

KEY = "empathy"


def applies(scenario: Scenario) -> bool:
    return traits_of(scenario).hardship or any(e.real for e in scenario.excuses)


def assess(facts: CallFacts) -> Assessment:
    since = facts.hardship_at
    if since is None:
        return Assessment((), counted=False)
    after = [s for s in facts.trainee if s.index > since]
    marks: list[Mark] = []
    acknowledged = next((s for s in after if s.has("empathize")), None)
    plan = next((s for s in after if s.has("propose_plan")), None)
    if acknowledged is None and facts.final:
        marks.append(Mark(f"{KEY}.no_acknowledgement", after[0].index if after else None, -40))
    if plan is None and facts.final:
        marks.append(Mark(f"{KEY}.no_plan", None, -35))
    if plan is not None and (acknowledged is None or acknowledged.index > plan.index):
        marks.append(Mark(f"{KEY}.plan_first", plan.index, -10))
    for said in after:
        if said.has("consequence") or said.cues.today:
            marks.append(Mark(f"{KEY}.pressure", said.index, -10))
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks))
