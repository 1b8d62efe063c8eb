"""Rubrics: the shipped ones load, a team lead's copy changes the total without Python, mistakes are told."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_scoring_calls import call, good_call, make_scenario, say, swap

from scoring import RubricError, load_rubric, rubric_for, score_call
from scoring.compliance import RULES
from scoring.law import rules_for
from scoring.principles import KEYS


def test_the_shipped_rubrics_load_with_every_principle_weighted() -> None:
    for name in ("default", "us", "uk", "cn"):
        rubric = load_rubric(name)
        assert name == rubric.name
        assert list(KEYS) == list(rubric.weights)
        assert rubric.stars == (55, 70, 85)
        assert rubric.pass_mark == 65


def test_the_law_not_the_rubric_requires_the_disclosure() -> None:
    """The mini-Miranda follows the FDCPA's reach (an agency, a consumer debt, the US), whatever rubric."""
    for name in ("default", "us", "uk", "cn"):
        assert "missing_mini_miranda" not in load_rubric(name).compliance
        house = load_rubric(name).compliance
        assert "missing_mini_miranda" in rules_for(make_scenario(), house)
        assert "missing_mini_miranda" not in rules_for(make_scenario(caller="creditor"), house)
        assert "missing_mini_miranda" not in rules_for(make_scenario(debt_type="business"), house)
        assert "missing_mini_miranda" not in rules_for(make_scenario(jurisdiction="UK"), house)
    assert set(RULES) - {"missing_mini_miranda"} <= set(rules_for(make_scenario(jurisdiction="none"), ()))


def test_a_jurisdiction_rubric_changes_only_what_it_names() -> None:
    default, uk = load_rubric("default"), load_rubric("uk")
    assert (default.weights["empathy"], uk.weights["empathy"]) == (15.0, 25.0)
    assert {k: v for k, v in default.weights.items() if k != "empathy"} == {
        k: v for k, v in uk.weights.items() if k != "empathy"
    }


def test_the_scenario_jurisdiction_picks_the_rubric() -> None:
    assert [rubric_for(j).name for j in ("US", "UK", "CN", "none")] == ["us", "uk", "cn", "default"]
    assert score_call(good_call(), make_scenario()).rubric == "us"


def test_rubrics_are_read_once() -> None:
    assert load_rubric("us") is load_rubric("us")


def test_a_team_leads_copy_reweights_the_total(tmp_path: Path) -> None:
    path = tmp_path / "calm-only.yaml"
    path.write_text(
        "name: calm-only\nextends: us\n"
        "weights: {repeat_amount: 0, commitment: 0, stay_quiet: 0, politeness: 0, excuse_handling: 0}\n"
        "stars: [90, 95, 99]\npass_mark: 90\n",
        encoding="utf-8",
    )
    rubric = load_rubric(path)
    record = call(*swap(7, say("Calm down. When does your client's payment arrive?", "ask_excuse_details")))
    card = score_call(record, make_scenario(), rubric)
    assert (card.total, card.stars, card.passed, card.rubric) == (85, 0, False, "calm-only")


def test_a_broken_rubric_names_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(
        "wieghts: {}\nweights: {calm_tone: -1, repeat_amout: 5}\n"
        "stars: [80, 70, 90]\ncompliance: [threats]\n",
        encoding="utf-8",
    )
    with pytest.raises(RubricError) as caught:
        load_rubric(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for part in (
        "unknown key 'wieghts' (did you mean 'weights'?)",
        "unknown principle 'repeat_amout' in weights (did you mean 'repeat_amount'?)",
        "the weight of calm_tone must be a number of 0 or more",
        "'stars' must go up",
        "unknown compliance rule 'threats' (did you mean 'threat'?)",
    ):
        assert part in message


def test_a_missing_or_unreadable_rubric_is_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(RubricError) as caught:
        load_rubric("nordic")
    assert str(caught.value) == "There is no rubric named 'nordic'; the shipped ones are cn, default, uk, us."
    bad = tmp_path / "bad.yaml"
    bad.write_text("weights: [unclosed\n", encoding="utf-8")
    with pytest.raises(RubricError, match="not valid YAML"):
        load_rubric(bad)
    with pytest.raises(RubricError, match="cannot be read"):
        load_rubric(tmp_path / "absent.yaml")


def test_a_rubric_that_extends_itself_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("extends: loop\n", encoding="utf-8")
    with pytest.raises(RubricError, match="goes round in a circle"):
        load_rubric(path)
