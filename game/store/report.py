"""The team lead's report: one self-contained, printable HTML file with charts.

``read_report`` gathers what the report needs from the store; ``summarize`` turns it into figures
(pure); ``render_report`` lays them out through the Jinja2 template ``templates/report.html.j2`` with
autoescaping on, so whatever a trainee typed is shown, never run. Nothing in the page points outside it:
no scripts, fonts, images or links to fetch; links go to anchors inside the page.

What counts, and why: pass, promise and average figures are over calls played to their end. An
interrupted call (turns saved, never finished) and a call the input ran out on are listed apart, so
they neither count as a 0 nor lift a pass rate. A promise rate only counts scenarios whose goal is a
promise (not a gatekeeper or a dispute). Trends compare a scenario with itself over real dates; a
single day is a figure, not a trend. A weakest principle is named only where it is below its pass mark.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from game.drills.models import PRINCIPLES, PassMarks
from game.store import charts
from game.store.catalogue import ScenarioSummary
from game.store.store import Finding, ResultRow, ResultStore, UnfinishedCall

DEFAULT_MARK = PassMarks().total
# Over this many days, trends are drawn per week (its Monday) rather than per day.
WEEKLY_AFTER_DAYS = 31


def principle_order(names: Iterable[str]) -> list[str]:
    """The principles in PRINCIPLES.md's order, any others after them alphabetically."""
    present = set(names)
    return [p for p in PRINCIPLES if p in present] + sorted(present - set(PRINCIPLES))


def label(key: str) -> str:
    """calm_tone -> Calm tone."""
    return key.replace("_", " ").capitalize()


@dataclass(frozen=True)
class ReportInput:
    """Everything the report reads: results, unfinished calls, findings with their calls' turns, what
    each scenario is, and the pass marks (per principle, else ``total_mark``)."""

    title: str
    results: Sequence[ResultRow]
    unfinished: Sequence[UnfinishedCall] = ()
    findings: Sequence[Finding] = ()
    transcripts: Mapping[int, Sequence[Mapping[str, Any]]] = field(default_factory=dict)
    scenarios: Mapping[str, ScenarioSummary] = field(default_factory=dict)
    marks: Mapping[str, int] = field(default_factory=dict)
    total_mark: int = DEFAULT_MARK

    def mark(self, principle: str) -> int:
        return self.marks.get(principle, self.total_mark)

    def can_promise(self, scenario: str) -> bool:
        """Whether a call of this scenario aims at a promise; a scenario no longer found is counted."""
        known = self.scenarios.get(scenario)
        return known is None or known.can_promise

    def scenario_title(self, scenario: str) -> str:
        known = self.scenarios.get(scenario)
        return known.title if known else scenario


@dataclass(frozen=True)
class Rates:
    """The counts behind one row; rates are None where nothing could be measured."""

    calls: int
    passed: int
    promise_calls: int
    promised: int
    confirmed: int
    average: float | None
    findings: int
    unfinished: int

    @property
    def pass_rate(self) -> float | None:
        return 100 * self.passed / self.calls if self.calls else None

    @property
    def promise_rate(self) -> float | None:
        return 100 * self.promised / self.promise_calls if self.promise_calls else None

    @property
    def confirmed_rate(self) -> float | None:
        return 100 * self.confirmed / self.promise_calls if self.promise_calls else None


@dataclass(frozen=True)
class Weakest:
    principle: str
    average: float
    mark: int


@dataclass(frozen=True)
class Trend:
    """A change in average total between the first and the last period a scenario was taken in."""

    change: float
    scenarios: int


@dataclass(frozen=True)
class Row:
    """One trainee or one scenario: its counts, principle averages, weakest below the mark and trend."""

    key: str
    label: str
    rates: Rates
    principles: dict[str, float]
    weakest: Weakest | None
    trend: Trend | None = None
    detail: str = ""


@dataclass(frozen=True)
class Period:
    start: dt.date
    average: float
    pass_rate: float
    calls: int


@dataclass(frozen=True)
class ScenarioTrend:
    """A scenario's average total per period over real dates; one period is no trend."""

    scenario: str
    label: str
    periods: list[Period]

    @property
    def drawable(self) -> bool:
        return len(self.periods) > 1


