"""The trainee's own progress: every finished call's score, kept as JSON beside the settings.

Small and local on purpose: the window shows best stars per scenario, the calls over time and the
principles over time. The team's results store is a separate, shared database.
A damaged file is set aside (renamed), never overwritten blindly, so no saved result is lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

PROGRESS_FILE = "progress.json"
PROGRESS_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class CallResult:
    """One finished call as the progress scene needs it."""

    scenario: str
    title: str
    at: str
    total: int
    stars: int
    outcome: str
    principles: dict[str, int] = field(default_factory=dict)
    passed: bool = False

    @property
    def started_at(self) -> dt.datetime:
        """When the call was taken (``at`` is ISO text), for choosing the next call by recent form."""
        return dt.datetime.fromisoformat(self.at)


class Progress:
    """Results in memory; ``snapshot`` gives the JSON text a background job writes to disk."""

    def __init__(self, home: Path, calls: list[CallResult] | None = None) -> None:
        self.home = home
        self.calls: list[CallResult] = calls or []

    @classmethod
    def load(cls, home: Path) -> Progress:
        path = home / PROGRESS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            calls = [CallResult(**row) for row in data["calls"]]
        except FileNotFoundError:
            return cls(home)
        except (OSError, ValueError, KeyError, TypeError):
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            with contextlib.suppress(OSError):
                path.replace(path.with_name(f"progress.damaged-{stamp}.json"))
            return cls(home)
        return cls(home, calls)

    def add(self, result: CallResult) -> None:
        self.calls.append(result)

    def best_stars(self) -> dict[str, int]:
        best: dict[str, int] = {}
        for call in self.calls:
            best[call.scenario] = max(best.get(call.scenario, 0), call.stars)
        return best

    def snapshot(self) -> str:
        data: dict[str, Any] = {
            "schema_version": PROGRESS_SCHEMA_VERSION,
            "calls": [asdict(c) for c in self.calls],
        }
        return json.dumps(data, ensure_ascii=False, indent=1)


def write_progress(home: Path, text: str) -> Path:
    """Write atomically (temp file, then rename): a crash mid-save keeps the previous file."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / PROGRESS_FILE
    temp = target.with_suffix(".tmp")
    temp.write_text(text, encoding="utf-8")
    temp.replace(target)
    return target
