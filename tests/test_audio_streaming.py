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
    utterance.heard_upto = utterance.voiced_end  # the tail was read to its end: nothing is left to read
    assert utterance.current() and utterance.ended() and not utterance.due()
    assert Utterance().has_speech() is False


def test_a_long_pause_ends_a_phrase_that_is_recognised_for_good(clip: Path) -> None:
    samples = read_for_recognition(clip)
    utterance = Utterance()
    utterance.add(pcm(samples))
    first_end = utterance.voiced_end
    assert utterance.phrase() is None  # no speech after the pause yet: the turn may be over
    utterance.add(pcm(np.zeros(RECOGNITION_RATE // 2, dtype=np.float32)))
    utterance.add(pcm(samples))
    assert utterance.phrase() == (0, first_end)
    assert not utterance.tail_covers(first_end)  # the first phrase was never read: it is read now
    utterance.phrase_done("Good morning.", first_end)
    assert utterance.phrase() is None and utterance.due()
    assert utterance.speech().size < samples.size + RECOGNITION_RATE
    utterance.tail_text = "How are you?"
    assert utterance.text == "Good morning. How are you?"


def test_a_streamed_turn_is_recognised_with_partials_on_the_way(clip: Path) -> None:
    from game.ui.listen import MicEars

    worker = RecognitionWorker()
    ears = MicEars(FileMic([clip]), worker)  # type: ignore[arg-type]
    try:
        assert worker.wait_ready(120)
        said_until = time.monotonic() + read_for_recognition(clip).size / RECOGNITION_RATE
        ears.start()
        shown = ""
        deadline = time.monotonic() + 300
        # the talk key stays down until the line is said and words show
        while (not shown or time.monotonic() < said_until) and time.monotonic() < deadline:
            shown = ears.partial()
            time.sleep(0.05)
        assert shown, "the line was shown while the talk key was held"
        assert ears.stop()
        heard = []
        while not heard and time.monotonic() < deadline:
            heard = ears.poll()
            time.sleep(0.05)
        assert len(heard) == 1 and heard[0].wav is not None
        assert "speak with" in heard[0].text and "account" in heard[0].text
    finally:
        ears.close()
