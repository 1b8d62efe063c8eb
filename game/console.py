"""Playing a call in the terminal: debtor lines printed, trainee lines read from a stream.

An empty line means the trainee stays silent (a few seconds, enough to let a silence work); the end
of input means the trainee hangs up (or, where the caller asks, that the call stops unfinished). Ctrl-C
stops the call where it is: ``CallStopped`` carries the record so far, so no turn is lost. Timing is
the natural pace of ``replay``, so a console call scores the same as the same lines replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TextIO

from game.engine.plain_text import clean_line, printable
from game.engine.record import CallRecord
from game.engine.scenario.models import TranscriptTurn
from game.engine.step import DebtorLine
from game.i18n import _
from game.session import CallSession

SILENCE_SECONDS = 4.0  # at least; a persona that waits longer before an offer gets its own wait


class CallStopped(Exception):
    """The call stopped before it ended: Ctrl-C (``interrupted``) or, where asked, the end of input."""

    def __init__(self, record: CallRecord, *, interrupted: bool) -> None:
        super().__init__("the call was stopped before it ended")
        self.record = record
        self.interrupted = interrupted


class LineSource(Protocol):
    """Anything with readline: a terminal, a pipe, a file."""

    def readline(self) -> str: ...


def _show(line: DebtorLine, name: str, out: TextIO) -> None:
    shown = _("{name}: {line}  [hangs up]") if line.hangs_up else _("{name}: {line}")
    out.write(printable(shown.format(name=name, line=line.text) + "\n"))
    out.flush()


def play_console(
    session: CallSession,
    lines_in: LineSource,
    out: TextIO,
    *,
    on_turn: Callable[[CallSession], None] | None = None,
    end_hangs_up: bool = True,
) -> CallRecord:
    """Run the session's call against ``lines_in``; ``on_turn`` sees the session after every exchange.

    Raises CallStopped on Ctrl-C, and at the end of input when ``end_hangs_up`` is false.
    """
    scenario = session.scenario
    speaker = scenario.persona.name or scenario.account.debtor_name
    account = scenario.account
    heading = _("--- {title}: calling {debtor} for {creditor} ---").format(
        title=scenario.title, debtor=account.debtor_name, creditor=account.creditor
    )
    out.write(printable(heading) + "\n")
    if end_hangs_up:
        out.write(_("(type your lines; an empty line stays silent; the end of input hangs up)") + "\n")
    else:
        out.write(_("(type your lines; an empty line stays silent; the end of input stops the call unfinished)") + "\n")
    after_ask = scenario.persona.after_ask
    silence = max(SILENCE_SECONDS, after_ask.quiet_seconds + 0.5 if after_ask else 0.0)
    _show(session.opening, speaker, out)
    for before in session.record.turns[1:]:  # a call taken up where it stopped: what was said before
        line = f"you> {before.text}" if before.speaker == "trainee" else f"{speaker}: {before.text}"
        out.write(printable(line + "\n"))
    try:
        while not session.ended:
            out.write(_("you> "))
            out.flush()
            raw = lines_in.readline()
            said = clean_line(raw)
            if raw == "":
                out.write("\n")
                if not end_hangs_up:
                    raise CallStopped(session.record, interrupted=False)
                turn = TranscriptTurn(hangup=True)
            elif not said:
                turn = TranscriptTurn(wait=silence)
            else:
                turn = TranscriptTurn(say=said)
            reply = session.play(turn).reply
            if reply is not None:
                _show(reply, speaker, out)
            if on_turn:
                on_turn(session)
    except KeyboardInterrupt:
        raise CallStopped(session.record, interrupted=True) from None
    return session.record
