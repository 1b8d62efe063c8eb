"""Colours, fonts and the widget theme: one place decides how the window looks.

The pygame_gui theme lives in ``assets/theme`` as JSON (light, plus high-contrast overrides); fonts are
added here per element type because pygame_gui does not inherit them, and sized by the text-size
setting. Noto Sans SC covers Latin and Chinese, so a Chinese scenario pack needs no font change.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

import assets

ASSETS = Path(assets.__file__).resolve().parent
FONT_REGULAR = ASSETS / "fonts" / "NotoSansSC-Regular.otf"
FONT_BOLD = ASSETS / "fonts" / "NotoSansSC-Bold.otf"
TEXT_SCALES = {"small": 0.9, "normal": 1.0, "large": 1.15, "larger": 1.3}
THEMED_ELEMENTS = ("button", "label", "text_box", "text_entry_line", "text_entry_box", "tool_tip")
# The (size, bold) fonts the scenes draw with, opened before the first frame rather than during one.
SCENE_FONTS = (
    *((size, False) for size in (13, 14, 15, 16, 17, 18, 19, 21)),
    *((size, True) for size in (12, 13, 14, 15, 16, 18, 20, 21, 22, 24, 26, 28, 30, 34, 44, 46)),
)
Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    """The colours scenes draw with; the widget theme JSON uses the same values."""

    bg: Colour
    panel: Colour
    panel_edge: Colour
    ink: Colour
    muted: Colour
    accent: Colour
    accent_soft: Colour
    warm: Colour
    danger: Colour
    danger_soft: Colour
    success: Colour
    focus: Colour
    shadow: tuple[int, int, int, int]
    track: Colour
    star: Colour
    anger: Colour
    trust: Colour
    willingness: Colour


LIGHT = Palette(
    bg=(243, 238, 230),
    panel=(255, 255, 255),
    panel_edge=(221, 214, 203),
    ink=(31, 36, 48),
    muted=(84, 92, 106),
    accent=(15, 118, 110),
    accent_soft=(215, 236, 232),
    warm=(180, 83, 9),
    danger=(180, 35, 24),
    danger_soft=(253, 228, 225),
    success=(22, 118, 62),
    focus=(29, 78, 216),
    shadow=(60, 45, 30, 38),
    track=(229, 225, 218),
    star=(230, 160, 20),
    anger=(200, 60, 45),
    trust=(40, 110, 190),
    willingness=(30, 140, 90),
)

CONTRAST = Palette(
    bg=(0, 0, 0),
    panel=(0, 0, 0),
    panel_edge=(255, 255, 255),
    ink=(255, 255, 255),
    muted=(225, 225, 225),
    accent=(255, 212, 0),
    accent_soft=(60, 52, 0),
    warm=(255, 212, 0),
    danger=(255, 138, 128),
    danger_soft=(60, 0, 0),
    success=(124, 252, 0),
    focus=(0, 229, 255),
    shadow=(0, 0, 0, 0),
    track=(70, 70, 70),
    star=(255, 212, 0),
    anger=(255, 110, 100),
    trust=(110, 190, 255),
    willingness=(124, 252, 0),
)


class Fonts:
    """Fonts by point size, scaled by the text-size setting and cached (opening one costs ~10 ms)."""

    def __init__(self, scale: float) -> None:
        self.scale = scale
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def px(self, size: int) -> int:
        return max(8, round(size * self.scale))

    def warm(self) -> None:
        """Open every font the scenes use now, so that no frame waits for one."""
        for size, bold in SCENE_FONTS:
            self.get(size, bold)

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        key = (self.px(size), bold)
        font = self._cache.get(key)
        if font is None:
            font = pygame.font.Font(FONT_BOLD if bold else FONT_REGULAR, key[0])
            self._cache[key] = font
        return font


def _font_block(size: int) -> dict[str, str]:
    return {
        "name": "noto_sans_sc",
        "size": str(size),
        "regular_path": str(FONT_REGULAR),
        "bold_path": str(FONT_BOLD),
        "italic_path": str(FONT_REGULAR),
        "bold_italic_path": str(FONT_BOLD),
    }


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def widget_theme(contrast: bool, scale: float) -> dict[str, Any]:
    """The pygame_gui theme as a dict: colours from JSON, our font on every element type."""
    theme: dict[str, Any] = json.loads((ASSETS / "theme" / "light.json").read_text(encoding="utf-8"))
    if contrast:
        theme = _merge(theme, json.loads((ASSETS / "theme" / "contrast.json").read_text(encoding="utf-8")))
    size = max(8, round(17 * scale))
    for element in THEMED_ELEMENTS:
        theme.setdefault(element, {})["font"] = _font_block(size)
    for class_id in ("@secondary", "@danger"):
        theme.setdefault(class_id, {})["font"] = {**_font_block(size), "bold": "1"}
    theme.setdefault("@chip", {})["font"] = _font_block(max(8, round(15 * scale)))
    return theme


@dataclass
class Look:
    """Palette, fonts and widget theme for the current settings."""

    palette: Palette
    fonts: Fonts
    contrast: bool

    @classmethod
    def make(cls, contrast: bool, text_size: str) -> Look:
        scale = TEXT_SCALES.get(text_size, 1.0)
        return cls(CONTRAST if contrast else LIGHT, Fonts(scale), contrast)

    def theme(self) -> dict[str, Any]:
        return widget_theme(self.contrast, self.fonts.scale)

    def preload(self) -> list[dict[str, Any]]:
        """Font styles the widget manager should open up front (bold text in transcripts)."""
        size = max(8, round(17 * self.fonts.scale))
        small = max(8, round(15 * self.fonts.scale))
        wanted = [(size, "italic"), (small, "bold"), (small, "italic")]
        return [{"name": "noto_sans_sc", "point_size": s, "style": style} for s, style in wanted]
