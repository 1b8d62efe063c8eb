"""The next call a trainee should take: the easiest not yet passed, or the persona for their weakest principle."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from game.store.catalogue import ScenarioSummary, scenario_catalogue
from game.store.next_call import NextCall, recommend_next, weakest_principle

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
CORE = ("calm_tone", "repeat_amount", "commitment", "stay_quiet", "politeness")


@dataclass(frozen=True)
class Taken:
    scenario: str
    passed: bool
    total: int
    started_at: dt.datetime
    principles: dict[str, int] = field(default_factory=dict)


def taken(scenario: str, day: int, passed: bool, **low: int) -> Taken:
    scores = {p: low.get(p, 85) for p in CORE}
    return Taken(scenario, passed, round(sum(scores.values()) / 5), T0 + dt.timedelta(days=day), scores)


SHIPPED = list(scenario_catalogue().values())


def test_a_new_trainee_starts_with_the_easiest_call() -> None:
    assert recommend_next(SHIPPED, []) == NextCall("cooperative-retiree", "first_call")


def test_failing_a_difficulty_2_call_never_leads_to_a_difficulty_5_one() -> None:
    history = [taken("cooperative-retiree", 0, True), taken("cooperative-night-nurse", 1, True),
               taken("angry-contractor", 2, False, calm_tone=20)]  # fmt: skip
    choice = recommend_next(SHIPPED, history)
    assert choice == NextCall("angry-contractor", "weakest_principle", "calm_tone")
    by_id = {s.id: s for s in SHIPPED}
    assert by_id[choice.scenario].difficulty <= 2


def test_without_a_weakness_the_easiest_call_not_yet_passed_comes_next() -> None:
    history = [taken("cooperative-retiree", 0, True), taken("cooperative-night-nurse", 1, True)]
    assert recommend_next(SHIPPED, history) == NextCall("mri-bill-after-validation", "easiest_not_passed")


def test_a_weakness_no_persona_trains_in_particular_falls_back_to_the_easiest_not_passed() -> None:
    history = [taken("cooperative-retiree", 0, False, repeat_amount=30)]
    assert weakest_principle(history) == "repeat_amount"
    assert recommend_next(SHIPPED, history) == NextCall("cooperative-retiree", "easiest_not_passed")


def test_the_weakest_principle_reads_recent_calls_and_only_counts_below_the_mark() -> None:
    old_weak = [taken("angry-contractor", day, False, calm_tone=20) for day in range(5)]
    recent_good = [taken("angry-contractor", 10 + day, True) for day in range(5)]
    assert weakest_principle(old_weak) == "calm_tone"
    assert weakest_principle(old_weak + recent_good) is None


def test_when_everything_is_passed_the_lowest_best_total_is_polished() -> None:
    scenarios = [ScenarioSummary("a", "A", 1, "cooperative", True, frozenset()),
                 ScenarioSummary("b", "B", 2, "angry", True, frozenset({"calm_tone"}))]  # fmt: skip
    history = [taken("a", 0, True), Taken("b", True, 72, T0, dict.fromkeys(CORE, 72))]
    assert recommend_next(scenarios, history) == NextCall("b", "all_passed")
    assert recommend_next([], history) is None


def test_the_choice_is_pure_and_the_same_every_time() -> None:
    history = [taken("cooperative-retiree", 0, False, politeness=50)]
    first = recommend_next(SHIPPED, history)
    assert all(recommend_next(list(reversed(SHIPPED)), list(reversed(history))) == first for _ in range(3))



def test_a_trainee_is_offered_calls_in_the_languages_they_play() -> None:
    language = {s.id: s.language for s in SHIPPED}
    english = recommend_next(SHIPPED, [taken("cooperative-retiree", 0, True)])
    chinese = recommend_next(SHIPPED, [taken("cooperative-night-nurse-zh", 0, True)])
    assert english is not None and chinese is not None
    assert (language[english.scenario], language[chinese.scenario]) == ("en", "zh")
    first = recommend_next(SHIPPED, [])
    assert first is not None and language[first.scenario] == "en"
