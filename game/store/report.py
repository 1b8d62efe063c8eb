"""The team lead's report: one self-contained, printable HTML file with charts.

``summarize`` turns saved results into the figures a team lead reads (pass rate, each principle's
team average, each trainee's trend and weakest principle); ``render_report`` lays them out with inline
SVG charts. Nothing in the page points outside it: no scripts, fonts, images or links to fetch.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean

from game.drills.models import PRINCIPLES
from game.store import charts
from game.store.store import Finding, ResultRow, ResultStore

TREND_CALLS = 5


@dataclass(frozen=True)
class TraineeStats:
    """One trainee's figures; ``first`` and ``last`` average their first and last few calls."""

    name: str
    calls: int
    passed: int
    average: float
    best: int
    first: float | None
    last: float | None
    principles: dict[str, float]
    weakest: str | None
    daily: list[tuple[dt.date, float]]
    findings: int

    @property
    def pass_rate(self) -> float:
        return 100 * self.passed / self.calls


@dataclass(frozen=True)
class TeamStats:
    """The whole team's figures over the calls reported on."""

    calls: int
    passed: int
    average: float
    principles: dict[str, float]
    weakest: str | None
    trainees: list[TraineeStats]
    periods: list[tuple[dt.date, float, float]]
    period_unit: str
    first_day: dt.date | None
    last_day: dt.date | None
    findings: int
    flagged_calls: int

    @property
    def pass_rate(self) -> float:
        return 100 * self.passed / self.calls if self.calls else 0.0


def principle_order(names: Iterable[str]) -> list[str]:
    """The principles in PRINCIPLES.md's order, any others after them alphabetically."""
    present = set(names)
    return [p for p in PRINCIPLES if p in present] + sorted(present - set(PRINCIPLES))


def label(key: str) -> str:
    """calm_tone -> Calm tone."""
    return key.replace("_", " ").capitalize()


def _principle_averages(rows: Sequence[ResultRow]) -> dict[str, float]:
    scores: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        for name, score in row.principles.items():
            scores[name].append(score)
    return {name: fmean(scores[name]) for name in principle_order(scores)}


def _weakest(averages: dict[str, float]) -> str | None:
    return min(averages, key=lambda name: averages[name]) if averages else None


def _periods(rows: Sequence[ResultRow]) -> tuple[list[tuple[dt.date, float, float]], str]:
    """Average total and pass rate per day, or per week (its Monday) when the calls span over a month."""
    days = [row.started_at.date() for row in rows]
    weekly = (max(days) - min(days)).days > 31
    groups: dict[dt.date, list[ResultRow]] = defaultdict(list)
    for day, row in zip(days, rows, strict=True):
        groups[day - dt.timedelta(days=day.weekday()) if weekly else day].append(row)
    periods = [
        (start, fmean(r.total for r in group), 100 * sum(r.passed for r in group) / len(group))
        for start, group in sorted(groups.items())
    ]
    return periods, "week" if weekly else "day"


