"""Taking a drill in the terminal: its calls in order, each saved turn by turn and scored at the end.

The drill session does the saving (every turn as it happens, the finished call with its record and
scorecard together). At the end of input, or on Ctrl-C, the drill stops: a call in progress keeps its
saved turns and stays unfinished (never scored as if the trainee had hung up), and Ctrl-C then reaches
the command line as KeyboardInterrupt (exit 130). When the store fails (a full disk, a read-only
folder, a server gone) the drill says so once and goes on unsaved; what was saved before stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TextIO, TypeVar

from game.console import CallStopped, play_console
from game.drills import Drill
from game.engine.plain_text import printable
from game.engine.scenario import load_scenario
from game.engine.scenario.models import Scenario
from game.i18n import ngettext
from game.session import CallSession, CallStore, DrillSession
from game.session.drill import Clock, utc_now
from game.session.resume import StoppedCall
from game.store.store import StoreError
from scoring import format_scorecard

T = TypeVar("T")


class _GuardedStore:
    """The results store, or nothing once it has failed: one notice, then the drill goes on unsaved."""

    def __init__(self, store: CallStore | None, out: TextIO) -> None:
        self.store = store
        self.out = out

    def _guard(self, action: Callable[[CallStore], T]) -> T | None:
        if self.store is None:
            return None
        try:
            return action(self.store)
        except StoreError as err:
            self.store = None
            self.out.write(f"Notice: {err}; the drill goes on, but nothing more is saved.\n")
            return None

    def begin_call(
        self, trainee: str, drill: str | None, scenario_id: str, seed: int, rubric: str, started_at: dt.datetime
    ) -> Any:
        return self._guard(lambda s: s.begin_call(trainee, drill, scenario_id, seed, rubric, started_at))

    def save_turn(self, call_id: Any, index: int, turn: Mapping[str, Any]) -> None:
        if call_id is not None:
            self._guard(lambda s: s.save_turn(call_id, index, turn))

    def finish_call(
        self,
        call_id: Any,
        record: Mapping[str, Any],
        scorecard: Mapping[str, Any],
        finished_at: dt.datetime,
        *,
        passed: bool | None = None,
        input_ended: bool = False,
    ) -> None:
        if call_id is not None:
            self._guard(
                lambda s: s.finish_call(call_id, record, scorecard, finished_at, passed=passed, input_ended=input_ended)
            )


def _find(scenario_id: str) -> Scenario | None:
    return load_scenario(scenario_id)


def run_drill_console(
    drill: Drill,
    trainee: str,
    store: CallStore | None,
    lines_in: TextIO,
    out: TextIO,
    *,
    clock: Clock = utc_now,
    resume: StoppedCall | None = None,
) -> list[dict[str, Any]]:
    """Play the drill's calls against ``lines_in``; returns each finished call's scorecard as saved.

    ``store`` None plays the drill unsaved (the caller has said why). ``resume``: a stopped call of this
    drill, reopened in the store, to take up where it stopped and go on from (raises ResumeError when it
    cannot be played again as it was).
    """
    saving = _GuardedStore(store, out)
    drill_session = DrillSession(drill, trainee, saving, _find, clock=clock)
    resumed: CallSession | None = None
    if resume is not None:
        resumed, _last = drill_session.resume(resume.call_id, resume.scenario, resume.seed, resume.turns)
    cards: list[dict[str, Any]] = []
    out.write(printable(f"=== Drill: {drill.title} ({drill_session.count} calls) for {trainee} ===\n"))
    while drill_session.scenario() is not None:
        number = drill_session.number
        out.write(f"\n--- Call {number} of {drill_session.count} ---\n")
        session, resumed = (resumed, None) if resumed is not None else (drill_session.dial(), None)
        if len(session.record.turns) > 1:
            said = len(session.record.turns)
            taken_up = ngettext(
                "(taken up where it stopped, after {n} turn)", "(taken up where it stopped, after {n} turns)", said
            )
            out.write(taken_up.format(n=said) + "\n")
        try:
            play_console(session, lines_in, out, on_turn=drill_session.turns_changed, end_hangs_up=False)
        except CallStopped as stop:
            kept = drill_session.stop(session, input_ended=not stop.interrupted)
            how = "Stopped with Ctrl-C" if stop.interrupted else "Input ended"
            if kept == 0 or saving.store is None:
                out.write(f"{how} before call {number} began; nothing of it is saved.\n")
            else:
                out.write(f"{how}: call {number} is saved unfinished with its {kept} turns, and not scored.\n")
            _summary(drill_session, trainee, saving.store is not None, out)
            if stop.interrupted:
                raise KeyboardInterrupt from None
            return cards
        taken = drill_session.finish(session)
        cards.append(taken.saved_card())
        out.write("\n" + printable(format_scorecard(taken.card)) + "\n")
        out.write(f"Drill mark: {'PASS' if taken.passed else 'NOT YET'} (needs {drill.pass_marks.total})\n")
        drill_session.next_call()
    _summary(drill_session, trainee, saving.store is not None, out)
    return cards


def _summary(drill_session: DrillSession, trainee: str, saving: bool, out: TextIO) -> None:
    passes = sum(1 for t in drill_session.taken if t.passed)
    out.write(printable(f"\n=== {trainee}: {passes} of {drill_session.count} calls passed; "))
    out.write(f"drill {'passed' if drill_session.passed() else 'not passed yet'}; ")
    out.write("results saved ===\n" if saving else "results not saved (see the notice above) ===\n")
