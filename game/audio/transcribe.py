"""Audio files to trainee turns: ``collector-sim transcribe`` and the ``audio:`` turns of transcripts.

One path for both, so a clip scores the same in ``replay`` as it reads in ``transcribe``: recognise
(biased to the scenario when one is given), parse the amounts, measure the voice.
"""

from __future__ import annotations

import resource
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.audio.asr import ENGINES, Heard, RecognitionError, Recognizer, shared_recognizer
from game.audio.prosody import measure
from game.audio.vocabulary import CallVocabulary, vocabulary_for
from game.audio.wavio import AudioFileError, read_for_recognition
from game.engine.record import Prosody

if TYPE_CHECKING:
    from game.engine.scenario.models import Scenario


class TranscribeError(OSError):
    """An audio file that cannot be transcribed; the message is one sentence for the user."""


def _recognizer(engine: str | None, vocabulary: CallVocabulary | None) -> tuple[Recognizer, str | None]:
    recognizer, notice = shared_recognizer(engine, vocabulary)
    if recognizer is None:
        raise TranscribeError(notice or "No speech recogniser is available.")
    return recognizer, notice


def _hear(path: str | Path, engine: str | None, scenario: Scenario | None) -> tuple[Heard, Prosody, str | None]:
    if scenario is not None and scenario.language != "en":
        raise TranscribeError(f"Speech recognition works for English calls only, not {scenario.language!r}.")
    if engine is not None and engine not in ENGINES:
        raise TranscribeError(f"unknown recognition engine {engine!r}; choose one of {', '.join(ENGINES)}.")
    vocabulary = vocabulary_for(scenario) if scenario is not None else None
    try:
        samples = read_for_recognition(path)
    except AudioFileError as err:
        raise TranscribeError(str(err)) from None
    recognizer, notice = _recognizer(engine, vocabulary)
    try:
        heard = recognizer.transcribe_samples(samples)
    except RecognitionError as err:
        raise TranscribeError(f"{path}: {err}") from None
    return heard, measure(path, heard.text), notice


def transcribe_file(path: str | Path, scenario: Scenario | None = None, engine: str | None = None) -> dict[str, Any]:
    """What a recogniser hears in a WAV file, as the ``transcribe --json`` object.

    Keys: ``text`` as heard, ``amounts`` parsed from it, ``seconds`` of recognition, ``engine``,
    ``biased`` (recognition was biased to the scenario), and the voice features ``duration``,
    ``loudness_dbfs``, ``pitch_mean_hz``, ``pitch_spread_hz``, ``words_per_minute``, ``pause_ratio``;
    ``notice`` when the engine had to fall back. Raises :class:`TranscribeError`.
    """
    from game.engine.understand import parse_amounts

    heard, prosody, notice = _hear(path, engine, scenario)
    language = scenario.language if scenario is not None else "en"
    result: dict[str, Any] = {
        "text": heard.text,
        "amounts": list(parse_amounts(heard.text, language)),
        "seconds": round(heard.seconds, 3),
        "engine": heard.engine,
        "biased": scenario is not None,
        "duration": round(heard.audio_seconds, 3),
        "loudness_dbfs": prosody.loudness_dbfs,
        "pitch_mean_hz": prosody.pitch_mean_hz,
        "pitch_spread_hz": prosody.pitch_spread_hz,
        "words_per_minute": prosody.words_per_minute,
        "pause_ratio": prosody.pause_ratio,
    }
    if notice:
        result["notice"] = notice
    return result


def audio_files(arguments: list[str]) -> list[Path]:
    """The WAV files named, a folder standing for the ``.wav`` files in it (sorted by name)."""
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        found += sorted(p for p in path.iterdir() if p.suffix.lower() == ".wav") if path.is_dir() else [path]
    return found


def transcribe_files(paths: list[Path], scenario: Scenario | None = None) -> Iterator[dict[str, Any]]:
    """One result per file (as :func:`transcribe_file`, with ``file``; or ``file`` and ``error``),
    recognised by one recogniser loaded once for all of them."""
    for path in paths:
        try:
            yield {"file": str(path), **transcribe_file(path, scenario)}
        except TranscribeError as err:
            yield {"file": str(path), "error": str(err)}


def peak_memory_mb() -> float:
    """The most memory this process has held so far, in megabytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def hear_for(scenario: Scenario, engine: str | None = None) -> Callable[[Path], tuple[str, Prosody | None]]:
    """The ``hear`` function ``replay`` takes: a clip's text and prosody, biased to this call."""

    def hear(path: Path) -> tuple[str, Prosody | None]:
        heard, prosody, _ = _hear(path, engine, scenario)
        return heard.text, prosody

    return hear
