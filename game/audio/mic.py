"""The trainee's microphone through SpeechRecognition: push-to-talk or hands-free, as 16 kHz WAV bytes.

Without a microphone (``sr.Microphone()`` raises ``OSError('No Default Input Device Available')``) or
without PyAudio, :func:`open_mic` returns :class:`NoMic`, whose notice tells the trainee to type; the
game then shows the text box instead of the talk key.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from game.audio.wavio import RECOGNITION_RATE

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
        self._recording.set()
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._record, name="push-to-talk", daemon=True)
        self._thread.start()

    def _record(self) -> None:
        with self._source as source:
            while self._recording.is_set():
                self._frames.append(source.stream.read(source.CHUNK))

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
