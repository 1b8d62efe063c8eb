"""Chinese calls written from public sources (the 2018 self-discipline convention, the banking rules on
card collection, court cases on violent and "soft violence" collection) keep the verdict their source
gives them, on the four core Chinese personas; each is played by the real engine and scored, and its
coaching is in Chinese. Two splits: ``zh_calls_dev.yaml``, measured before the Chinese cues were
generalised, and ``zh_calls_fresh.yaml``, written after, so neither is a tuning set for the other."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_scoring_public_calls import _agrees, _scenario, _transcript

from game.cases.files import CASES_DIR, load_case
from game.cases.timing import LAWFUL_HOURS, hour_finding
from game.engine.replay import replay
from scoring import score_call

DATA = Path(__file__).parent / "data" / "calls"
SPLITS = ("zh_calls_dev.yaml", "zh_calls_fresh.yaml")
CALLS = [case for split in SPLITS for case in yaml.safe_load((DATA / split).read_text(encoding="utf-8"))]
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


def test_rest_hours_on_a_chinese_case_are_the_one_rule_the_cases_judge() -> None:
    """A Chinese call at rest hours is a finding where the call's time is known (a case call); the
    Chinese lexicon names the rule and its table, and keeps no hours of its own."""
    lexicon = Path(__file__).parents[1] / "scoring" / "compliance_zh.yaml"
    schedules = yaml.safe_load(lexicon.read_text(encoding="utf-8"))["schedules"]
    assert schedules["rest_hours"]["rule"] == "call_at_forbidden_hour"
    assert not any("allowed_from" in s or "allowed_until" in s for s in schedules.values())
    case = load_case(CASES_DIR / "okafor-callback.yaml").case.model_copy(update={"jurisdiction": "CN"})
    late = hour_finding(case, 0, dt.datetime(2026, 12, 10, 21, 30))
    assert late is not None and late.rule == "call_at_forbidden_hour" and "公约" in late.law
    assert hour_finding(case, 0, dt.datetime(2026, 12, 10, 7, 30)) is not None
    assert hour_finding(case, 0, dt.datetime(2026, 12, 10, 20, 0)) is None
    assert LAWFUL_HOURS["CN"] is not None and LAWFUL_HOURS["CN"].earliest == dt.time(8)
