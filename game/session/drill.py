"""A drill in progress, pygame-free: which call is next, attempts, the drill's verdict, and the saving.

Saving is written here once. A call is begun in the store with the trainee's first line, every turn is
saved as the engine returns it (a crash loses at most the turn being typed), and the finished call is saved
with its record and scorecard together. The store is anything with ``begin_call``, ``save_turn`` and
``finish_call``: the results store itself in the terminal, or the window's queue that writes it off the
frame loop (``begin_call`` may then hand back a ticket rather than the row id).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from game.drills import Drill, call_passes, drill_scenarios
from game.engine.scenario.models import Scenario
from game.engine.step import DebtorLine
from game.i18n import _
from game.session.call import CallSession
from game.session.resume import ResumeError, replay_saved
from scoring import Note, Rubric, Scorecard, load_rubric
from scoring.rubric import rubric_for

Clock = Callable[[], dt.datetime]


class CallStore(Protocol):
    """Where a drill's calls are kept (``game.store.ResultStore`` is one)."""

    def begin_call(
        self, trainee: str, drill: str | None, scenario_id: str, seed: int, rubric: str, started_at: dt.datetime
    ) -> Any: ...

    def save_turn(self, call_id: Any, index: int, turn: Mapping[str, Any]) -> None: ...

    def finish_call(
        self,
        call_id: Any,
        record: Mapping[str, Any],
        scorecard: Mapping[str, Any],
        finished_at: dt.datetime,
        *,
        passed: bool | None = None,
        input_ended: bool = False,
    ) -> None: ...


@dataclass(frozen=True)
class TakenCall:
    """One finished call of the drill: its number (from 1), the attempt, the card and the drill's verdict."""

    number: int
    attempt: int
    scenario: Scenario
    card: Scorecard
    passed: bool

    @property
    def total(self) -> int:
        return self.card.total

    def saved_card(self) -> dict[str, Any]:
        """The scorecard as the store keeps it, with the drill's verdict."""
        return {**self.card.as_dict(), "drill_passed": self.passed}

    def lead_note(self) -> Note | None:
        """The one note that matters most: a lawful-conduct note first, else the card's top note."""
        notes = self.card.top_notes
        lawful = [n for n in notes if n.topic.startswith("compliance")]
        ranked = lawful or list(notes)
        return ranked[0] if ranked else None


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass
class _Saving:
    call_id: Any
    saved: int


