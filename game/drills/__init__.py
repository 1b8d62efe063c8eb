"""Drills: the sets of scored calls a team lead assigns, read from YAML and validated like scenarios."""

from game.drills.loader import (
    DrillError,
    call_passes,
    drill_dirs,
    drill_scenarios,
    drill_summary,
    find_drills,
    load_drill,
    validate_drill,
)
from game.drills.models import PRINCIPLES, Drill

__all__ = [
    "PRINCIPLES",
    "Drill",
    "DrillError",
    "call_passes",
    "drill_dirs",
    "drill_scenarios",
    "drill_summary",
    "find_drills",
    "load_drill",
    "validate_drill",
]
