"""The debtor's voice as the window sees it: a small adapter chosen once, at start-up.

``speak`` never blocks the frame: it returns a ``Speech`` at once; synthesis runs elsewhere and the
speech becomes ``ready`` with its real duration when playback starts. The call scene reveals the
subtitle in step with that duration, or with the line's reading time when there is no sound. With no
audio device the silent voice is used and ``notice`` says so on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from game.engine.scenario.models import Voice


@dataclass
class Speech:
    """One line being voiced: ``duration`` is known once ``ready``; None means "no sound, read it"."""

    text: str
    ready: bool = False
    duration: float | None = None
    failed: bool = False


class VoiceOut(Protocol):
    """What the call scene needs from a voice: speak, stop, and a notice when it cannot."""

    notice: str | None

    def prepare(self, lines: list[tuple[str, Voice]]) -> None: ...

    def speak(self, text: str, voice: Voice) -> Speech: ...

    def poll(self) -> None: ...

    def stop(self) -> None: ...

    def set_levels(self, volume: float, rate: float) -> None: ...


class SilentVoice:
    """No sound: every line is ready at once and read at reading pace."""

    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice

    def prepare(self, lines: list[tuple[str, Voice]]) -> None:
        """Nothing to prepare without sound."""

    def speak(self, text: str, voice: Voice) -> Speech:
        return Speech(text, ready=True)

    def poll(self) -> None:
        """Nothing is ever pending."""

    def stop(self) -> None:
        """Nothing is playing."""

    def set_levels(self, volume: float, rate: float) -> None:
        """Silence has no volume."""
