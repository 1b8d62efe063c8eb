"""Amounts as said: spoken lines whose amounts are not the call's balance come back as said, biased."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.audio.asr import open_recognizer
from game.audio.bench import amount_figures
from game.audio.clips import AMOUNT_CALL, Speaker, espeak_available, speak
from game.audio.wavio import read_for_recognition

pytestmark = pytest.mark.skipif(not espeak_available(), reason="espeak-ng is needed to speak the test lines")

LINES = [
    line.strip()
    for line in (Path(__file__).parent / "data" / "audio" / "amount_lines.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
]
SPEAKERS = [
    Speaker("en-us", 165),
    Speaker("en-gb+m1", 150),
    Speaker("en-us+f2", 180),
    Speaker("en-us+m3", 190),
    Speaker("en-gb+f3", 160),
]


def test_amounts_that_are_not_the_balance_come_back_as_said(tmp_path: Path) -> None:
    recognizer, _ = open_recognizer(None, AMOUNT_CALL)
    assert recognizer is not None
    clips = [
        (read_for_recognition(speak(line, tmp_path / f"line{i}.wav", SPEAKERS[i % len(SPEAKERS)])), line)
        for i, line in enumerate(LINES)
    ]
    figures = amount_figures(recognizer, clips, AMOUNT_CALL.amounts[0])
    assert figures["clips"] == 12
    assert figures["rewritten_to_balance"] == 0, figures["misses"]
    assert figures["amounts_right"] >= 11 / 12, figures["misses"]
