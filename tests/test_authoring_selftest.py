"""Scenario self-tests: run from the scenario's own `tests:`, one clear pass/fail line each."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from game.authoring.expect import compare
from game.authoring.selftest import TestResult, failures, format_result, report, run_file, run_scenario_tests
from game.engine.record import CallRecord, Turn
from game.engine.scenario.library import scenario_files
from game.engine.scenario.located_yaml import parse_yaml
from game.engine.scenario.models import Expectations

BROKEN = Path(__file__).parent / "data" / "broken"
CALM = """\
id: calm-test
title: Calm test
difficulty: 1
jurisdiction: none
account: {debtor_name: Sam Lee, title: Mr., amount: 500, days_past_due: 10, creditor: Northwind Bank,
  call_date: 2026-12-01}
persona: {archetype: cooperative}
"""


def _record(outcome: str, *beats: str) -> CallRecord:
    turns: list[Turn] = []
    for i, beat in enumerate(beats):
        turns.append(Turn(speaker="trainee", text=f"line {i}", start=i * 2.0, end=i * 2.0 + 1))
        turns.append(Turn(speaker="debtor", text=f"reply {i}", start=i * 2.0 + 1, end=i * 2.0 + 2, beat=beat))
    return CallRecord("calm-test", 1, tuple(turns), outcome, None, True)  # type: ignore[arg-type]


def _card(**scores: int) -> dict[str, Any]:
    principles = {name: {"score": score, "notes": []} for name, score in scores.items()}
    return {"principles": principles, "compliance": [{"rule": "threat"}], "total": 64}


def _why(expect: dict[str, Any], record: CallRecord, card: dict[str, Any]) -> list[str]:
    doc = parse_yaml("tests:\n  - expect:\n      principles: {calm_tone: x, calm_tones: x}\n", "t.yaml")
    return failures(Expectations.model_validate(expect), record, card, doc, 0)


@pytest.mark.parametrize(
    ("score", "comparison", "holds"),
    [
        (80, ">= 80", True),
        (79, ">= 80", False),
        (40, "<= 40", True),
        (41, " <= 40 ", False),
        (100, "==100", True),
        (51, "> 50", True),
        (50, "< 50", False),
    ],
)
def test_compare(score: int, comparison: str, holds: bool) -> None:
    assert holds == compare(score, comparison)


def test_outcome_failure_quotes_the_last_debtor_line() -> None:
    reasons = _why({"outcome": "commitment"}, _record("no_commitment", "greeting", "refuse"), _card())
    assert reasons == [
        'expected outcome commitment; got no_commitment (last debtor line, beat refuse: "reply 1")'
    ]


def test_hang_up_counts_trainee_turns() -> None:
    record = _record("hung_up", "greeting", "refuse", "hang_up")
    assert _why({"hangs_up_by_turn": 3}, record, _card()) == []
    assert _why({"hangs_up_by_turn": 2}, record, _card()) == [
        "expected the debtor to hang up by turn 2; they hung up after turn 3"
    ]


def test_principle_scores_and_an_unknown_principle() -> None:
    card = _card(calm_tone=62, politeness=90)
    assert _why({"principles": {"calm_tone": ">= 80"}}, _record("commitment"), card) == [
        "calm_tone scored 62; expected >= 80"
    ]
    assert _why({"principles": {"calm_tones": ">= 80"}}, _record("commitment"), card) == [
        "t.yaml:3:34: unknown principle 'calm_tones'; did you mean 'calm_tone'?"
    ]


def test_compliance_is_the_exact_set_and_empty_means_none() -> None:
    card = _card()
    assert _why({"compliance": ["threat"]}, _record("hung_up"), card) == []
    assert _why({"compliance": []}, _record("hung_up"), card) == ["expected compliance none; found [threat]"]
    assert _why({"compliance": ["threat", "insult"]}, _record("hung_up"), card) == [
        "expected compliance [insult, threat]; found [threat]"
    ]


def test_total() -> None:
    assert _why({"total": ">= 70"}, _record("commitment"), _card()) == ["total scored 64; expected >= 70"]


def test_unknown_expectation_is_a_located_failure() -> None:
    path = BROKEN / "unknown-expectation.yaml"
    reason = f"{path}:16:14: unknown field 'outcom'; did you mean 'outcome'?"
    assert run_file(path) == [TestResult(str(path), "valid scenario", False, reason)]


def test_a_score_without_its_comparison_is_a_located_failure() -> None:
    path = BROKEN / "bad-comparison.yaml"
    reason = f'{path}:17:31: write the score as a comparison in quotes, e.g. ">= 80" or "<= 80"'
    assert run_file(path) == [TestResult(str(path), "valid scenario", False, reason)]


def test_an_unknown_compliance_rule_gets_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "calm.yaml"
    turns = '[{say: "Hello, is this Mr. Lee?"}]'
    path.write_text(
        CALM + f"tests:\n  - name: rules\n    turns: {turns}\n    expect: {{compliance: [threats]}}\n"
    )
    [result] = run_file(path)
    assert result.reason == f"{path}:11:27: unknown compliance rule 'threats'; did you mean 'threat'?"


def test_an_invalid_scenario_is_one_failure_naming_its_first_problem() -> None:
    path = BROKEN / "wrong-type.yaml"
    [result] = run_file(path)
    assert (str(path), False) == (result.scenario, result.passed)
    assert result.reason.startswith(f"{path}:4:13: difficulty:")
    assert result.reason.endswith("(and 1 more; collector-sim validate lists them)")


def test_a_scenario_without_tests_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "calm.yaml"
    path.write_text(CALM, encoding="utf-8")
    [result] = run_file(path)
    assert (result.passed, result.skipped) == (True, True)
    assert f"SKIP calm-test: {path} carries no tests:" == format_result(result)


def test_a_passing_and_a_failing_test(tmp_path: Path) -> None:
    path = tmp_path / "calm.yaml"
    path.write_text(
        CALM
        + "tests:\n"
        + "  - name: a threat is flagged\n"
        + '    turns: [{say: "Pay today or we will come to your house and take your car."}]\n'
        + "    expect: {compliance: [threat]}\n"
        + "  - name: a threat is not flagged\n"
        + '    turns: [{say: "Pay today or we will come to your house and take your car."}]\n'
        + "    expect: {compliance: []}\n",
        encoding="utf-8",
    )
    results = run_scenario_tests([tmp_path])
    assert [format_result(r) for r in results] == [
        "PASS calm-test: a threat is flagged",
        "FAIL calm-test: a threat is not flagged: expected compliance none; found [threat]",
    ]
    out = io.StringIO()
    assert report(results, out) == 1
    assert out.getvalue().endswith("1 passed, 1 failed\n")


@pytest.mark.parametrize("path", scenario_files(), ids=lambda p: p.stem)
def test_shipped_scenario_has_a_good_and_a_bad_call_that_pass(path: Path) -> None:
    results = run_file(path)
    assert len(results) >= 2, f"{path.name} needs at least two tests: a good call and a bad one"
    assert [(r.name, True, "") for r in results] == [(r.name, r.passed, r.reason) for r in results]
