"""Recognising while the trainee speaks: voice activity on the growing buffer, and partial results.

The worker process keeps one :class:`Utterance` per spoken turn. Audio arrives in small chunks while
the talk key is held. A pause inside the turn ends a phrase, which is recognised once and for good;
only the speech after the last pause (the tail) is read again as it grows, for the live subtitle.
Every reading is a full one, so when the trainee stops, the words are the phrases already read plus
one reading of a short tail, and a tail already read to its end is not read again.
"""

from __future__ import annotations

import numpy as np

from game.audio.wavio import RECOGNITION_RATE

FRAME = RECOGNITION_RATE // 50  # 20 ms of audio per voice-activity decision
FLOOR_DBFS = -50.0  # quieter than this is never speech
ABOVE_NOISE_DB = 12.0  # speech stands this far above the quietest frames heard so far
PARTIAL_EVERY = 2.0  # seconds of new speech without a pause before the tail is read again
SEGMENT_PAUSE = 0.25  # a pause this long inside a turn ends a phrase that is recognised for good
ENDPOINT_SILENCE = SEGMENT_PAUSE  # the same pause, when no speech follows yet: the tail is read at once


class Utterance:
    """One spoken turn as it grows: its samples, where speech is, and what was recognised of it."""

    def __init__(self) -> None:
        self._chunks: list[np.ndarray] = []
        self._size = 0
        self._levels: list[float] = []
        self._pending = np.zeros(0, dtype=np.float32)
        self.voiced_end = 0  # sample just after the last frame of speech
        self.heard_upto = -1  # voiced_end when the tail was last read
        self.tail_text = ""  # what was recognised after the phrases already done
        self.done_text = ""  # the phrases recognised for good
        self.done_end = 0  # where they end
        self._pauses: list[int] = []  # ends of phrases that a long pause followed
        self.partial_every = PARTIAL_EVERY  # grows on a slow machine, so partials never starve the end

    @property
    def samples(self) -> np.ndarray:
        if len(self._chunks) > 1:
            self._chunks = [np.concatenate(self._chunks)]
        return self._chunks[0] if self._chunks else np.zeros(0, dtype=np.float32)

    @property
    def seconds(self) -> float:
        return self._size / RECOGNITION_RATE

    def add(self, pcm16: bytes) -> None:
        """Append 16 kHz 16-bit mono PCM and update where the speech ends."""
        chunk = np.frombuffer(pcm16, dtype="<i2").astype(np.float32) / 32768.0
        self._chunks.append(chunk)
        self._size += chunk.size
        self._pending = np.concatenate([self._pending, chunk])
        whole = self._pending.size - self._pending.size % FRAME
        frames = self._pending[:whole].reshape(-1, FRAME)
        self._pending = self._pending[whole:]
        first = self._size - self._pending.size - whole
        for i, frame in enumerate(frames):
            level = 10 * np.log10(float(np.mean(frame**2)) + 1e-12)
            self._levels.append(level)
            if level > max(FLOOR_DBFS, min(self._levels) + ABOVE_NOISE_DB):
                here = first + (i + 1) * FRAME
                if (
                    self.voiced_end > self.done_end
                    and here - FRAME - self.voiced_end >= SEGMENT_PAUSE * RECOGNITION_RATE
                ):
                    self._pauses.append(self.voiced_end)
                self.voiced_end = here

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.done_text, self.tail_text) if part)

    def phrase(self) -> tuple[int, int] | None:
        """The next phrase that a pause has ended and that is not yet recognised for good."""
        ahead = [end for end in self._pauses if end > self.done_end]
        return (self.done_end, ahead[0]) if ahead else None

    def phrase_done(self, text: str, end: int) -> None:
        """A phrase was recognised for good; later readings start after it."""
        self.done_text = " ".join(part for part in (self.done_text, text) if part)
        self.done_end = end
        self.heard_upto, self.tail_text = end, ""

    def has_speech(self) -> bool:
        return self.voiced_end > 0

    def silence_after(self) -> float:
        """Seconds of audio since the speech last stopped."""
        return (self._size - self._pending.size - self.voiced_end) / RECOGNITION_RATE

    def due(self) -> bool:
        """Is reading the tail now worth it: enough new speech for a partial, or the speech paused?"""
        if not self.has_speech() or self.voiced_end <= self.done_end:
            return False
        if self.current():
            return False
        new_speech = (self.voiced_end - max(self.done_end, self.heard_upto)) / RECOGNITION_RATE
        return new_speech >= self.partial_every or self.ended()

    def ended(self) -> bool:
        """Has the speech been followed by enough silence that it has probably stopped?"""
        return self.has_speech() and self.silence_after() >= ENDPOINT_SILENCE

    def current(self) -> bool:
        """Does the latest text cover all the speech there is?"""
        return self.heard_upto == self.voiced_end

    def tail_covers(self, end: int) -> bool:
        """Was the tail last read exactly up to ``end`` (so a phrase ending there is read already)?"""
        return self.heard_upto == end and end > self.done_end

    def speech(self, start: int | None = None, end: int | None = None) -> np.ndarray:
        """The samples of the speech after the phrases done (and a little either side, so the first and
        last words are whole)."""
        start = self.done_end if start is None else start
        end = self.voiced_end if end is None else end
        pad = RECOGNITION_RATE // 10
        return self.samples[max(0, start - pad) : end + pad]
