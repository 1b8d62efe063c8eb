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
from typing import Any

import pytest
from store_fixtures import T0, record, scorecard, turn

from game.store import ResultRow, ResultStore, StoreError
from game.store.bench import bulk_load, synthetic_calls
from game.store.catalogue import scenario_catalogue
from game.store.commands import drill_list_text, format_results, report_options, results_text, write_report
from game.store.report import report_html

pytest_plugins = ["store_fixtures"]

# Trainee -> (day, scenario, seed) of each call; the gatekeeper's goal is no promise.
TEAM: dict[str, list[tuple[int, str, int]]] = {
    "Ana": [(1, "cooperative-retiree", 3), (2, "cooperative-retiree", 8), (5, "angry-contractor", 12),
            (6, "angry-contractor", 15), (9, "gatekeeper-assistant", 21)],
    "Bo <b>": [(1, "angry-contractor", 1), (1, "angry-contractor", 2), (3, "cooperative-retiree", 5)],
    "Chen Wei 陈伟": [(2, "cooperative-retiree", 30), (4, "gatekeeper-assistant", 31), (8, "gatekeeper-assistant", 33),
                     (8, "cooperative-retiree", 40)],
}  # fmt: skip
WORDS = {"rule": "threat", "turn": 0, "text": "We'll send someone round & you'll regret it"}
MARKS = {"calm_tone": 70, "politeness": 70}


def call_card(seed: int, scenario: str) -> dict[str, Any]:
    """A scorecard with a promise on every other call that can have one, confirmed on every third."""
    card = scorecard(seed, compliance=[WORDS] if seed == 5 else None)
    promised = scenario != "gatekeeper-assistant" and seed % 2 == 0
    card["scenario"] = scenario
    card["outcome"] = "commitment" if promised else "no_commitment"
    card["commitment"] = (
        {"amount": 186.4, "date": "2026-12-04", "method": "card", "confirmed": seed % 3 == 0} if promised else None
    )
    return card


@pytest.fixture
def team_store(store: ResultStore) -> ResultStore:
    """Three trainees over several days in one drill, one finding, an interrupted call, a call the input
    ran out on, and a call in another drill."""
    for name, calls in TEAM.items():
        for day, scenario, seed in calls:
            started = T0 + dt.timedelta(days=day, hours=seed % 5)
            call_id = store.begin_call(name, "basics", scenario, seed, "default", started)
            store.finish_call(call_id, record(seed), call_card(seed, scenario), started + dt.timedelta(minutes=3))
    interrupted = store.begin_call("Ana", "basics", "angry-contractor", 50, "default", T0 + dt.timedelta(days=7))
    for index in range(3):
        store.save_turn(interrupted, index, turn(index))
    cut = store.begin_call("Bo <b>", "basics", "cooperative-retiree", 51, "default", T0 + dt.timedelta(days=7))
    empty = {**scorecard(51), "total": 0, "passed": False, "outcome": "trainee_hung_up"}
    store.finish_call(cut, record(51, turns=1), empty, T0 + dt.timedelta(days=7, minutes=1), input_ended=True)
    other = store.begin_call("Ana", "advanced", "angry-contractor", 99, "default", T0)
    store.finish_call(other, record(99), scorecard(99), T0)
    return store


