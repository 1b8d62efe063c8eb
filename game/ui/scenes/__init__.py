"""The window's scenes, one per file; importing this package registers how each place is opened."""

from game.ui.scenes import (
    briefing,
    calibration,
    call,
    demo,
    drill_start,
    drill_summary,
    drills,
    leaderboard,
    menu,
    picker,
    progress,
    scorecard,
    settings,
)

__all__ = [
    "briefing",
    "calibration",
    "call",
    "demo",
    "drill_start",
    "drill_summary",
    "drills",
    "leaderboard",
    "menu",
    "picker",
    "progress",
    "scorecard",
    "settings",
]
