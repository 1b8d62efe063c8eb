"""Taking a drill in the terminal: its calls in order, each saved turn by turn and scored at the end.

Every turn is saved as it happens, so a crash loses at most the line being typed; the finished call is
saved with its record and scorecard in one transaction. At the end of input, or on Ctrl-C, the drill
stops: a call still in progress keeps its saved turns and stays unfinished (never scored as if the
trainee had hung up), and Ctrl-C then reaches the command line as KeyboardInterrupt (exit 130).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TextIO

from game.console import CallStopped, play_console
from game.drills import Drill, call_passes, drill_scenarios
from game.engine.plain_text import printable
from game.engine.record import CallRecord
from game.engine.scenario import load_scenario
from game.store.store import ResultStore, StoreError

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class _Saver:
    """Saves a drill's calls as they happen. When the store fails (a full disk, a read-only folder, a
    server gone) it says so once and the drill goes on unsaved; what was saved before stays as it was."""

    def __init__(self, store: ResultStore | None, out: TextIO) -> None:
        self.store = store
        self.out = out
        self.call_id: int | None = None
        self.saved = 0

    def _guard(self, action: Callable[[ResultStore], None]) -> None:
        if self.store is None:
            return
        try:
            action(self.store)
        except StoreError as err:
            self.store = None
            self.out.write(f"Notice: {err}; the drill goes on, but nothing more is saved.\n")

    def new_call(self) -> None:
        self.call_id, self.saved = None, 0

    def turns(self, record: CallRecord, begin: Callable[[ResultStore], int]) -> None:
        """Save the turns not saved yet, beginning the call in the store with its first exchange."""

        def save(store: ResultStore) -> None:
            if self.call_id is None:
                self.call_id = begin(store)
            for index in range(self.saved, len(record.turns)):
                store.save_turn(self.call_id, index, record.turns[index].as_dict())
            self.saved = len(record.turns)

        self._guard(save)

    def finish(self, record: CallRecord, card: dict[str, Any], at: dt.datetime, passed: bool) -> None:
        def finish(store: ResultStore) -> None:
            if self.call_id is not None:
                store.finish_call(self.call_id, record.as_dict(), card, at, passed=passed)

        self._guard(finish)


def run_drill_console(
    drill: Drill,
    trainee: str,
    store: ResultStore | None,
    lines_in: TextIO,
    out: TextIO,
    *,
    clock: Clock = _utc_now,
) -> list[dict[str, Any]]:
    """Play the drill's calls against ``lines_in``; returns each finished call's scorecard.

    ``store`` None plays the drill unsaved (the caller has said why).
    """
    from scoring import format_scorecard, load_rubric, score_call

    rubric = load_rubric(drill.rubric)
    saver = _Saver(store, out)
    cards: list[dict[str, Any]] = []
    ids = drill_scenarios(drill)
    out.write(f"=== Drill: {drill.title} ({len(ids)} calls) for {trainee} ===\n")
    for number, scenario_id in enumerate(ids, start=1):
        scenario = load_scenario(scenario_id)
        seed = drill.seed + number - 1
        started = clock()
        saver.new_call()

        def begin(store: ResultStore, about: tuple[str, int, dt.datetime] = (scenario.id, seed, started)) -> int:
            return store.begin_call(trainee, drill.name, about[0], about[1], rubric.name, about[2])

        def save_new_turns(record: CallRecord, begin: Callable[[ResultStore], int] = begin) -> None:
            saver.turns(record, begin)

        out.write(f"\n--- Call {number} of {len(ids)} ---\n")
        try:
            record = play_console(scenario, lines_in, out, seed=seed, on_turn=save_new_turns, end_hangs_up=False)
        except CallStopped as stop:
            how = "Stopped with Ctrl-C" if stop.interrupted else "Input ended"
            if saver.call_id is None:
                out.write(f"{how} before call {number} began; nothing of it is saved.\n")
            else:
                save_new_turns(stop.record)
                kept = f"saved unfinished with its {saver.saved} turns" if saver.store else "unfinished"
                out.write(f"{how}: call {number} is {kept}, and not scored.\n")
            _summary(trainee, cards, len(ids), saver.store is not None, out)
            if stop.interrupted:
                raise KeyboardInterrupt from None
            return cards
        save_new_turns(record)
        scorecard = score_call(record, scenario, rubric)
        card = scorecard.as_dict()
        passed = call_passes(drill, card)
        card["drill_passed"] = passed
        saver.finish(record, card, clock(), passed)
        cards.append(card)
        out.write("\n" + printable(format_scorecard(scorecard)) + "\n")
        out.write(f"Drill mark: {'PASS' if passed else 'NOT YET'} (needs {drill.pass_marks.total})\n")
    _summary(trainee, cards, len(ids), saver.store is not None, out)
    return cards


def _summary(trainee: str, cards: list[dict[str, Any]], calls: int, saving: bool, out: TextIO) -> None:
    passed_all = len(cards) == calls and all(c["drill_passed"] for c in cards)
    out.write(f"\n=== {trainee}: {sum(c['drill_passed'] for c in cards)} of {calls} calls passed; ")
    out.write(f"drill {'passed' if passed_all else 'not passed yet'}; ")
    out.write("results saved ===\n" if saving else "results not saved (see the notice above) ===\n")
