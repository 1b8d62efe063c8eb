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
from game.store.store import ResultStore

Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def run_drill_console(
    drill: Drill,
    trainee: str,
    store: ResultStore,
    lines_in: TextIO,
    out: TextIO,
    *,
    clock: Clock = _utc_now,
) -> list[dict[str, Any]]:
    """Play the drill's calls against ``lines_in``; returns each finished call's scorecard."""
    from scoring import format_scorecard, load_rubric, score_call

    rubric = load_rubric(drill.rubric)
    cards: list[dict[str, Any]] = []
    ids = drill_scenarios(drill)
    out.write(f"=== Drill: {drill.title} ({len(ids)} calls) for {trainee} ===\n")
    for number, scenario_id in enumerate(ids, start=1):
        scenario = load_scenario(scenario_id)
        seed = drill.seed + number - 1
        started = clock()
        call_id: int | None = None  # begun in the store with the trainee's first answer, not before
        saved = 0

        about = (scenario.id, seed, started)

        def save_new_turns(record: CallRecord, about: tuple[str, int, dt.datetime] = about) -> None:
            nonlocal call_id, saved
            if call_id is None:
                scenario_id, call_seed, began = about
                call_id = store.begin_call(trainee, drill.name, scenario_id, call_seed, rubric.name, began)
            for index in range(saved, len(record.turns)):
                store.save_turn(call_id, index, record.turns[index].as_dict())
            saved = len(record.turns)

        out.write(f"\n--- Call {number} of {len(ids)} ---\n")
        try:
            record = play_console(scenario, lines_in, out, seed=seed, on_turn=save_new_turns, end_hangs_up=False)
        except CallStopped as stop:
            how = "Stopped with Ctrl-C" if stop.interrupted else "Input ended"
            if call_id is None:
                out.write(f"{how} before call {number} began; nothing of it is saved.\n")
            else:
                save_new_turns(stop.record)
                out.write(f"{how}: call {number} is saved unfinished with its {saved} turns, and not scored.\n")
            _summary(trainee, cards, len(ids), out)
            if stop.interrupted:
                raise KeyboardInterrupt from None
            return cards
        save_new_turns(record)
        assert call_id is not None  # the call ended, so at least its first exchange was saved
        scorecard = score_call(record, scenario, rubric)
        card = scorecard.as_dict()
        passed = call_passes(drill, card)
        card["drill_passed"] = passed
        store.finish_call(call_id, record.as_dict(), card, clock(), passed=passed)
        cards.append(card)
        out.write("\n" + printable(format_scorecard(scorecard)) + "\n")
        out.write(f"Drill mark: {'PASS' if passed else 'NOT YET'} (needs {drill.pass_marks.total})\n")
    _summary(trainee, cards, len(ids), out)
    return cards


def _summary(trainee: str, cards: list[dict[str, Any]], calls: int, out: TextIO) -> None:
    passed_all = len(cards) == calls and all(c["drill_passed"] for c in cards)
    out.write(f"\n=== {trainee}: {sum(c['drill_passed'] for c in cards)} of {calls} calls passed; ")
    out.write(f"drill {'passed' if passed_all else 'not passed yet'}; results saved ===\n")
