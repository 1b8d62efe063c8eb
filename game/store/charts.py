"""The report's charts as geometry: where each bar, point and tick goes, for the template to draw as SVG.

Computing coordinates here and drawing them in ``templates/report.html.j2`` keeps every label escaped by
the template, keeps text as text (selectable, printable, in the page's fonts), and costs microseconds
per chart instead of a plotting library's tens of milliseconds, so the report over 10,000 calls stays
fast. The same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

# The plot area of the small trend charts, in SVG user units (the SVG scales to its box).
TREND_W, TREND_H = 420.0, 170.0
TREND_LEFT, TREND_RIGHT, TREND_TOP, TREND_BOTTOM = 34.0, 12.0, 10.0, 26.0
BAR_W, BAR_ROW, BAR_LEFT, BAR_RIGHT, BAR_TOP, BAR_AXIS = 600.0, 30.0, 140.0, 44.0, 6.0, 24.0


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: float
    length: float
    highlight: bool


@dataclass(frozen=True)
class BarChart:
    """Horizontal bars of 0-100 scores."""

    width: float
    height: float
    left: float
    bar_height: float
    bars: list[Bar]
    ticks: list[Tick]
    axis_y: float


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: float
    day: dt.date


@dataclass(frozen=True)
class LineChart:
    """Two 0-100 series over real dates: x is proportional to the date."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    totals: list[Point]
    rates: list[Point]
    x_ticks: list[Tick]
    y_ticks: list[Tick]

    @staticmethod
    def path(points: Sequence[Point]) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in points)


def day_label(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


def bar_chart(averages: Mapping[str, float], labels: Mapping[str, str], highlight: str | None) -> BarChart:
    """Bars of each principle's average, in the order given, ``highlight`` marked."""
    span = BAR_W - BAR_LEFT - BAR_RIGHT
    bars = [
        Bar(labels[name], value, BAR_TOP + i * BAR_ROW, span * max(0.0, min(value, 100.0)) / 100, name == highlight)
        for i, (name, value) in enumerate(averages.items())
    ]
    axis_y = BAR_TOP + len(bars) * BAR_ROW
    ticks = [Tick(BAR_LEFT + span * v / 100, str(v)) for v in range(0, 101, 20)]
    return BarChart(BAR_W, axis_y + BAR_AXIS, BAR_LEFT, BAR_ROW * 0.62, bars, ticks, axis_y)


def line_chart(
    points: Sequence[tuple[dt.date, float, float]], tick: Callable[[dt.date], str] = day_label
) -> LineChart:
    """(period start, average total, pass rate) points, oldest first, two or more, over real dates;
    ``tick`` names a date on the axis (the page's language)."""
    first, last = points[0][0].toordinal(), points[-1][0].toordinal()
    days = max(last - first, 1)
    inner_w = TREND_W - TREND_LEFT - TREND_RIGHT
    inner_h = TREND_H - TREND_TOP - TREND_BOTTOM

    def x(day: dt.date) -> float:
        return TREND_LEFT + inner_w * (day.toordinal() - first) / days

    def y(value: float) -> float:
        return TREND_TOP + inner_h * (1 - max(0.0, min(value, 100.0)) / 100)

    totals = [Point(x(d), y(total), total, d) for d, total, _ in points]
    rates = [Point(x(d), y(rate), rate, d) for d, _, rate in points]
    middle = points[len(points) // 2][0]
    shown = sorted({points[0][0], middle, points[-1][0]})
    x_ticks = [Tick(x(d), tick(d)) for d in shown]
    y_ticks = [Tick(y(v), str(v)) for v in (0, 50, 100)]
    return LineChart(
        TREND_W, TREND_H, TREND_LEFT, TREND_W - TREND_RIGHT, TREND_TOP, TREND_H - TREND_BOTTOM,
        totals, rates, x_ticks, y_ticks,
    )  # fmt: skip
