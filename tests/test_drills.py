"""Drill files: found, validated with located problems, drawn the same for every trainee, and scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.drills import (
    Drill,
    DrillError,
    call_passes,
    drill_scenarios,
    drill_summary,
    find_drills,
    load_drill,
    validate_drill,
)
from game.drills.loader import SHIPPED_DIR

BAD = """\
name: Bad Drill
title: Bad
scenarios:
  - angry-contractor
  - Cooperative Retiree
pass_marks:
  total: 170
  principles:
    politeness: "60"
attempt: 2
input: typd
time_limit: 10
"""

LINT = """\
name: other-name
title: Lint
scenarios: [angry-contractor, angry-contractor, cooperative-retiree]
draw: {count: 4, seed: 3}
pass_marks:
  principles:
    calm_tonee: 50
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def drill(**fields: object) -> Drill:
    return Drill.model_validate({"name": "d", "title": "D", "scenarios": ["a", "b"], **fields})


def test_the_shipped_drills_are_valid_and_the_example_takes_its_calls_in_order() -> None:
    found = find_drills([SHIPPED_DIR])
    assert "new-hire-basics" in found
    for path in found.values():
        assert validate_drill(path) == []
    basics = load_drill("new-hire-basics", dirs=[SHIPPED_DIR])
    assert drill_scenarios(basics) == ["cooperative-retiree", "angry-contractor"]
    assert drill_summary(basics)["calls"] == 2


def test_every_schema_problem_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "bad-drill", BAD)
    not_an_id = "is not an id: use lowercase letters, digits and dashes, e.g. angry-contractor"
    assert [str(p) for p in validate_drill(path)] == [
        f"{path}:1:7: name: 'Bad Drill' {not_an_id}",
        f"{path}:5:5: 'Cooperative Retiree' {not_an_id}",
        f"{path}:7:10: total: input should be less than or equal to 100",
        f"{path}:9:17: politeness: input should be a valid integer",
        f"{path}:10:1: unknown field 'attempt'; did you mean 'attempts'?",
        f"{path}:11:8: unknown input 'typd'; did you mean 'typed'?",
        f"{path}:12:13: time_limit: input should be greater than or equal to 30",
    ]


def test_what_the_schema_cannot_see_is_reported_too(tmp_path: Path) -> None:
    path = write(tmp_path, "lint-drill", LINT)
    problems = validate_drill(path, scenario_ids={"angry-contractor", "cooperative-retire"})
    assert [str(p) for p in problems] == [
        f"{path}:1:7: the name 'other-name' must match the file name 'lint-drill'",
        f"{path}:3:31: the scenario 'angry-contractor' is listed twice",
        f"{path}:3:49: unknown scenario 'cooperative-retiree'; did you mean 'cooperative-retire'?",
        f"{path}:4:15: cannot draw 4 calls from 3 scenarios",
        f"{path}:7:5: unknown principle 'calm_tonee'; did you mean 'calm_tone'?",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: [unclosed\n", "YAML syntax error"),
        ("!!python/object:os.system {}\n", "the tag !!python/object:os.system is not allowed"),
        ("- a list\n", "the file must be a mapping"),
    ],
)
def test_unreadable_files_give_one_located_problem(tmp_path: Path, text: str, message: str) -> None:
    [problem] = validate_drill(write(tmp_path, "x", text))
    assert problem.path == str(tmp_path / "x.yaml") and message in problem.message


def test_a_draw_gives_every_trainee_the_same_calls_and_a_new_seed_new_calls() -> None:
    pool = ["a", "b", "c", "d", "e", "f"]
    seven = drill(scenarios=pool, draw={"count": 3, "seed": 7})
    assert drill_scenarios(seven) == ["c", "e", "a"]  # pinned: the same on every machine and Python
    assert drill_scenarios(seven) == drill_scenarios(drill(scenarios=pool, draw={"count": 3, "seed": 7}))
    assert drill_scenarios(drill(scenarios=pool, draw={"count": 3, "seed": 8})) == ["e", "a", "c"]
    assert drill_scenarios(drill(scenarios=[*pool, "g"], draw={"count": 3, "seed": 7})) == ["c", "e", "a"]


def test_a_lead_s_own_drill_overrides_a_shipped_one_of_the_same_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLLECTOR_SIM_DRILLS", str(tmp_path))
    write(tmp_path, "new-hire-basics", "name: new-hire-basics\ntitle: Ours\nscenarios: [angry-contractor]\n")
    assert find_drills()["new-hire-basics"] == tmp_path / "new-hire-basics.yaml"
    assert load_drill("new-hire-basics").title == "Ours"


def test_a_drill_is_named_by_name_or_path_and_a_wrong_one_is_one_sentence(tmp_path: Path) -> None:
    path = write(tmp_path, "mine", "name: mine\ntitle: Mine\nscenarios: [angry-contractor]\n")
    assert load_drill(str(path)).name == "mine"
    assert load_drill("mine", dirs=[tmp_path]).title == "Mine"
    with pytest.raises(DrillError, match="no drill named 'mien'; did you mean 'mine'"):
        load_drill("mien", dirs=[tmp_path])
    with pytest.raises(DrillError, match="no drill file at"):
        load_drill(str(tmp_path / "gone.yaml"))
    write(tmp_path, "bad-drill", BAD)
    with pytest.raises(DrillError, match=r"bad-drill.yaml:1:7: .*\(and 6 more problems\)") as caught:
        load_drill("bad-drill", dirs=[tmp_path])
    assert len(caught.value.problems) == 7


def test_a_call_passes_on_the_total_each_marked_principle_and_a_clean_record() -> None:
    strict = drill(pass_marks={"total": 70, "principles": {"calm_tone": 80, "empathy": 60}})
    card = {
        "total": 75,
        "principles": {"calm_tone": {"score": 85}, "politeness": {"score": 10}},
        "compliance": [],
    }
    assert call_passes(strict, card)  # empathy is not scored in this call, so its mark does not apply
    assert not call_passes(strict, {**card, "total": 69})
    assert not call_passes(strict, {**card, "principles": {"calm_tone": {"score": 79}}})
    assert not call_passes(strict, {**card, "compliance": [{"rule": "threat", "turn": 1, "text": "…"}]})
    lenient = drill(pass_marks={"total": 70, "no_compliance_findings": False})
    # The law is not a pass mark: a drill cannot waive a compliance finding.
    assert not call_passes(lenient, {**card, "compliance": [{"rule": "threat", "turn": 1, "text": "…"}]})
