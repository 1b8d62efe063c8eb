"""The state of one call in progress: a frozen value, changed only by copy."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.record import Commitment, Mood, Turn


@dataclass(frozen=True)
class CallState:
    """Everything the engine remembers between turns; ``step`` returns a new one each turn."""

    scenario_id: str
    seed: int
    mood: Mood
    stage: str = "opening"
    turns: tuple[Turn, ...] = ()
    clock: float = 0.0
    acts_seen: frozenset[str] = frozenset()
    used_lines: frozenset[str] = frozenset()  # every debtor line spoken, as said: never said twice
    excuses_raised: tuple[str, ...] = ()
    excuses_defeated: frozenset[str] = frozenset()
    active_excuse: str | None = None
    awaiting_after_ask: bool = False
    quiet_done: bool = False
    abused: bool = False
    disputed: bool = False
    commitment: Commitment | None = None
    agreed: frozenset[str] = frozenset()  # items of the promise (amount, date, method) someone has said
    silent_for: float = 0.0  # seconds of dead air since the trainee last spoke
    asked_if_there: bool = False  # the debtor asked "are you there?" during this dead air
    waited: bool = False  # and then said it was waiting: the next silence ends the call
    asked_amount: float | None = None  # the terms the trainee asked for, remembered for the promise
    asked_date: str | None = None
    asked_method: str | None = None
    ended: bool = False
    ended_by: str | None = None
    events: tuple[str, ...] = field(default_factory=tuple)

    @property
    def trainee_turns(self) -> int:
        return sum(1 for t in self.turns if t.speaker == "trainee")

    @property
    def debtor_speaking_until(self) -> float:
        """When the debtor's last line ends: a trainee line starting before it is an interruption."""
        for turn in reversed(self.turns):
            if turn.speaker == "debtor":
                return turn.end
        return 0.0
