"""The one input gateway: the only code that reads the pygame event queue.

Everything the window reacts to comes through here: keys, text, clicks, widget events, finished
background jobs, and the synthetic keystrokes of scripted play (posted to the same queue, so a
scripted call exercises exactly the paths a trainee's keyboard does).
"""

from __future__ import annotations

import pygame

RESIZE_EVENTS = (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED)


def poll() -> list[pygame.event.Event]:
    """This frame's events, in order."""
    return pygame.event.get()


def is_resize(event: pygame.event.Event) -> bool:
    return event.type in RESIZE_EVENTS


def key(event: pygame.event.Event, *keys: int) -> bool:
    """A key press of one of ``keys``."""
    return event.type == pygame.KEYDOWN and event.key in keys


def shift_held(event: pygame.event.Event) -> bool:
    return bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
