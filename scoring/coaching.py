"""Coaching: every mark becomes a note that quotes the trainee, says what happened and what to do,
and offers a better line.

Better lines come from the scenario's author first: a line written for that exact moment
(``better["commitment.no_date"]``), for the excuse at hand, or for the principle when the phrase bank
says the principle's line fits; otherwise from the built-in phrase bank (``coaching.yaml``; on a Chinese
call ``coaching_zh.yaml``, with the same keys). At most five notes lead the card: compliance first, then
the principles that lost the most.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from game.engine.lines import fill
from game.i18n import translations
from scoring.card import Finding, Mark, Note, PrincipleScore
from scoring.compliance import RULES
from scoring.cues import normalise
from scoring.facts import ASKS, CallFacts
from scoring.labels import items

BANK_PATH = Path(__file__).parent / "coaching.yaml"
# The phrase bank of each language a call may be in; any other language is coached in English.
BANKS: Mapping[str, Path] = {"en": BANK_PATH, "zh": Path(__file__).parent / "coaching_zh.yaml"}
# A better line this close to what was said (0-100, rapidfuzz) is no correction.
SAME_LINE = 85
# Notes about something missing, and the acts that show the quoted line did it after all: such a note
# is about the whole call, never pinned on a line that did the right thing.
_DONE_BY: Mapping[str, frozenset[str]] = {
    "politeness.no_greeting": frozenset({"greet"}),
    "politeness.no_intro": frozenset({"identify_self"}),
    "politeness.no_close": frozenset({"close", "greet"}),
    "commitment.no_ask": frozenset(ASKS),
    "commitment.no_urgency": frozenset({"urgency"}),
    "commitment.not_confirmed": frozenset({"confirm_commitment"}),
    "empathy.no_acknowledgement": frozenset({"empathize", "greet", "identify_self", "verify_identity"}),
    "empathy.no_plan": frozenset({"propose_plan"}),
    "repeat_amount.missing": frozenset({"state_amount"}),
}
TOP_NOTES = 5
TOP_FINDINGS = 2
# Notes that say again what a compliance finding on the same turn says.
ECHOES = frozenset(
    {
        "politeness.insult",
        "politeness.profanity",
        "calm_tone.aggressive",
        "right_party.disclosed",
        "repeat_amount.wrong",
    }
)


@dataclass(frozen=True)
class Entry:
    """One phrase-bank entry."""

    note: str
    better: str | None
    scenario_line: bool


@lru_cache(maxsize=len(BANKS))
def bank(language: str = "en") -> Mapping[str, Entry]:
    """The phrase bank of a language, read once on first use."""
    data = yaml.safe_load(BANKS.get(language, BANK_PATH).read_text(encoding="utf-8"))
    return {
        key: Entry(str(item["note"]), item.get("better"), bool(item.get("scenario_line", False)))
        for key, item in data.items()
    }


def _authored(mark: Mark, entry: Entry, principle: str, facts: CallFacts) -> str | None:
    better = facts.scenario.better
    if mark.topic in better:
        return better[mark.topic]
    excuse_id = mark.values.get("excuse_id")
    if excuse_id:
        excuse = next((e for e in facts.scenario.excuses if e.id == excuse_id), None)
        if excuse is not None and excuse.better:
            return excuse.better
        if excuse_id in better:
            return better[excuse_id]
    return better.get(principle) if entry.scenario_line else None


def _words(facts: CallFacts, turn: int | None) -> str:
    if turn is None or not facts.said[turn].trainee:
        return ""
    said = facts.said[turn]
    if said.silent:
        seconds = f"{said.turn.silence or max(0.0, said.turn.end - said.turn.start):g}"
        _ = translations(facts.scenario.language).gettext
        return _("(silent for {seconds} s)").format(seconds=seconds)
    return said.turn.text


def _placed(mark: Mark, facts: CallFacts) -> Mark:
    """A note about something missing moves off a line that did it (or that is no place for it)."""
    done = _DONE_BY.get(mark.topic)
    if done is None or mark.turn is None or not (facts.said[mark.turn].acts & done):
        return mark
    return Mark(mark.topic, None, mark.points, mark.values)


def _offered(better: str | None, said: str) -> str | None:
    """The better line, unless it is nearly what was said."""
    if better is None or not said:
        return better
    return None if fuzz.ratio(normalise(better), normalise(said)) >= SAME_LINE else better


def _values(mark: Mark, facts: CallFacts) -> dict[str, str]:
    """The placeholder values of a note; on a Chinese call the read-back's items are named in Chinese."""
    values = {**facts.values, **mark.values}
    gettext = translations(facts.scenario.language).gettext
    for key in [k for k in ("wrong", "missing") if k in values]:
        values[key] = items(values[key], gettext)
    return values


