"""Each principle over time per persona: a day's average per scenario and principle.

One grouping for every source of scores, so the results store (a trainee's drill calls) and the
window's own saved calls draw the same chart from the same numbers. Pure: no clock, no files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProgressPoint:
    """One trainee's average on one principle, with one persona (scenario), on one day (UTC)."""

    scenario: str
    principle: str
    day: dt.date
    average: float
    calls: int


def daily_averages(scores: Iterable[tuple[str, dt.datetime, str, int]]) -> list[ProgressPoint]:
    """Points from ``(scenario, started_at, principle, score)`` rows, one per scenario, principle and
    UTC day (a time without a zone is taken as written), sorted by scenario, principle, then day."""
    groups: dict[tuple[str, str, dt.date], list[int]] = {}
    for scenario, started_at, principle, score in scores:
        day = (started_at.astimezone(dt.UTC) if started_at.tzinfo else started_at).date()
        groups.setdefault((scenario, principle, day), []).append(int(score))
    return [
        ProgressPoint(scenario, principle, day, sum(values) / len(values), len(values))
        for (scenario, principle, day), values in sorted(groups.items())
    ]
