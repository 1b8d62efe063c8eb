"""Rubrics: how principle scores make a total, stars and a pass, and which compliance rules apply.

A rubric is a YAML file a team lead can copy and edit without Python. Every rubric except
``default.yaml`` extends ``default`` unless it names another, so a custom one holds only its changes.
Files are read with the safe loader, when first asked for, and remembered.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

from game.engine.scenario.located_yaml import YamlError, parse_yaml
from scoring.compliance import RULES
from scoring.principles import CORE, KEYS

RUBRIC_DIR = Path(__file__).parent / "rubrics"
BY_JURISDICTION = {"US": "us", "UK": "uk", "CN": "cn"}
_FIELDS = ("name", "description", "extends", "weights", "stars", "pass_mark", "compliance", "house_profanity")


class RubricError(ValueError):
    """A rubric is missing or invalid; the message names the file and every problem."""


@dataclass(frozen=True)
class Rubric:
    """Weights per principle, star thresholds (one, two, three), the pass mark, the house's compliance
    rules (added to the law's, never instead of them) and the milder words its standard counts as
    profanity."""

    name: str
    description: str
    weights: Mapping[str, float]
    stars: tuple[int, int, int]
    pass_mark: int
    compliance: tuple[str, ...]
    house_profanity: tuple[str, ...] = ()

    def stars_for(self, total: int) -> int:
        """0-3 stars for a total."""
        return sum(1 for threshold in self.stars if total >= threshold)


def _resolve(name_or_path: str | Path) -> Path:
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or "/" in text or "\\" in text or text.endswith((".yaml", ".yml")):
        return Path(text)
    path = RUBRIC_DIR / f"{text}.yaml"
    if not path.is_file():
        shipped = ", ".join(sorted(p.stem for p in RUBRIC_DIR.glob("*.yaml")))
        raise RubricError(f"There is no rubric named {text!r}; the shipped ones are {shipped}.")
    return path


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise RubricError(f"{path}: cannot be read ({err.strerror or err}).") from None
    except UnicodeDecodeError:
        raise RubricError(f"{path}: cannot be read (it is not UTF-8 text).") from None
    try:  # the scenarios' safe reader: it also bounds nesting, size and tags
        data = parse_yaml(text, str(path)).data
    except YamlError as err:
        where = err.problem
        raise RubricError(f"{where.path}:{where.line}:{where.column}: not valid YAML ({where.message}).") from None
    if not isinstance(data, dict):
        raise RubricError(f"{path}: a rubric is a mapping of keys (name, weights, stars, pass_mark, compliance).")
    return data


def _merged(path: Path, seen: tuple[Path, ...] = ()) -> dict[str, Any]:
    """The file's keys over those of the rubric it extends (mappings merge, other values replace)."""
    if path.resolve() in seen:
        raise RubricError(f"{path}: 'extends' goes round in a circle.")
    data = _read(path)
    is_default = path.resolve() == (RUBRIC_DIR / "default.yaml").resolve()
    parent_name = data.get("extends", None if is_default else "default")
    if parent_name is None:
        return data
    if not isinstance(parent_name, str):
        raise RubricError(f"{path}: 'extends' must name a rubric or a file.")
    beside = path.parent / (parent_name if parent_name.endswith((".yaml", ".yml")) else f"{parent_name}.yaml")
    parent = _merged(beside if beside.is_file() else _resolve(parent_name), (*seen, path.resolve()))
    out = dict(parent)
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(parent.get(key), dict):
            out[key] = {**parent[key], **value}
        else:
            out[key] = value
    return out


def _number(value: object) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _problems(data: dict[str, Any]) -> list[str]:
    problems = []
    for key in data:
        if key not in _FIELDS:
            guess = difflib.get_close_matches(str(key), _FIELDS, n=1)
            problems.append(f"unknown key {key!r}" + (f" (did you mean {guess[0]!r}?)" if guess else ""))
    weights = data.get("weights")
    if not isinstance(weights, dict):
        problems.append("'weights' must map principles to numbers")
    else:
        for key, value in weights.items():
            if key not in KEYS:
                guess = difflib.get_close_matches(str(key), KEYS, n=1)
                problems.append(
                    f"unknown principle {key!r} in weights" + (f" (did you mean {guess[0]!r}?)" if guess else "")
                )
            elif not _number(value) or value < 0:
                problems.append(f"the weight of {key} must be a number of 0 or more")
        problems += [f"weights has no entry for {key}" for key in KEYS if key not in weights]
        if not any(_number(weights.get(k)) and weights[k] > 0 for k in CORE):
            problems.append("at least one of the five core principles needs a weight above 0")
    stars = data.get("stars")
    if not (isinstance(stars, list) and len(stars) == 3 and all(_number(s) and 0 <= s <= 100 for s in stars)):
        problems.append("'stars' must list three totals from 0 to 100 (one, two and three stars)")
    elif sorted(stars) != stars:
        problems.append("'stars' must go up: one star, then two, then three")
    pass_mark = data.get("pass_mark")
    if not (_number(pass_mark) and 0 <= pass_mark <= 100):
        problems.append("'pass_mark' must be a number from 0 to 100")
    rules = data.get("compliance")
    if not (isinstance(rules, list) and all(isinstance(r, str) for r in rules)):
        problems.append("'compliance' must list rule ids")
    else:
        for rule in rules:
            if rule not in RULES:
                guess = difflib.get_close_matches(rule, RULES, n=1)
                problems.append(
                    f"unknown compliance rule {rule!r}" + (f" (did you mean {guess[0]!r}?)" if guess else "")
                )
    house = data.get("house_profanity", [])
    if not (isinstance(house, list) and all(isinstance(w, str) for w in house)):
        problems.append("'house_profanity' must list words")
    for key in ("name", "description"):
        if key in data and not isinstance(data[key], str):
            problems.append(f"'{key}' must be text")
    return problems


@lru_cache(maxsize=32)
def _load(path: Path) -> Rubric:
    data = _merged(path)
    problems = _problems(data)
    if problems:
        raise RubricError(f"{path}: " + "; ".join(problems) + ".")
    stars = data["stars"]
    return Rubric(
        name=data.get("name", path.stem),
        description=data.get("description", ""),
        weights=MappingProxyType({k: float(data["weights"][k]) for k in KEYS}),
        stars=(int(stars[0]), int(stars[1]), int(stars[2])),
        pass_mark=int(data["pass_mark"]),
        compliance=tuple(dict.fromkeys(data["compliance"])),
        house_profanity=tuple(w.lower() for w in data.get("house_profanity", [])),
    )


def load_rubric(name_or_path: str | Path) -> Rubric:
    """A shipped rubric by name ("default", "us", "uk", "cn") or any rubric file by path."""
    return _load(_resolve(name_or_path))


def rubric_for(jurisdiction: str) -> Rubric:
    """The shipped rubric for a scenario's jurisdiction (US, UK, CN; anything else: default)."""
    return load_rubric(BY_JURISDICTION.get(jurisdiction, "default"))
