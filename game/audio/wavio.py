"""Reading and writing the small PCM WAV files the audio shell passes around.

Recognisers want 16 kHz mono floats; voices and microphones give 16-bit WAVs at their own rate. Doing
the conversion here, with the standard library and numpy only, keeps every engine on the same input
and turns any unreadable file into one clear :class:`AudioFileError`.
"""

from __future__ import annotations

import io
import struct
import wave
from pathlib import Path

import numpy as np

RECOGNITION_RATE = 16000


class AudioFileError(OSError):
    """An audio file that is missing, unreadable or empty; the message is one sentence for the user."""


def read_wav(source: str | Path | bytes) -> tuple[np.ndarray, int]:
    """Mono float32 samples in [-1, 1] and the sample rate of a PCM WAV file (or its bytes)."""
    name = "the audio" if isinstance(source, bytes) else str(source)
    if not isinstance(source, bytes) and not Path(source).is_file():
        raise AudioFileError(f"{name}: no such audio file.")
    try:
        with wave.open(io.BytesIO(source) if isinstance(source, bytes) else str(source), "rb") as wav:
            width, channels, rate = wav.getsampwidth(), wav.getnchannels(), wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError, OSError, RuntimeError, ValueError, struct.error) as err:
        # RuntimeError: the wave module's answer to a chunk that claims more bytes than the file holds
        raise AudioFileError(f"{name}: not a readable PCM WAV file ({err or type(err).__name__}).") from None
    if width not in (1, 2, 4) or channels < 1 or rate <= 0:
        raise AudioFileError(f"{name}: unsupported WAV format ({width * 8}-bit, {channels} channels).")
    raw = raw[: len(raw) - len(raw) % width]  # a file cut short mid-sample
    if width == 1:
        samples = (np.frombuffer(raw, dtype=np.uint8).astype(np.float32) - 128.0) / 128.0
    else:
        kind = "<i2" if width == 2 else "<i4"
        samples = np.frombuffer(raw, dtype=kind).astype(np.float32) / float(2 ** (8 * width - 1))
    usable = len(samples) - len(samples) % channels
    samples = samples[:usable].reshape(-1, channels).mean(axis=1)
    if samples.size == 0:
        raise AudioFileError(f"{name}: the audio file holds no sound.")
    return samples.astype(np.float32), rate


def resample(samples: np.ndarray, rate: int, target: int = RECOGNITION_RATE) -> np.ndarray:
    """Samples at ``target`` Hz: a windowed-sinc low-pass against aliasing, then linear interpolation."""
    if rate == target:
        return samples.astype(np.float32)
    if target < rate:
        cutoff = 0.5 * target / rate * 0.95
        taps = np.arange(-32, 33)
        kernel = 2 * cutoff * np.sinc(2 * cutoff * taps) * np.hamming(taps.size)
        samples = np.convolve(samples, kernel / kernel.sum(), mode="same")
    count = round(samples.size * target / rate)
    positions = np.arange(count) * (rate / target)
    resampled: np.ndarray = np.interp(positions, np.arange(samples.size), samples).astype(np.float32)
    return resampled


def read_for_recognition(source: str | Path | bytes) -> np.ndarray:
    """16 kHz mono float32 samples, the input every recogniser here takes."""
    samples, rate = read_wav(source)
    return resample(samples, rate)


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """16-bit mono PCM WAV bytes of float samples."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()


def wav_seconds(path: str | Path) -> float:
    """The length of a WAV file in seconds, from its header alone (fast enough for every frame)."""
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / float(wav.getframerate())
