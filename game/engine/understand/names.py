"""The debtor's and the creditor's names in a line, found fuzzily and masked for the act patterns.

Speech recognition misspells names ("brenan", "mister zang") and some names are ordinary words
("Dick Smith", "Grace"). Matching tokens with rapidfuzz finds the first; replacing every match with
a placeholder (``debtorname``, ``creditorco``) keeps names out of the insult lexicon and lets one
pattern say "may I speak with debtorname" for every scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import Levenshtein

from game.engine.understand.normalize import normalize

DEBTOR_TOKEN: Final = "debtorname"
CREDITOR_TOKEN: Final = "creditorco"

_MIN_SIMILARITY: Final = 0.8
_MIN_SIMILARITY_AFTER_TITLE: Final = 0.6  # "mr jang" for Mr. Zhang: a title makes a name likely
_MIN_CREDITOR_SIMILARITY: Final = 0.85
_MIN_FUZZY_LENGTH: Final = 4  # shorter words must be said exactly


@dataclass(frozen=True)
class NameWords:
    """A language's words about names: titles, words that name no particular company ("bank",
    "credit"), and names that are also common words ("price", "grace")."""

    titles: frozenset[str]
    generic_company: frozenset[str]
    common_word_names: frozenset[str]


@dataclass(frozen=True)
class NameForm:
    """One way the context spells the debtor: its label, its title (if any) and its name words."""

    label: str
    title: str | None
    words: tuple[str, ...]


@dataclass(frozen=True)
class NameMatch:
    """The debtor names a line mentions and the line with names replaced by placeholders."""

    names: tuple[str, ...]
    masked: str


def find_names(
    words: str, original: str, debtor_names: tuple[str, ...], creditor: str, vocabulary: NameWords
) -> NameMatch:
    """Debtor names mentioned in ``words`` (normalised ``original``), and ``words`` masked."""
    tokens = words.split()
    forms = _name_forms(debtor_names, vocabulary.titles)
    hits = _name_hits(tokens, forms, _capitalised_words(original), vocabulary)
    masked = _mask_debtor(tokens, hits, vocabulary.titles)
    return NameMatch(
        _said_forms(tokens, hits, forms, vocabulary.titles), _mask_creditor(masked, creditor, vocabulary)
    )


def _capitalised_words(original: str) -> frozenset[str]:
    if original.islower():
        return frozenset()
    return frozenset(w.lower().strip(".,!?;:'\"") for w in original.split() if w[:1].isupper())


@lru_cache(maxsize=256)
def _name_forms(debtor_names: tuple[str, ...], titles: frozenset[str]) -> tuple[NameForm, ...]:
    forms = []
    for label in debtor_names:
        words = normalize(label).split()
        title = words[0] if words and words[0] in titles else None
        forms.append(NameForm(label, title, tuple(w for w in words if w not in titles)))
    return tuple(forms)


def _name_hits(
    tokens: list[str], forms: tuple[NameForm, ...], capitalised: frozenset[str], vocabulary: NameWords
) -> list[str | None]:
    """Per token, the name word it spells, if any. A name that is a common word counts when typed
    with a capital, after a title or next to another part of the name."""
    name_words = frozenset(word for form in forms for word in form.words)
    if not name_words:
        return [None] * len(tokens)
    after_title = [i > 0 and tokens[i - 1] in vocabulary.titles for i in range(len(tokens))]
    hits = [
        None
        if token in vocabulary.common_word_names and token not in capitalised
        else _name_word(token, name_words, after_title[i])
        for i, token in enumerate(tokens)
    ]
    for i, token in enumerate(tokens):
        beside = after_title[i] or (i > 0 and hits[i - 1]) or (i + 1 < len(hits) and hits[i + 1])
        if hits[i] is None and token in vocabulary.common_word_names and beside:
            hits[i] = _name_word(token, name_words, after_title=True)
    return hits


def _name_word(token: str, name_words: frozenset[str], after_title: bool) -> str | None:
    """The name word ``token`` spells, allowing recogniser misspellings (looser after a title)."""
    if token in name_words:
        return token
    if len(token) < _MIN_FUZZY_LENGTH:
        return None
    best, best_score = None, _MIN_SIMILARITY_AFTER_TITLE if after_title else _MIN_SIMILARITY
    for word in name_words:
        if len(word) >= _MIN_FUZZY_LENGTH:
            score = Levenshtein.normalized_similarity(token, word)
            if score >= best_score:
                best, best_score = word, score
    return best


def _said_forms(
    tokens: list[str], hits: list[str | None], forms: tuple[NameForm, ...], titles: frozenset[str]
) -> tuple[str, ...]:
    """Forms said in full, title included, leaving out those another said form spells more fully;
    else, per surname, the form best covered (the first on a tie)."""
    said = {hit for hit in hits if hit is not None}
    if not said:
        return ()
    titled = {(tokens[i - 1], hits[i]) for i in range(1, len(tokens)) if hits[i] and tokens[i - 1] in titles}
    complete = [
        form
        for form in forms
        if all(w in said for w in form.words)
        and (form.title is None or (form.title, form.words[0]) in titled)
    ]
    if complete:
        return tuple(form.label for form in complete if not _said_more_fully(form, complete))
    best: dict[str, tuple[int, str]] = {}
    for form in forms:
        covered = sum(w in said for w in form.words)
        surname = form.words[-1] if form.words else form.label
        if covered and (surname not in best or covered > best[surname][0]):
            best[surname] = (covered, form.label)
    return tuple(label for _, label in best.values())


def _said_more_fully(form: NameForm, others: list[NameForm]) -> bool:
    """Whether another said form spells this one and more ("Mr. Brennan" over "Brennan")."""
    return any(
        other is not form
        and set(form.words) <= set(other.words)
        and form.title in (None, other.title)
        and (len(other.words) > len(form.words) or (other.title is not None and form.title is None))
        for other in others
    )


def _mask_debtor(tokens: list[str], hits: list[str | None], titles: frozenset[str]) -> str:
    out: list[str] = []
    for token, hit in zip(tokens, hits, strict=True):
        if hit is None:
            out.append(token)
        elif not out or out[-1] != DEBTOR_TOKEN:
            if out and out[-1] in titles:
                out.pop()
            out.append(DEBTOR_TOKEN)
    return " ".join(out)


@lru_cache(maxsize=256)
def _creditor_words(creditor: str, generic: frozenset[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The words naming this very company ("northwind"), and all its words."""
    words = normalize(creditor).split()
    distinctive = tuple(w for w in words if w not in generic)
    return distinctive or tuple(words), frozenset(words)


def _mask_creditor(masked: str, creditor: str, vocabulary: NameWords) -> str:
    if not creditor:
        return masked
    distinctive, all_words = _creditor_words(creditor, vocabulary.generic_company)
    tokens = masked.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        width = _creditor_width(tokens, i, distinctive)
        if not width:
            out.append(tokens[i])
            i += 1
            continue
        out.append(CREDITOR_TOKEN)
        i += width
        while i < len(tokens) and tokens[i] in all_words and tokens[i] not in distinctive:
            i += 1
    return " ".join(out)


def _creditor_width(tokens: list[str], i: int, distinctive: tuple[str, ...]) -> int:
    """How many tokens from ``i`` spell a distinctive creditor word ("blue bird" for "bluebird")."""
    for width in (1, 2):
        if i + width > len(tokens):
            break
        candidate = "".join(tokens[i : i + width])
        for word in distinctive:
            if candidate == word or (
                len(candidate) >= _MIN_FUZZY_LENGTH
                and Levenshtein.normalized_similarity(candidate, word) >= _MIN_CREDITOR_SIMILARITY
            ):
                return width
    return 0
