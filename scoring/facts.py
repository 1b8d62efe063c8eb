"""The call as scoring reads it: each turn with its acts, cues and amounts, and what the scenario expects.

Read once per score: every principle and compliance rule works from these facts, so a line is parsed
once however many rules look at it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from game.engine import step
from game.engine.lines import base_values, money, spoken_date, spoken_method
from game.engine.record import CallRecord, Turn
from game.engine.scenario.defaults import traits_of
from game.engine.scenario.models import Excuse, Scenario
from game.engine.understand.amounts import parse_amounts
from game.engine.understand.zh_names import split_name
from scoring.cues import Cues, read, words_only
from scoring.cues_zh import read_zh

ASKS: Final = frozenset(step.ASKS)
# Acts that tell whoever hears them about the debt: those the engine's gatekeeper reacts to, and those
# that can only be about a debt.
DISCLOSING: Final = frozenset(step.DISCLOSING) | {"propose_plan", "confirm_commitment", "consequence"}
# Debtor beats that push back on the ask: the moments to restate the amount.
OBJECTIONS: Final = ("refuse", "excuse_press")
# Debtor beats that show the debtor heated: answering them with heat is escalating.
HEATED: Final = frozenset({"abuse", "insulted", "threatened", "shouted_at", "interrupted"})
QUIET_BEATS: Final = frozenset({"stall_quiet", "silence"})
PROMISE_BEATS: Final = ("commit", "silence_offer")
# Acts the cues stand in for when the classifier missed them: courteous ones only. Risky acts
# (threat, insult, ...) are judged from the cues' own words, never folded into the acts.
_CUE_ACTS: Final = (
    ("greeting", "greet"),
    ("thanks", "thank"),
    ("close", "close"),
    ("mini_miranda", "mini_miranda"),
)


@dataclass(frozen=True)
class Said:
    """One turn with what scoring needs from it."""

    index: int
    turn: Turn
    acts: frozenset[str]
    cues: Cues
    amounts: tuple[float, ...]
    named: bool
    titled: bool

    @property
    def trainee(self) -> bool:
        return self.turn.speaker == "trainee"

    @property
    def spoken(self) -> bool:
        """A trainee turn with words in it."""
        return self.trainee and bool(self.turn.text.strip())

    @property
    def silent(self) -> bool:
        """A trainee turn of silence (a ``wait``)."""
        return self.trainee and not self.turn.text.strip() and not self.turn.hangup

    @property
    def beat(self) -> str:
        return self.turn.beat or ""

    def has(self, *acts: str) -> bool:
        return any(a in self.acts for a in acts)

    @property
    def insulting(self) -> bool:
        """Insult words, or a line the classifier calls an insult that no milder cue explains (a line
        that is only dismissive, condescending or profane is judged as that)."""
        cues = self.cues
        return bool(cues.insult) or (
            self.has("insult") and not (cues.hostile or cues.condescension or cues.profanity)
        )


@dataclass(frozen=True)
class CallFacts:
    """The record read once; ``live`` marks a call in progress (nothing is missing yet, only wrong)."""

    record: CallRecord
    scenario: Scenario
    live: bool
    said: tuple[Said, ...]
    values: Mapping[str, str]

    @property
    def final(self) -> bool:
        """Whether absences count: the call is over, so what never happened never will."""
        return not self.live

    @property
    def balance(self) -> float:
        return self.scenario.account.amount

    @cached_property
    def trainee(self) -> tuple[Said, ...]:
        """The trainee's spoken turns, in order."""
        return tuple(s for s in self.said if s.spoken)

    @property
    def third_party(self) -> bool:
        """Someone other than the debtor answers (the gatekeeper): the debt must not be discussed."""
        return traits_of(self.scenario).third_party

    @cached_property
    def hardship_at(self) -> int | None:
        """Where hardship is known: -1 for a hardship persona, else the turn a real reason is voiced."""
        if traits_of(self.scenario).hardship:
            return -1
        return next((s.index for s in self.said if (e := self.excuse(s)) is not None and e.real), None)

    @property
    def expects_payment(self) -> bool:
        """Whether the call is meant to end in a promise (not with a gatekeeper, nor a disputed debt)."""
        return traits_of(self.scenario).promises

    def reply(self, said: Said) -> Said | None:
        """The debtor's reply to a trainee turn: the next turn, when the debtor spoke it."""
        following = self.said[said.index + 1] if said.index + 1 < len(self.said) else None
        return following if following is not None and not following.trainee else None

    def previous_debtor(self, said: Said) -> Said | None:
        """The last debtor turn before this one."""
        return next((s for s in reversed(self.said[: said.index]) if not s.trainee), None)

    def excuse(self, said: Said) -> Excuse | None:
        """The scenario excuse a debtor turn voices (beat ``excuse:<id>``)."""
        if not said.beat.startswith("excuse:"):
            return None
        wanted = said.beat.split(":", 1)[1]
        return next((e for e in self.scenario.excuses if e.id == wanted), None)

    def discloses(self, said: Said) -> bool:
        """Whether a trainee turn tells the listener about the debt."""
        reply = self.reply(said)
        return bool(
            said.acts & DISCLOSING
            or said.amounts
            or said.cues.debt
            or said.cues.threat
            or said.cues.false_claim
            or said.cues.mini_miranda
            or (reply is not None and reply.beat == "gatekeeper_disclosure")
        )