class Marked(HTMLParser):
    """Collects the text and attributes of every element carrying one of the report's data-* markers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[tuple[str, str], str] = {}
        self.attrs: dict[tuple[str, str], dict[str, str | None]] = {}
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.open: list[tuple[str, str] | None] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        named = dict(attrs)
        if named.get("id"):
            self.ids.add(str(named["id"]))
        if tag == "a" and named.get("href"):
            self.links.append(str(named["href"]))
        marks = [(k, v or "") for k, v in attrs if k.startswith("data-") and k not in ("data-key", "data-reason")]
        if marks:
            self.found[marks[0]] = ""
            self.attrs[marks[0]] = named
        if tag not in ("meta", "br", "img", "input", "link"):
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


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def check_against_store(store: ResultStore, drill: str, page: Marked) -> None:
    """Every figure the report shows, recomputed here from the store's own rows."""
    rows = store.results(drill=drill)
    unfinished = store.unfinished_calls(drill=drill)
    catalogue = scenario_catalogue()

    def aiming(mine: list[ResultRow]) -> list[ResultRow]:
        return [r for r in mine if catalogue[r.scenario].can_promise]

    def expect(kind: str, key: str, mine: list[ResultRow]) -> None:
        goal = aiming(mine)
        assert page.found[(f"data-{kind}-pass", key)] == pct(sum(r.passed for r in mine), len(mine))
        assert page.found[(f"data-{kind}-promise", key)] == pct(sum(r.outcome == "commitment" for r in goal), len(goal))
        confirmed = sum(r.outcome == "commitment" and r.confirmed for r in goal)
        assert page.found[(f"data-{kind}-confirmed", key)] == pct(confirmed, len(goal))
        assert page.found[(f"data-{kind}-average", key)] == f"{fmean(r.total for r in mine):.1f}"
        averages = {p: fmean(r.principles[p] for r in mine) for p in mine[0].principles}
        below = {p: a - MARKS.get(p, 70) for p, a in averages.items() if a < MARKS.get(p, 70)}
        weakest = min(below, key=lambda p: (below[p], p)) if below else ""
        assert page.attrs[(f"data-{kind}-weakest", key)]["data-key"] == weakest

    assert page.found[("data-stat", "pass-rate")] == pct(sum(r.passed for r in rows), len(rows))
    goal = aiming(rows)
    assert page.found[("data-stat", "promise-rate")] == pct(sum(r.outcome == "commitment" for r in goal), len(goal))
    assert page.found[("data-stat", "average-total")] == f"{fmean(r.total for r in rows):.1f}"
    assert page.found[("data-stat", "findings")] == str(len(store.findings(drill=drill)))
    assert page.found[("data-stat", "unfinished")] == str(len(unfinished))
    for scenario in {r.scenario for r in rows}:
        expect("scenario", scenario, [r for r in rows if r.scenario == scenario])
    for trainee in {r.trainee for r in rows}:
        mine = [r for r in rows if r.trainee == trainee]
        expect("trainee", trainee, mine)
        for scenario in {r.scenario for r in mine}:
            pair = [r for r in mine if r.scenario == scenario]
            shown = page.found[("data-pair-pass", f"{trainee}|{scenario}")]
            assert shown == pct(sum(r.passed for r in pair), len(pair))
    assert {int(k[1]) for k in page.found if k[0] == "data-unfinished"} == {u.call_id for u in unfinished}


def test_the_reports_numbers_match_the_store(team_store: ResultStore) -> None:
    page = report_html(team_store, drill="basics", scenarios=scenario_catalogue(), marks=MARKS)
    check_against_store(team_store, "basics", parse(page))


def test_unfinished_calls_are_listed_apart_and_never_counted(team_store: ResultStore) -> None:
    rows = team_store.results(drill="basics")
    assert len(rows) == sum(len(c) for c in TEAM.values())  # neither the interrupted nor the cut-short call
    assert all(r.total > 0 for r in rows)
    unfinished = team_store.unfinished_calls(drill="basics")
    assert [(u.trainee, u.reason, u.turns) for u in unfinished] == [
        ("Ana", "interrupted", 3),
        ("Bo <b>", "input_ended", 1),
    ]
    page = parse(report_html(team_store, drill="basics", scenarios=scenario_catalogue()))
    reasons = {page.attrs[k]["data-reason"] for k in page.found if k[0] == "data-unfinished"}
    assert reasons == {"interrupted", "input_ended"}
    assert page.found[("data-trainee-pass", "Bo <b>")] == pct(sum(r.passed for r in rows if r.trainee == "Bo <b>"), 3)
    assert [r.trainee for r in team_store.leaderboard("basics")] and all(
        b.calls == len(TEAM[b.trainee]) for b in team_store.leaderboard("basics")
    )


