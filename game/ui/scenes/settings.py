"""Settings: voice, volume and rate, typed or spoken answers (engine, listening mode), text size, contrast,
mood meters, and the window's language (each scenario's own, or fixed to English or Chinese).

Each row is one setting; Up and Down move between rows, Left and Right (or Enter, or a click on
the arrows) change the value. A change applies at once and is saved in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pygame

from game.i18n import N_, _
from game.ui import draw, gateway, routes
from game.ui.scene import Kit, Scene
from game.ui.settings import CHOICES, Settings

# What each recognition engine means to a trainee (the engine's name is for the team's IT).
ENGINE_WORDS = {
    "moonshine": N_("Most accurate (recommended)"),
    "pocketsphinx": N_("Tuned to the call's names and amounts"),
    "sphinx": N_("Basic, slowest"),
}
TEXT_SIZES = {"small": N_("Small"), "normal": N_("Normal"), "large": N_("Large"), "larger": N_("Larger")}
# Each language is named in its own words, so a trainee who cannot read the current one finds theirs.
LANGUAGE_WORDS = {"auto": N_("Each scenario's own (menus in English)"), "en": "English", "zh": "中文"}


@dataclass(frozen=True)
class Row:
    """One setting: its field, its label (for the catalogues), the values it cycles through and how each
    reads (in the current language)."""

    field: str
    label: str
    values: tuple[Any, ...]
    shown: Callable[[Any], str]


def _percent(value: Any) -> str:
    return f"{round(value * 100)}%"


def _words(words: dict[str, str]) -> Callable[[Any], str]:
    """How a choice reads: its words translated, or the value itself when it has none."""
    return lambda v: _(words[str(v)]) if str(v) in words else str(v)


ROWS = (
    Row("voice", N_("Debtor's voice"), (True, False), lambda v: _("On") if v else _("Off (subtitles only)")),
    Row("volume", N_("Voice volume"), tuple(round(i / 10, 1) for i in range(11)), _percent),
    Row("rate", N_("Voice speed"), (0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5), lambda v: f"{v:.1f}x"),
    Row(
        "input_mode",
        N_("Your answers"),
        CHOICES["input_mode"],
        _words({"typed": N_("Typed"), "spoken": N_("Spoken (microphone)")}),
    ),
    Row("text_size", N_("Text size"), CHOICES["text_size"], _words(TEXT_SIZES)),
    Row("high_contrast", N_("High contrast"), (False, True), lambda v: _("On") if v else _("Off")),
    Row(
        "mood_meters",
        N_("Mood meters"),
        CHOICES["mood_meters"],
        _words({"auto": N_("Easy calls only"), "on": N_("Always"), "off": N_("Never")}),
    ),
    Row("engine", N_("Speech recognition"), CHOICES["engine"], _words(ENGINE_WORDS)),
    Row(
        "listening",
        N_("Listening"),
        CHOICES["listening"],
        _words({"push-to-talk": N_("Push to talk (hold F3)"), "hands-free": N_("Hands-free")}),
    ),
    Row("language", N_("Language"), CHOICES["language"], _words(LANGUAGE_WORDS)),
)


def stepped(settings: Settings, row: Row, step: int) -> Settings:
    """The settings with ``row`` moved ``step`` values along (wrapping for choices, stopping for levels)."""
    current = getattr(settings, row.field)
    values = list(row.values)
    index = min(
        range(len(values)),
        key=lambda i: (
            abs(values[i] - current) if isinstance(current, float) else (0 if values[i] == current else 1)
        ),
    )
    # Sliders stop at their ends; choices wrap around.
    index = max(0, min(len(values) - 1, index + step)) if isinstance(current, float) else (index + step) % len(values)
    return replace(settings, **{row.field: values[index]})


class SettingsScene(Scene):
    """Change how the game looks, sounds and listens."""

    name = "settings"

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.row = 0
        self._rects: list[pygame.Rect] = []

    def change(self, row: Row, step: int) -> None:
        self.kit.apply_settings(stepped(self.kit.settings, row, step))

    def build(self, size: tuple[int, int]) -> None:
        width, height = size
        fonts = self.kit.look.fonts
        top = fonts.get(26, bold=True).get_linesize() + 28 + 24
        button_h = fonts.px(17) + 24
        # Every row above the Back button: rows and the gaps between them shrink in a small window.
        line = fonts.get(18).get_linesize()
        step = min(line + 30, (height - top - button_h - 60) // len(ROWS))
        gap = min(8, max(3, step - line - 4))
        row_h = step - gap
        panel_w = min(820, width - 56)
        x = (width - panel_w) // 2
        self._rects = [pygame.Rect(x, top + i * step, panel_w, row_h) for i in range(len(ROWS))]
        back = _("Back (Esc)")
        back_w = max(160, fonts.get(17).size(back)[0] + 40)
        self.button(
            pygame.Rect(width - 28 - back_w, height - button_h - 22, back_w, button_h),
            back,
            self.kit.nav.pop,
            name="back",
            style="secondary",
            focus=False,
        )

    def handle(self, event: pygame.event.Event) -> bool:
        if gateway.key(event, pygame.K_ESCAPE, pygame.K_BACKSPACE):
            self.kit.nav.pop()
            return True
        if gateway.key(event, pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
            down = event.key == pygame.K_DOWN or (event.key == pygame.K_TAB and not gateway.shift_held(event))
            self.row = (self.row + (1 if down else -1)) % len(ROWS)
            return True
        if gateway.key(
            event, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE
        ):
            self.change(ROWS[self.row], -1 if event.key == pygame.K_LEFT else 1)
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for i, rect in enumerate(self._rects):
                if rect.collidepoint(event.pos):
                    self.row = i
                    self.change(ROWS[i], -1 if event.pos[0] < rect.right - 170 else 1)
                    return True
        return self.handle_common(event)

    def draw(self, surface: pygame.Surface) -> None:
        palette, fonts = self.kit.look.palette, self.kit.look.fonts
        surface.fill(palette.bg)
        width = surface.get_width()
        draw.header(
            surface,
            fonts.get(26, bold=True),
            fonts.get(15),
            _("Settings"),
            _("Up/Down choose · Left/Right change · Esc back"),
            palette,
        )
        label, value_font = fonts.get(18), fonts.get(18, bold=True)
        for i, (row, rect) in enumerate(zip(ROWS, self._rects, strict=True)):
            focused = i == self.row
            draw.panel(
                surface,
                rect,
                palette,
                edge=palette.focus if focused else None,
                edge_width=3 if focused else 1,
            )
            draw.text(surface, label, _(row.label), palette.ink, (rect.x + 22, rect.centery), "midleft")
            shown = row.shown(getattr(self.kit.settings, row.field))
            right = draw.text(
                surface,
                fonts.get(18, bold=True),
                "›",
                palette.accent,
                (rect.right - 22, rect.centery),
                "midright",
            )
            value = draw.text(
                surface, value_font, shown, palette.ink, (right.x - 14, rect.centery), "midright"
            )
            draw.text(
                surface,
                fonts.get(18, bold=True),
                "‹",
                palette.accent,
                (value.x - 14, rect.centery),
                "midright",
            )
        notes = []
        if self.kit.settings.input_mode == "spoken":
            ears = self.kit.ears()
            how = (
                _("In a call, just speak: each phrase is sent when you pause; typing still works.")
                if self.kit.settings.hands_free
                else _("In a call, hold F3 while you speak and let go to send; typing still works.")
            )
            notes.append(_(ears.notice) if ears.notice else how)
        if self.kit.voice.notice and self.kit.settings.voice:
            notes.append(_(self.kit.voice.notice))
        notes.append(_("Changes apply at once and are saved on this computer."))
        y = self._rects[-1].bottom + 18 if self._rects else 100
        for note in notes:
            y += (
                draw.paragraph(
                    surface,
                    fonts.get(14),
                    note,
                    palette.muted,
                    pygame.Rect(self._rects[0].x if self._rects else 28, y, min(820, width - 56), 60),
                    2,
                )
                + 4
            )


@routes.opens(routes.Settings)
def _open(kit: Kit, route: routes.Settings) -> SettingsScene:
    return SettingsScene(kit)
