"""Approximate English pronunciations, for comparing what was heard with what the call expects.

Pronunciations come from the CMU dictionary that ships inside pocketsphinx; a word it lacks is split
into two dictionary words ("northwind" = "north" + "wind") or spelled out by letter rules. That is
coarse, but comparing sounds rather than spellings is what lets "four hundred baby" be recognised as a
garbled "four hundred eighty".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from game.audio.numbers import number_words

Phones = tuple[str, ...]

_LETTER_RULES: tuple[tuple[str, Phones], ...] = (
    ("tion", ("SH", "AH", "N")),
    ("ough", ("AO",)),
    ("igh", ("AY",)),
    ("ch", ("CH",)),
    ("sh", ("SH",)),
    ("th", ("TH",)),
    ("ph", ("F",)),
    ("ng", ("NG",)),
    ("ck", ("K",)),
    ("qu", ("K", "W")),
    ("ee", ("IY",)),
    ("ea", ("IY",)),
    ("oo", ("UW",)),
    ("ou", ("AW",)),
    ("ow", ("OW",)),
    ("ai", ("EY",)),
    ("ay", ("EY",)),
    ("oi", ("OY",)),
    ("au", ("AO",)),
    ("er", ("ER",)),
    ("ar", ("AA", "R")),
    ("or", ("AO", "R")),
    ("a", ("AE",)),
    ("b", ("B",)),
    ("c", ("K",)),
    ("d", ("D",)),
    ("e", ("EH",)),
    ("f", ("F",)),
    ("g", ("G",)),
    ("h", ("HH",)),
    ("i", ("IH",)),
    ("j", ("JH",)),
    ("k", ("K",)),
    ("l", ("L",)),
    ("m", ("M",)),
    ("n", ("N",)),
    ("o", ("AA",)),
    ("p", ("P",)),
    ("q", ("K",)),
    ("r", ("R",)),
    ("s", ("S",)),
    ("t", ("T",)),
    ("u", ("AH",)),
    ("v", ("V",)),
    ("w", ("W",)),
    ("x", ("K", "S")),
    ("y", ("Y",)),
    ("z", ("Z",)),
)

# Broad classes: a vowel heard as another vowel, or a stop as another stop, is a near miss.
_CLASSES = {
    **dict.fromkeys("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split(), "V"),  # noqa: SIM905
    **dict.fromkeys("B D G K P T".split(), "P"),  # noqa: SIM905
    **dict.fromkeys("CH DH F HH JH S SH TH V Z ZH".split(), "F"),  # noqa: SIM905
    **dict.fromkeys("M N NG".split(), "N"),  # noqa: SIM905
    **dict.fromkeys("L R W Y".split(), "L"),  # noqa: SIM905
}
_SYMBOLS: dict[str, str] = {}

_MONEY_TOKEN = re.compile(r"^([$£€¥])?(\d[\d,]*)(?:\.(\d\d))?$")
_SIGN_WORDS = {"$": "dollars", "£": "pounds", "€": "euros", "¥": "yuan"}


def dictionary_path() -> Path | None:
    """The CMU pronouncing dictionary shipped with pocketsphinx, if pocketsphinx is installed."""
    try:
        import pocketsphinx
    except ImportError:
        return None
    path = Path(pocketsphinx.get_model_path("en-us")) / "cmudict-en-us.dict"
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, Phones]:
    path = dictionary_path()
    entries: dict[str, Phones] = {}
    if path is None:
        return entries
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            word, _, phones = line.strip().partition(" ")
            if word and "(" not in word:
                entries[word] = tuple(phones.split())
    return entries


def _letters_to_phones(word: str) -> Phones:
    phones: list[str] = []
    word = word[:-1] if len(word) > 3 and word.endswith("e") else word
    i = 0
    while i < len(word):
        for letters, sounds in _LETTER_RULES:
            if word.startswith(letters, i):
                phones.extend(sounds)
                i += len(letters)
                break
        else:
            i += 1
    return tuple(phones)


def spoken_words(token: str) -> list[str]:
    """The words a written token is said as: "$480" -> four hundred eighty dollars; "Mr." -> mister."""
    bare = token.strip(".,!?;:\"'()").lower()
    money = _MONEY_TOKEN.match(bare)
    words: list[str] = []
    if money:
        sign, digits, cents = money.groups()
        words += number_words(int(digits.replace(",", ""))).split()
        if cents and int(cents):
            words += ["and", *number_words(int(cents)).split(), "cents"]
        if sign:
            words.append(_SIGN_WORDS[sign])
        return words
    titles = {"mr": "mister", "mrs": "missus", "ms": "miz", "dr": "doctor"}
    for part in re.findall(r"[a-z']+|\d+", bare):
        words.extend(number_words(int(part)).split() if part.isdigit() else [titles.get(part, part)])
    return words


def said_words(text: str) -> list[str]:
    """The words of a transcript as said ("$480" is four words), for counting words per minute."""
    return [word for token in text.split() for word in spoken_words(token)]


@lru_cache(maxsize=8192)
def word_phones(word: str) -> Phones:
    """One word's phones (CMU symbols without stress)."""
    word = word.lower()
    entries = _dictionary()
    if word in entries:
        return entries[word]
    best: tuple[int, Phones] | None = None
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if head in entries and tail in entries and (best is None or min(cut, len(tail)) > best[0]):
            best = (min(cut, len(tail)), entries[head] + entries[tail])
    return best[1] if best else _letters_to_phones(word)


def text_phones(text: str) -> Phones:
    """The phones of a whole phrase, token by token."""
    phones: list[str] = []
    for token in text.split():
        for word in spoken_words(token):
            phones.extend(word_phones(word))
    return tuple(phones)


def _encode(phones: Phones, broad: bool = False) -> str:
    """Phones as a string, one character each, for fast string distances."""
    out = []
    for phone in phones:
        key = "#" + _CLASSES.get(phone, "?") if broad else phone
        if key not in _SYMBOLS:
            _SYMBOLS[key] = chr(0x4E00 + len(_SYMBOLS))
        out.append(_SYMBOLS[key])
    return "".join(out)


def phone_distance(heard: Phones, expected: Phones) -> float:
    """0 (same sounds) to 1 (nothing alike); a substitution within a sound class costs half."""
    if not heard or not expected:
        return 1.0
    exact = Levenshtein.normalized_distance(_encode(heard), _encode(expected))
    broad = Levenshtein.normalized_distance(_encode(heard, True), _encode(expected, True))
    return (exact + broad) / 2
