"""Recognition on the shipped cooperative-retiree call: trainee lines for Mrs. Margaret Ellison
($186.40, Brightwater Home Medical) said by harder espeak-ng voices, biased to that scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.audio.asr import open_recognizer
from game.audio.clips import Speaker, espeak_available, speak, word_errors
from game.audio.vocabulary import vocabulary_for
from game.audio.wavio import read_for_recognition
from game.engine.scenario import load_all
from game.engine.understand import parse_amounts

pytestmark = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is needed to speak the test lines")

CHECK_LINES = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "audio" / "retiree_check_lines.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
# Female and male variants, two accents, rates from 150 to 220 words a minute.
SPEAKERS = [
    Speaker("en-gb+f3", 210),
    Speaker("en-us+m4", 200),
    Speaker("en-us+f2", 220),
    Speaker("en-gb+m7", 190),
    Speaker("en-gb-x-rp+f5", 180),
    Speaker("en-us+m1", 150),
    Speaker("en-029+f1", 170),
    Speaker("en-gb-scotland+m3", 215),
]
PICKED = [0, 1, 3, 6, 7, 8, 10, 12, 14, 15, 17, 19, 21]


@pytest.fixture(scope="module")
def heard(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    scenario = next(loaded.scenario for loaded in load_all() if loaded.scenario.id == "cooperative-retiree")
    recognizer, _ = open_recognizer(None, vocabulary_for(scenario))
    assert recognizer is not None
    folder = tmp_path_factory.mktemp("retiree")
    out = []
    for k, i in enumerate(PICKED):
        path = speak(CHECK_LINES[i], folder / f"line{i}.wav", SPEAKERS[k % len(SPEAKERS)])
        result = recognizer.transcribe_samples(read_for_recognition(path))
        out.append((CHECK_LINES[i], result.text))
    return out


def test_word_error_rate_on_the_retiree_check_set(heard: list[tuple[str, str]]) -> None:
    edits = words = 0
    for reference, text in heard:
        e, n = word_errors(reference, text)
        edits, words = edits + e, words + n
    assert edits / words <= 0.22, heard


def test_amounts_are_heard_on_the_retiree_check_set(heard: list[tuple[str, str]]) -> None:
    stating = [(reference, text) for reference, text in heard if parse_amounts(reference)]
    right = sum(parse_amounts(text) == parse_amounts(reference) for reference, text in stating)
    assert len(stating) >= 5
    assert right >= len(stating) - 1, stating


@pytest.mark.parametrize(
    ("reference", "hypothesis"),
    [
        ("The balance is $186.40.", "the balance is one hundred eighty six dollars and forty cents"),
        ("The balance is one hundred eighty six dollars and forty cents.", "The balance is $186.40."),
        ("That's $186.40 on December 2.", "that is 186 dollars and 40 cents on december second"),
        ("It's fine, Mrs. Ellison, you'll see.", "it is fine missus ellison you will see"),
        ("Two payments of $240.", "2 payments of two hundred forty dollars"),
    ],
)
def test_word_error_rate_does_not_count_how_numbers_are_written(reference: str, hypothesis: str) -> None:
    assert word_errors(reference, hypothesis)[0] == 0


def test_word_error_rate_still_counts_a_wrong_amount() -> None:
    assert word_errors("The balance is $186.40.", "the balance is one hundred eighty dollars and forty cents")[0] == 1