@dataclass(frozen=True)
class Summary:
    """The figures of the whole report."""

    title: str
    team: Rates
    principles: dict[str, float]
    weakest: Weakest | None
    scenarios: list[Row]
    trainees: list[Row]
    matrix: dict[tuple[str, str], Rates]
    trends: list[ScenarioTrend]
    period_unit: str
    first_day: dt.date | None
    last_day: dt.date | None
    flagged_calls: int


def _principle_averages(rows: Sequence[ResultRow]) -> dict[str, float]:
    scores: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        for name, score in row.principles.items():
            scores[name].append(score)
    return {name: fmean(scores[name]) for name in principle_order(scores)}


def _weakest(averages: Mapping[str, float], data: ReportInput) -> Weakest | None:
    """The principle furthest below its pass mark, or None when every one meets its mark."""
    below = {name: avg - data.mark(name) for name, avg in averages.items() if avg < data.mark(name)}
    if not below:
        return None
    name = min(below, key=lambda n: (below[n], n))
    return Weakest(name, averages[name], data.mark(name))


def _rates(rows: Sequence[ResultRow], data: ReportInput, findings: int = 0, unfinished: int = 0) -> Rates:
    aiming = [r for r in rows if data.can_promise(r.scenario)]
    return Rates(
        calls=len(rows),
        passed=sum(r.passed for r in rows),
        promise_calls=len(aiming),
        promised=sum(r.promised for r in aiming),
        confirmed=sum(r.promised and r.confirmed for r in aiming),
        average=fmean(r.total for r in rows) if rows else None,
        findings=findings,
        unfinished=unfinished,
    )


def _period_of(day: dt.date, weekly: bool) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if weekly else day


def _periods(rows: Sequence[ResultRow], weekly: bool) -> list[Period]:
    groups: dict[dt.date, list[ResultRow]] = defaultdict(list)
    for row in rows:
        groups[_period_of(row.started_at.date(), weekly)].append(row)
    return [
        Period(start, fmean(r.total for r in group), 100 * sum(r.passed for r in group) / len(group), len(group))
        for start, group in sorted(groups.items())
    ]


def _trainee_trend(rows: Sequence[ResultRow], weekly: bool) -> Trend | None:
    """The mean, over the scenarios a trainee took in more than one period, of last minus first period."""
    by_scenario: dict[str, list[ResultRow]] = defaultdict(list)
    for row in rows:
        by_scenario[row.scenario].append(row)
    changes = []
    for taken in by_scenario.values():
        periods = _periods(taken, weekly)
        if len(periods) > 1:
            changes.append(periods[-1].average - periods[0].average)
    return Trend(fmean(changes), len(changes)) if changes else None


def _count(items: Iterable[Any], attr: str) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        counts[getattr(item, attr)] += 1
    return counts


def summarize(data: ReportInput) -> Summary:
    """The report's figures (pure): the team, each scenario, each trainee, and each pair of them."""
    rows = data.results
    days = [r.started_at.date() for r in rows]
    weekly = bool(days) and (max(days) - min(days)).days > WEEKLY_AFTER_DAYS
    by_trainee: dict[str, list[ResultRow]] = defaultdict(list)
    by_scenario: dict[str, list[ResultRow]] = defaultdict(list)
    by_pair: dict[tuple[str, str], list[ResultRow]] = defaultdict(list)
    for row in rows:
        by_trainee[row.trainee].append(row)
        by_scenario[row.scenario].append(row)
        by_pair[(row.trainee, row.scenario)].append(row)
    findings_of = {"trainee": _count(data.findings, "trainee"), "scenario": _count(data.findings, "scenario")}
    unfinished_of = {"trainee": _count(data.unfinished, "trainee"), "scenario": _count(data.unfinished, "scenario")}
    trainees = sorted(set(by_trainee) | set(unfinished_of["trainee"]), key=lambda n: (n.lower(), n))
    scenarios = sorted(
        set(by_scenario) | set(unfinished_of["scenario"]),
        key=lambda s: (data.scenarios[s].difficulty if s in data.scenarios else 99, data.scenario_title(s), s),
    )

    def make_row(kind: str, key: str, mine: Sequence[ResultRow], label_: str, detail: str = "") -> Row:
        averages = _principle_averages(mine)
        return Row(
            key=key,
            label=label_,
            rates=_rates(mine, data, findings_of[kind].get(key, 0), unfinished_of[kind].get(key, 0)),
            principles=averages,
            weakest=_weakest(averages, data),
            trend=_trainee_trend(mine, weekly) if kind == "trainee" else None,
            detail=detail,
        )

    def scenario_detail(key: str) -> str:
        known = data.scenarios.get(key)
        return f"difficulty {known.difficulty}" if known else "scenario not found"

    averages = _principle_averages(rows)
    return Summary(
        title=data.title,
        team=_rates(rows, data, len(data.findings), len(data.unfinished)),
        principles=averages,
        weakest=_weakest(averages, data),
        scenarios=[
            make_row("scenario", s, by_scenario.get(s, []), data.scenario_title(s), scenario_detail(s))
            for s in scenarios
        ],
        trainees=[make_row("trainee", t, by_trainee.get(t, []), t) for t in trainees],
        matrix={pair: _rates(mine, data) for pair, mine in by_pair.items()},
        trends=[
            ScenarioTrend(s, data.scenario_title(s), _periods(by_scenario[s], weekly))
            for s in scenarios
            if by_scenario.get(s)
        ],
        period_unit="week" if weekly else "day",
        first_day=min(days) if days else None,
        last_day=max(days) if days else None,
        flagged_calls=len({f.call_id for f in data.findings}),
    )


