"""What team leads read: the results table, CSV and JSON, and the HTML report, checked against the store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from statistics import fmean

import pytest
from store_fixtures import T0, record, scorecard

from game.store import ResultStore, StoreError
from game.store.commands import drill_list_text, format_results, results_text, write_report
from game.store.report import report_html

pytest_plugins = ["store_fixtures"]

TEAM = {"Ana": [3, 8, 12, 15, 21], "Bo <b>": [1, 2, 5], "Chen Wei 陈伟": [30, 31, 33, 40]}
WORDS = {"rule": "threat", "turn": 4, "text": "We'll send someone round & you'll regret it"}


@pytest.fixture
def team_store(store: ResultStore) -> ResultStore:
    """Three trainees over several days in one drill, one finding, plus a call in another drill."""
    day = 0
    for name, seeds in TEAM.items():
        for seed in seeds:
            day += 1
            started = T0 + dt.timedelta(days=day, hours=seed % 5)
            call_id = store.begin_call(name, "basics", "angry-contractor", seed, "default", started)
            card = scorecard(seed, compliance=[WORDS] if seed == 5 else None)
            store.finish_call(call_id, record(seed), card, started + dt.timedelta(minutes=3))
    other = store.begin_call("Ana", "advanced", "angry-contractor", 99, "default", T0)
    store.finish_call(other, record(99), scorecard(99), T0)
    return store


class Marked(HTMLParser):
    """Collects the text of every element carrying one of the report's data-* markers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[tuple[str, str], str] = {}
        self.attrs: dict[tuple[str, str], dict[str, str | None]] = {}
        self.open: list[tuple[str, str] | None] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        marks = [(k, v or "") for k, v in attrs if k.startswith("data-") and k != "data-key"]
        if marks:
            self.found[marks[0]] = ""
            self.attrs[marks[0]] = dict(attrs)
        self.open.append(marks[0] if marks else None)

    def handle_endtag(self, tag: str) -> None:
        if self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for mark in self.open:
            if mark is not None:
                self.found[mark] += data


def parse(page: str) -> Marked:
    parser = Marked()
    parser.feed(page)
    return parser


def test_the_reports_numbers_match_the_store(team_store: ResultStore) -> None:
    rows = team_store.results(drill="basics")
    page = parse(report_html(team_store, drill="basics"))

    passed = sum(r.passed for r in rows)
    assert page.found[("data-stat", "pass-rate")] == f"{100 * passed / len(rows):.0f}%"
    assert page.found[("data-stat", "average-total")] == f"{fmean(r.total for r in rows):.1f}"
    assert page.found[("data-stat", "trainees")] == "3"
    assert page.found[("data-stat", "findings")] == "1"
    for principle in ("calm_tone", "repeat_amount", "commitment", "stay_quiet", "politeness"):
        average = fmean(r.principles[principle] for r in rows)
        assert page.found[("data-principle", principle)] == f"{average:.1f}"
    for name in TEAM:
        mine = [r for r in rows if r.trainee == name]
        assert page.found[("data-trainee-average", name)] == f"{fmean(r.total for r in mine):.1f}"
        assert (
            page.found[("data-trainee-pass", name)] == f"{100 * sum(r.passed for r in mine) / len(mine):.0f}%"
        )
        averages = {p: fmean(r.principles[p] for r in mine) for p in mine[0].principles}
        weakest = min(averages, key=lambda p: averages[p])
        assert page.attrs[("data-trainee-weakest", name)]["data-key"] == weakest


def test_the_report_shows_the_findings_words_and_escapes_what_trainees_typed(team_store: ResultStore) -> None:
    page = report_html(team_store)
    assert "We&#x27;ll send someone round &amp; you&#x27;ll regret it" in page
    assert "Bo &lt;b&gt;" in page and "Bo <b>" not in page
    assert "Chen Wei 陈伟" in page


