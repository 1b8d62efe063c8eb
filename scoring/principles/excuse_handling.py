"""excuse_handling: did the trainee recognise each excuse and meet it with its counter?

The source: 识别各种借口 - tell real reasons from empty ones, and refute the empty ones with the right
question ("the cheque is in the mail" -> its number and the date it was sent). Each excuse the debtor
voices is judged: met with one of its counters at once (full marks), met later (a small cost), pushed
past without an answer (the debtor repeats it), or never met at all (the largest cost). Only calls
where an excuse came up are counted in the total.
"""

from __future__ import annotations

from game.engine.scenario.models import Scenario
from scoring.card import Mark
from scoring.facts import CallFacts
from scoring.principles.base import Assessment

KEY = "excuse_handling"


def applies(scenario: Scenario) -> bool:
    return bool(scenario.excuses)


def assess(facts: CallFacts) -> Assessment:
    marks: list[Mark] = []
    heard = [(s, e) for s in facts.said if (e := facts.excuse(s)) is not None]
    for n, (voiced, excuse) in enumerate(heard):
        ends = heard[n + 1][0].index if n + 1 < len(heard) else len(facts.said)
        replies = [s for s in facts.trainee if voiced.index < s.index < ends]
        countered = next((i for i, s in enumerate(replies) if s.has(*excuse.counter)), None)
        values = {"excuse": voiced.turn.text, "excuse_id": excuse.id}
        pressed = [s for s in facts.said[voiced.index + 1 : ends] if s.beat == "excuse_press"]
        for press in pressed:
            asked = facts.said[press.index - 1]
            if countered is None or asked.index < replies[countered].index:
                marks.append(Mark(f"{KEY}.pressed", asked.index, -15, values))
        if countered is None:
            if facts.final or n + 1 < len(heard):
                where = replies[0].index if replies else voiced.index
                marks.append(Mark(f"{KEY}.not_countered", where, -35, values))
        elif countered > 0:
            marks.append(Mark(f"{KEY}.slow", replies[0].index, -10, values))
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks), counted=bool(heard))
