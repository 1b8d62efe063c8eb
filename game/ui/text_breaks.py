"""Let the widgets' text boxes (the call's transcript, the turn-by-turn view) break Chinese lines.

pygame_gui lays out HTML text by breaking lines at spaces only: a Chinese sentence has none, so it is
pushed whole onto the next line and then cut with hyphens. Each text chunk recomputes its break points
from its text whenever the text changes (the four places all assign ``split_points`` straight after);
making ``split_points`` a property that always answers ``draw.break_points`` of the chunk's text adds
the breaks between Chinese characters and changes nothing for Latin text, whose breaks are its spaces.
"""

from __future__ import annotations

from typing import Any

from pygame_gui.core.text.text_line_chunk import TextLineChunkFTFont

from game.ui.draw import break_points


def _get(chunk: Any) -> list[int]:
    return break_points(chunk.text)


def _set(chunk: Any, _value: list[int]) -> None:
    """pygame_gui assigns the points it found at spaces right after setting the text; ours follow the text."""


def allow_cjk_breaks() -> None:
    """Install the break points on pygame_gui's text chunks (once; installing again changes nothing)."""
    if not isinstance(TextLineChunkFTFont.__dict__.get("split_points"), property):
        TextLineChunkFTFont.split_points = property(_get, _set)  # type: ignore[assignment]