def read_report(
    store: ResultStore,
    drill: str | None = None,
    *,
    title: str | None = None,
    scenarios: Mapping[str, ScenarioSummary] | None = None,
    marks: Mapping[str, int] | None = None,
    total_mark: int = DEFAULT_MARK,
) -> ReportInput:
    """What the report over ``store`` (one drill's calls, when named) needs, read in a few queries."""
    findings = store.findings(drill=drill)
    return ReportInput(
        title=title or (f"Drill: {drill}" if drill else "All drills"),
        results=store.results(drill=drill),
        unfinished=store.unfinished_calls(drill=drill),
        findings=findings,
        transcripts=store.transcripts([f.call_id for f in findings]),
        scenarios=scenarios or {},
        marks=marks or {},
        total_mark=total_mark,
    )


def report_html(store: ResultStore, drill: str | None = None, **options: Any) -> str:
    """The report over every call in ``store`` (of one drill, when named); options as ``read_report``."""
    return render_report(read_report(store, drill, **options))


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("game.store", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["label"] = label
    env.filters["day"] = _day
    env.filters["band"] = _band
    env.filters["calls"] = _calls
    env.filters["pct"] = _pct
    return env


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def _calls(count: int) -> str:
    return f"{count} call" if count == 1 else f"{count} calls"


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _band(score: float | None) -> str:
    """A colour class for a 0-100 score, so weak spots stand out on screen and on paper."""
    if score is None:
        return "none"
    return "good" if score >= 80 else "fair" if score >= 60 else "weak"


def _charts(summary: Summary) -> dict[str, Markup]:
    """The inline SVG charts, keyed by what they show (matplotlib escapes the text it writes)."""
    out: dict[str, Markup] = {}
    if summary.principles:
        weakest = summary.weakest.principle if summary.weakest else None
        names = {n: label(n) for n in summary.principles}
        out["principles"] = Markup(charts.principle_bars(summary.principles, names, weakest))
    drawable = [t for t in summary.trends if t.drawable]
    if drawable:
        small = charts.ScenarioTrends(summary.period_unit)
        for i, trend in enumerate(drawable):
            points = [(p.start, p.average, p.pass_rate) for p in trend.periods]
            title = f"{trend.label}: average total and pass rate per {summary.period_unit}"
            out[f"trend:{trend.scenario}"] = Markup(small.render(points, f"scenario-{i}", title))
    return out


def render_report(data: ReportInput) -> str:
    """The whole HTML page for this input."""
    summary = summarize(data)
    findings_by_call: dict[int, list[Finding]] = defaultdict(list)
    for finding in data.findings:
        findings_by_call[finding.call_id].append(finding)
    flagged = [
        (call_id, group[0], data.transcripts.get(call_id, []), {f.turn for f in group})
        for call_id, group in sorted(findings_by_call.items(), key=lambda kv: (kv[1][0].started_at, kv[0]))
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        s=summary,
        data=data,
        charts=_charts(summary),
        findings=list(reversed(data.findings)),
        flagged=flagged,
        css=Markup(_css()),
    )


@functools.cache
def _css() -> str:
    env = _environment()
    assert env.loader is not None
    source, _path, _uptodate = env.loader.get_source(env, "report.css")
    return source
