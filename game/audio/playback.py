"""Playing rendered lines through pygame.mixer, or keeping time silently when there is no device.

The game asks the same four things in both modes (is the debtor still talking, for how long so far,
stop, play), so subtitles, interruption and "let me finish" work with or without sound.
"""

from __future__ import annotations

import os
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Protocol

from game.audio.tts import RenderedLine

MIXER_RATE = 22050  # espeak-ng's own rate: voice files load without resampling
MIXER_BUFFER = 512  # samples; about 23 ms of output latency at 22.05 kHz
_SOUNDS_KEPT = 64


class Player(Protocol):
    """Plays one debtor line at a time."""

    name: str
    notice: str | None

    def load(self, line: RenderedLine) -> None: ...

    def play(self, line: RenderedLine) -> None: ...

    def stop(self) -> None: ...

    def is_playing(self) -> bool: ...

    def elapsed(self) -> float: ...

    def output_latency(self) -> float: ...

    def close(self) -> None: ...


class SilentPlayer:
    """No sound: a line "plays" for its length on the clock, so timing stays the same."""

    name = "silent"

    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice
        self._started: float | None = None
        self._length = 0.0
        self._stopped_at: float | None = None

    def load(self, line: RenderedLine) -> None:
        """Nothing to load."""

    def play(self, line: RenderedLine) -> None:
        self._started, self._length, self._stopped_at = time.monotonic(), line.seconds, None

    def stop(self) -> None:
        if self._started is not None and self._stopped_at is None:
            self._stopped_at = min(time.monotonic() - self._started, self._length)

    def is_playing(self) -> bool:
        return self._started is not None and self._stopped_at is None and self.elapsed() < self._length

    def elapsed(self) -> float:
        """Seconds of the current line heard so far."""
        if self._started is None:
            return 0.0
        if self._stopped_at is not None:
            return self._stopped_at
        return min(time.monotonic() - self._started, self._length)

    def output_latency(self) -> float:
        return 0.0

    def close(self) -> None:
        self.stop()


class MixerPlayer(SilentPlayer):
    """pygame.mixer playback on one channel; sounds of prepared lines are kept loaded."""

    name = "mixer"

    def __init__(self, pygame: Any) -> None:
        super().__init__(None)
        self._mixer = pygame.mixer
        self._error: type[Exception] = pygame.error
        self._sounds: OrderedDict[Path, Any] = OrderedDict()
        self._channel: Any = None

    def _sound(self, path: Path) -> Any:
        sound = self._sounds.pop(path, None) or self._mixer.Sound(str(path))
        self._sounds[path] = sound
        while len(self._sounds) > _SOUNDS_KEPT:
            self._sounds.popitem(last=False)
        return sound

    def load(self, line: RenderedLine) -> None:
        """Decode a rendered line now so that playing it later costs nothing."""
        if line.path is not None:
            self._sound(line.path)

    def play(self, line: RenderedLine) -> None:
        self.stop()
        super().play(line)
        if line.path is None:
            return
        try:
            self._channel = self._sound(line.path).play()
        except (self._error, OSError):
            self._channel = None

    def stop(self) -> None:
        if self._channel is not None:
            self._channel.stop()
            self._channel = None
        super().stop()

    def output_latency(self) -> float:
        """Seconds from ``play`` to the first sample leaving the device (one mixer buffer)."""
        frequency = (self._mixer.get_init() or (MIXER_RATE,))[0]
        return MIXER_BUFFER / float(frequency)

    def close(self) -> None:
        self.stop()
        self._sounds.clear()
        self._mixer.quit()


def open_player(driver: str | None = None) -> Player:
    """pygame.mixer if an audio device opens, else silent mode with a one-line notice.

    ``driver`` picks an SDL audio driver (``"dummy"`` for tests and headless runs); by default SDL
    chooses, honouring ``SDL_AUDIODRIVER``.
    """
    if driver is not None:
        os.environ["SDL_AUDIODRIVER"] = driver
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except ImportError:
        return SilentPlayer("No sound library (pygame) found: playing silently with subtitles.")
    try:
        pygame.mixer.quit()
        pygame.mixer.init(frequency=MIXER_RATE, size=-16, channels=1, buffer=MIXER_BUFFER)
    except pygame.error as err:
        return SilentPlayer(f"No audio device ({err}): playing silently with subtitles.")
    return MixerPlayer(pygame)
