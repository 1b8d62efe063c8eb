"""The progress screen: each principle over time per persona, by keyboard, at any size and text size."""

from __future__ import annotations

from dataclasses import replace

import pygame
import pytest

from game.ui.app import App
from game.ui.names import PRINCIPLE_NAMES
from game.ui.progress_store import CallResult
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.picker import PickerScene
from game.ui.scenes.progress import ProgressScene, persona_pages
from tests.test_ui_support import app, frames, press, top

__all__ = ["app"]


def call(scenario: str, at: str, **scores: int) -> CallResult:
    total = sum(scores.values()) // max(1, len(scores))
    return CallResult(scenario, scenario, at, total, 2, "commitment", dict(scores), passed=total >= 70)


HISTORY = [
    call("cooperative-retiree", "2026-11-28T09:00:00", calm_tone=60, repeat_amount=40, politeness=90),
    call("cooperative-retiree", "2026-11-28T15:00:00", calm_tone=80, repeat_amount=50, politeness=90),
    call("cooperative-retiree", "2026-12-02T10:00:00", calm_tone=90, repeat_amount=75, politeness=100),
    call("angry-contractor", "2026-12-03T10:00:00", calm_tone=50, repeat_amount=60, politeness=80),
]


def open_progress(app: App, calls: list[CallResult]) -> ProgressScene:
    for c in calls:
        app.kit.progress.add(c)
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_g)
    scene = top(app)
    assert isinstance(scene, ProgressScene)
    return scene


def test_each_persona_has_its_principles_by_day_averaged_within_a_day() -> None:
    pages = persona_pages(HISTORY, {"cooperative-retiree": "Retiree"})
    assert [p.scenario for p in pages] == ["angry-contractor", "cooperative-retiree"]  # latest called first
    retiree = pages[1]
    assert retiree.title == "Retiree" and retiree.calls == 3 and len(retiree.days) == 2
    rows = dict(retiree.rows)
    assert [(p.day.isoformat(), p.average, p.calls) for p in rows["calm_tone"]] == [
        ("2026-11-28", 70.0, 2),
        ("2026-12-02", 90.0, 1),
    ]


def test_page_down_and_arrows_turn_between_personas(app: App) -> None:
    scene = open_progress(app, HISTORY)
    assert scene.pages[scene.page].scenario == "angry-contractor"
    press(app, pygame.K_PAGEDOWN)
    assert scene.pages[scene.page].scenario == "cooperative-retiree"
    press(app, pygame.K_PAGEDOWN)
    assert scene.page == 0  # round again
    press(app, pygame.K_LEFT)
    assert scene.pages[scene.page].scenario == "cooperative-retiree"
    press(app, pygame.K_RIGHT)
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), MenuScene)


def test_the_weakest_principle_is_named_only_below_the_pass_mark(app: App) -> None:
    scene = open_progress(app, HISTORY)
    frames(app)
    side = scene.side_advice()
    assert "Repeat the amount" in side and "below the pass mark" in side
    strong = [call("cooperative-retiree", f"2026-12-0{d}T10:00:00", calm_tone=100, politeness=100) for d in range(1, 6)]
    app.kit.progress.calls = strong
    assert "at or above the pass mark" in scene.side_advice()


@pytest.mark.parametrize(("size", "text"), [((800, 600), "large"), ((800, 600), "larger"), ((1280, 720), "normal")])
def test_every_principle_can_be_reached_at_any_size(app: App, size: tuple[int, int], text: str) -> None:
    app.apply_settings(replace(app.kit.settings, text_size=text))
    app.resize(size)
    many = {key: 50 + i for i, key in enumerate(PRINCIPLE_NAMES)}
    scene = open_progress(app, [call("cooperative-retiree", "2026-12-01T10:00:00", **many)])
    frames(app)
    rows = len(scene.pages[0].rows)
    seen = set(range(scene.first_row, scene.first_row + scene.rows_shown))
    for _ in range(rows):
        press(app, pygame.K_DOWN)
        seen |= set(range(scene.first_row, scene.first_row + scene.rows_shown))
    assert seen == set(range(rows))
    assert scene.rows_shown >= 3


def test_no_calls_says_where_the_scores_will_appear(app: App) -> None:
    scene = open_progress(app, [])
    frames(app)
    press(app, pygame.K_PAGEDOWN)
    assert scene.pages == [] and "Play a call" in scene.side_advice()


def test_the_picker_says_why_the_suggested_call_is_suggested(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_p)
    picker = top(app)
    assert isinstance(picker, PickerScene)
    first = picker.suggestion()
    assert first is not None and first.why == "Your first call: the easiest to start with"
    app.kit.progress.add(call(first.scenario.id, "2026-12-01T10:00:00", calm_tone=90, repeat_amount=90))
    assert (found := picker.suggestion()) is not None and found.why == "Not yet passed, easiest left"
    for day in range(1, 4):
        app.kit.progress.add(call(first.scenario.id, f"2026-12-0{day}T11:00:00", calm_tone=30, repeat_amount=95))
    weakest = picker.suggestion()
    assert weakest is not None and weakest.why == "Trains your weakest: Calm tone"
    assert weakest.scenario.id == "angry-contractor"
    frames(app)  # the card draws the reason
