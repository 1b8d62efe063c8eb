"""Tone from the voice: loudness, pitch, pace and pauses of a spoken turn, read against a calm baseline.

Each trainee's voice is different, so ``calm_tone`` judges a turn against the trainee's own calm
calibration line rather than against fixed numbers: louder by some decibels is shouting, a faster
pace is rushing, a raised or jumpy pitch is agitation. Pitch comes from Praat (parselmouth), whose
autocorrelation tracker avoids the octave errors a naive one makes; the rest is plain numpy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import parselmouth

from game.audio.phonetics import said_words
from game.audio.wavio import read_wav
from game.engine.record import Prosody

CALIBRATION_LINE = "Good morning, this is Anna from Northwind Bank. I am calling about your account."

FRAME_SECONDS = 0.025
HOP_SECONDS = 0.010
SILENCE_BELOW_PEAK_DB = 35.0  # frames this far under the loudest one are silence
SILENCE_FLOOR_DBFS = -60.0  # and so is anything quieter than this
MIN_PAUSE_SECONDS = 0.2
PITCH_FLOOR_HZ = 60.0
PITCH_CEILING_HZ = 500.0
NO_SOUND_DBFS = -120.0


@dataclass(frozen=True)
class ToneThresholds:
    """How far from the calm baseline a turn must be to count as loud, fast or agitated."""

    louder_db: float = 6.0
    faster_ratio: float = 1.25
    higher_semitones: float = 3.0
    spread_ratio: float = 1.8
    spread_min_hz: float = 15.0


def _frame_power(samples: np.ndarray, rate: int) -> np.ndarray:
    size, hop = max(1, int(rate * FRAME_SECONDS)), max(1, int(rate * HOP_SECONDS))
    if samples.size < size:
        samples = np.pad(samples, (0, size - samples.size))
    count = 1 + (samples.size - size) // hop
    cumulative = np.concatenate([[0.0], np.cumsum(samples.astype(np.float64) ** 2)])
    starts = np.arange(count) * hop
    power: np.ndarray = (cumulative[starts + size] - cumulative[starts]) / size
    return power


def _silent_runs(speech: np.ndarray) -> list[int]:
    runs, length = [], 0
    for frame_is_speech in speech:
        if frame_is_speech:
            if length:
                runs.append(length)
            length = 0
        else:
            length += 1
    return runs


def measure(source: str | Path | bytes, text: str) -> Prosody:
    """Voice features of one spoken turn (a WAV path or bytes) whose words are ``text``.

    Loudness is the mean power of the non-silent frames in dBFS; pitch mean and spread are the mean
    and standard deviation of F0 over voiced frames; words per minute counts the words as said
    ("$480" is four words) over the time from the first to the last sound; the pause ratio is the
    share of that time spent in silences of at least 0.2 s.
    """
    samples, rate = read_wav(source)
    power = _frame_power(samples, rate)
    db = 10.0 * np.log10(power + 1e-12)
    speech = db > max(float(db.max()) - SILENCE_BELOW_PEAK_DB, SILENCE_FLOOR_DBFS)
    if not speech.any():
        return Prosody(NO_SOUND_DBFS, 0.0, 0.0, 0.0, 1.0)
    loudness = 10.0 * math.log10(float(power[speech].mean()) + 1e-12)
    first, last = np.flatnonzero(speech)[[0, -1]]
    span = speech[first : last + 1]
    span_seconds = len(span) * HOP_SECONDS + (FRAME_SECONDS - HOP_SECONDS)
    min_run = round(MIN_PAUSE_SECONDS / HOP_SECONDS)
    paused = sum(run for run in _silent_runs(span) if run >= min_run) * HOP_SECONDS
    sound = parselmouth.Sound(samples.astype(np.float64), sampling_frequency=float(rate))
    pitch = sound.to_pitch_ac(time_step=HOP_SECONDS, pitch_floor=PITCH_FLOOR_HZ, pitch_ceiling=PITCH_CEILING_HZ)
    f0 = pitch.selected_array["frequency"]
    f0 = f0[f0 > 0]
    words = len(said_words(text))
    return Prosody(
        loudness_dbfs=round(loudness, 2),
        pitch_mean_hz=round(float(f0.mean()), 1) if f0.size else 0.0,
        pitch_spread_hz=round(float(f0.std()), 1) if f0.size else 0.0,
        words_per_minute=round(words * 60.0 / span_seconds, 1) if span_seconds > 0 else 0.0,
        pause_ratio=round(paused / span_seconds, 3) if span_seconds > 0 else 0.0,
    )


def tone_flags(prosody: Prosody, baseline: Prosody, thresholds: ToneThresholds | None = None) -> list[str]:
    """What sets this turn apart from the trainee's calm baseline: "loud", "fast", "pitch_spike"."""
    thresholds = thresholds or ToneThresholds()
    flags: list[str] = []
    if prosody.loudness_dbfs - baseline.loudness_dbfs >= thresholds.louder_db:
        flags.append("loud")
    if (
        baseline.words_per_minute > 0
        and prosody.words_per_minute >= baseline.words_per_minute * thresholds.faster_ratio
    ):
        flags.append("fast")
    if baseline.pitch_mean_hz > 0 and prosody.pitch_mean_hz > 0:
        semitones = 12.0 * math.log2(prosody.pitch_mean_hz / baseline.pitch_mean_hz)
        jumpy = prosody.pitch_spread_hz >= max(
            baseline.pitch_spread_hz * thresholds.spread_ratio,
            baseline.pitch_spread_hz + thresholds.spread_min_hz,
        )
        if semitones >= thresholds.higher_semitones or jumpy:
            flags.append("pitch_spike")
    return flags
