"""One spelling for typed and recognised speech, so a single pattern serves both.

Typed lines carry capitals, punctuation and apostrophes ("That's $200, correct?"); recognised speech
carries none ("thats two hundred dollars correct"). Both become lowercase words with contractions
spelt out ("that is 200 dollars correct") and number words as digits; a starred-out swear word
("f**k") becomes the word "expletive".
"""

from __future__ import annotations

import re
from typing import Final

from text_to_num import alpha2digit  # type: ignore[import-untyped]

_APOSTROPHES: Final = re.compile(r"[‘’`´]")
# A word with letters starred out ("f**k", "s***") is a swear word whichever one it hides.
_STARRED: Final = re.compile(r"\b[a-z]+(?:\*+[a-z]+|\*{2,})[a-z*]*")
_CONTRACTION_SUFFIXES: Final = (
    (re.compile(r"\b(can|ca)'t\b"), r"can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\b(it|that|what|there|here|he|she|who|where|how|this)'s\b"), r"\1 is"),
)
# Recognised speech drops apostrophes; these words are unambiguous without them ("were", "well",
# "ill" and "id" are not, so they stay and patterns accept both readings).
# fmt: off
_BARE_CONTRACTIONS: Final = {
    "thats": "that is", "whats": "what is", "theres": "there is", "heres": "here is",
    "hows": "how is", "wheres": "where is", "whos": "who is", "its": "it is", "lets": "let us",
    "im": "i am", "ive": "i have", "youll": "you will", "youre": "you are", "youve": "you have",
    "youd": "you would", "theyll": "they will", "theyre": "they are", "weve": "we have",
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "wont": "will not", "isnt": "is not", "arent": "are not", "wasnt": "was not", "werent": "were not",
    "havent": "have not", "hasnt": "has not", "hadnt": "had not", "shouldnt": "should not",
    "wouldnt": "would not", "couldnt": "could not", "gonna": "going to", "wanna": "want to",
    "gotta": "got to", "mister": "mr", "missus": "mrs", "ok": "okay",
}
# fmt: on
_BARE_WORD: Final = re.compile(r"\b(" + "|".join(sorted(_BARE_CONTRACTIONS, key=len, reverse=True)) + r")\b")
# Keep $ £ € % and decimal points or thousands commas between digits; everything else separates words.
_SEPARATORS: Final = re.compile(r"(?:(?<!\d)[.,]|[.,](?!\d)|[^\w$£€%.,'])+")
_REMAINING_APOSTROPHES: Final = re.compile(r"'")
_SPACES: Final = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Lowercase words separated by single spaces, contractions spelt out, numbers from two up as digits.

    "one" stays a word: "no one", "a good one" and "one moment" are not numbers.
    """
    lowered = _STARRED.sub(" expletive ", _APOSTROPHES.sub("'", text.lower()))
    for pattern, replacement in _CONTRACTION_SUFFIXES:
        lowered = pattern.sub(replacement, lowered)
    words = _SEPARATORS.sub(" ", lowered)
    words = _REMAINING_APOSTROPHES.sub("", words)
    words = _BARE_WORD.sub(lambda m: _BARE_CONTRACTIONS[m.group(1)], words)
    words = _SPACES.sub(" ", words).strip()
    converted: str = alpha2digit(words, "en", threshold=2) if words else words
    return converted
