"""The debtor's voice as the window sees it: a small adapter chosen once, at start-up.

``speak`` never blocks the frame: it returns a ``Speech`` at once and rendering runs elsewhere; the
speech becomes ``ready`` with its real duration when its audio exists. The call scene starts it with
``play`` when the line is due and reveals the subtitle over that duration, or over the line's reading
time when there is no sound. With no audio device the silent voice is used and ``notice`` says so.
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
    audio: object | None = None


class VoiceOut(Protocol):
    """What the call scene needs from a voice: prepare, speak, play, stop, and a notice when it cannot."""

    speaks: bool

    @property
    def notice(self) -> str | None: ...

    def prepare(self, lines: list[str], voice: Voice) -> None: ...

    def speak(self, text: str, voice: Voice) -> Speech: ...

    def play(self, speech: Speech) -> None: ...

    def poll(self) -> None: ...

    def settle(self, timeout: float = 5.0) -> None: ...

    def stop(self) -> None: ...

    def set_levels(self, volume: float, rate: float) -> None: ...

    def close(self) -> None: ...


class SilentVoice:
    """No sound: every line is ready at once and read at reading pace."""

    speaks = False

    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice

    def prepare(self, lines: list[str], voice: Voice) -> None:
        """Nothing to prepare without sound."""

    def speak(self, text: str, voice: Voice) -> Speech:
        return Speech(text, ready=True)

    def play(self, speech: Speech) -> None:
        """Nothing to play."""

    def poll(self) -> None:
        """Nothing is ever pending."""

    def settle(self, timeout: float = 5.0) -> None:
        """Nothing is ever pending."""

    def stop(self) -> None:
        """Nothing is playing."""

    def set_levels(self, volume: float, rate: float) -> None:
        """Silence has no volume."""

    def close(self) -> None:
        """Nothing to close."""
