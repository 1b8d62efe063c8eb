"""Speech recognition for the game loop, in a worker process.

pocketsphinx holds the GIL while it decodes: in a thread it froze a 60 fps loop for seconds, in a
separate process the loop never noticed. So the game submits a clip and polls for the text each
frame. Audio goes over as a file path (small messages never block the loop), or streamed in small
chunks while the trainee speaks (see :mod:`game.audio.streaming`: partial results while they talk,
the final text often ready when they stop); the worker keeps its engine and the call vocabulary
loaded between clips.
"""

from __future__ import annotations

import queue
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game.audio.asr import Heard, RecognitionError, Recognizer, UnknownEngineError, open_recognizer
from game.audio.streaming import PARTIAL_EVERY, Utterance
from game.audio.vocabulary import CallVocabulary
from game.audio.wavio import RECOGNITION_RATE, AudioFileError, read_for_recognition
from game.audio.worker import WorkerProcess, child_messages

STOPPED = "Speech recognition stopped: type your answers."


@dataclass(frozen=True)
class Recognised:
    """The outcome of one submitted clip: what was heard, or why nothing was."""

    job: int
    heard: Heard | None = None
    error: str | None = None


class RecognitionWorker:
    """Recognition in a separate process: ``submit`` a clip, ``poll`` each frame for results."""

    def __init__(self, engine: str | None = None, vocabulary: CallVocabulary | None = None) -> None:
        self._worker = WorkerProcess("game.audio.recognition")
        self._worker.send(("open", engine, vocabulary))
        self._folder = Path(tempfile.mkdtemp(prefix="collector-sim-asr-"))
        self._next = 0
        self._pending: dict[int, Path | None] = {}
        self._results: list[Recognised] = []
        self._partials: dict[int, str] = {}
        self.ready = False
        self.engine: str | None = None
        self.notice: str | None = None
        self.closed = False

    def submit(self, audio: str | Path | bytes) -> int:
        """Queue a clip (a WAV path, or WAV bytes from the microphone); returns its job number."""
        self._next += 1
        job = self._next
        owned: Path | None = None
        if isinstance(audio, bytes):
            owned = self._folder / f"clip{job}.wav"
            owned.write_bytes(audio)
            audio = owned
        self._pending[job] = owned
        if self.closed or not self._worker.send(("job", job, str(audio))):
            self._stopped()
        return job

    def stream_start(self) -> int:
        """A spoken turn begins: its audio will follow in chunks; returns its job number."""
        self._next += 1
        job = self._next
        self._pending[job] = None
        if self.closed or not self._worker.send(("stream", job)):
            self._stopped()
        return job

    def stream_audio(self, job: int, pcm16: bytes) -> None:
        """More of the turn: 16 kHz 16-bit mono PCM, recognised as it grows."""
        if pcm16 and not self.closed:
            self._worker.send(("audio", job, pcm16))

    def stream_end(self, job: int) -> None:
        """The turn is over: its final text comes back through ``poll`` like a submitted clip's."""
        if not self.closed:
            self._worker.send(("end", job))

    def partial(self, job: int) -> str:
        """What has been recognised so far of a streamed turn (empty until the first partial)."""
        self._drain(0)
        return self._partials.get(job, "")

    def set_vocabulary(self, vocabulary: CallVocabulary | None) -> None:
        """Bias recognition to a new call (or stop biasing)."""
        if not self.closed:
            self._worker.send(("vocabulary", vocabulary))

    def poll(self) -> list[Recognised]:
        """Results that arrived since the last poll; never blocks."""
        self._drain(0)
        results, self._results = self._results, []
        return results

    def wait_ready(self, timeout: float = 30.0) -> bool:
        """Block until the engine is loaded (for the command line and tests, not the game loop)."""
        deadline = time.monotonic() + timeout
        while not self.ready and not self.closed and time.monotonic() < deadline:
            self._drain(0.05)
        return self.ready and self.engine is not None

    def wait(self, job: int, timeout: float = 60.0) -> Recognised:
        """Block until one job is done (for the command line and tests, not the game loop)."""
        deadline = time.monotonic() + timeout
        while True:
            for result in self._results:
                if result.job == job:
                    self._results.remove(result)
                    return result
            if time.monotonic() >= deadline:
                return Recognised(job, error="speech recognition took too long.")
            self._drain(0.05)

    def close(self) -> None:
        """Stop the worker and remove its temporary clips."""
        self.closed = True
        self._worker.close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def __enter__(self) -> RecognitionWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _drain(self, timeout: float) -> None:
        for message in self._worker.poll(timeout):
            if isinstance(message, EOFError):
                self._stopped()
            else:
                self._handle(message)

    def _handle(self, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            self.ready, self.engine, self.notice = True, message[1], message[2]
            if self.engine is None:
                self._stopped()
        elif kind == "partial":
            self._partials[message[1]] = message[2]
        elif kind == "heard":
            self._partials.pop(message[1], None)
            self._finish(Recognised(message[1], heard=message[2]))
        else:
            self._finish(Recognised(message[1], error=message[2]))

    def _finish(self, result: Recognised) -> None:
        owned = self._pending.pop(result.job, None)
        if owned is not None:
            owned.unlink(missing_ok=True)
        self._results.append(result)

    def _stopped(self) -> None:
        """The worker is gone: every pending clip fails with a notice, and typed input takes over."""
        self.closed = True
        if self.notice is None or self.engine is not None:
            self.notice = STOPPED
        for job in list(self._pending):
            self._finish(Recognised(job, error=self.notice))


def _serve() -> None:
    """The worker: load the engine once, then recognise clips and streamed turns until told to stop.

    Messages are read on a thread, so a turn's audio keeps arriving while its partial is decoded.
    """
    messages, reply = child_messages()
    inbox: queue.Queue[tuple[Any, ...] | None] = queue.Queue()

    def read() -> None:
        for message in messages:
            inbox.put(message)
        inbox.put(None)

    threading.Thread(target=read, name="recognition inbox", daemon=True).start()
    server = _Server(reply)
    while True:
        try:
            message = inbox.get(timeout=None if not server.busy() else 0.0)
        except queue.Empty:
            server.work()
            continue
        if message is None or not server.handle(message):
            return


class _Server:
    """The worker's state: one loaded recogniser and the streamed turns in progress."""

    def __init__(self, reply: Callable[[Any], None]) -> None:
        self.reply = reply
        self.recognizer: Recognizer | None = None
        self.turns: dict[int, Utterance] = {}
        self.ended: list[int] = []

    def busy(self) -> bool:
        return bool(self.ended) or any(turn.due() for turn in self.turns.values())

    def handle(self, message: tuple[Any, ...]) -> bool:
        """Act on one message; False when the worker should stop."""
        kind = message[0]
        if kind == "open":
            try:
                self.recognizer, notice = open_recognizer(message[1], message[2])
            except UnknownEngineError as err:
                self.recognizer, notice = None, str(err)
            if self.recognizer is not None:  # the first reading pays for setting the engine up: not a turn's
                self.recognizer.transcribe_samples(np.zeros(RECOGNITION_RATE // 2, dtype=np.float32))
            self.reply(("ready", self.recognizer.name if self.recognizer else None, notice))
            return self.recognizer is not None
        if self.recognizer is None:
            return True
        if kind == "vocabulary":
            self.recognizer.set_vocabulary(message[1])
        elif kind == "job":
            self._clip(message[1], message[2])
        elif kind == "stream":
            self.turns[message[1]] = Utterance()
        elif kind == "audio" and message[1] in self.turns:
            self.turns[message[1]].add(message[2])
        elif kind == "end" and message[1] in self.turns:
            self.ended.append(message[1])
        return True

    def work(self) -> None:
        """Finish an ended turn (its words are often read already), else read one phrase or tail."""
        if self.ended:
            job = self.ended.pop(0)
            turn = self.turns.pop(job)
            while turn.phrase() is not None:
                self._phrase(turn)
            if turn.voiced_end > turn.done_end and not turn.current():
                self._hear(turn)
            self.reply(("heard", job, Heard(turn.text, 0.0, self.recognizer.name if self.recognizer else "")))
            return
        for job, turn in self.turns.items():
            if turn.phrase() is not None:
                self._phrase(turn)
                self.reply(("partial", job, turn.text))
                return
            if turn.due():
                self._hear(turn)
                self.reply(("partial", job, turn.text))
                return

    def _phrase(self, turn: Utterance) -> None:
        """Recognise for good the next phrase a pause has ended (the tail's reading, when it ended there)."""
        assert self.recognizer is not None
        span = turn.phrase()
        assert span is not None
        if turn.tail_covers(span[1]):
            turn.phrase_done(turn.tail_text, span[1])
            return
        try:
            text = self.recognizer.transcribe_samples(turn.speech(*span)).text
        except RecognitionError:
            text = ""
        turn.phrase_done(text, span[1])

    def _hear(self, turn: Utterance) -> None:
        """Read the speech after the phrases done: the live subtitle while the turn goes on, and the
        turn's last words (with the call's second opinion on amounts) once it has stopped."""
        assert self.recognizer is not None
        upto = turn.voiced_end
        began = time.perf_counter()
        try:
            turn.tail_text = self.recognizer.transcribe_samples(turn.speech()).text
        except RecognitionError:
            turn.tail_text = ""
        turn.heard_upto = upto
        turn.partial_every = max(PARTIAL_EVERY, 2 * (time.perf_counter() - began))

    def _clip(self, job: int, path: str) -> None:
        assert self.recognizer is not None
        try:
            self.reply(("heard", job, self.recognizer.transcribe_samples(read_for_recognition(path))))
        except (AudioFileError, RecognitionError) as err:
            self.reply(("failed", job, str(err)))
        except Exception as err:  # a fault on one clip must not end recognition for the call
            self.reply(("failed", job, f"recognition failed: {err}"))


if __name__ == "__main__":
    _serve()
