"""stay_quiet: did the trainee let the debtor talk, and let the silence after the ask work?

The source's 学会闭嘴: silence is the finest way of speaking; keep quiet while the other side talks;
never say more than helps. Costs: talking over the debtor; filling the silence after the ask, worst of
all by lowering one's own ask ("…or maybe just $50?"); doing nearly all the talking; monologues;
arguing. A pause of three seconds or more after the ask is a skill (negotiation research finds such
pauses pay) and scores up; silence once the debtor has asked something ("Hello? Are you there?") is a
question left unanswered, and earns nothing. A call that never asks shows only half of it: there was no ask to be quiet
after.
"""

from __future__ import annotations

from scoring.card import Mark
from scoring.facts import ASKS, QUIET_BEATS, CallFacts, Said
from scoring.principles.base import Assessment, always

KEY = "stay_quiet"
applies = always

SKILLED_PAUSE = 3.0
# Contact centres aim at about 40% collector talk, but a simulated debtor says far less than a real one
# (well-run calls here run at 60-75% of the words), so the mark starts where the trainee does nearly all
# the talking.
TALK_SHARE_LIMIT = 0.8
MONOLOGUE_WORDS = 40
MIN_TURNS_FOR_SHARE = 3
# Staying quiet after the ask needs an ask: a call that never asks shows at most half of the principle.
NO_ASK = -50


def _bargains(facts: CallFacts, said: Said) -> bool:
    lower = any(a < facts.balance - 0.005 for a in said.amounts)
    return said.has("propose_plan") or lower


def _after_quiet(facts: CallFacts, quiet: Said) -> tuple[list[Mark], int]:
    """Marks for what the trainee did once the debtor went quiet, and the index the episode ends at."""
    waited = 0.0
    last_silence: Said | None = None
    for said in facts.said[quiet.index + 1 :]:
        if said.silent:
            waited += said.turn.silence or max(0.0, said.turn.end - said.turn.start)
            last_silence = said
        elif said.spoken:
            marks = [Mark(f"{KEY}.filled_silence", said.index, -20, {"seconds": f"{waited:g}"})]
            if _bargains(facts, said):
                marks.append(Mark(f"{KEY}.bargained", said.index, -15))
            return marks, said.index
        elif said.trainee:
            return [], said.index
        elif said.beat not in QUIET_BEATS or "?" in said.turn.text:
            # The debtor answered, or asked something ("Hello? Are you still there?"): silence after the
            # debtor's own question is dead air, not the pause after the ask, so only what came before counts.
            if waited >= SKILLED_PAUSE and last_silence is not None:
                return [Mark(f"{KEY}.pause", last_silence.index, 10, {"seconds": f"{waited:g}"})], said.index
            return [], said.index
    return [], len(facts.said)


def _talk_share(facts: CallFacts) -> list[Mark]:
    if len(facts.trainee) < MIN_TURNS_FOR_SHARE:
        return []
    own = sum(s.cues.words for s in facts.trainee)
    theirs = sum(s.cues.words for s in facts.said if not s.trainee)
    share = own / max(1, own + theirs)
    if share <= TALK_SHARE_LIMIT:
        return []
    points = -min(20, round((share - TALK_SHARE_LIMIT) * 100))
    return [Mark(f"{KEY}.talk_share", None, points, {"share": f"{share:.0%}"})] if points else []


def assess(facts: CallFacts) -> Assessment:
    marks: list[Mark] = []
    done = -1
    for said in facts.said:
        if said.index > done and said.beat == "stall_quiet":
            found, done = _after_quiet(facts, said)
            marks.extend(found)
    for said in facts.trainee:
        if said.turn.interrupt:
            marks.append(Mark(f"{KEY}.interrupt", said.index, -15))
        if said.has(*ASKS) and said.cues.bargain:
            marks.append(Mark(f"{KEY}.bargained", said.index, -15))
        if said.cues.words > MONOLOGUE_WORDS:
            marks.append(Mark(f"{KEY}.monologue", said.index, -8, {"words": str(said.cues.words)}))
        if said.cues.arguing:
            marks.append(Mark(f"{KEY}.arguing", said.index, -10, {"words": said.cues.arguing[0]}))
    marks.extend(_talk_share(facts))
    if facts.final and facts.expects_payment and facts.trainee and not any(s.has(*ASKS) for s in facts.trainee):
        marks.append(Mark(f"{KEY}.no_ask", None, NO_ASK))
    marks = list({(m.topic, m.turn): m for m in marks}.values())
    marks.sort(key=lambda m: (m.turn is None, m.turn or 0))
    return Assessment(tuple(marks))