class DrillSession:
    """One trainee taking one drill; ``find`` gives a scenario by id (None when it cannot be found)."""

    def __init__(
        self,
        drill: Drill,
        trainee: str,
        store: CallStore,
        find: Callable[[str], Scenario | None],
        *,
        clock: Clock = utc_now,
    ) -> None:
        self.drill = drill
        self.trainee = trainee
        self.store = store
        self.find = find
        self.clock = clock
        self.rubric: Rubric | None = load_rubric(drill.rubric) if drill.rubric else None
        self.ids = drill_scenarios(drill)
        self.index = 0
        self.attempt = 1
        self.taken: list[TakenCall] = []
        self.skipped: list[str] = []
        self._saving: _Saving | None = None
        self._dialled_at = clock()

    # where the drill is
    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def number(self) -> int:
        """The current call, counting from 1."""
        return self.index + 1

    @property
    def seed(self) -> int:
        return self.drill.seed + self.index

    @property
    def last(self) -> bool:
        return self.index >= self.count - 1

    @property
    def done(self) -> bool:
        return self.index >= self.count

    def scenario(self) -> Scenario | None:
        """The current call's scenario, skipping (and noting) any that cannot be found; None at the end."""
        while self.index < self.count:
            found = self.find(self.ids[self.index])
            if found is not None:
                return found
            self.skipped.append(self.ids[self.index])
            self.index += 1
        return None

    def can_retry(self) -> bool:
        """A call that did not pass may be taken again while attempts remain."""
        latest = self.taken[-1] if self.taken else None
        return (
            latest is not None
            and latest.number == self.number
            and not latest.passed
            and self.attempt < self.drill.attempts
        )

    def call_passed(self, number: int) -> bool | None:
        """Whether any attempt at call ``number`` passed; None when it was not taken."""
        tries = [t for t in self.taken if t.number == number]
        return any(t.passed for t in tries) if tries else None

    def passed(self) -> bool:
        return all(self.call_passed(n) for n in range(1, self.count + 1))

    def next_call(self) -> Scenario | None:
        """On to the next call (None after the last one)."""
        self.index += 1
        self.attempt = 1
        return self.scenario()

    def retry(self) -> bool:
        """Take the current call again, when allowed."""
        if not self.can_retry():
            return False
        self.attempt += 1
        return True

    # the call, saved as it goes
    def dial(self) -> CallSession:
        """Start the current call: begun in the store, its first line saved."""
        scenario = self.scenario()
        if scenario is None:
            raise LookupError("the drill has no call left to take")
        session = CallSession(scenario, self.seed, self.rubric or rubric_for(scenario.jurisdiction))
        self._saving = None
        self._dialled_at = self.clock()
        return session

    def resume(
        self, call_id: Any, scenario_id: str, seed: int, saved: Sequence[Mapping[str, Any]]
    ) -> tuple[CallSession, DebtorLine]:
        """Take up a stopped call of this drill (reopened in the store as ``call_id``, which ``saved``
        are its turns): the drill moves to that call, its turns are played again, and every new turn is
        saved after them. Returns the call and the debtor's last line, to be said again."""
        index = next(
            (i for i, found in enumerate(self.ids) if found == scenario_id and self.drill.seed + i == seed), None
        )
        if index is None:
            stranger = _("call {id} is not one of the calls of the drill {drill}")
            raise ResumeError(stranger.format(id=call_id, drill=self.drill.name))
        scenario = self.find(scenario_id)
        if scenario is None:
            raise ResumeError(_("the scenario {scenario} cannot be found").format(scenario=scenario_id))
        self.index, self.attempt = index, 1
        session = CallSession(scenario, seed, self.rubric)
        last = replay_saved(session, saved)
        self._saving = _Saving(call_id, len(saved))
        return session, last

    def turns_changed(self, session: CallSession) -> None:
        """Save every turn the store has not seen yet; the call is begun in the store with the trainee's
        first line, so a call left before a word was said leaves nothing behind."""
        if self._saving is None and any(t.speaker == "trainee" for t in session.record.turns):
            rubric = (session.rubric or rubric_for(session.scenario.jurisdiction)).name
            call_id = self.store.begin_call(
                self.trainee, self.drill.name, session.scenario.id, self.seed, rubric, self._dialled_at
            )
            self._saving = _Saving(call_id, 0)
        if self._saving is not None:
            self._save_new_turns(self._saving, session)

    def stop(self, session: CallSession, *, input_ended: bool = False) -> int:
        """The call stopped before it ended (Ctrl-C, a closed window, the input ran out): its turns stay
        saved as an unfinished call, never counted as a result. Returns how many turns are kept (0:
        nothing was begun). When the input ran out, the call so far is kept whole and marked so."""
        self.turns_changed(session)
        saving, self._saving = self._saving, None
        if saving is None:
            return 0
        if input_ended:
            card = session.live_card()
            self.store.finish_call(
                saving.call_id, session.record.as_dict(), card.as_dict(), self.clock(), input_ended=True
            )
        return saving.saved

    def finish(self, session: CallSession, card: Scorecard | None = None) -> TakenCall:
        """Judge the call by the drill's marks and save it, record and scorecard in one go."""
        card = card if card is not None else session.finish()
        passed = call_passes(self.drill, card.as_dict())
        taken = TakenCall(self.number, self.attempt, session.scenario, card, passed)
        self.taken.append(taken)
        self.turns_changed(session)
        saving, self._saving = self._saving, None
        if saving is not None:
            self.store.finish_call(
                saving.call_id, session.record.as_dict(), taken.saved_card(), self.clock(), passed=passed
            )
        return taken

    def _save_new_turns(self, saving: _Saving, session: CallSession) -> None:
        turns = session.record.turns
        for index in range(saving.saved, len(turns)):
            self.store.save_turn(saving.call_id, index, turns[index].as_dict())
        saving.saved = len(turns)