def test_a_finding_quotes_the_words_and_links_to_its_transcript_in_the_report(team_store: ResultStore) -> None:
    [finding] = team_store.findings(drill="basics")
    page_text = report_html(team_store, drill="basics")
    page = parse(page_text)
    anchor = f"#call-{finding.call_id}-turn-{finding.turn}"
    assert anchor in page.links
    assert anchor[1:] in page.ids and f"call-{finding.call_id}" in page.ids
    assert "We&#39;ll send someone round &amp; you&#39;ll regret it" in page_text


def test_trends_are_per_scenario_on_real_dates_and_one_day_is_not_a_trend(store: ResultStore) -> None:
    for day, seed in [(0, 1), (3, 2), (9, 3)]:
        started = T0 + dt.timedelta(days=day)
        call_id = store.begin_call("Kim", "basics", "angry-contractor", seed, "default", started)
        store.finish_call(call_id, record(seed), call_card(seed, "angry-contractor"), started)
    once = store.begin_call("Kim", "basics", "cooperative-retiree", 4, "default", T0)
    store.finish_call(once, record(4), call_card(4, "cooperative-retiree"), T0)
    page_text = report_html(store, drill="basics", scenarios=scenario_catalogue())
    page = parse(page_text)
    assert ("data-single-period", "cooperative-retiree") in page.found
    assert "All on 2 Mar 2026" in page.found[("data-single-period", "cooperative-retiree")]
    assert ("data-single-period", "angry-contractor") not in page.found
    assert page_text.count("<svg") == 2  # the principles and the one scenario taken on several days
    assert "first → last" not in page_text
    # Kim's trend compares the angry contractor with itself; the retiree, taken once, adds nothing.
    totals = [call_card(s, "angry-contractor")["total"] for s in (1, 3)]
    assert page.found[("data-trainee-trend", "Kim")].endswith(f"{totals[1] - totals[0]:+.1f}")


def test_the_weakest_principle_is_named_only_below_its_mark(store: ResultStore) -> None:
    card = scorecard(1)
    card["principles"] = {k: {"score": 100, "notes": []} for k in card["principles"]}
    card["total"] = 100
    call_id = store.begin_call("Pat", "basics", "cooperative-retiree", 1, "default", T0)
    store.finish_call(call_id, record(1), card, T0)
    page_text = report_html(store, drill="basics")
    page = parse(page_text)
    assert page.attrs[("data-trainee-weakest", "Pat")]["data-key"] == ""
    assert page.found[("data-team-weakest", "")].startswith("Every principle")
    assert "team's weakest principle is" not in page_text


def test_the_report_is_titled_with_the_drills_title(team_store: ResultStore, tmp_path: Path) -> None:
    out = write_report(team_store, tmp_path / "report.html", drill="new-hire-basics")
    page = parse(out.read_text(encoding="utf-8"))
    assert page.found[("data-title", "")] == "New hire basics"
    options = report_options("no-such-drill")
    assert options["title"] == "no-such-drill"


def test_the_report_escapes_what_trainees_typed(team_store: ResultStore) -> None:
    page = report_html(team_store)
    assert "Bo &lt;b&gt;" in page and "Bo <b>" not in page
    assert "Chen Wei 陈伟" in page


