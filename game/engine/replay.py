"""Play a scripted trainee side against a scenario: the one loop behind replay, console and tests."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from game.engine.record import CallRecord, Prosody, TraineeTurn
from game.engine.scenario.models import Scenario, TranscriptTurn
from game.engine.state import CallState
from game.engine.step import DebtorLine, record_of, speech_seconds, start_call, step
from game.engine.transcript import NATURAL_GAP, TRAINEE_WPM

Hear = Callable[[Path], tuple[str, Prosody | None]]


def timed_turn(state: CallState, turn: TranscriptTurn, text: str, prosody: Prosody | None = None) -> TraineeTurn:
    """Times for a scripted turn: right after the debtor by default, mid-line when interrupting."""
    last_end = state.debtor_speaking_until
    if turn.hangup:
        return TraineeTurn(text="", start=last_end + NATURAL_GAP, end=last_end + NATURAL_GAP, hangup=True)
    if turn.wait is not None:
        return TraineeTurn(text="", start=last_end, end=last_end + turn.wait)
    start = last_end + NATURAL_GAP
    if turn.interrupt:
        debtor = next(t for t in reversed(state.turns) if t.speaker == "debtor")
        start = debtor.start + (debtor.end - debtor.start) / 2
    end = start + speech_seconds(text, TRAINEE_WPM)
    return TraineeTurn(text=text, start=start, end=end, interrupt=turn.interrupt, prosody=prosody)


def replay(
    scenario: Scenario,
    turns: Iterable[TranscriptTurn],
    seed: int = 0,
    *,
    hear: Hear | None = None,
    base: Path | None = None,
    on_line: Callable[[DebtorLine], None] | None = None,
) -> CallRecord:
    """Run the turns in order until the call ends; ``hear`` recognises ``audio:`` turns."""
    state, line = start_call(scenario, seed)
    if on_line:
        on_line(line)
    for turn in turns:
        if state.ended:
            break
        text, prosody = turn.say or "", None
        if turn.audio is not None:
            if hear is None:
                raise ValueError("this transcript has audio turns, but no recogniser was given")
            path = Path(turn.audio)
            text, prosody = hear(path if path.is_absolute() or base is None else base / path)
        state, reply, _ = step(scenario, state, timed_turn(state, turn, text, prosody))
        if reply is not None and on_line:
            on_line(reply)
    return record_of(state)
