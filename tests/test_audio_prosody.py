"""Tone from the voice: loudness, pitch, pace and pauses, read against a calm baseline."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from game.audio.clips import Speaker, espeak_available, speak
from game.audio.prosody import CALIBRATION_LINE, NO_SOUND_DBFS, measure, tone_flags
from game.audio.wavio import read_wav, wav_bytes

pytestmark = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is needed to speak the test lines")

LINE = "I understand, Mr. Alvarez, but the balance of four hundred eighty dollars is due today."
CALM = Speaker("en-us+m3", rate=150, pitch=40, amplitude=60)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("prosody")


def said(folder: Path, name: str, speaker: Speaker, text: str = LINE) -> Path:
    return speak(text, folder / f"{name}.wav", speaker)


def test_features_of_a_calm_line(folder: Path) -> None:
    calm = measure(said(folder, "calm", CALM), LINE)
    assert -35 < calm.loudness_dbfs < -15
    assert 70 < calm.pitch_mean_hz < 130  # a low male voice
    assert 0 < calm.pitch_spread_hz < 40
    assert calm.words_per_minute == pytest.approx(150, rel=0.2)
    assert 0 <= calm.pause_ratio < 0.2


def test_loud_fast_and_high_stand_out_from_the_calm_baseline(folder: Path) -> None:
    baseline = measure(said(folder, "baseline", CALM, CALIBRATION_LINE), CALIBRATION_LINE)
    calm = measure(said(folder, "calm", CALM), LINE)
    loud = measure(said(folder, "loud", Speaker("en-us+m3", 150, 40, amplitude=200)), LINE)
    fast = measure(said(folder, "fast", Speaker("en-us+m3", 240, 40, amplitude=60)), LINE)
    high = measure(said(folder, "high", Speaker("en-us+m3", 150, 85, amplitude=60)), LINE)
    angry = measure(said(folder, "angry", Speaker("en-us+m3", 230, 80, amplitude=200)), LINE)
    assert loud.loudness_dbfs - calm.loudness_dbfs > 6
    assert fast.words_per_minute > 1.4 * calm.words_per_minute
    assert high.pitch_mean_hz > 1.3 * calm.pitch_mean_hz
    assert tone_flags(calm, baseline) == []
    assert tone_flags(loud, baseline) == ["loud"]
    assert tone_flags(fast, baseline) == ["fast"]
    assert tone_flags(high, baseline) == ["pitch_spike"]
    assert tone_flags(angry, baseline) == ["loud", "fast", "pitch_spike"]


def test_pauses_count_towards_the_pause_ratio(folder: Path) -> None:
    samples, rate = read_wav(said(folder, "part", CALM, "I understand."))
    gap = np.zeros(rate, dtype=np.float32)
    paused = measure(wav_bytes(np.concatenate([samples, gap, samples]), rate), "I understand. I understand.")
    straight = measure(wav_bytes(np.concatenate([samples, samples]), rate), "I understand. I understand.")
    assert paused.pause_ratio > straight.pause_ratio + 0.25
    assert paused.words_per_minute < straight.words_per_minute


def test_silence_has_no_voice_features() -> None:
    silence = measure(wav_bytes(np.zeros(16000, dtype=np.float32), 16000), "")
    assert silence.loudness_dbfs == NO_SOUND_DBFS
    assert (silence.pitch_mean_hz, silence.words_per_minute, silence.pause_ratio) == (0.0, 0.0, 1.0)
