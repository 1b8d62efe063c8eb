"""repeat_amount: did the trainee know the exact balance and keep restating it?

The source: 确认金额 before the call, and 要重复 - keep putting the request and the amount to the
debtor. The balance said correctly (digits or words) counts; when matters: early in the call, after an
objection, and when the promise is read back. A wrong amount is a serious error and costs more than a
missing one; the same sentence said over and over is nagging, not repetition. Smaller amounts offered
as a plan, the debtor's own offers, the promised amount and what remains after it are not wrong amounts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from game.engine.lines import money
from scoring.balance import is_wrong
from scoring.card import Mark
from scoring.facts import ASKS, OBJECTIONS, PROMISE_BEATS, CallFacts, Said, same_amount
from scoring.principles.base import Assessment, always

KEY = "repeat_amount"
applies = always

EARLY_TURNS = 4
# An amount never stated scores what was shown: at most 20 (a wrong one never put right, 10).
MISSING = -80
WRONG_NEVER_RIGHT = -90


def _wrong_and_inexact(facts: CallFacts) -> tuple[list[Mark], list[Said]]:
    """Marks for wrong or rounded amounts, and the turns that state the balance.

    A wrong amount costs more than a missing one: the first costs 90 when the balance is never
    stated right (the missing mark is then left out), 35 when it is; each further one 20.
    """
    balance = facts.balance
    marks: list[Mark] = []
    stating: list[Said] = []
    offered: set[float] = set()
    wrong = 0
    inexact = False
    for said in facts.said:
        if not said.trainee:
            offered.update(said.amounts)
            continue
        if any(abs(a - balance) < 1 for a in said.amounts):
            stating.append(said)
        for amount in said.amounts:
            if same_amount(amount, balance):
                continue
            if abs(amount - balance) < 1:
                if not inexact:
                    inexact = True
                    marks.append(Mark(f"{KEY}.inexact", said.index, -10, {"said": _money(facts, amount)}))
            elif is_wrong(facts, said, amount, offered):
                marks.append(
                    Mark(
                        f"{KEY}.wrong",
                        said.index,
                        -35 if wrong == 0 else -20,
                        {"said": _money(facts, amount)},
                    )
                )
                wrong += 1
    if wrong and not stating and facts.final:
        first = next(i for i, m in enumerate(marks) if m.topic == f"{KEY}.wrong")
        marks[first] = replace(marks[first], points=WRONG_NEVER_RIGHT)
    return marks, stating


def _money(facts: CallFacts, amount: float) -> str:
    return money(amount, facts.scenario.account.currency)


def _nagging(stating: list[Said]) -> list[Mark]:
    marks: list[Mark] = []
    seen: Counter[str] = Counter()
    for said in stating:
        seen[said.cues.normal] += 1
        if seen[said.cues.normal] > 2:
            marks.append(Mark(f"{KEY}.nagging", said.index, -10))
    return marks


def _timing(facts: CallFacts, stating: list[Said]) -> list[Mark]:
    """Early, after an objection, at the read-back: the moments the amount belongs in."""
    marks: list[Mark] = []
    spoken = facts.trainee
    stated_at = {s.index for s in stating}
    first_ask = next((s for s in spoken if s.has(*ASKS)), None)
    if stating and first_ask is not None:
        position = spoken.index(stating[0])
        if position >= EARLY_TURNS and stating[0].index > first_ask.index:
            marks.append(Mark(f"{KEY}.late", first_ask.index, -10))
    if not facts.final:
        return marks
    objection = next((s for s in facts.said if s.beat in OBJECTIONS or s.beat.startswith("excuse:")), None)
    if objection is not None and stating:
        after = [s for s in spoken if s.index > objection.index]
        if after and not any(i > objection.index for i in stated_at):
            marks.append(Mark(f"{KEY}.not_after_objection", after[0].index, -15))
    commitment = facts.record.commitment
    promise = next((s for s in facts.said if s.beat in PROMISE_BEATS), None)
    if commitment is not None and promise is not None:
        after = [s for s in spoken if s.index > promise.index]
        wanted = (commitment.amount, facts.balance)
        if after and not any(same_amount(a, w) for s in after for a in s.amounts for w in wanted):
            marks.append(Mark(f"{KEY}.not_at_confirmation", after[0].index, -10))
    return marks


def assess(facts: CallFacts) -> Assessment:
    marks, stating = _wrong_and_inexact(facts)
    if not facts.third_party:
        if not stating and facts.final and not any(m.topic == f"{KEY}.wrong" for m in marks):
            where = next((s for s in facts.trainee if s.has("state_purpose", *ASKS)), None)
            marks.append(Mark(f"{KEY}.missing", where.index if where else None, MISSING))
        marks.extend(_timing(facts, stating))
    marks.extend(_nagging(stating))
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks), counted=not facts.third_party)
