"""politeness: was the trainee courteous and professional from the first word to the last?

The source: 要有礼貌; address the debtor by name after every sentence; be especially polite to
secretaries; the opening must be careful, never 咄咄逼人 (aggressive). Earned by a greeting and an
introduction, the debtor's name and title, please and thank you, and a courteous close. Insults,
profanity and condescension ("you people") cost heavily, dismissive wording ("whatever", "I don't have
all day") costs too, and all of it more so toward a gatekeeper.
"""

from __future__ import annotations

from scoring.card import Mark
from scoring.facts import ASKS, CallFacts, Said
from scoring.principles.base import Assessment, always

KEY = "politeness"
applies = always

OPENING_TURNS = 2
INTRO_TURNS = 3


def _opening(facts: CallFacts) -> list[Mark]:
    spoken = facts.trainee
    marks = []
    if not spoken:
        return [Mark(f"{KEY}.no_greeting", None, -15)] if facts.final else []
    if (len(spoken) >= OPENING_TURNS or facts.final) and not any(
        s.has("greet") for s in spoken[:OPENING_TURNS]
    ):
        marks.append(Mark(f"{KEY}.no_greeting", spoken[0].index, -15))
    if (len(spoken) >= INTRO_TURNS or facts.final) and not any(
        s.has("identify_self") for s in spoken[:INTRO_TURNS]
    ):
        marks.append(Mark(f"{KEY}.no_intro", spoken[0].index, -15))
    if spoken[0].has("request_payment", "urgency", "consequence") and not spoken[0].has("greet"):
        marks.append(Mark(f"{KEY}.abrupt_opening", spoken[0].index, -10))
    return marks


def _courtesy(facts: CallFacts) -> list[Mark]:
    if not facts.final or not facts.trainee:
        return []
    spoken = facts.trainee
    marks = []
    if not any(s.named for s in spoken):
        marks.append(Mark(f"{KEY}.no_name", None, -15))
    elif facts.scenario.account.title and not any(s.titled for s in spoken):
        first = next(s for s in spoken if s.named)
        marks.append(Mark(f"{KEY}.no_title", first.index, -5))
    if not any(s.has("thank") or s.cues.please for s in spoken):
        marks.append(Mark(f"{KEY}.no_thanks", None, -10))
    # A last line that thanks the debtor is a courteous close, even when the debtor says goodbye first.
    closed = any(s.has("close") for s in spoken[-2:]) or spoken[-1].has("thank")
    if facts.record.outcome != "hung_up" and not closed:
        marks.append(Mark(f"{KEY}.no_close", _where_the_close_belonged(spoken), -10))
    return marks


# A line that did its own job (an ask, the amount, a read-back, a plan): a missing close is not its fault.
_PURPOSEFUL = ASKS | {"state_amount", "state_purpose", "confirm_commitment", "propose_plan"}


def _where_the_close_belonged(spoken: tuple[Said, ...]) -> int | None:
    """The last line, when it was the trainee's own sign-off without courtesy ("Okay then"); else the
    whole call: a call cut short after the ask, or a one-line call whose only line is its opening."""
    last = spoken[-1] if len(spoken) > 1 else None
    if last is None or last.acts & _PURPOSEFUL:
        return None
    return last.index


def _rudeness(facts: CallFacts) -> list[Mark]:
    extra = -10 if facts.third_party else 0
    marks = []
    for said in facts.trainee:
        cues = said.cues
        if said.insulting:
            words = cues.insult[0] if cues.insult else said.turn.text
            marks.append(Mark(f"{KEY}.insult", said.index, -30 + extra, {"words": words}))
        if cues.profanity:
            marks.append(Mark(f"{KEY}.profanity", said.index, -30 + extra, {"words": cues.profanity[0]}))
        if cues.condescension:
            marks.append(
                Mark(f"{KEY}.condescension", said.index, -15 + extra, {"words": cues.condescension[0]})
            )
        if cues.hostile:
            marks.append(Mark(f"{KEY}.dismissive", said.index, -10 + extra, {"words": cues.hostile[0]}))
    return marks


def assess(facts: CallFacts) -> Assessment:
    marks = _opening(facts) + _courtesy(facts) + _rudeness(facts)
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks))
