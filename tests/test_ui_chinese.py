"""The window in Chinese: a Chinese scenario's briefing, call and scorecard draw Chinese, the menus follow
Settings, Chinese text wraps between characters, and the bundled font has a glyph for every translation."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pygame
import pytest
from babel.messages.pofile import read_po

from game.engine.scenario import load_scenario
from game.i18n import current_language, set_language
from game.i18n.catalogues import LOCALE_DIR
from game.session.phases import Phase
from game.ui import draw
from game.ui.app import App
from game.ui.look import FONT_BOLD, FONT_REGULAR, SCENE_FONTS
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.call import CallScene
from game.ui.scenes.menu import MenuScene
from game.ui.scenes.scorecard import ScorecardScene
from game.ui.scenes.settings import ROWS, SettingsScene
from game.ui.settings import load_settings
from tests.test_ui_support import app, frames, press, top, type_text

__all__ = ["app"]

CHINESE = "cooperative-night-nurse-zh"
ENGLISH = "angry-contractor"
NOT_HEARD = "中文通话暂不支持语音识别：请打字回答，整局游戏都可以用打字完成。"


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    yield
    set_language("en")


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every string the scenes draw through ``draw.text`` and ``draw.paragraph`` (still drawn for real)."""
    seen: list[str] = []

    def spy(real: Callable[..., Any], at: int) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            seen.append(args[at])
            return real(*args, **kwargs)

        return wrapped

    monkeypatch.setattr(draw, "text", spy(draw.text, 2))
    monkeypatch.setattr(draw, "paragraph", spy(draw.paragraph, 2))
    return seen


def labels(app: App) -> list[str]:
    """The text of the top scene's buttons."""
    return [str(getattr(widget, "text", "")) for widget in top(app).widgets]


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def wait_for_turn(app: App, call: CallScene) -> None:
    for _ in range(60 * 30):
        if call.ready_for_input() or call.phase is Phase.ENDED:
            return
        app.frame()
    raise AssertionError("the debtor never answered")


# catalogues and font


def catalogue_strings() -> Iterator[tuple[str, str]]:
    """(msgid, msgstr) for every translation of every Chinese catalogue."""
    for po in sorted(LOCALE_DIR.glob("zh/*.po")):
        with po.open("rb") as handle:
            catalogue = read_po(handle, locale="zh")
        for message in catalogue:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for text in strings:
                yield str(ids[-1]), str(text)


def test_every_chinese_translation_renders_with_no_missing_glyph_in_the_window_fonts() -> None:
    pygame.font.init()
    sizes = sorted({size for size, _bold in SCENE_FONTS})
    fonts = [pygame.font.Font(FONT_REGULAR, sizes[0]), pygame.font.Font(FONT_BOLD, sizes[0])]
    missing = []
    for _msgid, text in catalogue_strings():
        for font in fonts:
            metrics = font.metrics(text)
            gaps = {ch for ch, found in zip(text, metrics, strict=True) if found is None}
            if gaps:
                missing.append((text, "".join(sorted(gaps))))
    assert missing == []


def test_every_string_of_the_chinese_scenarios_renders_with_no_missing_glyph() -> None:
    import yaml

    def strings(node: object) -> Iterator[str]:
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    pygame.font.init()
    fonts = [pygame.font.Font(FONT_REGULAR, 16), pygame.font.Font(FONT_BOLD, 16)]
    root = Path(__file__).resolve().parents[1]
    files = sorted((root / "scenarios" / "zh").glob("*.yaml"))
    assert files
    missing = {
        (path.name, ch)
        for path in files
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
        for font in fonts
        for ch, found in zip(text, font.metrics(text), strict=True)
        if found is None
    }
    assert missing == set()


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    def names(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}

    wrong = [(msgid, text) for msgid, text in catalogue_strings() if names(msgid) != names(text)]
    assert wrong == []


# wrapping


def test_chinese_wraps_between_characters_and_keeps_its_punctuation_and_numbers() -> None:
    pygame.font.init()
    font = pygame.font.Font(FONT_REGULAR, 16)
    text = "陈女士，您的借款3250.50元逾期12天了（安信）。她说“好的”……您今天方便用微信还吗？Thank you."
    for width in (90, 140, 220, 400):
        lines = draw.wrap(font, text, width)
        assert all(font.size(line)[0] <= width for line in lines), (width, lines)
        assert not any(line[:1] in draw.NO_LINE_START for line in lines), lines
        assert not any(line[-1:] in draw.NO_LINE_END for line in lines), lines
        assert draw.rejoin(lines) == text
        assert any("3250.50元" in line for line in lines), lines
    assert len(draw.wrap(font, text, 140)) > 1


def test_english_still_wraps_on_spaces() -> None:
    pygame.font.init()
    font = pygame.font.Font(FONT_REGULAR, 16)
    text = "Could you pay the balance of $1,250 by Friday, December 4? I don’t want “another” letter — or a fee."
    lines = draw.wrap(font, text, 150)
    assert len(lines) > 2
    assert " ".join(lines) == text
    assert all(draw.break_points(line) == [i + 1 for i, ch in enumerate(line) if ch == " "] for line in lines)
    assert draw.rejoin(lines) == text


def test_the_text_boxes_break_chinese_lines_between_characters(app: App) -> None:
    from pygame_gui.elements import UITextBox

    text = "陈丽: 陈女士，打电话是提醒您一下，您的借款三千二百五十元五角，已经逾期十二天了，您今天方便还吗？"
    box = UITextBox(text, pygame.Rect(0, 0, 260, 300), app.kit.manager)
    app.frame()
    assert box.text_box_layout is not None
    rows = [row for row in box.text_box_layout.layout_rows if row.items]
    shown = ["".join(getattr(chunk, "text", "") for chunk in row.items) for row in rows]
    assert len(shown) > 2
    assert "".join(shown).replace(" ", "") == text.replace(" ", "")  # no hyphens added, nothing lost
    assert shown[0].startswith("陈丽: 陈女士")  # the first line is filled, not left with the name alone
    box.kill()


