"""The voice worker process: pyttsx3 ``save_to_file`` one line at a time, urgent lines first.

pyttsx3 2.99 with espeak-ng has traps this loop steps around: several saves queued before one
``runAndWait`` produce only the last file, so each save gets its own ``runAndWait``; ``runAndWait``
with nothing queued can hang, so it is never called without a save; every save prints "Audio saved
to ..." on stdout, which :func:`game.audio.worker.child_messages` sends to the null device; ``say``
plays through aplay outside pygame, so it is never used. With espeak-ng, property changes go through
espeak's command queue, and the ``espeak_Cancel`` that ``runAndWait`` issues while that queue is
still busy drops them (a rate change then silently does nothing, or a render comes out empty), so
the worker waits for espeak to settle before each save. A render that comes out empty is retried
once; files appear under their final name only when complete.
"""

from __future__ import annotations

import os
import tempfile
import threading
import wave
from collections import deque
from pathlib import Path
from typing import Any

from game.audio.worker import child_messages

_WARM_UP = "Hello."


class _Inbox:
    """Messages from the parent, read by a thread so urgent lines can overtake prepared ones."""

    def __init__(self, messages: Any) -> None:
        self._urgent: deque[Any] = deque()
        self._later: deque[Any] = deque()
        self._closed = False
        self._ready = threading.Condition()
        threading.Thread(target=self._read, args=(messages,), daemon=True).start()

    def _read(self, messages: Any) -> None:
        for message in messages:
            with self._ready:
                urgent = message[0] != "render" or message[5]
                (self._urgent if urgent else self._later).append(message)
                self._ready.notify()
        with self._ready:
            self._closed = True
            self._ready.notify()

    def next(self) -> Any | None:
        with self._ready:
            while not self._urgent and not self._later and not self._closed:
                self._ready.wait()
            if self._closed:
                return None
            if self._urgent:
                return self._urgent.popleft()
            if self._later:
                return self._later.popleft()
            return None


class _Renderer:
    def __init__(self, driver: str | None) -> None:
        import pyttsx3

        self.engine = pyttsx3.init(driver)
        self.driver = self.engine.driver_name
        self.errors: list[BaseException] = []
        self.engine.connect("error", self._error)
        self.applied: dict[str, Any] = {}

    def _error(self, name: object = None, exception: BaseException | None = None) -> None:
        self.errors.append(exception or RuntimeError("speech engine error"))

    def _settle(self) -> None:
        """Let espeak apply queued property changes before ``runAndWait`` can cancel them."""
        if self.driver == "espeak":
            from pyttsx3.drivers import _espeak

            _espeak.Synchronize()

    def voices(self) -> list[tuple[str, str, tuple[str, ...], str | None]]:
        found = []
        for v in self.engine.getProperty("voices"):
            languages = tuple(
                lang.decode("utf-8", "replace") if isinstance(lang, bytes) else str(lang)
                for lang in (v.languages or ())
            )
            found.append((str(v.id), str(v.name), languages, v.gender))
        return found

    def _set_voice(self, voice_id: str) -> None:
        for candidate in (voice_id, voice_id.split("+")[0], "en"):
            self.errors.clear()
            self.engine.setProperty("voice", candidate)
            if not self.errors:
                return

    def _apply(self, settings: dict[str, Any]) -> None:
        """Set the properties that changed since the last line (a persona keeps its voice all call)."""
        changed = {name: value for name, value in settings.items() if self.applied.get(name) != value}
        if not changed:
            return
        if "voice" in changed:  # a new voice brings its own rate and pitch: set them all again
            changed = dict(settings)
        if changed.get("voice"):
            self._set_voice(changed["voice"])
        for name in ("rate", "pitch", "volume"):
            if name in changed:
                self.engine.setProperty(name, changed[name])
        self._settle()
        self.applied.update(changed)

    def save(self, text: str, settings: dict[str, Any], path: Path) -> bool:
        """Render ``text`` to ``path`` (atomically); False when the engine produced no sound."""
        self._apply(settings)
        path.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(2):
            handle, partial = tempfile.mkstemp(suffix=".wav", dir=path.parent)
            os.close(handle)
            self.engine.save_to_file(text, partial)
            self.engine.runAndWait()
            if _frames(partial) > 0:
                os.replace(partial, path)
                return True
            os.unlink(partial)
        return False


def _frames(path: str) -> int:
    try:
        with wave.open(path, "rb") as wav:
            return wav.getnframes()
    except (wave.Error, EOFError, OSError):
        return 0


def _serve() -> None:
    messages, reply = child_messages()
    inbox = _Inbox(messages)
    opening = inbox.next()
    if opening is None:
        return
    try:
        renderer = _Renderer(opening[1])
        with tempfile.TemporaryDirectory() as folder:
            if not renderer.save(_WARM_UP, {"rate": 170, "pitch": 50, "volume": 1.0}, Path(folder) / "w.wav"):
                raise RuntimeError("the voice engine produced no sound")
    except Exception as err:  # any failure to start means: no voices on this machine
        reply(("unavailable", str(err) or type(err).__name__))
        return
    reply(("ready", renderer.driver, renderer.voices()))
    while (message := inbox.next()) is not None:
        _, key, text, settings, path = message[:5]
        target = Path(path)
        if target.exists():
            reply(("done", key))
            continue
        try:
            ok = renderer.save(text, settings, target)
        except Exception as err:  # one bad line must not silence the rest of the call
            reply(("failed", key, str(err)))
            continue
        reply(("done", key) if ok else ("failed", key, "the voice engine produced no sound"))


if __name__ == "__main__":
    _serve()
