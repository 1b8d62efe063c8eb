"""Finding, reading and validating scenario files.

Scenarios live in the shipped ``scenarios/`` package and in the user's own folder (the
``COLLECTOR_SIM_SCENARIOS`` variable, else ``scenarios`` in the user's data folder). A scenario is named
by its id or by a path to its YAML file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from game.engine.scenario.checking import check_model, suggest
from game.engine.scenario.defaults import resolve
from game.engine.scenario.lint import archetype_problems, lint
from game.engine.scenario.located_yaml import Problem, YamlError, read_yaml
from game.engine.scenario.models import Scenario

SHIPPED_DIR = Path(__file__).resolve().parents[3] / "scenarios"


class ScenarioError(Exception):
    """A scenario could not be found or is not valid; the message is one sentence (or its problems)."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def user_dir() -> Path:
    """The authors' own scenario folder."""
    env = os.environ.get("COLLECTOR_SIM_SCENARIOS")
    return Path(env) if env else Path(platformdirs.user_data_dir("collector-sim")) / "scenarios"


def scenario_dirs() -> list[Path]:
    return [SHIPPED_DIR, user_dir()]


def _in_cases(path: Path, folder: Path) -> bool:
    """Cases (several calls, ``game.cases``) live in a ``cases`` folder beside the scenarios."""
    return "cases" in path.relative_to(folder).parts[:-1]


def scenario_files(dirs: list[Path] | None = None) -> list[Path]:
    """Every scenario YAML file in the scenario folders, sorted, shipped ones first."""
    found: list[Path] = []
    for folder in dirs or scenario_dirs():
        if folder.is_dir():
            found.extend(sorted(p for p in folder.rglob("*.yaml") if p.is_file() and not _in_cases(p, folder)))
    return found


@dataclass
class Loaded:
    """One file's outcome: the resolved scenario, or the problems that stop it."""

    path: Path
    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)


def load_file(path: Path | str) -> Loaded:
    """Read, validate, lint and resolve one file; never raises for content problems."""
    path = Path(path)
    try:
        doc = read_yaml(path)
    except YamlError as err:
        return Loaded(path, None, [err.problem])
    model, problems = check_model(Scenario, doc)
    if model is None:
        return Loaded(path, None, sorted({*problems, *archetype_problems(doc)}))
    problems = lint(model, doc)
    return Loaded(path, None if problems else resolve(model), problems)


def load_all(dirs: list[Path] | None = None) -> list[Loaded]:
    """Every scenario file, with duplicate ids reported against the later file."""
    loaded = [load_file(p) for p in scenario_files(dirs)]
    seen: dict[str, Path] = {}
    for item in loaded:
        if item.scenario is None:
            continue
        first = seen.setdefault(item.scenario.id, item.path)
        if first != item.path:
            message = f"the id {item.scenario.id!r} is already used by {first}"
            item.problems.append(Problem(str(item.path), 1, 1, message))
            item.scenario = None
    return loaded


def load_scenario(name: str) -> Scenario:
    """A resolved scenario by id or path; raises ScenarioError with every problem."""
    candidate = Path(name)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise ScenarioError(f"no scenario file at {name}")
        item = load_file(candidate)
    else:
        matches = [i for i in load_all() if i.scenario is not None and i.scenario.id == name]
        if not matches:
            ids = sorted(i.scenario.id for i in load_all() if i.scenario is not None)
            hint = suggest(name, ids)
            raise ScenarioError(f"no scenario with id {name!r}{hint or ' (collector-sim list shows them)'}")
        item = matches[0]
    if item.scenario is None:
        first = item.problems[0] if item.problems else f"{item.path}: not valid"
        raise ScenarioError(str(first), item.problems)
    return item.scenario
