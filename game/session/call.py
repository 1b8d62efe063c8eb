"""A call in progress, pygame-free: start it, take the trainee's turns, read the live card, finish it.

The window, the terminal console, the drill console, replay and "Watch a pro" all play a call through
this one object, so a call scores the same however it was taken. Turns come timed by the caller (the
window's clock) or at the natural pace ``replay`` uses (``play``). Taking a turn replaces the state in
one assignment, so the window may run it on its jobs thread and read the state meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from game.engine.record import CallRecord, Prosody, TraineeTurn
from game.engine.replay import Hear, timed_turn
from game.engine.scenario.models import Scenario, TranscriptTurn
from game.engine.state import CallState
from game.engine.step import DebtorLine, record_of, start_call, step
from scoring import Note, Rubric, Scorecard, live_chips, score_call


@dataclass(frozen=True)
class TurnResult:
    """What one trainee turn brought: the debtor's reply (None when the call ended without one), the
    live chips, and the live card's top notes when they were asked for."""

    state: CallState
    reply: DebtorLine | None
    chips: dict[str, bool]
    notes: tuple[Note, ...] = field(default_factory=tuple)


class CallSession:
    """One call of one scenario under one seed, judged by ``rubric`` (the scenario's own by default)."""

    def __init__(self, scenario: Scenario, seed: int = 0, rubric: Rubric | None = None) -> None:
        self.scenario = scenario
        self.seed = seed
        self.rubric = rubric
        self.state, self.opening = start_call(scenario, seed)

    @property
    def ended(self) -> bool:
        return self.state.ended

    @property
    def record(self) -> CallRecord:
        return record_of(self.state)

    def chips(self) -> dict[str, bool]:
        """Which parts of a good call are done so far."""
        return live_chips(self.record, self.scenario, self.rubric)

    def take(self, turn: TraineeTurn, *, notes: bool = False) -> TurnResult:
        """The trainee's turn, timed by the caller; ``notes``: also judge the call so far (the coach)."""
        state, reply, _events = step(self.scenario, self.state, turn)
        record = record_of(state)
        found = score_call(record, self.scenario, self.rubric, live=True).top_notes if notes else ()
        result = TurnResult(state, reply, live_chips(record, self.scenario, self.rubric), found)
        self.state = state
        return result

    def play(self, turn: TranscriptTurn, text: str | None = None, prosody: Prosody | None = None) -> TurnResult:
        """A scripted or typed turn at the natural pace (replay, consoles, the demo); ``text`` overrides
        the turn's own words (a recognised ``audio:`` turn)."""
        said = (turn.say or "") if text is None else text
        return self.take(timed_turn(self.state, turn, said, prosody))

    def finish(self) -> Scorecard:
        """The call's scorecard (a call still going is judged as it stands)."""
        return score_call(self.record, self.scenario, self.rubric)

    def live_card(self) -> Scorecard:
        """The scorecard of the call so far, marked as in progress (a call stopped before its end)."""
        return score_call(self.record, self.scenario, self.rubric, live=True)


def hear_turn(turn: TranscriptTurn, hear: Hear | None, base: Path | None) -> tuple[str, Prosody | None]:
    """The words of a transcript turn: said, or recognised from its ``audio:`` file."""
    if turn.audio is None:
        return turn.say or "", None
    if hear is None:
        raise ValueError("this transcript has audio turns, but no recogniser was given")
    path = Path(turn.audio)
    return hear(path if path.is_absolute() or base is None else base / path)


def play_script(
    session: CallSession,
    turns: Iterable[TranscriptTurn],
    *,
    hear: Hear | None = None,
    base: Path | None = None,
    on_line: Callable[[DebtorLine], None] | None = None,
) -> CallRecord:
    """Play a transcript's turns in order until the call ends (``replay``); ``hear`` recognises
    ``audio:`` turns, relative to ``base``."""
    if on_line:
        on_line(session.opening)
    for turn in turns:
        if session.ended:
            break
        text, prosody = hear_turn(turn, hear, base)
        result = session.play(turn, text, prosody)
        if result.reply is not None and on_line:
            on_line(result.reply)
    return session.record
