"""The authors' guide cannot drift: its tables are generated and every example in it is validated."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.authoring.guide import (
    EXAMPLES,
    GUIDE_PATH,
    SECTIONS,
    check_example,
    check_fragment,
    merged_fragment,
    render_guide,
    yaml_blocks,
)
from game.authoring.selftest import run_file
from game.engine.scenario.defaults import archetype_names
from game.engine.scenario.library import SHIPPED_DIR, load_file
from game.engine.scenario.lint import SIGNALS
from game.engine.stages import ACTS, BEATS

GUIDE = GUIDE_PATH.read_text(encoding="utf-8")
BLOCKS = list(yaml_blocks(GUIDE))


def _section(title: str) -> str:
    """The text of one `## title` section of the guide."""
    start = GUIDE.index(f"## {title}\n")
    end = GUIDE.find("\n## ", start + 1)
    return GUIDE[start : end if end != -1 else len(GUIDE)]


def test_generated_tables_are_current() -> None:
    assert render_guide(GUIDE) == GUIDE, "scenarios/README.md is stale: run python -m game.authoring.guide"


def test_every_field_has_an_example() -> None:
    fields = {f"{path}.{name}" if path else name for path, model in SECTIONS for name in model.model_fields}
    assert fields == set(EXAMPLES)


@pytest.mark.parametrize("path", sorted(EXAMPLES))
def test_field_example_is_valid(path: str) -> None:
    assert [str(p) for p in check_example(path)] == []


@pytest.mark.parametrize(("line", "text", "invalid"), BLOCKS, ids=[f"line-{b[0]}" for b in BLOCKS])
def test_yaml_example_in_the_guide(line: int, text: str, invalid: str | None) -> None:
    problems = [str(p) for p in check_fragment(text, f"README.md:{line}")]
    if invalid is None:
        assert problems == []
    else:
        assert any(invalid in p for p in problems), problems


@pytest.mark.parametrize(
    ("line", "text"),
    [(b[0], b[1]) for b in BLOCKS if b[2] is None and re.search(r"^(tests|model_call):", b[1], re.M)],
)
def test_self_tests_and_model_calls_in_the_guide_pass(tmp_path: Path, line: int, text: str) -> None:
    data = merged_fragment(yaml.safe_load(text))
    if "model_call" in data:
        turns = copy.deepcopy(data["model_call"])
        data["tests"] = [{"name": "model call", "turns": turns, "expect": {"outcome": "commitment"}}]
    path = tmp_path / "example.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    results = run_file(path)
    assert [(r.name, True, "") for r in results] == [(r.name, r.passed, r.reason) for r in results]


def test_the_guide_names_every_act_signal_archetype_and_beat() -> None:
    acts = re.findall(r"`(\w+)`", _section("How mood moves").split("The signals are")[0])
    assert set(ACTS) <= set(acts)
    signals = re.findall(r"^\| `(\w+)` \|", _section("How mood moves"), re.M)
    assert set(SIGNALS) <= set(signals)
    archetypes = re.findall(r"^\| `(\w+)` \| ", _section("Archetypes and their defaults"), re.M)
    assert list(archetype_names()) == archetypes[: len(archetype_names())]
    priority = _section("How lines are chosen: beats, stages and moods").split("The beats (")[0]
    assert set(BEATS) - {"answer"} <= set(re.findall(r"`(\w+)`", priority))


def test_every_anchor_in_the_contents_exists() -> None:
    headings = re.findall(r"^#+ (.+)$", GUIDE, re.M)
    anchors = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
    links = re.findall(r"\]\(#([\w\-]+)\)", GUIDE)
    assert set(links) <= anchors


def _quickstart_copy(tmp_path: Path) -> Path:
    """Steps 1 and 2 of the five-minute start, done as the guide says."""
    folder = tmp_path / "my-scenarios"
    folder.mkdir()
    target = folder / "grumpy-baker.yaml"
    shutil.copy(SHIPPED_DIR / "en" / "angry-contractor.yaml", target)
    text = target.read_text(encoding="utf-8")
    text = text.replace("$schema=../schema.json", "$schema=../scenarios/schema.json", 1)
    text = re.sub(r"^id: .*$", "id: grumpy-baker", text, count=1, flags=re.M)
    text = re.sub(r"^title: .*$", "title: Grumpy baker", text, count=1, flags=re.M)
    target.write_text(text, encoding="utf-8")
    return target


def _guide_commands(step: str) -> list[str]:
    """The shell blocks of one numbered step of the five-minute start."""
    part = _section("Five-minute start").split(f"**{step}.")[1].split("\n**")[0]
    return re.findall(r"```sh\n(.*?)```", part, re.S)


def test_quickstart_copy_validates(tmp_path: Path) -> None:
    assert [line for line in _guide_commands("1")[0].splitlines() if line.startswith("cp ")] == [
        "cp scenarios/en/angry-contractor.yaml my-scenarios/grumpy-baker.yaml"
    ]
    scenario_copy = _quickstart_copy(tmp_path)
    assert load_file(scenario_copy).problems == []


def test_quickstart_console_call_plays(tmp_path: Path) -> None:
    scenario_copy = _quickstart_copy(tmp_path)
    piped = next(c for c in _guide_commands("4") if c.startswith("printf"))
    command = piped.replace("collector-sim", f"{sys.executable} -m game").replace(
        "my-scenarios/", f"{scenario_copy.parent}/"
    )
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[1]
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "Mike Brennan" in result.stdout or "Brennan" in result.stdout
    assert result.stdout.count("you>") == 5
