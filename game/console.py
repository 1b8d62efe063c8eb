"""Playing a call in the terminal: debtor lines printed, trainee lines read from a stream.

An empty line means the trainee stays silent (a few seconds, enough to let a silence work); the end
of input means the trainee hangs up. Timing is the natural pace of ``replay``, so a console call
scores the same as the same lines replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TextIO

from game.engine.record import CallRecord
from game.engine.scenario.models import TranscriptTurn
from game.engine.step import DebtorLine
from game.session import CallSession

SILENCE_SECONDS = 4.0  # at least; a persona that waits longer before an offer gets its own wait


class LineSource(Protocol):
    """Anything with readline: a terminal, a pipe, a file."""

    def readline(self) -> str: ...


def _show(line: DebtorLine, name: str, out: TextIO) -> None:
    suffix = "  [hangs up]" if line.hangs_up else ""
    out.write(f"{name}: {line.text}{suffix}\n")
    out.flush()


def play_console(
    session: CallSession,
    lines_in: LineSource,
    out: TextIO,
    *,
    on_turn: Callable[[CallSession], None] | None = None,
) -> CallRecord:
    """Run the session's call against ``lines_in``; ``on_turn`` sees the session after every exchange."""
    scenario = session.scenario
    speaker = scenario.persona.name or scenario.account.debtor_name
    account = scenario.account
    out.write(f"--- {scenario.title}: calling {account.debtor_name} for {account.creditor} ---\n")
    out.write("(type your lines; an empty line stays silent; end of input hangs up)\n")
    after_ask = scenario.persona.after_ask
    silence = max(SILENCE_SECONDS, after_ask.quiet_seconds + 0.5 if after_ask else 0.0)
    _show(session.opening, speaker, out)
    while not session.ended:
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
        reply = session.play(turn).reply
        if reply is not None:
            _show(reply, speaker, out)
        if on_turn:
            on_turn(session)
    return session.record
