"""The act lexicon: ``lexicon_<language>.yaml`` read once, on first use, and compiled.

Keeping the patterns and phrases as data lets a reviewer read and extend what each act sounds like
without touching code; compiling each act's patterns into one alternation keeps a line's
classification to a couple of dozen regex searches.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Final

import yaml

from game.engine.stages import ACTS
from game.engine.understand.names import NameWords
from game.engine.understand.phrases import PhraseIndex, phrase_index, phrase_words

# Features a pattern can depend on (``when:`` in the lexicon), computed from the line's entities.
FEATURES: Final = frozenset({"amount", "no_amount", "partial", "date", "later_date", "method", "specific"})
_MACRO: Final = re.compile(r"\{\{(\w+)\}\}")


class LexiconError(ValueError):
    """The lexicon file is missing or malformed; the message says where."""


@dataclass(frozen=True)
class ActRule:
    """How one act is recognised: patterns, feature-dependent patterns and vetoes."""

    act: str
    pattern: re.Pattern[str] | None
    when: tuple[tuple[str, re.Pattern[str]], ...]
    unless: re.Pattern[str] | None


@dataclass(frozen=True)
class Lexicon:
    """Everything the classifier knows about one language."""

    rules: tuple[ActRule, ...]
    phrases: PhraseIndex
    suppress: Mapping[str, tuple[str, ...]]
    methods: tuple[tuple[str, re.Pattern[str]], ...]
    asks: tuple[tuple[str, re.Pattern[str]], ...]
    name_words: NameWords
    function_words: frozenset[str]

    def method_in(self, line: str) -> str | None:
        """The payment method named first in ``line`` (normalised), in its canonical spelling; where
        two patterns match at the same place, the one listed first."""
        best: tuple[int, str] | None = None
        for method, pattern in self.methods:
            match = pattern.search(line)
            if match is not None and (best is None or match.start() < best[0]):
                best = (match.start(), method)
        return best[1] if best is not None else None

    def asks_in(self, line: str) -> tuple[str, ...]:
        """What ``line`` (normalised) asks of the debtor, in the lexicon's order."""
        found = tuple(dict.fromkeys(kind for kind, pattern in self.asks if pattern.search(line)))
        if "identity:dob" in found:  # the day asked for is the birthday, not a day to pay
            return tuple(kind for kind in found if kind != "date")
        return found


@lru_cache(maxsize=8)
def load_lexicon(language: str) -> Lexicon:
    """The compiled lexicon for ``language``; raises ``LexiconError`` when there is none."""
    resource = resources.files(__package__).joinpath(f"lexicon_{language}.yaml")
    if not resource.is_file():
        raise LexiconError(f"there is no dialogue-act lexicon for language {language!r}")
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return compile_lexicon(data, f"lexicon_{language}.yaml", language)


def compile_lexicon(data: Any, source: str, language: str = "en") -> Lexicon:
    """A ``Lexicon`` from the parsed YAML mapping ``data`` (``source`` names it in errors)."""
    if not isinstance(data, dict):
        raise LexiconError(f"{source}: expected a mapping at the top level")
    macros = _expanded_macros(data.get("macros") or {}, source)
    acts = data.get("acts") or {}
    unknown = sorted(set(acts) - set(ACTS))
    if unknown:
        raise LexiconError(f"{source}: unknown acts {unknown}")
    rules = tuple(_act_rule(act, acts[act], macros, source) for act in ACTS if act in acts)
    words = data.get("words") or {}

    def word_set(key: str) -> frozenset[str]:
        return frozenset(str(word) for word in words.get(key) or ())

    words_of = phrase_words(language)
    phrases = tuple(
        (act, words_of(str(phrase))) for act in ACTS if act in acts for phrase in acts[act].get("phrases") or ()
    )
    methods = tuple(
        (method, _compile(pattern, macros, source))
        for method, patterns in (data.get("methods") or {}).items()
        for pattern in patterns
    )
    asks = tuple(
        (kind, _compile(pattern, macros, source))
        for kind, patterns in (data.get("asks") or {}).items()
        for pattern in patterns
    )
    return Lexicon(
        rules=rules,
        asks=asks,
        phrases=phrase_index(phrases, word_set("function")),
        suppress={act: tuple(by) for act, by in (data.get("suppress") or {}).items()},
        methods=methods,
        name_words=NameWords(word_set("titles"), word_set("generic_company"), word_set("common_word_names")),
        function_words=word_set("function"),
    )


def _expanded_macros(raw: Mapping[str, str], source: str) -> dict[str, str]:
    expanded: dict[str, str] = {}

    def expand(name: str, seen: tuple[str, ...]) -> str:
        if name in expanded:
            return expanded[name]
        if name not in raw:
            raise LexiconError(f"{source}: unknown macro {{{{{name}}}}}")
        if name in seen:
            raise LexiconError(f"{source}: macro {name!r} refers to itself")
        text = _MACRO.sub(lambda m: expand(m.group(1), (*seen, name)), raw[name])
        expanded[name] = text
        return text

    for name in raw:
        expand(name, ())
    return expanded


def _act_rule(act: str, spec: Mapping[str, Any], macros: Mapping[str, str], source: str) -> ActRule:
    plain: list[str] = []
    when: list[tuple[str, re.Pattern[str]]] = []
    for entry in spec.get("patterns") or ():
        if isinstance(entry, str):
            plain.append(entry)
        elif isinstance(entry, dict) and entry.get("when") in FEATURES and isinstance(entry.get("re"), str):
            when.append((entry["when"], _compile(entry["re"], macros, source)))
        else:
            raise LexiconError(f"{source}: {act}: a pattern is a string or {{re: ..., when: feature}}")
    return ActRule(
        act,
        _alternation(plain, macros, source),
        tuple(when),
        _alternation(spec.get("unless") or (), macros, source),
    )


def _alternation(patterns: Sequence[str], macros: Mapping[str, str], source: str) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return _compile("|".join(f"(?:{p})" for p in patterns), macros, source)


def _compile(pattern: str, macros: Mapping[str, str], source: str) -> re.Pattern[str]:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in macros:
            raise LexiconError(f"{source}: unknown macro {{{{{name}}}}}")
        return macros[name]

    text = _MACRO.sub(substitute, pattern)
    try:
        return re.compile(text)
    except re.error as error:
        raise LexiconError(f"{source}: bad pattern {pattern!r}: {error}") from error
