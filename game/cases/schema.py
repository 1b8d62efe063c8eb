"""The JSON Schema of case files, generated from the case models (editor hover text and completion).

Case files name ``scenarios/cases/schema.json`` in their first-line comment. The file is generated,
never edited: ``python -m game.cases.schema`` rewrites it, and a test fails when it is stale.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from game.authoring.schema import DRAFT, write_if_changed
from game.cases.files import CASES_DIR
from game.cases.models import Case

SCHEMA_PATH = CASES_DIR / "schema.json"


def case_schema() -> dict[str, Any]:
    schema = Case.model_json_schema()
    return {
        "$schema": DRAFT,
        "title": "Collector Sim case",
        "description": "One debtor over several calls for Collector Sim. The authors' guide is scenarios/README.md.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def schema_text() -> str:
    return json.dumps(case_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path = SCHEMA_PATH) -> bool:
    """Write the schema file; True when it changed."""
    return write_if_changed(path, schema_text())


if __name__ == "__main__":
    changed = write_schema()
    print(f"{SCHEMA_PATH.name} {'written' if changed else 'already current'}", file=sys.stderr)
