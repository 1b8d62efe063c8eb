"""Playing a call in the terminal: debtor lines printed, trainee lines read from a stream.

An empty line means the trainee stays silent (a few seconds, enough to let a silence work); the end
of input means the trainee hangs up. Timing is the natural pace of ``replay``, so a console call
scores the same as the same lines replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TextIO

from game.engine.record import CallRecord
from game.engine.replay import timed_turn
from game.engine.scenario.models import Scenario, TranscriptTurn
from game.engine.step import DebtorLine, record_of, start_call, step

SILENCE_SECONDS = 4.0  # at least; a persona that waits longer before an offer gets its own wait


class LineSource(Protocol):
    """Anything with readline: a terminal, a pipe, a file."""

    def readline(self) -> str: ...


def _show(line: DebtorLine, name: str, out: TextIO) -> None:
    suffix = "  [hangs up]" if line.hangs_up else ""
    out.write(f"{name}: {line.text}{suffix}\n")
    out.flush()


def play_console(
    scenario: Scenario,
    lines_in: LineSource,
    out: TextIO,
    seed: int = 0,
    *,
    on_turn: Callable[[CallRecord], None] | None = None,
) -> CallRecord:
    """Run one call against ``lines_in``; ``on_turn`` sees the record after every exchange."""
    speaker = scenario.persona.name or scenario.account.debtor_name
    account = scenario.account
    out.write(f"--- {scenario.title}: calling {account.debtor_name} for {account.creditor} ---\n")
    out.write("(type your lines; an empty line stays silent; end of input hangs up)\n")
    after_ask = scenario.persona.after_ask
    silence = max(SILENCE_SECONDS, after_ask.quiet_seconds + 0.5 if after_ask else 0.0)
    state, line = start_call(scenario, seed)
    _show(line, speaker, out)
    while not state.ended:
        out.write("you> ")
        out.flush()
        raw = lines_in.readline()
        if raw == "":
            turn = TranscriptTurn(hangup=True)
            out.write("\n")
        elif raw.strip() == "":
            turn = TranscriptTurn(wait=silence)
        else:
            turn = TranscriptTurn(say=raw.strip())
        state, reply, _ = step(scenario, state, timed_turn(state, turn, turn.say or ""))
        if reply is not None:
            _show(reply, speaker, out)
        if on_turn:
            on_turn(record_of(state))
    return record_of(state)
