"""Collector phrases: the shipped corpus filled in for one call, as a small language model's text.

pocketsphinx decodes far better with a language model of what this call is likely to contain (the
collector phrases of every dialogue act, with the debtor's name, the creditor and every spoken form
of the amounts) than with its general English model.
"""

from __future__ import annotations

import re
from importlib import resources

from game.audio.numbers import ONES, number_words, spoken_amount_forms
from game.audio.vocabulary import CallVocabulary

PHRASES_FILE = "collector_phrases.txt"


def corpus_templates() -> list[str]:
    """The shipped collector phrases with their {placeholders}, comments dropped."""
    text = resources.files("game.audio").joinpath(PHRASES_FILE).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _filled(vocabulary: CallVocabulary, titles: list[str], amounts: list[str]) -> list[str]:
    fills = {
        "title": titles,
        "surname": list(vocabulary.surnames) or ["Smith"],
        "first": [n.split()[0] for n in vocabulary.names if len(n.split()) > 1] or ["John"],
        "name": list(vocabulary.names) or ["John Smith"],
        "creditor": [vocabulary.creditor or "the bank"],
        "amount": amounts,
    }
    sentences: list[str] = []
    for template in [*corpus_templates(), *vocabulary.phrases]:
        variants = [template]
        for key, values in fills.items():
            if "{" + key + "}" in template:
                variants = [v.replace("{" + key + "}", value) for v in variants for value in values]
        sentences.extend(variants)
    return sentences


def lm_sentences(vocabulary: CallVocabulary) -> list[str]:
    """The corpus for this call as spoken words: every template with every name and amount form."""
    titles = [vocabulary.title or "mister", "mister", "missus", "miss"]
    amounts = [form for a in vocabulary.amounts for form in spoken_amount_forms(a, vocabulary.currency)]
    return [_lm_words(s) for s in _filled(vocabulary, titles, amounts or ["one hundred dollars"])]


def _lm_words(sentence: str) -> str:
    sentence = re.sub(r"\bmr\.", "mister", sentence.lower())
    sentence = re.sub(r"\bmrs\.", "missus", sentence)
    sentence = re.sub(r"\bms\.", "miss", sentence)
    return " ".join(re.findall(r"[a-z']+", spoken_digits(sentence)))


def spoken_digits(sentence: str) -> str:
    """Digits in a phrase as words, so a scenario's "$1,250" trains "one thousand two hundred fifty"."""

    def say(match: re.Match[str]) -> str:
        words = number_words(int(match.group(2).replace(",", "")))
        if match.group(3):
            words += f" point {' '.join(ONES[int(d)] for d in match.group(3))}"
        return words + (" dollars" if match.group(1) else "")

    return re.sub(r"(\$)?(\d[\d,]*)(?:\.(\d+))?", say, sentence)
