"""The editor schema: generated from the models, current on disk, and as strict as `validate`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, ValidationError

from game.authoring.schema import SCHEMA_PATH, scenario_schema, schema_text
from game.engine.scenario.library import load_file, scenario_files
from game.engine.scenario.located_yaml import LocatedDoc, read_yaml

BROKEN = sorted((Path(__file__).parent / "data" / "broken").glob("*.yaml"))


def _as_json(value: Any) -> Any:
    """The document as the YAML language server hands it to the schema: dates are text."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _leaves(error: ValidationError) -> list[ValidationError]:
    """The errors an author sees: inside an anyOf, those of the one branch the value's type fits."""
    if error.validator != "anyOf" or not error.context:
        return [error]
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    fitting = [
        errs
        for errs in branches.values()
        if not any(e.validator == "type" and not e.relative_path for e in errs)
    ]
    if len(fitting) != 1:
        return [error]
    return [leaf for sub in fitting[0] for leaf in _leaves(sub)]


def schema_positions(doc: LocatedDoc) -> set[tuple[int, int]]:
    """Where the schema finds errors, as (line, column): on a misspelt key, on the value otherwise.

    A required key missing beside a misspelt one is left out: `validate` folds it into the misspelt
    key's "did you mean", and both point the author at the same word.
    """
    validator = Draft7Validator(scenario_schema(), format_checker=Draft7Validator.FORMAT_CHECKER)
    errors = [leaf for error in validator.iter_errors(_as_json(doc.data)) for leaf in _leaves(error)]
    misspelt = {tuple(e.absolute_path) for e in errors if e.validator == "additionalProperties"}
    found: set[tuple[int, int]] = set()
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            known = error.schema.get("properties", {})
            found |= {doc.where((*path, k), of_key=True) for k in error.instance if k not in known}
        elif error.validator == "propertyNames":
            found.add(doc.where((*path, error.instance), of_key=True))
        elif not (error.validator == "required" and path in misspelt):
            found.add(doc.where(path))
    return found


def validate_positions(path: Path) -> set[tuple[int, int]]:
    """Where `validate` (and the self-test runner, for `expect:`) finds problems."""
    return {(p.line, p.column) for p in load_file(path).problems}


def test_schema_file_is_current() -> None:
    on_disk = SCHEMA_PATH.read_text(encoding="utf-8") if SCHEMA_PATH.is_file() else ""
    assert on_disk == schema_text(), "scenarios/schema.json is stale: run python -m game.authoring.schema"


def test_schema_is_valid_draft_7() -> None:
    Draft7Validator.check_schema(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def test_schema_carries_the_models_descriptions_as_hover_text() -> None:
    schema = scenario_schema()
    account = schema["$defs"]["Account"]
    assert account["properties"]["days_past_due"]["description"] == "How many days the account is overdue."
    assert account["description"].startswith("The account being collected")


@pytest.mark.parametrize("path", BROKEN, ids=[p.stem for p in BROKEN])
def test_schema_catches_what_validate_catches(path: Path) -> None:
    expected = validate_positions(path)
    assert expected, f"{path.name} should be broken"
    assert expected == schema_positions(read_yaml(path))


@pytest.mark.parametrize("path", scenario_files(), ids=lambda p: p.stem)
def test_schema_accepts_every_valid_scenario(path: Path) -> None:
    if load_file(path).problems:
        pytest.skip("not valid; validate reports it")
    assert set() == schema_positions(read_yaml(path))