def _trainee(name: str, rows: Sequence[ResultRow], findings: int) -> TraineeStats:
    totals = [row.total for row in rows]
    window = min(TREND_CALLS, len(totals) // 2)
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for row in rows:
        by_day[row.started_at.date()].append(row.total)
    averages = _principle_averages(rows)
    return TraineeStats(
        name=name,
        calls=len(rows),
        passed=sum(row.passed for row in rows),
        average=fmean(totals),
        best=max(totals),
        first=fmean(totals[:window]) if window else None,
        last=fmean(totals[-window:]) if window else None,
        principles=averages,
        weakest=_weakest(averages),
        daily=[(day, fmean(values)) for day, values in sorted(by_day.items())],
        findings=findings,
    )


def summarize(rows: Sequence[ResultRow], findings: Sequence[Finding] = ()) -> TeamStats:
    """The report's figures from saved results (oldest first, as ``ResultStore.results`` gives them)."""
    if not rows:
        return TeamStats(0, 0, 0.0, {}, None, [], [], "day", None, None, len(findings), 0)
    by_trainee: dict[str, list[ResultRow]] = defaultdict(list)
    for row in rows:
        by_trainee[row.trainee].append(row)
    finding_counts: dict[str, int] = defaultdict(int)
    for finding in findings:
        finding_counts[finding.trainee] += 1
    averages = _principle_averages(rows)
    periods, unit = _periods(rows)
    return TeamStats(
        calls=len(rows),
        passed=sum(row.passed for row in rows),
        average=fmean(row.total for row in rows),
        principles=averages,
        weakest=_weakest(averages),
        trainees=[
            _trainee(name, by_trainee[name], finding_counts[name])
            for name in sorted(by_trainee, key=str.lower)
        ],
        periods=periods,
        period_unit=unit,
        first_day=min(row.started_at for row in rows).date(),
        last_day=max(row.started_at for row in rows).date(),
        findings=len(findings),
        flagged_calls=sum(1 for row in rows if row.findings),
    )


def report_html(store: ResultStore, drill: str | None = None) -> str:
    """The report over every finished call in ``store`` (of one drill, when named)."""
    return render_report(store.results(drill=drill), store.findings(drill=drill), drill)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _day(value: dt.date) -> str:
    return f"{value.day} {value:%b %Y}"


def _calls(count: int) -> str:
    return f"{count} call" if count == 1 else f"{count} calls"


def _band(score: float) -> str:
    """A colour class for a 0-100 score, so weak spots stand out on screen and on paper."""
    return "good" if score >= 80 else "fair" if score >= 60 else "weak"


def _score(value: float, **data: str) -> str:
    """A table cell with a coloured score; ``data`` becomes data-* attributes naming what it is."""
    attrs = "".join(f' data-{key.replace("_", "-")}="{_e(v)}"' for key, v in data.items())
    return f'<td class="num"><span class="score {_band(value)}"{attrs}>{value:.1f}</span></td>'


def _kpis(team: TeamStats) -> str:
    calls = _calls(team.calls)
    cards = [
        ("Pass rate", f"{team.pass_rate:.0f}%", f"{team.passed} of {calls} passed", "pass-rate"),
        ("Average total", f"{team.average:.1f}", "out of 100", "average-total"),
        ("Trainees", str(len(team.trainees)), calls, "trainees"),
        ("Compliance findings", str(team.findings), f"in {team.flagged_calls} of {calls}", "findings"),
    ]
    return "".join(
        f'<div class="kpi"><div class="kpi-label">{title}</div>'
        f'<div class="kpi-value" data-stat="{key}">{_e(value)}</div>'
        f'<div class="kpi-sub">{_e(sub)}</div></div>'
        for title, value, sub, key in cards
    )


def _principles_section(team: TeamStats) -> str:
    rows = "".join(
        f"<tr><th scope=row>{_e(label(name))}</th>{_score(avg, principle=name)}</tr>"
        for name, avg in team.principles.items()
    )
    weakest = (
        f"<p class=note>The team's weakest principle is <strong>{_e(label(team.weakest))}</strong> "
        f"({team.principles[team.weakest]:.1f}); it is highlighted.</p>"
        if team.weakest
        else ""
    )
    chart = charts.principle_bars(team.principles, {n: label(n) for n in team.principles}, team.weakest)
    return (
        '<section class="card"><h2>Principles: team average</h2>'
        f'<div class="split"><figure>{chart}</figure>'
        f'<table class="compact"><thead><tr><th>Principle</th><th class="num">Average</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>{weakest}</section>"
    )


def _trend_cell(trainee: TraineeStats) -> str:
    if trainee.first is None or trainee.last is None:
        return '<td class="num muted">—</td>'
    change = trainee.last - trainee.first
    arrow, kind = ("▲", "up") if change > 0.5 else ("▼", "down") if change < -0.5 else ("▶", "flat")
    return (
        f'<td class="num"><span class="trend {kind}">{arrow} {change:+.1f}</span>'
        f'<span class="muted small"> {trainee.first:.0f} → {trainee.last:.0f}</span></td>'
    )


def _trainee_table(team: TeamStats) -> str:
    body = []
    for t in team.trainees:
        weakest = (
            f'<td data-trainee-weakest="{_e(t.name)}" data-key="{_e(t.weakest)}">{_e(label(t.weakest))} '
            f'<span class="muted">({t.principles[t.weakest]:.1f})</span></td>'
            if t.weakest
            else "<td>—</td>"
        )
        body.append(
            f"<tr><th scope=row>{_e(t.name)}</th><td class=num>{t.calls}</td>"
            f'<td class=num data-trainee-pass="{_e(t.name)}">{t.pass_rate:.0f}%</td>'
            f"{_score(t.average, trainee_average=t.name)}<td class=num>{t.best}</td>"
            f"{_trend_cell(t)}{weakest}<td class=num>{t.findings or ''}</td></tr>"
        )
    return (
        '<table><thead><tr><th>Trainee</th><th class="num">Calls</th><th class="num">Pass rate</th>'
        '<th class="num">Average</th><th class="num">Best</th>'
        '<th class="num">Trend, first → last calls</th>'
        '<th>Weakest principle</th><th class="num">Findings</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _trainee_cards(team: TeamStats) -> str:
    cards = []
    trends = charts.TraineeTrends(team.average)
    for i, t in enumerate(team.trainees):
        chart = trends.render(t.daily, f"trainee-{i}", f"{t.name}: average total per day")
        weakest = f"Weakest: {_e(label(t.weakest))} ({t.principles[t.weakest]:.1f})" if t.weakest else ""
        figures = f"{_calls(t.calls)} · pass {t.pass_rate:.0f}% · avg {t.average:.1f}"
        cards.append(
            f'<div class="trainee"><div class="trainee-head"><strong>{_e(t.name)}</strong>'
            f'<span class="muted small">{figures}</span></div>'
            f'<figure>{chart}</figure><div class="small">{weakest}</div></div>'
        )
    return (
        '<p class="note">Average total per day; the dotted line is the team average.</p>'
        f'<div class="trainees">{"".join(cards)}</div>'
    )


def _turn(turn: int | None) -> str:
    return "" if turn is None else f' <span class="muted">(turn {turn})</span>'


def _findings_section(findings: Sequence[Finding]) -> str:
    if not findings:
        return (
            '<section class="card"><h2>Compliance findings</h2>'
            '<p class="note">None: no call broke a rule.</p></section>'
        )
    rows = "".join(
        f"<tr><td class=nowrap>{f.started_at:%Y-%m-%d %H:%M}</td><td>{_e(f.trainee)}</td>"
        f'<td>{_e(f.scenario)}</td><td><span class="rule">{_e(label(f.rule))}</span></td>'
        f'<td class="words">“{_e(f.text)}”{_turn(f.turn)}</td></tr>'
        for f in reversed(findings)
    )
    return (
        '<section class="card break"><h2>Compliance findings</h2>'
        f'<p class="note">Every line flagged as unlawful or abusive, newest first ({len(findings)} in all). '
        "These fail a call whatever its scores.</p>"
        '<table class="findings"><thead><tr><th>When (UTC)</th><th>Trainee</th><th>Scenario</th><th>Rule</th>'
        f"<th>Words</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _header(team: TeamStats, heading: str) -> str:
    if team.first_day and team.last_day:
        first, last = _day(team.first_day), _day(team.last_day)
        span = first if first == last else f"{first} – {last}"
        trainees = "1 trainee" if len(team.trainees) == 1 else f"{len(team.trainees)} trainees"
        meta = f"{_calls(team.calls)} by {trainees} · {span}"
    else:
        meta = "No finished calls saved yet."
    return (
        '<header class="top"><div class="wrap"><div class="brand">Collector Sim · Team report</div>'
        f'<h1>{_e(heading)}</h1><p class="meta">{_e(meta)}</p></div></header>'
    )


def _body(team: TeamStats, findings: Sequence[Finding]) -> list[str]:
    if not team.calls:
        return [
            '<section class="card"><p>Finished calls appear here once trainees have taken them.</p></section>'
        ]
    trend = charts.team_trend(team.periods, team.period_unit)
    trainees = _trainee_table(team) + _trainee_cards(team)
    return [
        f'<section class="kpis">{_kpis(team)}</section>',
        _principles_section(team),
        f'<section class="card"><h2>Team trend</h2><figure>{trend}</figure></section>',
        f'<section class="card break"><h2>Trainees</h2>{trainees}</section>',
        _findings_section(findings),
    ]


def render_report(rows: Sequence[ResultRow], findings: Sequence[Finding], drill: str | None) -> str:
    """The whole HTML page for these results."""
    team = summarize(rows, findings)
    heading = f"Drill: {drill}" if drill else "All drills"
    footer = (
        "<footer>A call passes when it meets its drill's pass marks (total, each principle, no compliance "
        f"finding). A trend compares a trainee's first {TREND_CALLS} calls with their last {TREND_CALLS} "
        "(fewer when they have taken under ten). Averages are over finished calls; times are UTC.</footer>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Collector Sim team report · {_e(heading)}</title><style>{CSS}</style></head>"
        f"<body>{_header(team, heading)}<main>{''.join(_body(team, findings))}{footer}</main></body></html>\n"
    )


CSS = """
:root { --ink: #1d2b3a; --muted: #6b7785; --line: #e3e7ec; --bg: #f4f6f8; --accent: #2f5d8a;
  --good: #2e8b57; --fair: #c9730a; --weak: #c0392b; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 -apple-system, "Segoe UI",
  Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", "PingFang SC", "Microsoft YaHei",
  "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }
main, .wrap { max-width: 1040px; margin: 0 auto; padding: 0 24px; }
main { padding-bottom: 32px; }
.top { background: var(--ink); color: #fff; padding: 22px 0 18px; margin-bottom: 20px; }
.brand { font-size: 12px; letter-spacing: .08em; text-transform: uppercase; opacity: .75; }
h1 { margin: 4px 0 2px; font-size: 26px; font-weight: 600; }
.meta { margin: 0; opacity: .85; }
h2 { margin: 0 0 12px; font-size: 17px; font-weight: 600; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px;
  margin: 0 0 18px; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; margin-bottom: 18px; }
.kpi { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.kpi-label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.kpi-value { font-size: 30px; font-weight: 600; margin: 2px 0; font-variant-numeric: tabular-nums; }
.kpi-sub { font-size: 12px; color: var(--muted); }
figure { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; }
.split { display: grid; grid-template-columns: 2fr 1fr; gap: 20px; align-items: center; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  font-weight: 600; border-bottom: 2px solid var(--line); }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: #fafbfc; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.compact td, .compact th { padding: 5px 6px; }
.score { display: inline-block; min-width: 44px; padding: 1px 6px; border-radius: 10px; text-align: center; }
.score.good { background: #e3f3ea; color: #1e6b41; }
.score.fair { background: #fbefd9; color: #8a4f05; }
.score.weak { background: #f8e1de; color: #9b2c20; }
.trend.up { color: var(--good); } .trend.down { color: var(--weak); } .trend.flat { color: var(--muted); }
.muted { color: var(--muted); } .small { font-size: 12px; } .nowrap { white-space: nowrap; }
.note { color: var(--muted); font-size: 13px; margin: 12px 0 0; }
.trainees { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; margin-top: 10px; }
.trainee { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.trainee-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px;
  flex-wrap: wrap; }
.rule { display: inline-block; padding: 1px 7px; border-radius: 10px; background: #f8e1de; color: #9b2c20;
  font-size: 12px; white-space: nowrap; }
.words { font-style: italic; }
footer { color: var(--muted); font-size: 12px; margin-top: 8px; }
@media (max-width: 760px) {
  .kpis { grid-template-columns: repeat(2, 1fr); }
  .split, .trainees { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  table { font-size: 11px; }
  .kpi-value { font-size: 22px; }
  main, .wrap { max-width: none; padding: 0; }
  .top { padding: 14px 16px 12px; margin-bottom: 12px; }
  .card, .kpi, .trainee { break-inside: avoid; }
  .card { border-color: #d5dae0; padding: 12px 14px; margin-bottom: 12px; }
  .card.break { break-inside: auto; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .kpis { grid-template-columns: repeat(4, 1fr); }
  .split { grid-template-columns: 2fr 1fr; }
  .trainees { grid-template-columns: repeat(2, 1fr); }
}
"""
