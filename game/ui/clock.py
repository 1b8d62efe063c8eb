"""The window's clock: the shell owns time, and the engine gets it with every turn.

Real mode follows the wall clock. Stepped mode advances exactly one frame (1/60 s) per tick, so a
scripted call runs headless as fast as the machine allows and still looks, frame by frame, like a call
played at 60 frames a second: the same screenshots, the same call record.
"""

from __future__ import annotations

import time

FRAME = 1 / 60


class FrameClock:
    """Seconds since the window opened, and the time since the last frame."""

    def __init__(self, stepped: bool = False) -> None:
        self.stepped = stepped
        self._start = time.perf_counter()
        self._now = 0.0
        self._last = 0.0

    def tick(self) -> float:
        """Advance to the next frame; returns the frame's length in seconds."""
        if self.stepped:
            self._now += FRAME
        else:
            self._now = time.perf_counter() - self._start
        dt, self._last = self._now - self._last, self._now
        return min(dt, 0.25)

    def now(self) -> float:
        return self._now
