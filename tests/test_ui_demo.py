"""Watch a pro (and a poor call): the scenario's model call played in the call scene, with a coach."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.drills import load_drill
from game.engine.replay import replay
from game.engine.scenario import load_scenario
from game.session.phases import Phase
from game.store.store import ResultStore
from game.ui.app import App
from game.ui.drill_run import DrillRun
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.demo import DemoCallScene
from game.ui.scenes.drill_start import first_route
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.scorecard import ScorecardScene
from tests.test_ui_support import app, press, results_store, top

__all__ = ["app", "results_store"]


def brief(app: App, scenario_id: str = "angry-contractor") -> BriefingScene:
    app.kit.nav.push(MenuScene(app.kit))
    briefing = BriefingScene(app.kit, load_scenario(scenario_id))
    app.kit.nav.push(briefing)
    return briefing


def play_out(app: App, limit: float = 240.0) -> ScorecardScene:
    for _ in range(round(limit * 60)):
        if isinstance(top(app), ScorecardScene):
            card = top(app)
            assert isinstance(card, ScorecardScene)
            return card
        app.frame()
    raise AssertionError("the demonstration never reached its scorecard")


def test_watch_a_pro_plays_the_model_call_with_the_coach_then_returns_to_the_briefing(app: App) -> None:
    briefing = brief(app)
    scenario = briefing.scenario
    press(app, pygame.K_w)
    demo = top(app)
    assert isinstance(demo, DemoCallScene) and demo.kind == "pro"
    card = play_out(app)
    said = [t.text for t in card.record.turns if t.speaker == "trainee"]
    assert said == [t.say for t in scenario.model_call or []]
    expected = replay(scenario, scenario.model_call or [], 0)
    assert [t.text for t in card.record.turns] == [t.text for t in expected.turns]
    assert card.card.outcome == "commitment" and card.demo == "pro"
    assert any(note.good and "AMOUNT STATED" in note.heading for note in demo.coach)
    assert card.highlights and not app.kit.progress.calls
    press(app, pygame.K_RETURN)
    assert top(app) is briefing


def test_a_poor_call_earns_notes_with_better_lines_as_it_goes(app: App) -> None:
    brief(app)
    press(app, pygame.K_p)
    demo = top(app)
    assert isinstance(demo, DemoCallScene) and demo.kind == "poor"
    seen_during_call = 0
    for _ in range(240 * 60):
        if demo.phase is Phase.ENDED or isinstance(top(app), ScorecardScene):
            break
        if demo.replies >= 3:
            seen_during_call = max(seen_during_call, sum(1 for n in demo.coach if not n.good))
        app.frame()
    assert seen_during_call >= 1
    bad = [n for n in demo.coach if not n.good]
    assert any("deadbeat" in n.text or n.heading.endswith("COMPLIANCE") for n in bad)
    assert all(n.better for n in bad if "CALM TONE" in n.heading)
    card = play_out(app)
    assert card.card.outcome == "hung_up" and card.card.compliance
    press(app, pygame.K_r)
    again = top(app)
    assert isinstance(again, DemoCallScene) and again.kind == "poor"


def test_escape_leaves_the_demo_for_the_briefing_at_any_time(app: App) -> None:
    briefing = brief(app)
    press(app, pygame.K_w)
    assert isinstance(top(app), DemoCallScene)
    for _ in range(200):
        app.frame()
    press(app, pygame.K_ESCAPE)
    assert top(app) is briefing
    press(app, pygame.K_RETURN)
    assert top(app).name == "call"


def test_a_graded_drill_call_offers_no_demo(app: App, results_store: Path) -> None:
    briefing = brief(app)
    assert {"pro", "poor"} <= {t.name for t in briefing.ring.targets}
    store = ResultStore.open(f"sqlite:///{results_store}")
    try:
        run = DrillRun(load_drill("new-hire-basics"), "Ana Ruiz", store, app.kit.jobs, app.kit.catalog.find)
        graded = app.open(first_route(run))
        app.kit.nav.replace(graded)
        assert isinstance(graded, BriefingScene)
        assert not {"pro", "poor"} & {t.name for t in graded.ring.targets}
        press(app, pygame.K_w)
        assert top(app) is graded
    finally:
        store.close()
