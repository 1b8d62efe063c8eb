"""What a new hire hit in the window, each pinned with real pygame events on the dummy drivers."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import pygame
import pytest

from game.drills import load_drill
from game.engine.scenario import load_scenario
from game.session import CallSession
from game.session.call import play_script
from game.session.phases import Phase
from game.store.store import ResultStore
from game.ui import routes
from game.ui.app import App
from game.ui.look import FONT_BOLD, FONT_REGULAR
from game.ui.progress_store import CallResult
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.call import CallScene
from game.ui.scenes.demo import DemoCallScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.picker import PickerScene
from game.ui.scenes.scorecard import NOTE_MARK, ScorecardScene, View
from game.ui.scenes.settings import ROWS
from game.ui.tour import take_tour
from tests.test_ui_drills import start_drill, take_call
from tests.test_ui_support import app, frames, press, seconds, top, type_text

__all__ = ["app"]

UI = Path(__file__).resolve().parent.parent / "game" / "ui"


def call_over(app: App, scenario_id: str = "angry-contractor") -> CallScene:
    """A call opened over the menu, answered, then hung up by F10; its end shown."""
    app.kit.nav.push(MenuScene(app.kit))
    call = app.open(routes.Call(load_scenario(scenario_id)))
    assert isinstance(call, CallScene)
    app.kit.nav.push(call)
    until(app, lambda: call.ready_for_input())
    press(app, pygame.K_F10)
    until(app, lambda: call.phase is Phase.ENDED)
    return call


def until(app: App, done: object, limit: int = 3000) -> None:
    for _ in range(limit):
        if done():  # type: ignore[operator]
            return
        app.frame()
    raise AssertionError("the window never got there")


def card_of(app: App, scenario_id: str, kind: str = "poor") -> ScorecardScene:
    """The scorecard of a scenario's poor (or model) call, opened over the menu."""
    scenario = load_scenario(scenario_id)
    session = CallSession(scenario)
    play_script(session, scenario.poor_call if kind == "poor" else scenario.model_call or [])
    app.kit.nav.push(MenuScene(app.kit))
    app.kit.nav.push(app.open(routes.Scorecard(scenario, session.record, session.finish())))
    frames(app)
    scene = top(app)
    assert isinstance(scene, ScorecardScene)
    return scene


def key_with_text(key: int, text: str) -> None:
    """A key as a real keyboard sends it: down, the text it types, up."""
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=text, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=text))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=text, scancode=0))


def test_r_on_the_scorecard_retries_without_typing_an_r_into_the_new_call(app: App) -> None:
    call_over(app)
    press(app, pygame.K_RETURN)
    until(app, lambda: isinstance(top(app), ScorecardScene))
    key_with_text(pygame.K_r, "r")
    frames(app, 4)
    again = top(app)
    assert isinstance(again, CallScene) and again.entry is not None
    assert again.entry.text() == ""


def test_the_turn_by_turn_view_scrolls_by_keyboard_and_offers_the_way_back(app: App) -> None:
    card = card_of(app, "cooperative-night-nurse")
    press(app, pygame.K_t)
    assert card.view is View.TURNS and card.scrolled() == 0.0
    assert "T turn by turn" not in card.hint() and "PageDown" in card.hint()
    press(app, pygame.K_PAGEDOWN)
    paged = card.scrolled()
    assert paged > 0
    press(app, pygame.K_DOWN)
    assert card.scrolled() > paged
    press(app, pygame.K_END)
    assert card.scrolled() > paged
    press(app, pygame.K_HOME)
    assert card.scrolled() == 0.0
    press(app, pygame.K_ESCAPE)
    assert card.view is View.NOTES and top(app) is card


def test_turns_are_numbered_from_1_with_a_bullet_the_font_has(app: App) -> None:
    card = card_of(app, "angry-contractor")
    text = card._turns_html()
    assert "<b>1. " in text and "<b>0. " not in text
    assert f"{NOTE_MARK} " in text and "▸" not in text


def test_every_lawful_conduct_finding_can_be_opened(app: App) -> None:
    card = card_of(app, "angry-contractor")
    assert len(card.card.compliance) == 3  # no mini-Miranda, an insult, twelve hundred for $1,250
    assert "lawful" in {t.name for t in card.ring.targets}
    press(app, pygame.K_l)
    assert card.view is View.LAWFUL and card.box is not None
    shown = card._findings_html()
    assert all(finding.text.split()[0] in shown for finding in card.card.compliance)


def test_one_line_said_is_singular(app: App) -> None:
    card = card_of(app, "angry-contractor")
    said = sum(1 for t in card.record.turns if t.speaker == "trainee" and t.text.strip() and not t.hangup)
    assert card.stats_text().count(f"{said} line") == 1
    assert "1 lines" not in card.stats_text() and "1 silences" not in card.stats_text()


