"""The case note against the call record: every exchange on file, and every note true (记录在案卷上, 以作为证据).

A note is evidence. One that records a promise never made, a wrong amount or date, or no follow-up date
misleads whoever takes the file next, so each is a finding with what the note says beside what the call
shows.
"""

from __future__ import annotations

import datetime as dt

from game.cases.models import NoteForm
from game.cases.timing import Finding
from game.engine.readback import same_method
from game.engine.record import CallRecord
from game.engine.understand.lexicon import load_lexicon

RULE = "记录在案卷上: every exchange recorded in the case file, as evidence"
FOLLOW_UP_SLACK = dt.timedelta(days=1)  # check a promise on its date or the next day


def what_happened(record: CallRecord | None) -> str:
    """The outcome code the call record supports (the note's ``outcome`` should say this)."""
    if record is None:
        return "no_answer"
    if "debt_disputed" in record.events:
        return "dispute"
    if record.commitment is not None:
        return "promise"
    if any(t.speaker == "debtor" and t.beat == "gatekeeper_message" for t in record.turns):
        return "message_left"
    if record.outcome == "hung_up":
        return "hung_up"
    return "no_promise"


def canonical_method(written: str) -> str:
    """The payment method a note names, in the engine's spelling: 微信 and "WeChat Pay" are wechat pay."""
    text = written.strip().lower()
    return load_lexicon("zh").method_in(text) or load_lexicon("en").method_in(text) or text


# The outcome codes as the evidence line reads them ("the note says a promise; the call shows no answer").
_OUTCOME_WORDS = {
    "no_answer": "no answer",
    "dispute": "a dispute",
    "promise": "a promise",
    "message_left": "a message left",
    "hung_up": "a hang-up",
    "no_promise": "no promise",
}


def _said(outcome: str) -> str:
    return _OUTCOME_WORDS.get(outcome, outcome.replace("_", " "))


def _finding(rule: str, index: int, evidence: str) -> Finding:
    return Finding(rule, index, "note", RULE, evidence)


def check_note(note: NoteForm | None, record: CallRecord | None, index: int) -> list[Finding]:
    """What is untrue or missing in the note of call ``index``; ``record`` is None for an unanswered call."""
    if note is None:
        return [_finding("note_missing", index, "no case note was written after this call")]
    happened = what_happened(record)
    out: list[Finding] = []
    promise = record.commitment if record is not None else None
    if note.outcome == "promise" and promise is None:
        shown = "there was no conversation" if record is None else "the call ended with no promise"
        noted = f"{note.amount:g} on {note.date}" if note.amount and note.date else "a promise"
        out.append(_finding("note_promise_not_made", index, f"the note records {noted}; {shown}"))
    elif promise is not None and note.outcome != "promise":
        said = f"{promise.amount:g} on {promise.date} by {promise.method}"
        evidence = f"the debtor promised {said}; the note says {_said(note.outcome)}"
        out.append(_finding("note_promise_missing", index, evidence))
    elif note.outcome != happened and not (note.outcome == "promise" and promise is not None):
        evidence = f"the note says {_said(note.outcome)}; the call shows {_said(happened)}"
        out.append(_finding("note_wrong_outcome", index, evidence))
    if promise is not None and note.outcome == "promise":
        if note.amount is None or abs(note.amount - promise.amount) > 0.005:
            out.append(_finding("note_wrong_amount", index, f"noted {note.amount}; promised {promise.amount:g}"))
        if note.date is None or note.date.isoformat() != promise.date:
            out.append(_finding("note_wrong_date", index, f"noted {note.date}; promised {promise.date}"))
        if note.method is not None and not same_method(promise.method, canonical_method(note.method)):
            out.append(_finding("note_wrong_method", index, f"noted {note.method}; promised {promise.method}"))
    if note.next_date is None:
        out.append(_finding("note_no_follow_up", index, "the note has no next action date"))
    elif promise is not None and note.outcome == "promise":
        due = dt.date.fromisoformat(promise.date)
        if not due <= note.next_date <= due + FOLLOW_UP_SLACK:
            evidence = f"follow-up set for {note.next_date}; the promise falls due {promise.date}"
            out.append(_finding("note_follow_up_date", index, evidence))
    return out
