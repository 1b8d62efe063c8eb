"""Play a case: the trainee's calls in order, each at its chosen time, against the call its past leads to.

For each call: the lawful-time and frequency checks (before a word is said), whether the debtor answers
and in what mood (the persona's data and the timing lore, drawn from the seed), the call itself through
the engine's replay, its scorecard, what it led to (a promise kept or broken, a call-back or not, a
dispute), and the note checked against the record. Pure: scenarios, calls and a seed in; a record out.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.cases.briefing import Briefing, FileLine, briefing
from game.cases.models import Branch, Case, CaseCall, CaseCallNode, NoteForm
from game.cases.notes import check_note, what_happened
from game.cases.timing import (
    Conversation,
    Finding,
    Moment,
    answer_chance,
    conversation_finding,
    debtor_time,
    frequency_finding,
    hour_finding,
    moment,
    mood_change,
    offset,
    parse_local,
)
from game.engine.record import CallRecord
from game.engine.replay import replay
from game.engine.scenario.models import MoodDelta, MoodValues, Scenario
from scoring import Scorecard, score_call

# How often a persona keeps a promise, and returns a message, when the case does not say (percent).
KEEPS_PROMISE = {
    "cooperative": 90.0,
    "hardship": 75.0,
    "angry": 60.0,
    "disputer": 60.0,
    "stalling": 50.0,
    "cheque_in_mail": 40.0,
    "abusive": 40.0,
    "gatekeeper": 50.0,
    "deadbeat": 20.0,
}
CALLS_BACK = {"gatekeeper": 50.0}
FOLLOW_UP_LAW = "粘 and 及时: follow up every promise on the day it falls due (or the next)"


@dataclass(frozen=True)
class Payment:
    amount: float
    date: str
    call: int


@dataclass(frozen=True)
class PlayedCall:
    """One call of the case as it happened."""

    index: int
    node: str
    scenario: Scenario
    met: Scenario
    caller_time: dt.datetime
    debtor_time: dt.datetime
    inbound: bool
    answered: bool
    chance: float
    when: Moment
    mood: MoodValues
    briefing: Briefing
    record: CallRecord | None
    card: Scorecard | None
    event: str | None
    note: NoteForm | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Upcoming:
    """The call the case waits for next (the window's briefing and time chooser show it)."""

    node: str
    briefing: Briefing
    after: dt.date | None


@dataclass(frozen=True)
class CaseRecord:
    """The whole case: its calls, the money, how it ended, and the findings across calls."""

    case: Case
    seed: int
    calls: tuple[PlayedCall, ...]
    outcome: str
    balance: float
    collected: float
    payments: tuple[Payment, ...]
    unplayed: int
    findings: tuple[Finding, ...] = field(default=())
    upcoming: Upcoming | None = None


@dataclass(frozen=True)
class _Promise:
    date: dt.date
    call: int
    kept: bool


def _draw(seed: int, what: str, index: int) -> float:
    """A percent draw, 0-100, fixed by the seed, what is drawn and the call's index."""
    return random.Random(f"{seed}:{what}:{index}").random() * 100


def _clamp(value: float) -> float:
    return max(0.0, min(100.0, value))


def starting_mood(base: MoodValues, *changes: MoodDelta) -> MoodValues:
    anger, trust, willingness = base.anger, base.trust, base.willingness
    for change in changes:
        anger, trust, willingness = anger + change.anger, trust + change.trust, willingness + change.willingness
    return MoodValues(anger=_clamp(anger), trust=_clamp(trust), willingness=_clamp(willingness))


def for_call(
    scenario: Scenario, day: dt.date, balance: float, mood: MoodValues, extra_notes: Sequence[str]
) -> Scenario:
    """The persona's scenario as this call meets it: the day, the balance left, the mood, the file's notes."""
    account = scenario.account.model_copy(
        update={"call_date": day, "amount": round(balance, 2), "notes": [*scenario.account.notes, *extra_notes]}
    )
    persona = scenario.persona.model_copy(update={"mood": mood})
    return scenario.model_copy(update={"account": account, "persona": persona})


def call_event(node: CaseCallNode, scenario: Scenario, record: CallRecord, seed: int, index: int) -> str:
    """What the call led to: a dispute, a promise kept or broken, a call-back or not, else how it ended."""
    archetype = scenario.persona.archetype
    if "debt_disputed" in record.events:
        return "disputed"
    if record.commitment is not None:
        keeps = node.keeps_promise if node.keeps_promise is not None else KEEPS_PROMISE.get(archetype, 50.0)
        return "promise_kept" if _draw(seed, "promise", index) < keeps else "promise_broken"
    if any(t.speaker == "debtor" and t.beat == "gatekeeper_message" for t in record.turns):
        back = node.calls_back if node.calls_back is not None else CALLS_BACK.get(archetype, 50.0)
        return "callback" if _draw(seed, "callback", index) < back else "no_callback"
    return record.outcome


def _follow_up(promise: _Promise, index: int, day: dt.date) -> Finding | None:
    if promise.date <= day <= promise.date + dt.timedelta(days=1):
        return None
    if day < promise.date:
        evidence = f"called {day}, before the promise of call {promise.call + 1} fell due on {promise.date}"
        return Finding("follow_up_too_early", index, "follow_up", FOLLOW_UP_LAW, evidence)
    late = (day - promise.date).days
    evidence = f"the promise of call {promise.call + 1} fell due {promise.date}; first checked {day}, {late} days on"
    return Finding("follow_up_late", index, "follow_up", FOLLOW_UP_LAW, evidence)


def _too_soon(wait: tuple[dt.date, str], index: int, day: dt.date, inbound: bool) -> Finding | None:
    """A call placed before the branch's wait is over (the debtor may always call in)."""
    earliest, law = wait
    if inbound or day >= earliest:
        return None
    return Finding("call_too_soon", index, "compliance", law, f"called {day}; not before {earliest}")


def _card_findings(card: Scorecard, index: int) -> list[Finding]:
    return [
        Finding(f.rule, index, "compliance", f.note, f"turn {f.turn}: \u201c{f.text}\u201d") for f in card.compliance
    ]


def play_case(
    case: Case,
    scenarios: Mapping[str, Scenario],
    calls: Sequence[CaseCall],
    seed: int = 0,
    records: Mapping[int, CallRecord] | None = None,
) -> CaseRecord:
    """Play the trainee's calls in order; calls after the case has ended are counted, not played.

    ``records`` holds calls already taken live (in the window), by index: each stands in for the
    replay of that call's turns, so the case goes on from what was really said.
    """
    taken = records or {}
    nodes = {n.id: n for n in case.calls}
    node = case.calls[0]
    balance = scenarios[node.scenario].account.amount
    collected = 0.0
    carried = MoodDelta()
    file_lines = [FileLine(c.at, c.kind, c.summary) for c in case.debtor.contacts]
    placed = [parse_local(c.at) - offset(case.caller_utc_offset) for c in case.debtor.contacts if c.kind == "call"]
    played: list[PlayedCall] = []
    payments: list[Payment] = []
    later: list[Finding] = []
    promise: _Promise | None = None
    wait: tuple[dt.date, str] | None = None
    talked: Conversation | None = None
    consented = False
    ended: str | None = None
    unplayed = 0
    for index, call in enumerate(calls):
        if ended is not None:
            unplayed += 1
            continue
        caller_local = parse_local(call.at)
        local = debtor_time(case, caller_local)
        utc = caller_local - offset(case.caller_utc_offset)
        base = scenarios[node.scenario]
        findings: list[Finding] = []
        if not node.inbound:
            timing = (
                hour_finding(case, index, local),
                frequency_finding(case, index, utc, placed),
                conversation_finding(case, index, utc, talked, consented),
            )
            findings += [f for f in timing if f is not None]
            placed.append(utc)
        if promise is not None:
            findings += [f for f in (_follow_up(promise, index, local.date()),) if f]
            promise = None
        if wait is not None:
            findings += [f for f in (_too_soon(wait, index, local.date(), node.inbound),) if f]
            wait = None
        when = moment(case, local)
        chance = 100.0 if node.inbound else answer_chance(case, when)
        answered = _draw(seed, "answer", index) < chance
        assert base.persona.mood is not None, "scenarios are resolved before a case is played"
        mood = starting_mood(base.persona.mood, mood_change(case, when), carried)
        brief = briefing(case, base, node, balance, file_lines)
        record = card = event = None
        scenario = for_call(base, local.date(), balance, mood, [line.text() for line in file_lines[-3:]])
        if answered:
            record = taken.get(index) or (replay(scenario, call.turns, seed + index) if call.turns else None)
            if record is not None:
                card = score_call(record, scenario)
                findings += _card_findings(card, index)
                event = call_event(node, scenario, record, seed, index)
        findings += check_note(call.note, record, index)
        played.append(
            PlayedCall(
                index,
                node.id,
                base,
                scenario,
                caller_local,
                local,
                node.inbound,
                answered,
                chance,
                when,
                mood,
                brief,
                record,
                card,
                event,
                call.note,
                tuple(findings),
            )
        )
        summary = f"{'inbound' if node.inbound else 'call'} {index + 1}: " + (
            "no answer" if not answered else (event or "no words").replace("_", " ")
        )
        noted = f"; note: {_note_line(call.note)}" if call.note else ""
        file_lines.append(FileLine(call.at, "call", summary + noted))
        if record is None:
            continue
        if what_happened(record) != "message_left":
            talked, consented = Conversation(index, utc), False
        if record.commitment is not None:
            due = dt.date.fromisoformat(record.commitment.date)
            promise = _Promise(due, index, event == "promise_kept")
            if event == "promise_kept":
                payments.append(Payment(record.commitment.amount, record.commitment.date, index))
                collected += record.commitment.amount
                balance -= record.commitment.amount
        branch = _branch(node, event)
        if balance <= 0.005:
            ended = "paid"
        elif branch is None:
            ended = "open"
        elif branch.end is not None:
            ended = branch.end
        else:
            assert branch.call is not None, "a branch has a call or an end (checked on loading)"
            node = nodes[branch.call]
            carried = branch.mood
            consented = branch.consented
            if branch.wait is not None:
                wait = (local.date() + dt.timedelta(days=branch.wait.days), branch.wait.law)
            if branch.note:
                learnt = record.commitment.date if record.commitment is not None else call.at
                file_lines.append(FileLine(learnt, "file", branch.note))
    if promise is not None and not promise.kept and ended is None:
        evidence = f"the promise of call {promise.call + 1} fell due {promise.date}; no call followed it up"
        later.append(Finding("follow_up_missing", None, "follow_up", FOLLOW_UP_LAW, evidence))
    upcoming = None
    if ended is None:
        after = wait[0] if wait is not None else None
        upcoming = Upcoming(node.id, briefing(case, scenarios[node.scenario], node, balance, file_lines), after)
    return CaseRecord(
        case,
        seed,
        tuple(played),
        ended or "open",
        round(balance, 2),
        round(collected, 2),
        tuple(payments),
        unplayed,
        tuple(later),
        upcoming,
    )


def _branch(node: CaseCallNode, event: str | None) -> Branch | None:
    """The branch the call's result takes: its own entry, else ``otherwise``."""
    found = {str(key): branch for key, branch in node.next.items()}
    return found.get(event or "", found.get("otherwise"))


def _note_line(note: NoteForm) -> str:
    parts = [note.outcome.replace("_", " ")]
    if note.amount is not None:
        parts.append(f"{note.amount:g}")
    if note.date is not None:
        parts.append(f"on {note.date}")
    if note.method:
        parts.append(f"by {note.method}")
    if note.next_action or note.next_date:
        parts.append(f"next: {note.next_action or 'call'}" + (f" {note.next_date}" if note.next_date else ""))
    if note.remark:
        parts.append(note.remark)
    return ", ".join(parts)
