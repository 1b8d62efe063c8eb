"""Scenes and the stack that switches them.

A scene has a clear life: ``enter`` once, ``build`` its widgets for the window size (again after a
resize or a theme change), ``handle`` events, ``update`` and ``draw`` each frame, ``pause`` while
another scene covers it, ``resume``, and ``leave``. Only the top scene has widgets and receives events.
Each scene speaks one language: a scene of a scenario (briefing, call, scorecard) speaks the scenario's,
the others the window's (Settings decide; see ``Settings.language_for``). The stack makes it the current
language before the scene builds, handles, updates or draws, so going back to the menu speaks English again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game.i18n import set_language
from game.ui import draw
from game.ui.focus import FocusRing
from game.ui.routes import open_route

if TYPE_CHECKING:
    from game.ui.catalog import Catalog
    from game.ui.clock import FrameClock
    from game.ui.jobs import Jobs
    from game.ui.listen import Ears
    from game.ui.look import Look
    from game.ui.progress_store import Progress
    from game.ui.settings import Settings
    from game.ui.team_store import TeamStore
    from game.ui.voice import VoiceOut


@dataclass
class Kit:
    """The few services scenes share: widgets, look, settings, progress, jobs, clock, voice, scenes.

    ``ears`` opens spoken input on first use; ``results`` holds the team's results store (opened when a
    drill needs it); ``calibration_skipped``: the trainee skipped the voice calibration since the game
    started, so it is not offered again until the next start.
    """

    manager: pygame_gui.UIManager
    look: Look
    settings: Settings
    home: Path
    progress: Progress
    jobs: Jobs
    clock: FrameClock
    voice: VoiceOut
    catalog: Catalog
    nav: SceneStack
    apply_settings: Callable[[Settings], None]
    quit: Callable[[], None]
    ears: Callable[[], Ears]
    results: TeamStore
    calibration_skipped: bool = False

    @property
    def size(self) -> tuple[int, int]:
        return draw.screen().get_size()


class Scene:
    """Base scene: widget bookkeeping, buttons wired to actions, keyboard focus."""

    name = "scene"

    def __init__(self, kit: Kit, language: str | None = None) -> None:
        self.kit = kit
        self.scenario_language = language
        self.speak()
        self.widgets: list[pygame_gui.core.UIElement] = []
        self.actions: dict[pygame_gui.core.UIElement, Callable[[], None]] = {}
        self.ring = FocusRing()

    def speak(self) -> None:
        """Make this scene's language the one ``_()`` answers in."""
        set_language(self.kit.settings.language_for(self.scenario_language))

    # life
    def enter(self) -> None:
        """Called once when the scene is first shown."""

    def leave(self) -> None:
        """Called once when the scene is removed."""

    def pause(self) -> None:
        """Another scene now covers this one."""

    def resume(self) -> None:
        """The scene above was removed; this one is on top again."""

    def build(self, size: tuple[int, int]) -> None:
        """Create widgets and focus targets for a window of ``size``."""

    def update(self, dt: float) -> None:
        """Advance by ``dt`` seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.kit.look.palette.bg)

    def handle(self, event: pygame.event.Event) -> bool:
        """React to one event; True when it was used."""
        return self.handle_common(event)

    # navigation
    def go(self, route: object) -> None:
        """Open ``route`` over this scene (Esc there comes back here)."""
        self.kit.nav.push(open_route(self.kit, route))

    def swap(self, route: object) -> None:
        """Open ``route`` in this scene's place."""
        self.kit.nav.replace(open_route(self.kit, route))

    # helpers
    def teardown(self) -> None:
        for widget in self.widgets:
            widget.kill()
        self.widgets = []
        self.actions = {}
        self.ring.clear()

    def mount(self, size: tuple[int, int]) -> None:
        """(Re)build for the window, keeping the focused target where it was."""
        current = self.ring.current
        focused = current.name if current else None
        self.teardown()
        self.build(size)
        if focused:
            self.ring.focus(focused)

    def button(
        self,
        rect: pygame.Rect,
        label: str,
        action: Callable[[], None],
        *,
        name: str | None = None,
        style: str | None = None,
        focus: bool = True,
    ) -> pygame_gui.elements.UIButton:
        object_id = ObjectID(class_id=f"@{style}") if style else None
        widget = pygame_gui.elements.UIButton(rect, label, self.kit.manager, object_id=object_id)
        self.widgets.append(widget)
        self.actions[widget] = action
        if focus:
            self.ring.add(name or label, rect, action)
        return widget

    def handle_common(self, event: pygame.event.Event, arrows: bool = True) -> bool:
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self.actions.get(event.ui_element)
            if action is not None:
                for i, target in enumerate(self.ring.targets):
                    if target.rect == event.ui_element.relative_rect:
                        self.ring.index = i
                action()
                return True
            return False
        return self.ring.handle(event, arrows)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn after the widgets: the focus ring, and any overlay a scene adds."""
        self.draw_focus(surface)

    def draw_focus(self, surface: pygame.Surface) -> None:
        target = self.ring.current
        if target is not None:
            draw.focus_ring(surface, target.rect, self.kit.look.palette)


class SceneStack:
    """Push, pop and replace scenes; the top one is mounted, the ones below wait."""

    def __init__(self) -> None:
        self.scenes: list[Scene] = []

    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def _size(self) -> tuple[int, int]:
        return draw.screen().get_size()

    def push(self, scene: Scene) -> None:
        if self.top is not None:
            self.top.teardown()
            self.top.pause()
        self.scenes.append(scene)
        scene.speak()
        scene.enter()
        scene.mount(self._size())

    def pop(self) -> None:
        if not self.scenes:
            return
        old = self.scenes.pop()
        old.teardown()
        old.leave()
        if self.top is not None:
            self.top.speak()
            self.top.resume()
            self.top.mount(self._size())

    def replace(self, scene: Scene) -> None:
        if self.scenes:
            old = self.scenes.pop()
            old.teardown()
            old.leave()
        self.push(scene)

    def back_to(self, name: str) -> None:
        """Pop scenes until the one called ``name`` is on top (the main menu, usually)."""
        if self.top is None or self.top.name == name:
            return
        self.top.teardown()
        while len(self.scenes) > 1 and self.scenes[-1].name != name:
            self.scenes.pop().leave()
        self.top.speak()
        self.top.resume()
        self.top.mount(self._size())

    def remount(self) -> None:
        if self.top is not None:
            self.top.speak()
            self.top.mount(self._size())

    def handle(self, event: pygame.event.Event) -> bool:
        if self.top is None:
            return False
        self.top.speak()
        return self.top.handle(event)

    def update(self, dt: float) -> None:
        if self.top is not None:
            self.top.speak()
            self.top.update(dt)

    def draw(self, surface: pygame.Surface) -> None:
        if self.top is not None:
            self.top.speak()
            self.top.draw(surface)
