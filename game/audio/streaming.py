"""Recognising while the trainee speaks: voice activity on the growing buffer, and partial results.

The worker process keeps one :class:`Utterance` per spoken turn. Audio arrives in small chunks while
the talk key is held; whenever enough new speech has come in, the buffer so far is recognised (a
partial result, shown as a live subtitle). As soon as the speech has been followed by a short
silence, the whole utterance is recognised once more, so when the trainee lets go of the key the
words are usually ready: a result is reused when no speech came after the audio it heard.
"""

from __future__ import annotations

import numpy as np

from game.audio.wavio import RECOGNITION_RATE

FRAME = RECOGNITION_RATE // 50  # 20 ms of audio per voice-activity decision
FLOOR_DBFS = -50.0  # quieter than this is never speech
ABOVE_NOISE_DB = 12.0  # speech stands this far above the quietest frames heard so far
PARTIAL_EVERY = 1.0  # seconds of new speech before another partial result
ENDPOINT_SILENCE = 0.12  # seconds of silence after speech before the final recognition starts early


class Utterance:
    """One spoken turn as it grows: its samples, where speech is, and what was recognised of it."""

    def __init__(self) -> None:
        self._chunks: list[np.ndarray] = []
        self._size = 0
        self._levels: list[float] = []
        self._pending = np.zeros(0, dtype=np.float32)
        self.voiced_end = 0  # sample just after the last frame of speech
        self.heard_upto = -1  # voiced_end when the latest text was recognised
        self.final = False  # the latest text is the full reading, not a quick partial
        self.text = ""

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
                self.voiced_end = first + (i + 1) * FRAME

    def has_speech(self) -> bool:
        return self.voiced_end > 0

    def silence_after(self) -> float:
        """Seconds of audio since the speech last stopped."""
        return (self._size - self._pending.size - self.voiced_end) / RECOGNITION_RATE

    def due(self) -> bool:
        """Is recognising now worth it: enough new speech for a partial, or the speech just ended?"""
        if not self.has_speech():
            return False
        if self.heard_upto == self.voiced_end:
            return self.ended() and not self.final
        new_speech = (self.voiced_end - max(0, self.heard_upto)) / RECOGNITION_RATE
        return new_speech >= PARTIAL_EVERY or self.ended()

    def ended(self) -> bool:
        """Has the speech been followed by enough silence that it has probably stopped?"""
        return self.has_speech() and self.silence_after() >= ENDPOINT_SILENCE

    def current(self) -> bool:
        """Does the latest text cover all the speech there is?"""
        return self.heard_upto == self.voiced_end

    def speech(self) -> np.ndarray:
        """The samples up to the end of the speech (and a little after, so the last word is whole)."""
        return self.samples[: self.voiced_end + RECOGNITION_RATE // 10]
