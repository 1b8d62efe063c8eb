"""A drill taken in the window: its calls in order, each saved to the results store as it happens.

The store is written only by the jobs thread, in the order the writes were given: a call is begun
when it is dialled, every turn is saved as the engine returns it (so a crash loses at most the turn
being typed), and the finished call is saved with its record and scorecard in one transaction. The
window never waits for the database; a store that fails is reported on screen, not raised.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.drills import Drill, call_passes, drill_scenarios
from game.engine.record import CallRecord
from game.engine.scenario import Scenario

if TYPE_CHECKING:
    from game.store.store import ResultStore
    from game.ui.scene import Kit, Scene
    from scoring.rubric import Rubric

SAVE_JOB = "drill_saved"


@dataclass(frozen=True)
class TakenCall:
    """One finished call of the drill, as the summary shows it."""

    number: int
    total: int
    passed: bool
    attempt: int
    card: dict[str, Any]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DrillRun:
    """One trainee taking one drill: which call is next, what each call scored, and the saving."""

    def __init__(self, kit: Kit, drill: Drill, trainee: str, store: ResultStore) -> None:
        from scoring import load_rubric

        self.kit = kit
        self.drill = drill
        self.trainee = trainee
        self.store = store
        self.rubric: Rubric = load_rubric(drill.rubric)
        self.ids = drill_scenarios(drill)
        self.index = 0
        self.attempt = 1
        self.taken: list[TakenCall] = []
        self.problem: str | None = None
        self._call: dict[str, Any] = {}

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

    def scenario(self) -> Scenario | None:
        if self.index >= self.count:
            return None
        return self.kit.catalog.find(self.ids[self.index])

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

    # scenes
    def first_scene(self) -> Scene:
        """The briefing of the first call that can be found (or the summary when none can)."""
        from game.ui.scenes.briefing import BriefingScene
        from game.ui.scenes.drill_summary import DrillSummaryScene

        while self.index < self.count:
            scenario = self.scenario()
            if scenario is not None:
                return BriefingScene(self.kit, scenario, drill=self)
            self.problem = f"The scenario {self.ids[self.index]} cannot be found; it was skipped."
            self.index += 1
        return DrillSummaryScene(self.kit, self)

    def next_call(self) -> None:
        """On to the next call's briefing, or to the summary after the last one."""
        self.index += 1
        self.attempt = 1
        self.kit.nav.replace(self.first_scene())

    def retry(self) -> None:
        from game.ui.scenes.call import CallScene

        scenario = self.scenario()
        if scenario is None or not self.can_retry():
            return
        self.attempt += 1
        self.kit.nav.replace(CallScene(self.kit, scenario, self.seed, drill=self))

    def finish(self) -> None:
        """End the drill here (after the last call, or early) and show the summary."""
        from game.ui.scenes.drill_summary import DrillSummaryScene

        self.kit.nav.replace(DrillSummaryScene(self.kit, self))

    # saving, in order, on the jobs thread
    def _save(self, work: Any) -> None:
        def guarded() -> None:
            from game.store.store import StoreError

            try:
                work()
            except StoreError as err:
                self.problem = f"This call could not be saved: {err}"

        self.kit.jobs.submit(SAVE_JOB, guarded)

    def call_started(self, scenario: Scenario, seed: int, record: CallRecord) -> None:
        """The phone was answered: begin the call in the store and save the debtor's first line."""
        call: dict[str, Any] = {"id": None, "saved": 0}
        self._call = call
        store, trainee, drill, rubric, started = self.store, self.trainee, self.drill.name, self.rubric.name, _now()

        def begin() -> None:
            call["id"] = store.begin_call(trainee, drill, scenario.id, seed, rubric, started)

        self._save(begin)
        self.turns_changed(record)

    def turns_changed(self, record: CallRecord) -> None:
        """Save every turn the store has not seen yet."""
        call = self._call
        if not call:
            return
        first = call["saved"]
        turns = [turn.as_dict() for turn in record.turns[first:]]
        call["saved"] = len(record.turns)
        if not turns:
            return
        store = self.store

        def save() -> None:
            if call["id"] is not None:
                for offset, turn in enumerate(turns):
                    store.save_turn(call["id"], first + offset, turn)

        self._save(save)

    def call_finished(self, record: CallRecord, card: dict[str, Any]) -> dict[str, Any]:
        """Judge the call by the drill's marks and save it, record and scorecard in one go; returns the
        scorecard with the drill's verdict (``drill_passed``)."""
        passed = call_passes(self.drill, card)
        card = {**card, "drill_passed": passed}
        call = self._call
        if not call:
            return card
        self._call = {}
        self.taken.append(
            TakenCall(
                number=self.number,
                total=int(card["total"]),
                passed=passed,
                attempt=self.attempt,
                card=card,
            )
        )
        store, finished, saved = self.store, _now(), record.as_dict()

        def finish() -> None:
            if call["id"] is not None:
                store.finish_call(call["id"], saved, json.loads(json.dumps(card)), finished, passed=passed)

        self._save(finish)
        return card

    def leaderboard(self, done: str) -> None:
        """Read the drill's leaderboard after every save given so far; arrives as the job ``done``."""
        store, name = self.store, self.drill.name
        self.kit.jobs.submit(done, lambda: store.leaderboard(name))
