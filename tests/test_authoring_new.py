"""`collector-sim new`: a short, valid, playable starter for every archetype, never over a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from game.authoring.new import SCHEMA_FILE, NewScenarioError, _schema_ref, write_new
from game.authoring.schema import scenario_schema
from game.authoring.selftest import run_file
from game.engine.scenario.defaults import archetype_names
from game.engine.scenario.library import SHIPPED_DIR, load_file
from game.engine.scenario.located_yaml import read_yaml


@pytest.fixture(autouse=True)
def _own_user_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the machine's own scenario folder out of the id checks."""
    monkeypatch.setenv("COLLECTOR_SIM_SCENARIOS", str(tmp_path / "user-scenarios"))


@pytest.mark.parametrize("archetype", archetype_names())
def test_starter_is_valid(tmp_path: Path, archetype: str) -> None:
    path = write_new(f"my-{archetype}", archetype, tmp_path)
    assert tmp_path / f"my-{archetype}.yaml" == path
    loaded = load_file(path)
    assert [str(p) for p in loaded.problems] == []
    assert loaded.scenario is not None
    assert archetype == loaded.scenario.persona.archetype
    assert len(loaded.scenario.tests) >= 2


@pytest.mark.parametrize("archetype", archetype_names())
def test_starter_plays_and_passes_its_own_tests(tmp_path: Path, archetype: str) -> None:
    path = write_new(f"my-{archetype}", archetype, tmp_path)
    results = run_file(path)
    assert [(r.name, True, "") for r in results] == [(r.name, r.passed, r.reason) for r in results]


@pytest.mark.parametrize("archetype", archetype_names())
def test_starter_matches_the_editor_schema(tmp_path: Path, archetype: str) -> None:
    doc = read_yaml(write_new(f"my-{archetype}", archetype, tmp_path))
    data = {
        **doc.data,
        "account": {**doc.data["account"], "call_date": str(doc.data["account"]["call_date"])},
    }
    assert [e.message for e in Draft7Validator(scenario_schema()).iter_errors(data)] == []


def test_starter_is_short_and_commented(tmp_path: Path) -> None:
    text = write_new("grumpy-baker", "deadbeat", tmp_path).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert len(text.splitlines()) < 90
    assert (
        "# commit_when: {willingness_at_least: 55, trust_at_least: 15, requires: [consequence, propose_plan]}"
        in text
    )


def test_starter_goes_in_the_current_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert tmp_path / "grumpy-baker.yaml" == write_new("grumpy-baker", "angry", None)


def test_out_may_name_the_file(tmp_path: Path) -> None:
    target = tmp_path / "drafts" / "baker.yaml"
    assert target == write_new("grumpy-baker", "angry", target)
    assert "id: grumpy-baker" in target.read_text(encoding="utf-8")


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write_new("grumpy-baker", "angry", tmp_path)
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(NewScenarioError) as err:
        write_new("grumpy-baker", "stalling", tmp_path)
    assert f"{path} already exists; choose another name or move that file away first" == str(err.value)
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_unknown_archetype_gets_a_guess(tmp_path: Path) -> None:
    with pytest.raises(NewScenarioError) as err:
        write_new("grumpy-baker", "angyr", tmp_path)
    assert str(err.value) == "there is no archetype 'angyr'; did you mean 'angry'?"
    assert list(tmp_path.iterdir()) == []


def test_an_id_already_in_use_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NewScenarioError) as err:
        write_new("angry-contractor", "angry", tmp_path)
    assert str(err.value).startswith("the id 'angry-contractor' is already used by ")


def test_a_name_without_letters_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NewScenarioError, match="no letters or digits"):
        write_new("--", "angry", tmp_path)


def test_schema_is_named_relative_inside_the_shipped_folder_else_absolute(tmp_path: Path) -> None:
    assert _schema_ref(SHIPPED_DIR / "en" / "new-one.yaml") == "../schema.json"
    assert SCHEMA_FILE.resolve().as_posix() == _schema_ref(tmp_path / "new-one.yaml")
    assert SCHEMA_FILE.is_file()
