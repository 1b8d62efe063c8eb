"""The menu, picker, briefing, settings, progress and drills scenes, driven by keys and clicks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pygame

from game.engine.scenario.library import SHIPPED_DIR
from game.ui.app import App
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.call import CallScene
from game.ui.scenes.drill_start import DrillStartScene
from game.ui.scenes.drills import DrillsScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.picker import PickerScene
from game.ui.scenes.progress import ProgressScene
from game.ui.scenes.settings import SettingsScene
from tests.test_ui_support import app, click, frames, press, target, top

__all__ = ["app"]


def test_the_window_runs_on_pygame_ce() -> None:
    assert pygame.IS_CE


def test_enter_on_practice_opens_the_picker_and_escape_comes_back(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), PickerScene)
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), MenuScene)


def test_clicking_progress_and_settings_opens_them(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    frames(app)
    click(app, target(top(app), "Progress"))
    assert isinstance(top(app), ProgressScene)
    press(app, pygame.K_ESCAPE)
    click(app, target(top(app), "Settings"))
    assert isinstance(top(app), SettingsScene)


def test_keyboard_only_reaches_the_call(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_RETURN)
    picker = top(app)
    assert picker.ring.current is not None and picker.ring.current.name.startswith("card:")
    press(app, pygame.K_RIGHT)
    chosen = picker.ring.current.name.removeprefix("card:")
    press(app, pygame.K_RETURN)
    briefing = top(app)
    assert isinstance(briefing, BriefingScene) and briefing.scenario.id == chosen
    press(app, pygame.K_RETURN)
    call = top(app)
    assert isinstance(call, CallScene) and call.scenario.id == chosen


def test_archetype_filter_shows_only_that_archetype(app: App) -> None:
    app.kit.nav.push(PickerScene(app.kit))
    frames(app)
    click(app, target(top(app), "filter:angry"))
    picker = top(app)
    assert isinstance(picker, PickerScene)
    shown = [item.scenario.persona.archetype for _, item in picker.cards if item.scenario]
    assert shown and set(shown) == {"angry"}


def test_broken_scenario_shows_an_error_card_and_f5_reloads(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(SHIPPED_DIR / "en" / "angry-contractor.yaml", folder)
    (folder / "broken.yaml").write_text("id: broken\ntitle: [unclosed\n", encoding="utf-8")
    window = App(tmp_path / "home", stepped=True, voice=False, scenario_dirs=[folder])
    try:
        window.kit.nav.push(PickerScene(window.kit))
        frames(window)
        picker = top(window)
        assert isinstance(picker, PickerScene)
        broken = [item for _, item in picker.cards if item.scenario is None]
        assert len(broken) == 1 and "broken.yaml:" in str(broken[0].problems[0])
        text = (SHIPPED_DIR / "en" / "cooperative-retiree.yaml").read_text(encoding="utf-8")
        (folder / "retiree.yaml").write_text(text, encoding="utf-8")
        press(window, pygame.K_F5)
        window.kit.jobs.settle()
        frames(window)
        assert window.kit.catalog.find("cooperative-retiree") is not None
        assert any(
            item.scenario and item.scenario.id == "cooperative-retiree" for _, item in top(window).cards
        )
    finally:
        window.close()


def test_settings_change_applies_and_is_saved(app: App) -> None:
    app.kit.nav.push(SettingsScene(app.kit))
    frames(app)
    for _ in range(5):
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RIGHT)
    assert app.kit.settings.high_contrast and app.kit.look.contrast
    app.kit.jobs.settle()
    saved = json.loads((app.kit.home / "settings.json").read_text(encoding="utf-8"))
    assert saved["high_contrast"] is True


def test_text_size_change_rebuilds_the_widgets(app: App) -> None:
    app.kit.nav.push(SettingsScene(app.kit))
    frames(app)
    scene = top(app)
    before = app.kit.look.fonts.scale
    for _ in range(4):
        press(app, pygame.K_DOWN)
    press(app, pygame.K_RIGHT)
    assert app.kit.settings.text_size == "large" and app.kit.look.fonts.scale > before
    assert scene.widgets and all(w.ui_manager is app.kit.manager for w in scene.widgets)


def test_drills_scene_lists_the_shipped_drill(app: App) -> None:
    app.kit.nav.push(DrillsScene(app.kit))
    app.kit.jobs.settle()
    frames(app)
    scene = top(app)
    assert isinstance(scene, DrillsScene) and scene.rows
    assert any(row["name"] == "new-hire-basics" for row in scene.rows)
    app.kit.jobs.settle()
    frames(app)
    press(app, pygame.K_RETURN)
    assert isinstance(top(app), DrillStartScene)


def test_a_small_window_keeps_every_button_inside_it(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    pygame.display.set_mode((800, 480), pygame.RESIZABLE)
    app.resize((800, 480))
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_RETURN)
    scene = top(app)
    assert isinstance(scene, CallScene)
    screen = pygame.Rect(0, 0, 800, 480)
    assert all(screen.contains(w.relative_rect) for w in scene.widgets)


def test_every_card_title_reads_in_full_at_1280_by_720(app: App) -> None:
    app.kit.nav.push(PickerScene(app.kit))
    frames(app)
    picker = top(app)
    assert isinstance(picker, PickerScene) and picker.cards
    for rect, item in picker.cards:
        assert item.scenario is not None
        side = min(rect.height - 28, 112)
        _, lines = picker._title(item.scenario.title, rect.right - (rect.x + side + 30) - 14)
        assert " ".join(lines) == item.scenario.title
