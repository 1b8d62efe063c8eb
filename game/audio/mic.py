"""The trainee's microphone through SpeechRecognition: push-to-talk or hands-free, as 16 kHz WAV bytes.

Without a microphone (``sr.Microphone()`` raises ``OSError('No Default Input Device Available')``) or
without PyAudio, :func:`open_mic` returns :class:`NoMic`, whose notice tells the trainee to type; the
game then shows the text box instead of the talk key.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from game.audio.wavio import RECOGNITION_RATE, read_for_recognition, wav_bytes

PAUSE_SECONDS = 0.8  # hands-free: this much silence ends a phrase
PHRASE_LIMIT_SECONDS = 20.0


@dataclass(frozen=True)
class Captured:
    """One spoken turn: WAV bytes and when it started and ended (``time.monotonic`` seconds), so the
    game can tell whether the trainee spoke over the debtor."""

    wav: bytes
    started: float
    ended: float


class Mic(Protocol):
    """A microphone, or its absence."""

    name: str
    notice: str | None
    available: bool

    def calibrate(self, seconds: float = 0.5) -> None: ...

    def start(self) -> None: ...

    def stop(self) -> Captured | None: ...

    def start_hands_free(self, on_phrase: Callable[[Captured], None]) -> None: ...

    def stop_hands_free(self) -> None: ...

    def close(self) -> None: ...


@runtime_checkable
class StreamingMic(Protocol):
    """A microphone whose recording can be read while it grows, so recognition starts early."""

    def take(self) -> bytes:
        """16 kHz 16-bit mono PCM recorded since the last ``take`` (push-to-talk only)."""
        ...


class NoMic:
    """No microphone: every capture is empty and the notice says to type."""

    name = "none"
    available = False

    def __init__(self, notice: str) -> None:
        self.notice: str | None = notice

    def calibrate(self, seconds: float = 0.5) -> None:
        """Nothing to calibrate."""

    def start(self) -> None:
        """Nothing to record."""

    def stop(self) -> Captured | None:
        return None

    def start_hands_free(self, on_phrase: Callable[[Captured], None]) -> None:
        """Nothing to listen to."""

    def stop_hands_free(self) -> None:
        """Nothing to stop."""

    def close(self) -> None:
        """Nothing to close."""


class SpeechRecognitionMic:
    """A SpeechRecognition ``Microphone`` with energy end-pointing for hands-free use."""

    name = "microphone"
    available = True

    def __init__(self, sr: Any, source: Any) -> None:
        self.notice: str | None = None
        self._sr = sr
        self._source = source
        self._recognizer = sr.Recognizer()
        self._recognizer.dynamic_energy_threshold = True
        self._recognizer.pause_threshold = PAUSE_SECONDS
        self._frames: list[bytes] = []
        self._taken = 0
        self._recording = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = 0.0
        self._stop_listening: Callable[..., None] | None = None

    def calibrate(self, seconds: float = 0.5) -> None:
        """Measure the room's noise so hands-free mode knows what silence sounds like."""
        with self._source as source:
            self._recognizer.adjust_for_ambient_noise(source, duration=seconds)

    def start(self) -> None:
        """Push-to-talk: the talk key went down; record until ``stop``."""
        if self._thread is not None:
            return
        self._frames = []
        self._taken = 0
        self._recording.set()
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._record, name="push-to-talk", daemon=True)
        self._thread.start()

    def _record(self) -> None:
        with self._source as source:
            while self._recording.is_set():
                self._frames.append(source.stream.read(source.CHUNK))

    def take(self) -> bytes:
        """The recording since the last ``take`` (the stream is opened at 16 kHz, 16-bit)."""
        frames = self._frames[self._taken :]
        self._taken += len(frames)
        return b"".join(frames)

    def stop(self) -> Captured | None:
        """The talk key came up: the recording as WAV bytes (None if nothing was recorded)."""
        if self._thread is None:
            return None
        self._recording.clear()
        self._thread.join(timeout=2)
        self._thread = None
        if not self._frames:
            return None
        audio = self._sr.AudioData(b"".join(self._frames), self._source.SAMPLE_RATE, self._source.SAMPLE_WIDTH)
        return Captured(self._wav(audio), self._started, time.monotonic())

    def _wav(self, audio: Any) -> bytes:
        return bytes(audio.get_wav_data(convert_rate=RECOGNITION_RATE, convert_width=2))

    def start_hands_free(self, on_phrase: Callable[[Captured], None]) -> None:
        """Hands-free: call ``on_phrase`` (from a background thread) after each phrase."""
        if self._stop_listening is not None:
            return

        def heard(_: Any, audio: Any) -> None:
            ended = time.monotonic()
            length = len(audio.frame_data) / (audio.sample_rate * audio.sample_width)
            on_phrase(Captured(self._wav(audio), ended - length, ended))

        self._stop_listening = self._recognizer.listen_in_background(
            self._source, heard, phrase_time_limit=PHRASE_LIMIT_SECONDS
        )

    def stop_hands_free(self) -> None:
        if self._stop_listening is not None:
            self._stop_listening(wait_for_stop=False)
            self._stop_listening = None

    def close(self) -> None:
        self.stop_hands_free()
        self.stop()


