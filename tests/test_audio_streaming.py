"""Recognition while the trainee speaks: voice activity on the growing buffer, partials, the final text."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest

from game.audio.clips import espeak_available, speak
from game.audio.mic import FileMic
from game.audio.recognition import RecognitionWorker
from game.audio.streaming import ENDPOINT_SILENCE, Utterance
from game.audio.wavio import RECOGNITION_RATE, read_for_recognition

pytestmark = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is needed to speak the test line")

LINE = "Good morning, may I speak with Mr. Alvarez about your account?"


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return speak(LINE, tmp_path_factory.mktemp("said") / "said.wav")


def pcm(samples: np.ndarray) -> bytes:
    return bytes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())


def test_voice_activity_finds_where_the_speech_ends(clip: Path) -> None:
    samples = read_for_recognition(clip)
    silence = np.zeros(RECOGNITION_RATE, dtype=np.float32)
    utterance = Utterance()
    for start in range(0, samples.size, 1600):  # 100 ms chunks, as a microphone hands them over
        utterance.add(pcm(samples[start : start + 1600]))
    speech_end = utterance.voiced_end
    loud = np.flatnonzero(np.abs(samples) > 0.02)
    assert abs(speech_end - loud[-1]) < RECOGNITION_RATE // 10
    assert utterance.due()  # a whole line of speech is waiting to be recognised
    utterance.add(pcm(silence))
    assert utterance.voiced_end == speech_end and utterance.silence_after() >= ENDPOINT_SILENCE
    utterance.heard_upto = utterance.voiced_end  # a quick partial heard it all...
    assert utterance.current() and utterance.ended() and utterance.due()  # ...the full reading is still due
    utterance.final = True
    assert not utterance.due()
    assert Utterance().has_speech() is False


def test_a_streamed_turn_is_recognised_with_partials_on_the_way(clip: Path) -> None:
    from game.ui.listen import MicEars

    worker = RecognitionWorker()
    ears = MicEars(FileMic([clip]), worker)  # type: ignore[arg-type]
    try:
        assert worker.wait_ready(120)
        seconds = read_for_recognition(clip).size / RECOGNITION_RATE
        ears.start()
        partials: set[str] = set()
        began = time.monotonic()
        while time.monotonic() - began < seconds + 0.3:
            partials.add(ears.partial())
            time.sleep(0.05)
        assert ears.stop()
        heard = []
        deadline = time.monotonic() + 120
        while not heard and time.monotonic() < deadline:
            heard = ears.poll()
            partials.add(ears.partial())
            time.sleep(0.05)
        assert len(heard) == 1 and heard[0].wav is not None
        assert "speak with" in heard[0].text and "account" in heard[0].text
        assert partials - {""}, "the line was shown while it was being said"
    finally:
        ears.close()
