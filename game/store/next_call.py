"""Which call a trainee should take next: a pure function of the scenarios and their own saved calls.

The rule, in the order it is tried:

1. ``first_call``: nothing saved yet, so the easiest scenario.
2. ``weakest_principle``: the trainee's weakest principle (their average over their last
   ``RECENT_CALLS`` scores of it) is below the pass mark and a scenario within reach trains it; the
   easiest such scenario not yet passed, else the easiest such one.
3. ``easiest_not_passed``: the easiest scenario the trainee has not passed yet.
4. ``all_passed``: every scenario passed; the one with the lowest best total, to polish.

"Within reach" is at most one difficulty step above the hardest call the trainee has passed (and
difficulty 1 before any pass), so failing a difficulty-2 call never leads to a difficulty-5 one.
Ties go to the lower difficulty, then the scenario id, so the choice is the same every time.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from game.store.catalogue import ScenarioSummary

PASS_MARK = 70
RECENT_CALLS = 5


class PastCall(Protocol):
    """What the choice reads of a saved call; ``game.store.ResultRow`` is one."""

    @property
    def scenario(self) -> str: ...
    @property
    def passed(self) -> bool: ...
    @property
    def total(self) -> int: ...
    @property
    def principles(self) -> Mapping[str, int]: ...
    @property
    def started_at(self) -> dt.datetime: ...


@dataclass(frozen=True)
class NextCall:
    """The scenario to take next, the reason's key (see the module docstring) and, for
    ``weakest_principle``, the principle it trains."""

    scenario: str
    reason: str
    principle: str | None = None


def weakest_principle(history: Sequence[PastCall], pass_mark: int = PASS_MARK) -> str | None:
    """The principle with the lowest recent average when that average is below ``pass_mark``, else None."""
    recent: dict[str, list[int]] = defaultdict(list)
    for call in sorted(history, key=lambda c: c.started_at, reverse=True):
        for name, score in call.principles.items():
            if len(recent[name]) < RECENT_CALLS:
                recent[name].append(score)
    averages = {name: sum(s) / len(s) for name, s in recent.items()}
    if not averages:
        return None
    weakest = min(sorted(averages), key=lambda name: averages[name])
    return weakest if averages[weakest] < pass_mark else None


def _easiest(scenarios: Iterable[ScenarioSummary]) -> ScenarioSummary | None:
    return min(scenarios, key=lambda s: (s.difficulty, s.title, s.id), default=None)


def _in_their_languages(scenarios: Sequence[ScenarioSummary], history: Sequence[PastCall]) -> list[ScenarioSummary]:
    """The scenarios in the languages the trainee has played (English before any call): a trainee is
    not sent to a call in a language they have not chosen."""
    language_of = {s.id: s.language for s in scenarios}
    spoken = {language_of[c.scenario] for c in history if c.scenario in language_of} or {"en"}
    return [s for s in scenarios if s.language in spoken] or list(scenarios)


def recommend_next(
    scenarios: Sequence[ScenarioSummary], history: Sequence[PastCall], pass_mark: int = PASS_MARK
) -> NextCall | None:
    """The next call for a trainee.

    ``scenarios``: the scenarios on offer (``game.store.catalogue.scenario_catalogue().values()``).
    ``history``: the trainee's own calls played to their end, in any order
    (``ResultStore.results(trainee=NAME)``); unfinished calls are not in it.
    ``pass_mark``: the score a principle must reach; below it, it is a weakness to train.
    Returns None only when there are no scenarios. Pure: no clock, no files, no store.
    """
    if not scenarios:
        return None
    scenarios = _in_their_languages(scenarios, history)
    if not history:
        first = _easiest(scenarios)
        assert first is not None
        return NextCall(first.id, "first_call")
    passed = {c.scenario for c in history if c.passed}
    open_ = [s for s in scenarios if s.id not in passed]
    reach = max((s.difficulty for s in scenarios if s.id in passed), default=0) + 1
    weakest = weakest_principle(history, pass_mark)
    if weakest is not None:
        training = [s for s in scenarios if weakest in s.trains and s.difficulty <= reach]
        choice = _easiest(s for s in training if s.id not in passed) or _easiest(training)
        if choice is not None:
            return NextCall(choice.id, "weakest_principle", weakest)
    choice = _easiest(open_)
    if choice is not None:
        return NextCall(choice.id, "easiest_not_passed")
    best: dict[str, int] = {}
    for call in history:
        best[call.scenario] = max(best.get(call.scenario, 0), call.total)
    polish = min(scenarios, key=lambda s: (best.get(s.id, 0), s.difficulty, s.id))
    return NextCall(polish.id, "all_passed")
