"""Drills in the window: the list, the trainee's name, the calls saved as they go, the summary, the board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.drills import Drill, load_drill
from game.session.phases import Phase
from game.store.store import ResultStore
from game.ui import app as app_module
from game.ui.app import App, run_drill
from game.ui.drill_run import DrillRun
from game.ui.scene import Scene
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.call import CallScene
from game.ui.scenes.drill_start import DrillStartScene, first_route
from game.ui.scenes.drill_summary import DrillSummaryScene
from game.ui.scenes.drills import DrillsScene
from game.ui.scenes.leaderboard import LeaderboardScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.scorecard import ScorecardScene
from tests.test_ui_support import app, frames, press, results_store, seconds, top, type_text

__all__ = ["app", "results_store"]


WHEN = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(results_store: Path) -> Iterator[ResultStore]:
    opened = ResultStore.open(f"sqlite:///{results_store}")
    yield opened
    opened.close()


def wait_for(app: App, ready: object, limit: float = 30.0) -> None:
    for _ in range(round(limit * 60)):
        if ready():  # type: ignore[operator]
            return
        app.frame()
    raise AssertionError("the window never got there")


def take_call(app: App, line: str = "Good morning, this is Anna from Northwind.") -> ScorecardScene:
    """Dial from the briefing, say one line, hang up, and open the scorecard."""
    assert isinstance(top(app), BriefingScene)
    press(app, pygame.K_RETURN)
    call = top(app)
    assert isinstance(call, CallScene)
    wait_for(app, lambda: call.ready_for_input())
    type_text(app, line)
    press(app, pygame.K_RETURN)
    wait_for(app, lambda: call.ready_for_input() or call.phase is Phase.ENDED)
    press(app, pygame.K_F10)
    wait_for(app, lambda: call.phase is Phase.ENDED)
    press(app, pygame.K_RETURN)
    wait_for(app, lambda: isinstance(top(app), ScorecardScene))
    card = top(app)
    assert isinstance(card, ScorecardScene)
    return card


def start_drill(app: App, store: ResultStore, drill: Drill, trainee: str = "Ana Ruiz") -> DrillRun:
    app.kit.results.store = store
    app.kit.nav.push(MenuScene(app.kit))
    run = DrillRun(drill, trainee, store, app.kit.jobs, app.kit.catalog.find)
    app.kit.nav.push(app.open(first_route(run)))
    frames(app)
    return run


def test_the_menu_runs_a_drill_from_the_name_to_the_summary(app: App, results_store: Path) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_d)
    drills = top(app)
    assert isinstance(drills, DrillsScene)
    app.kit.jobs.settle()
    frames(app)
    assert app.kit.results.store is not None and str(results_store) in app.kit.results.store.url
    press(app, pygame.K_RETURN)
    start = top(app)
    assert isinstance(start, DrillStartScene)
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), DrillStartScene) and "name" in start.message
    type_text(app, "Ana Ruiz")
    press(app, pygame.K_RETURN)
    briefing = top(app)
    assert isinstance(briefing, BriefingScene) and briefing.drill is not None
    assert briefing.scenario.id == "cooperative-retiree"
    assert app.kit.settings.trainee == "Ana Ruiz"

    first = take_call(app)
    assert first.drill is not None and first.drill_passed() is False
    press(app, pygame.K_n)
    assert isinstance(top(app), BriefingScene) and top(app).scenario.id == "angry-contractor"  # type: ignore[attr-defined]
    take_call(app)
    press(app, pygame.K_n)
    summary = top(app)
    assert isinstance(summary, DrillSummaryScene)
    app.kit.jobs.settle()
    frames(app)
    assert summary.board is not None and [row.trainee for row in summary.board] == ["Ana Ruiz"]
    assert not summary.run.session.passed()

    rows = app.kit.results.store.results(drill="new-hire-basics")
    assert [(r.trainee, r.scenario) for r in rows] == [
        ("Ana Ruiz", "cooperative-retiree"),
        ("Ana Ruiz", "angry-contractor"),
    ]
    assert all(r.outcome == "trainee_hung_up" and not r.passed for r in rows)
    saved = app.kit.results.store.saved_call(rows[0].call_id)
    assert saved.scorecard["drill_passed"] is False
    assert saved.record["turns"][1]["text"] == "Good morning, this is Anna from Northwind."
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), DrillsScene)


def test_every_turn_is_saved_while_the_call_goes_on(app: App, store: ResultStore) -> None:
    start_drill(app, store, load_drill("new-hire-basics"))
    press(app, pygame.K_RETURN)
    call = top(app)
    assert isinstance(call, CallScene)
    wait_for(app, lambda: call.ready_for_input())
    type_text(app, "Good morning, may I speak with Mrs. Ellison?")
    press(app, pygame.K_RETURN)
    wait_for(app, lambda: call.ready_for_input())
    app.kit.jobs.settle()
    [call_id] = store.unfinished("Ana Ruiz")
    turns = store.turns(call_id)
    assert [t["speaker"] for t in turns] == ["debtor", "trainee", "debtor"]
    assert turns[1]["text"] == "Good morning, may I speak with Mrs. Ellison?"


def test_a_call_that_did_not_pass_may_be_tried_again_while_attempts_remain(app: App, store: ResultStore) -> None:
    run = start_drill(app, store, load_drill("new-hire-basics"))
    card = take_call(app)
    assert run.session.can_retry() and "retry" in [t.name for t in card.ring.targets]
    press(app, pygame.K_r)
    again = top(app)
    assert isinstance(again, CallScene) and again.scenario.id == "cooperative-retiree"
    assert again.seed == run.session.seed and run.session.attempt == 2
    press(app, pygame.K_F10)
    wait_for(app, lambda: again.phase is Phase.ENDED)
    press(app, pygame.K_RETURN)
    wait_for(app, lambda: isinstance(top(app), ScorecardScene))
    assert not run.session.can_retry()
    press(app, pygame.K_r)
    assert isinstance(top(app), ScorecardScene)
    assert [t.attempt for t in run.session.taken] == [1, 2]


def test_a_time_limit_ends_the_call(app: App, store: ResultStore) -> None:
    drill = Drill(name="quick", title="Quick", scenarios=["angry-contractor"], time_limit=30)
    start_drill(app, store, drill)
    press(app, pygame.K_RETURN)
    call = top(app)
    assert isinstance(call, CallScene) and call.time_limit == 30
    seconds(app, 33)
    assert call.phase is Phase.ENDED and call.state is not None and call.state.ended_by == "trainee"
    assert any("Time is up" in entry for entry in call.entries)


def test_leaving_the_drill_early_shows_the_summary_with_calls_not_taken(app: App, store: ResultStore) -> None:
    run = start_drill(app, store, load_drill("new-hire-basics"))
    take_call(app)
    press(app, pygame.K_ESCAPE)
    summary = top(app)
    assert isinstance(summary, DrillSummaryScene)
    assert run.session.call_passed(1) is False and run.session.call_passed(2) is None
    press(app, pygame.K_RETURN)
    assert not app.running


def test_the_leaderboard_shows_the_best_total_per_trainee(app: App, store: ResultStore) -> None:
    for trainee, total in (("Bo", 40), ("Cy", 85), ("Bo", 75)):
        call_id = store.begin_call(trainee, "new-hire-basics", "angry-contractor", 1, "default", WHEN)
        card = {"outcome": "commitment", "total": total, "principles": {}, "compliance": []}
        store.finish_call(call_id, {"turns": []}, card, WHEN, passed=total >= 70)
    app.kit.results.store = store
    app.kit.nav.push(DrillsScene(app.kit))
    app.kit.jobs.settle()
    frames(app)
    press(app, pygame.K_l)
    board = top(app)
    assert isinstance(board, LeaderboardScene)
    app.kit.jobs.settle()
    frames(app)
    assert [(r.trainee, r.best_total, r.calls) for r in board.rows or []] == [("Cy", 85, 1), ("Bo", 75, 2)]
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), DrillsScene)


def test_a_store_that_cannot_open_is_said_and_no_drill_starts(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLLECTOR_SIM_DB", "mysql://nobody@nowhere/results")
    app.kit.nav.push(DrillsScene(app.kit))
    app.kit.jobs.settle()
    frames(app)
    scene = top(app)
    assert isinstance(scene, DrillsScene) and "cannot be recorded" in scene.problem
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), DrillsScene)


def test_run_drill_opens_the_window_at_the_first_briefing(
    tmp_path: Path, store: ResultStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Scene] = []

    def run_briefly(self: App, first: Scene, *, real_time: bool = True) -> int:
        self.kit.nav.push(first)
        for _ in range(3):
            self.frame()
        seen.append(first)
        self.close()
        return 0

    monkeypatch.setattr(app_module.App, "run", run_briefly)
    assert run_drill(load_drill("new-hire-basics"), "Ana Ruiz", store, settings_dir=tmp_path / "home") == 0
    [first] = seen
    assert isinstance(first, BriefingScene) and first.drill is not None
    assert first.drill.trainee == "Ana Ruiz" and first.drill.store is store
    assert store.results() == []
