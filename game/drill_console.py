"""Taking a drill in the terminal: its calls in order, each saved turn by turn and scored at the end.

Each call speaks its scenario's language (a drill may mix English and Chinese calls) unless the
trainee fixed one; the drill's own lines speak the language its calls share, else the fixed one, else
English. The drill session does the saving (every turn as it happens, the finished call with its record and
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
from game.i18n import DEFAULT_LANGUAGE, _, ngettext, set_language
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
            self.out.write(
                _("Notice: {problem}; the drill goes on, but nothing more is saved.").format(problem=err) + "\n"
            )
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


def _drill_language(drill_session: DrillSession) -> str:
    """The language every call of the drill speaks, or English for a drill that mixes them."""
    found = (_find(scenario_id) for scenario_id in drill_session.ids)
    spoken = {scenario.language for scenario in found if scenario is not None}
    return spoken.pop() if len(spoken) == 1 else DEFAULT_LANGUAGE


def run_drill_console(
    drill: Drill,
    trainee: str,
    store: CallStore | None,
    lines_in: TextIO,
    out: TextIO,
    *,
    clock: Clock = utc_now,
    language: str | None = None,
    resume: StoppedCall | None = None,
) -> list[dict[str, Any]]:
    """Play the drill's calls against ``lines_in``; returns each finished call's scorecard as saved.

    ``store`` None plays the drill unsaved (the caller has said why). ``language`` fixes the language
    of every line printed; None lets each call speak its scenario's. ``resume``: a stopped call of this
    drill, reopened in the store, to take up where it stopped and go on from (raises ResumeError when it
    cannot be played again as it was).
    """
    saving = _GuardedStore(store, out)
    drill_session = DrillSession(drill, trainee, saving, _find, clock=clock)
    resumed: CallSession | None = None
    if resume is not None:
        resumed, _last = drill_session.resume(resume.call_id, resume.scenario, resume.seed, resume.turns)
    frame = language or _drill_language(drill_session)
    set_language(frame)
    cards: list[dict[str, Any]] = []
    count = drill_session.count
    heading = ngettext(
        "=== Drill: {title} ({count} call) for {trainee} ===",
        "=== Drill: {title} ({count} calls) for {trainee} ===",
        count,
    )
    out.write(printable(heading.format(title=drill.title, count=count, trainee=trainee)) + "\n")
    while (scenario := drill_session.scenario()) is not None:
        set_language(language or scenario.language)
        number = drill_session.number
        out.write("\n" + _("--- Call {number} of {count} ---").format(number=number, count=count) + "\n")
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
            out.write(_stopped(stop.interrupted, number, 0 if saving.store is None else kept) + "\n")
            set_language(frame)
            _summary(drill_session, trainee, saving.store is not None, out)
            if stop.interrupted:
                raise KeyboardInterrupt from None
            return cards
        taken = drill_session.finish(session)
        cards.append(taken.saved_card())
        out.write("\n" + printable(format_scorecard(taken.card, language or scenario.language)) + "\n")
        mark = _("Drill mark: PASS (needs {mark})") if taken.passed else _("Drill mark: NOT YET (needs {mark})")
        out.write(mark.format(mark=drill.pass_marks.total) + "\n")
        drill_session.next_call()
    set_language(frame)
    _summary(drill_session, trainee, saving.store is not None, out)
    return cards


def _stopped(interrupted: bool, number: int, kept: int) -> str:
    """What became of a call stopped mid-way (``kept``: its turns saved, 0 when none are)."""
    if kept == 0:
        if interrupted:
            return _("Stopped with Ctrl-C before call {number} began; nothing of it is saved.").format(number=number)
        return _("Input ended before call {number} began; nothing of it is saved.").format(number=number)
    if interrupted:
        said = ngettext(
            "Stopped with Ctrl-C: call {number} is saved unfinished with its {kept} turn, and not scored.",
            "Stopped with Ctrl-C: call {number} is saved unfinished with its {kept} turns, and not scored.",
            kept,
        )
    else:
        said = ngettext(
            "Input ended: call {number} is saved unfinished with its {kept} turn, and not scored.",
            "Input ended: call {number} is saved unfinished with its {kept} turns, and not scored.",
            kept,
        )
    return said.format(number=number, kept=kept)


def _summary(drill_session: DrillSession, trainee: str, saving: bool, out: TextIO) -> None:
    passes = sum(1 for t in drill_session.taken if t.passed)
    tally = ngettext(
        "{trainee}: {passes} of {count} call passed", "{trainee}: {passes} of {count} calls passed", drill_session.count
    ).format(trainee=trainee, passes=passes, count=drill_session.count)
    verdict = _("drill passed") if drill_session.passed() else _("drill not passed yet")
    saved = _("results saved") if saving else _("results not saved (see the notice above)")
    line = _("=== {tally}; {verdict}; {saved} ===").format(tally=tally, verdict=verdict, saved=saved)
    out.write("\n" + printable(line) + "\n")
