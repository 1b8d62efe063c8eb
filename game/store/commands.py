"""What the ``results``, ``report`` and ``drill list`` commands print, as plain functions.

The command line parses its arguments, calls one of these and prints the text (or reports the
StoreError / DrillError sentence); nothing here exits or prints.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from game.drills import DrillError, drill_summary, find_drills, load_drill
from game.i18n import N_, _
from game.store.catalogue import scenario_catalogue
from game.store.report import DEFAULT_MARK, principle_order, report_html
from game.store.store import ResultRow, ResultStore, StoreError, UnfinishedCall
from game.text_width import ljust, rjust, width

FORMATS = ("table", "csv", "json")


def results_text(
    store: ResultStore,
    drill: str | None = None,
    trainee: str | None = None,
    fmt: str = "table",
    titles: Mapping[str, str] | None = None,
) -> str:
    """``collector-sim results``: one row per saved call, unfinished ones marked as such; the table
    names each scenario by its title (``titles``, by id) as its author wrote it, in any language."""
    unfinished = store.unfinished_calls(drill=drill, trainee=trainee)
    return format_results(store.results(drill=drill, trainee=trainee), fmt, unfinished, titles)


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
        "promise_confirmed": row.confirmed,
        "status": "finished",
    }


def _unfinished_dict(call: UnfinishedCall) -> dict[str, Any]:
    return {
        "call": call.call_id,
        "trainee": call.trainee,
        "drill": call.drill,
        "scenario": call.scenario,
        "when": call.started_at.isoformat(),
        "outcome": None,
        "status": call.reason,
        "turns": call.turns,
        "total": None,
        "passed": None,
    }


UNFINISHED_LABEL = {"interrupted": N_("UNFINISHED: interrupted"), "input_ended": N_("UNFINISHED: input ended")}
# How the table names each way a call ended (CSV and JSON keep the keys).
OUTCOME_LABEL = {
    "commitment": N_("promise"),
    "no_commitment": N_("no promise"),
    "hung_up": N_("debtor hung up"),
    "trainee_hung_up": N_("trainee hung up"),
}


def format_results(
    rows: Sequence[ResultRow],
    fmt: str = "table",
    unfinished: Sequence[UnfinishedCall] = (),
    titles: Mapping[str, str] | None = None,
) -> str:
    """Results as an aligned table, CSV (one column per principle) or a JSON list, oldest first.

    Unfinished calls come in their place in time, marked (outcome ``UNFINISHED: …`` in the table,
    ``status`` in JSON and CSV), with no scores: they have none to count.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose table, csv or json")
    calls: list[ResultRow | UnfinishedCall] = sorted(
        [*rows, *unfinished], key=lambda c: (c.started_at, c.call_id)
    )
    if fmt == "json":
        items = [_row_dict(c) if isinstance(c, ResultRow) else _unfinished_dict(c) for c in calls]
        return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    principles = principle_order(p for r in rows for p in r.principles)
    header = ["trainee", "drill", "scenario", "when", "outcome", *principles, "total", "pass"]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([*header, "status"])
        for c in calls:
            when = c.started_at.isoformat()
            if isinstance(c, ResultRow):
                scores = [c.principles.get(p, "") for p in principles]
                line = [c.trainee, c.drill or "", c.scenario, when, c.outcome, *scores, c.total, c.passed, "finished"]
            else:
                line = [c.trainee, c.drill or "", c.scenario, when, "", *[""] * len(principles), "", "", c.reason]
            writer.writerow(line)
        return buffer.getvalue()
    if not calls:
        return _("No saved calls.") + "\n"
    from scoring.labels import LABELS

    named = titles or {}
    shown_header = [
        _("trainee"),
        _("drill"),
        _("scenario"),
        _("when (UTC)"),
        _("outcome"),
        *(_(LABELS[p]) if p in LABELS else p for p in principles),
        _("total"),
        _("pass"),
    ]
    table = [
        [
            c.trainee,
            c.drill or "-",
            named.get(c.scenario, c.scenario),
            f"{c.started_at:%Y-%m-%d %H:%M}",
            *(
                [_outcome(c.outcome), *(str(c.principles.get(p, "-")) for p in principles), str(c.total)]
                if isinstance(c, ResultRow)
                else [_(UNFINISHED_LABEL[c.reason]), *["-"] * len(principles), "-"]
            ),
            (_("yes") if c.passed else _("no")) if isinstance(c, ResultRow) else "-",
        ]
        for c in calls
    ]
    return _align(shown_header, table, numeric=set(range(5, 6 + len(principles))))


def _outcome(key: str | None) -> str:
    known = OUTCOME_LABEL.get(key or "")
    return _(known) if known else key or "-"


def _align(header: list[str], rows: list[list[str]], numeric: Collection[int]) -> str:
    """Columns padded to their widest cell in display columns, so Chinese text lines up too."""
    widths = [max(width(line[i]) for line in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [
            rjust(c, w) if i in numeric else ljust(c, w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)]) + "\n"


def report_options(drill: str | None) -> dict[str, Any]:
    """The report's title and pass marks from the drill (its title, not its file name), and what each
    scenario is. A drill no longer found keeps its name and the default marks."""
    options: dict[str, Any] = {"scenarios": scenario_catalogue()}
    if drill is None:
        return options
    try:
        found = load_drill(drill)
    except DrillError:
        return {**options, "title": drill, "total_mark": DEFAULT_MARK}
    marks = found.pass_marks
    return {**options, "title": found.title, "marks": dict(marks.principles), "total_mark": marks.total}


def write_report(store: ResultStore, out: Path | str, drill: str | None = None, language: str = "en") -> Path:
    """``collector-sim report``: write the HTML report to ``out`` in ``language``, whole or not at all;
    returns the path."""
    path = Path(out)
    page = report_html(store, drill=drill, language=language, **report_options(drill))
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
        return _("No drills found.") + "\n"
    rows = [
        [i["name"], str(i["calls"]), f"{i['pass_mark']}", i["title"]]
        if "problems" not in i
        else [i["name"], "-", "-", _("invalid: {problem}").format(problem=i["problems"][0])]
        for i in items
    ]
    return _align([_("name"), _("calls"), _("pass mark"), _("title")], rows, numeric={1, 2})
