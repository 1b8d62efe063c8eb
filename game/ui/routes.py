"""Where a scene may send the trainee, as data; the scenes register how each place is opened.

A scene asks to go somewhere (``scene.go(routes.Scorecard(...))``) instead of building the next scene
itself, so no scene module imports another scene module and the scenes form no import loop. Each scene
module registers its own opener with ``opens``; ``game.ui.scenes`` imports them all once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from game.drills import Drill
from game.engine.record import CallRecord
from game.engine.scenario import Scenario
from scoring import Scorecard as Card

if TYPE_CHECKING:
    from game.ui.case_run import CaseRun
    from game.ui.drill_run import DrillRun
    from game.ui.scene import Kit, Scene


@dataclass(frozen=True)
class Menu:
    """The main menu."""


@dataclass(frozen=True)
class Picker:
    """The list of personas to practise on."""


@dataclass(frozen=True)
class Drills:
    """The list of drills."""


@dataclass(frozen=True)
class Progress:
    """The trainee's progress over time."""


@dataclass(frozen=True)
class Settings:
    """Settings."""


@dataclass(frozen=True)
class Calibration:
    """The one-time voice calibration."""


@dataclass(frozen=True)
class Briefing:
    """A call's briefing (in a drill: the drill's next graded call)."""

    scenario: Scenario
    drill: DrillRun | None = None


@dataclass(frozen=True)
class Call:
    """A call in progress (in a drill: the drill's current call)."""

    scenario: Scenario
    seed: int = 0
    drill: DrillRun | None = None


@dataclass(frozen=True)
class Demo:
    """Watch a pro (``kind`` "pro") or a poor call ("poor")."""

    scenario: Scenario
    kind: str = "pro"


@dataclass(frozen=True)
class Scorecard:
    """The scorecard of a finished call (``demo``: the kind of demonstration it was)."""

    scenario: Scenario
    record: CallRecord
    card: Card
    seed: int = 0
    drill: DrillRun | None = None
    demo: str | None = None
    highlights: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DrillStart:
    """A drill's marks and the trainee's name."""

    drill: Drill


@dataclass(frozen=True)
class Leaderboard:
    """A drill's leaderboard."""

    drill: Drill


@dataclass(frozen=True)
class DrillSummary:
    """How a drill went, call by call."""

    run: DrillRun


@dataclass(frozen=True)
class Cases:
    """The list of cases: one debtor over several calls."""


@dataclass(frozen=True)
class CaseFile:
    """A case's file before its next call, and the choice of when to call."""

    run: CaseRun


@dataclass(frozen=True)
class CaseCall:
    """A case's call placed at ``at`` (caller's time, "YYYY-MM-DD HH:MM") and answered."""

    run: CaseRun
    at: str


@dataclass(frozen=True)
class CaseNote:
    """The case note after a call placed at ``at`` (``record``: None when nobody answered)."""

    run: CaseRun
    at: str
    record: CallRecord | None = None


@dataclass(frozen=True)
class CaseScorecard:
    """The case scorecard: the calls, the notes and the timing together."""

    run: CaseRun


R = TypeVar("R")
Opener = Callable[["Kit", Any], "Scene"]
_OPENERS: dict[type, Opener] = {}


def opens(route: type[R]) -> Callable[[Callable[[Kit, R], Scene]], Callable[[Kit, R], Scene]]:
    """Register how the scenes open ``route``."""

    def register(opener: Callable[[Kit, R], Scene]) -> Callable[[Kit, R], Scene]:
        _OPENERS[route] = opener
        return opener

    return register


def open_route(kit: Kit, route: object) -> Scene:
    """The scene for ``route``."""
    try:
        opener = _OPENERS[type(route)]
    except KeyError:
        raise LookupError(f"no scene opens {type(route).__name__}") from None
    return opener(kit, route)
