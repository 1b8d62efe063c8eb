"""Offline speech recognition behind one interface: ``transcribe(wav_path) -> Heard``.

Three engines, chosen by name (settings) or by measurement (the default, see ``DEFAULT_ORDER``):

- ``moonshine``: the English model inside the moonshine-cpp wheel. Lowest word error rate on
  collector lines; fed 16 kHz floats directly (the package's own ``transcribe()`` wrapper is broken in
  0.1.4, so the C function is called here with a proper float pointer).
- ``pocketsphinx``: a decoder kept loaded; with a call vocabulary it decodes with a small language
  model built from the call and a corpus of collector phrases, otherwise with the stock model.
- ``sphinx``: SpeechRecognition's ``recognize_sphinx`` as shipped (reloads its model every call).

Every engine's text goes through :func:`game.audio.bias.finish`: money in written form and, when the
call vocabulary is given, names and amounts repaired towards the call. Nothing is downloaded.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from game.audio.bias import finish, mentions_money
from game.audio.phonetics import word_phones
from game.audio.phrases import lm_sentences
from game.audio.vocabulary import CallVocabulary
from game.audio.wavio import RECOGNITION_RATE, read_for_recognition

DEFAULT_ORDER = ("moonshine", "pocketsphinx", "sphinx")

# Moonshine returns nothing for some clips that start or end right at the edge of speech; a little
# silence either side fixes that. Its model is trained on clips up to about 30 s.
_EDGE_PAD = np.zeros(int(RECOGNITION_RATE * 0.3), dtype=np.float32)
_LONGEST_CHUNK = 20.0


@dataclass(frozen=True)
class Heard:
    """What a recogniser heard, and how long recognition took (seconds of compute, not of audio)."""

    text: str
    seconds: float
    engine: str = ""
    audio_seconds: float = 0.0


class RecognitionError(RuntimeError):
    """An engine failed on one clip; the message is one sentence."""


class EngineUnavailable(RuntimeError):
    """An engine cannot start here (package or model missing); the message says why."""


class UnknownEngineError(ValueError):
    """A recognition engine name that does not exist."""


class Recognizer(Protocol):
    """One loaded recognition engine, optionally biased to a call."""

    name: str

    def transcribe(self, wav_path: str | Path) -> Heard: ...

    def transcribe_samples(self, samples: np.ndarray) -> Heard: ...

    def set_vocabulary(self, vocabulary: CallVocabulary | None) -> None: ...


class _Engine:
    """Shared plumbing: read and resample, time the decode, then write money and bias to the call."""

    name = ""

    def __init__(self, vocabulary: CallVocabulary | None = None) -> None:
        self.vocabulary = vocabulary

    def set_vocabulary(self, vocabulary: CallVocabulary | None) -> None:
        self.vocabulary = vocabulary

    def transcribe(self, wav_path: str | Path) -> Heard:
        return self.transcribe_samples(read_for_recognition(wav_path))

    def transcribe_samples(self, samples: np.ndarray) -> Heard:
        begin = time.perf_counter()
        samples = np.ascontiguousarray(samples, dtype=np.float32)
        raw = self._recognise(samples)
        text = finish(raw, self.vocabulary, confirmed=self._confirmed(samples, raw))
        return Heard(text, time.perf_counter() - begin, self.name, samples.size / RECOGNITION_RATE)

    def _recognise(self, samples: np.ndarray) -> str:
        raise NotImplementedError

    def _confirmed(self, samples: np.ndarray, raw: str) -> tuple[float, ...]:
        """Call amounts a second opinion heard in this clip (none by default)."""
        return ()


def _pcm16(samples: np.ndarray) -> bytes:
    return bytes((np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes())


def _chunks(samples: np.ndarray, longest: float = _LONGEST_CHUNK) -> list[np.ndarray]:
    """Long audio cut at its quietest 50 ms in the last third of each window."""
    size = int(longest * RECOGNITION_RATE)
    hop = RECOGNITION_RATE // 20
    pieces: list[np.ndarray] = []
    while samples.size > size:
        window = samples[size // 3 * 2 : size]
        energy = [float(np.mean(window[i : i + hop] ** 2)) for i in range(0, window.size - hop, hop)]
        cut = size // 3 * 2 + int(np.argmin(energy)) * hop + hop // 2
        pieces.append(samples[:cut])
        samples = samples[cut:]
    pieces.append(samples)
    return pieces


class MoonshineEngine(_Engine):
    """Moonshine, with pocketsphinx's call-biased decoder as a second opinion on amounts.

    Moonshine writes words best but garbles synthetic or unclear numbers ("four hundred baby"); a
    decoder whose language model knows the call's amounts often hears them right. When moonshine's
    text, repaired towards the call, still holds something like an amount but none of the call's,
    the second decoder listens too, and call amounts it hears may be matched more loosely.
    """

    name = "moonshine"

    def __init__(self, vocabulary: CallVocabulary | None = None) -> None:
        super().__init__(None)
        self._second: PocketsphinxEngine | None = None
        try:
            with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
                import moonshine_cpp
                from moonshine_cpp.moonshine_cpp import moonshine_lib

                self._model = moonshine_cpp.MoonshineModel(language="en")
        except (ImportError, OSError, AssertionError, MemoryError) as err:
            raise EngineUnavailable(f"moonshine is not installed or its model is missing ({err})") from None
        self._lib = moonshine_lib
        self.set_vocabulary(vocabulary)

    def set_vocabulary(self, vocabulary: CallVocabulary | None) -> None:
        self.vocabulary = vocabulary
        if vocabulary is None:
            return
        try:
            if self._second is None:
                self._second = PocketsphinxEngine(vocabulary)
            else:
                self._second.set_vocabulary(vocabulary)
        except EngineUnavailable:
            self._second = None

    def _confirmed(self, samples: np.ndarray, raw: str) -> tuple[float, ...]:
        if self.vocabulary is None or self._second is None:
            return ()
        from game.engine.understand import parse_amounts

        first = finish(raw, self.vocabulary)
        if not mentions_money(first) or set(parse_amounts(first)) & set(self.vocabulary.amounts):
            return ()
        second = finish(self._second._recognise(samples), self.vocabulary)
        return tuple(a for a in parse_amounts(second) if a in self.vocabulary.amounts)

    def _recognise(self, samples: np.ndarray) -> str:
        return " ".join(filter(None, (self._decode(chunk) for chunk in _chunks(samples))))

    def _decode(self, samples: np.ndarray) -> str:
        padded = np.ascontiguousarray(np.concatenate([_EDGE_PAD, samples, _EDGE_PAD]), dtype=np.float32)
        out = ctypes.c_char_p(0)
        pointer = padded.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
        error = self._lib.moonshine_transcribe(self._model.model_handle, pointer, padded.size, ctypes.byref(out))
        if error != 0:
            raise RecognitionError(f"moonshine failed on this audio (error {error}).")
        text = (out.value or b"").decode("utf-8", errors="replace")
        self._lib.moonshine_free_text(out)
        return text.strip()


class PocketsphinxEngine(_Engine):
    """A pocketsphinx decoder kept loaded between utterances.

    Biased to a call, its decoder knows only the call's words: a language model built from the call
    and a corpus of collector phrases, with a dictionary of just those words. Adding the call's model
    to a decoder that holds the whole stock dictionary took seconds (the search is built over every
    word); this one is built in a fraction of that and holds far less memory.
    """

    name = "pocketsphinx"

    def __init__(self, vocabulary: CallVocabulary | None = None) -> None:
        super().__init__(None)
        try:
            import pocketsphinx
        except ImportError as err:
            raise EngineUnavailable(f"pocketsphinx is not installed ({err})") from None
        self._pocketsphinx = pocketsphinx
        self._model = Path(pocketsphinx.get_model_path("en-us"))
        self._decoder: Any = None
        self.set_vocabulary(vocabulary)

    def _load(self, lm: Path, dictionary: Path) -> Any:
        try:
            return self._pocketsphinx.Decoder(
                hmm=str(self._model / "en-us"), lm=str(lm), dict=str(dictionary), logfn=os.devnull
            )
        except (RuntimeError, ValueError) as err:
            raise EngineUnavailable(f"pocketsphinx could not load its model ({err})") from None

    def set_vocabulary(self, vocabulary: CallVocabulary | None) -> None:
        if self._decoder is not None and vocabulary == self.vocabulary:
            return
        self.vocabulary = vocabulary
        if vocabulary is None:
            self._decoder = self._load(self._model / "en-us.lm.bin", self._model / "cmudict-en-us.dict")
            return
        from pocketsphinx.lm import ArpaBoLM

        sentences = lm_sentences(vocabulary)
        words = sorted({word for sentence in sentences for word in sentence.split()})
        model = ArpaBoLM(text="\n".join(sentences), add_start=True, discount_mass=0.5)
        model.compute()
        with tempfile.TemporaryDirectory() as folder:
            lm, dictionary = Path(folder) / "call.arpa", Path(folder) / "call.dict"
            with lm.open("w", encoding="utf-8") as out:
                model.write(out)
            dictionary.write_text("".join(f"{w} {' '.join(word_phones(w))}\n" for w in words), encoding="utf-8")
            self._decoder = self._load(lm, dictionary)

    def _recognise(self, samples: np.ndarray) -> str:
        self._decoder.start_utt()
        self._decoder.process_raw(_pcm16(samples), False, True)
        self._decoder.end_utt()
        hyp = self._decoder.hyp()
        return str(hyp.hypstr) if hyp is not None else ""


class SphinxEngine(_Engine):
    """SpeechRecognition's ``recognize_sphinx`` exactly as a plain program would call it."""

    name = "sphinx"

    def __init__(self, vocabulary: CallVocabulary | None = None) -> None:
        super().__init__(vocabulary)
        try:
            import pocketsphinx  # noqa: F401
            import speech_recognition
        except ImportError as err:
            raise EngineUnavailable(f"SpeechRecognition with pocketsphinx is not installed ({err})") from None
        self._sr = speech_recognition
        self._recognizer = speech_recognition.Recognizer()

    def _recognise(self, samples: np.ndarray) -> str:
        audio = self._sr.AudioData(_pcm16(samples), RECOGNITION_RATE, 2)
        try:
            return str(self._recognizer.recognize_sphinx(audio))
        except self._sr.UnknownValueError:
            return ""
        except self._sr.RequestError as err:
            raise RecognitionError(f"sphinx failed: {err}.") from None


