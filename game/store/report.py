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

The page is in the language asked for (English by default): every word of the template goes through
the message catalogues (``jinja2.ext.i18n``), and names, titles and what trainees said stay as written.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from game.drills.models import PRINCIPLES, PassMarks
from game.i18n import DEFAULT_LANGUAGE, N_, translations
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


def label(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """calm_tone -> Calm tone (语气平和 in Chinese): the scorecard's name for a principle or a rule."""
    from scoring.labels import LABELS

    known = LABELS.get(key)
    return translations(language).gettext(known) if known else key.replace("_", " ").capitalize()


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
    language: str = DEFAULT_LANGUAGE

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


@dataclass
class _Tally:
    """Running sums over some calls. Each call is added once, to its (trainee, scenario) pair; trainees,
    scenarios and the team are merges of pairs, so 10,000 calls are read once, not once per table."""

    calls: int = 0
    passed: int = 0
    promise_calls: int = 0
    promised: int = 0
    confirmed: int = 0
    total: int = 0
    scores: dict[str, list[int]] = field(default_factory=dict)

    def add(self, row: ResultRow, aiming: bool) -> None:
        self.calls += 1
        self.passed += row.passed
        self.total += row.total
        if aiming:
            self.promise_calls += 1
            self.promised += row.promised
            self.confirmed += row.promised and row.confirmed
        for name, score in row.principles.items():
            pair = self.scores.get(name)
            if pair is None:
                self.scores[name] = [score, 1]
            else:
                pair[0] += score
                pair[1] += 1

    def merge(self, other: _Tally) -> None:
        self.calls += other.calls
        self.passed += other.passed
        self.total += other.total
        self.promise_calls += other.promise_calls
        self.promised += other.promised
        self.confirmed += other.confirmed
        for name, (total, count) in other.scores.items():
            pair = self.scores.setdefault(name, [0, 0])
            pair[0] += total
            pair[1] += count

    def rates(self, findings: int = 0, unfinished: int = 0) -> Rates:
        return Rates(
            calls=self.calls,
            passed=self.passed,
            promise_calls=self.promise_calls,
            promised=self.promised,
            confirmed=self.confirmed,
            average=self.total / self.calls if self.calls else None,
            findings=findings,
            unfinished=unfinished,
        )

    def averages(self) -> dict[str, float]:
        return {name: self.scores[name][0] / self.scores[name][1] for name in principle_order(self.scores)}


def _merged(tallies: Iterable[_Tally]) -> _Tally:
    out = _Tally()
    for tally in tallies:
        out.merge(tally)
    return out


def _weakest(averages: Mapping[str, float], data: ReportInput) -> Weakest | None:
    """The principle furthest below its pass mark, or None when every one meets its mark."""
    below = {name: avg - data.mark(name) for name, avg in averages.items() if avg < data.mark(name)}
    if not below:
        return None
    name = min(below, key=lambda n: (below[n], n))
    return Weakest(name, averages[name], data.mark(name))


def _period_of(day: dt.date, weekly: bool) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if weekly else day


def _trend(periods: Mapping[dt.date, list[int]]) -> float | None:
    """Last period's average minus the first's, from (sum, count) per period; None for one period."""
    if len(periods) < 2:
        return None
    first, last = periods[min(periods)], periods[max(periods)]
    return last[0] / last[1] - first[0] / first[1]


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
    pairs: dict[tuple[str, str], _Tally] = defaultdict(_Tally)
    # (sum of totals, calls) per pair and period, and (sum, calls, passed) per scenario and period.
    pair_periods: dict[tuple[str, str], dict[dt.date, list[int]]] = defaultdict(dict)
    scenario_periods: dict[str, dict[dt.date, list[int]]] = defaultdict(dict)
    aiming = {scenario: data.can_promise(scenario) for scenario in {r.scenario for r in rows}}
    for row, day in zip(rows, days, strict=True):
        key = (row.trainee, row.scenario)
        pairs[key].add(row, aiming[row.scenario])
        period = _period_of(day, weekly)
        mine = pair_periods[key].setdefault(period, [0, 0])
        mine[0] += row.total
        mine[1] += 1
        theirs = scenario_periods[row.scenario].setdefault(period, [0, 0, 0])
        theirs[0] += row.total
        theirs[1] += 1
        theirs[2] += row.passed
    findings_of = {"trainee": _count(data.findings, "trainee"), "scenario": _count(data.findings, "scenario")}
    unfinished_of = {"trainee": _count(data.unfinished, "trainee"), "scenario": _count(data.unfinished, "scenario")}
    trainees = sorted({t for t, _ in pairs} | set(unfinished_of["trainee"]), key=lambda n: (n.lower(), n))
    scenarios = sorted(
        {s for _, s in pairs} | set(unfinished_of["scenario"]),
        key=lambda s: (data.scenarios[s].difficulty if s in data.scenarios else 99, data.scenario_title(s), s),
    )

    def make_row(kind: str, key: str, tally: _Tally, label_: str, detail: str = "", trend: Trend | None = None) -> Row:
        averages = tally.averages()
        return Row(
            key=key,
            label=label_,
            rates=tally.rates(findings_of[kind].get(key, 0), unfinished_of[kind].get(key, 0)),
            principles=averages,
            weakest=_weakest(averages, data),
            trend=trend,
            detail=detail,
        )

    def scenario_detail(key: str) -> str:
        known = data.scenarios.get(key)
        texts = translations(data.language)
        return texts.gettext(N_("difficulty {level}")).format(level=known.difficulty) if known else texts.gettext(
            N_("scenario not found")
        )

    def trainee_trend(trainee: str) -> Trend | None:
        """The mean, over the scenarios this trainee took in more than one period, of last minus first."""
        changes = [c for (t, _), p in pair_periods.items() if t == trainee and (c := _trend(p)) is not None]
        return Trend(fmean(changes), len(changes)) if changes else None

    team = _merged(pairs.values())
    averages = team.averages()
    return Summary(
        title=data.title,
        team=team.rates(len(data.findings), len(data.unfinished)),
        principles=averages,
        weakest=_weakest(averages, data),
        scenarios=[
            make_row(
                "scenario",
                s,
                _merged(tally for (_, scenario), tally in pairs.items() if scenario == s),
                data.scenario_title(s),
                scenario_detail(s),
            )
            for s in scenarios
        ],
        trainees=[
            make_row("trainee", t, _merged(v for (who, _), v in pairs.items() if who == t), t, "", trainee_trend(t))
            for t in trainees
        ],
        matrix={pair: tally.rates() for pair, tally in pairs.items()},
        trends=[
            ScenarioTrend(
                s,
                data.scenario_title(s),
                [
                    Period(start, total / calls, 100 * passed / calls, calls)
                    for start, (total, calls, passed) in sorted(scenario_periods[s].items())
                ],
            )
            for s in scenarios
            if s in scenario_periods
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
    language: str = DEFAULT_LANGUAGE,
) -> ReportInput:
    """What the report over ``store`` (one drill's calls, when named) needs, read in a few queries;
    ``language`` is the page's."""
    findings = store.findings(drill=drill)
    texts = translations(language)
    named = texts.gettext(N_("Drill: {drill}")).format(drill=drill) if drill else texts.gettext(N_("All drills"))
    return ReportInput(
        title=title or named,
        results=store.results(drill=drill),
        unfinished=store.unfinished_calls(drill=drill),
        findings=findings,
        transcripts=store.transcripts([f.call_id for f in findings]),
        scenarios=scenarios or {},
        marks=marks or {},
        total_mark=total_mark,
        language=language,
    )


def report_html(store: ResultStore, drill: str | None = None, **options: Any) -> str:
    """The report over every call in ``store`` (of one drill, when named); options as ``read_report``."""
    return render_report(read_report(store, drill, **options))


@functools.cache
def _environment(language: str) -> Environment:
    """The template's environment speaking ``language``: its words from the catalogues."""
    env = Environment(
        loader=PackageLoader("game.store", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    texts = translations(language)
    env.install_gettext_translations(texts, newstyle=True)  # type: ignore[attr-defined]
    env.filters["label"] = functools.partial(label, language=language)
    env.filters["day"] = functools.partial(_day, texts=texts)
    env.filters["band"] = _band
    env.filters["calls"] = functools.partial(_calls, texts=texts)
    env.filters["pct"] = _pct
    return env


def _day(value: dt.date, texts: gettext.NullTranslations) -> str:
    """6 Dec 2026 (2026年12月6日)."""
    month = texts.gettext(_MONTHS[value.month - 1])
    return texts.gettext(N_("{day} {month} {year}")).format(day=value.day, month=month, year=value.year)


def _day_short(value: dt.date, texts: gettext.NullTranslations) -> str:
    """6 Dec (12月6日): a chart's tick."""
    month = texts.gettext(_MONTHS[value.month - 1])
    return texts.gettext(N_("{day} {month}")).format(day=value.day, month=month)


_MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def _calls(count: int, texts: gettext.NullTranslations) -> str:
    return str(texts.ngettext("{count} call", "{count} calls", count)).format(count=count)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _band(score: float | None) -> str:
    """A colour class for a 0-100 score, so weak spots stand out on screen and on paper."""
    if score is None:
        return "none"
    return "good" if score >= 80 else "fair" if score >= 60 else "weak"


def _charts(summary: Summary, language: str) -> dict[str, Any]:
    """The charts' geometry, keyed by what they show; the template draws them as inline SVG."""
    out: dict[str, Any] = {}
    if summary.principles:
        weakest = summary.weakest.principle if summary.weakest else None
        names = {n: label(n, language) for n in summary.principles}
        out["principles"] = charts.bar_chart(summary.principles, names, weakest)
    tick = functools.partial(_day_short, texts=translations(language))
    for trend in summary.trends:
        if trend.drawable:
            points = [(p.start, p.average, p.pass_rate) for p in trend.periods]
            out[f"trend:{trend.scenario}"] = charts.line_chart(points, tick)
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
    template = _environment(data.language).get_template("report.html.j2")
    return template.render(
        s=summary,
        data=data,
        charts=_charts(summary, data.language),
        findings=list(reversed(data.findings)),
        flagged=flagged,
    )