def test_the_report_is_one_self_contained_printable_file(team_store: ResultStore) -> None:
    page = report_html(team_store, drill="basics")
    tags = parse(page).tags
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", page)
    assert not re.search(r"url\((?!#)|@import|https?://(?!www\.w3\.org/)", page)
    assert page.count("<svg") == 2 + len(TEAM)  # principles, team trend, one per trainee
    assert "@media print" in page and "@page" in page
    assert report_html(team_store, drill="basics") == page  # the same results give the same bytes


def test_a_report_of_an_empty_store_says_so(store: ResultStore) -> None:
    page = report_html(store)
    assert "No finished calls saved yet." in page
    assert "<svg" not in page


def test_the_report_is_written_whole_to_the_named_file(team_store: ResultStore, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = write_report(team_store, folder / "report.html", drill="basics")
    assert out.read_text(encoding="utf-8") == report_html(team_store, drill="basics")
    assert [p.name for p in folder.iterdir()] == ["report.html"]
    with pytest.raises(StoreError, match="cannot write the report"):
        write_report(team_store, folder / "missing" / "report.html")


def test_results_come_as_a_table_csv_and_json_with_one_row_per_call(team_store: ResultStore) -> None:
    rows = team_store.results()
    table = results_text(team_store).splitlines()
    principles = ["calm_tone", "repeat_amount", "commitment", "stay_quiet", "politeness"]
    columns = ["trainee", "drill", "scenario", "when", "(UTC)", "outcome", *principles, "total", "pass"]
    assert table[0].split() == columns
    assert len(table) == 2 + len(rows)

    parsed = list(csv.DictReader(io.StringIO(results_text(team_store, fmt="csv"))))
    assert len(parsed) == len(rows)
    for line, row in zip(parsed, rows, strict=True):
        assert (line["trainee"], line["drill"], line["total"]) == (row.trainee, row.drill, str(row.total))
        assert line["calm_tone"] == str(row.principles["calm_tone"])
        assert line["pass"] == str(row.passed)
        assert dt.datetime.fromisoformat(line["when"]) == row.started_at

    data = json.loads(results_text(team_store, drill="basics", trainee="Ana", fmt="json"))
    anas = team_store.results(drill="basics", trainee="Ana")
    assert [(d["call"], d["principles"], d["total"], d["passed"]) for d in data] == [
        (r.call_id, r.principles, r.total, r.passed) for r in anas
    ]
    assert set(data[0]) >= {
        "trainee",
        "drill",
        "scenario",
        "when",
        "outcome",
        "principles",
        "total",
        "passed",
    }


def test_no_results_and_unknown_formats() -> None:
    assert format_results([], "table") == "No saved calls.\n"
    assert format_results([], "json") == "[]\n"
    assert format_results([], "csv").startswith("trainee,drill,scenario,when,outcome,total,pass")
    with pytest.raises(StoreError, match="choose table, csv or json"):
        format_results([], "xml")


def test_drill_list_shows_each_drill_and_why_a_broken_one_is_broken(tmp_path: Path) -> None:
    shipped = Path(__file__).resolve().parents[1] / "drills"
    (tmp_path / "broken.yaml").write_text("name: broken\ntitle: Broken\nscenarios: []\n", encoding="utf-8")
    text = drill_list_text(dirs=[shipped, tmp_path])
    assert re.search(r"^new-hire-basics\s+2\s+70\s+New hire basics$", text, re.MULTILINE)
    assert re.search(r"^broken\s+-\s+-\s+invalid: .*broken.yaml:3:12: ", text, re.MULTILINE)
    items = json.loads(drill_list_text(as_json=True, dirs=[shipped, tmp_path]))
    assert [i["name"] for i in items] == ["broken", "new-hire-basics"]
    assert items[1]["calls"] == 2 and items[1]["pass_mark"] == 70
    assert drill_list_text(dirs=[tmp_path / "none"]) == "No drills found.\n"