def _name_patterns(scenario: Scenario) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Patterns for the debtor's name (any part of it) and for title plus name ("Mr. Brennan")."""
    account = scenario.account
    if scenario.language == "zh":
        return _name_patterns_zh(account.debtor_name, account.title.strip())
    parts = [re.escape(p) for p in account.debtor_name.split() if len(p) >= 2]
    if not parts:
        return None, None
    named = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)
    title = account.title.strip().rstrip(".")
    if not title:
        return named, None
    titled = re.compile(rf"(?<!\w){re.escape(title)}\.?\s*(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)
    return named, titled


def _name_patterns_zh(full: str, title: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """A Chinese debtor is named by full name, given name, or surname with a title after it (黄先生)."""
    surname, given = split_name(full)
    forms = [re.escape(full)] + ([re.escape(given)] if len(given) >= 2 else [])
    titled = re.compile(rf"{re.escape(surname)}(?:{re.escape(title)}|总|老板|经理)") if title else None
    named = re.compile("|".join(forms + ([titled.pattern] if titled else [])))
    return named, titled


def coaching_values(record: CallRecord, scenario: Scenario) -> dict[str, str]:
    """Placeholder values for coaching lines: the engine's own, plus name, balance and the promise."""
    values = base_values(scenario)
    account = scenario.account
    if scenario.language == "zh":
        surname = split_name(account.debtor_name)[0]
        values["name"] = f"{surname}{account.title.strip()}" if account.title.strip() else account.debtor_name
    else:
        last = account.debtor_name.split()[-1]
        values["name"] = f"{account.title} {last}" if account.title else account.debtor_name
    values["balance"] = money(account.amount, account.currency)
    promised = record.commitment.amount if record.commitment else account.amount
    values["promised"] = money(promised, account.currency)
    if record.commitment is not None:
        # A read-back names every item as the debtor gave it: "$400 on Friday, December 18, by debit card".
        values["promised_date"] = spoken_date(record.commitment.date, scenario.language)
        values["promised_method"] = spoken_method(record.commitment.method, scenario.language)
    return values


def read_call(record: CallRecord, scenario: Scenario, *, live: bool = False) -> CallFacts:
    """The facts of a call record against its scenario."""
    named, titled = _name_patterns(scenario)
    reader = read_zh if scenario.language == "zh" else read
    said: list[Said] = []
    for index, turn in enumerate(record.turns):
        cues = reader(turn.text) if turn.speaker == "trainee" else words_only(turn.text)
        acts = set(turn.acts)
        acts.update(act for cue, act in _CUE_ACTS if turn.speaker == "trainee" and getattr(cues, cue))
        if turn.speaker == "trainee" and turn.entities is not None:
            amounts = turn.entities.amounts
        else:
            amounts = parse_amounts(turn.text, scenario.language)
        said.append(
            Said(
                index=index,
                turn=turn,
                acts=frozenset(acts),
                cues=cues,
                amounts=amounts,
                named=bool(named and named.search(turn.text)),
                titled=bool(titled and titled.search(turn.text)),
            )
        )
    return CallFacts(record, scenario, live, tuple(said), coaching_values(record, scenario))


def same_amount(a: float, b: float) -> bool:
    """Equal to the cent."""
    return abs(a - b) < 0.005