def _texts(key: str, mark: Mark, principle: str, facts: CallFacts) -> tuple[str, str | None]:
    entry = bank(facts.scenario.language)[key]
    values = _values(mark, facts)
    better = None if mark.points > 0 else (_authored(mark, entry, principle, facts) or entry.better)
    return fill(entry.note, values), fill(better, values) if better else None


def note_for(mark: Mark, principle: str, facts: CallFacts) -> Note:
    """The note for one principle mark."""
    mark = _placed(mark, facts)
    note, better = _texts(mark.topic, mark, principle, facts)
    words = _words(facts, mark.turn)
    return Note(mark.topic, mark.turn, words, note, _offered(better, words), mark.points)


def finding_for(mark: Mark, facts: CallFacts) -> Finding:
    """The compliance finding for one rule mark (its topic is the rule id)."""
    note, better = _texts(f"compliance.{mark.topic}", mark, mark.topic, facts)
    if facts.third_party and better is not None:
        # Talking to someone else, any better line is the call-back message: nothing about the debt.
        better = _texts("compliance.third_party_disclosure", mark, "third_party_disclosure", facts)[1]
    return Finding(mark.topic, mark.turn, _words(facts, mark.turn), note, better)


def as_note(finding: Finding) -> Note:
    """A finding in note form, for the top notes and the turn-by-turn view."""
    return Note(f"compliance.{finding.rule}", finding.turn, finding.text, finding.note, finding.better, 0)


def top_notes(findings: Iterable[Finding], principles: Iterable[PrincipleScore]) -> tuple[Note, ...]:
    """Up to five notes: the gravest compliance findings first (two at most: the card lists them all),
    then the costliest note of each principle, the principles that lost most first (points lost times
    weight), then the costliest of the rest, one per kind. A note that only restates a leading finding
    on its turn is left to the turn-by-turn view.
    """
    severity = list(RULES)
    worst = sorted(findings, key=lambda f: (severity.index(f.rule), f.turn if f.turn is not None else -1))
    leading = [as_note(f) for f in worst][:TOP_FINDINGS]
    found_at = {n.turn for n in leading}
    mistakes = {
        p.key: sorted(
            (n for n in p.notes if n.points < 0 and not (n.topic in ECHOES and n.turn in found_at)),
            key=lambda n: n.points,
        )
        for p in principles
        if p.weight > 0
    }
    weights = {p.key: p.weight for p in principles}
    order = sorted(
        (k for k in mistakes if mistakes[k]), key=lambda k: sum(n.points for n in mistakes[k]) * weights[k]
    )
    for key in order:
        if not _repeats(mistakes[key][0], leading):  # a whole-call note shared by every principle leads once
            leading.append(mistakes[key][0])
    rest = sorted(
        (n for k in order for n in mistakes[k][1:]), key=lambda n: n.points * weights[n.topic.split(".")[0]]
    )
    for note in rest:
        if all(n.topic != note.topic for n in leading) and not _repeats(note, leading):
            leading.append(note)
    return tuple(leading[:TOP_NOTES])


def _repeats(note: Note, leading: list[Note]) -> bool:
    """The same card again: the same note, or the same advice on the same line."""
    return any(n == note or (n.note == note.note and n.turn == note.turn) for n in leading)
