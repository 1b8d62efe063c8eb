"""Acts recognised by closeness to example phrases, for paraphrases no pattern foresaw.

rapidfuzz's ``token_set_ratio`` scores 100 whenever one side's words are a subset of the other's,
which is right for a long line that contains a phrase and wrong for a short line inside a long
phrase ("okay" inside "okay so that is 200 on friday"). A phrase therefore counts only when the
line also says most of its content words; checking that first (a set intersection) leaves the
fuzzy score to a few candidates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz

from game.engine.understand.normalize import normalize
from game.engine.understand.zh_text import words_zh

SCORE_CUTOFF: Final = 88.0
# Share of a phrase's content words the line must say; all of them for short phrases.
MIN_WORDS_SAID: Final = 0.8
SHORT_PHRASE: Final = 4


@dataclass(frozen=True)
class PhraseIndex:
    """Normalised example phrases, the act each stands for, and each phrase's content words."""

    texts: tuple[str, ...]
    acts: tuple[str, ...]
    words: tuple[frozenset[str], ...]


@lru_cache(maxsize=64)
def phrase_index(phrases: tuple[tuple[str, str], ...], function_words: frozenset[str]) -> PhraseIndex:
    """An index over ``(act, normalised phrase)`` pairs; ``function_words`` do not show a match."""
    kept = tuple((act, text) for act, text in phrases if text)
    return PhraseIndex(
        tuple(text for _, text in kept),
        tuple(act for act, _ in kept),
        tuple(frozenset(set(text.split()) - function_words) or frozenset(text.split()) for _, text in kept),
    )


def phrase_words(language: str) -> Callable[[str], str]:
    """How a language's phrases and lines become space-separated words: Chinese is cut by jieba."""
    return words_zh if language == "zh" else normalize


def scenario_phrases(extra: Mapping[str, Sequence[str]], language: str = "en") -> tuple[tuple[str, str], ...]:
    """A scenario's ``act -> phrases`` mapping as normalised ``(act, phrase)`` pairs."""
    return _normalised(tuple((act, tuple(phrases)) for act, phrases in extra.items()), language)


@lru_cache(maxsize=64)
def _normalised(extra: tuple[tuple[str, tuple[str, ...]], ...], language: str) -> tuple[tuple[str, str], ...]:
    words_of = phrase_words(language)
    return tuple((act, words_of(phrase)) for act, phrases in extra for phrase in phrases)


def acts_by_phrase(line: str, index: PhraseIndex) -> set[str]:
    """Acts whose example phrases ``line`` (normalised) says nearly word for word."""
    line_words = set(line.split())
    found: set[str] = set()
    for i, phrase_words in enumerate(index.words):
        act = index.acts[i]
        if act in found:
            continue
        said = len(phrase_words & line_words)
        needed = len(phrase_words) if len(phrase_words) <= SHORT_PHRASE else MIN_WORDS_SAID * len(phrase_words)
        if said and said >= needed and fuzz.token_set_ratio(line, index.texts[i]) >= SCORE_CUTOFF:
            found.add(act)
    return found
