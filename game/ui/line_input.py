"""The trainee's line: a text box that wraps a long line instead of scrolling it sideways.

pygame_gui's multi-line entry box, with Enter sending the line (as the one-line entry does, with
``UI_TEXT_ENTRY_FINISHED``) rather than starting a new line, and pasted line breaks made spaces. The
hint is drawn by the scene in the muted colour (the widget would draw it in the typed text's colour).
"""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UITextEntryBox

ENTER_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER)


class LineInput(UITextEntryBox):
    """A wrapping one-line answer: Enter sends."""

    def __init__(self, rect: pygame.Rect, manager: pygame_gui.UIManager) -> None:
        super().__init__(rect, "", manager)
        # the box takes its ids after its first theming: theme it again as a "text_entry_box"
        self.rebuild_from_changed_theme_data()  # type: ignore[no-untyped-call]

    def process_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in ENTER_KEYS and self.is_focused and self.is_enabled:
            data = {"text": self.get_text(), "ui_element": self, "ui_object_id": self.most_specific_combined_id}
            pygame.event.post(pygame.event.Event(pygame_gui.UI_TEXT_ENTRY_FINISHED, data))
            return True
        if event.type == pygame.TEXTINPUT and ("\n" in event.text or "\r" in event.text):
            event = pygame.event.Event(pygame.TEXTINPUT, text=event.text.replace("\r", " ").replace("\n", " "))
        return bool(super().process_event(event))

    def text(self) -> str:
        """What was typed (the box keeps it as HTML text)."""
        return str(self.get_text())

    # typed doors onto the widget's own (unannotated) methods
    def focus(self) -> None:
        super().focus()  # type: ignore[no-untyped-call]

    def unfocus(self) -> None:
        super().unfocus()  # type: ignore[no-untyped-call]

    def disable(self) -> None:
        super().disable()  # type: ignore[no-untyped-call]