def glyphs_in_ui() -> set[str]:
    """Every character outside ASCII in the window's string literals."""
    found: set[str] = set()
    for path in UI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        bounds = {id(c) for n in ast.walk(tree) if isinstance(n, ast.Compare) for c in ast.walk(n)}
        for node in ast.walk(tree):
            if id(node) in bounds:  # a character range tested against, not text drawn
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found |= {ch for ch in node.value if ord(ch) > 127 and not ch.isspace()}
    return found


def has_glyph(font: pygame.font.Font, ch: str) -> bool:
    """The font draws ``ch`` as something other than its missing-glyph box."""
    missing = pygame.image.tobytes(font.render("\ue000", True, (0, 0, 0)), "RGBA")
    return pygame.image.tobytes(font.render(ch, True, (0, 0, 0)), "RGBA") != missing


@pytest.mark.parametrize("path", [FONT_REGULAR, FONT_BOLD], ids=["regular", "bold"])
def test_every_character_the_window_draws_is_in_the_bundled_font(path: Path) -> None:
    pygame.font.init()
    font = pygame.font.Font(path, 20)
    assert not has_glyph(font, "▸")  # the check can tell a missing glyph
    missing = sorted(ch for ch in glyphs_in_ui() if not has_glyph(font, ch))
    assert missing == []


@pytest.mark.parametrize("size", [(1280, 720), (800, 600)])
@pytest.mark.parametrize("text_size", ["normal", "large", "larger"])
def test_large_text_and_small_windows_keep_the_balance_and_every_chip(
    app: App, size: tuple[int, int], text_size: str
) -> None:
    app.apply_settings(replace(app.kit.settings, text_size=text_size))
    pygame.display.set_mode(size, pygame.RESIZABLE)
    app.resize(size)
    app.kit.nav.push(MenuScene(app.kit))
    call = app.open(routes.Call(load_scenario("cooperative-retiree")))
    assert isinstance(call, CallScene)
    app.kit.nav.push(call)
    until(app, lambda: call.ready_for_input())
    frames(app)
    drawn = call.view.drawn
    assert "balance" in drawn and "meters" in drawn
    labels = [label for label, _, _ in call.chip_items()]
    assert len(labels) >= 9 and all(f"chip:{label}" in drawn for label in labels)
    chips = call.view.chip_rects(call.layout["chips"])
    window = pygame.Rect((0, 0), size)
    assert all(window.contains(rect) and rect.bottom <= call.layout["input"].y for *_, rect in chips)


