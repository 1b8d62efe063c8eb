"""Chinese calls written from public sources (the 2018 self-discipline convention, the banking rules on
card collection, court cases on violent and "soft violence" collection) keep the verdict their source
gives them, on the four core Chinese personas; each is played by the real engine and scored, and its
coaching is in Chinese. Two splits: ``zh_calls_dev.yaml``, measured before the Chinese cues were
generalised, and ``zh_calls_fresh.yaml``, written after, so neither is a tuning set for the other."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_scoring_public_calls import _agrees, _scenario, _transcript

from game.engine.replay import replay
from scoring import score_call

DATA = Path(__file__).parent / "data" / "calls"
SPLITS = ("zh_calls_dev.yaml", "zh_calls_fresh.yaml")
CALLS = [
    case for split in SPLITS if (DATA / split).is_file()
    for case in yaml.safe_load((DATA / split).read_text(encoding="utf-8"))
]
CORE = {"angry-ride-driver", "stalling-boutique-owner", "deadbeat-online-loan", "cooperative-night-nurse-zh"}
ENGLISH = re.compile(r"[A-Za-z]{3,}")


def test_each_split_covers_the_four_core_personas_with_sources_and_both_verdicts() -> None:
    for split in SPLITS:
        cases = yaml.safe_load((DATA / split).read_text(encoding="utf-8"))
        assert len(cases) >= 12 and all(c.get("source") for c in cases)
        assert {c["scenario"] for c in cases} == CORE
        verdicts = [c["expect"].get("passed") for c in cases]
        assert verdicts.count(True) >= 4 and verdicts.count(False) >= 8


@pytest.mark.parametrize("case", CALLS, ids=[c["name"] for c in CALLS])
def test_the_verdict_agrees_with_the_source_and_the_coaching_is_chinese(case: dict[str, Any]) -> None:
    scenario = _scenario(case)
    card = score_call(replay(scenario, _transcript(case, scenario), seed=1), scenario)
    found = {
        "passed": card.passed,
        "compliance": sorted({f.rule for f in card.compliance}),
        "principles": {k: card.principle(k).score for k in case["expect"].get("principles") or {}},
        "verdict": card.verdict,
    }
    assert _agrees(card, case["expect"]), found
    if case["expect"].get("passed") and scenario.persona.archetype == "cooperative":
        assert card.commitment is not None and card.commitment.confirmed
    notes = [t for n in card.top_notes for t in (n.note, n.better or "")]
    assert not any(ENGLISH.search(t) for t in notes), notes
