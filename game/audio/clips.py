"""Spoken test material: collector lines said by espeak-ng voices, and the word error rate against them.

The benchmark and the tests both need real speech without a microphone; espeak-ng at several voices,
rates, pitches and loudness gives it, generated on the spot into a temporary folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from text_to_num import alpha2digit  # type: ignore[import-untyped]

from game.audio.vocabulary import CallVocabulary


@dataclass(frozen=True)
class Speaker:
    """An espeak-ng voice: ``voice`` like "en-us+m3", rate in words per minute, pitch and amplitude."""

    voice: str
    rate: int = 165
    pitch: int = 50
    amplitude: int = 100


SPEAKERS = (
    Speaker("en-us+m3", 160),
    Speaker("en-gb+f2", 180),
    Speaker("en-us+f4", 200),
    Speaker("en-gb-scotland+m4", 150),
    Speaker("en-us+m1", 175),
    Speaker("en-029+f3", 165),
)

# The cooperative call the spoken lines come from (tests/data/audio/collector_lines.txt).
CLIP_CALL = CallVocabulary(names=("Carlos Alvarez",), title="Mr.", amounts=(480.0, 240.0), creditor="Northwind Bank")

COLLECTOR_LINES = (
    "Good morning, may I speak with Mr. Alvarez?",
    "Hello, this is Anna calling from Northwind Bank.",
    "Am I speaking with Mr. Alvarez?",
    "I'm calling about your account with Northwind Bank.",
    "The balance on your account is $480.",
    "The balance is four hundred eighty dollars.",
    "Can you take care of the $480 today?",
    "What date can you make that payment?",
    "Could you pay the full amount by Friday?",
    "We could split it into two payments of $240.",
    "Would a first payment of $200 today work for you?",
    "I understand, thank you for telling me that.",
    "So that's $480 on Friday by bank transfer, correct?",
    "Can you make the payment by card today?",
    "Thank you, Mr. Alvarez, I appreciate your help.",
    "Your payment of four hundred eighty dollars is due today.",
    "Is there anything keeping you from paying today?",
    "Late payments are reported to the credit bureau.",
    "Let me confirm your phone number please.",
    "Thank you for your time, have a good day.",
)

# A call that owes $1,250 (two payments of $625), and lines with amounts that are and are not its
# balance, and numbers that are no money at all. Written for the benchmark as a collector says them;
# bias must never turn an amount that was said into the balance.
AMOUNT_CALL = CallVocabulary(
    names=("Dana Whitfield",), title="Ms.", amounts=(1250.0, 625.0), creditor="Harbor Credit Union"
)
AMOUNT_LINES = (
    "How about one thousand five hundred by Friday?",
    "We received one hundred and fifty on November third.",
    "Could you pay three hundred dollars today?",
    "I can take two hundred dollars now and the rest next month.",
    "A payment of seventy five dollars and fifty cents each week would work.",
    "We can settle this for nine hundred dollars if you pay this week.",
    "Your last payment of eighty dollars arrived on the fifth.",
    "That leaves five hundred twenty five dollars on the account.",
    "Could you manage one thousand dollars by the end of the month?",
    "The late fee was thirty five dollars.",
    "The balance on your account is one thousand two hundred fifty dollars.",
    "The balance is one thousand two hundred fifty dollars and forty cents.",
    "Two payments of six hundred twenty five dollars would clear it.",
    "The branch is ten meters from the station.",
    "You have forty five days to dispute the debt.",
    "Your account number ends in four seven two nine.",
    "Please call us back within 30 days.",
)


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def speak(text: str, path: Path, speaker: Speaker = SPEAKERS[0]) -> Path:
    """Say ``text`` with espeak-ng into a WAV file at ``path``."""
    command = [
        "espeak-ng",
        "-v", speaker.voice,
        "-s", str(speaker.rate),
        "-p", str(speaker.pitch),
        "-a", str(speaker.amplitude),
        "-w", str(path),
        text,
    ]  # fmt: skip
    subprocess.run(command, check=True, capture_output=True, timeout=30)
    return path


def spoken_set(folder: Path, lines: tuple[str, ...] = COLLECTOR_LINES, per_line: int = 2) -> list[tuple[Path, str]]:
    """Each line said by ``per_line`` different speakers (rotating through ``SPEAKERS``)."""
    clips: list[tuple[Path, str]] = []
    for i, line in enumerate(lines):
        for k in range(per_line):
            speaker = SPEAKERS[(i * per_line + k) % len(SPEAKERS)]
            clips.append((speak(line, folder / f"line{i:02d}_{k}.wav", speaker), line))
    return clips


_TITLES = {"mr": "mister", "mrs": "missus", "ms": "miss", "dr": "doctor"}
_ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6", "seventh": "7",
    "eighth": "8", "ninth": "9", "tenth": "10",
}  # fmt: skip


# Contractions spelt out, so "It's" and "it is" score the same.
_CONTRACTIONS = (
    (r"\bwon't\b", "will not"), (r"\bcan't\b", "can not"), (r"\bcannot\b", "can not"), (r"n't\b", " not"),
    (r"\bi'm\b", "i am"), (r"'re\b", " are"), (r"'ll\b", " will"), (r"'ve\b", " have"), (r"'d\b", " would"),
    (r"\b(it|that|there|what|here|who|he|she)'s\b", r"\1 is"),
)  # fmt: skip


def _dollars(match: re.Match[str]) -> str:
    cents = int(match.group(2) or match.group(3) or 0)
    return f"{float(match.group(1)) + cents / 100:.2f}".removesuffix(".00") + " dollars"


def normalise(text: str) -> list[str]:
    """Words for scoring: lower case, no punctuation, numbers as digits, titles and ordinals spelt one
    way, and money as "<n> dollars" however it was said ("$186.40", "one hundred eighty six dollars
    and forty cents" and "186 dollars 40" all read "186.40 dollars")."""
    text = text.lower().replace(",", "")
    text = re.sub(r"[^a-z0-9$.' ]", " ", text)
    text = re.sub(r"\.(?!\d)", " ", text)
    for pattern, spelt in _CONTRACTIONS:
        text = re.sub(pattern, spelt, text)
    text = re.sub(r"\ba hundred\b", "one hundred", text)
    text = alpha2digit(text, "en", threshold=0)
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"\b[a-z]+\b", lambda m: _TITLES.get(m.group(), _ORDINALS.get(m.group(), m.group())), text)
    text = re.sub(r"\$\s*(\d+(?:\.\d+)?)", r"\1 dollars", text)
    text = re.sub(r"(?<![\d.] )\bdollars? (\d+(?:\.\d+)?)", r"\1 dollars", text)
    text = re.sub(r"(\d) dollar\b", r"\1 dollars", text)
    text = re.sub(r"\b(\d+(?:\.\d+)?) dollars(?: and (\d{1,2}) cents?| (\d{1,2})\b(?! dollars))?", _dollars, text)
    return text.split()


def word_errors(reference: str, hypothesis: str) -> tuple[int, int]:
    """(edits, reference words): the word-level Levenshtein distance after :func:`normalise`."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    row = list(range(len(hyp) + 1))
    for i in range(1, len(ref) + 1):
        previous, row[0] = row[:], i
        for j in range(1, len(hyp) + 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ref[i - 1] != hyp[j - 1]))
    return row[len(hyp)], len(ref)
