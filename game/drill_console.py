"""Taking a drill in the terminal: its calls in order, each saved turn by turn and scored at the end.

The drill session does the saving (every turn as it happens, the finished call with its record and
scorecard together). At the end of input the current call ends as if the trainee hung up, and the drill
stops there, saved.
"""

from __future__ import annotations

from typing import Any, TextIO

from game.console import play_console
from game.drills import Drill
from game.engine.scenario import load_scenario
from game.engine.scenario.models import Scenario
from game.session import CallStore, DrillSession
from game.session.drill import Clock, utc_now
from scoring import format_scorecard


class _Lines:
    """A line source that remembers when it ran dry."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.ended = False

    def readline(self) -> str:
        line = self.stream.readline()
        self.ended = self.ended or line == ""
        return line


def _find(scenario_id: str) -> Scenario | None:
    return load_scenario(scenario_id)


def run_drill_console(
    drill: Drill,
    trainee: str,
    store: CallStore,
    lines_in: TextIO,
    out: TextIO,
    *,
    clock: Clock = utc_now,
) -> list[dict[str, Any]]:
    """Play the drill's calls against ``lines_in``; returns each finished call's scorecard as saved."""
    drill_session = DrillSession(drill, trainee, store, _find, clock=clock)
    source = _Lines(lines_in)
    cards: list[dict[str, Any]] = []
    out.write(f"=== Drill: {drill.title} ({drill_session.count} calls) for {trainee} ===\n")
    while drill_session.scenario() is not None:
        out.write(f"\n--- Call {drill_session.number} of {drill_session.count} ---\n")
        session = drill_session.dial()
        play_console(session, source, out, on_turn=drill_session.turns_changed)
        taken = drill_session.finish(session)
        cards.append(taken.saved_card())
        out.write("\n" + format_scorecard(taken.card) + "\n")
        out.write(f"Drill mark: {'PASS' if taken.passed else 'NOT YET'} (needs {drill.pass_marks.total})\n")
        if source.ended:
            break
        drill_session.next_call()
    passes = sum(1 for t in drill_session.taken if t.passed)
    out.write(f"\n=== {trainee}: {passes} of {drill_session.count} calls passed; ")
    out.write(f"drill {'passed' if drill_session.passed() else 'not passed yet'}; results saved ===\n")
    return cards
