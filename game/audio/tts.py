"""Persona voices: debtor lines rendered to cached WAV files, or subtitles alone when there is no voice.

The game must know each line's length before it plays (subtitles, interruption timing) and must never
wait for a voice engine in the middle of a call. So lines are rendered by pyttsx3's ``save_to_file``
in one worker process (:mod:`game.audio.tts_worker`), cached under a hash of text and voice, and
rendered ahead when a call starts (``prepare``); the loop asks with ``request`` and picks the file up
with ``poll``. When pyttsx3 cannot start, :class:`TextOnlyVoices` gives each line its reading time.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from game.audio.wavio import wav_seconds
from game.audio.worker import WorkerProcess
from game.engine.scenario.models import Scenario, Voice
from game.engine.step import speech_seconds

CACHE_VERSION = 1
START_TIMEOUT = 15.0
RENDER_TIMEOUT = 5.0
# A render takes about 11 ms; a worker silent this long with work queued is hung (pyttsx3 can hang
# in runAndWait) and is restarted.
HANG_SECONDS = 8.0
DEFAULT_VARIANTS = {"male": "m3", "female": "f2"}


@dataclass(frozen=True)
class RenderedLine:
    """A line ready to play: its WAV file (None in text-only mode) and its length in seconds."""

    text: str
    path: Path | None
    seconds: float


@dataclass(frozen=True)
class EngineVoice:
    """One voice the speech engine offers (as pyttsx3 lists it)."""

    id: str
    name: str
    languages: tuple[str, ...]
    gender: str | None


class Voices(Protocol):
    """Persona voices as the game uses them; ``notice`` is set when this is a fallback."""

    name: str
    notice: str | None

    def render(self, text: str, voice: Voice, timeout: float = RENDER_TIMEOUT) -> RenderedLine: ...

    def prepare(self, lines: Iterable[str], voice: Voice) -> None: ...

    def request(self, text: str, voice: Voice) -> None: ...

    def poll(self, text: str, voice: Voice) -> RenderedLine | None: ...

    def close(self) -> None: ...


def likely_lines(scenario: Scenario) -> list[str]:
    """Every line this persona may say whose words are known before the call: its own line pools,
    the shared fallback pools in the call's language and its excuses, filled in. What ``prepare``
    renders when a call starts; lines naming a promise (date, amount) are rendered when the engine
    picks them. A wordless line ("……", a pause heard as silence) has nothing to render."""
    from game.engine.lines import base_values, fill, placeholders_in
    from game.engine.scenario.defaults import fallback_lines

    values = base_values(scenario)
    texts = [text for pool in (*scenario.lines, *fallback_lines(scenario.language)) for text in pool.say]
    texts += [text for excuse in scenario.excuses for text in (*excuse.say, *excuse.countered)]
    known = [text for text in texts if set(placeholders_in(text)) <= set(values) and any(c.isalnum() for c in text)]
    return list(dict.fromkeys(fill(text, values) for text in known))


def reading_seconds(text: str, voice: Voice) -> float:
    """How long a line takes at the persona's rate: the text-only length, and the engine's own."""
    return speech_seconds(text, voice.rate)


def engine_settings(voice: Voice, driver: str, voices: Sequence[EngineVoice]) -> dict[str, Any]:
    """pyttsx3 properties for a persona voice: the engine's voice id, rate, pitch and volume.

    With espeak-ng the id is ``accent+variant`` ("en-gb+f2"): the accent picks the language voice and
    the variant the speaker, so personas differing in gender, variant, accent, rate or pitch sound
    different. Other engines (SAPI5, NSSpeechSynthesizer) get one of their installed voices, matched
    on gender and language and spread by variant.
    """
    accent = voice.accent.lower()
    variant = voice.variant or DEFAULT_VARIANTS[voice.gender]
    if driver == "espeak":
        known = {lang.lower() for v in voices for lang in v.languages} | {
            v.id.lower().rsplit("/", 1)[-1] for v in voices
        }
        if accent not in known:
            accent = accent.split("-")[0] if accent.split("-")[0] in known else "en"
        voice_id = f"{accent}+{variant}"
    else:
        same_language = [v for v in voices if any(lang.lower().startswith(accent[:2]) for lang in v.languages)]
        pool = [v for v in same_language or voices if (v.gender or "").lower() == voice.gender] or list(
            same_language or voices
        )
        voice_id = pool[sum(map(ord, variant)) % len(pool)].id if pool else ""
    return {"voice": voice_id, "rate": voice.rate, "pitch": voice.pitch, "volume": voice.volume}


def cache_key(text: str, settings: Mapping[str, Any], driver: str) -> str:
    """A stable name for one rendering: the same text in the same voice is rendered once."""
    blob = json.dumps({"v": CACHE_VERSION, "driver": driver, "text": text, **settings}, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


class TextOnlyVoices:
    """Subtitles only: each line lasts its reading time at the persona's rate."""

    name = "text"

    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice

    def render(self, text: str, voice: Voice, timeout: float = RENDER_TIMEOUT) -> RenderedLine:
        return RenderedLine(text, None, reading_seconds(text, voice))

    def prepare(self, lines: Iterable[str], voice: Voice) -> None:
        """Nothing to render ahead."""

    def request(self, text: str, voice: Voice) -> None:
        """Nothing to render."""

    def poll(self, text: str, voice: Voice) -> RenderedLine | None:
        return self.render(text, voice)

    def close(self) -> None:
        """Nothing to stop."""


class _Unavailable(RuntimeError):
    pass


