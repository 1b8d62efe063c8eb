"""commitment: did the trainee ask for a concrete promise, with urgency, and lock it in?

The source's 粘: ask a debtor who softens for a promise at once, and make them feel that today is
the day to pay. Scored: an explicit ask; a date asked for; today or the soonest date (not
pressed on a debtor in hardship, where a workable date is the aim); a promise obtained; the promise
read back with its amount, date and method, as the debtor gave them (a wrong read-back
leaves the promise unconfirmed and costs more than an incomplete one). Not scored where no promise is the
goal: with a gatekeeper, or once the debt is disputed (the compliance rules watch those calls).
"""

from __future__ import annotations

from game.engine.readback import judge
from scoring.card import Mark
from scoring.facts import ASKS, PROMISE_BEATS, CallFacts, Said
from scoring.principles.base import Assessment, always

KEY = "commitment"
applies = always


def _missing_from_readback(said: Said) -> list[str]:
    entities = said.turn.entities
    missing = []
    if not said.amounts:
        missing.append("amount")
    if not (said.cues.date or (entities and entities.dates)):
        missing.append("date")
    if not (said.cues.method or (entities and entities.method)):
        missing.append("method")
    return missing


def _asks(facts: CallFacts) -> list[Mark]:
    """The ask, its date and its urgency, judged on the asks made before the promise (a read-back is
    not an ask)."""
    promise = next((s.index for s in facts.said if s.beat in PROMISE_BEATS), len(facts.said))
    asks = [
        s for s in facts.trainee if s.has(*ASKS) and not s.has("confirm_commitment") and s.index < promise
    ]
    if not asks:
        return [Mark(f"{KEY}.no_ask", None, -45)] if facts.final else []
    marks = []
    dated = [s for s in asks if s.cues.date]
    if not dated and facts.final:
        marks.append(Mark(f"{KEY}.no_date", asks[0].index, -20))
    urgent = any(s.has("urgency") or s.cues.today or s.cues.soonest for s in asks)
    if not urgent and facts.final and facts.hardship_at is None:
        marks.append(Mark(f"{KEY}.no_urgency", (dated or asks)[0].index, -10))
    return marks


def _promise(facts: CallFacts) -> list[Mark]:
    commitment = facts.record.commitment
    if commitment is None:
        return [Mark(f"{KEY}.no_promise", None, -35)] if facts.final else []
    promise = next((s for s in facts.said if s.beat in PROMISE_BEATS), None)
    after = [s for s in facts.trainee if promise is None or s.index > promise.index]
    readback = next((s for s in after if s.has("confirm_commitment")), None)
    if readback is None:
        if commitment.confirmed or not facts.final:
            return []
        return [Mark(f"{KEY}.not_confirmed", after[0].index if after else None, -15)]
    wrong = judge(commitment, commitment.read_back).wrong if commitment.read_back is not None else ()
    if wrong and not commitment.confirmed:
        return [Mark(f"{KEY}.readback_wrong", readback.index, -30, {"wrong": " and ".join(wrong)})]
    missing = _missing_from_readback(readback)
    if not missing:
        return []
    return [
        Mark(
            f"{KEY}.readback_incomplete",
            readback.index,
            -4 * len(missing),
            {"missing": " and ".join(missing)},
        )
    ]


def assess(facts: CallFacts) -> Assessment:
    if not facts.expects_payment:
        return Assessment((), counted=False)
    return Assessment(tuple(_asks(facts) + _promise(facts)))
