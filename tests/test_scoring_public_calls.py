"""Whole calls written from public sources (training scripts, CFPB and FTC cases, court opinions, FCA
rules) keep the verdict their source gives them. Each is played by the real engine and scored."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from game.engine.lines import money
from game.engine.replay import replay
from game.engine.scenario import load_scenario
from game.engine.scenario.models import Scenario, TranscriptTurn
from scoring import Scorecard, score_call

CALLS = yaml.safe_load((Path(__file__).parent / "data" / "calls" / "public_calls.yaml").read_text(encoding="utf-8"))
_COMPARISON = re.compile(r"^\s*(>=|<=|==|>|<)\s*(\d{1,3})\s*$")


def _scenario(case: dict[str, Any]) -> Scenario:
    scenario = load_scenario(case["scenario"])
    if "scenario_keys" in case:
        scenario = scenario.model_copy(update=case["scenario_keys"])
    if "fees" in case:
        scenario = scenario.model_copy(update={"account": scenario.account.model_copy(update={"fees": case["fees"]})})
    return scenario


def _transcript(case: dict[str, Any], scenario: Scenario) -> list[TranscriptTurn]:
    if "turns" in case:
        return [TranscriptTurn.model_validate(t) for t in case["turns"]]
    turns = list(scenario.model_call or [])
    for index, line in (case.get("replace") or {}).items():
        turns[index] = TranscriptTurn(say=line)
    for index, line in sorted((case.get("insert") or {}).items(), reverse=True):
        turns.insert(index, TranscriptTurn(say=line))
    if "drop_containing" in case:
        turns = [t for t in turns if not (t.say and case["drop_containing"] in t.say)]
    if "misread_balance" in case:
        account = scenario.account
        right, wrong = (
            money(account.amount, account.currency),
            money(account.amount * case["misread_balance"], account.currency),
        )
        turns = [t.model_copy(update={"say": t.say.replace(right, wrong)}) if t.say else t for t in turns]
    return turns


def _meets(score: int, comparison: str) -> bool:
    match = _COMPARISON.match(comparison)
    assert match, comparison
    op, value = match.group(1), int(match.group(2))
    return {">=": score >= value, "<=": score <= value, "==": score == value, ">": score > value, "<": score < value}[
        op
    ]


def _agrees(card: Scorecard, expect: dict[str, Any]) -> bool:
    if "passed" in expect and card.passed != expect["passed"]:
        return False
    if "compliance" in expect and sorted({f.rule for f in card.compliance}) != sorted(expect["compliance"]):
        return False
    return all(_meets(card.principle(k).score, v) for k, v in (expect.get("principles") or {}).items())


def test_the_set_has_its_sources_and_both_verdicts() -> None:
    assert len(CALLS) >= 26
    assert all(case.get("source") for case in CALLS)
    verdicts = [case["expect"].get("passed") for case in CALLS]
    assert verdicts.count(True) >= 8 and verdicts.count(False) >= 12


@pytest.mark.parametrize("case", CALLS, ids=[c["name"] for c in CALLS])
def test_the_verdict_agrees_with_the_source(case: dict[str, Any]) -> None:
    scenario = _scenario(case)
    card = score_call(replay(scenario, _transcript(case, scenario), seed=1), scenario)
    found = {
        "passed": card.passed,
        "compliance": sorted({f.rule for f in card.compliance}),
        "principles": {k: card.principle(k).score for k in case["expect"].get("principles") or {}},
        "verdict": card.verdict,
    }
    assert _agrees(card, case["expect"]), found
