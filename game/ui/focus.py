"""Keyboard focus across a scene's targets: the whole game must be playable without a mouse.

Tab and Shift+Tab walk the targets in order; the arrow keys move to the nearest target in that
direction (so card grids and button rows feel natural); Enter or Space activates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import gateway

ARROWS = {
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
}


@dataclass
class Target:
    """Something the keyboard can reach: where it is and what activating it does."""

    name: str
    rect: pygame.Rect
    activate: Callable[[], None]


class FocusRing:
    """The targets of one scene and which of them has the focus."""

    def __init__(self) -> None:
        self.targets: list[Target] = []
        self.index = 0

    def clear(self) -> None:
        self.targets = []

    def add(self, name: str, rect: pygame.Rect, activate: Callable[[], None]) -> Target:
        target = Target(name, rect, activate)
        self.targets.append(target)
        return target

    @property
    def current(self) -> Target | None:
        if not self.targets:
            return None
        self.index %= len(self.targets)
        return self.targets[self.index]

    def focus(self, name: str) -> None:
        for i, target in enumerate(self.targets):
            if target.name == name:
                self.index = i
                return

    def _nearest(self, dx: int, dy: int) -> int | None:
        here = self.current
        if here is None:
            return None
        cx, cy = here.rect.center
        best: tuple[float, int] | None = None
        for i, target in enumerate(self.targets):
            tx, ty = target.rect.center
            along = (tx - cx) * dx + (ty - cy) * dy
            if i == self.index or along <= 0:
                continue
            across = abs((tx - cx) * dy) + abs((ty - cy) * dx)
            cost = along + 2 * across + (0 if across <= along else 100_000)
            if best is None or cost < best[0]:
                best = (cost, i)
        return best[1] if best else None

    def handle(self, event: pygame.event.Event, arrows: bool = True) -> bool:
        """Move or activate on a key press; returns whether the event was used."""
        if event.type != pygame.KEYDOWN or not self.targets:
            return False
        if event.key == pygame.K_TAB:
            step = -1 if gateway.shift_held(event) else 1
            self.index = (self.index + step) % len(self.targets)
            return True
        if arrows and event.key in ARROWS:
            found = self._nearest(*ARROWS[event.key])
            if found is not None:
                self.index = found
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            target = self.current
            if target is not None:
                target.activate()
            return True
        return False