class FileMic:
    """Recorded turns played into the game as if spoken live: each time the talk key is held, the
    next clip "records" at its real pace (silence once it is over), so streaming recognition and the
    timing of a spoken turn can be measured without a microphone."""

    name = "file"
    notice: str | None = None
    available = True

    def __init__(self, clips: Sequence[str | Path | bytes]) -> None:
        self._clips = [(np.clip(read_for_recognition(c), -1.0, 1.0) * 32767.0).astype("<i2") for c in clips]
        self._samples = np.zeros(0, dtype="<i2")
        self._started: float | None = None
        self._taken = 0

    def _heard_until(self) -> int:
        assert self._started is not None
        return round((time.monotonic() - self._started) * RECOGNITION_RATE)

    def _pcm(self, start: int, end: int) -> bytes:
        part = self._samples[start:end]
        return part.tobytes() + bytes(2 * max(0, end - start - part.size))

    def calibrate(self, seconds: float = 0.5) -> None:
        """A recording has no room noise to measure."""

    def start(self) -> None:
        """The talk key went down: the next clip starts playing in."""
        self._samples = self._clips.pop(0) if self._clips else np.zeros(0, dtype="<i2")
        self._started, self._taken = time.monotonic(), 0

    def take(self) -> bytes:
        if self._started is None:
            return b""
        end = self._heard_until()
        pcm, self._taken = self._pcm(self._taken, end), end
        return pcm

    def stop(self) -> Captured | None:
        if self._started is None:
            return None
        end, began = self._heard_until(), self._started
        self._started = None
        pcm = np.frombuffer(self._pcm(0, end), dtype="<i2").astype(np.float32) / 32768.0
        return Captured(wav_bytes(pcm, RECOGNITION_RATE), began, time.monotonic())

    def start_hands_free(self, on_phrase: Callable[[Captured], None]) -> None:
        """Recorded turns are played with the talk key only."""

    def stop_hands_free(self) -> None:
        """Nothing listens hands-free."""

    def close(self) -> None:
        self._started = None


def open_mic(device_index: int | None = None) -> Mic:
    """The microphone if one can be opened, else :class:`NoMic` with a one-line notice."""
    try:
        import speech_recognition as sr
    except ImportError:
        return NoMic("Voice input needs SpeechRecognition, which is not installed: type your answers.")
    try:
        source = sr.Microphone(device_index=device_index, sample_rate=RECOGNITION_RATE)
        with source:
            pass
    except AttributeError:
        return NoMic("Voice input needs PyAudio, which is not installed: type your answers.")
    except (OSError, AssertionError) as err:
        return NoMic(f"No microphone found ({err}): type your answers.")
    return SpeechRecognitionMic(sr, source)
