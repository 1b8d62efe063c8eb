"""Taking a drill in the terminal: its calls in order, each saved turn by turn and scored at the end.

Every turn is saved as it happens, so a crash loses at most the line being typed; the finished call is
saved with its record and scorecard in one transaction. At the end of input the current call ends and
is saved as unfinished (kept whole, never counted as a result), and the drill stops there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TextIO

from game.console import play_console
from game.drills import Drill, call_passes, drill_scenarios
from game.engine.record import CallRecord
from game.engine.scenario import load_scenario
from game.store.store import ResultStore

Clock = Callable[[], dt.datetime]


class _Lines:
    """A line source that remembers when it ran dry."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.ended = False

    def readline(self) -> str:
        line = self.stream.readline()
        self.ended = self.ended or line == ""
        return line


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
    source = _Lines(lines_in)
    cards: list[dict[str, Any]] = []
    ids = drill_scenarios(drill)
    out.write(f"=== Drill: {drill.title} ({len(ids)} calls) for {trainee} ===\n")
    for number, scenario_id in enumerate(ids, start=1):
        scenario = load_scenario(scenario_id)
        seed = drill.seed + number - 1
        call_id = store.begin_call(trainee, drill.name, scenario.id, seed, rubric.name, clock())
        saved = 0

        def save_new_turns(record: CallRecord, call_id: int = call_id) -> None:
            nonlocal saved
            for index in range(saved, len(record.turns)):
                store.save_turn(call_id, index, record.turns[index].as_dict())
            saved = len(record.turns)

        out.write(f"\n--- Call {number} of {len(ids)} ---\n")
        record = play_console(scenario, source, out, seed=seed, on_turn=save_new_turns)
        scorecard = score_call(record, scenario, rubric)
        card = scorecard.as_dict()
        passed = call_passes(drill, card)
        card["drill_passed"] = passed
        store.finish_call(call_id, record.as_dict(), card, clock(), passed=passed, input_ended=source.ended)
        if source.ended:
            out.write("\nThe input ended during this call: it is saved as unfinished and not scored.\n")
            break
        cards.append(card)
        out.write("\n" + format_scorecard(scorecard) + "\n")
        out.write(f"Drill mark: {'PASS' if passed else 'NOT YET'} (needs {drill.pass_marks.total})\n")
    passed_all = len(cards) == len(ids) and all(c["drill_passed"] for c in cards)
    out.write(f"\n=== {trainee}: {sum(c['drill_passed'] for c in cards)} of {len(ids)} calls passed; ")
    out.write(f"drill {'passed' if passed_all else 'not passed yet'}; results saved ===\n")
    return cards
