"""A drill taken in the window: the drill session's calls as scenes, its saving done off the frame loop.

What is next, attempts, the verdict and what to save are the pygame-free ``DrillSession``'s; this adds
only the window's part: the store is written by the jobs thread, in the order the writes were given
(see ``QueuedStore``), so the window never waits for the database, and a store that fails is reported
on screen, not raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from game.drills import Drill
from game.engine.scenario import Scenario
from game.engine.step import DebtorLine
from game.i18n import _
from game.session import CallSession, DrillSession, TakenCall
from game.session.resume import StoppedCall
from game.store.store import ResultStore, StoreError
from game.ui.jobs import Jobs

SAVE_JOB = "drill_saved"


@dataclass
class Ticket:
    """A call begun in the store: its row id once the jobs thread has written it."""

    call_id: int | None = None


class QueuedStore:
    """The drill session's store, written on the jobs thread in order; a failure becomes ``problem``."""

    def __init__(self, store: ResultStore, jobs: Jobs) -> None:
        self.store = store
        self.jobs = jobs
        self.problem: str | None = None

    def _later(self, work: Callable[[], None]) -> None:
        def guarded() -> None:
            try:
                work()
            except StoreError as err:
                self.problem = _("This call could not be saved: {error}").format(error=err)

        self.jobs.submit(SAVE_JOB, guarded)

    def begin_call(
        self, trainee: str, drill: str | None, scenario_id: str, seed: int, rubric: str, started_at: dt.datetime
    ) -> Ticket:
        ticket, store = Ticket(), self.store

        def begin() -> None:
            ticket.call_id = store.begin_call(trainee, drill, scenario_id, seed, rubric, started_at)

        self._later(begin)
        return ticket

    def save_turn(self, call_id: Ticket, index: int, turn: Mapping[str, Any]) -> None:
        store = self.store

        def save() -> None:
            if call_id.call_id is not None:
                store.save_turn(call_id.call_id, index, turn)

        self._later(save)

    def finish_call(
        self,
        call_id: Ticket,
        record: Mapping[str, Any],
        scorecard: Mapping[str, Any],
        finished_at: dt.datetime,
        *,
        passed: bool | None = None,
        input_ended: bool = False,
    ) -> None:
        store = self.store

        def finish() -> None:
            if call_id.call_id is not None:
                store.finish_call(
                    call_id.call_id, record, scorecard, finished_at, passed=passed, input_ended=input_ended
                )

        self._later(finish)


class DrillRun:
    """One trainee taking one drill in the window: the session, and where its saves go."""

    def __init__(
        self, drill: Drill, trainee: str, store: ResultStore, jobs: Jobs, find: Callable[[str], Scenario | None]
    ) -> None:
        self.store = store
        self.jobs = jobs
        self.queue = QueuedStore(store, jobs)
        self.session = DrillSession(drill, trainee, self.queue, find)
        self._taken_up: tuple[CallSession, DebtorLine] | None = None
        self.again: DebtorLine | None = None

    # the session, as the scenes read it
    @property
    def drill(self) -> Drill:
        return self.session.drill

    @property
    def trainee(self) -> str:
        return self.session.trainee

    @property
    def taken(self) -> list[TakenCall]:
        return self.session.taken

    @property
    def problem(self) -> str | None:
        """A save that failed, or a scenario that could not be found."""
        if self.queue.problem:
            return self.queue.problem
        if self.session.skipped:
            skipped = _(", ").join(self.session.skipped)
            return _("The scenario {ids} cannot be found; it was skipped.").format(ids=skipped)
        return None

    def last_taken(self) -> TakenCall | None:
        return self.session.taken[-1] if self.session.taken else None

    def take_up(self, stopped: StoppedCall) -> Scenario:
        """Go on from a stopped call of this drill, reopened in the store: its turns are played again
        now (raises ResumeError when they cannot be), and the next ``dial`` hands out that call."""
        session, line = self.session.resume(Ticket(stopped.call_id), stopped.scenario, stopped.seed, stopped.turns)
        self._taken_up = (session, line)
        return session.scenario

    def dial(self) -> CallSession:
        """The drill's current call: a stopped one taken up (``again``: the debtor's last line, to be
        said again), else a new one."""
        if self._taken_up is not None:
            session, self.again = self._taken_up
            self._taken_up = None
            return session
        self.again = None
        return self.session.dial()

    def leaderboard(self, done: str) -> None:
        """Read the drill's leaderboard after every save given so far; arrives as the job ``done``."""
        store, name = self.store, self.session.drill.name
        self.jobs.submit(done, lambda: store.leaderboard(name))
