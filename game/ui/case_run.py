"""One case as the window plays it: the calls placed so far, their live records and notes, and the seed.

The case itself is pure (``game.cases.run.play_case``). This keeps only the trainee's inputs (when
each call was placed, what the live call recorded, the note written) and asks the core again after
each step, so the window shows what the case engine decides: who answers, what comes next, the scores.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from game.cases.files import LoadedCase
from game.cases.models import CaseCall, NoteForm
from game.cases.run import CaseRecord, PlayedCall, play_case
from game.cases.scorecard import score_case
from game.cases.timing import parse_local
from game.engine.record import CallRecord

FIRST_HOUR = 9


def stamp(at: dt.datetime) -> str:
    """A time as case files write it, "YYYY-MM-DD HH:MM"."""
    return f"{at:%Y-%m-%d %H:%M}"


@dataclass
class CaseRun:
    """A case in progress in the window."""

    loaded: LoadedCase
    seed: int = 0
    calls: list[CaseCall] = field(default_factory=list)
    records: dict[int, CallRecord] = field(default_factory=dict)

    @property
    def index(self) -> int:
        """The 0-based index of the next call."""
        return len(self.calls)

    def record(self) -> CaseRecord:
        """The case so far, as the core plays it."""
        return play_case(self.loaded.case, self.loaded.scenarios, self.calls, self.seed, self.records)

    def attempt(self, at: dt.datetime) -> PlayedCall:
        """The next call placed at ``at`` (caller's time), before a word is said: answered or not, mood, findings."""
        trial = [*self.calls, CaseCall(at=stamp(at))]
        return play_case(self.loaded.case, self.loaded.scenarios, trial, self.seed, self.records).calls[-1]

    def earliest(self) -> dt.datetime:
        """No call can be placed before the last one (a case's calls are in time order)."""
        if self.calls:
            return parse_local(self.calls[-1].at)
        return dt.datetime.combine(self.loaded.case.start, dt.time(0))

    def suggested(self) -> dt.datetime:
        """Where the time chooser starts: the next day at the same time, or the case's first day at nine."""
        if self.calls:
            return parse_local(self.calls[-1].at) + dt.timedelta(days=1)
        return dt.datetime.combine(self.loaded.case.start, dt.time(FIRST_HOUR))

    def add(self, at: dt.datetime, record: CallRecord | None, note: NoteForm) -> None:
        """The call placed at ``at`` is over and its note written."""
        if record is not None:
            self.records[self.index] = record
        self.calls.append(CaseCall(at=stamp(at), note=note))

    def card(self) -> dict[str, Any]:
        return score_case(self.record())