def test_a_hard_persona_says_why_there_are_no_mood_meters(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    call = app.open(routes.Call(load_scenario("angry-landlord-hard")))
    assert isinstance(call, CallScene)
    app.kit.nav.push(call)
    until(app, lambda: call.ready_for_input())
    assert not call.meters and "meters_off" in call.view.drawn and "balance" in call.view.drawn


def test_after_the_call_ends_hang_up_is_gone_and_the_end_is_not_in_the_debtors_box(app: App) -> None:
    call = call_over(app)
    frames(app)
    names = {t.name for t in call.ring.targets}
    assert "hangup" not in names and "scorecard" in names and call.hangup_button is None
    who, words, _ = call.view.subtitle()
    assert who == "MIKE BRENNAN" and "ended" not in words
    assert call.view.status() == "Call ended: You ended the call."


def test_the_input_wraps_a_long_line_and_sends_it_whole(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    call = app.open(routes.Call(load_scenario("cooperative-retiree")))
    assert isinstance(call, CallScene)
    app.kit.nav.push(call)
    until(app, lambda: call.ready_for_input())
    assert "placeholder" in call.view.drawn
    line = "Good morning, this is Anna from Northwind Collections calling about the account, " * 2
    type_text(app, line)
    assert call.entry is not None and call.entry.text() == line
    assert "placeholder" not in call.view.drawn
    assert len(call.entry.text_box_layout.layout_rows) > 1
    press(app, pygame.K_RETURN)
    until(app, lambda: any(t.speaker == "trainee" for t in call.state.turns))
    assert [t.text for t in call.state.turns if t.speaker == "trainee"] == [line.strip()]


def test_the_picker_opens_on_the_easiest_call_and_counts_what_the_filter_shows(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_p)
    picker = top(app)
    assert isinstance(picker, PickerScene)
    shown = [item.scenario for _, item in picker.cards if item.scenario is not None]
    assert [s.difficulty for s in shown] == sorted(s.difficulty for s in shown)
    current = picker.ring.current
    assert current is not None and current.name == f"card:{shown[0].id}" and shown[0].difficulty == 1
    total = len(shown)
    picker.set_filter("angry")
    frames(app)
    angry = [item for _, item in picker.cards if item.scenario is not None]
    assert 0 < len(angry) < total and picker.count_text() == f"{len(angry)} of {total} scenarios"


def test_the_picker_skips_what_the_trainee_has_passed(app: App) -> None:
    passed = CallResult("cooperative-night-nurse", "", "2026-12-01T09:00:00", 90, 3, "commitment", passed=True)
    app.kit.progress.add(passed)
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_p)
    picker = top(app)
    assert isinstance(picker, PickerScene) and picker.ring.current is not None
    assert picker.ring.current.name == "card:cooperative-retiree"


def test_next_after_a_failed_easy_call_is_not_a_hard_one(app: App) -> None:
    card = card_of(app, "angry-contractor")
    assert not card.card.passed
    press(app, pygame.K_n)
    briefing = top(app)
    assert briefing.name == "briefing"
    assert briefing.scenario.difficulty <= 2 and briefing.scenario.id != "angry-contractor"  # type: ignore[attr-defined]


def test_escape_on_the_menu_asks_before_quitting(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    press(app, pygame.K_ESCAPE)
    menu = top(app)
    assert isinstance(menu, MenuScene) and menu.confirm_quit and app.running
    press(app, pygame.K_ESCAPE)
    assert not menu.confirm_quit and app.running
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)
    assert not app.running


def test_recognition_engines_have_names_a_trainee_understands() -> None:
    [row] = [row for row in ROWS if row.field == "engine"]
    shown = [row.shown(value) for value in row.values]
    assert all(name not in text.lower() for text in shown for name in ("moonshine", "sphinx"))


def test_watch_a_pro_pauses_and_speeds_up(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    demo = app.open(routes.Demo(load_scenario("angry-contractor")))
    assert isinstance(demo, DemoCallScene)
    app.kit.nav.push(demo)
    seconds(app, 3)
    press(app, pygame.K_SPACE)
    held = demo.now()
    seconds(app, 2)
    assert demo.now() == held and "paused" in demo.status_text("")
    press(app, pygame.K_SPACE)
    before = demo.now()
    seconds(app, 1)
    normal = demo.now() - before
    press(app, pygame.K_f)
    before = demo.now()
    seconds(app, 1)
    assert demo.now() - before == pytest.approx(2 * normal, rel=0.1)


def test_the_coach_keeps_every_note_within_reach(app: App) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    demo = app.open(routes.Demo(load_scenario("cooperative-night-nurse")))
    assert isinstance(demo, DemoCallScene)
    app.kit.nav.push(demo)
    press(app, pygame.K_f)
    press(app, pygame.K_f)
    until(app, lambda: demo.phase is Phase.ENDED or len(demo.coach) > 6, limit=20000)
    assert len(demo.coach) > 6
    for _ in range(len(demo.coach)):
        press(app, pygame.K_DOWN, after=1)
    assert demo.coach_from == len(demo.coach) - 1
    press(app, pygame.K_PAGEUP)
    assert demo.coach_from == len(demo.coach) - 4


def test_a_drill_shows_a_short_result_before_the_next_briefing(app: App, tmp_path: Path) -> None:
    store = ResultStore.open(f"sqlite:///{tmp_path / 'drill.sqlite3'}")
    try:
        start_drill(app, store, load_drill("new-hire-basics"))
        take_call(app)
        press(app, pygame.K_n)
        briefing = top(app)
        assert isinstance(briefing, BriefingScene) and briefing.scenario.id == "angry-contractor"
        head, note = briefing.result_lines()
        total = briefing.drill.taken[0].total if briefing.drill else -1
        assert head.startswith("Call 1, ") and f"{total} of 100, not passed" in head
        assert note.startswith("The one thing: ")
    finally:
        store.close()


def test_the_keyboard_tour_reaches_every_stop_in_a_small_window_with_large_text(tmp_path: Path) -> None:
    shots = take_tour(tmp_path, (800, 600), "large", contrast=True)
    names = [path.stem.split("-", 1)[1] for path in shots]
    assert names[:11] == [
        "menu",
        "picker",
        "briefing",
        "practice-call",
        "practice-hang-up-question",
        "practice-call-ended",
        "practice-scorecard",
        "turn-by-turn",
        "turn-by-turn-paged",
        "retry",
        "retry-answered",
    ]
    assert "drill-briefing-2-with-result" in names and names[-1] == "drill-summary"
    assert all(pygame.image.load(str(path)).get_size() == (800, 600) for path in shots)