def test_the_report_is_one_self_contained_printable_file(team_store: ResultStore) -> None:
    page = report_html(team_store, drill="basics")
    tags = parse(page).tags
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)""", page)
    assert not re.search(r"url\((?!#)|@import|https?://(?!www\.w3\.org/)", page)
    assert "@media print" in page and "@page" in page
    assert report_html(team_store, drill="basics") == page  # the same results give the same bytes


def test_a_report_of_an_empty_store_says_so(store: ResultStore) -> None:
    page = report_html(store)
    assert "No finished calls saved yet." in page
    assert "<svg" not in page


def test_the_report_over_10000_calls_shows_the_stores_numbers(store_url: str) -> None:
    calls = list(synthetic_calls(10_000))
    with ResultStore.open(store_url) as store:
        bulk_load(store_url, "bench", calls)
        page = parse(report_html(store, drill="bench", scenarios=scenario_catalogue(), marks=MARKS))
        check_against_store(store, "bench", page)
        interrupted = [c for c in calls if c["ending"] == "interrupted"]
        cut = [c for c in calls if c["ending"] == "input_ended"]
        assert interrupted and cut
        assert page.found[("data-stat", "unfinished")] == str(len(interrupted) + len(cut))
        assert len(store.results(drill="bench")) == len(calls) - len(interrupted) - len(cut)


def test_the_report_is_written_whole_to_the_named_file(team_store: ResultStore, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = write_report(team_store, folder / "report.html", drill="basics")
    assert out.read_text(encoding="utf-8") == report_html(team_store, drill="basics", **report_options("basics"))
    assert [p.name for p in folder.iterdir()] == ["report.html"]
    with pytest.raises(StoreError, match="cannot write the report"):
        write_report(team_store, folder / "missing" / "report.html")


def test_results_come_as_a_table_csv_and_json_with_unfinished_calls_marked(team_store: ResultStore) -> None:
    rows = team_store.results()
    unfinished = team_store.unfinished_calls()
    table = results_text(team_store).splitlines()
    principles = ["Calm tone", "Repeat amount", "Commitment", "Stay quiet", "Politeness"]
    columns = ["trainee", "drill", "scenario", "when (UTC)", "outcome", *principles, "total", "pass"]
    assert re.split(r"\s{2,}", table[0]) == columns
    assert len(table) == 2 + len(rows) + len(unfinished)
    assert sum("UNFINISHED: interrupted" in line for line in table) == 1
    assert sum("UNFINISHED: input ended" in line for line in table) == 1

    parsed = list(csv.DictReader(io.StringIO(results_text(team_store, fmt="csv"))))
    finished = [line for line in parsed if line["status"] == "finished"]
    assert len(finished) == len(rows)
    assert sorted(line["status"] for line in parsed if line["status"] != "finished") == ["input_ended", "interrupted"]
    for line, row in zip(finished, rows, strict=True):
        assert (line["trainee"], line["drill"], line["total"]) == (row.trainee, row.drill, str(row.total))
        assert line["calm_tone"] == str(row.principles["calm_tone"])
        assert line["pass"] == str(row.passed)
        assert dt.datetime.fromisoformat(line["when"]) == row.started_at

    data = json.loads(results_text(team_store, drill="basics", trainee="Ana", fmt="json"))
    anas = team_store.results(drill="basics", trainee="Ana")
    done = [d for d in data if d["status"] == "finished"]
    assert [(d["call"], d["principles"], d["total"], d["passed"]) for d in done] == [
        (r.call_id, r.principles, r.total, r.passed) for r in anas
    ]
    [stopped] = [d for d in data if d["status"] != "finished"]
    assert (stopped["status"], stopped["turns"], stopped["total"], stopped["passed"]) == ("interrupted", 3, None, None)


def test_no_results_and_unknown_formats() -> None:
    assert format_results([], "table") == "No saved calls.\n"
    assert format_results([], "json") == "[]\n"
    assert format_results([], "csv").startswith("trainee,drill,scenario,when,outcome,total,pass,status")
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


def test_trend_points_sit_at_their_real_dates() -> None:
    from game.store.charts import line_chart

    days = [dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 12)]
    chart = line_chart([(d, 60.0 + i, 50.0) for i, d in enumerate(days)])
    xs = [p.x for p in chart.totals]
    assert (xs[2] - xs[1]) == pytest.approx(9 * (xs[1] - xs[0]))
    assert [t.label for t in chart.x_ticks] == ["2 Mar", "3 Mar", "12 Mar"]