# a Chinese scenario in the window


def test_a_chinese_briefing_call_and_scorecard_draw_chinese(app: App, drawn: list[str]) -> None:
    scenario = load_scenario(CHINESE)
    app.kit.nav.push(MenuScene(app.kit))
    frames(app)
    assert "Practice" in labels(app)
    app.kit.nav.push(BriefingScene(app.kit, scenario))
    frames(app)
    assert current_language() == "zh"
    assert "拨号  (Enter)" in labels(app)
    assert "通话前准备：忘了还款的夜班护士" in drawn
    assert "欠款金额" in drawn and "本次通话目标" in drawn
    assert any(text.startswith("债务人：陈丽女士") for text in drawn)

    drawn.clear()
    press(app, pygame.K_RETURN)
    call = top(app)
    assert isinstance(call, CallScene)
    wait_for_turn(app, call)
    type_text(app, "陈女士您好，我是安信小额贷款的小王，请问是陈丽本人吗？")
    press(app, pygame.K_RETURN, after=4)
    wait_for_turn(app, call)
    frames(app)
    assert "挂断 (F10)" in labels(app) and "发送" in labels(app)
    assert "通话中 · 忘了还款的夜班护士" in drawn
    assert "欠款金额" in drawn
    assert call.keys_hint() in drawn and has_chinese(call.keys_hint())
    chips = [label for label, _lit, _warning in call.chip_items()]
    assert "已自报家门" in chips and all(has_chinese(label) for label in chips)
    assert any("<b>你：</b>" in entry for entry in call.entries)

    press(app, pygame.K_ESCAPE)
    assert "挂断并结束通话？" in drawn
    press(app, pygame.K_RETURN)
    for _ in range(60 * 30):
        if isinstance(top(app), ScorecardScene):
            break
        app.frame()
        if call.phase is Phase.ENDED and not call.leaving:
            press(app, pygame.K_RETURN)
    card = top(app)
    assert isinstance(card, ScorecardScene)
    drawn.clear()
    frames(app)
    assert "评分：忘了还款的夜班护士" in drawn
    assert "重打 (R)" in labels(app) and "逐轮回看 (T)" in labels(app)
    assert "满分100" in drawn
    assert has_chinese(card.stats_text()) and card.stats_text() in drawn
    press(app, pygame.K_t)
    assert card.box is not None and "你：" in card.box.html_text

    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), MenuScene)
    assert current_language() == "en" and "Practice" in labels(app)


def test_an_english_scenario_stays_english(app: App, drawn: list[str]) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    app.kit.nav.push(BriefingScene(app.kit, load_scenario(ENGLISH)))
    frames(app)
    assert current_language() == "en"
    assert "Dial  (Enter)" in labels(app) and "BALANCE DUE" in drawn


# Settings


def test_the_language_setting_fixes_the_window_language(app: App, drawn: list[str]) -> None:
    app.kit.nav.push(MenuScene(app.kit))
    app.kit.nav.push(SettingsScene(app.kit))
    frames(app)
    fields = [row.field for row in ROWS]
    for _ in range(fields.index("language")):
        press(app, pygame.K_DOWN)
    assert "Each scenario's own (menus in English)" in drawn
    press(app, pygame.K_RIGHT)
    assert app.kit.settings.language == "en"
    press(app, pygame.K_RIGHT)
    assert app.kit.settings.language == "zh"
    drawn.clear()
    frames(app)
    assert "设置" in drawn and "返回 (Esc)" in labels(app)
    app.kit.jobs.settle()
    assert load_settings(app.kit.home).language == "zh"
    press(app, pygame.K_ESCAPE)
    assert isinstance(top(app), MenuScene) and "练习" in labels(app)

    app.kit.apply_settings(replace(app.kit.settings, language="en"))
    app.kit.nav.push(BriefingScene(app.kit, load_scenario(CHINESE)))
    frames(app)
    assert current_language() == "en" and "Dial  (Enter)" in labels(app)


def test_a_chinese_call_in_spoken_mode_says_to_type_and_takes_typing(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[bool] = []
    monkeypatch.setattr("game.ui.app.open_ears", lambda *args, **kwargs: opened.append(True))
    app.kit.settings = replace(app.kit.settings, input_mode="spoken")
    app.kit.nav.push(MenuScene(app.kit))
    call = CallScene(app.kit, load_scenario(CHINESE))
    app.kit.nav.push(call)
    wait_for_turn(app, call)
    assert not call.spoken and not opened
    assert NOT_HEARD in call.notices()
    assert call.placeholder() == "输入要说的话，回车发送"
    type_text(app, "陈女士您好")
    press(app, pygame.K_RETURN, after=4)
    assert [t.text for t in call.state.turns if t.speaker == "trainee"] == ["陈女士您好"]


def test_a_chinese_briefing_loads_the_chinese_classifier_before_the_call(app: App) -> None:
    from game.engine.understand.lexicon import load_lexicon

    load_lexicon.cache_clear()
    app.kit.nav.push(MenuScene(app.kit))
    app.kit.nav.push(BriefingScene(app.kit, load_scenario(CHINESE)))
    app.kit.jobs.settle()
    loaded = load_lexicon.cache_info()
    assert loaded.currsize == 1  # loaded by the briefing, before anything asked for it
    load_lexicon("zh")
    assert load_lexicon.cache_info().misses == loaded.misses  # so the first line finds it ready
