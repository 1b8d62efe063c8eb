"""The JSON Schema of scenario files, generated from the pydantic models.

The YAML language server reads ``scenarios/schema.json`` (named in each file's first-line comment), so an
author sees the models' field descriptions as hover text and gets completion and type errors while
typing. The file is generated, never edited: ``python -m game.authoring.schema`` rewrites it, and a
test fails when it is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from game.engine.scenario.defaults import archetype_names
from game.engine.scenario.library import SHIPPED_DIR
from game.engine.scenario.lint import SIGNALS
from game.engine.scenario.models import Scenario
from game.engine.stages import ACTS

SCHEMA_PATH = SHIPPED_DIR / "schema.json"
DRAFT = "http://json-schema.org/draft-07/schema#"

# What each section is, for hover text and the guide (the models carry no docstrings of their own).
SECTION_HELP = {
    "Account": "The account being collected: who owes what, to whom, since when. Shown in the briefing.",
    "Persona": "Who answers the phone and how they behave; the archetype supplies everything left out.",
    "Voice": "Text-to-speech settings for the debtor's voice.",
    "MoodValues": "A mood: anger, trust and willingness, each 0 to 100.",
    "MoodDelta": "How much one act or signal moves each part of the mood (-100 to 100).",
    "CommitRule": "When the debtor is ready to promise a payment. Keys left out come from the archetype.",
    "HangUpRule": "When the debtor ends the call. Keys left out come from the archetype.",
    "AfterAsk": "What the debtor does right after being asked to pay. Keys left out come from the archetype.",
    "CommitTerms": "What the debtor promises once ready. Keys left out come from the archetype.",
    "Excuse": "One excuse: how it is put, the acts that defeat it and what the debtor says then.",
    "LinePool": "Debtor lines for one beat, optionally only in some stages or moods.",
    "TranscriptTurn": "One trainee turn: exactly one of say, wait, audio or hangup.",
    "ScenarioTest": "A self-test: scripted trainee turns and what must come of them.",
    "Expectations": "What a self-test expects; every key is optional, each one given must hold.",
}


def scenario_schema() -> dict[str, Any]:
    """The editor schema: pydantic's, plus what the models leave to code (reaction keys, section help)."""
    schema = Scenario.model_json_schema()
    defs: dict[str, Any] = schema["$defs"]
    defs["Persona"]["properties"]["reactions"]["propertyNames"] = {"enum": [*ACTS, *SIGNALS]}
    defs["Persona"]["properties"]["archetype"]["enum"] = list(archetype_names())
    for name, text in SECTION_HELP.items():
        defs[name].setdefault("description", text)
    return {
        "$schema": DRAFT,
        "title": "Collector Sim scenario",
        "description": "One persona call for Collector Sim. The authors' guide is scenarios/README.md.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_text() -> str:
    """The schema as the file holds it: stable key order, two-space indent, final newline."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Write a generated file only when its text changed (so its time stamp means something); True
    when it was written."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def write_schema(path: Path = SCHEMA_PATH) -> bool:
    """Write the schema file; True when it changed."""
    return write_if_changed(path, schema_text())


if __name__ == "__main__":
    changed = write_schema()
    print(f"{SCHEMA_PATH.name} {'written' if changed else 'already current'}", file=sys.stderr)
