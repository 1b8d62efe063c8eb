"""What the ``results``, ``report`` and ``drill list`` commands print, as plain functions.

The command line parses its arguments, calls one of these and prints the text (or reports the
StoreError / DrillError sentence); nothing here exits or prints.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from game.drills import DrillError, drill_summary, find_drills, load_drill
from game.store.report import principle_order, report_html
from game.store.store import ResultRow, ResultStore, StoreError

FORMATS = ("table", "csv", "json")


def results_text(
    store: ResultStore, drill: str | None = None, trainee: str | None = None, fmt: str = "table"
) -> str:
    """``collector-sim results``: one row per saved call."""
    return format_results(store.results(drill=drill, trainee=trainee), fmt)


def _row_dict(row: ResultRow) -> dict[str, Any]:
    return {
        "call": row.call_id,
        "trainee": row.trainee,
        "drill": row.drill,
        "scenario": row.scenario,
        "seed": row.seed,
        "rubric": row.rubric,
        "when": row.started_at.isoformat(),
        "finished": row.finished_at.isoformat(),
        "outcome": row.outcome,
        "principles": row.principles,
        "total": row.total,
        "passed": row.passed,
        "findings": row.findings,
    }


def format_results(rows: Sequence[ResultRow], fmt: str = "table") -> str:
    """Results as an aligned table, CSV (one column per principle) or a JSON list."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose table, csv or json")
    if fmt == "json":
        return json.dumps([_row_dict(r) for r in rows], ensure_ascii=False, indent=2) + "\n"
    principles = principle_order(p for r in rows for p in r.principles)
    header = ["trainee", "drill", "scenario", "when", "outcome", *principles, "total", "pass"]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        for r in rows:
            scores = [r.principles.get(p, "") for p in principles]
            when = r.started_at.isoformat()
            writer.writerow(
                [r.trainee, r.drill or "", r.scenario, when, r.outcome, *scores, r.total, r.passed]
            )
        return buffer.getvalue()
    if not rows:
        return "No saved calls.\n"
    header[3] = "when (UTC)"
    table = [
        [
            r.trainee,
            r.drill or "-",
            r.scenario,
            f"{r.started_at:%Y-%m-%d %H:%M}",
            r.outcome or "-",  # a damaged or hand-edited row may have none
            *(str(r.principles.get(p, "-")) for p in principles),
            str(r.total),
            "yes" if r.passed else "no",
        ]
        for r in rows
    ]
    return _align(header, table, numeric=set(range(5, 6 + len(principles))))


def _align(header: list[str], rows: list[list[str]], numeric: Collection[int]) -> str:
    widths = [max(len(line[i]) for line in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)]) + "\n"


def write_report(store: ResultStore, out: Path | str, drill: str | None = None) -> Path:
    """``collector-sim report``: write the HTML report to ``out``, whole or not at all; returns the path."""
    path = Path(out)
    page = report_html(store, drill=drill)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(page, encoding="utf-8")
        os.replace(partial, path)
    except OSError as err:
        partial.unlink(missing_ok=True)
        raise StoreError(f"cannot write the report to {path}: {err.strerror or err}") from None
    return path


def drill_list_text(
    as_json: bool = False, dirs: list[Path] | None = None, scenario_ids: Collection[str] | None = None
) -> str:
    """``collector-sim drill list``: the drills found with their calls and pass mark; broken files say why."""
    items: list[dict[str, Any]] = []
    for name, path in find_drills(dirs).items():
        try:
            items.append({**drill_summary(load_drill(path, scenario_ids=scenario_ids)), "path": str(path)})
        except DrillError as err:
            problems = [str(p) for p in err.problems] or [str(err)]
            items.append({"name": name, "path": str(path), "problems": problems})
    if as_json:
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    if not items:
        return "No drills found.\n"
    rows = [
        [i["name"], str(i["calls"]), f"{i['pass_mark']}", i["title"]]
        if "problems" not in i
        else [i["name"], "-", "-", f"invalid: {i['problems'][0]}"]
        for i in items
    ]
    return _align(["name", "calls", "pass mark", "title"], rows, numeric={1, 2})