ENGINES: dict[str, type[_Engine]] = {
    "moonshine": MoonshineEngine,
    "pocketsphinx": PocketsphinxEngine,
    "sphinx": SphinxEngine,
}


def open_recognizer(
    engine: str | None = None, vocabulary: CallVocabulary | None = None
) -> tuple[Recognizer | None, str | None]:
    """The requested engine (or the best one here) and a one-line notice when it had to fall back.

    Returns ``(None, notice)`` when no engine can run: the caller switches to typed input.
    """
    if engine is not None and engine not in ENGINES:
        raise UnknownEngineError(f"unknown recognition engine {engine!r}; choose one of {', '.join(ENGINES)}.")
    order = [engine] if engine else []
    order += [name for name in DEFAULT_ORDER if name not in order]
    reasons: list[str] = []
    for name in order:
        try:
            recognizer = ENGINES[name](vocabulary)
        except EngineUnavailable as err:
            reasons.append(str(err))
            continue
        notice = None
        if reasons:
            notice = f"Speech recognition uses {name}: {reasons[0]}."
        return recognizer, notice
    return None, f"No speech recogniser is available ({reasons[0]}): type your answers."


@lru_cache(maxsize=4)
def shared_recognizer(engine: str | None, vocabulary: CallVocabulary | None) -> tuple[Recognizer | None, str | None]:
    """One loaded recogniser per (engine, call), reused by every file a command transcribes."""
    return open_recognizer(engine, vocabulary)


__all__ = [
    "DEFAULT_ORDER",
    "ENGINES",
    "EngineUnavailable",
    "Heard",
    "RecognitionError",
    "Recognizer",
    "UnknownEngineError",
    "open_recognizer",
    "shared_recognizer",
]
