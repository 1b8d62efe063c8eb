"""The report's charts: matplotlib figures rendered to SVG text for inlining in one HTML file.

matplotlib is imported inside the functions so that opening the store or printing results never pays
for it. Each chart gets its own hash salt, so the ids inside different inline SVGs never collide, and
no date, so the same data gives the same bytes. Text stays text (``svg.fonttype: none``) and takes the
page's fonts; no font file and no link is embedded.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

INK = "#1d2b3a"
MUTED = "#6b7785"
GRID = "#e3e7ec"
ACCENT = "#2f5d8a"
WARN = "#c9730a"
GOOD = "#2e8b57"

_STYLE: Any = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["Helvetica", "Arial", "DejaVu Sans"],
    "font.size": 9,
    "axes.edgecolor": GRID,
    "axes.labelcolor": MUTED,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(fig: Any, salt: str, title: str) -> str:
    """The figure as an ``<svg>`` that scales to its container; screen readers read ``title``."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({**_STYLE, "svg.hashsalt": salt}):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    label = html.escape(title, quote=True)
    return re.sub(
        r'<svg([^>]*?) width="[^"]*" height="[^"]*"',
        lambda m: f'<svg{m.group(1)} class="chart" role="img" aria-label="{label}"',
        text,
        count=1,
    )


def _figure(width: float, height: float, layout: Literal["constrained"] | None = "constrained") -> Any:
    """A figure outside pyplot (no global state, no window); ``layout=None`` draws once instead of twice."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_STYLE):
        return Figure(figsize=(width, height), layout=layout)


def principle_bars(averages: Mapping[str, float], labels: Mapping[str, str], weakest: str | None) -> str:
    """Horizontal bars of the team's average per principle, the weakest one highlighted."""
    import matplotlib

    names = list(averages)
    fig = _figure(6.0, 0.4 * len(names) + 0.7)
    with matplotlib.rc_context(_STYLE):
        ax = fig.add_subplot()
        ys = list(range(len(names)))[::-1]
        colors = [WARN if n == weakest else ACCENT for n in names]
        ax.barh(ys, [averages[n] for n in names], color=colors, height=0.62)
        for y, name in zip(ys, names, strict=True):
            ax.text(averages[name] + 1.2, y, f"{averages[name]:.1f}", va="center", color=INK, fontsize=9)
        ax.set_yticks(ys, [labels[n] for n in names], color=INK)
        ax.set_xlim(0, 105)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.grid(axis="x", color=GRID, linewidth=0.8)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
    return _svg(fig, "principles", "The team's average score per principle")


class ScenarioTrends:
    """Small charts of one scenario's average total and pass rate per period, over real dates.

    One figure is built once and redrawn for every scenario: building a figure costs more than drawing
    it. Callers draw only scenarios taken in two periods or more: one period is a figure, not a trend.
    """

    def __init__(self, unit: str) -> None:
        import matplotlib

        with matplotlib.rc_context(_STYLE):
            self._fig = _figure(4.2, 1.7, layout=None)
            self._fig.subplots_adjust(left=0.09, right=0.98, top=0.95, bottom=0.16)
            self._ax = self._fig.add_subplot()
            (self._total,) = self._ax.plot(
                [], [], color=ACCENT, lw=1.6, marker="o", markersize=3.2, label=f"average total per {unit}"
            )
            (self._rate,) = self._ax.plot(
                [], [], color=GOOD, lw=1.2, ls="--", marker="s", markersize=2.6, label=f"pass rate per {unit} (%)"
            )
            self._ax.set_ylim(0, 102)
            self._ax.set_yticks([0, 50, 100])
            self._ax.grid(axis="y", color=GRID, linewidth=0.6)
            self._ax.tick_params(labelsize=7.5)

    def render(self, points: Sequence[tuple[dt.date, float, float]], salt: str, title: str) -> str:
        """The chart of (period start, average total, pass rate) points, oldest first; two or more."""
        days = [p[0].toordinal() for p in points]
        self._total.set_data(days, [p[1] for p in points])
        self._rate.set_data(days, [p[2] for p in points])
        first, last = days[0], days[-1]
        pad = max(1.0, (last - first) * 0.03)
        self._ax.set_xlim(first - pad, last + pad)
        ticks = sorted({first, days[len(days) // 2], last})
        self._ax.set_xticks(ticks, [_day_label(dt.date.fromordinal(t)) for t in ticks])
        return _svg(self._fig, salt, title)


def _day_label(day: dt.date) -> str:
    return f"{day.day} {day:%b}"