class PyttsxVoices:
    """pyttsx3 voices rendered in a worker process into a WAV cache folder."""

    name = "pyttsx3"

    def __init__(self, cache_dir: Path, driver: str | None = None, timeout: float = START_TIMEOUT) -> None:
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.notice: str | None = None
        self._driver_request = driver
        self._failed: set[str] = set()
        self._pending: set[str] = set()
        self._stopped = False
        self._restarted = False
        self._worker = self._launch()
        self._heard_from = time.monotonic()
        deadline = time.monotonic() + timeout
        while not hasattr(self, "driver"):
            if time.monotonic() >= deadline:
                self._worker.kill()
                raise _Unavailable("the voice engine did not start in time")
            for message in self._worker.poll(0.05):
                self._handle(message)
            if self._stopped:
                raise _Unavailable(self._reason)

    def _launch(self) -> WorkerProcess:
        worker = WorkerProcess("game.audio.tts_worker")
        worker.send(("open", self._driver_request))
        return worker

    def _settings(self, voice: Voice) -> dict[str, Any]:
        return engine_settings(voice, self.driver, self.voices)

    def _path(self, text: str, settings: Mapping[str, Any]) -> Path:
        return self.cache_dir / f"{cache_key(text, settings, self.driver)}.wav"

    def _wanted(self, text: str, path: Path) -> bool:
        return bool(text.strip()) and not self._stopped and not path.exists() and path.stem not in self._failed

    def _send(self, text: str, settings: dict[str, Any], path: Path, urgent: bool) -> None:
        if path.stem in self._pending and not urgent:
            return
        if not self._pending:
            self._heard_from = time.monotonic()
        self._pending.add(path.stem)
        if not self._worker.send(("render", path.stem, text, settings, str(path), urgent)):
            self._restart()

    def request(self, text: str, voice: Voice) -> None:
        """Start rendering a line now, ahead of anything prepared; pick it up with ``poll``."""
        settings = self._settings(voice)
        path = self._path(text, settings)
        if self._wanted(text, path):
            self._send(text, settings, path, urgent=True)

    def prepare(self, lines: Iterable[str], voice: Voice) -> None:
        """Render a call's likely lines in the background so replies start at once."""
        settings = self._settings(voice)
        for text in lines:
            path = self._path(text, settings)
            if self._wanted(text, path):
                self._send(text, settings, path, urgent=False)

    def poll(self, text: str, voice: Voice) -> RenderedLine | None:
        """The rendered line once its file exists; reading time if it failed; None while rendering."""
        path = self._path(text, self._settings(voice))
        self._drain(0)
        if path.exists():
            self._pending.discard(path.stem)
            return RenderedLine(text, path, wav_seconds(path))
        if not text.strip() or self._stopped or path.stem in self._failed:
            return RenderedLine(text, None, reading_seconds(text, voice))
        return None

    def render(self, text: str, voice: Voice, timeout: float = RENDER_TIMEOUT) -> RenderedLine:
        """Render one line and wait for it (cache hits return at once)."""
        self.request(text, voice)
        deadline = time.monotonic() + timeout
        while True:
            line = self.poll(text, voice)
            if line is not None:
                return line
            if time.monotonic() >= deadline:
                self._failed.add(self._path(text, self._settings(voice)).stem)
                return RenderedLine(text, None, reading_seconds(text, voice))
            self._drain(0.005)

    def _drain(self, timeout: float) -> None:
        if self._stopped:
            return
        messages = self._worker.poll(timeout)
        if messages:
            self._heard_from = time.monotonic()
        for message in messages:
            self._handle(message)
        if not self._stopped and self._pending and time.monotonic() - self._heard_from > HANG_SECONDS:
            self._restart()

    def _handle(self, message: Any) -> None:
        if isinstance(message, EOFError):
            if not self._stopped:
                self._restart()
        elif message[0] == "ready":
            self.driver = str(message[1])
            self.voices = tuple(EngineVoice(*v) for v in message[2])
        elif message[0] == "unavailable":
            self._stop(str(message[1]))
        elif message[0] == "done":
            self._pending.discard(message[1])
        elif message[0] == "failed":
            self._pending.discard(message[1])
            self._failed.add(message[1])

    def _restart(self) -> None:
        """A dead or hung worker is replaced once, without waiting for it to start; the lines the old
        one held are given up to text-only. A second failure ends voices for this run."""
        self._worker.kill()
        self._failed.update(self._pending)
        self._pending.clear()
        if self._restarted or not hasattr(self, "driver"):
            self._stop("the voice worker stopped")
            return
        self._restarted = True
        self._worker = self._launch()
        self._heard_from = time.monotonic()

    def _stop(self, reason: str) -> None:
        self._stopped = True
        self._reason = reason
        self.notice = f"The voice engine stopped ({reason}): subtitles only."

    def close(self) -> None:
        if not self._stopped:
            self._worker.close()
        self._stopped = True


def open_voices(
    cache_dir: Path | None, backend: str = "auto", driver: str | None = None, timeout: float = START_TIMEOUT
) -> Voices:
    """The voice backend for this run, chosen once at start-up.

    ``backend`` is "auto" (pyttsx3, else text), "pyttsx3" or "text". A fallback carries a one-line
    ``notice`` for the settings screen or the console.
    """
    if backend == "text":
        return TextOnlyVoices()
    if cache_dir is None:
        return TextOnlyVoices("No folder for voice files: subtitles only.")
    try:
        return PyttsxVoices(cache_dir, driver=driver, timeout=timeout)
    except (_Unavailable, OSError) as err:
        return TextOnlyVoices(f"No voice engine ({err}): subtitles only.")
