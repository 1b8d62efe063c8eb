"""The trainee's spoken answers as the window sees them: push-to-talk, recognised off the loop.

Holding the talk key records from the microphone (``game.audio.mic``) and streams the audio to the
recognition worker process (``game.audio.recognition``), which recognises it as it grows: ``partial``
is the live subtitle of the trainee's line, and letting go asks for the final text, polled each frame.
In hands-free mode the microphone listens while a call is open (``listen``) and each phrase it ends on a pause is sent
the same way; ``phrases`` tells the call how long each one lasted. ``capture`` records a clip without
recognising it (the calibration line). The voice features
of the clip (loudness, pitch, pace) are measured by a background job once its words are known.
Without a microphone, PyAudio or a recogniser the window keeps the typed line and shows the notice.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from game.i18n import N_, _

if TYPE_CHECKING:
    from game.audio.mic import Captured, Mic, StreamingMic
    from game.audio.recognition import RecognitionWorker
    from game.engine.record import Prosody
    from game.engine.scenario import Scenario


@dataclass(frozen=True)
class Heard:
    """One recognised clip: its words and WAV bytes, or why nothing was heard."""

    text: str
    wav: bytes | None = None
    error: str | None = None


class Ears(Protocol):
    """What the call scene needs from spoken input."""

    available: bool
    hands_free: bool

    @property
    def notice(self) -> str | None: ...

    def set_call(self, scenario: Scenario) -> None: ...

    def start(self) -> None: ...

    def stop(self) -> bool: ...

    def partial(self) -> str: ...

    def capture(self) -> bytes | None: ...

    def listen(self) -> None: ...

    def quiet(self) -> None: ...

    def phrases(self) -> list[float]: ...

    def poll(self) -> list[Heard]: ...

    def close(self) -> None: ...


class NoEars:
    """No spoken input: the notice says why, and the trainee types."""

    available = False
    hands_free = False

    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice

    def set_call(self, scenario: Scenario) -> None:
        """Nothing to bias."""

    def start(self) -> None:
        """Nothing to record."""

    def stop(self) -> bool:
        return False

    def partial(self) -> str:
        return ""

    def capture(self) -> bytes | None:
        return None

    def listen(self) -> None:
        """Nothing to listen to."""

    def quiet(self) -> None:
        """Nothing to stop."""

    def phrases(self) -> list[float]:
        return []

    def poll(self) -> list[Heard]:
        return []

    def close(self) -> None:
        """Nothing to close."""


class MicEars:
    """A microphone (push-to-talk or hands-free) and a recognition worker process biased to the call."""

    available = True

    def __init__(self, mic: Mic, worker: RecognitionWorker, *, hands_free: bool = False) -> None:
        self._mic = mic
        self._worker = worker
        self._clips: dict[int, bytes] = {}
        self.hands_free = hands_free
        self._listening = False
        self._lock = threading.Lock()
        self._captured: list[Captured] = []
        self._stream: int | None = None
        self._streaming: StreamingMic | None = None

    @property
    def notice(self) -> str | None:
        return self._worker.notice if self._worker.closed else None

    def set_call(self, scenario: Scenario) -> None:
        from game.audio.vocabulary import vocabulary_for

        if scenario.language == "en":
            self._worker.set_vocabulary(vocabulary_for(scenario))

    def start(self) -> None:
        from game.audio.mic import StreamingMic

        self._mic.start()
        self._streaming = self._mic if isinstance(self._mic, StreamingMic) else None
        self._stream = self._worker.stream_start() if self._streaming is not None else None

    def _feed(self) -> None:
        """Hand the audio recorded so far to the worker, which recognises it as it grows."""
        if self._stream is not None and self._streaming is not None:
            self._worker.stream_audio(self._stream, self._streaming.take())

    def partial(self) -> str:
        """What has been recognised so far of the line being spoken (a live subtitle)."""
        self._feed()
        return self._worker.partial(self._stream) if self._stream is not None else ""

    def stop(self) -> bool:
        """The talk key came up: send the clip to recognition; False when nothing was recorded."""
        self._feed()
        captured, stream, self._stream = self._mic.stop(), self._stream, None
        if stream is not None:
            self._worker.stream_end(stream)
        if captured is None:
            return False
        if stream is not None:
            self._clips[stream] = captured.wav
        else:
            self._clips[self._worker.submit(captured.wav)] = captured.wav
        return True

    def capture(self) -> bytes | None:
        """The talk key came up: the clip itself, not recognised."""
        captured = self._mic.stop()
        return None if captured is None else captured.wav

    def listen(self) -> None:
        """Hands-free: listen from now on; each phrase arrives from the microphone's own thread."""
        if self.hands_free and not self._listening:
            self._listening = True
            self._mic.start_hands_free(self._phrase)

    def quiet(self) -> None:
        """Stop listening hands-free (the call ended or is covered)."""
        if self._listening:
            self._listening = False
            self._mic.stop_hands_free()

    def _phrase(self, captured: Captured) -> None:
        with self._lock:
            self._captured.append(captured)

    def phrases(self) -> list[float]:
        """Hands-free phrases heard since the last frame, sent to recognition; their lengths in seconds."""
        with self._lock:
            captured, self._captured = self._captured, []
        for one in captured:
            self._clips[self._worker.submit(one.wav)] = one.wav
        return [max(0.0, one.ended - one.started) for one in captured]

    def poll(self) -> list[Heard]:
        out = []
        self._feed()
        for result in self._worker.poll():
            wav = self._clips.pop(result.job, None)
            if result.heard is None:
                out.append(Heard("", None, result.error or _("nothing was heard")))
            else:
                out.append(Heard(result.heard.text.strip(), wav))
        return out

    def close(self) -> None:
        self.quiet()
        self._mic.close()
        self._worker.close()


def open_ears(spoken: bool, engine: str | None = None, hands_free: bool = False) -> Ears:
    """Spoken input when it is chosen and a microphone opens (recognised by ``engine``, push-to-talk
    or hands-free); else the typed line with a notice."""
    if not spoken:
        return NoEars()
    from game.audio.mic import open_mic

    mic = open_mic()
    if not mic.available:
        return NoEars(mic.notice or N_("No microphone: type your answers."))
    from game.audio.recognition import RecognitionWorker

    return MicEars(mic, RecognitionWorker(engine=engine), hands_free=hands_free)


def measure_voice(wav: bytes, text: str) -> Prosody | None:
    """Loudness, pitch and pace of a spoken turn (slow: a background job); None when unmeasurable."""
    from game.audio.prosody import measure
    from game.audio.wavio import AudioFileError

    try:
        return measure(wav, text)
    except (AudioFileError, ValueError):
        return None
