"""calm_tone: did the trainee stay calm, rational and friendly, even when the debtor did not?

A collector who raises the voice or answers heat with heat loses the call: the source's 理性且友好
beats 非理性且胁迫. Text shows shouting (capitals, "!!") and hostile, sarcastic or dismissive
wording; answering a heated debtor that way costs extra. When a turn carries voice features, its
loudness, pitch and pace are compared with the trainee's own calm baseline (the median of the call);
without them the text alone decides.
"""

from __future__ import annotations

from statistics import median

from game.engine.record import Prosody
from scoring.card import Mark
from scoring.facts import HEATED, CallFacts, Said
from scoring.principles.base import Assessment, always

KEY = "calm_tone"
applies = always

# Voice thresholds against the trainee's baseline; absolute ones until three voiced turns exist.
LOUDER_DB = 6.0
HIGHER_PITCH = 1.2
FASTER_RATE = 1.3
ABSOLUTE_LOUD_DBFS = -10.0
ABSOLUTE_FAST_WPM = 200.0


def _baseline(facts: CallFacts) -> tuple[float, float, float] | None:
    voiced = [s.turn.prosody for s in facts.trainee if s.turn.prosody is not None]
    if len(voiced) < 3:
        return None
    return (
        median(p.loudness_dbfs for p in voiced),
        median(p.pitch_mean_hz for p in voiced),
        median(p.words_per_minute for p in voiced),
    )


def _voice_marks(said: Said, voice: Prosody, base: tuple[float, float, float] | None) -> list[Mark]:
    if base is None:
        loud, high, fast = (
            voice.loudness_dbfs > ABSOLUTE_LOUD_DBFS,
            False,
            voice.words_per_minute > ABSOLUTE_FAST_WPM,
        )
    else:
        loud = voice.loudness_dbfs > base[0] + LOUDER_DB
        high = voice.pitch_mean_hz > base[1] * HIGHER_PITCH
        fast = voice.words_per_minute > base[2] * FASTER_RATE
    marks = []
    if loud:
        marks.append(Mark(f"{KEY}.loud_voice", said.index, -12))
    if high:
        marks.append(Mark(f"{KEY}.raised_pitch", said.index, -6))
    if fast:
        marks.append(Mark(f"{KEY}.rushed", said.index, -5))
    return marks


def assess(facts: CallFacts) -> Assessment:
    base = _baseline(facts)
    marks: list[Mark] = []
    for said in facts.trainee:
        cues = said.cues
        own: list[Mark] = []
        if cues.shouting:
            own.append(Mark(f"{KEY}.shouting", said.index, -20))
        elif cues.exclaiming:
            own.append(Mark(f"{KEY}.exclaiming", said.index, -10))
        if cues.hostile:
            own.append(Mark(f"{KEY}.hostile", said.index, -15, {"words": cues.hostile[0]}))
        if (
            said.insulting
            or cues.profanity
            or cues.threat
            or cues.false_claim
            or said.has("threat", "false_claim")
        ):
            own.append(Mark(f"{KEY}.aggressive", said.index, -15))
        if said.turn.prosody is not None:
            own.extend(_voice_marks(said, said.turn.prosody, base))
        before = facts.previous_debtor(said)
        heated = before is not None and (
            before.beat in HEATED or (before.turn.mood is not None and before.turn.mood.label == "angry")
        )
        if own and heated:
            own.append(Mark(f"{KEY}.escalated", said.index, -10))
        marks.extend(own)
    return Assessment(tuple(marks))
