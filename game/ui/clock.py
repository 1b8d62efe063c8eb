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


class CallClock:
    """Call seconds on top of the window's clock, which a demo may pause or speed up.

    ``now`` is negative while the phone rings. Pausing holds it; a faster pace makes it run that many
    times the window's time from the moment it was set, so no second is skipped or counted twice.
    """

    def __init__(self, clock: FrameClock, ring: float = 0.0) -> None:
        self.clock = clock
        self.speed = 1.0
        self.paused = False
        self._at_clock = clock.now()
        self._at_call = -ring

    def restart(self, ring: float) -> None:
        """The phone rings again: ``ring`` seconds until it is answered."""
        self._at_clock, self._at_call = self.clock.now(), -ring

    def now(self) -> float:
        if self.paused:
            return self._at_call
        return self._at_call + (self.clock.now() - self._at_clock) * self.speed

    def set_pace(self, *, paused: bool | None = None, speed: float | None = None) -> None:
        self._at_call, self._at_clock = self.now(), self.clock.now()
        if paused is not None:
            self.paused = paused
        if speed is not None:
            self.speed = speed
