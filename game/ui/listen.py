"""The trainee's spoken answers as the window sees them: push-to-talk, recognised off the loop.

Holding the talk key records from the microphone (``game.audio.mic``); letting go sends the clip to
the recognition worker process (``game.audio.recognition``), polled each frame. The voice features
of the clip (loudness, pitch, pace) are measured by a background job once its words are known.
Without a microphone, PyAudio or a recogniser the window keeps the typed line and shows the notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from game.audio.mic import Mic
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

    @property
    def notice(self) -> str | None: ...

    def set_call(self, scenario: Scenario) -> None: ...

    def start(self) -> None: ...

    def stop(self) -> bool: ...

    def poll(self) -> list[Heard]: ...

    def close(self) -> None: ...


class NoEars:
    """No spoken input: the notice says why, and the trainee types."""

    available = False

    def __init__(self, notice: str | None = None) -> None:
        self.notice = notice

    def set_call(self, scenario: Scenario) -> None:
        """Nothing to bias."""

    def start(self) -> None:
        """Nothing to record."""

    def stop(self) -> bool:
        return False

    def poll(self) -> list[Heard]:
        return []

    def close(self) -> None:
        """Nothing to close."""


class MicEars:
    """A microphone with push-to-talk and a recognition worker process biased to the call."""

    available = True

    def __init__(self, mic: Mic, worker: RecognitionWorker) -> None:
        self._mic = mic
        self._worker = worker
        self._clips: dict[int, bytes] = {}

    @property
    def notice(self) -> str | None:
        return self._worker.notice if self._worker.closed else None

    def set_call(self, scenario: Scenario) -> None:
        from game.audio.vocabulary import vocabulary_for

        if scenario.language == "en":
            self._worker.set_vocabulary(vocabulary_for(scenario))

    def start(self) -> None:
        self._mic.start()

    def stop(self) -> bool:
        """The talk key came up: send the clip to recognition; False when nothing was recorded."""
        captured = self._mic.stop()
        if captured is None:
            return False
        self._clips[self._worker.submit(captured.wav)] = captured.wav
        return True

    def poll(self) -> list[Heard]:
        out = []
        for result in self._worker.poll():
            wav = self._clips.pop(result.job, None)
            if result.heard is None:
                out.append(Heard("", None, result.error or "nothing was heard"))
            else:
                out.append(Heard(result.heard.text.strip(), wav))
        return out

    def close(self) -> None:
        self._mic.close()
        self._worker.close()


def open_ears(spoken: bool) -> Ears:
    """Spoken input when it is chosen and a microphone opens; else the typed line with a notice."""
    if not spoken:
        return NoEars()
    from game.audio.mic import open_mic

    mic = open_mic()
    if not mic.available:
        return NoEars(mic.notice or "No microphone: type your answers.")
    from game.audio.recognition import RecognitionWorker

    return MicEars(mic, RecognitionWorker())


def measure_voice(wav: bytes, text: str) -> Prosody | None:
    """Loudness, pitch and pace of a spoken turn (slow: a background job); None when unmeasurable."""
    from game.audio.prosody import measure
    from game.audio.wavio import AudioFileError

    try:
        return measure(wav, text)
    except (AudioFileError, ValueError):
        return None
