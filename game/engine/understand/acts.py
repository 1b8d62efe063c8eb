"""Which dialogue acts a normalised, name-masked line performs."""

from __future__ import annotations

from game.engine.stages import ACTS
from game.engine.understand.lexicon import Lexicon
from game.engine.understand.phrases import PhraseIndex, acts_by_phrase


def classify(
    line: str,
    features: frozenset[str],
    lexicon: Lexicon,
    phrases: tuple[PhraseIndex, ...],
    words: str | None = None,
) -> tuple[str, ...]:
    """The acts in contract order; ``("other",)`` when none applies. ``words`` is the line cut into
    words for the phrase matcher where the language writes none (Chinese); else ``line`` is."""
    found: set[str] = set()
    for index in phrases:
        found |= acts_by_phrase(words if words is not None else line, index)
    for rule in lexicon.rules:
        if (
            rule.act in found
            or (rule.pattern is not None and rule.pattern.search(line))
            or any(feature in features and pattern.search(line) for feature, pattern in rule.when)
        ):
            if rule.unless is not None and rule.unless.search(line):
                found.discard(rule.act)
            else:
                found.add(rule.act)
    for act, by in lexicon.suppress.items():
        if act in found and found.intersection(by):
            found.discard(act)
    found.discard("other")
    if not found:
        return ("other",)
    return tuple(act for act in ACTS if act in found)
