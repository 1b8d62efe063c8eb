"""Finding, reading and validating drill files, and the calls a drill consists of.

Drills live in the shipped ``drills/`` folder and in the team lead's own folder (the
``COLLECTOR_SIM_DRILLS`` variable, else ``drills`` in the user's data folder); a drill there overrides a
shipped one of the same name. A drill is named by its name or by a path to its YAML file. Problems
come out as ``PATH:LINE:COLUMN: message``, the same as for scenarios.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import platformdirs

from game.drills.models import PRINCIPLES, Drill
from game.engine.scenario.checking import check_model, suggest
from game.engine.scenario.located_yaml import LocatedDoc, Problem, YamlError, read_yaml

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "drills"


class DrillError(Exception):
    """A drill could not be found or is not valid; the message is one sentence, ``problems`` has them all."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def user_dir() -> Path:
    """The team lead's own drill folder."""
    env = os.environ.get("COLLECTOR_SIM_DRILLS")
    return Path(env) if env else platformdirs.user_data_path("collector-sim") / "drills"


def drill_dirs() -> list[Path]:
    return [SHIPPED_DIR, user_dir()]


def find_drills(dirs: list[Path] | None = None) -> dict[str, Path]:
    """Drill name -> file, sorted by name; a later folder's file overrides an earlier one's."""
    found: dict[str, Path] = {}
    for folder in dirs if dirs is not None else drill_dirs():
        if folder.is_dir():
            for path in sorted(folder.glob("*.yaml")):
                if path.is_file():
                    found[path.stem] = path
    return dict(sorted(found.items()))


def _lint(drill: Drill, doc: LocatedDoc, path: Path, scenario_ids: Collection[str] | None) -> list[Problem]:
    """What the schema cannot see: the name, repeated or unknown scenarios, the draw, principle names."""
    problems = []
    if drill.name != path.stem:
        problems.append(
            doc.problem(("name",), f"the name {drill.name!r} must match the file name {path.stem!r}")
        )
    seen: set[str] = set()
    for i, scenario in enumerate(drill.scenarios):
        if scenario in seen:
            problems.append(doc.problem(("scenarios", i), f"the scenario {scenario!r} is listed twice"))
        seen.add(scenario)
        if scenario_ids is not None and scenario not in scenario_ids:
            hint = suggest(scenario, scenario_ids) or " (collector-sim list shows them)"
            problems.append(doc.problem(("scenarios", i), f"unknown scenario {scenario!r}{hint}"))
    if drill.draw is not None and drill.draw.count > len(drill.scenarios):
        message = f"cannot draw {drill.draw.count} calls from {len(drill.scenarios)} scenarios"
        problems.append(doc.problem(("draw", "count"), message))
    for principle in drill.pass_marks.principles:
        if principle not in PRINCIPLES:
            hint = suggest(principle, PRINCIPLES) or "; expected one of " + ", ".join(PRINCIPLES)
            key = ("pass_marks", "principles", principle)
            problems.append(doc.problem(key, f"unknown principle {principle!r}{hint}", of_key=True))
    return problems


def _read(path: Path, scenario_ids: Collection[str] | None) -> tuple[Drill | None, list[Problem]]:
    try:
        doc = read_yaml(path)
    except YamlError as err:
        return None, [err.problem]
    drill, problems = check_model(Drill, doc)
    if drill is None:
        return None, problems
    problems = _lint(drill, doc, path, scenario_ids)
    return (None if problems else drill), sorted(problems)


def validate_drill(path: Path | str, scenario_ids: Collection[str] | None = None) -> list[Problem]:
    """Every problem in one drill file; empty when it is valid. Scenario ids are checked when given."""
    return _read(Path(path), scenario_ids)[1]


def load_drill(
    name_or_path: str | Path,
    *,
    dirs: list[Path] | None = None,
    scenario_ids: Collection[str] | None = None,
) -> Drill:
    """A valid drill by name or path; raises DrillError with every problem."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.is_file():
        if not candidate.is_file():
            raise DrillError(f"no drill file at {name_or_path}")
        path = candidate
    else:
        found = find_drills(dirs)
        if str(name_or_path) not in found:
            hint = suggest(str(name_or_path), found) or " (collector-sim drill list shows them)"
            raise DrillError(f"no drill named {str(name_or_path)!r}{hint}")
        path = found[str(name_or_path)]
    drill, problems = _read(path, scenario_ids)
    if drill is None:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise DrillError(f"{problems[0]}{more}", problems)
    return drill


def drill_scenarios(drill: Drill) -> list[str]:
    """The scenario ids a trainee takes, in order; a draw gives every trainee the same ones.

    The draw ranks the pool by a SHA-256 of seed and id rather than using ``random``, so it stays the
    same across Python versions and platforms, and adding a scenario to the pool moves few others.
    """
    draw = drill.draw
    if draw is None:
        return list(drill.scenarios)
    ranked = sorted(drill.scenarios, key=lambda s: hashlib.sha256(f"{draw.seed}:{s}".encode()).hexdigest())
    return ranked[: draw.count]


def call_passes(drill: Drill, scorecard: Mapping[str, Any]) -> bool:
    """Whether a scorecard meets the drill's pass marks.

    A principle with a mark that the scorecard does not score (the scenario does not call for it) does
    not count against the trainee.
    """
    marks = drill.pass_marks
    if int(scorecard.get("total", 0)) < marks.total:
        return False
    goal = scorecard.get("goal") or {}
    if scorecard.get("compliance") or (goal and not (goal.get("reached") or goal.get("reason"))):
        return False  # the law and the call's goal are not a drill's to waive
    principles = scorecard.get("principles") or {}
    return all(
        int(principles[name].get("score", 0)) >= mark
        for name, mark in marks.principles.items()
        if name in principles
    )


def drill_summary(drill: Drill) -> dict[str, Any]:
    """One row of ``drill list``: name, title, calls and pass marks."""
    return {
        "name": drill.name,
        "title": drill.title,
        "calls": len(drill_scenarios(drill)),
        "pass_mark": drill.pass_marks.total,
        "principle_marks": dict(drill.pass_marks.principles),
        "rubric": drill.rubric,
        "attempts": drill.attempts,
        "input": drill.input,
        "time_limit": drill.time_limit,
    }
