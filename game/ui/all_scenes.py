"""Every scene module, imported once so that each registers how its place is opened (``game.ui.routes``)."""

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

SCENE_MODULES = (
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
