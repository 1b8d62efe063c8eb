"""Helpers for the window tests: a headless app and real pygame events (keys, text, clicks)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.ui.app import App
from game.ui.clock import FRAME
from game.ui.scene import Scene


def own_results_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the window's results store at a SQLite file of this test's own, never the user's."""
    path = tmp_path / "results.sqlite3"
    monkeypatch.setenv("COLLECTOR_SIM_DB", f"sqlite:///{path}")
    return path


@pytest.fixture
def results_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return own_results_store(tmp_path, monkeypatch)


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[App]:
    """A window on the dummy video driver, its clock stepped one frame per tick, data in tmp_path."""
    own_results_store(tmp_path, monkeypatch)
    window = App(tmp_path / "home", stepped=True, voice=False)
    yield window
    window.close()


def frames(app: App, count: int = 3) -> None:
    for _ in range(count):
        app.frame()


def seconds(app: App, value: float) -> None:
    frames(app, round(value / FRAME) + 1)


def press(app: App, key: int, mod: int = 0, after: int = 2) -> None:
    for kind in (pygame.KEYDOWN, pygame.KEYUP):
        pygame.event.post(pygame.event.Event(kind, key=key, mod=mod, unicode="", scancode=0))
    frames(app, after)


def release(app: App, key: int, after: int = 2) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
    frames(app, after)


def hold(app: App, key: int, after: int = 2) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
    frames(app, after)


def type_text(app: App, text: str) -> None:
    for ch in text:
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    frames(app, 2)


def click(app: App, rect: pygame.Rect, after: int = 3) -> None:
    pos = rect.center
    pygame.mouse.set_pos(pos)
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=pos, button=1, touch=False, window=None))
    frames(app, after)


def top(app: App) -> Scene:
    scene = app.kit.nav.top
    assert scene is not None
    return scene


def target(scene: Scene, name: str) -> pygame.Rect:
    """Where a focusable target (a button, a card) is drawn."""
    for item in scene.ring.targets:
        if item.name == name:
            return item.rect
    raise AssertionError(f"no target {name!r}; there are {[t.name for t in scene.ring.targets]}")
